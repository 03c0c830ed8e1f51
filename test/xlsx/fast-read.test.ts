// The fast .xlsx reader (src/xlsx/fast-read.ts) against ExcelJS: every workbook the tests produce or
// hold is read both ways — readReportBytes as it is now (the limits check, then the parts' XML when the
// fast reader takes the workbook, else ExcelJS) and as it was (the limits check, then ExcelJS only) — and
// the two must give the same entries, or the same error with the same code and params. The corpus:
// the fixtures' workbooks, templates of the seeds and of 240 random reports (both formats, with blanks,
// text, dates, booleans, errors, formulas, rich text typed into them), a template edited in LibreOffice,
// the output of `nianbao merge`, and workbooks edited by hand in every way the fast reader must either
// read as ExcelJS does or leave to ExcelJS. Where a workbook is an ordinary one, the fast reader must
// have read it (else it would be slow, not wrong).
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { breakReport, randomValidReport, seededRandom, type Breakage } from '../../src/bench/random-report';
import type { CliIo } from '../../src/cli/io';
import { run } from '../../src/cli/main';
import { buildLayout, isDateFormat, locateCells } from '../../src/layout';
import { parseReportJson, ReportInputError, type RawValue, type Report } from '../../src/report';
import { FAST_BUILT_IN_FORMATS } from '../../src/xlsx/fast-read';
import { checkWorkbookLimits } from '../../src/xlsx/limits';
import { readWorkbookReports } from '../../src/xlsx/read';
import { FILE_LIMITS, readReportBytes } from '../../src/xlsx/report-file';
import { renderLayout, writeTemplate, writeWorkbook } from '../../src/xlsx/write';
import { editInLibreOffice, requireSoffice } from './support/libreoffice';
import { partOf, replacePart, sheetOf } from './support/workbooks';

jest.setTimeout(240_000);

const FIXTURES = path.join(__dirname, '..', 'fixtures');

type Outcome =
  | { readonly ok: true; readonly entries: unknown }
  | {
      readonly ok: false;
      readonly error: string;
      readonly code?: string;
      readonly params?: unknown;
      readonly message: string;
      readonly cause: boolean;
    };

async function outcome(read: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, entries: await read() };
  } catch (err) {
    if (!(err instanceof Error)) throw err;
    return err instanceof ReportInputError
      ? {
          ok: false,
          error: err.name,
          code: err.code,
          params: err.params,
          message: err.message,
          cause: err.cause !== undefined,
        }
      : { ok: false, error: err.name, message: err.message, cause: err.cause !== undefined };
  }
}

/** readReportBytes's checks of an .xlsx file, then `read`, its failures said as readXlsx says them. */
async function asReadXlsx(file: string, bytes: Uint8Array, read: () => Promise<unknown>): Promise<unknown> {
  if (bytes.length === 0) throw new ReportInputError('FILE_EMPTY', { file });
  const limit = FILE_LIMITS['.xlsx'];
  if (bytes.length > limit)
    throw new ReportInputError('FILE_TOO_LARGE', { file, size: bytes.length, limit, ext: '.xlsx' });
  await checkWorkbookLimits(bytes, file);
  try {
    return await read();
  } catch (err) {
    if (err instanceof ReportInputError) throw err;
    throw new ReportInputError('WORKBOOK_DAMAGED', { file }, { cause: err });
  }
}

const readers = new Map<string, number>();

/**
 * Reads a workbook three ways and expects the same: readReportBytes (the fast reader on the parts the
 * limits check inflated), the fast reader on JSZip's bytes (readWorkbookReports by default), and
 * ExcelJS alone (readReportBytes before). Returns which reader read the cells.
 */
async function expectSame(file: string, bytes: Uint8Array): Promise<string | undefined> {
  const before = await outcome(() =>
    asReadXlsx(file, bytes, () => readWorkbookReports(bytes, file, { reader: 'exceljs' })),
  );
  const now = await outcome(() => readReportBytes(file, bytes));
  expect(now).toStrictEqual(before);
  let reader: string | undefined;
  const onReader = (r: string, reason?: string): void =>
    void (reader = r === 'fast' ? 'fast' : `exceljs: ${reason ?? ''}`);
  const viaJsZip = await outcome(() => asReadXlsx(file, bytes, () => readWorkbookReports(bytes, file, { onReader })));
  expect(viaJsZip).toStrictEqual(before);
  const key = reader === undefined ? 'refused before the cells' : reader.replace(/\d+/g, 'N');
  readers.set(key, (readers.get(key) ?? 0) + 1);
  return reader;
}

afterAll(() => {
  // What the corpus exercised, for whoever reads the test log.
  console.log([...readers].map(([k, n]) => `${n}× ${k}`).join('\n'));
});

