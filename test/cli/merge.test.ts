// `nianbao merge` end to end: 50 unit workbooks merged into one, the merged workbook opened in
// LibreOffice (its in-sheet checks say 校验通过 beside every table), its 汇总明细 sheet with one
// column per unit, and the sums checked against a plain loop; missing, repeated, wrong-year and
// inconsistent units named, in the output and in --json; usage errors in the user's words.
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { randomValidReport, seededRandom } from '../../src/bench/random-report';
import type { CliIo } from '../../src/cli/io';
import { run } from '../../src/cli/main';
import { getFormat } from '../../src/format';
import { STATUS_TEXT } from '../../src/layout';
import { readCell, type Report } from '../../src/report';
import { readWorkbookReports } from '../../src/xlsx/read';
import { writeTemplate } from '../../src/xlsx/write';
import { convert, CSV_FILTER, parseCsv, requireSoffice } from '../xlsx/support/libreoffice';
import { sheetOf } from '../xlsx/support/workbooks';

jest.setTimeout(240_000);

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t) };
  const code = await run(argv, io, {});
  return { code, out, err };
}

const UNITS = 50;
let dir: string;
let unitFiles: string[];
let units: Report[];

function unit(i: number): Report {
  const report = randomValidReport(seededRandom(1000 + i), '2021');
  report.profile = {
    ...report.profile,
    agency: `某某县第${i + 1}单位`,
    year: 2024,
    format: '2021',
    kind: 'department',
  };
  return report;
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-merge-'));
  units = Array.from({ length: UNITS }, (_, i) => unit(i));
  unitFiles = [];
  for (const [i, report] of units.entries()) {
    const file = path.join(dir, `unit-${String(i + 1).padStart(2, '0')}.xlsx`);
    await fs.writeFile(file, await writeTemplate([sheetOf(report)]));
    unitFiles.push(file);
  }
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The status under each table's 本表校验 label, in table order. */
function statuses(csv: string[][]): string[] {
  const out: string[] = [];
  csv.forEach((row, r) =>
    row.forEach((field, c) => {
      if (field === '本表校验') out.push(csv[r + 1]?.[c] ?? '');
    }),
  );
  return out;
}

describe('nianbao merge of 50 consistent units', () => {
  let out: string;
  let result: { code: number; out: string; err: string };
  beforeAll(async () => {
    out = path.join(dir, '汇总.xlsx');
    await fs.writeFile(path.join(dir, 'units.txt'), units.map((u) => u.profile.agency).join('\n'));
    result = await cli([
      'merge',
      ...unitFiles,
      '-o',
      out,
      '--expect',
      path.join(dir, 'units.txt'),
      '--agency',
      '某某县人民政府',
    ]);
  });

  it('exits 0, says how many units it merged, and shows progress on stderr', () => {
    expect(result.code).toBe(0);
    expect(result.out).toContain(`已汇总 ${UNITS} 个单位（共收到 ${UNITS} 份报告）`);
    expect(result.err.split('\n').filter((l) => /^\[\d+\/50\] /.test(l))).toHaveLength(UNITS);
  });

  it('writes a report whose every cell is the sum of the units’ cells (a plain loop here)', async () => {
    const [merged] = await readWorkbookReports(new Uint8Array(await fs.readFile(out)), out);
    expect(merged.report.profile).toMatchObject({ agency: '某某县人民政府', year: 2024 });
    for (const cell of getFormat('2021').cells) {
      let sum = 0;
      for (const u of units) {
        const read = readCell(u.values[cell.key]);
        if (read.kind === 'number') sum += read.value;
      }
      const value = merged.report.values[cell.key];
      if (Number.isInteger(sum)) expect([cell.key, value]).toEqual([cell.key, sum]);
      else expect([cell.key, Number((value as number).toFixed(2))]).toEqual([cell.key, Number(sum.toFixed(2))]);
    }
  });

  it('holds a 汇总明细 sheet: one column per unit, one row per cell', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await fs.readFile(out));
    const detail = workbook.getWorksheet('汇总明细');
    expect(detail).toBeDefined();
    const header = (detail!.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['单元格代码', '表格', '项目', '汇总']);
    expect(header.slice(4)).toEqual(units.map((u) => u.profile.agency));
    const row = (key: string): unknown[] => {
      for (let r = 1; r <= detail!.rowCount; r++) {
        const values = detail!.getRow(r).values as unknown[];
        if (values[1] === key) return values.slice(1);
      }
      throw new Error(`no row ${key}`);
    };
    const natural = row('s3.new.natural');
    expect(natural[2]).toBe('自然人 · 一、本年新收政府信息公开申请数量');
    expect(natural.slice(4)).toEqual(units.map((u) => u.values['s3.new.natural']));
    expect(natural[3]).toBe(units.reduce((a, u) => a + (u.values['s3.new.natural'] as number), 0));
  });

  it('opened in LibreOffice, the merged sheet says 校验通过 beside every table', async () => {
    await requireSoffice();
    const csvDir = path.join(dir, 'csv');
    await fs.mkdir(csvDir, { recursive: true });
    await convert([out], CSV_FILTER, csvDir);
    const csv = parseCsv(await fs.readFile(path.join(csvDir, '汇总.csv'), 'utf8'));
    expect(statuses(csv)).toEqual([STATUS_TEXT.pass, STATUS_TEXT.pass, STATUS_TEXT.pass]);
  });
});

