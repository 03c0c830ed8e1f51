// What prints: filled templates written by the file writer, converted to PDF by LibreOffice (as a
// user's 文件 → 导出为 PDF), read page by page. A printout shows what a published report's table
// pages show — the section headings and the three tables, A4 portrait, fit to the page width, 表三's
// header rows repeated where it breaks — and nothing of the profile, the filling instructions or the
// 本表校验 statuses; no page but the last is less than half full.
//
// NIANBAO_UPDATE_SCREENSHOTS=1 also copies each page, as a 70 dpi PNG, to test/screenshots/.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { getFormat, SECTIONS, type FormatVersion } from '../../src/format';
import { parseReportJson, type Report } from '../../src/report';
import { writeTemplate } from '../../src/xlsx/write';
import { convert, requireSoffice } from '../xlsx/support/libreoffice';
import { sheetOf } from '../xlsx/support/workbooks';
import { readPages, renderPngs, type PdfPage } from './support/pdf';

jest.setTimeout(240_000);

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const SCREENSHOTS = path.join(__dirname, '..', 'screenshots');
const DPI = 70;
/** The layout's page margins, in points (0.6 in top and bottom). */
const MARGIN = 0.6 * 72;

const PRINTS = {
  'filled-2021': { fixture: 'xlsx-valid-2021.json', version: '2021', screenshots: 'template-2021' },
  'filled-2019': { fixture: 'xlsx-valid-2019.json', version: '2019', screenshots: 'template-2019' },
  'broken-2021': { fixture: 'xlsx-broken-2021.json', version: '2021', screenshots: undefined },
} as const;
type PrintName = keyof typeof PRINTS;

/** Text without the spaces pdftotext puts between columns and around wrapped lines. */
const compact = (text: string): string => text.replace(/\s+/g, '');

let dir: string;
const pages = new Map<PrintName, PdfPage[]>();
const reports = new Map<PrintName, Report>();

beforeAll(async () => {
  await requireSoffice();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-print-'));
  const files: string[] = [];
  for (const [name, print] of Object.entries(PRINTS) as [PrintName, (typeof PRINTS)[PrintName]][]) {
    const report = parseReportJson(await fs.readFile(path.join(FIXTURES, print.fixture), 'utf8'));
    reports.set(name, report);
    const file = path.join(dir, `${name}.xlsx`);
    await fs.writeFile(file, await writeTemplate([sheetOf(report)]));
    files.push(file);
  }
  await convert(files, 'pdf', dir);
  for (const name of Object.keys(PRINTS) as PrintName[])
    pages.set(name, await readPages(path.join(dir, `${name}.pdf`)));
});

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe.each(['filled-2021', 'filled-2019'] as const)('the %s template, printed by LibreOffice', (name) => {
  const version: FormatVersion = PRINTS[name].version;
  const format = getFormat(version);
  const get = (): PdfPage[] => pages.get(name) ?? [];

  it('prints two A4 portrait pages', () => {
    expect(get()).toHaveLength(2);
    for (const page of get()) expect(Math.round(page.height)).toBe(842);
  });

  it('shows 二 and 表二 whole, then 三 with its header and first rows, on page 1', () => {
    const text = compact(get()[0].text);
    expect(text.startsWith(compact(SECTIONS[1].heading))).toBe(true);
    for (const block of format.s2.blocks)
      expect([block.title, text.includes(block.title)]).toEqual([block.title, true]);
    for (const label of [SECTIONS[2].heading, format.s3.applicantHeader.zh, format.s3.rows[0].label.zh])
      expect([label, text.includes(compact(label))]).toEqual([label, true]);
    expect(text).not.toContain(compact(SECTIONS[3].heading));
  });

  it("starts page 2 with 表三's repeated header, then the rest of 表三, then 四 and 表四", () => {
    const text = compact(get()[1].text);
    const at = (label: string): number => text.indexOf(compact(label));
    const firstRow = Math.min(...format.s3.rows.map((r) => at(r.label.zh)).filter((i) => i >= 0));
    for (const header of [format.s3.applicantHeader.zh, format.s3.orgHeader.zh, '自然人', '总计'])
      expect([header, at(header) >= 0 && at(header) < firstRow]).toEqual([header, true]);
    expect(text).not.toContain(compact(SECTIONS[1].heading));
    expect(text).not.toContain(compact(SECTIONS[2].heading));
    const lastRow = format.s3.rows[format.s3.rows.length - 1].label.zh;
    expect(at(lastRow)).toBeGreaterThan(firstRow);
    // 表四 comes after 表三's last row, not on a page of its own under 表三's header.
    expect(at(SECTIONS[3].heading)).toBeGreaterThan(at(lastRow));
    for (const label of ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '尚未审结'])
      expect([label, at(label) > at(SECTIONS[3].heading)]).toEqual([label, true]);
  });

  it('fills page 1 at least half, and prints the table columns across the page width', () => {
    const [one] = get();
    const printable = one.height - 2 * MARGIN;
    expect((one.bottom - MARGIN) / printable).toBeGreaterThanOrEqual(0.5);
    expect(one.top).toBeLessThan(MARGIN + 20);
    // 表三's 总计 column ends near the right margin, its labels start near the left one.
    expect(one.right / one.width).toBeGreaterThan(0.85);
    expect(one.left / one.width).toBeLessThan(0.12);
  });

  it('writes the PNG of every page', async () => {
    const prefix = path.join(dir, PRINTS[name].screenshots);
    await renderPngs(path.join(dir, `${name}.pdf`), prefix, DPI);
    for (let n = 1; n <= get().length; n++) {
      const png = await fs.readFile(`${prefix}-${n}.png`);
      // A4 at 70 dpi, from the PNG header: 579 × 819 pixels.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([579, 819]);
      const committed = path.join(SCREENSHOTS, `${PRINTS[name].screenshots}-p${n}.png`);
      if (process.env.NIANBAO_UPDATE_SCREENSHOTS === '1') {
        await fs.mkdir(SCREENSHOTS, { recursive: true });
        await fs.copyFile(`${prefix}-${n}.png`, committed);
      }
      // The committed screenshots show the pages as they print now: one per page, no more.
      await expect(fs.stat(committed)).resolves.toBeDefined();
    }
    await expect(
      fs.stat(path.join(SCREENSHOTS, `${PRINTS[name].screenshots}-p${get().length + 1}.png`)),
    ).rejects.toThrow();
  });
});

describe('what does not print', () => {
  it.each(Object.keys(PRINTS) as PrintName[])('%s: no profile, no filling instructions, no status', (name) => {
    const text = compact((pages.get(name) ?? []).map((p) => p.text).join('\n'));
    const agency = reports.get(name)?.profile.agency ?? '';
    expect(agency.length).toBeGreaterThan(3);
    for (const absent of [
      agency,
      '政府信息公开工作年度报告',
      '机关名称',
      '报告年度',
      '填写说明',
      '本表校验',
      '校验通过',
      '✖',
      '勾稽关系不符',
    ])
      expect([absent, text.includes(absent)]).toEqual([absent, false]);
    // The tables did print (the test is not passing on an empty PDF).
    expect(text).toContain(compact(SECTIONS[3].heading));
  });
});
