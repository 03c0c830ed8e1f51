// Reading the open workbook through Office.js (the fake host): a template inserted by the live writer
// and filled reads back to the very Report the .xlsx reader gives for the same values, in three syncs;
// names that lead nowhere are the same errors as in a file.
import {
  liveCellOf,
  planReportsInWorkbook,
  readPlannedReports,
  readReportsFromWorkbook,
  READ_EXCEL_API,
} from '../../src/excel/read-report';
import { writeLayoutToWorkbook } from '../../src/excel/insert-template';
import { ExcelInsertError } from '../../src/excel/errors';
import { buildLayout, locateCells, type SheetLayout } from '../../src/layout';
import { ReportInputError, type RawValue } from '../../src/report';
import { readWorkbookReports } from '../../src/xlsx/read';
import { writeTemplate } from '../../src/xlsx/write';
import { seeded, validValues } from '../layout/support/random-report';
import {
  createFakeExcel,
  FakeOfficeError,
  nameFormula,
  sheetNamed,
  type FakeRequestContext,
} from '../support/fake-excel';
import { upTo } from './small-layout';
import { describeInputError } from '../../src/i18n';

const asExcel = (ctx: FakeRequestContext): Excel.RequestContext => ctx as unknown as Excel.RequestContext;

async function insert(ctx: FakeRequestContext, layout: SheetLayout, values: Record<string, RawValue>): Promise<string> {
  const { sheetName } = await writeLayoutToWorkbook(asExcel(ctx), layout, {
    values,
    profileXml: '',
    supports: upTo('1.17'),
  });
  return sheetName;
}

const readLive = (ctx: FakeRequestContext) => readReportsFromWorkbook(asExcel(ctx), { file: '年报.xlsx' });

/** Values of every kind a user leaves in the tables: figures, text, placeholders, blanks, negatives. */
function mixedValues(version: '2021' | '2019'): Record<string, RawValue> {
  const values: Record<string, RawValue> = validValues(version, seeded(7));
  values['s3.new.natural'] = '约3';
  values['s3.new.business'] = ' 3 ';
  values['s3.new.research'] = '—';
  values['s3.new.legal'] = '=1+1';
  values['s3.new.total'] = null;
  if (version === '2021') values['s2.fee.amount'] = 13.3912;
  else values['s2.fee.change'] = -3;
  return values;
}

describe.each(['2021', '2019'] as const)('a %s template inserted live and filled', (version) => {
  const layout = buildLayout({
    version,
    year: 2024,
    agency: '某某市某某局',
    kind: 'department',
    canMakeRegulations: true,
  });
  const values = mixedValues(version);

  it('reads back to the same Report as the .xlsx file of the same values', async () => {
    const ctx = createFakeExcel([{ name: '说明', cells: { A1: '其他内容' } }]);
    const sheet = await insert(ctx, layout, values);
    const live = await readLive(ctx);
    const [file] = await readWorkbookReports(await writeTemplate([{ layout, values }]), '年报.xlsx');
    expect(live).toHaveLength(1);
    expect(live[0].sheet).toBe(sheet);
    expect(live[0].report).toEqual(file.report);
    expect(live[0].report.values).toEqual(values);
    expect(live[0].report.profile).toEqual({
      agency: '某某市某某局',
      year: 2024,
      kind: 'department',
      format: version,
      canMakeRegulations: true,
    });
  });
});

