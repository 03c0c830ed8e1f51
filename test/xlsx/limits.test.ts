// The .xlsx limits, checked before any reader: sizes (stated and true), part count, ratio, the zip
// structure itself, and the sheet areas ExcelJS expands cell by cell.
import JSZip from 'jszip';
import { buildLayout } from '../../src/layout';
import { ReportInputError } from '../../src/report';
import { checkWorkbookLimits, WORKBOOK_LIMITS } from '../../src/xlsx/limits';
import { readWorkbookReports } from '../../src/xlsx/read';
import { writeTemplate } from '../../src/xlsx/write';
import { buildZip } from '../support/zip-bytes';
import { describeInputError } from '../../src/i18n';

const MB = 1024 * 1024;

async function refusal(bytes: Uint8Array, limits = WORKBOOK_LIMITS): Promise<ReportInputError> {
  try {
    await checkWorkbookLimits(bytes, 'book.xlsx', limits);
  } catch (err) {
    if (err instanceof ReportInputError) return err;
    throw err;
  }
  throw new Error('expected the workbook to be refused');
}

let template: Uint8Array;
beforeAll(async () => {
  template = new Uint8Array(await writeTemplate([{ layout: buildLayout({ version: '2021', year: 2024 }) }]));
});

/** The template with one part's text changed. */
async function edited(part: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(template);
  const xml = await zip.file(part)!.async('string');
  zip.file(part, edit(xml));
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

const addMerge = (ref: string) => (xml: string) =>
  xml.replace(/<mergeCells count="(\d+)">/, `<mergeCells count="$1"><mergeCell ref="${ref}"/>`);

describe('checkWorkbookLimits', () => {
  it('lets a template through', async () => {
    await expect(checkWorkbookLimits(template, 'book.xlsx')).resolves.toBeUndefined();
  });

  it('states the limits measured for the README', () => {
    expect(WORKBOOK_LIMITS).toEqual({
      fileBytes: 10 * MB,
      unpackedBytes: 20 * MB,
      parts: 1000,
      ratio: 100,
      ratioFloorBytes: 1 * MB,
      nameCells: 250_000,
    });
  });

  it('refuses a file over the size limit, saying both sizes', async () => {
    const err = await refusal(template, { ...WORKBOOK_LIMITS, fileBytes: 1000 });
    expect(err.code).toBe('FILE_TOO_LARGE');
    expect(describeInputError(err, 'zh-CN')).toMatch(/book\.xlsx 有 \d+ KB，超过 \.xlsx 文件的上限 1000 B/);
  });

  it('refuses a workbook whose parts state more than the unpacked limit, before unpacking', async () => {
    const zeros = new Uint8Array(21 * MB);
    const err = await refusal(buildZip([{ name: 'xl/worksheets/sheet1.xml', data: zeros }]));
    expect(err.code).toBe('WORKBOOK_UNPACKED_TOO_LARGE');
    expect(describeInputError(err, 'zh-CN')).toContain('解压后有 21 MB，超过 .xlsx 工作簿解压后的上限 20 MB');
  });

  it('refuses a part compressed beyond the ratio limit (a zip bomb)', async () => {
    const err = await refusal(buildZip([{ name: 'xl/media/a.bin', data: new Uint8Array(5 * MB) }]));
    expect(err.code).toBe('WORKBOOK_ZIP_BOMB');
    expect(err.params).toMatchObject({ part: 'xl/media/a.bin', limit: 100 });
  });

  it('catches a part that unpacks to more than it states, without unpacking it all', async () => {
    const err = await refusal(
      buildZip([{ name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(3 * MB), statedSize: 1000 }]),
    );
    expect(err.code).toBe('WORKBOOK_ZIP_DAMAGED');
    expect(err.params).toMatchObject({ problem: 'sizeMismatch', part: 'xl/worksheets/sheet1.xml' });
  });

  it('refuses too many parts', async () => {
    const parts = Array.from({ length: 1001 }, (_, i) => ({ name: `p${i}`, data: new Uint8Array(0), method: 0 }));
    expect((await refusal(buildZip(parts))).code).toBe('WORKBOOK_TOO_MANY_PARTS');
  });

  it.each([
    [
      'two directory entries sharing one part’s data',
      [
        { name: 'a', data: new Uint8Array(10) },
        { name: 'b', data: new Uint8Array(10), sharesDataWith: 0 },
      ],
      'overlap',
    ],
    [
      'two parts of the same name',
      [
        { name: 'a', data: new Uint8Array(1) },
        { name: 'a', data: new Uint8Array(1) },
      ],
      'duplicate',
    ],
    ['an encrypted part', [{ name: 'a', data: new Uint8Array(1), flags: 1 }], 'encrypted'],
    ['an unsupported compression method', [{ name: 'a', data: new Uint8Array(1), method: 12 }], 'method'],
  ])('refuses a zip with %s', async (_label, entries, problem) => {
    const err = await refusal(buildZip(entries));
    expect(err.code).toBe('WORKBOOK_ZIP_DAMAGED');
    expect(err.params.problem).toBe(problem);
  });

  it('reads ZIP64 sizes from the extra field', async () => {
    await expect(
      checkWorkbookLimits(buildZip([{ name: 'a', data: new Uint8Array(100), zip64: true }]), 'b.xlsx'),
    ).resolves.toBeUndefined();
    const big = buildZip([{ name: 'a', data: new Uint8Array(100), zip64: true, statedSize: 30 * MB }]);
    expect((await refusal(big)).code).toBe('WORKBOOK_UNPACKED_TOO_LARGE');
  });

  it('tells a truncated zip, damaged compressed data, a non-zip and an .xls apart', async () => {
    expect((await refusal(template.subarray(0, template.length - 30))).params.problem).toBe('noDirectory');
    const damaged = buildZip([{ name: 'a', data: new TextEncoder().encode('<x>'.repeat(1000)) }]);
    damaged[40] ^= 0xff; // inside the deflated data of the only part
    damaged[41] ^= 0xff;
    expect((await refusal(damaged)).params.problem).toMatch(/inflate|sizeMismatch/);
    expect((await refusal(new TextEncoder().encode('not a zip at all'))).code).toBe('WORKBOOK_NOT_XLSX');
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const legacy = await refusal(ole);
    expect(legacy.code).toBe('WORKBOOK_LEGACY_OR_ENCRYPTED');
    expect(describeInputError(legacy, 'zh-CN')).toContain('旧版 .xls 工作簿，或设置了打开密码');
  });

  it('refuses defined names covering more cells than the limit, naming the largest', async () => {
    const name = await edited('xl/workbook.xml', (xml) =>
      xml.replace(
        '<definedNames>',
        `<definedNames><definedName name="Junk">'2024年报表格'!$AA$1:$XFD$1048576</definedName>`,
      ),
    );
    const err = await refusal(name);
    expect(err.code).toBe('WORKBOOK_NAMES_TOO_LARGE');
    expect(err.params).toMatchObject({ name: 'Junk', cells: expect.any(Number), limit: 250_000 });
    expect(describeInputError(err, 'zh-CN')).toContain("最大的是名称“Junk”：'2024年报表格'!$AA$1:$XFD$1048576");
    // Several ranges in one name add up; a quoted sheet name that looks like a range does not count.
    const several = await edited('xl/workbook.xml', (xml) =>
      xml.replace(
        '<definedNames>',
        `<definedNames><definedName name="Two">'A1:Z99999'!$A$1,$AA$1:$AA$200000,$AB$1:$AB$100000</definedName>`,
      ),
    );
    const { params } = await refusal(several);
    expect(params.name).toBe('Two');
    // 300,000 cells of Two plus the template's own names (a print area, the tables: ~1,200).
    expect(Number(params.cells) - 300_000).toBeGreaterThan(0);
    expect(Number(params.cells) - 300_000).toBeLessThan(2000);
  });

  it('lets whole columns and rows through: ExcelJS does not expand them', async () => {
    const wholeColumns = await edited('xl/workbook.xml', (xml) =>
      xml.replace(
        '<definedNames>',
        "<definedNames><definedName name=\"Cols\">'2024年报表格'!$AA:$AB,'2024年报表格'!$1:$3</definedName>",
      ),
    );
    await expect(checkWorkbookLimits(wholeColumns, 'book.xlsx')).resolves.toBeUndefined();
  });

  it('lets huge merged ranges and data validations through: the reader has ExcelJS skip them', async () => {
    const merged = await edited('xl/worksheets/sheet1.xml', addMerge('AA1:XFD1048576'));
    await expect(checkWorkbookLimits(merged, 'book.xlsx')).resolves.toBeUndefined();
    const started = Date.now();
    await readWorkbookReports(merged, 'book.xlsx');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