describe('nianbao merge names what is wrong', () => {
  it('a missing unit, a duplicate, a unit of another year and a broken one: exit 1, each named', async () => {
    const list = path.join(dir, 'expect-4.txt');
    await fs.writeFile(list, ['某某县第1单位', '某某县第2单位', '某某县第3单位', '某某县第99单位'].join('\n'));
    const broken = unit(2);
    broken.values['s3.new.natural'] = (broken.values['s3.new.natural'] as number) + 5;
    const brokenFile = path.join(dir, 'broken.json');
    await fs.writeFile(brokenFile, JSON.stringify(broken));
    const old = { ...unit(3), profile: { ...unit(3).profile, year: 2023 } };
    const oldFile = path.join(dir, 'old.json');
    await fs.writeFile(oldFile, JSON.stringify(old));
    const out = path.join(dir, 'wrong.xlsx');
    const { code, out: text } = await cli([
      'merge',
      unitFiles[0],
      unitFiles[1],
      unitFiles[1],
      brokenFile,
      oldFile,
      '-o',
      out,
      '--expect',
      list,
    ]);
    expect(code).toBe(1);
    expect(text).toContain('某某县第99单位');
    expect(text).toMatch(/某某县第2单位.*出现了两次|重复/);
    expect(text).toContain('2023');
    expect(text).toContain('某某县第3单位');

    const json = await cli([
      'merge',
      unitFiles[0],
      unitFiles[1],
      unitFiles[1],
      brokenFile,
      oldFile,
      '-o',
      path.join(dir, 'wrong-json.xlsx'),
      '--expect',
      list,
      '--json',
    ]);
    const doc = JSON.parse(json.out) as {
      missing: string[];
      duplicates: { name: string }[];
      units: { name: string; included: boolean; excluded?: string; errors: number }[];
      inconsistent: { key: string; units: string[] }[];
      notes: { code: string; message: string }[];
    };
    expect(doc.missing).toEqual(['某某县第99单位']);
    expect(doc.duplicates.map((d) => d.name)).toEqual(['某某县第2单位']);
    expect(doc.units.find((u) => u.excluded === 'otherYear')?.name).toBe('某某县第4单位');
    expect(doc.units.find((u) => u.name === '某某县第3单位')?.errors).toBeGreaterThan(0);
    expect(doc.inconsistent.some((c) => c.key.startsWith('s3.') && c.units.includes('某某县第3单位'))).toBe(true);
    expect(doc.notes.every((n) => n.message.length > 0)).toBe(true);
  });

  it('a cell one unit left blank is blank in the merge, and the note names the unit', async () => {
    const a = unit(10);
    const b = unit(11);
    b.values['s4.review.total'] = null;
    const files = [path.join(dir, 'a.json'), path.join(dir, 'b.json')];
    await fs.writeFile(files[0], JSON.stringify(a));
    await fs.writeFile(files[1], JSON.stringify(b));
    const { out: text } = await cli(['merge', ...files, '-o', path.join(dir, 'blank.xlsx'), '--json']);
    const doc = JSON.parse(text) as { values: Record<string, unknown>; blanks: { key: string; units: string[] }[] };
    expect(doc.values['s4.review.total']).toBeNull();
    expect(doc.blanks).toContainEqual({ key: 's4.review.total', units: ['某某县第12单位'] });
  });

  it('usage: no output, a non-.xlsx output, an existing output — exit 2 in the user’s words', async () => {
    expect(await cli(['merge', unitFiles[0]])).toMatchObject({ code: 2, err: expect.stringContaining('-o') });
    expect(await cli(['merge', unitFiles[0], '-o', path.join(dir, 'x.csv')])).toMatchObject({
      code: 2,
      err: expect.stringContaining('.xlsx'),
    });
    const existing = path.join(dir, 'exists.xlsx');
    await fs.writeFile(existing, 'x');
    const again = await cli(['merge', unitFiles[0], '-o', existing]);
    expect(again.code).toBe(2);
    expect(await fs.readFile(existing, 'utf8')).toBe('x');
    expect((await cli(['merge', '-o', existing])).code).toBe(2);
  });

  it('an --expect list that cannot be read (missing, a folder, a FIFO) is refused at once, exit 2', async () => {
    const fifo = path.join(dir, 'units.fifo');
    execFileSync('mkfifo', [fifo]);
    for (const list of [path.join(dir, 'no-such-list.txt'), dir, fifo]) {
      const { code, err } = await cli(['merge', unitFiles[0], '-o', path.join(dir, 'never.xlsx'), '--expect', list]);
      expect([list, code]).toEqual([list, 2]);
      expect(err).toContain('无法读取 --expect 指定的单位名单');
    }
    await expect(fs.access(path.join(dir, 'never.xlsx'))).rejects.toThrow();
  });

  it('an unreadable unit file is named and left out; the others are merged', async () => {
    const junk = path.join(dir, 'junk.xlsx');
    await fs.writeFile(junk, 'not a workbook');
    const { code, out } = await cli(['merge', unitFiles[0], junk, '-o', path.join(dir, 'with-junk.xlsx')]);
    expect(code).toBe(1);
    expect(out).toContain('junk.xlsx 未计入汇总');
    expect(out).toContain('已汇总 1 个单位');
  });
});
