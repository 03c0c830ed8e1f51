// The fake host itself, held to what Office documents (learn.microsoft.com/javascript/api/excel, the
// `[API set: ExcelApi x.y]` remarks in @types/office-js) and to ../shared/design/OFFICE-FACTS.md: cells
// calculated as a spreadsheet would, syncs counted and delayed, events with Office's argument shapes,
// cell edit mode, requirement sets, protection and custom XML parts.
import { HyperFormula } from 'hyperformula';
import { writeLayoutToWorkbook } from '../../src/excel/insert-template';
import { buildLayout, locateCells, STATUS_TEXT } from '../../src/layout';
import { identitiesOf } from '../../src/rules';
import { seeded, validValues } from '../layout/support/random-report';
import {
  cellAt,
  colToLetters,
  conditionalFormatApplies,
  createFakeExcel,
  FakeOfficeError,
  fakeOfficeGlobals,
  nameFormula,
  rectAddress,
  remoteEdit,
  runExcel,
  setCellEditMode,
  settled,
  sheetNamed,
  shownCell,
  shownFill,
  shownValue,
  supportsFor,
  userClear,
  userDeleteRows,
  userInsertRows,
  userPaste,
  userSelect,
  userType,
  UserActionRefused,
  type FakeRequestContext,
  type FakeWorksheetChangedEventArgs,
} from './fake-excel';
import { engineFormula, shiftFormula } from './fake-excel-formula';

const asExcel = (ctx: FakeRequestContext): Excel.RequestContext => ctx as unknown as Excel.RequestContext;

