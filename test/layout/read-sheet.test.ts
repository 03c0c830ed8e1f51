// The reader core without any file or host: defined names and a cellAt made up here → Reports, and
// the errors for names that lead nowhere. Whatever ExcelJS or Office.js do is tested elsewhere.
import { cellsOfTable, type FormatVersion } from '../../src/format';
import { sheetRangeA1 } from '../../src/layout/a1';
import { buildLayout } from '../../src/layout/build';
import { LAYOUT_VERSION, NAMES, READABLE_LAYOUT_VERSIONS } from '../../src/layout/names';
import {
  dateText,
  isDateFormat,
  planReportSheets,
  readReportSheet,
  readReportSheets,
  type CellSource,
  type SheetCell,
  type WorkbookName,
} from '../../src/layout/read-sheet';
import type { CellRange, SheetLayout } from '../../src/layout/types';
import { ReportInputError } from '../../src/report';
import { describeInputError } from '../../src/i18n';

const FILE = 'book.xlsx';

/** The names a writer puts on a sheet, scoped to it, each through `edit` (null drops it). */
function namesOf(
  layout: SheetLayout,
  sheet: string,
  edit: (name: string, range: CellRange) => CellRange | string | null = (_, r) => r,
): WorkbookName[] {
  return layout.names.flatMap(({ name, range }) => {
    const edited = edit(name, range);
    if (edited === null) return [];
    return [{ name, scope: sheet, formula: typeof edited === 'string' ? edited : sheetRangeA1(sheet, edited) }];
  });
}

/** A sheet's cells: the layout's keyed cells filled from `cells` (by key), shifted per table. */
function sheetOf(
  layout: SheetLayout,
  cells: Readonly<Record<string, SheetCell>>,
  shift: (key: string) => number = () => 0,
): Map<string, SheetCell> {
  const grid = new Map<string, SheetCell>();
  for (const cell of layout.cells) {
    if (cell.key && cells[cell.key]) grid.set(`${cell.row + shift(cell.key)}:${cell.col}`, cells[cell.key]);
  }
  return grid;
}

const source =
  (grid: Map<string, SheetCell>): CellSource =>
  (row, col) =>
    grid.get(`${row}:${col}`) ?? { kind: 'empty' };

const num = (value: number): SheetCell => ({ kind: 'number', value });
const str = (value: string): SheetCell => ({ kind: 'string', value });

function read(names: WorkbookName[], grid: Map<string, SheetCell>, sheet = '年报') {
  return readReportSheets({ file: FILE, sheets: ['说明', sheet], names, cells: () => source(grid) });
}

function errorOf(run: () => unknown): ReportInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof ReportInputError) return error;
    throw error;
  }
  throw new Error('no ReportInputError');
}

const layout2021 = buildLayout({ version: '2021' });

describe('readReportSheet: cells → values', () => {
  it('reads numbers, blanks as null and everything else as the text the cell holds', () => {
    const grid = sheetOf(layout2021, {
      's3.new.natural': num(3),
      's3.new.business': str('约3'),
      's3.new.research': str(' 3 '),
      's3.new.legal': { kind: 'boolean', value: true },
      's3.new.otherOrg': { kind: 'error', value: '#REF!' },
      's3.new.nonprofit': { kind: 'formula', formula: 'SUM(A1:A2)' },
      's3.new.total': str(''),
      's2.fee.amount': num(13.3912),
    });
    const [{ sheet, report }] = read(namesOf(layout2021, '年报'), grid);
    expect(sheet).toBe('年报');
    expect(report.sourceFormat).toBe('2021');
    expect(report.values).toMatchObject({
      's3.new.natural': 3,
      's3.new.business': '约3',
      's3.new.research': ' 3 ',
      's3.new.legal': 'TRUE',
      's3.new.otherOrg': '#REF!',
      's3.new.nonprofit': '=SUM(A1:A2)',
      's3.new.total': null,
      's2.fee.amount': 13.3912,
    });
    const keys = (['s2', 's3', 's4'] as const).flatMap((t) => cellsOfTable('2021', t).map((c) => c.key));
    expect(Object.keys(report.values).sort()).toEqual([...keys].sort());
    expect(report.values['s4.review.upheld']).toBeNull();
    expect(report.dateCells).toBeUndefined();
  });

  it('gives a date-formatted cell as the date it shows and lists it in dateCells', () => {
    const grid = sheetOf(layout2021, {
      's3.new.natural': { kind: 'date', serial: 45356 },
      's3.new.legal': { kind: 'date', serial: 45356.5 },
      's3.new.total': num(45356),
    });
    const [{ report }] = read(namesOf(layout2021, '年报'), grid);
    expect(report.values['s3.new.natural']).toBe('2024-03-05');
    expect(report.values['s3.new.legal']).toBe('2024-03-05 12:00');
    expect(report.values['s3.new.total']).toBe(45356);
    expect(report.dateCells).toEqual(['s3.new.natural', 's3.new.legal']);
  });
});

