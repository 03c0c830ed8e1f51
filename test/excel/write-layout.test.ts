import { describeInsert, writeLayoutToWorkbook, type WriteLayoutOptions } from '../../src/excel/insert-template';
import { ExcelInsertError } from '../../src/excel/errors';
import { buildProfileXml, PROFILE_NAMESPACE } from '../../src/excel/profile-xml';
import { buildLayout } from '../../src/layout';
import type { SheetLayout } from '../../src/layout/types';
import {
  cellAt,
  createFakeExcel,
  isLocked,
  parseXmlElements,
  rectAddress,
  sheetNamed,
  snapshotSheet,
  WORKBOOK,
  type FakeRequestContext,
} from '../support/fake-excel';
import { SMALL_LAYOUT, upTo } from './small-layout';

const profileXml = (layout: SheetLayout) => (sheet: string) =>
  buildProfileXml({ sheet, layoutVersion: layout.layoutVersion, format: layout.version, year: 2024 });

function write(ctx: FakeRequestContext, layout: SheetLayout, options: Partial<WriteLayoutOptions> = {}) {
  return writeLayoutToWorkbook(ctx as unknown as Excel.RequestContext, layout, {
    profileXml: profileXml(layout),
    supports: upTo('1.17'),
    ...options,
  });
}

describe('writeLayoutToWorkbook: the sync budget', () => {
  it.each(['2021', '2019'] as const)('inserts the %s layout with exactly 2 context.sync calls', async (version) => {
    const ctx = createFakeExcel();
    const result = await write(ctx, buildLayout({ version, year: 2024 }));
    expect(ctx.syncCount).toBe(2);
    expect(result.syncs).toBe(2);
    expect(ctx.pending).toBe(0);
  });

  it('also needs only 2 syncs without multi-area ranges (ExcelApi 1.8)', async () => {
    const ctx = createFakeExcel();
    await write(ctx, buildLayout({ version: '2021' }), { supports: upTo('1.8') });
    expect(ctx.syncCount).toBe(2);
  });
});

describe('writeLayoutToWorkbook: never outside the new sheet', () => {
  const existing = {
    name: '2024年报表格',
    cells: { A1: '我的数据', B2: 42, C3: '=B2*2', D4: "'0012" },
    merges: ['A5:B6'],
    names: [{ name: 'MINE', address: 'B2' }],
  };

  it('puts the tables into "2024年报表格 (2)" when "2024年报表格" exists, and leaves that sheet as it was', async () => {
    const ctx = createFakeExcel([existing, { name: 'Sheet2' }]);
    const before = ctx.state.sheets.map(snapshotSheet);
    const result = await write(ctx, buildLayout({ version: '2021', year: 2024 }));
    expect(result.sheetName).toBe('2024年报表格 (2)');
    expect(ctx.state.sheets.map((s) => s.name)).toEqual(['2024年报表格', 'Sheet2', '2024年报表格 (2)']);
    expect(ctx.state.sheets.slice(0, 2).map(snapshotSheet)).toEqual(before);
  });

  it('makes no workbook-level write but adding the sheet and the profile part, and no write to another sheet', async () => {
    const ctx = createFakeExcel([existing]);
    const { sheetName } = await write(ctx, buildLayout({ version: '2019', year: 2024 }));
    const elsewhere = ctx.state.ops.filter((op) => op.target !== sheetName);
    expect(elsewhere).toEqual([
      { target: WORKBOOK, op: 'worksheets.add', address: sheetName },
      { target: WORKBOOK, op: 'customXmlParts.add' },
    ]);
    expect(ctx.state.names).toEqual([]);
  });

  it('treats a taken name case-insensitively', async () => {
    const ctx = createFakeExcel([{ name: 'REPORT' }]);
    const result = await write(ctx, { ...SMALL_LAYOUT, sheetName: 'report' });
    expect(result.sheetName).toBe('report (2)');
  });
});

