// End to end in a real spreadsheet program: workbooks written by the file writer, opened by
// LibreOffice (headless, recalculating on load) and exported as CSV, show 校验通过 for a valid
// report and a ✖ status for each broken table, with every s3 row label as printed; a workbook
// edited in LibreOffice (rows inserted above the tables, sheet renamed) still reads the same.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import type { JsonFileEntry } from '../../src/cli/check';
import { getFormat, SECTIONS, type FormatVersion, type TableId } from '../../src/format';
import { buildLayout, NAMES, rangeA1, STATUS_TEXT } from '../../src/layout';
import { cellStatus } from '../../src/layout/checks';
import { parseReportJson, type Report } from '../../src/report';
import { validate } from '../../src/rules';
import { readWorkbookReports } from '../../src/xlsx/read';
import { renderLayout, writeTemplate, writeWorkbook } from '../../src/xlsx/write';
import { SheetEngine } from '../layout/support/sheet-engine';
import { convert, CSV_FILTER, editInLibreOffice, parseCsv, requireSoffice } from './support/libreoffice';
import { partOf, sheetOf } from './support/workbooks';

jest.setTimeout(240_000);

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const fixture = async (name: string): Promise<Report> =>
  parseReportJson(await fs.readFile(path.join(FIXTURES, name), 'utf8'));

/** The status under each table's 本表校验 label (right of the table), in table order. */
function statuses(csv: string[][]): string[] {
  const out: string[] = [];
  csv.forEach((row, r) => {
    row.forEach((field, c) => {
      if (field === '本表校验') out.push(csv[r + 1]?.[c] ?? '');
    });
  });
  return out;
}

/** What HyperFormula shows for the same report, to hold LibreOffice to the same text. */
function engineStatuses(version: FormatVersion, report: Report): string[] {
  const engine = new SheetEngine(buildLayout({ version }));
  try {
    engine.fill(report.values);
    return (['s2', 's3', 's4'] as TableId[]).map((t) => engine.status(t));
  } finally {
    engine.destroy();
  }
}

let dir: string;
const csvs = new Map<string, string[][]>();
const reports: Record<string, Report> = {};

