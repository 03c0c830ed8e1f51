// End to end in a real word processor: documents written by `nianbao docx`, opened by LibreOffice
// (headless) and saved as text and as PDF. The text holds the six parts and the five aspects of 一 in
// order, the generated sentences with their figures, the statistical period, the three tables' labels
// and every prompt; a report without applications gets the zero-case sentences, one with last year's
// figures the 同比 wording. The PDF is A4 portrait and nothing on any page runs past the margins.
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { run } from '../../src/cli/main';
import { getFormat, SECTIONS } from '../../src/format';
import { buildOutline } from '../../src/outline';
import { parseReportJson, reportToJson, type Report } from '../../src/report';
import { convert, requireSoffice } from '../xlsx/support/libreoffice';
import { readPages, type PdfPage } from '../print/support/pdf';

jest.setTimeout(120_000);

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const TEXT_FILTER = 'txt:Text (encoded):UTF8';
/** Points per millimetre. */
const PT = 72 / 25.4;

let dir: string;
const texts = new Map<string, string>();
let pages: PdfPage[];
/** Every word of the PDF (pdftotext -bbox): its text and right edge, in points. */
let words: { readonly text: string; readonly right: number }[];
let report: Report;

async function docx(input: string, out: string, ...args: string[]): Promise<void> {
  let err = '';
  const code = await run(
    ['docx', input, '-o', out, ...args],
    { out: () => undefined, err: (t) => void (err += t) },
    {},
  );
  if (code !== 0) throw new Error(`nianbao docx ${input} failed (${code}): ${err}`);
}