const SHEET = '2024年报表格';

function report2021(seed = 1): Report {
  const report = randomValidReport(seededRandom(seed), '2021');
  report.profile = {
    agency: '某某市某某局',
    year: 2024,
    format: '2021',
    kind: 'department',
    canMakeRegulations: false,
  };
  return report;
}

/** A template whose cells were then set through ExcelJS, as a user types into them. */
async function typed(report: Report, edit: (cell: (key: string) => ExcelJS.Cell, ws: ExcelJS.Worksheet) => void) {
  const { layout, values } = sheetOf(report, SHEET);
  const workbook = new ExcelJS.Workbook();
  const ws = renderLayout(workbook, layout, values);
  const at = locateCells(layout);
  edit((key) => {
    const p = at.get(key);
    if (!p) throw new Error(key);
    return ws.getCell(p.row + 1, p.col + 1);
  }, ws);
  return writeWorkbook(workbook);
}

/** The workbook with one part's XML edited. */
const editPart = (bytes: Uint8Array, part: string, edit: (xml: string) => string): Promise<Uint8Array> =>
  replacePart(bytes, part, edit);

/** The sheet's XML with one data cell's `<c>` replaced (by its A1 address). */
const editCell = (bytes: Uint8Array, address: string, cell: (attrs: string) => string): Promise<Uint8Array> =>
  editPart(bytes, 'xl/worksheets/sheet1.xml', (xml) => {
    const re = new RegExp(`<c r="${address}"([^>]*?)(?:/>|>.*?</c>)`);
    if (!re.test(xml)) throw new Error(`no cell ${address}`);
    return xml.replace(re, (_, attrs: string) => cell(attrs));
  });

/** A1 address of a report key in the 2021 layout. */
function addressOf(key: string): string {
  const p = locateCells(buildLayout({ version: '2021', sheetName: SHEET })).get(key);
  if (!p) throw new Error(key);
  let col = '';
  for (let n = p.col + 1; n > 0; n = Math.floor((n - 1) / 26)) col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
  return `${col}${p.row + 1}`;
}

