// What the .xlsx reader says about workbooks that went wrong: names leading nowhere, a shrunk table,
// a damaged file; and how it reads what users type into cells: dates, years as written.
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildLayout, locateCells } from '../../src/layout';
import { ReportInputError, type Report } from '../../src/report';
import { readWorkbookReports } from '../../src/xlsx/read';
import { renderLayout, writeTemplate, writeWorkbook } from '../../src/xlsx/write';
import { seeded, validValues } from '../layout/support/random-report';
import { partOf, replacePart, sheetOf } from './support/workbooks';
import { describeInputError } from '../../src/i18n';

const SHEET = '2024年报表格';

const report2021 = (): Report => ({
  profile: { agency: '某某市某某局', year: 2024, format: '2021', kind: 'department', canMakeRegulations: false },
  values: validValues('2021', seeded(1)),
});

async function failure(bytes: Uint8Array, file = 'book.xlsx'): Promise<ReportInputError> {
  const error = await readWorkbookReports(bytes, file).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ReportInputError)) throw new Error(`expected a ReportInputError, got ${String(error)}`);
  return error;
}

/** The workbook with one defined name's text replaced. */
const withName = (bytes: Uint8Array, name: string, edit: (ref: string) => string): Promise<Uint8Array> =>
  replacePart(bytes, 'xl/workbook.xml', (xml) =>
    xml.replace(
      new RegExp(`(<definedName name="${name}"[^>]*>)([^<]*)(</definedName>)`),
      (_, open: string, ref: string, close: string) => `${open}${edit(ref)}${close}`,
    ),
  );

/** No library's English words in a message meant for a Chinese reader. */
const noEnglish = (text: string): void =>
  expect(text.replace(/book\.xlsx|Excel|WPS|xlsx|nianbao template/g, '')).not.toMatch(/[A-Za-z]{3,}/);

describe('names that lead nowhere', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writeTemplate([sheetOf(report2021())]);
  });

  it('refuses a name pointing at a deleted sheet, naming both', async () => {
    const edited = await withName(bytes, 'NB_S3', (ref) => ref.replace(`'${SHEET}'`, "'旧表'"));
    const error = await failure(edited);
    expect(error.code).toBe('WORKBOOK_NAME_SHEET_MISSING');
    expect(describeInputError(error, 'zh-CN')).toMatch(/工作表“2024年报表格”中，名称 NB_S3 指向不存在的工作表“旧表”/);
  });

  it('refuses a name whose cells were deleted (#REF!)', async () => {
    const error = await failure(await withName(bytes, 'NB_S2', () => `'${SHEET}'!#REF!`));
    expect(error.code).toBe('WORKBOOK_NAME_BROKEN');
    expect(describeInputError(error, 'zh-CN')).toMatch(/NB_S2 的引用已失效（#REF!）/);
  });

  it('refuses a shrunk 表三 block with both sizes, instead of reading blanks', async () => {
    const shrunk = await withName(bytes, 'NB_S3', (ref) =>
      ref.replace(/(\$O\$)(\d+)$/, (_, a: string, n: string) => `${a}${Number(n) - 1}`),
    );
    const error = await failure(shrunk);
    expect(error.code).toBe('WORKBOOK_TABLE_RESIZED');
    expect(describeInputError(error, 'zh-CN')).toMatch(/NB_S3 区域为 24 行 × 7 列，官方表格应为 25 行 × 7 列/);
  });

  it('refuses a sheet whose 表四 name was deleted', async () => {
    const removed = await replacePart(bytes, 'xl/workbook.xml', (xml) =>
      xml.replace(/<definedName name="NB_S4"[^>]*>[^<]*<\/definedName>/, ''),
    );
    const error = await failure(removed);
    expect(error.code).toBe('WORKBOOK_TABLE_MISSING');
    expect(describeInputError(error, 'zh-CN')).toMatch(/缺少名称 NB_S4（表四）/);
  });
});