describe('writeLayoutToWorkbook: what the new sheet holds', () => {
  async function small(options: Partial<WriteLayoutOptions> = {}) {
    const ctx = createFakeExcel();
    const result = await write(ctx, SMALL_LAYOUT, options);
    return { ctx, result, sheet: sheetNamed(ctx, result.sheetName) };
  }

  it('writes constants, formulas and the values of data cells by key', async () => {
    const { sheet } = await small({
      values: { 'profile.agency': '某某局', 's2.regulation.issued': 3, 's2.regulation.repealed': null },
    });
    expect(cellAt(sheet, 0, 0)).toEqual({ value: '标题' });
    // Profile cells take their value from the layout (as in the .xlsx file), not from `values`.
    expect(cellAt(sheet, 1, 1)).toBeUndefined();
    expect(cellAt(sheet, 2, 1)).toEqual({ value: 3 });
    expect(cellAt(sheet, 2, 2)).toBeUndefined();
    expect(cellAt(sheet, 3, 1)).toEqual({ formula: '=IF(AND(B3>=0,C3>=0),"校验通过","✖ 有负数")', value: null });
    expect(cellAt(sheet, 4, 1)).toEqual({ value: -5 });
  });

  it('keeps text that Excel would read as a number, date, boolean or formula as the same text', async () => {
    const { sheet } = await small({ values: { 's2.regulation.issued': '0012', 's2.regulation.repealed': '不适用' } });
    expect(cellAt(sheet, 2, 0)?.value).toBe('2024');
    expect(cellAt(sheet, 3, 0)?.value).toBe('3月5日');
    expect(cellAt(sheet, 4, 0)).toMatchObject({ value: '=不是公式' });
    expect(cellAt(sheet, 4, 0)?.formula).toBeUndefined();
    expect(cellAt(sheet, 4, 2)?.value).toBe('TRUE');
    expect(cellAt(sheet, 2, 1)).toEqual({ value: '0012', quotePrefix: true });
    expect(cellAt(sheet, 2, 2)).toEqual({ value: '不适用' });
  });

  it('merges, sizes and styles the cells, styling a merged cell over its whole area', async () => {
    const { sheet } = await small();
    expect(sheet.merges.map(rectAddress)).toEqual(['A1:C1', 'B2:C2', 'B4:C4']);
    expect([...sheet.columnWidths]).toEqual([
      [0, 52.5],
      [1, 39],
      [2, 39],
    ]);
    expect([...sheet.rowHeights]).toEqual([
      [0, 30],
      [2, 20],
      [3, 20],
    ]);
    const label = sheet.formats.get('1,0');
    expect(label).toMatchObject({
      fontName: '仿宋',
      fontSize: 10.5,
      bold: true,
      fill: '#F2F2F2',
      fontColor: '#595959',
      horizontalAlignment: 'Center',
      verticalAlignment: 'Center',
      wrapText: true,
    });
    expect(label?.borders).toEqual({
      top: { style: 'Continuous', weight: 'Thin' },
      bottom: { style: 'Continuous', weight: 'Thin' },
      left: { style: 'Continuous', weight: 'Thin' },
      right: { style: 'Continuous', weight: 'Thin' },
    });
    // B2:C2 is one merged input: C2 carries its right border and its lock state.
    expect(sheet.formats.get('1,2')?.borders?.right).toEqual({ style: 'Continuous', weight: 'Thin' });
    expect(sheet.formats.get('0,0')?.borders).toBeUndefined();
    expect(sheet.formats.get('2,1')?.numberFormat).toBe('0');
    expect(sheet.formats.get('3,1')?.verticalAlignment).toBe('Top');
  });

  it('leaves exactly the input cells unlocked and protects the sheet without a password', async () => {
    const { sheet } = await small();
    const unlocked: string[] = [];
    for (let r = 0; r < 5; r += 1)
      for (let c = 0; c < 3; c += 1) if (!isLocked(sheet, r, c)) unlocked.push(`${r},${c}`);
    expect(unlocked).toEqual(['1,1', '1,2', '2,1', '2,2']);
    // Every option written: resizing allowed, inserting or deleting rows and all else not.
    expect(sheet.protection).toEqual({
      protected: true,
      options: {
        allowAutoFilter: false,
        allowDeleteColumns: false,
        allowDeleteRows: false,
        allowFormatCells: false,
        allowFormatColumns: true,
        allowFormatRows: true,
        allowInsertColumns: false,
        allowInsertHyperlinks: false,
        allowInsertRows: false,
        allowPivotTables: false,
        allowSort: false,
        allowEditObjects: false,
        allowEditScenarios: false,
        selectionMode: 'Normal',
      },
    });
  });

  it('leaves out the protect options of ExcelApi 1.7 below it (their defaults are the same)', async () => {
    const ctx = createFakeExcel();
    const result = await write(ctx, SMALL_LAYOUT, { supports: upTo('1.6') });
    const options = sheetNamed(ctx, result.sheetName).protection.options ?? {};
    expect(options).toMatchObject({ allowFormatRows: true, allowInsertRows: false });
    expect(Object.keys(options)).not.toContain('allowEditObjects');
    expect(Object.keys(options)).not.toContain('selectionMode');
  });

  it('adds the sheet-scoped names, the conditional fill and the validation', async () => {
    const { sheet, ctx } = await small();
    expect(sheet.names.map((n) => [n.name, n.rects.map(rectAddress).join()])).toEqual([
      ['NB_S2', 'B3:C3'],
      ['NB_P_AGENCY', 'B2'],
    ]);
    expect(ctx.state.names).toEqual([]);
    expect(sheet.conditionalFormats).toEqual([
      {
        rects: [{ row: 2, col: 1, rows: 1, cols: 2 }],
        type: 'Custom',
        formula: '=B3<0',
        fill: '#FFC7CE',
        fontColor: '#9C0006',
      },
    ]);
    expect(sheet.dataValidations).toEqual([
      {
        rects: [{ row: 2, col: 1, rows: 1, cols: 2 }],
        rule: { wholeNumber: { operator: 'GreaterThanOrEqualTo', formula1: 0 } },
        errorAlert: { showAlert: true, style: 'Stop', title: '请填写件数', message: '这里填写件数：0 或正整数。' },
        prompt: { showPrompt: true, title: '', message: '填写件数（整数），没有的填 0' },
      },
    ]);
  });

  it('hides the gridlines, sets up the page and selects the first input cell of the new, active sheet', async () => {
    const { sheet, ctx } = await small();
    expect(sheet.showGridlines).toBe(false);
    expect(sheet.pageLayout).toEqual({
      paperSize: 'A4',
      orientation: 'Portrait',
      leftMargin: 36,
      rightMargin: 36,
      topMargin: 54,
      bottomMargin: 54,
      centerHorizontally: true,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: 'A1:C5',
      printTitleRows: '2:2',
      pageBreaks: [3],
    });
    expect(ctx.state.activeSheetId).toBe(sheet.id);
    expect(ctx.state.selection).toEqual({ sheetId: sheet.id, address: 'B2' });
  });
});