/** Every WorksheetChanged event of a sheet, in order, as plain data. */
async function recordChanges(ctx: FakeRequestContext, sheet: string): Promise<FakeWorksheetChangedEventArgs[]> {
  const seen: FakeWorksheetChangedEventArgs[] = [];
  ctx.workbook.worksheets.getItem(sheet).onChanged.add(async (args) => {
    seen.push(args);
  });
  await ctx.sync();
  return seen;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('cells are calculated by HyperFormula', () => {
  it('gives a formula cell its value and type, constants as they were typed', async () => {
    const ctx = createFakeExcel([
      {
        name: 'S',
        cells: { A1: 4, A2: '=A1*2', A3: '="有 "&A1&" 个"', A4: '=A1>3', A5: '=1/0', A6: '=B9', A7: "'12", A8: '#N/A' },
      },
    ]);
    const range = ctx.workbook.worksheets.getItem('S').getRange('A1:A9').load('values,valueTypes,formulas');
    await ctx.sync();
    expect(range.values.map((r) => r[0])).toEqual([4, 8, '有 4 个', true, '#DIV/0!', 0, '12', '#N/A', '']);
    expect(range.valueTypes.map((r) => r[0])).toEqual([
      'Double',
      'Double',
      'String',
      'Boolean',
      'Error',
      'Double',
      'String',
      'Error',
      'Empty',
    ]);
    expect(range.formulas[1][0]).toBe('=A1*2');
    // The stored cell keeps its formula; the value is the engine's.
    expect(cellAt(sheetNamed(ctx, 'S'), 1, 0)).toEqual({ formula: '=A1*2', value: null });
  });

  it('recalculates after every applied write, and a load holds the values of its sync', async () => {
    const ctx = createFakeExcel([{ name: 'S', cells: { A1: 1, B1: '=A1+1' } }]);
    const ws = ctx.workbook.worksheets.getItem('S');
    const first = ws.getRange('B1').load('values');
    await ctx.sync();
    ws.getRange('A1').values = [[41]];
    const second = ws.getRange('B1').load('values');
    await ctx.sync();
    expect(first.values).toEqual([[2]]);
    expect(second.values).toEqual([[42]]);
    expect(shownValue(sheetNamed(ctx, 'S'), 'B1')).toBe(42);
  });

  it('reads other sheets by quoted and bare names, Chinese and with spaces, and names that HyperFormula lacks syntax for', async () => {
    const ctx = createFakeExcel([
      { name: '年报 2024', cells: { B3: 5 } },
      { name: '年报', cells: { A1: 2 } },
      {
        name: 'Sheet1',
        cells: {
          A1: "='年报 2024'!B3*10",
          A2: '=年报!A1+1',
          A3: '=TRUE',
          A4: '=1E-9*2E9',
          A5: "=SUM('年报 2024'!B3:C3)",
        },
      },
    ]);
    const sheet = sheetNamed(ctx, 'Sheet1');
    expect(['A1', 'A2', 'A3', 'A4', 'A5'].map((a) => shownValue(sheet, a))).toEqual([50, 3, true, 2, 5]);
  });

  it('follows writes made straight into the state, and later sheets that formulas name', async () => {
    const ctx = createFakeExcel([{ name: 'S', cells: { A1: "='Later'!A1+1" } }]);
    const sheet = sheetNamed(ctx, 'S');
    expect(shownCell(sheet, 'A1')).toEqual({ value: '#REF!', type: 'Error' });
    ctx.workbook.worksheets.add('Later').getRange('A1').values = [[9]];
    await ctx.sync();
    expect(shownValue(sheet, 'A1')).toBe(10);
    sheetNamed(ctx, 'Later').cells.set('0,0', { value: 99 });
    expect(shownValue(sheet, 'A1')).toBe(100);
  });

  it('refuses a formula that does not parse, as Excel refuses to store it', async () => {
    const ctx = createFakeExcel([{ name: 'S' }]);
    ctx.workbook.worksheets.getItem('S').getRange('A1').formulas = [['=1+']];
    expect(await rejection(ctx.sync())).toMatchObject({ code: 'InvalidArgument' });
  });

  it('has every function the layouts write (none missing in HyperFormula)', () => {
    const registered = new Set(HyperFormula.getRegisteredFunctionNames('enGB'));
    const used = new Set<string>();
    for (const version of ['2021', '2019'] as const) {
      const layout = buildLayout({ version, year: 2024 });
      const formulas = [
        ...layout.cells.flatMap((c) => (c.formula ? [c.formula] : [])),
        ...layout.conditionalFills.map((f) => f.formula),
      ];
      for (const f of formulas)
        for (const m of f.replace(/"[^"]*"/g, '').matchAll(/([A-Z][A-Z0-9.]*)\(/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((name) => !registered.has(name))).toEqual([]);
  });
});

describe('the layout evaluated in the fake sheet', () => {
  const layout = buildLayout({ version: '2021', year: 2024 });
  const at = locateCells(layout);
  const a1 = (key: string): string => {
    const p = at.get(key);
    if (!p) throw new Error(key);
    return `${colToLetters(p.col)}${p.row + 1}`;
  };
  const statusA1 = (table: string): string => {
    const check = layout.checks.find((c) => c.table === table);
    if (!check) throw new Error(table);
    return `${colToLetters(check.status.col)}${check.status.row + 1}`;
  };

  async function inserted(): Promise<{ ctx: FakeRequestContext; sheet: string }> {
    const ctx = createFakeExcel();
    const { sheetName } = await writeLayoutToWorkbook(asExcel(ctx), layout, {
      values: validValues('2021', seeded(7)),
      profileXml: '',
      supports: supportsFor(ctx),
    });
    return { ctx, sheet: sheetName };
  }

  it('shows 校验通过 in every status cell of a consistent report', async () => {
    const { ctx, sheet } = await inserted();
    for (const check of layout.checks)
      expect(shownValue(sheetNamed(ctx, sheet), statusA1(check.table))).toBe(STATUS_TEXT.pass);
  });

  it('names a broken identity in the status and lights its conditional fill, as the user types', async () => {
    const { ctx, sheet } = await inserted();
    const identity = identitiesOf('2021')[0];
    const state = sheetNamed(ctx, sheet);
    const result = a1(identity.result);
    const fill = state.conditionalFormats.find((cf) => cf.rects.some((r) => rectAddress(r) === result));
    if (!fill) throw new Error('no fill on the result cell');
    expect(conditionalFormatApplies(ctx, sheet, fill, result)).toBe(false);
    await userType(ctx, sheet, result, Number(shownValue(state, result)) + 1);
    const status = String(shownValue(state, statusA1(identity.table)));
    expect(status.startsWith('✖')).toBe(true);
    expect(status).toContain('差 +1');
    expect(conditionalFormatApplies(ctx, sheet, fill, result)).toBe(true);
    expect(shownFill(ctx, sheet, result)).toEqual({ fill: '#FFC7CE', fontColor: '#9C0006' });
    // The status cell's own fills: red on ✖.
    expect(shownFill(ctx, sheet, statusA1(identity.table)).fill).toBe('#FFC7CE');
  });

  it('evaluates a conditional format relative to the cell, and not outside its range', async () => {
    const ctx = createFakeExcel([{ name: '年报 2024', cells: { B3: -1, C3: 2 } }]);
    const ws = ctx.workbook.worksheets.getItem('年报 2024');
    ws.getRange('B3:C3').conditionalFormats.add('Custom').custom.rule.formula = '=B3<0';
    await ctx.sync();
    const [cf] = sheetNamed(ctx, '年报 2024').conditionalFormats;
    expect(conditionalFormatApplies(ctx, '年报 2024', cf, 'B3')).toBe(true);
    expect(conditionalFormatApplies(ctx, '年报 2024', cf, 'C3')).toBe(false);
    expect(conditionalFormatApplies(ctx, '年报 2024', cf, 'B4')).toBe(false);
  });
});

describe('round trips', () => {
  it('counts every sync, and takes no time by default', async () => {
    const ctx = createFakeExcel();
    const started = Date.now();
    for (let i = 0; i < 20; i += 1) await ctx.sync();
    expect(ctx.syncCount).toBe(20);
    expect(Date.now() - started).toBeLessThan(200);
  });

  it('delays each sync by the round-trip time, counting syncs of every context of the workbook', async () => {
    const ctx = createFakeExcel([{ name: 'S' }], {}, { roundTripMs: 50 });
    const started = Date.now();
    await ctx.sync();
    await runExcel(ctx, async (context) => context.sync());
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(ctx.syncCount).toBe(2);
  });
});

describe('change events', () => {
  it('gives one event per typed cell, with the documented fields and details of that cell', async () => {
    const ctx = createFakeExcel([{ name: 'S', cells: { B2: '=A2*2' } }]);
    const seen = await recordChanges(ctx, 'S');
    await userType(ctx, 'S', 'A2', '12');
    await userType(ctx, 'S', 'A2', '约3');
    expect(seen).toEqual([
      {
        type: 'WorksheetChanged',
        worksheetId: sheetNamed(ctx, 'S').id,
        address: 'A2',
        changeType: 'RangeEdited',
        source: 'Local',
        triggerSource: 'Unknown',
        details: { valueBefore: '', valueAfter: 12, valueTypeBefore: 'Empty', valueTypeAfter: 'Double' },
      },
      expect.objectContaining({
        address: 'A2',
        details: { valueBefore: 12, valueAfter: '约3', valueTypeBefore: 'Double', valueTypeAfter: 'String' },
      }),
    ]);
    expect(shownValue(sheetNamed(ctx, 'S'), 'B2')).toBe('#VALUE!');
  });

  it('writes a cell typed into a merged area at its top-left, the event naming the area (no details)', async () => {
    const ctx = createFakeExcel([{ name: 'S', merges: ['B2:C2'] }]);
    const seen = await recordChanges(ctx, 'S');
    await userType(ctx, 'S', 'C2', '-');
    expect(cellAt(sheetNamed(ctx, 'S'), 1, 1)).toEqual({ value: '-' });
    expect(seen.map((e) => [e.address, 'details' in e])).toEqual([['B2:C2', false]]);
  });

  it('calls handlers only after the change, asynchronously, and only once registered at a sync', async () => {
    const ctx = createFakeExcel([{ name: 'S' }]);
    const calls: string[] = [];
    ctx.workbook.worksheets.getItem('S').onChanged.add(async (args) => {
      calls.push(args.address);
    });
    await userType(ctx, 'S', 'A1', 1); // not registered yet
    await ctx.sync();
    const typing = userType(ctx, 'S', 'A2', 2);
    expect(calls).toEqual([]);
    await typing;
    expect(calls).toEqual(['A2']);
  });

  it('gives a pasted block one event without details, a pasted single cell its details', async () => {
    const ctx = createFakeExcel([{ name: 'S' }]);
    const seen = await recordChanges(ctx, 'S');
    await userPaste(ctx, 'S', 'B2', [
      [1, 2],
      [3, '四'],
    ]);
    await userPaste(ctx, 'S', 'D1', [[5]]);
    await userClear(ctx, 'S', 'B2:C3');
    expect(seen.map((e) => [e.address, 'details' in e])).toEqual([
      ['B2:C3', false],
      ['D1', true],
      ['B2:C3', false],
    ]);
    expect(seen[1].details).toEqual({
      valueBefore: '',
      valueAfter: 5,
      valueTypeBefore: 'Empty',
      valueTypeAfter: 'Double',
    });
  });

  it("flags the add-in's own writes ThisLocalAddin, and silences them with runtime.enableEvents = false", async () => {
    const ctx = createFakeExcel([{ name: 'S' }]);
    const seen = await recordChanges(ctx, 'S');
    const ws = ctx.workbook.worksheets.getItem('S');
    ws.getRange('A1').values = [[1]];
    ws.getRange('A2:B2').formulas = [['=A1', 'x']];
    await ctx.sync();
    await settled(ctx);
    expect(seen.map((e) => [e.address, e.triggerSource, e.source, 'details' in e])).toEqual([
      ['A1', 'ThisLocalAddin', 'Local', true],
      ['A2:B2', 'ThisLocalAddin', 'Local', false],
    ]);
    ctx.runtime.enableEvents = false;
    ws.getRange('A3').values = [[3]];
    await ctx.sync();
    await userType(ctx, 'S', 'A4', 4); // events off for this add-in: the user's edit is not seen either
    ctx.runtime.enableEvents = true;
    const flag = ctx.runtime.load('enableEvents');
    await ctx.sync();
    await settled(ctx);
    expect(flag.enableEvents).toBe(true);
    expect(seen).toHaveLength(2);
  });

  it("marks a co-author's edit Remote", async () => {
    const ctx = createFakeExcel([{ name: 'S' }]);
    const seen = await recordChanges(ctx, 'S');
    await remoteEdit(ctx, 'S', 'C3', 7);
    expect(seen).toEqual([expect.objectContaining({ address: 'C3', source: 'Remote', triggerSource: 'Unknown' })]);
  });

  it('has no triggerSource below ExcelApi 1.14 and no details below 1.9', async () => {
    for (const [api, trigger, details] of [
      ['1.13', false, true],
      ['1.8', false, false],
    ] as const) {
      const ctx = createFakeExcel([{ name: 'S' }], {}, { excelApi: api });
      const seen = await recordChanges(ctx, 'S');
      await userType(ctx, 'S', 'A1', 1);
      expect(seen).toHaveLength(1);
      expect(['triggerSource' in seen[0], 'details' in seen[0]]).toEqual([trigger, details]);
    }
  });

  it('reaches the collection handlers for every sheet, and gives the changed range through getRange(context)', async () => {
    const ctx = createFakeExcel([{ name: 'A' }, { name: '年报 2024' }]);
    const addresses: string[] = [];
    ctx.workbook.worksheets.onChanged.add(async (args) => {
      const range = args.getRange(ctx).load('address');
      await ctx.sync();
      addresses.push(range.address);
    });
    await ctx.sync();
    await userType(ctx, 'A', 'B2', 1);
    await userType(ctx, '年报 2024', 'C3', 2);
    expect(addresses).toEqual(['A!B2', "'年报 2024'!C3"]);
  });

  it('removes a handler at the next sync, and only through the context it was added in', async () => {
    const ctx = createFakeExcel([{ name: 'S' }]);
    let calls = 0;
    const handler = async (): Promise<void> => {
      calls += 1;
    };
    const result = await runExcel(ctx, async (context) => {
      const added = context.workbook.worksheets.getItem('S').onChanged.add(handler);
      await context.sync();
      return added;
    });
    // Another context cannot remove it: it silently stays.
    await runExcel(ctx, async (other) => {
      other.workbook.worksheets.getItem('S').onChanged.remove(handler);
      await other.sync();
    });
    await userType(ctx, 'S', 'A1', 1);
    result.remove();
    await userType(ctx, 'S', 'A1', 2); // queued, not yet sent
    await runExcel(ctx, result, async (context) => context.sync());
    await userType(ctx, 'S', 'A1', 3);
    expect(calls).toBe(2);
    expect(ctx.host.events.count('onChanged')).toBe(0);
  });

  it('raises selection changes and added worksheets', async () => {
    const ctx = createFakeExcel([{ name: 'S', merges: ['B2:C2'] }]);
    const events: unknown[] = [];
    ctx.workbook.worksheets.getItem('S').onSelectionChanged.add(async (args) => {
      events.push(args);
    });
    ctx.workbook.worksheets.onAdded.add(async (args) => {
      events.push(args);
    });
    await ctx.sync();
    await userSelect(ctx, 'S', 'C2');
    const added = ctx.workbook.worksheets.add('新表').load('id');
    await ctx.sync();
    await settled(ctx);
    expect(events).toEqual([
      { type: 'WorksheetSelectionChanged', worksheetId: sheetNamed(ctx, 'S').id, address: 'B2:C2' },
      { type: 'WorksheetAdded', worksheetId: added.id, source: 'Local' },
    ]);
  });

  it('lets a test see what a handler threw, and stops an add-in that reacts to its own writes forever', async () => {
    const ctx = createFakeExcel([{ name: 'S' }]);
    ctx.workbook.worksheets.getItem('S').onChanged.add(async () => {
      throw new Error('handler failed');
    });
    await ctx.sync();
    await expect(userType(ctx, 'S', 'A1', 1)).rejects.toThrow('handler failed');

    const loop = createFakeExcel([{ name: 'S' }]);
    let n = 0;
    let stop = false;
    loop.workbook.worksheets.getItem('S').onChanged.add(async () => {
      if (stop) return;
      n += 1;
      loop.workbook.worksheets.getItem('S').getRange('Z1').values = [[n]];
      await loop.sync();
    });
    await loop.sync();
    await expect(userType(loop, 'S', 'A1', 1)).rejects.toThrow(/More than 1000 events/);
    stop = true;
    await settled(loop);
  });
});

describe('rows inserted and deleted by the user', () => {
  function book(): FakeRequestContext {
    const ctx = createFakeExcel([
      {
        name: 'S',
        cells: { A1: 1, A2: 2, A3: 3, A4: 4, B5: '=SUM(A1:A4)', C5: '=A3*10', D5: '=$A$4' },
        merges: ['A6:B7'],
        names: [
          { name: 'NB_ALL', address: 'A1:A4' },
          { name: 'NB_THREE', address: 'A3' },
        ],
      },
      { name: '其他 表', cells: { A1: '=S!A4+S!B5' } },
    ]);
    return ctx;
  }

  it('deletes rows as Excel does: cells move up, references follow or become #REF!, one RowDeleted event', async () => {
    const ctx = book();
    const seen = await recordChanges(ctx, 'S');
    const ws = ctx.workbook.worksheets.getItem('S');
    ws.getRange('B1:B4').conditionalFormats.add('Custom').custom.rule.formula = '=A1>2';
    await ctx.sync();
    await settled(ctx);
    seen.splice(0);
    await userDeleteRows(ctx, 'S', 3);
    const sheet = sheetNamed(ctx, 'S');
    expect(seen).toEqual([expect.objectContaining({ address: '3:3', changeType: 'RowDeleted', source: 'Local' })]);
    expect(seen[0].details).toBeUndefined();
    expect(cellAt(sheet, 3, 1)?.formula).toBe('=SUM(A1:A3)');
    expect(cellAt(sheet, 3, 2)?.formula).toBe('=#REF!*10');
    expect(cellAt(sheet, 3, 3)?.formula).toBe('=$A$3');
    expect(shownValue(sheet, 'B4')).toBe(7);
    expect(shownValue(sheet, 'C4')).toBe('#REF!');
    expect(shownValue(sheetNamed(ctx, '其他 表'), 'A1')).toBe(11);
    expect(sheet.merges.map(rectAddress)).toEqual(['A5:B6']);
    expect(sheet.names.map(nameFormula)).toEqual(['=S!$A$1:$A$3', '=S!#REF!']);
    expect(sheet.conditionalFormats.map((cf) => [cf.rects.map(rectAddress).join(), cf.formula])).toEqual([
      ['B1:B3', '=A1>2'],
    ]);
  });

  it('inserts rows: cells move down, areas that span the insertion grow, one RowInserted event', async () => {
    const ctx = book();
    const seen = await recordChanges(ctx, 'S');
    await userInsertRows(ctx, 'S', 2, 2);
    const sheet = sheetNamed(ctx, 'S');
    expect(seen).toEqual([expect.objectContaining({ address: '2:3', changeType: 'RowInserted' })]);
    expect(cellAt(sheet, 6, 1)?.formula).toBe('=SUM(A1:A6)');
    expect(shownValue(sheet, 'B7')).toBe(10);
    expect(sheet.names.map(nameFormula)).toEqual(['=S!$A$1:$A$6', '=S!$A$5']);
    expect(sheetNamed(ctx, '其他 表').cells.get('0,0')?.formula).toBe('=S!A6+S!B7');
  });

  it('refuses both on a protected sheet that does not allow them', async () => {
    const ctx = book();
    ctx.workbook.worksheets.getItem('S').protection.protect({ allowInsertRows: false });
    await ctx.sync();
    await expect(userDeleteRows(ctx, 'S', 1)).rejects.toBeInstanceOf(UserActionRefused);
    await expect(userInsertRows(ctx, 'S', 1)).rejects.toMatchObject({ reason: 'protected' });
  });
});

describe('cell edit mode', () => {
  it('rejects a batch sent while the user edits a cell, and drops it', async () => {
    const ctx = createFakeExcel([{ name: 'S' }]);
    setCellEditMode(ctx, true);
    ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[1]];
    const error = await rejection(ctx.sync());
    expect(error).toBeInstanceOf(FakeOfficeError);
    expect(error).toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    setCellEditMode(ctx, false);
    await ctx.sync();
    expect(cellAt(sheetNamed(ctx, 'S'), 0, 0)).toBeUndefined();
  });

  it('runs a batch with delayForCellEdit once the user leaves edit mode (pressing Enter after typing)', async () => {
    const ctx = createFakeExcel([{ name: 'S' }]);
    setCellEditMode(ctx, true);
    let done = false;
    const run = runExcel(ctx, { delayForCellEdit: true }, async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1').load('values');
      await context.sync();
      done = true;
      return range.values[0][0];
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Waiting for the user is not work under way: a paste meanwhile settles.
    await userPaste(ctx, 'S', 'B1', [[1]]);
    expect(done).toBe(false);
    await userType(ctx, 'S', 'A1', 5);
    await expect(run).resolves.toBe(5);
  });
});

describe('requirement sets', () => {
  it('answers isSetSupported for the level the test chose', () => {
    const supports = supportsFor(createFakeExcel([{ name: 'S' }], {}, { excelApi: '1.13' }));
    expect([supports('ExcelApi', '1.1'), supports('ExcelApi', '1.13'), supports('ExcelApi', '1.14')]).toEqual([
      true,
      true,
      false,
    ]);
    const office = fakeOfficeGlobals(createFakeExcel([{ name: 'S' }], {}, { excelApi: '1.7' }));
    expect(office.Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(false);
    expect(supportsFor(createFakeExcel())('ExcelApi', '1.17')).toBe(true);
  });

  it.each([
    [
      '1.6',
      'Worksheet.onChanged',
      (ctx: FakeRequestContext) => ctx.workbook.worksheets.getItem('S').onChanged.add(async () => {}),
    ],
    ['1.7', 'Runtime.enableEvents', (ctx: FakeRequestContext) => (ctx.runtime.enableEvents = false)],
    [
      '1.8',
      'WorksheetCollection.onChanged',
      (ctx: FakeRequestContext) => ctx.workbook.worksheets.onChanged.add(async () => {}),
    ],
    [
      '1.8',
      'Worksheet.getRanges',
      (ctx: FakeRequestContext) => (ctx.workbook.worksheets.getItem('S').getRanges('A1, C3').format.font.bold = true),
    ],
    [
      '1.7',
      'Range.dataValidation',
      (ctx: FakeRequestContext) =>
        (ctx.workbook.worksheets.getItem('S').getRange('A1').dataValidation.rule = {
          decimal: { operator: 'GreaterThan', formula1: 0 },
        }),
    ],
    [
      '1.4',
      'Workbook.customXmlParts',
      (ctx: FakeRequestContext) => ctx.workbook.customXmlParts.add('<a xmlns="urn:x"/>'),
    ],
  ])('at ExcelApi %s refuses %s with ApiNotFound at the sync', async (api, what, use) => {
    const ctx = createFakeExcel([{ name: 'S' }], {}, { excelApi: api });
    use(ctx);
    const error = await rejection(ctx.sync());
    expect(error).toMatchObject({ code: 'ApiNotFound' });
    expect(String((error as Error).message)).toContain(what);
  });

  it('lets the writer that asks supportsFor degrade instead of failing', async () => {
    const ctx = createFakeExcel([{ name: 'S' }], {}, { excelApi: '1.7' });
    const result = await writeLayoutToWorkbook(asExcel(ctx), buildLayout({ version: '2019' }), {
      profileXml: '',
      supports: supportsFor(ctx),
    });
    expect(result.degraded).toEqual(['dataValidation', 'gridlines', 'printSetup']);
  });
});

describe('protection', () => {
  async function protectedSheet(): Promise<FakeRequestContext> {
    const ctx = createFakeExcel([{ name: 'S', cells: { A1: '标签' } }]);
    const ws = ctx.workbook.worksheets.getItem('S');
    ws.getRange('B2:C2').format.protection.locked = false;
    ws.getRange('B2:C2').dataValidation.rule = { wholeNumber: { operator: 'GreaterThanOrEqualTo', formula1: 0 } };
    ws.getRange('B2:C2').dataValidation.errorAlert = {
      showAlert: true,
      style: 'Stop',
      title: '件数',
      message: '填整数',
    };
    ws.getRange('B2:C2').conditionalFormats.add('Custom').custom.rule.formula = '=B2<0';
    ws.protection.protect({ allowFormatColumns: true });
    await ctx.sync();
    return ctx;
  }

  it('refuses a write to a locked cell and any cell format, and takes values in unlocked cells', async () => {
    const ctx = await protectedSheet();
    const ws = ctx.workbook.worksheets.getItem('S');
    ws.getRange('B2:C2').values = [[1, 2]];
    await ctx.sync();
    ws.getRange('A1').values = [['改']];
    expect(await rejection(ctx.sync())).toMatchObject({ code: 'AccessDenied' });
    ws.getRange('B2').format.fill.color = '#FF0000';
    expect(await rejection(ctx.sync())).toMatchObject({ code: 'AccessDenied' });
    ws.getRange('A1:B1').formulas = [['=1', '=2']];
    expect(await rejection(ctx.sync())).toMatchObject({ code: 'AccessDenied' });
    ws.getRange('A:A').format.columnWidth = 40;
    await ctx.sync();
    const sheet = sheetNamed(ctx, 'S');
    expect([shownValue(sheet, 'A1'), shownValue(sheet, 'B2'), shownValue(sheet, 'C2')]).toEqual(['标签', 1, 2]);
  });

  it('writes a locked cell between unprotect and protect in one batch', async () => {
    const ctx = await protectedSheet();
    const ws = ctx.workbook.worksheets.getItem('S');
    ws.protection.unprotect();
    ws.getRange('A1').values = [['新标签']];
    ws.protection.protect({ allowFormatColumns: true });
    const state = ws.protection.load('protected');
    await ctx.sync();
    expect(state.protected).toBe(true);
    expect(shownValue(sheetNamed(ctx, 'S'), 'A1')).toBe('新标签');
  });

  it("refuses the user's typing into a locked cell, and a typed value the validation stops; a paste goes through it", async () => {
    const ctx = await protectedSheet();
    await expect(userType(ctx, 'S', 'A1', 'x')).rejects.toMatchObject({ reason: 'protected' });
    await expect(userType(ctx, 'S', 'B2', '约3')).rejects.toMatchObject({ reason: 'validation', message: '填整数' });
    await expect(userType(ctx, 'S', 'B2', -1)).rejects.toMatchObject({ reason: 'validation' });
    await userType(ctx, 'S', 'B2', '3');
    await userPaste(ctx, 'S', 'C2', [['约3']]);
    const sheet = sheetNamed(ctx, 'S');
    expect([shownValue(sheet, 'B2'), shownValue(sheet, 'C2')]).toEqual([3, '约3']);
    // The paste took the validation and the conditional format off C2, and kept them on B2.
    expect(sheet.dataValidations.map((d) => d.rects.map(rectAddress).join())).toEqual(['B2']);
    expect(sheet.conditionalFormats.map((cf) => [cf.rects.map(rectAddress).join(), cf.formula])).toEqual([
      ['B2', '=B2<0'],
    ]);
    await expect(userPaste(ctx, 'S', 'A1', [['x']])).rejects.toMatchObject({ reason: 'protected' });
  });
});

describe('custom XML parts', () => {
  const xml = (text: string): string => `<r xmlns="urn:nianbao:test:1"><t>${text}</t></r>`;
  // A ClientResult needs no load, only a sync (the office-addins lint rules take it for a proxy object).
  const valueOf = <T>(result: { readonly value: T }): T => result.value;

  it('finds parts by namespace and id, reads, replaces and deletes them', async () => {
    const ctx = createFakeExcel();
    const parts = ctx.workbook.customXmlParts;
    const added = parts.add(xml('一')).load('id');
    parts.add('<other xmlns="urn:other"/>');
    await ctx.sync();
    const found = parts.getByNamespace('urn:nianbao:test:1').load('items');
    await ctx.sync();
    expect(found.items.map((p) => [p.id, p.namespaceUri])).toEqual([[added.id, 'urn:nianbao:test:1']]);
    const content = found.items[0].getXml();
    expect(() => valueOf(content)).toThrow(/not been loaded/);
    await ctx.sync();
    expect(valueOf(content)).toBe(xml('一'));

    parts.getItem(added.id).setXml(xml('二'));
    const again = parts.getItem(added.id).getXml();
    await ctx.sync();
    expect(valueOf(again)).toBe(xml('二'));

    found.items[0].delete();
    const count = parts.getByNamespace('urn:nianbao:test:1').getCount();
    await ctx.sync();
    expect(valueOf(count)).toBe(0);
    parts.getItem(added.id).getXml();
    expect(await rejection(ctx.sync())).toMatchObject({ code: 'ItemNotFound' });
  });

  it('refuses XML that is not well-formed', async () => {
    const ctx = createFakeExcel();
    ctx.workbook.customXmlParts.add('<r xmlns="urn:x">');
    expect(await rejection(ctx.sync())).toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('formula references', () => {
  it('moves relative parts only, leaving strings, sheet names and functions that look like cells alone', () => {
    expect(shiftFormula(`=IF(LOG10(A1)>$B$2,'年报 2024'!C3&"A1",年报!D$4+NB_S2)`, 1, 2)).toBe(
      `=IF(LOG10(C2)>$B$2,'年报 2024'!E4&"A1",年报!F$4+NB_S2)`,
    );
    expect(shiftFormula('=A1', -1, 0)).toBe('=#REF!');
  });

  it('rewrites for HyperFormula: sheet names quoted, TRUE as a function, exponents written out', () => {
    expect(engineFormula('=年报!A1:B2+TRUE*1E-9+COUNTIF(A:A,"TRUE")+Sheet1!#REF!')).toBe(
      '=\'年报\'!A1:B2+TRUE()*0.000000001+COUNTIF(A:A,"TRUE")+#REF!',
    );
  });
});