describe('reading a workbook the user filled', () => {
  const layout = buildLayout({ version: '2021', year: 2024 });
  const at = locateCells(layout);
  const address = (key: string): string => {
    const p = at.get(key);
    if (!p) throw new Error(key);
    return `${String.fromCharCode(65 + p.col)}${p.row + 1}`;
  };

  async function typeInto(ctx: FakeRequestContext, sheet: string, entries: Record<string, string | number>) {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    for (const [key, entry] of Object.entries(entries)) ws.getRange(address(key)).values = [[entry]];
    await ctx.sync();
  }

  it('reads what was typed after insertion as Excel stores it', async () => {
    const ctx = createFakeExcel();
    const sheet = await insert(ctx, layout, {});
    await typeInto(ctx, sheet, { 's3.new.natural': '12', 's3.new.business': '约3', 'profile.year': '二〇二三年' });
    const [{ report }] = await readLive(ctx);
    expect(report.values['s3.new.natural']).toBe(12);
    expect(report.values['s3.new.business']).toBe('约3');
    expect(report.values['s3.new.research']).toBeNull();
    expect(report.profile.year).toBe(2023);
  });

  it('says a cell pasted with a date format is a date', async () => {
    const ctx = createFakeExcel();
    const sheet = await insert(ctx, layout, {});
    await typeInto(ctx, sheet, { 's3.new.natural': 45356 });
    // A paste brings the source cell's format along, protection or not.
    const p = at.get('s3.new.natural');
    const state = sheetNamed(ctx, sheet);
    const format = state.formats.get(`${p?.row},${p?.col}`) ?? {};
    state.formats.set(`${p?.row},${p?.col}`, { ...format, numberFormat: 'yyyy/m/d' });
    const [{ report }] = await readLive(ctx);
    expect(report.values['s3.new.natural']).toBe('2024-03-05');
    expect(report.dateCells).toEqual(['s3.new.natural']);
  });

  it('needs three syncs however many sheets there are, and writes nothing', async () => {
    const ctx = createFakeExcel([{ name: 'Sheet1' }]);
    await insert(ctx, buildLayout({ version: '2021', sheetName: 'A' }), {});
    await insert(ctx, buildLayout({ version: '2019', sheetName: 'B' }), {});
    const before = ctx.syncCount;
    const opsBefore = ctx.state.ops.length;
    const sheets = await readLive(ctx);
    expect(sheets.map((s) => [s.sheet, s.report.sourceFormat])).toEqual([
      ['A', '2021'],
      ['B', '2019'],
    ]);
    expect(ctx.syncCount - before).toBe(3);
    expect(ctx.state.ops.length).toBe(opsBefore);
    expect(ctx.pending).toBe(0);
  });

  it('once planned, reads every report sheet again with one sync: what a validation pass costs', async () => {
    const ctx = createFakeExcel([{ name: 'Sheet1' }]);
    await insert(ctx, buildLayout({ version: '2021', sheetName: 'A' }), { 's3.new.natural': 3 });
    await insert(ctx, buildLayout({ version: '2019', sheetName: 'B' }), {});
    const plans = await planReportsInWorkbook(asExcel(ctx), { file: '年报.xlsx' });
    const before = ctx.syncCount;
    const sheets = await readPlannedReports(asExcel(ctx), plans);
    expect(ctx.syncCount - before).toBe(1);
    expect(sheets.map((s) => s.sheet)).toEqual(['A', 'B']);
    expect(sheets[0].report.values['s3.new.natural']).toBe(3);
    expect(sheets).toEqual(await readLive(ctx));
  });

  it('reads names another program made workbook-level', async () => {
    const ctx = createFakeExcel();
    const sheet = await insert(ctx, layout, { 's3.new.natural': 5 });
    const state = sheetNamed(ctx, sheet);
    ctx.state.names.push(...state.names.splice(0));
    const [{ report }] = await readLive(ctx);
    expect(report.values['s3.new.natural']).toBe(5);
  });
});

describe('names that lead nowhere, as in a file', () => {
  const layout = buildLayout({ version: '2021', year: 2024 });

  async function withBrokenS3(formula: string): Promise<FakeRequestContext> {
    const ctx = createFakeExcel();
    const sheet = await insert(ctx, layout, {});
    const names = sheetNamed(ctx, sheet).names;
    const i = names.findIndex((n) => n.name === 'NB_S3');
    names.splice(i, 1, { name: 'NB_S3', sheet, rects: [], formula });
    return ctx;
  }

  it('refuses a name whose cells were deleted', async () => {
    const error = await readLive(await withBrokenS3('=#REF!')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportInputError);
    expect(error).toMatchObject({ code: 'WORKBOOK_NAME_BROKEN', params: { name: 'NB_S3' } });
  });

  it('refuses a name pointing at a sheet that does not exist', async () => {
    const error = await readLive(await withBrokenS3("='旧表'!$I$27:$O$51")).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'WORKBOOK_NAME_SHEET_MISSING', params: { target: '旧表' } });
    expect(describeInputError(error as ReportInputError, 'zh-CN')).toMatch(/^年报\.xlsx 的工作表/);
  });

  it('says so when no sheet holds the tables', async () => {
    const error = await readLive(createFakeExcel([{ name: 'Sheet1', cells: { A1: 1 } }])).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'WORKBOOK_NO_REPORT' });
  });
});

