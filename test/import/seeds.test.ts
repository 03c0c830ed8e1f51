// The five real published reports against their golden files, written by hand from the seed texts
// (test/fixtures/seeds/*.expected.json): cell by cell, every figure read must be the printed one (a
// wrong cell fails the test), and the share read is printed and held high. Profile, format and the
// headings found are asserted too.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importText } from '../../src/import';
import { validate, validateText } from '../../src/rules';
import type { RawValue } from '../../src/report';

const SEEDS = path.join(__dirname, '../../../shared/reports/seeds');
const GOLDEN = path.join(__dirname, '../fixtures/seeds');

interface Golden {
  readonly file: string;
  readonly profile: { readonly agency: string; readonly year: number };
  readonly format: '2021' | '2019';
  readonly sections: readonly number[];
  readonly values: Readonly<Record<string, RawValue>>;
  readonly notFound?: readonly string[];
  /** The findings that follow from what is read, written by hand from the text (CELL-BLANK counted). */
  readonly findings: readonly { readonly rule: string; readonly severity: string }[];
  readonly cellBlanks: number;
}

/** Required share of cells read, per seed (000's two OCR-damaged rows are left out by design). */
const REQUIRED: Readonly<Record<string, number>> = { '000': 0.93 };

export interface Accuracy {
  readonly right: number;
  readonly expected: number;
  readonly wrong: string[];
  readonly missing: string[];
}

/** Cells right / expected; a cell read into the wrong place (or read where the text shows none) is wrong; absent is missing. */
export function accuracyOf(golden: Golden, read: Readonly<Record<string, RawValue>>): Accuracy {
  let right = 0;
  const wrong: string[] = [];
  const missing: string[] = [];
  for (const [key, value] of Object.entries(golden.values)) {
    if (!(key in read)) missing.push(key);
    else if (read[key] === value) right++;
    else wrong.push(`${key}: read ${JSON.stringify(read[key])}, printed ${JSON.stringify(value)}`);
  }
  for (const key of Object.keys(read)) {
    if (!(key in golden.values)) wrong.push(`${key}: read ${JSON.stringify(read[key])}, the text shows no such cell`);
  }
  return { right, expected: Object.keys(golden.values).length, wrong, missing };
}