beforeAll(async () => {
  await requireSoffice();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-lo-test-'));
  reports['valid-2021'] = await fixture('xlsx-valid-2021.json');
  reports['broken-2021'] = await fixture('xlsx-broken-2021.json');
  reports['valid-2019'] = await fixture('xlsx-valid-2019.json');
  reports['text-2019'] = await fixture('xlsx-blanks-text-2019.json');
  const files: string[] = [];
  for (const [name, report] of Object.entries(reports)) {
    const file = path.join(dir, `${name}.xlsx`);
    await fs.writeFile(file, await writeTemplate([sheetOf(report)]));
    files.push(file);
  }
  // A status with a wrong cached result: LibreOffice must recalculate, not show the cache.
  const stale = new ExcelJS.Workbook();
  const { layout, values } = sheetOf(reports['broken-2021']);
  const ws = renderLayout(stale, layout, values);
  for (const check of layout.checks) {
    const cell = ws.getCell(check.status.row + 1, check.status.col + 1);
    const formula = layout.cells.find((c) => c.row === check.status.row && c.col === check.status.col)?.formula ?? '';
    cell.value = { formula, result: STATUS_TEXT.pass, date1904: false };
  }
  const staleFile = path.join(dir, 'stale-2021.xlsx');
  await fs.writeFile(staleFile, await writeWorkbook(stale));
  files.push(staleFile);
  await convert(files, CSV_FILTER, dir);
  for (const file of files) {
    const name = path.basename(file, '.xlsx');
    csvs.set(name, parseCsv(await fs.readFile(path.join(dir, `${name}.csv`), 'utf8')));
  }
});

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe('a template filled with a valid report, opened in LibreOffice', () => {
  it.each(['valid-2021', 'valid-2019'])('%s shows 校验通过 beside every table', (name) => {
    expect(statuses(csvs.get(name) ?? [])).toEqual([STATUS_TEXT.pass, STATUS_TEXT.pass, STATUS_TEXT.pass]);
    expect(validate(reports[name]).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it.each([
    ['valid-2021', '2021'],
    ['valid-2019', '2019'],
  ] as const)(
    '%s holds every s3 row label exactly as printed, and the title made from the profile',
    (name, version) => {
      const fields = new Set((csvs.get(name) ?? []).flat());
      for (const row of getFormat(version).s3.rows)
        expect([row.key, fields.has(row.label.zh)]).toEqual([row.key, true]);
      for (const n of [2, 3, 4]) expect(fields.has(SECTIONS[n - 1].heading)).toBe(true);
      expect(fields.has(`${reports[name].profile.agency}${reports[name].profile.year}年政府信息公开工作年度报告`)).toBe(
        true,
      );
    },
  );
});

describe('a template filled with a broken report, opened in LibreOffice', () => {
  it('shows a ✖ status for each broken table: blank in 表二, identities in 表三 and 表四', () => {
    const [s2, s3, s4] = statuses(csvs.get('broken-2021') ?? []);
    expect(s2).toBe(cellStatus('blank', 1));
    expect(s3).toBe(
      '✖ 勾稽关系不符：自然人 差 +1、总计 差 -1；（七）总计不等于各项之和：商业企业 差 -2、总计 差 -2；' +
        '总计不等于各类申请人之和：一、本年新收政府信息公开申请数量 差 +1、二、上年结转政府信息公开申请数量 差 +1',
    );
    expect(s4).toBe('✖ 总计不等于各项之和：行政复议 差 +1');
  });

  it('shows text and blanks in a 2019 sheet as the problem, before any total', () => {
    // 表三 has a blank as well as text: the blank is named first; 表四 has full-width digits, which
    // the sheet cannot add up, so it calls them text.
    expect(statuses(csvs.get('text-2019') ?? [])).toEqual([
      STATUS_TEXT.pass,
      cellStatus('blank', 1),
      cellStatus('text', 1),
    ]);
  });

  it('shows what HyperFormula shows for the same reports', () => {
    for (const [name, version] of [
      ['broken-2021', '2021'],
      ['valid-2021', '2021'],
      ['text-2019', '2019'],
      ['valid-2019', '2019'],
    ] as const) {
      expect([name, statuses(csvs.get(name) ?? [])]).toEqual([name, engineStatuses(version, reports[name])]);
    }
  });

  it('recalculates on load instead of trusting cached results', () => {
    expect(statuses(csvs.get('stale-2021') ?? [])).toEqual(statuses(csvs.get('broken-2021') ?? []));
  });
});

describe('a template edited in LibreOffice: rows inserted above the tables, sheet renamed, saved as .xlsx', () => {
  let edited: string;
  const report = (): Report => reports['broken-2021'];

  beforeAll(async () => {
    const source = path.join(dir, 'broken-2021.xlsx');
    edited = path.join(dir, 'edited.xlsx');
    const layout = buildLayout({ version: '2021' });
    const s3Heading = layout.cells.find((c) => c.value === SECTIONS[2].heading)?.row ?? 0;
    const s4Heading = layout.cells.find((c) => c.value === SECTIONS[3].heading)?.row ?? 0;
    await editInLibreOffice(
      source,
      edited,
      [
        [0, 3],
        [s3Heading, 2],
        [s4Heading, 1],
      ],
      "改名后的'年报'表",
    );
    await convert([edited], CSV_FILTER, dir);
  });

  it('keeps the names, scoped to the renamed sheet, and moved with the tables', async () => {
    const xml = await partOf(await fs.readFile(edited), 'xl/workbook.xml');
    expect(xml).toMatch(
      /<definedName [^>]*localSheetId="0"[^>]*name="NB_S3"|<definedName [^>]*name="NB_S3"[^>]*localSheetId="0"/,
    );
    expect(xml).toContain(NAMES.tables('2021'));
    // 3 rows above the title and 2 above 表三: 表三's data moved 5 rows down.
    const s3 = buildLayout({ version: '2021' }).names.find((n) => n.name === NAMES.table('s3'))?.range;
    if (!s3) throw new Error('no NB_S3');
    const moved = rangeA1({ ...s3, row: s3.row + 5 }, true).replace(/\$/g, '\\$');
    expect(xml).toMatch(new RegExp(`NB_S3"[^>]*>&apos;改名后的&apos;&apos;年报&apos;&apos;表&apos;!${moved}<`));
  });

  it('reads back the same report and gives the same findings', async () => {
    const [entry] = await readWorkbookReports(await fs.readFile(edited), edited);
    expect(entry.report.values).toEqual(report().values);
    expect(entry.report.profile).toEqual({ ...report().profile, format: '2021' });
    expect(validate(entry.report)).toEqual(validate(report()));
  });

  it('gives the same `nianbao check --json` findings as the JSON it was filled from', async () => {
    const check = async (file: string): Promise<unknown> => {
      let out = '';
      await run(['check', file, '--json'], { out: (t) => void (out += t), err: () => undefined }, {});
      const [entry] = (JSON.parse(out) as { files: JsonFileEntry[] }).files;
      return 'findings' in entry ? entry.findings : entry;
    };
    expect(await check(edited)).toEqual(await check(path.join(FIXTURES, 'xlsx-broken-2021.json')));
  });

  it('still checks itself: LibreOffice moved the formulas with the cells', async () => {
    const csv = parseCsv(await fs.readFile(path.join(dir, 'edited.csv'), 'utf8'));
    expect(statuses(csv)).toEqual(statuses(csvs.get('broken-2021') ?? []));
  });
});
