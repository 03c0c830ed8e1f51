// The .xlsx writer and reader: what a written template holds (styles, merges, names scoped to the
// sheet, validations, fills, protection, print setup) and that reading it back gives the report
// that was written, wherever the tables moved and whatever the sheet is called.
import * as ExcelJS from 'exceljs';
import { cellsOfTable } from '../../src/format';
import { buildLayout, LAYOUT_VERSION, locateCells, NAMES } from '../../src/layout';
import { ReportInputError, type Report } from '../../src/report';
import { readWorkbookReports, sheetCellOf } from '../../src/xlsx/read';
import { renderLayout, writeTemplate, writeWorkbook } from '../../src/xlsx/write';
import { randomReport, seeded, validValues } from '../layout/support/random-report';
import { loadWorkbook, partOf, replacePart, sheetOf, shiftDown } from './support/workbooks';
import { describeInputError } from '../../src/i18n';

const report2021 = (): Report => ({
  profile: { agency: '某某市某某局', year: 2024, format: '2021', kind: 'department', canMakeRegulations: false },
  values: validValues('2021', seeded(1)),
});

describe('writeTemplate', () => {
  let bytes: Uint8Array;
  let ws: ExcelJS.Worksheet;
  const layout = buildLayout({ version: '2021', year: 2024, agency: '某某市某某局' });
  const at = locateCells(layout);
  const sheetCell = (row: number, col: number): ExcelJS.Cell => ws.getCell(row + 1, col + 1);
  const cellOf = (key: string): ExcelJS.Cell => {
    const p = at.get(key);
    if (!p) throw new Error(key);
    return ws.getCell(p.row + 1, p.col + 1);
  };

  beforeAll(async () => {
    bytes = await writeTemplate([
      { layout, values: { 's3.new.natural': 3, 's2.fee.amount': 13.3912, 's3.new.business': '约3' } },
    ]);
    const sheet = (await loadWorkbook(bytes)).getWorksheet(layout.sheetName);
    if (!sheet) throw new Error('sheet missing');
    ws = sheet;
  });

  it('writes numbers as numbers and text as text, leaving blanks empty', () => {
    expect(cellOf('s3.new.natural').value).toBe(3);
    expect(cellOf('s2.fee.amount').value).toBe(13.3912);
    expect(cellOf('s3.new.business').value).toBe('约3');
    expect(cellOf('s3.new.research').value).toBeNull();
  });

  it('styles cells as printed: 仿宋 table text with thin borders, whole numbers and 万元 formats, data unlocked', () => {
    const cell = cellOf('s3.new.natural');
    expect(cell.font.name).toBe('仿宋');
    expect(cell.border.top?.style).toBe('thin');
    expect(cell.numFmt).toBe('0');
    expect(cell.protection.locked).toBe(false);
    expect(cellOf('s2.fee.amount').numFmt).toBe('0.00##');
    // Zero-based like the layout: the title is the first cell, a row label the first cell of its row.
    const titleFont = sheetCell(0, 0).font;
    expect(titleFont.name).toBe('宋体');
    expect(titleFont.bold).toBe(true);
    expect(sheetCell(0, 0).value).toMatchObject({ formula: expect.stringContaining('政府信息公开工作年度报告') });
    expect(sheetCell(at.get('s3.new.natural')?.row ?? -1, 0).protection?.locked).not.toBe(false);
  });

  it('merges as the layout says and writes every status formula', () => {
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toHaveLength(layout.merges.length);
    for (const check of layout.checks) {
      const value = ws.getCell(check.status.row + 1, check.status.col + 1).value;
      expect(value).toMatchObject({ formula: expect.stringContaining('校验通过') });
    }
  });

  it('scopes every defined name to its sheet', async () => {
    const xml = await partOf(bytes, 'xl/workbook.xml');
    for (const name of layout.names) {
      expect(xml).toContain(`<definedName name="${name.name}" localSheetId="0">`);
    }
    expect(xml).toContain(`<definedName name="NB_S3" localSheetId="0">'2024年报表格'!$I$`);
  });

  it('validates data cells with zh-CN messages and fills failing totals', async () => {
    const dv = cellOf('s3.new.natural').dataValidation;
    expect(dv).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', showErrorMessage: true });
    expect(dv.error).toMatch(/件数/);
    expect(cellOf('s2.fee.amount').dataValidation).toMatchObject({ type: 'decimal' });
    const sheetXml = await partOf(bytes, 'xl/worksheets/sheet1.xml');
    expect((sheetXml.match(/<cfRule /g) ?? []).length).toBe(layout.conditionalFills.length);
    expect(sheetXml).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(sheetXml).not.toMatch(/<sheetProtection [^>]*hashValue/);
    expect(sheetXml).toMatch(/<sheetProtection [^>]*formatColumns="0"/);
    expect(sheetXml).toMatch(
      /<pageSetup [^>]*paperSize="9"[^>]*fitToHeight="0"|<pageSetup [^>]*fitToHeight="0"[^>]*paperSize="9"/,
    );
    expect(sheetXml).toMatch(/<rowBreaks /);
  });
});