async function withZip(bytes: Uint8Array, edit: (zip: JSZip) => void | Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('the built-in number formats the fast reader knows', () => {
  it('show a date exactly where ExcelJS’s own table’s do, by ExcelJS’s test and the reader’s', () => {
    // ExcelJS's internals, only to check against: its table and its date test.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const table = require('exceljs/lib/xlsx/defaultnumformats') as Record<string, { f?: string }>;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const utils = require('exceljs/lib/utils/utils') as { isDateFmt(format: string): boolean };
    for (const [id, format] of FAST_BUILT_IN_FORMATS) {
      const theirs = table[String(id)]?.f;
      expect([id, typeof theirs]).toEqual([id, 'string']);
      expect([id, utils.isDateFmt(format), isDateFormat(format)]).toEqual([
        id,
        utils.isDateFmt(theirs ?? ''),
        isDateFormat(theirs),
      ]);
    }
  });
});

describe('workbooks the tests hold and write', () => {
  it('reads the fixtures’ workbooks alike, with the fast reader', async () => {
    const found: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const e of await fs.readdir(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) await walk(p);
        else if (e.name.toLowerCase().endsWith('.xlsx')) found.push(p);
      }
    };
    await walk(FIXTURES);
    expect(found.length).toBeGreaterThan(0);
    for (const file of found) {
      expect([file, await expectSame(path.basename(file), new Uint8Array(await fs.readFile(file)))]).toEqual([
        file,
        'fast',
      ]);
    }
  });

  it('reads the templates of the seeds and the xlsx fixtures’ reports alike, with the fast reader', async () => {
    const jsons = (await fs.readdir(FIXTURES)).filter((f) => /^(seed-00\d|xlsx-.*)\.json$/.test(f));
    expect(jsons.length).toBeGreaterThanOrEqual(3);
    for (const name of jsons) {
      const report = parseReportJson(await fs.readFile(path.join(FIXTURES, name), 'utf8'));
      const bytes = await writeTemplate([sheetOf(report)]);
      expect([name, await expectSame(name.replace('.json', '.xlsx'), bytes)]).toEqual([name, 'fast']);
    }
  });

  const BREAKAGES: readonly Breakage[] = ['none', 'number', 'blank', 'text', 'negative'];
  const TEXT = ['约3', '见附件', ' 3 ', '=1+1', '—', 'a&b<c>"d"', '第_x000D_行', '多\n行', "it's"];
  const FORMATS = ['yyyy-mm-dd', 'm"月"d"日"', 'yyyy/m/d h:mm', 'h:mm', '[h]:mm', '0.00', '@', 'General', '0.0%'];

  it('reads 240 random reports alike, blanks, text, dates and the rest typed in, with the fast reader', async () => {
    for (let i = 0; i < 240; i++) {
      const rand = seededRandom(7000 + i);
      const version = i % 2 === 0 ? '2021' : '2019';
      const report = randomValidReport(rand, version);
      breakReport(report, rand, BREAKAGES[i % BREAKAGES.length]);
      const keys = Object.keys(report.values);
      const some = (): string => keys[Math.floor(rand() * keys.length)];
      for (let k = 0; k < 3; k++) report.values[some()] = null;
      report.values[some()] = TEXT[i % TEXT.length];
      report.values[some()] = Math.round(rand() * 1e6) / 1e4;
      report.profile = {
        agency: ['某某市某某局', '县政府办公室', 'A&B 局'][i % 3],
        year: 2019 + (i % 7),
        format: version,
        kind: (['department', 'government', 'office'] as const)[i % 3],
        canMakeRegulations: i % 4 === 0,
      };
      let bytes: Uint8Array;
      if (i % 3 === 0) {
        bytes = await writeTemplate([sheetOf(report, i % 6 === 0 ? `表 ${i}` : undefined)]);
      } else {
        // Typed into ExcelJS's cells: dates with number formats, booleans, errors, formulas, rich text.
        bytes = await typed(report, (cell) => {
          const c1 = cell(some());
          c1.value = new Date(Date.UTC(2020 + (i % 5), i % 12, 1 + (i % 28), i % 24, (i * 7) % 60));
          c1.numFmt = FORMATS[i % FORMATS.length];
          const c2 = cell(some());
          c2.value = 45000 + i + (i % 4) / 8;
          c2.numFmt = FORMATS[(i + 3) % FORMATS.length];
          const c3 = cell(some());
          const kind = i % 8;
          if (kind === 0) c3.value = true;
          else if (kind === 1) c3.value = { error: '#DIV/0!' };
          else if (kind === 2) c3.value = { formula: '1+1', result: 2 };
          else if (kind === 3) c3.value = { formula: '1-1', result: 0 };
          else if (kind === 4) c3.value = { formula: 'A1&"x"', result: 'ax' };
          else if (kind === 5) c3.value = { richText: [{ text: '约' }, { text: '3', font: { bold: true } }] };
          else if (kind === 6) c3.value = { formula: 'NA()', result: { error: '#N/A' } };
          else c3.value = -0.5;
          if (i % 5 === 0) {
            const year = cell('profile.year');
            year.value = new Date(Date.UTC(2024, 0, 1));
            year.numFmt = 'yyyy';
          }
          if (i % 7 === 0) cell('profile.agency').value = { richText: [{ text: '某某' }, { text: '局' }] };
        });
      }
      expect([i, await expectSame(`random-${i}.xlsx`, bytes)]).toEqual([i, 'fast']);
    }
  });

  it('reads the output of `nianbao merge` (a template and a plain 汇总明细 sheet) alike, with the fast reader', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-fast-merge-'));
    try {
      const files: string[] = [];
      for (let i = 0; i < 4; i++) {
        const report = randomValidReport(seededRandom(300 + i), '2021');
        report.profile = { agency: `第${i + 1}单位`, year: 2024, format: '2021', kind: 'department' };
        const file = path.join(dir, `unit-${i + 1}.xlsx`);
        await fs.writeFile(file, await writeTemplate([sheetOf(report)]));
        files.push(file);
      }
      const out = path.join(dir, '汇总.xlsx');
      const io: CliIo = { out: () => undefined, err: () => undefined };
      expect(await run(['merge', ...files, '-o', out, '--agency', '某某县人民政府'], io, {})).toBe(0);
      const bytes = new Uint8Array(await fs.readFile(out));
      expect(await partOf(bytes, 'xl/workbook.xml')).toContain('汇总明细');
      expect(await expectSame('汇总.xlsx', bytes)).toBe('fast');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('reads a template LibreOffice edited (rows inserted, sheet renamed) alike, with the fast reader', async () => {
    await requireSoffice();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-fast-lo-'));
    try {
      const report = report2021(3);
      report.values[Object.keys(report.values)[5]] = '约3';
      report.values[Object.keys(report.values)[9]] = null;
      const source = path.join(dir, 'source.xlsx');
      await fs.writeFile(source, await writeTemplate([sheetOf(report)]));
      const edited = path.join(dir, 'edited.xlsx');
      await editInLibreOffice(source, edited, [[0, 3]], "改名后的'年报'表");
      expect(await expectSame('edited.xlsx', new Uint8Array(await fs.readFile(edited)))).toBe('fast');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('workbooks edited by hand', () => {
  let base: Uint8Array;
  let two: Uint8Array;
  const A = addressOf('s3.new.natural');
  const B = addressOf('s3.new.business');
  const YEAR = addressOf('profile.year');
  const warn = console.warn;
  afterAll(() => {
    console.warn = warn;
  });
  beforeAll(async () => {
    // ExcelJS warns on the console when it shortens a sheet name (one of the cases below).
    console.warn = (...args: unknown[]): void => {
      if (!String(args[0]).includes('exceeds 31 chars')) warn(...args);
    };
    base = await writeTemplate([sheetOf(report2021(), SHEET)]);
    two = await writeTemplate([sheetOf(report2021(2), '本级'), sheetOf(report2021(4), '下属单位')]);
  });

  /** Edits the fast reader must read as ExcelJS does, and read itself. */
  const read: [string, (bytes: Uint8Array) => Promise<Uint8Array>][] = [
    ['a number written 1e3', (b) => editCell(b, A, (a) => `<c r="${A}"${a}><v>1e3</v></c>`)],
    ['a number with spaces and junk after it', (b) => editCell(b, A, (a) => `<c r="${A}"${a}><v> 12abc</v></c>`)],
    ['a number that is not one', (b) => editCell(b, A, (a) => `<c r="${A}"${a}><v>abc</v></c>`)],
    ['an inline string', (b) => editCell(b, A, () => `<c r="${A}" t="inlineStr"><is><t>约 5</t></is></c>`)],
    [
      'an inline string in two pieces, text between',
      (b) => editCell(b, A, () => `<c r="${A}" t="inlineStr"><is><t>a</t>x<t xml:space="preserve"> b</t></is></c>`),
    ],
    [
      'a t="str" string, decoded twice',
      (b) => editCell(b, A, () => `<c r="${A}" t="str"><v>&amp;lt;3&amp;amp;</v></c>`),
    ],
    ['a boolean written true', (b) => editCell(b, A, () => `<c r="${A}" t="b"><v>true</v></c>`)],
    ['a boolean 0', (b) => editCell(b, A, () => `<c r="${A}" t="b"><v>0</v></c>`)],
    ['an error', (b) => editCell(b, A, () => `<c r="${A}" t="e"><v>#REF!</v></c>`)],
    ['an ISO date t="d"', (b) => editCell(b, A, () => `<c r="${A}" t="d"><v>2024-03-05T00:00:00Z</v></c>`)],
    ['a formula without its result', (b) => editCell(b, A, () => `<c r="${A}"><f>SUM(A1:A2)</f></c>`)],
    ['a formula whose result is 0', (b) => editCell(b, A, () => `<c r="${A}"><f>1-1</f><v>0</v></c>`)],
    [
      'a formula with a text result',
      (b) => editCell(b, A, () => `<c r="${A}" t="str"><f>"a"</f><v>a&amp;amp;b</v></c>`),
    ],
    ['a formula with an error result', (b) => editCell(b, A, () => `<c r="${A}" t="e"><f>1/0</f><v>#DIV/0!</v></c>`)],
    ['a formula with a boolean result', (b) => editCell(b, A, () => `<c r="${A}" t="b"><f>TRUE()</f><v>1</v></c>`)],
    [
      'a shared formula and its copy',
      async (b) =>
        editCell(
          await editCell(b, A, () => `<c r="${A}"><f t="shared" ref="${A}:${B}" si="0">1+1</f><v>2</v></c>`),
          B,
          () => `<c r="${B}"><f t="shared" si="0"/><v>2</v></c>`,
        ),
    ],
    [
      'a copy of a shared formula without its first cell, and without a result',
      (b) => editCell(b, B, () => `<c r="${B}"><f t="shared" si="7"/></c>`),
    ],
    ['an array formula', (b) => editCell(b, A, () => `<c r="${A}"><f t="array" ref="${A}">1+2</f><v>3</v></c>`)],
    ['a cell of style 0', (b) => editCell(b, A, () => `<c r="${A}" s="0"><v>5</v></c>`)],
    ['a style that is not a number', (b) => editCell(b, A, () => `<c r="${A}" s="x"><v>5</v></c>`)],
    ['a style past the last', (b) => editCell(b, A, () => `<c r="${A}" s="999"><v>5</v></c>`)],
    ['a cell given twice, the second empty', (b) => editCell(b, A, (a) => `<c r="${A}"${a}><v>7</v></c><c r="${A}"/>`)],
    [
      'a cell given twice, both with values',
      (b) => editCell(b, A, (a) => `<c r="${A}"${a}><v>7</v></c><c r="${A}"${a}><v>8</v></c>`),
    ],
    [
      'a cell filed under another row’s address',
      (b) => editCell(b, A, (a) => `<c r="${A.replace(/\d+/, (n) => String(Number(n) + 1))}"${a}><v>9</v></c>`),
    ],
    [
      'shared strings with runs, phonetics and escapes, and an empty one',
      async (b) => {
        const first = ((await partOf(b, 'xl/sharedStrings.xml')).match(/<si>/g) ?? []).length;
        let out = await editPart(b, 'xl/sharedStrings.xml', (xml) =>
          xml.replace(
            '</sst>',
            '<si><r><rPr><b/><sz val="11"/><rFont val="宋体"/></rPr><t>约</t></r><r><t xml:space="preserve"> 3_x000A_件</t></r><rPh sb="0" eb="1"><t>ヤク</t></rPh><phoneticPr fontId="1"/></si><si/><si><t>_x0041__x004a_</t></si><si><r><rPr><b/></rPr></r></si></sst>',
          ),
        );
        const shared = (bytes: Uint8Array, at: string, index: number): Promise<Uint8Array> =>
          editCell(bytes, at, (a) => `<c r="${at}"${a.replace(/ t="[^"]*"/, '')} t="s"><v>${index}</v></c>`);
        out = await shared(out, A, first);
        out = await shared(out, B, first + 1);
        out = await shared(out, addressOf('s3.new.research'), first + 2);
        return shared(out, addressOf('profile.agency'), first + 3);
      },
    ],
    ['a date in a custom date format, and in built-in format 14', (b) => withDates(b)],
    [
      'dates in the 1904 date system',
      async (b) =>
        editPart(await withDates(b), 'xl/workbook.xml', (xml) =>
          xml.replace('<workbookPr ', '<workbookPr date1904="1" '),
        ),
    ],
    [
      'a formula with a date format and a text result',
      async (b) => {
        const out = await withDates(b);
        const s = ((await partOf(out, 'xl/worksheets/sheet1.xml')).match(new RegExp(`<c r="${A}" s="(\\d+)"`)) ??
          [])[1];
        return editCell(out, A, () => `<c r="${A}" s="${s}" t="str"><f>"x"</f><v>12</v></c>`);
      },
    ],
  ];

  /** A custom date format (written with backslashes) on one data cell, built-in format 14 on another and on the year. */
  async function withDates(b: Uint8Array): Promise<Uint8Array> {
    let out = await editPart(b, 'xl/styles.xml', (xml) =>
      xml
        .replace(
          /<numFmts count="(\d+)">/,
          (_, n: string) => `<numFmts count="${Number(n) + 1}"><numFmt numFmtId="200" formatCode="yyyy\\-mm\\-dd"/>`,
        )
        .replace(
          /<cellXfs count="(\d+)">(.*?)<\/cellXfs>/,
          (_, n: string, xfs: string) =>
            `<cellXfs count="${Number(n) + 2}">${xfs}<xf numFmtId="200" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`,
        ),
    );
    const xfs = ((await partOf(out, 'xl/styles.xml')).match(/<cellXfs count="(\d+)"/) ?? [])[1];
    const n = Number(xfs);
    out = await editCell(out, A, () => `<c r="${A}" s="${n - 2}"><v>45356.5</v></c>`);
    out = await editCell(out, B, () => `<c r="${B}" s="${n - 1}"><v>45356</v></c>`);
    return editCell(out, YEAR, () => `<c r="${YEAR}" s="${n - 1}"><v>2024</v></c>`);
  }

  const moreRead: [string, (bytes: Uint8Array) => Promise<Uint8Array>][] = [
    [
      'the 1904 date system',
      (b) => editPart(b, 'xl/workbook.xml', (xml) => xml.replace('<workbookPr ', '<workbookPr date1904="1" ')),
    ],
    [
      'a workbookPr date1904 written true (not 1904 for ExcelJS)',
      (b) => editPart(b, 'xl/workbook.xml', (xml) => xml.replace('<workbookPr ', '<workbookPr date1904="true" ')),
    ],
    [
      'Windows line ends',
      async (b) =>
        editPart(
          await editPart(b, 'xl/worksheets/sheet1.xml', (xml) => xml.replace(/></g, '>\r\n<')),
          'xl/sharedStrings.xml',
          (xml) => xml.replace(/<t>/, '<t>a\r\nb'),
        ),
    ],
    [
      'character references',
      (b) => editCell(b, A, () => `<c r="${A}" t="inlineStr"><is><t>&#x7EA6;&#51;&#10;</t></is></c>`),
    ],
    [
      'an unknown element among the sheet’s parts',
      (b) =>
        editPart(b, 'xl/worksheets/sheet1.xml', (xml) =>
          xml.replace('<sheetData>', '<x14:foo xmlns:x14="urn:x"><bar/></x14:foo><sheetData>'),
        ),
    ],
    [
      'hyperlinks (ignored) with their relationships',
      async (b) => {
        const bytes = await typed(report2021(), (cell) => {
          cell('s3.new.natural').value = { text: '见附件', hyperlink: 'https://example.org/' };
        });
        void b;
        return bytes;
      },
    ],
    [
      'a row without cells, and rows out of order',
      (b) => editPart(b, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('<sheetData>', '<sheetData><row r="300"/>')),
    ],
    [
      'a row of the same number twice',
      (b) =>
        editPart(b, 'xl/worksheets/sheet1.xml', (xml) =>
          xml.replace('</sheetData>', '<row r="2"><c r="A2"><v>1</v></c></row></sheetData>'),
        ),
    ],
    [
      'a row style',
      (b) =>
        editPart(b, 'xl/worksheets/sheet1.xml', (xml) =>
          xml.replace('<row r="5" ', '<row r="5" s="3" customFormat="1" '),
        ),
    ],
    [
      'no xl/styles.xml',
      (b) =>
        withZip(b, (zip) => {
          zip.remove('xl/styles.xml');
        }),
    ],
    [
      'two report sheets',
      (b) => {
        void b;
        return Promise.resolve(two);
      },
    ],
    [
      'a custom XML part and other parts ExcelJS skips',
      (b) =>
        withZip(b, (zip) => {
          zip.file('customXml/item1.xml', '<x/>');
          zip.file('xl/printerSettings/printerSettings1.bin', new Uint8Array([1, 2, 3]));
          zip.file('docProps/custom.xml', 'not xml at all');
        }),
    ],
    [
      'directory entries in the zip',
      (b) =>
        withZip(b, (zip) => {
          zip.folder('xl/worksheets/extra');
        }),
    ],
    [
      'no docProps',
      (b) =>
        withZip(b, (zip) => {
          zip.remove('docProps/app.xml');
          zip.remove('docProps/core.xml');
        }),
    ],
    [
      'a name ExcelJS cannot expand (its retry without names)',
      (b) =>
        editPart(b, 'xl/workbook.xml', (xml) =>
          xml.replace(
            '</definedNames>',
            '<definedName name="_xlnm.Print_Area" localSheetId="0">#REF!</definedName></definedNames>',
          ),
        ),
    ],
  ];

  it.each([...read, ...moreRead])('reads %s alike, with the fast reader', async (_, edit) => {
    expect(await expectSame('book.xlsx', await edit(base))).toBe('fast');
  });

  /** Edits the fast reader leaves to ExcelJS: still read alike (by ExcelJS). */
  const leftToExcelJs: [string, (bytes: Uint8Array) => Promise<Uint8Array>][] = [
    ['a cell without an address', (b) => editCell(b, A, (a) => `<c${a.replace(/ r="[^"]*"/, '')}><v>3</v></c>`)],
    [
      'a row without a number',
      (b) => editPart(b, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('<row r="1" ', '<row ')),
    ],
    ['a shared string out of range', (b) => editCell(b, A, () => `<c r="${A}" t="s"><v>99999</v></c>`)],
    ['a shared string index that is not one', (b) => editCell(b, A, () => `<c r="${A}" t="s"><v>x</v></c>`)],
    [
      'a shared string without xl/sharedStrings.xml',
      (b) =>
        withZip(b, (zip) => {
          zip.remove('xl/sharedStrings.xml');
        }),
    ],
    ['no cellXfs', (b) => editPart(b, 'xl/styles.xml', (xml) => xml.replace(/<cellXfs.*?<\/cellXfs>/, ''))],
    ['no fonts', (b) => editPart(b, 'xl/styles.xml', (xml) => xml.replace(/<fonts.*?<\/fonts>/, ''))],
    ['a numFmt without its code', (b) => editPart(b, 'xl/styles.xml', (xml) => xml.replace(/formatCode="[^"]*"/, ''))],
    [
      'a built-in format ExcelJS has no code for',
      (b) =>
        editPart(b, 'xl/styles.xml', (xml) =>
          xml.replace('<xf numFmtId="1" fontId="3"', '<xf numFmtId="30" fontId="3"'),
        ),
    ],
    [
      'an unexpected element in sst',
      (b) => editPart(b, 'xl/sharedStrings.xml', (xml) => xml.replace('</sst>', '<extLst/></sst>')),
    ],
    [
      'a run after text in a shared string',
      (b) =>
        editPart(b, 'xl/sharedStrings.xml', (xml) => xml.replace('</sst>', '<si><t>a</t><r><t>b</t></r></si></sst>')),
    ],
    ['an unexpected element in a cell', (b) => editCell(b, A, (a) => `<c r="${A}"${a}><v>1</v><extLst/></c>`)],
    ['inline rich text', (b) => editCell(b, A, () => `<c r="${A}" t="inlineStr"><is><r><t>约</t></r></is></c>`)],
    [
      'a comment in the sheet',
      (b) =>
        editPart(b, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('<sheetData>', '<!-- a comment --><sheetData>')),
    ],
    ['CDATA in a cell (ExcelJS drops it)', (b) => editCell(b, A, () => `<c r="${A}" t="str"><v><![CDATA[5]]></v></c>`)],
    [
      'a byte order mark',
      (b) =>
        withZip(b, async (zip) => {
          zip.file(
            'xl/worksheets/sheet1.xml',
            '\ufeff' + ((await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? ''),
          );
        }),
    ],
    [
      'a tab in an attribute value',
      (b) => editPart(b, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('<sheetData>', '<foo a="x\ty"/><sheetData>')),
    ],
    [
      'a reference to a character XML forbids',
      (b) => editCell(b, A, () => `<c r="${A}" t="inlineStr"><is><t>&#1;</t></is></c>`),
    ],
    ['a control character', (b) => editCell(b, A, () => `<c r="${A}" t="inlineStr"><is><t>\u0001</t></is></c>`)],
    [
      'a processing instruction',
      (b) => editPart(b, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('<sheetData>', '<?foo bar?><sheetData>')),
    ],
    [
      'an XML 1.1 declaration',
      (b) => editPart(b, 'xl/styles.xml', (xml) => xml.replace('version="1.0"', 'version="1.1"')),
    ],
    [
      'a non-ASCII element name',
      (b) => editPart(b, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('<sheetData>', '<名/><sheetData>')),
    ],
    [
      'tableParts',
      (b) =>
        editPart(b, 'xl/worksheets/sheet1.xml', (xml) =>
          xml.replace('</worksheet>', '<tableParts count="0"/></worksheet>'),
        ),
    ],
    [
      'sheetData inside another part',
      (b) =>
        editPart(b, 'xl/worksheets/sheet1.xml', (xml) =>
          xml.replace('<sheetData>', '<foo><sheetData/></foo><sheetData>'),
        ),
    ],
    [
      'comments',
      (b) =>
        withZip(b, (zip) => {
          zip.file('xl/comments1.xml', '<comments/>');
        }),
    ],
    [
      'a drawing',
      (b) =>
        withZip(b, (zip) => {
          zip.file('xl/drawings/drawing1.xml', '<xdr:wsDr/>');
        }),
    ],
    [
      'a worksheet relationship to comments',
      (b) =>
        withZip(b, (zip) => {
          zip.file(
            'xl/worksheets/_rels/sheet1.xml.rels',
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>',
          );
        }),
    ],
    [
      'a worksheet without a sheet',
      (b) =>
        withZip(b, async (zip) => {
          zip.file('xl/worksheets/sheet9.xml', (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '');
        }),
    ],
    [
      'a sheet without a relationship',
      (b) =>
        editPart(b, 'xl/_rels/workbook.xml.rels', (xml) =>
          xml.replace(/<Relationship Id="(rId\d+)"[^>]*worksheet"[^>]*\/>/, ''),
        ),
    ],
    ['a sheet name with &', (b) => editPart(b, 'xl/workbook.xml', (xml) => xml.replaceAll(SHEET, '甲&amp;乙'))],
    [
      'a sheet name ExcelJS shortens',
      (b) =>
        editPart(b, 'xl/workbook.xml', (xml) =>
          xml.replaceAll(SHEET, '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二'),
        ),
    ],
    ['a sheet named History', (b) => editPart(b, 'xl/workbook.xml', (xml) => xml.replaceAll(SHEET, 'History'))],
    [
      'a sheetId that is not a number',
      (b) => editPart(b, 'xl/workbook.xml', (xml) => xml.replace(/sheetId="\d+"/, 'sheetId="x"')),
    ],
    [
      'definedNames with an attribute',
      (b) => editPart(b, 'xl/workbook.xml', (xml) => xml.replace('<definedNames>', '<definedNames count="1">')),
    ],
    [
      'a malformed sheet (cut in half)',
      (b) => editPart(b, 'xl/worksheets/sheet1.xml', (xml) => xml.slice(0, xml.length / 2)),
    ],
    ['a malformed styles part', (b) => editPart(b, 'xl/styles.xml', (xml) => xml.replace('</fonts>', '</font>'))],
    [
      'a malformed core properties part',
      (b) => editPart(b, 'docProps/core.xml', (xml) => xml.replace('</cp:coreProperties>', '')),
    ],
    [
      'an unknown core property',
      (b) =>
        editPart(b, 'docProps/core.xml', (xml) =>
          xml.replace('</cp:coreProperties>', '<dc:foo>x</dc:foo></cp:coreProperties>'),
        ),
    ],
    ['an app part of another root', (b) => editPart(b, 'docProps/app.xml', () => '<?xml version="1.0"?><Other/>')],
    [
      'a relationships part with another element',
      (b) => editPart(b, '_rels/.rels', (xml) => xml.replace('</Relationships>', '<Foo/></Relationships>')),
    ],
    [
      'a part that is not UTF-8',
      (b) =>
        withZip(b, async (zip) => {
          const xml = (await zip.file('xl/sharedStrings.xml')?.async('uint8array')) ?? new Uint8Array();
          const bad = new Uint8Array(xml.length + 1);
          bad.set(xml);
          bad[bad.length - 1] = 0xff;
          zip.file('xl/sharedStrings.xml', bad);
        }),
    ],
    [
      'a zip whose names JSZip reads elsewhere (a leading slash)',
      (b) =>
        withZip(b, async (zip) => {
          const core = (await zip.file('docProps/core.xml')?.async('uint8array')) ?? new Uint8Array();
          zip.remove('docProps/core.xml');
          zip.file('/docProps/core.xml', core, { createFolders: false });
        }),
    ],
  ];

  it.each(leftToExcelJs)('leaves %s to ExcelJS, and reads it alike', async (_, edit) => {
    const reader = await expectSame('book.xlsx', await edit(base));
    expect(reader === undefined || reader.startsWith('exceljs')).toBe(true);
  });

  /** Workbooks refused before their cells are read: refused alike, whichever reader. */
  const refused: [string, (bytes: Uint8Array) => Promise<Uint8Array>][] = [
    [
      'names overlapping',
      (b) =>
        editPart(b, 'xl/workbook.xml', (xml) =>
          xml.replace(/(<definedName name="NB_S4"[^>]*>)[^<]*/, `$1'${SHEET}'!$I$26:$O$26`),
        ),
    ],
    [
      'a table resized',
      (b) =>
        editPart(b, 'xl/workbook.xml', (xml) =>
          xml.replace(
            /(<definedName name="NB_S3"[^>]*>[^<]*\$O\$)(\d+)/,
            (_, a: string, n: string) => `${a}${Number(n) - 1}`,
          ),
        ),
    ],
    [
      'a name to a deleted sheet',
      (b) =>
        editPart(b, 'xl/workbook.xml', (xml) => xml.replace(/(<definedName name="NB_S2"[^>]*>)'[^']*'/, "$1'旧表'")),
    ],
    [
      'a #REF! name',
      (b) =>
        editPart(b, 'xl/workbook.xml', (xml) =>
          xml.replace(/(<definedName name="NB_S2"[^>]*>)[^<]*/, `$1'${SHEET}'!#REF!`),
        ),
    ],
    [
      'no report sheet',
      async () => {
        const workbook = new ExcelJS.Workbook();
        workbook.addWorksheet('Sheet1').getCell('A1').value = 1;
        return new Uint8Array(await workbook.xlsx.writeBuffer());
      },
    ],
    [
      'a newer layout',
      (b) => editPart(b, 'xl/workbook.xml', (xml) => xml.replace(/name="NB_LAYOUT_V\d+"/, 'name="NB_LAYOUT_V99"')),
    ],
    ['a malformed workbook part', (b) => editPart(b, 'xl/workbook.xml', (xml) => xml.replace('</sheets>', '</sheet>'))],
    [
      'no workbook part',
      (b) =>
        withZip(b, (zip) => {
          zip.remove('xl/workbook.xml');
        }),
    ],
    ['a cut-off file', (b) => Promise.resolve(b.slice(0, Math.floor(b.length / 2)))],
    ['not a zip', () => Promise.resolve(new TextEncoder().encode('名称,数值\n甲,1\n'))],
    ['an empty file', () => Promise.resolve(new Uint8Array())],
  ];

  it.each(refused)('refuses %s alike', async (_, edit) => {
    await expectSame('book.xlsx', await edit(base));
  });

  it('reads a value of each kind in every data cell alike (one workbook per kind)', async () => {
    const values: RawValue[] = [0, -1.25, 1e-7, 123456789012, '12', '约 3', '', null];
    for (const value of values) {
      const report = report2021(9);
      for (const key of Object.keys(report.values)) report.values[key] = value;
      expect([value, await expectSame('all.xlsx', await writeTemplate([sheetOf(report)]))]).toEqual([value, 'fast']);
    }
  });
});