describe('damaged workbooks', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writeTemplate([sheetOf(report2021())]);
  });

  const expectDamaged = (error: ReportInputError): void => {
    expect(error.code).toBe('WORKBOOK_DAMAGED');
    const zh = describeInputError(error, 'zh-CN');
    expect(zh).toMatch(/^book\.xlsx：这个工作簿已损坏，无法读取/);
    expect(zh).toMatch(/另存为/);
    noEnglish(zh);
    // The library's own error is kept for developers, never shown.
    expect(error.cause).toBeInstanceOf(Error);
    expect(zh).not.toContain((error.cause as Error).message);
  };

  it('calls a cut-off file damaged', async () => {
    expectDamaged(await failure(bytes.slice(0, Math.floor(bytes.length / 2))));
  });

  it('calls a file with a malformed sheet damaged', async () => {
    const broken = await replacePart(bytes, 'xl/worksheets/sheet1.xml', (xml) => xml.slice(0, xml.length / 2));
    expectDamaged(await failure(broken));
  });

  it('calls a file with a malformed workbook part damaged', async () => {
    const broken = await replacePart(bytes, 'xl/workbook.xml', (xml) => xml.replace('</sheets>', '</sheet>'));
    expectDamaged(await failure(broken));
  });

  it('calls a zip entry whose data is corrupt damaged', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const corrupt = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    // Overwrite the middle of the deflated workbook part's data.
    const at = findEntryData(corrupt, 'xl/workbook.xml');
    for (let i = 0; i < 40; i++) corrupt[at + 10 + i] = 0xff;
    expectDamaged(await failure(corrupt));
  });

  it('still calls a file that is not a zip at all not a workbook', async () => {
    const error = await failure(new TextEncoder().encode('名称,数值\n甲,1\n'));
    expect(error.code).toBe('WORKBOOK_NOT_XLSX');
    expect(error.cause).toBeInstanceOf(Error);
  });
});

/** Offset of an entry's data in a zip: after its local header (30 bytes, the name, the extra field). */
function findEntryData(zip: Uint8Array, name: string): number {
  const wanted = new TextEncoder().encode(name);
  for (let i = 0; i + 30 < zip.length; i++) {
    if (zip[i] !== 0x50 || zip[i + 1] !== 0x4b || zip[i + 2] !== 0x03 || zip[i + 3] !== 0x04) continue;
    const nameLength = zip[i + 26] | (zip[i + 27] << 8);
    const extraLength = zip[i + 28] | (zip[i + 29] << 8);
    const found = zip.slice(i + 30, i + 30 + nameLength);
    if (found.length === wanted.length && found.every((b, j) => b === wanted[j]))
      return i + 30 + nameLength + extraLength;
  }
  throw new Error(`no entry ${name}`);
}

describe('what users type into cells', () => {
  const layout = buildLayout({ version: '2021', year: 2024, agency: '某某局', sheetName: SHEET });
  const at = locateCells(layout);

  async function readEdited(edit: (ws: ExcelJS.Worksheet, cell: (key: string) => ExcelJS.Cell) => void) {
    const workbook = new ExcelJS.Workbook();
    const ws = renderLayout(workbook, layout, validValues('2021', seeded(4)));
    edit(ws, (key) => {
      const p = at.get(key);
      if (!p) throw new Error(key);
      return ws.getCell(p.row + 1, p.col + 1);
    });
    const [entry] = await readWorkbookReports(await writeWorkbook(workbook), 'typed.xlsx');
    return entry.report;
  }

  it('says a date-formatted data cell is a date, and gives the date it shows', async () => {
    const report = await readEdited((_, cell) => {
      const c = cell('s3.new.natural');
      c.value = new Date(Date.UTC(2024, 2, 5));
      c.numFmt = 'yyyy-mm-dd';
      const n = cell('s3.new.business');
      n.value = 45356; // a day number in a cell formatted as 3月5日
      n.numFmt = 'm"月"d"日"';
    });
    expect(report.values['s3.new.natural']).toBe('2024-03-05');
    expect(report.values['s3.new.business']).toBe('2024-03-05');
    expect(report.dateCells).toEqual(['s3.new.natural', 's3.new.business']);
  });

  it('does not call a plain number a date', async () => {
    const report = await readEdited((_, cell) => {
      cell('s3.new.natural').value = 45356;
    });
    expect(report.values['s3.new.natural']).toBe(45356);
    expect(report.dateCells).toBeUndefined();
  });

  it.each([
    ['2022年', 2022],
    ['二〇二二年', 2022],
  ])('reads the year written %s', async (text, year) => {
    const report = await readEdited((_, cell) => {
      cell('profile.year').value = text;
    });
    expect(report.profile.year).toBe(year);
    expect(report.unreadProfile).toBeUndefined();
  });

  it.each(['二二年', '明年'])('keeps the year %s as written in unreadProfile instead of dropping it', async (text) => {
    const report = await readEdited((_, cell) => {
      cell('profile.year').value = text;
    });
    expect(report.profile.year).toBeUndefined();
    expect(report.unreadProfile).toEqual({ year: text });
  });
});

describe('the bytes it reads', () => {
  it('reads a plain Uint8Array over an ArrayBuffer, as a browser file picker gives it', async () => {
    const written = await writeTemplate([sheetOf(report2021())]);
    const copy = new Uint8Array(new ArrayBuffer(written.length));
    copy.set(written);
    expect(Object.getPrototypeOf(copy)).toBe(Uint8Array.prototype);
    const [entry] = await readWorkbookReports(copy, 'picked.xlsx');
    expect(entry.report.values).toEqual(report2021().values);
    expect(await partOf(copy, 'xl/workbook.xml')).toContain('NB_S3');
  });
});