describe('readReportSheet: the profile', () => {
  const profileOf = (cells: Record<string, SheetCell>) =>
    read(namesOf(layout2021, '年报'), sheetOf(layout2021, cells))[0].report;

  it('reads agency, year, kind, format and 规章 as the template writes them', () => {
    const report = profileOf({
      'profile.agency': str(' 某某市某某局 '),
      'profile.year': num(2024),
      'profile.kind': str('政府部门'),
      'profile.format': num(2021),
      'profile.canMakeRegulations': str('是'),
    });
    expect(report.profile).toEqual({
      agency: '某某市某某局',
      year: 2024,
      kind: 'department',
      format: '2021',
      canMakeRegulations: true,
    });
    expect(report.unreadProfile).toBeUndefined();
  });

  it.each([
    ['2022年', 2022],
    ['二〇二二年', 2022],
    ['２０２２', 2022],
    ['2022年度', 2022],
  ])('reads the year written %s', (text, year) => {
    const report = profileOf({ 'profile.year': str(text) });
    expect(report.profile.year).toBe(year);
    expect(report.unreadProfile).toBeUndefined();
  });

  it.each(['二二年', '明年', '2024.5'])('keeps a year it cannot read (%s) as written, not as missing', (text) => {
    const report = profileOf({ 'profile.year': text === '2024.5' ? num(2024.5) : str(text) });
    expect(report.profile.year).toBeUndefined();
    expect(report.unreadProfile).toEqual({ year: text });
  });

  it('does not take a date (Excel made 2024/1 into one) for a year', () => {
    const report = profileOf({ 'profile.year': { kind: 'date', serial: 45292 } });
    expect(report.profile.year).toBeUndefined();
    expect(report.unreadProfile).toEqual({ year: '2024-01-01' });
  });

  it('leaves out what is blank or not understood', () => {
    const report = profileOf({
      'profile.agency': str('   '),
      'profile.kind': str('不知道'),
      'profile.canMakeRegulations': str('也许'),
      'profile.format': { kind: 'error', value: '#N/A' },
    });
    expect(report.profile).toEqual({});
  });
});