describe('readWorkbookReports', () => {
  it('reads back the values and profile that were written, text kept as typed', async () => {
    const report = report2021();
    report.values['s3.new.natural'] = '12';
    report.values['s3.new.business'] = '—';
    report.values['s3.new.research'] = ' 3 ';
    report.values['s3.new.legal'] = '=1+1';
    report.values['s3.new.otherOrg'] = null;
    report.values['s2.fee.amount'] = 13.3912;
    const bytes = await writeTemplate([sheetOf(report)]);
    const [entry] = await readWorkbookReports(bytes, 'book.xlsx');
    expect(entry.file).toBe('book.xlsx');
    expect(entry.report.profile).toEqual(report.profile);
    expect(entry.report.sourceFormat).toBe('2021');
    expect(entry.report.values).toEqual(report.values);
  });

  it('reads a 2019 sheet, with negative 本年增/减 and blanks', async () => {
    const { report } = randomReport('2019', seeded(5));
    report.values['s2.fee.change'] = -3;
    report.values['s3.other.natural'] = null;
    const [entry] = await readWorkbookReports(await writeTemplate([sheetOf(report)]), 'b.xlsx');
    expect(entry.report.values).toEqual(Object.fromEntries(Object.entries(report.values).map(([k, v]) => [k, v])));
    expect(entry.report.sourceFormat).toBe('2019');
  });

  it('gives one entry per report sheet, named book.xlsx#<sheet>', async () => {
    const a = report2021();
    const b = { profile: { year: 2020 }, values: validValues('2019', seeded(2)) };
    const bytes = await writeTemplate([sheetOf(a, '本级'), sheetOf(b, '下属单位')]);
    const entries = await readWorkbookReports(bytes, 'book.xlsx');
    expect(entries.map((e) => e.file)).toEqual(['book.xlsx#本级', 'book.xlsx#下属单位']);
    expect(entries[1].report.values).toEqual(b.values);
    expect(entries[1].report.profile).toEqual({ year: 2020, format: '2019' });
  });

  it('finds the tables after rows were inserted above them and the sheet was renamed', async () => {
    const report = report2021();
    const { layout, values } = sheetOf(report);
    const workbook = new ExcelJS.Workbook();
    renderLayout(workbook, shiftDown(layout, 7, "张三's 副本"), values);
    const other = workbook.addWorksheet('说明');
    other.getCell('A1').value = '这张表不是年报表格';
    const bytes = await writeWorkbook(workbook);
    // The apostrophe is quoted in every name, the print area included, so any program opens the file.
    await expect(loadWorkbook(bytes)).resolves.toBeDefined();
    const { area, titleRows } = layout.print ?? { area: layout.extent };
    const workbookXml = await partOf(bytes, 'xl/workbook.xml');
    expect(workbookXml).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="0">'张三''s 副本'!$A$${area.row + 8}:$O$${area.row + area.rows + 7}</definedName>`,
    );
    expect(workbookXml).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'张三''s 副本'!$${(titleRows?.row ?? 0) + 8}:$${(titleRows?.row ?? 0) + 10}</definedName>`,
    );
    const [entry] = await readWorkbookReports(bytes, 'moved.xlsx');
    expect(entry.file).toBe('moved.xlsx');
    expect(entry.report.values).toEqual(report.values);
    expect(entry.report.profile).toEqual(report.profile);
  });

  it('reads names that another program re-saved as workbook-scoped', async () => {
    const report = report2021();
    const bytes = await writeTemplate([sheetOf(report)]);
    const unscoped = await replacePart(bytes, 'xl/workbook.xml', (xml) =>
      xml.replace(/(<definedName name="NB_[^"]*") localSheetId="\d+"/g, '$1'),
    );
    expect(await partOf(unscoped, 'xl/workbook.xml')).not.toMatch(/name="NB_S3" localSheetId/);
    const [entry] = await readWorkbookReports(unscoped, 'x.xlsx');
    expect(entry.report.values).toEqual(report.values);
  });

  it('reads each sheet of names that list several sheets in one workbook-scoped name', async () => {
    const a = report2021();
    const b = { ...report2021(), values: validValues('2021', seeded(9)) };
    const bytes = await writeTemplate([sheetOf(a, 'A'), sheetOf(b, 'B')]);
    // ExcelJS, for one, re-saves a name defined on two sheets as one name with two areas.
    const merged = await replacePart(bytes, 'xl/workbook.xml', (xml) => {
      const names = [...xml.matchAll(/<definedName name="(NB_[^"]*)" localSheetId="(\d)">([^<]*)<\/definedName>/g)];
      const byName = new Map<string, string[]>();
      for (const m of names) byName.set(m[1], [...(byName.get(m[1]) ?? []), m[3]]);
      const rest = xml.replace(/<definedName name="NB_[^"]*" localSheetId="\d">[^<]*<\/definedName>/g, '');
      const joined = [...byName]
        .map(([name, refs]) => `<definedName name="${name}">${refs.join(',')}</definedName>`)
        .join('');
      return rest.replace('</definedNames>', `${joined}</definedNames>`);
    });
    const entries = await readWorkbookReports(merged, 'm.xlsx');
    expect(entries.map((e) => e.file)).toEqual(['m.xlsx#A', 'm.xlsx#B']);
    expect(entries[1].report.values).toEqual(b.values);
  });

  it('says so when the workbook holds no report sheet, or is not a workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').getCell('A1').value = 1;
    const plain = new Uint8Array(await workbook.xlsx.writeBuffer());
    await expect(readWorkbookReports(plain, 'plain.xlsx')).rejects.toThrow(ReportInputError);
    await expect(readWorkbookReports(plain, 'plain.xlsx')).rejects.toMatchObject({ code: 'WORKBOOK_NO_REPORT' });
    const error = await readWorkbookReports(plain, 'plain.xlsx').catch((e: unknown) => e);
    expect(error instanceof ReportInputError && describeInputError(error, 'zh-CN')).toMatch(/没有年报表格/);
    await expect(readWorkbookReports(new TextEncoder().encode('not a zip'), 'x.xlsx')).rejects.toMatchObject({
      code: 'WORKBOOK_NOT_XLSX',
    });
  });

  it('refuses a table whose named block changed size (rows inserted inside the table)', async () => {
    const bytes = await writeTemplate([sheetOf(report2021())]);
    const grown = await replacePart(bytes, 'xl/workbook.xml', (xml) =>
      xml.replace(
        /(name="NB_S3" localSheetId="0">[^<]*\$O\$)(\d+)/,
        (_, a: string, n: string) => `${a}${Number(n) + 1}`,
      ),
    );
    const error = await readWorkbookReports(grown, 'g.xlsx').catch((e: unknown) => e);
    expect(error instanceof ReportInputError && describeInputError(error, 'zh-CN')).toMatch(
      /NB_S3.*26 行 × 7 列.*25 行 × 7 列/,
    );
  });

  it('refuses a sheet made by a newer layout version instead of misreading it', async () => {
    const bytes = await writeTemplate([sheetOf(report2021())]);
    const newer = await replacePart(bytes, 'xl/workbook.xml', (xml) =>
      xml.replace(`NB_LAYOUT_V${LAYOUT_VERSION}`, `NB_LAYOUT_V${LAYOUT_VERSION + 1}`),
    );
    await expect(readWorkbookReports(newer, 'n.xlsx')).rejects.toMatchObject({ code: 'WORKBOOK_NEWER_LAYOUT' });
  });

  it('reads a workbook whose other names ExcelJS cannot parse', async () => {
    const report = report2021();
    const bytes = await writeTemplate([sheetOf(report)]);
    // An unquoted apostrophe in a sheet reference, as some writers produce: ExcelJS gives up on it.
    const odd = await replacePart(bytes, 'xl/workbook.xml', (xml) =>
      xml.replace(
        '</definedNames>',
        `<definedName name="_xlnm.Print_Area" localSheetId="0">'x's'!$A1:$O59</definedName></definedNames>`,
      ),
    );
    await expect(loadWorkbook(odd)).rejects.toThrow();
    const [entry] = await readWorkbookReports(odd, 'odd.xlsx');
    expect(entry.report.values).toEqual(report.values);
  });

  it('tells the version by the size of 表三 when the marker name is gone', async () => {
    const report = { profile: { year: 2020 }, values: validValues('2019', seeded(3)) };
    const bytes = await writeTemplate([sheetOf(report)]);
    const unmarked = await replacePart(bytes, 'xl/workbook.xml', (xml) =>
      xml.replace(/<definedName name="NB_TABLES_2019"[^<]*<\/definedName>/, ''),
    );
    const [entry] = await readWorkbookReports(unmarked, 'u.xlsx');
    expect(entry.report.sourceFormat).toBe('2019');
    expect(entry.report.values).toEqual(report.values);
  });
});

