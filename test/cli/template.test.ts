// `nianbao template` and `nianbao check` on workbooks, in-process: templates are written as asked,
// never over an existing file without --force, and a workbook filled from a report file gives the
// same findings as the file itself — also after rows were inserted above the tables and the sheet
// renamed, and sheet by sheet in a workbook holding several reports.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { getFormat } from '../../src/format';
import type { JsonFileEntry } from '../../src/cli/check';
import { parseReportJson, reportToJson } from '../../src/report';
import { readWorkbookReports } from '../../src/xlsx/read';
import { renderLayout, writeWorkbook } from '../../src/xlsx/write';
import { randomReport, seeded } from '../layout/support/random-report';
import { sheetOf, shiftDown } from '../xlsx/support/workbooks';

const FIXTURES = path.join(__dirname, '../fixtures');
const OWN_FIXTURES = [
  'xlsx-valid-2021.json',
  'xlsx-broken-2021.json',
  'xlsx-blanks-text-2019.json',
  'xlsx-valid-2019.json',
];

interface Result {
  code: number;
  out: string;
  err: string;
}

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Result> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => void (out += t), err: (t) => void (err += t) }, env);
  return { code, out, err };
}

async function checkJson(file: string): Promise<{ code: number; files: JsonFileEntry[] }> {
  const r = await cli(['check', file, '--json']);
  return { code: r.code, files: (JSON.parse(r.out) as { files: JsonFileEntry[] }).files };
}