describe('planReportSheets: finding the tables by their names', () => {
  it('tells the version by its marker, else by the size of 表三', () => {
    const layout = buildLayout({ version: '2019' });
    const marked = planReportSheets({ file: FILE, sheets: ['年报'], names: namesOf(layout, '年报') });
    expect(marked[0].version).toBe('2019');
    const unmarked = namesOf(layout, '年报', (name, range) => (name.startsWith('NB_TABLES_') ? null : range));
    expect(planReportSheets({ file: FILE, sheets: ['年报'], names: unmarked })[0].version).toBe('2019');
  });

  it('reads every layout version released so far and refuses a newer one', () => {
    for (let v = READABLE_LAYOUT_VERSIONS.min; v <= READABLE_LAYOUT_VERSIONS.max; v++) {
      const names = namesOf(layout2021, '年报').map((n) =>
        n.name === NAMES.layout(LAYOUT_VERSION) ? { ...n, name: NAMES.layout(v) } : n,
      );
      expect(planReportSheets({ file: FILE, sheets: ['年报'], names })[0].layoutVersion).toBe(v);
    }
    const newer = namesOf(layout2021, '年报').map((n) =>
      n.name === NAMES.layout(LAYOUT_VERSION) ? { ...n, name: NAMES.layout(READABLE_LAYOUT_VERSIONS.max + 1) } : n,
    );
    const error = errorOf(() => planReportSheets({ file: FILE, sheets: ['年报'], names: newer }));
    expect(error.code).toBe('WORKBOOK_NEWER_LAYOUT');
  });

  it('finds each table by its own name after rows were inserted between the tables', () => {
    const inserted = 4;
    const below = (key: string): number => (key.startsWith('s3.') || key.startsWith('s4.') ? inserted : 0);
    const names = namesOf(layout2021, '年报', (name, range) =>
      name.startsWith('NB_S3') || name.startsWith('NB_S4') ? { ...range, row: range.row + inserted } : range,
    );
    const grid = sheetOf(
      layout2021,
      { 's2.fee.amount': num(1), 's3.new.natural': num(2), 's4.review.total': num(3) },
      below,
    );
    const [{ report }] = read(names, grid);
    expect(report.values).toMatchObject({ 's2.fee.amount': 1, 's3.new.natural': 2, 's4.review.total': 3 });
  });

  it('reads only inside the areas it plans, one per table and one per profile field', () => {
    const [plan] = planReportSheets({ file: FILE, sheets: ['年报'], names: namesOf(layout2021, '年报') });
    expect(plan.areas).toHaveLength(3 + 5);
    const inside = (row: number, col: number): boolean =>
      plan.areas.some((a) => row >= a.row && row < a.row + a.rows && col >= a.col && col < a.col + a.cols);
    const strict: CellSource = (row, col) => {
      if (!inside(row, col)) throw new Error(`read outside the planned areas: ${row},${col}`);
      return num(1);
    };
    const report = readReportSheet(plan, strict);
    expect(Object.values(report.values).every((v) => v === 1)).toBe(true);
  });

  it('gives one report per report sheet in sheet order, and ignores sheets without names', () => {
    const a = namesOf(layout2021, 'A');
    const layout2019 = buildLayout({ version: '2019' });
    const b = namesOf(layout2019, 'B');
    const sheets = readReportSheets({
      file: FILE,
      sheets: ['B', '说明', 'A'],
      names: [...a, ...b, { name: 'Print_Area', scope: '说明', formula: "'说明'!$A$1:$B$2" }],
      cells: (sheet) =>
        source(sheetOf(sheet === 'A' ? layout2021 : layout2019, { 's3.new.natural': num(sheet === 'A' ? 1 : 2) })),
    });
    expect(sheets.map((s) => [s.sheet, s.report.sourceFormat, s.report.values['s3.new.natural']])).toEqual([
      ['B', '2019', 2],
      ['A', '2021', 1],
    ]);
  });

  it('reads workbook-level names, one name holding the areas of several sheets', () => {
    const scoped = [...namesOf(layout2021, 'A'), ...namesOf(layout2021, 'B')];
    const byName = new Map<string, string[]>();
    for (const n of scoped) byName.set(n.name, [...(byName.get(n.name) ?? []), n.formula]);
    const names = [...byName].map(([name, formulas]) => ({ name, formula: formulas.join(',') }));
    const plans = planReportSheets({ file: FILE, sheets: ['A', 'B'], names });
    expect(plans.map((p) => p.sheet)).toEqual(['A', 'B']);
  });

  it('takes a sheet-scoped name over a workbook-level one of the same name', () => {
    const s3 = layout2021.names.find((n) => n.name === NAMES.table('s3'))?.range;
    if (!s3) throw new Error('no NB_S3');
    const stale = { name: 'NB_S3', formula: sheetRangeA1('年报', { ...s3, row: s3.row + 40 }) };
    const names = [stale, ...namesOf(layout2021, '年报')];
    const [plan] = planReportSheets({ file: FILE, sheets: ['年报'], names });
    expect(plan.map.rectOf('s3.new.natural')?.row).toBe(s3.row);
    // A stale workbook-level name pointing at a deleted sheet does not matter to a sheet with its own.
    const gone = { name: 'NB_S3', formula: "'旧表'!$I$27:$O$51" };
    expect(
      planReportSheets({ file: FILE, sheets: ['年报'], names: [gone, ...namesOf(layout2021, '年报')] }),
    ).toHaveLength(1);
  });

  it('says so when no sheet holds the tables', () => {
    const error = errorOf(() =>
      planReportSheets({ file: FILE, sheets: ['Sheet1'], names: [{ name: 'X', formula: 'Sheet1!$A$1' }] }),
    );
    expect(error.code).toBe('WORKBOOK_NO_REPORT');
  });
});