describe('sheetCellOf', () => {
  it('keeps numbers, empties and text, and takes what a formula shows', () => {
    expect(sheetCellOf(null)).toEqual({ kind: 'empty' });
    expect(sheetCellOf(0)).toEqual({ kind: 'number', value: 0 });
    expect(sheetCellOf(' 3 ')).toEqual({ kind: 'string', value: ' 3 ' });
    expect(sheetCellOf({ richText: [{ text: '约' }, { text: '3' }] })).toEqual({ kind: 'string', value: '约3' });
    expect(sheetCellOf({ formula: '1+2', result: 3, date1904: false })).toEqual({ kind: 'number', value: 3 });
    expect(sheetCellOf({ formula: '1+2', date1904: false })).toEqual({ kind: 'formula', formula: '1+2' });
    expect(sheetCellOf({ error: '#DIV/0!' })).toEqual({ kind: 'error', value: '#DIV/0!' });
    expect(sheetCellOf({ formula: 'A1/0', result: { error: '#DIV/0!' }, date1904: false })).toEqual({
      kind: 'error',
      value: '#DIV/0!',
    });
    expect(sheetCellOf(true)).toEqual({ kind: 'boolean', value: true });
  });

  it('calls a number a date by its number format, whatever ExcelJS made of it', () => {
    const march5 = new Date(Date.UTC(2024, 2, 5));
    expect(sheetCellOf(march5, 'yyyy-mm-dd')).toEqual({ kind: 'date', serial: 45356 });
    expect(sheetCellOf(45356, 'm"月"d"日"')).toEqual({ kind: 'date', serial: 45356 });
    // A Date in a cell whose format is a plain number: the day number it stores.
    expect(sheetCellOf(march5, '0')).toEqual({ kind: 'number', value: 45356 });
    // In the 1904 system the stored number is 1462 days smaller; the date is the same.
    expect(sheetCellOf(45356 - 1462, 'yyyy-mm-dd', true)).toEqual({ kind: 'date', serial: 45356 });
    expect(sheetCellOf(march5, '0', true)).toEqual({ kind: 'number', value: 45356 - 1462 });
  });
});

describe('every data cell', () => {
  it('is written where the reader looks for it, in both versions', async () => {
    for (const version of ['2021', '2019'] as const) {
      const values = Object.fromEntries(
        [...cellsOfTable(version, 's2'), ...cellsOfTable(version, 's3'), ...cellsOfTable(version, 's4')].map((c, i) => [
          c.key,
          i + 1,
        ]),
      );
      const [entry] = await readWorkbookReports(
        await writeTemplate([{ layout: buildLayout({ version }), values }]),
        'v.xlsx',
      );
      expect(entry.report.values).toEqual(values);
      expect(NAMES.table('s3')).toBe('NB_S3');
    }
  });
});