describe('Office failures', () => {
  it('refuses to start on an Excel without the reading API, in Chinese', async () => {
    const ctx = createFakeExcel();
    // Below 1.7 the sheets are found by their profile parts (1.5); below 1.5 nothing can find them.
    const failure = readReportsFromWorkbook(asExcel(ctx), { file: 'x', supports: upTo('1.4') });
    await expect(failure).rejects.toBeInstanceOf(ExcelInsertError);
    await expect(failure).rejects.toMatchObject({ code: 'READ_API_UNSUPPORTED', syncs: 0 });
    await expect(failure).rejects.toThrow(`ExcelApi ${READ_EXCEL_API}`);
    expect(ctx.syncCount).toBe(0);
  });

  it('turns a failing sync into an error in the user language, the Office error kept', async () => {
    const ctx = createFakeExcel();
    await insert(ctx, buildLayout({ version: '2021' }), {});
    const office = new FakeOfficeError('GeneralException', 'There was an internal error');
    jest.spyOn(ctx, 'sync').mockResolvedValueOnce().mockRejectedValueOnce(office);
    const error = await readLive(ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelInsertError);
    expect(error).toMatchObject({ code: 'REPORT_READ_FAILED', syncs: 2, cause: office });
    expect((error as Error).message).toMatch(/^读取年报表格时出错/);
  });
});

describe('cells as Office.js gives them', () => {
  it('tells empties, errors, numbers, dates, booleans and text apart', () => {
    expect(liveCellOf('', 'Empty', 'General')).toEqual({ kind: 'empty' });
    expect(liveCellOf('#REF!', 'Error', 'General')).toEqual({ kind: 'error', value: '#REF!' });
    expect(liveCellOf('#REF!', 'String', '@')).toEqual({ kind: 'string', value: '#REF!' });
    expect(liveCellOf(3, 'Double', '0')).toEqual({ kind: 'number', value: 3 });
    expect(liveCellOf(45356, 'Double', 'yyyy/m/d')).toEqual({ kind: 'date', serial: 45356 });
    expect(liveCellOf(true, 'Boolean', 'General')).toEqual({ kind: 'boolean', value: true });
    expect(liveCellOf('约3', 'String', 'General')).toEqual({ kind: 'string', value: '约3' });
  });
});

describe('the fake host keeps Office.js promises for reads', () => {
  it('gives range values, types and formats only after load and sync, as they were at that sync', async () => {
    const ctx = createFakeExcel([{ name: 'S', cells: { A1: 3, B1: "'12", C1: '#N/A' } }]);
    const range = ctx.workbook.worksheets.getItem('S').getRange('A1:D1').load('values,valueTypes');
    expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
    await ctx.sync();
    expect(range.values).toEqual([[3, '12', '#N/A', '']]);
    expect(range.valueTypes).toEqual([['Double', 'String', 'Error', 'Empty']]);
    expect(() => range.numberFormat).toThrow(/not available/);
    ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[4]];
    await ctx.sync();
    expect(range.values[0][0]).toBe(3);
  });

  it('gives named items with the formula Excel reports, sheet names quoted only when needed', async () => {
    const ctx = createFakeExcel(
      [
        { name: '年报', names: [{ name: 'A', address: 'B2:C3' }] },
        { name: '2024 年', names: [{ name: 'B', formula: '=#REF!' }] },
      ],
      { names: [{ name: 'C', sheet: '2024 年', address: 'D4' }] },
    );
    const book = ctx.workbook.names.load('items/name,items/formula');
    const first = ctx.workbook.worksheets.getItem('年报').names.load('items/name,items/formula');
    const second = ctx.workbook.worksheets.getItem('2024 年').names.load('items/name');
    expect(() => book.items).toThrow(/not available/);
    await ctx.sync();
    expect(book.items.map((n) => [n.name, n.formula])).toEqual([['C', "='2024 年'!$D$4"]]);
    expect(first.items.map((n) => [n.name, n.formula])).toEqual([['A', '=年报!$B$2:$C$3']]);
    expect(second.items[0].name).toBe('B');
    expect(() => second.items[0].formula).toThrow(/not available/);
    expect(nameFormula({ name: 'B', sheet: '', rects: [], formula: '=#REF!' })).toBe('=#REF!');
  });
});