const goldens: Golden[] = readdirSync(GOLDEN)
  .filter((f) => f.endsWith('.expected.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(path.join(GOLDEN, f), 'utf8')) as Golden);

describe('the seeds against their golden files', () => {
  it('has a golden file for each of the five seeds', () => {
    const seeds = readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    expect(seeds).toHaveLength(5);
    expect(goldens.map((g) => g.file)).toEqual(seeds);
  });

  const summary: string[] = [];
  afterAll(() => {
    // The per-seed accuracy, for the record of each run.
    console.log(`importText cell accuracy (right/expected, wrong, missing):\n${summary.join('\n')}`);
  });

  describe.each(goldens.map((g) => [g.file.slice(0, 3), g] as const))('seed %s', (id, golden) => {
    const result = importText(readFileSync(path.join(SEEDS, golden.file), 'utf8'), { file: golden.file });

    it('reads no figure into a wrong cell, and reads (nearly) all of them', () => {
      const accuracy = accuracyOf(golden, result.report.values);
      const share = accuracy.right / accuracy.expected;
      summary.push(
        `  ${id}: ${accuracy.right}/${accuracy.expected} (${(share * 100).toFixed(1)} %), wrong ${accuracy.wrong.length}, missing ${accuracy.missing.length}`,
      );
      expect(accuracy.wrong).toEqual([]);
      expect(share).toBeGreaterThanOrEqual(REQUIRED[id] ?? 1);
    });

    it('gives the findings written down for it: the value rules on the cells found, and the text rules', () => {
      const notFound = new Set(result.notFound);
      // As nianbao check judges a text: a cell not found was not left blank.
      const found = validate(result.report, { currentYear: 2026 }).filter(
        (f) => !(f.rule === 'CELL-BLANK' && notFound.has(f.cells[0])),
      );
      const all = [...found, ...validateText(result.report, { currentYear: 2026 })];
      expect(all.filter((f) => f.rule !== 'CELL-BLANK').map((f) => ({ rule: f.rule, severity: f.severity }))).toEqual(
        golden.findings,
      );
      expect(all.filter((f) => f.rule === 'CELL-BLANK')).toHaveLength(golden.cellBlanks);
    });

    it('reads the profile and the format', () => {
      expect(result.report.profile.agency).toBe(golden.profile.agency);
      expect(result.report.profile.year).toBe(golden.profile.year);
      expect(result.report.profile.format).toBe(golden.format);
      expect(result.report.sourceFormat).toBe(golden.format);
    });

    it('finds the headings of the parts, in order', () => {
      const sections = (result.report.text?.headings ?? [])
        .filter((h) => h.level === 1 && h.section !== undefined)
        .map((h) => h.section);
      expect(sections).toEqual(golden.sections);
    });

    it('says what it did not find, and reads nothing the text does not determine', () => {
      for (const key of golden.notFound ?? []) expect(result.report.values).not.toHaveProperty([key]);
      for (const key of golden.notFound ?? []) expect(result.notFound).toContain(key);
      const missing = accuracyOf(golden, result.report.values).missing;
      for (const key of missing) expect(result.notFound).toContain(key);
    });

    it('has no table lines among the prose lines, and keeps line numbers', () => {
      const text = result.report.text;
      expect(text).toBeDefined();
      const lines = readFileSync(path.join(SEEDS, golden.file), 'utf8').split(/\r\n|\r|\n/);
      expect(text?.lines).toHaveLength(lines.length);
      for (const heading of text?.headings ?? []) expect(lines[heading.line]).toContain(heading.text.slice(0, 4));
      expect(text?.lines.some((l) => /^\s*1\.\s*属于国家秘密/.test(l.replace(/^\t+/, '')))).toBe(false);
    });
  });
});

describe('what the seeds say besides their cells', () => {
  const read = (prefix: string) => {
    const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix)) as string;
    return importText(readFileSync(path.join(SEEDS, file), 'utf8'));
  };

  it('000: leaves the two OCR-damaged rows of 表三 out and says so, and infers the year from the signing date', () => {
    const { problems, report } = read('000');
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'ROW_UNSURE', table: 's3', label: '（一）予以公开' }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'ROW_NOT_FOUND', table: 's3', label: expect.stringContaining('部分公开') }),
    );
    expect(problems).toContainEqual({
      code: 'PROFILE_INFERRED',
      field: 'year',
      from: 'published',
      text: '2023年1月11日',
    });
    expect(report.values).not.toHaveProperty(['s3.granted.natural']);
    expect(report.profile.published).toBe('2023-01-11');
  });

  it('003: reads blanks as null and leaves 表四 out (13 cells printed for 15)', () => {
    const { problems, report } = read('003');
    expect(report.values['s3.new.total']).toBeNull();
    expect(report.values['s3.rejected.petition.natural']).toBe(2720);
    expect(report.values['s2.procurement.amount']).toBe(31.65);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'ROW_UNSURE', table: 's4' }));
  });

  it('001 and 004: the statistical period as printed, and the figures the prose states', () => {
    expect(read('001').report.text?.period).toBe('2022年1月1日起至2022年12月31日');
    expect(read('001').report.text?.figures).toEqual([expect.objectContaining({ phrase: '受理', value: 0 })]);
    const r4 = read('004');
    expect(r4.report.text?.period).toBe('2022 年 1 月 1 日至 2022 年 12 月 31 日');
    expect(r4.report.text?.figures).toEqual([
      expect.objectContaining({
        phrase: '收到',
        value: 3,
        sentence: expect.stringContaining('全年收到 3 条依申请公开申请'),
      }),
    ]);
    expect(r4.report.values['s2.fee.amount']).toBe(13.39);
  });

  it('002: a heading that keeps the part’s key words counts as part 五', () => {
    const headings = read('002').report.text?.headings ?? [];
    expect(headings.find((h) => h.section === 5)?.text).toBe('五、存在的主要问题及下一步打算');
  });

  it('reads a seed well under 2 ms', () => {
    const texts = readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(path.join(SEEDS, f), 'utf8'));
    for (let i = 0; i < 40; i++) for (const t of texts) importText(t); // warm up
    const runs = 100;
    const start = performance.now();
    for (let i = 0; i < runs; i++) for (const t of texts) importText(t);
    const perSeed = (performance.now() - start) / (runs * texts.length);
    console.log(`importText: ${perSeed.toFixed(3)} ms per seed`);
    expect(perSeed).toBeLessThan(2);
  });
});