beforeAll(async () => {
  await requireSoffice();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-docx-lo-'));
  const seedFile = path.join(FIXTURES, 'seed-004.json');
  report = parseReportJson(await fs.readFile(seedFile, 'utf8'));
  // No applications and no reviews or suits: every s3 and s4 figure 0.
  const zeros = Object.fromEntries(
    Object.entries(report.values).map(([key, value]) => [key, /^s[34]\./.test(key) ? 0 : value]),
  );
  const zeroFile = path.join(dir, 'zero.json');
  await fs.writeFile(zeroFile, JSON.stringify(reportToJson({ ...report, values: zeros })));
  // Last year: 11 applications, all granted.
  const previousFile = path.join(dir, 'previous.json');
  const previousValues = { ...report.values, 's3.new.natural': 11, 's3.new.total': 11, 's3.granted.natural': 11 };
  await fs.writeFile(
    previousFile,
    JSON.stringify(reportToJson({ profile: { ...report.profile, year: 2021 }, values: previousValues })),
  );

  const files = {
    seed: path.join(dir, 'seed.docx'),
    zero: path.join(dir, 'zero.docx'),
    yoy: path.join(dir, 'yoy.docx'),
  };
  await docx(seedFile, files.seed);
  await docx(zeroFile, files.zero);
  await docx(seedFile, files.yoy, '--previous', previousFile);
  await convert(Object.values(files), TEXT_FILTER, dir);
  await convert([files.seed], 'pdf', dir);
  for (const name of Object.keys(files)) {
    texts.set(name, (await fs.readFile(path.join(dir, `${name}.txt`), 'utf8')).replace(/^\uFEFF/, ''));
  }
  pages = await readPages(path.join(dir, 'seed.pdf'));
  const { stdout } = await promisify(execFile)('pdftotext', ['-bbox', path.join(dir, 'seed.pdf'), '-'], {
    maxBuffer: 32 * 1024 * 1024,
  });
  words = [...stdout.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map(
    (m) => ({ right: Number(m[1]), text: m[2] }),
  );
});

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

const lines = (name: string): string[] =>
  (texts.get(name) ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The positions of `wanted` in `all`, each found after the one before; -1 where not found. */
function inOrder(all: readonly string[], wanted: readonly string[]): number[] {
  let from = 0;
  return wanted.map((w) => {
    const at = all.indexOf(w, from);
    if (at >= 0) from = at + 1;
    return at;
  });
}

describe('a document written by nianbao docx, opened by LibreOffice', () => {
  it('has the title, then the six parts in order, with the five aspects of 一 between 一 and 二', () => {
    const text = lines('seed');
    expect(text[0]).toBe('河东区行政审批服务局2022年政府信息公开工作年度报告');
    const headings = SECTIONS.map((s) => s.heading);
    expect(headings).toHaveLength(6);
    const aspects = [
      '（一）主动公开',
      '（二）依申请公开',
      '（三）政府信息管理',
      '（四）政府信息公开平台建设',
      '（五）监督保障',
    ];
    const at = inOrder(text, [headings[0], ...aspects, ...headings.slice(1)]);
    expect(at.every((i) => i >= 0)).toBe(true);
  });

  it('states the statistical period and the figures of the generated sentences', () => {
    const text = texts.get('seed') ?? '';
    expect(text).toContain('2022年1月1日起至2022年12月31日止');
    expect(text).toContain('本年新收政府信息公开申请3件（自然人3件）');
    expect(text).toContain('作出行政许可决定90025件');
    expect(text).toContain('收取行政事业性收费13.39万元');
  });

  it('shows every label of the three tables', () => {
    const text = lines('seed');
    const format = getFormat('2021');
    const labels = [
      ...format.s2.blocks.flatMap((b) => [
        b.title,
        ...b.rows.map((r) => r.label.zh),
        ...b.columns.map((c) => c.label.zh),
      ]),
      format.s3.identityCaption,
      format.s3.applicantHeader.zh,
      format.s3.orgHeader.zh,
      format.s3.outcomeLabel.zh,
      ...format.s3.columns.map((c) => c.label.zh),
      ...format.s3.rows.map((r) => r.label.zh),
      ...new Set(format.s3.rows.flatMap((r) => (r.group ? [r.group.label.zh] : []))),
      ...format.s4.groups.map((g) => g.label.zh),
      '行政诉讼',
      ...format.s4.results.map((r) => r.label.zh),
    ];
    const missing = labels.filter((label) => !text.includes(label));
    expect(missing).toEqual([]);
    // 表三's rows in the printed order.
    expect(
      inOrder(
        text,
        format.s3.rows.map((r) => r.label.zh),
      ).every((i) => i >= 0),
    ).toBe(true);
  });

  it('shows every prompt’s text', () => {
    const text = texts.get('seed') ?? '';
    const prompts = buildOutline(report).blocks.flatMap((b) =>
      b.kind === 'paragraph' ? b.runs.filter((r) => r.kind === 'prompt').map((r) => r.text) : [],
    );
    expect(prompts.length).toBeGreaterThanOrEqual(10);
    expect(prompts.filter((p) => !text.includes(p))).toEqual([]);
  });

  it('says so in a sentence of its own when there were no applications, reviews or suits', () => {
    const text = texts.get('zero') ?? '';
    expect(text).toContain('本年度未收到政府信息公开申请，无上年结转申请。');
    expect(text).toContain('本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。');
    expect(text).not.toContain('本年新收政府信息公开申请0件');
  });

  it('compares with last year when --previous gives its figures', () => {
    expect(texts.get('yoy')).toContain('同比减少8件');
    expect(texts.get('seed')).not.toContain('同比');
  });

  it('prints on A4 portrait with nothing past the GB/T 9704 margins, 表三 within the text width', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) {
      expect([Math.round(page.width), Math.round(page.height)]).toEqual([595, 842]);
      // The text block starts 28 mm from the left (1 mm for the tables' borders).
      expect(page.left).toBeGreaterThanOrEqual(27 * PT);
    }
    // …and ends 26 mm from the right. Only a line's last punctuation mark may hang past it, by one
    // character (16 pt), as Word and LibreOffice set Chinese by default (w:overflowPunct).
    const textRight = 595.3 - 26 * PT + 1;
    const past = words.filter((w) => w.right > textRight);
    expect(past.filter((w) => !/[，。、；：？！）”’》]$/.test(w.text))).toEqual([]);
    expect(past.filter((w) => w.right > textRight + 16.5)).toEqual([]);
    const s3 = pages.find((p) => p.text.replace(/\s+/g, '').includes('三、收到和处理政府信息公开申请情况'));
    expect(s3?.text.replace(/\s+/g, '')).toContain('一、本年新收政府信息公开申请数量');
  });
});