const findingsOf = (entry: JsonFileEntry | undefined): unknown =>
  entry && 'findings' in entry ? entry.findings : entry;

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-template-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('nianbao template', () => {
  it('writes a blank template with the profile given on the command line', async () => {
    const out = path.join(dir, 'blank.xlsx');
    const r = await cli(['template', '-o', out, '--year', '2024', '--agency', '某某市某某局', '--kind', 'department']);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('已写入');
    const [entry] = await readWorkbookReports(await fs.readFile(out), out);
    expect(entry.report.profile).toEqual({ agency: '某某市某某局', year: 2024, format: '2021', kind: 'department' });
    expect(Object.values(entry.report.values).every((v) => v === null)).toBe(true);
    expect(Object.keys(entry.report.values)).toEqual(getFormat('2021').cells.map((c) => c.key));
  });

  it('uses the 2019 layout for 2019 and 2020, or when --format says so', async () => {
    for (const args of [
      ['--year', '2020'],
      ['--format', '2019'],
    ]) {
      const out = path.join(dir, `${args.join('')}.xlsx`);
      expect((await cli(['template', '-o', out, ...args])).code).toBe(0);
      const [entry] = await readWorkbookReports(await fs.readFile(out), out);
      expect(entry.report.sourceFormat).toBe('2019');
      expect(Object.keys(entry.report.values)).toEqual(getFormat('2019').cells.map((c) => c.key));
    }
  });

  it('refuses a layout the year forbids (2019 tables for 2024) unless --force', async () => {
    const out = path.join(dir, 'old.xlsx');
    const refused = await cli(['template', '-o', out, '--year', '2024', '--format', '2019']);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(
      '2024 年度的报告应使用 2021 年版格式，而指定的是 2019 年版，未写入。请去掉 --format 或改为 --format 2021；如确需 2019 年版的表格，请加 --force。\n',
    );
    await expect(fs.access(out)).rejects.toThrow();
    expect((await cli(['template', '-o', out, '--year', '2020', '--format', '2021'])).err).toContain(
      '2020 年度的报告应使用 2019 年版格式',
    );
    expect((await cli(['template', '-o', out, '--year', '2024', '--format', '2019', '--force'])).code).toBe(0);
    const [entry] = await readWorkbookReports(await fs.readFile(out), out);
    expect(entry.report.sourceFormat).toBe('2019');
  });

  it('refuses the forbidden layout also when --data brings the year', async () => {
    const out = path.join(dir, 'data.xlsx');
    const r = await cli([
      'template',
      '--data',
      path.join(FIXTURES, 'xlsx-broken-2021.json'),
      '-o',
      out,
      '--format',
      '2019',
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('2022 年度的报告应使用 2021 年版格式');
  });

  it('keeps invisible characters and very long agency names out of the default file name', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(
        (await cli(['template', '--year', '2024', '--agency', `某局\u001b[2J\u202e${'长'.repeat(300)}`])).code,
      ).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    const [name] = await fs.readdir(dir);
    expect(name).toBe(`某局[2J${'长'.repeat(55)}2024年政府信息公开工作年度报告.xlsx`);
  });

  it('names the file after the agency and year by default, in the working directory', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect((await cli(['template', '--year', '2024', '--agency', '某某市某某局'])).code).toBe(0);
      expect((await cli(['template'])).code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    expect((await fs.readdir(dir)).sort()).toEqual(
      ['nianbao-template.xlsx', '某某市某某局2024年政府信息公开工作年度报告.xlsx'].sort(),
    );
  });

  it('refuses to overwrite an existing file unless --force, and says how', async () => {
    const out = path.join(dir, 'report.xlsx');
    await fs.writeFile(out, 'filled in by hand');
    const refused = await cli(['template', '-o', out]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('文件已存在');
    expect(refused.err).toContain('--force');
    expect(await fs.readFile(out, 'utf8')).toBe('filled in by hand');
    expect((await cli(['template', '-o', out, '--force'])).code).toBe(0);
    expect((await fs.readFile(out)).subarray(0, 2).toString()).toBe('PK');
  });

  it('speaks English with --lang en-US or NIANBAO_LANG', async () => {
    const out = path.join(dir, 'en.xlsx');
    expect((await cli(['template', '-o', out, '--lang', 'en-US'])).out).toMatch(/^Wrote /);
    expect((await cli(['template', '-o', out], { NIANBAO_LANG: 'en-US' })).err).toMatch(/^File exists/);
  });

  it('exits 2 for an output that is not .xlsx, an unreadable --data file or a bad option', async () => {
    expect((await cli(['template', '-o', path.join(dir, 'x.xls')])).code).toBe(2);
    const missing = await cli(['template', '-o', path.join(dir, 'y.xlsx'), '--data', path.join(dir, 'none.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('无法读取数据文件');
    expect((await cli(['template', '--format', '2020'])).code).toBe(2);
    expect((await cli(['template', 'stray-argument'])).code).toBe(2);
  });

  it('fills values and profile from --data, the command line overriding the profile', async () => {
    const data = path.join(FIXTURES, 'xlsx-broken-2021.json');
    const out = path.join(dir, 'filled.xlsx');
    expect((await cli(['template', '--data', data, '-o', out, '--agency', '另一个局'])).code).toBe(0);
    const source = parseReportJson(await fs.readFile(data, 'utf8'));
    const [entry] = await readWorkbookReports(await fs.readFile(out), out);
    expect(entry.report.values).toEqual(source.values);
    expect(entry.report.profile).toEqual({ ...source.profile, format: '2021', agency: '另一个局' });
  });

  it('warns about values of the other format version, which have no cell in the template', async () => {
    const data = path.join(dir, 'mixed.json');
    const report = parseReportJson(await fs.readFile(path.join(FIXTURES, 'xlsx-valid-2021.json'), 'utf8'));
    report.values['s3.other.natural'] = 4;
    await fs.writeFile(data, JSON.stringify(reportToJson(report)));
    const r = await cli(['template', '--data', data, '-o', path.join(dir, 'mixed.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('s3.other.natural');
  });
});

describe('nianbao check on a workbook written by nianbao template --data', () => {
  async function roundTrip(json: string): Promise<void> {
    const xlsx = path.join(dir, `${path.basename(json, '.json')}.xlsx`);
    expect((await cli(['template', '--data', json, '-o', xlsx])).code).toBe(0);
    const fromJson = await checkJson(json);
    const fromXlsx = await checkJson(xlsx);
    expect(fromXlsx.code).toBe(fromJson.code);
    expect(findingsOf(fromXlsx.files[0])).toEqual(findingsOf(fromJson.files[0]));
  }

  it.each(OWN_FIXTURES)('reports the same findings as on %s', async (name) => {
    await roundTrip(path.join(FIXTURES, name));
  });

  it('reports the same findings as on 20 random reports (valid, broken, blanks, text)', async () => {
    const rand = seeded(42);
    for (let i = 0; i < 20; i++) {
      const { report } = randomReport(i % 2 === 0 ? '2021' : '2019', rand);
      const json = path.join(dir, `random-${i}.json`);
      await fs.writeFile(json, JSON.stringify(reportToJson(report)));
      await roundTrip(json);
    }
  });

  it('reports the same findings after rows were inserted above the tables and the sheet renamed', async () => {
    const json = path.join(FIXTURES, 'xlsx-broken-2021.json');
    const report = parseReportJson(await fs.readFile(json, 'utf8'));
    const { layout, values } = sheetOf(report);
    const workbook = new ExcelJS.Workbook();
    renderLayout(workbook, shiftDown(layout, 5, '我们的年报（改名）'), values);
    const xlsx = path.join(dir, 'moved.xlsx');
    await fs.writeFile(xlsx, await writeWorkbook(workbook));
    const fromXlsx = await checkJson(xlsx);
    expect(fromXlsx.files[0].file).toBe(xlsx);
    expect(findingsOf(fromXlsx.files[0])).toEqual(findingsOf((await checkJson(json)).files[0]));
  });

  it('checks each report sheet of a workbook, one entry per sheet named book.xlsx#<sheet>', async () => {
    const a = parseReportJson(await fs.readFile(path.join(FIXTURES, 'xlsx-valid-2021.json'), 'utf8'));
    const b = parseReportJson(await fs.readFile(path.join(FIXTURES, 'xlsx-blanks-text-2019.json'), 'utf8'));
    const workbook = new ExcelJS.Workbook();
    for (const [report, name] of [
      [a, '区政府办'],
      [b, '某某镇'],
    ] as const) {
      const { layout, values } = sheetOf(report, name);
      renderLayout(workbook, layout, values);
    }
    const book = path.join(dir, 'book.xlsx');
    await fs.writeFile(book, await writeWorkbook(workbook));
    const result = await checkJson(book);
    expect(result.files.map((f) => f.file)).toEqual([`${book}#区政府办`, `${book}#某某镇`]);
    expect(findingsOf(result.files[0])).toEqual(
      findingsOf((await checkJson(path.join(FIXTURES, 'xlsx-valid-2021.json'))).files[0]),
    );
    expect(findingsOf(result.files[1])).toEqual(
      findingsOf((await checkJson(path.join(FIXTURES, 'xlsx-blanks-text-2019.json'))).files[0]),
    );
    expect(result.code).toBe(1);

    // A template made from that workbook keeps both sheets and their names.
    const copy = path.join(dir, 'copy.xlsx');
    expect((await cli(['template', '--data', book, '-o', copy])).code).toBe(0);
    expect((await checkJson(copy)).files.map((f) => f.file)).toEqual([`${copy}#区政府办`, `${copy}#某某镇`]);
  });

  it('prints findings for people too (no --json)', async () => {
    const xlsx = path.join(dir, 'human.xlsx');
    await cli(['template', '--data', path.join(FIXTURES, 'xlsx-broken-2021.json'), '-o', xlsx]);
    const r = await cli(['check', xlsx]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('S3-BALANCE');
    expect(r.out).toContain('某某县市场监督管理局');
  });
});