describe('writeLayoutToWorkbook: the profile part', () => {
  it('adds a well-formed part holding the profile, the layout version and the sheet name actually used', async () => {
    const ctx = createFakeExcel([{ name: '2024年报表格' }]);
    const layout = buildLayout({ version: '2021', year: 2024 });
    await write(ctx, layout);
    expect(ctx.state.customXmlParts).toHaveLength(1);
    const [part] = ctx.state.customXmlParts;
    expect(part.namespaceUri).toBe(PROFILE_NAMESPACE);
    const fields = Object.fromEntries(parseXmlElements(part.xml).map((e) => [e.path, e.text]));
    expect(fields).toMatchObject({
      'nianbao/report/sheet': '2024年报表格 (2)',
      'nianbao/report/layoutVersion': String(layout.layoutVersion),
      'nianbao/report/format': '2021',
      'nianbao/report/year': '2024',
    });
  });

  it('adds a second part for a second report sheet and leaves the first part as it was', async () => {
    const ctx = createFakeExcel();
    await write(ctx, SMALL_LAYOUT);
    const first = { ...ctx.state.customXmlParts[0] };
    await write(ctx, SMALL_LAYOUT);
    expect(ctx.state.customXmlParts).toHaveLength(2);
    expect(ctx.state.customXmlParts[0]).toEqual(first);
    expect(ctx.state.customXmlParts.map((p) => parseXmlElements(p.xml).find((e) => e.name === 'sheet')?.text)).toEqual([
      '2024年报表格',
      '2024年报表格 (2)',
    ]);
  });

  it('adds no part when there is no profile', async () => {
    const ctx = createFakeExcel();
    const result = await write(ctx, SMALL_LAYOUT, { profileXml: '' });
    expect(ctx.state.customXmlParts).toEqual([]);
    expect(result.degraded).toEqual([]);
  });
});