describe('planReportSheets: names that lead nowhere are errors, never blank tables', () => {
  const plan = (names: WorkbookName[]) => () => planReportSheets({ file: FILE, sheets: ['说明', '年报'], names });
  const zh = (error: ReportInputError): string => describeInputError(error, 'zh-CN');

  it('refuses a name pointing at a sheet that does not exist, naming it', () => {
    const names = namesOf(layout2021, '年报', (name, range) =>
      name === 'NB_S3' ? sheetRangeA1('旧表', range) : range,
    );
    const error = errorOf(plan(names));
    expect(error.code).toBe('WORKBOOK_NAME_SHEET_MISSING');
    expect(error.params).toMatchObject({ sheet: '年报', name: 'NB_S3', target: '旧表' });
    expect(zh(error)).toMatch(/NB_S3 指向不存在的工作表“旧表”/);
  });

  it.each(["'年报'!#REF!", '=#REF!', '#REF!$I$27:$O$51'])('refuses a name whose cells were deleted (%s)', (formula) => {
    const error = errorOf(plan(namesOf(layout2021, '年报', (name, range) => (name === 'NB_S3' ? formula : range))));
    expect(error.code).toBe('WORKBOOK_NAME_BROKEN');
    expect(zh(error)).toMatch(/工作表“年报”中，名称 NB_S3 的引用已失效（#REF!）/);
    expect(describeInputError(error, 'en-US')).toMatch(/NB_S3 no longer refers to any cells/);
  });

  it('refuses a sheet whose every name lost its cells, rather than skipping it', () => {
    const error = errorOf(plan(namesOf(layout2021, '年报', () => '#REF!')));
    expect(error.code).toBe('WORKBOOK_NAME_BROKEN');
    expect(error.params.sheet).toBe('年报');
  });

  it('refuses a broken sheet-scoped name even when a workbook-level one of that name exists: it is what the sheet sees', () => {
    const s3 = layout2021.names.find((n) => n.name === 'NB_S3')?.range;
    if (!s3) throw new Error('no NB_S3');
    const names = [
      { name: 'NB_S3', formula: sheetRangeA1('年报', s3) },
      ...namesOf(layout2021, '年报', (name, range) => (name === 'NB_S3' ? "'年报'!#REF!" : range)),
    ];
    expect(errorOf(plan(names)).code).toBe('WORKBOOK_NAME_BROKEN');
  });

  it('refuses a broken profile name too', () => {
    const error = errorOf(plan(namesOf(layout2021, '年报', (name, range) => (name === NAMES.year ? '#REF!' : range))));
    expect(error.params).toMatchObject({ name: 'NB_P_YEAR' });
  });

  it('minds a broken profile block only when an input has no name of its own', () => {
    const broken = (name: string, range: CellRange) => (name === NAMES.profile ? '#REF!' : range);
    expect(plan(namesOf(layout2021, '年报', broken))()).toHaveLength(1);
    const error = errorOf(
      plan(namesOf(layout2021, '年报', (name, range) => (name === NAMES.kind ? null : broken(name, range)))),
    );
    expect(error.params).toMatchObject({ name: 'NB_PROFILE' });
  });

  it('refuses a table name missing on a sheet that has the others, naming the table', () => {
    const error = errorOf(plan(namesOf(layout2021, '年报', (name, range) => (name === 'NB_S4' ? null : range))));
    expect(error.code).toBe('WORKBOOK_TABLE_MISSING');
    expect(zh(error)).toMatch(/工作表“年报”中缺少名称 NB_S4（表四）/);
  });

  it.each([
    ['shrunk', -1],
    ['grown', 1],
  ])('refuses a %s table block, with both sizes', (_, delta) => {
    const error = errorOf(
      plan(
        namesOf(layout2021, '年报', (name, range) =>
          name === 'NB_S3' ? { ...range, rows: range.rows + delta } : range,
        ),
      ),
    );
    expect(error.code).toBe('WORKBOOK_TABLE_RESIZED');
    expect(error.params).toMatchObject({ rows: 25 + delta, expectedRows: 25 });
  });

  it('refuses two tables on the same cells', () => {
    const s3 = layout2021.names.find((n) => n.name === 'NB_S3')?.range;
    if (!s3) throw new Error('no NB_S3');
    const error = errorOf(
      plan(
        namesOf(layout2021, '年报', (name, range) =>
          name === 'NB_S4' ? { ...range, row: s3.row, col: s3.col } : range,
        ),
      ),
    );
    expect(error.code).toBe('WORKBOOK_NAMES_OVERLAP');
    expect(zh(error)).toMatch(/NB_S4 和 NB_S3 指向重叠的单元格（[A-Z]+\d+）/);
  });
});

describe('dates', () => {
  it('writes day numbers as dates and times as text', () => {
    expect(dateText(45356)).toBe('2024-03-05');
    expect(dateText(45356.25)).toBe('2024-03-05 06:00');
    expect(dateText(0.5)).toBe('12:00');
    expect(dateText(1)).toBe('1899-12-31');
  });

  it.each([
    ['yyyy-mm-dd', true],
    ['m/d/yyyy', true],
    ['yyyy"年"m"月"d"日"', true],
    ['[$-804]yyyy"年"m"月"', true],
    ['h:mm', true],
    ['[h]:mm:ss', true],
    ['mmm-yy', true],
    ['General', false],
    ['0', false],
    ['0.00##', false],
    ['@', false],
    ['"年"0', false],
    ['[Red]0.00', false],
    ['#,##0_);(#,##0)', false],
    ['0.00E+00', false],
    ['', false],
  ] as const)('calls the number format %s a date: %s', (format, date) => {
    expect(isDateFormat(format)).toBe(date);
  });
});

describe.each(['2021', '2019'] as FormatVersion[])('every cell of the %s layout', (version) => {
  it('reads back the value at its own cell', () => {
    const layout = buildLayout({ version });
    const keys = (['s2', 's3', 's4'] as const).flatMap((t) => cellsOfTable(version, t).map((c) => c.key));
    const cells = Object.fromEntries(keys.map((k, i) => [k, num(i + 1)]));
    const [{ report }] = read(namesOf(layout, '年报'), sheetOf(layout, cells));
    expect(report.values).toEqual(Object.fromEntries(keys.map((k, i) => [k, i + 1])));
  });
});