describe('writeLayoutToWorkbook: older Excel', () => {
  it('skips data validation below ExcelApi 1.8 and says so in Chinese', async () => {
    const ctx = createFakeExcel();
    const result = await write(ctx, SMALL_LAYOUT, { supports: upTo('1.7') });
    const sheet = sheetNamed(ctx, result.sheetName);
    expect(result.degraded).toEqual(['dataValidation', 'gridlines', 'printSetup']);
    expect(sheet.dataValidations).toEqual([]);
    expect(sheet.conditionalFormats).toHaveLength(1);
    expect(sheet.protection.protected).toBe(true);
    const { intent, message } = describeInsert(result, SMALL_LAYOUT.sheetName, 'zh-CN');
    expect(intent).toBe('warning');
    expect(message).toContain('数据验证（需要 ExcelApi 1.8）');
    expect(describeInsert(result, SMALL_LAYOUT.sheetName, 'en-US').message).toContain(
      'Data validation (needs ExcelApi 1.8)',
    );
  });

  it('with only ExcelApi 1.1 writes the content and reports everything it left out', async () => {
    const ctx = createFakeExcel();
    const result = await write(ctx, SMALL_LAYOUT, { supports: upTo('1.1') });
    const sheet = sheetNamed(ctx, result.sheetName);
    expect(result.degraded).toEqual([
      'mergesAndSizes',
      'protection',
      'sheetNames',
      'customXml',
      'conditionalFormats',
      'dataValidation',
      'gridlines',
      'printSetup',
    ]);
    expect(ctx.syncCount).toBe(2);
    expect(cellAt(sheet, 0, 0)?.value).toBe('标题');
    expect(sheet.formats.get('1,0')?.bold).toBe(true);
    expect(sheet.merges).toEqual([]);
    expect(sheet.names).toEqual([]);
    expect(sheet.protection.protected).toBe(false);
    expect(ctx.state.customXmlParts).toEqual([]);
  });

  it('without ExcelApi 1.1 refuses with a clear message before touching the workbook', async () => {
    const ctx = createFakeExcel([{ name: 'Sheet1', cells: { A1: 'x' } }]);
    const before = snapshotSheet(ctx.state.sheets[0]);
    const failure = write(ctx, SMALL_LAYOUT, { supports: () => false });
    await expect(failure).rejects.toBeInstanceOf(ExcelInsertError);
    await expect(failure).rejects.toMatchObject({ code: 'API_UNSUPPORTED', syncs: 0 });
    await expect(failure).rejects.toThrow('此版本的 Excel 不支持年报助手所需的接口（ExcelApi 1.1）');
    expect(ctx.syncCount).toBe(0);
    expect(ctx.state.ops).toEqual([]);
    expect(snapshotSheet(ctx.state.sheets[0])).toEqual(before);
  });
});

describe('writeLayoutToWorkbook: failures reach the user', () => {
  it('reports a failed write with the sheet name and the Office error, in the chosen language', async () => {
    const ctx = createFakeExcel();
    const broken: SheetLayout = {
      ...SMALL_LAYOUT,
      names: [{ name: 'A1', range: { row: 0, col: 0, rows: 1, cols: 1 } }],
    };
    const failure = write(ctx, broken, { locale: 'en-US' });
    await expect(failure).rejects.toMatchObject({ code: 'WRITE_FAILED', sheet: '2024年报表格', syncs: 2 });
    await expect(failure).rejects.toThrow(
      /Writing the new worksheet "2024年报表格" failed: The name "A1" is not a valid defined name\. \(InvalidArgument\)/,
    );
  });

  it('reports a failed read of the sheet names, having written nothing', async () => {
    const ctx = createFakeExcel();
    ctx.sync = () => Promise.reject(Object.assign(new Error('Connection lost'), { code: 'GeneralException' }));
    const failure = write(ctx, SMALL_LAYOUT);
    await expect(failure).rejects.toMatchObject({ code: 'READ_FAILED', syncs: 1 });
    await expect(failure).rejects.toThrow(
      '读取工作簿中的工作表名称时出错：Connection lost (GeneralException)。工作簿未做任何修改。',
    );
    expect(ctx.state.sheets).toHaveLength(1);
  });

  it('refuses a layout that breaks its contract before any Office call', async () => {
    const ctx = createFakeExcel();
    const outside: SheetLayout = {
      ...SMALL_LAYOUT,
      cells: [...SMALL_LAYOUT.cells, { row: 9, col: 0, role: 'note', value: 'x', style: 'label' }],
    };
    await expect(write(ctx, outside)).rejects.toThrow('outside the extent');
    expect(ctx.syncCount).toBe(0);
  });
});
