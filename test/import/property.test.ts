// Properties of importText over random valid reports (src/bench/random-report.ts) rendered as text by
// the test-only renderer (./render.ts): read back exactly in every layout (round trip), and under
// damage (lines shuffled, the text cut off, junk put in) it never throws and never puts a figure into
// a cell where the text did not print that figure.
import fc from 'fast-check';
import { randomValidReport, seededRandom } from '../../src/bench/random-report';
import type { FormatVersion } from '../../src/format';
import { importText } from '../../src/import';
import type { RawValue, Report } from '../../src/report';
import { BLANK_LAYOUTS, LAYOUTS, renderReport, type Layout, type RenderOptions } from './render';

interface Case {
  readonly report: Report;
  readonly version: FormatVersion;
  readonly options: RenderOptions;
}

/** A random report, some cells blanked where the layout can show an empty cell, and how to print it. */
const caseArb: fc.Arbitrary<Case> = fc
  .record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    version: fc.constantFrom<FormatVersion>('2021', '2019'),
    layout: fc.constantFrom<Layout>(...LAYOUTS),
    fullWidth: fc.boolean(),
    separators: fc.boolean(),
    halfBrackets: fc.boolean(),
    trailingTabs: fc.boolean(),
    blanks: fc.double({ min: 0, max: 0.3, noNaN: true }),
  })
  .map(({ seed, version, layout, blanks, trailingTabs, ...habits }) => {
    const rand = seededRandom(seed);
    const report = randomValidReport(rand, version);
    const canBlank = BLANK_LAYOUTS.includes(layout);
    if (canBlank && blanks > 0) {
      for (const key of Object.keys(report.values)) if (rand() < blanks) report.values[key] = null;
    }
    const anyBlank = Object.values(report.values).some((v) => v === null);
    const options: RenderOptions = { layout, ...habits, trailingTabs: trailingTabs && !anyBlank };
    return { report, version, options };
  });

/** Keys read with a value the rendered report does not hold there. */
function wrongCells(read: Readonly<Record<string, RawValue>>, printed: Readonly<Record<string, RawValue>>): string[] {
  return Object.entries(read)
    .filter(([key, value]) => !(key in printed) || printed[key] !== value)
    .map(([key, value]) => `${key}: read ${JSON.stringify(value)}, printed ${JSON.stringify(printed[key])}`);
}

describe('importText round trip', () => {
  it('reads back every cell of a random valid report, in every layout', () => {
    fc.assert(
      fc.property(caseArb, ({ report, version, options }) => {
        const text = renderReport(report, version, options);
        const result = importText(text);
        expect(wrongCells(result.report.values, report.values)).toEqual([]);
        expect(result.report.values).toEqual(report.values);
        expect(result.notFound).toEqual([]);
        expect(result.report.profile).toMatchObject({
          agency: report.profile.agency,
          year: report.profile.year,
          format: version,
        });
        expect(result.report.sourceFormat).toBe(version);
        expect(result.problems).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

/** Damage done to a text. */
type Damage =
  | { readonly kind: 'shuffle'; readonly swaps: readonly [number, number][] }
  | { readonly kind: 'cut'; readonly at: number }
  | { readonly kind: 'junk'; readonly at: number; readonly lines: readonly string[] }
  | { readonly kind: 'drop'; readonly at: number; readonly count: number };

const JUNK_CHARS = [
  '0',
  '1',
  '7',
  '９',
  ' ',
  '\t',
  '|',
  '、',
  '（',
  '）',
  '本年',
  '总计',
  '其他',
  '规章',
  '行政',
  '—',
  '-',
  '.',
  ',',
  'l',
  'I',
  '申请',
];
const junkLine = fc.array(fc.constantFrom(...JUNK_CHARS), { maxLength: 12 }).map((parts) => parts.join(''));

const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({
    kind: fc.constant('shuffle' as const),
    swaps: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 }),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('junk' as const),
    at: fc.nat(),
    lines: fc.array(junkLine, { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 5 }) }),
);

function damage(text: string, how: Damage): string {
  const lines = text.split('\n');
  switch (how.kind) {
    case 'shuffle':
      for (const [a, b] of how.swaps) {
        const i = a % lines.length;
        const j = b % lines.length;
        [lines[i], lines[j]] = [lines[j], lines[i]];
      }
      return lines.join('\n');
    case 'cut':
      return text.slice(0, how.at % (text.length + 1));
    case 'junk':
      lines.splice(how.at % (lines.length + 1), 0, ...how.lines);
      return lines.join('\n');
    case 'drop':
      lines.splice(how.at % lines.length, how.count);
      return lines.join('\n');
  }
}

describe('importText under damage', () => {
  it('never throws, and every cell it reads holds the figure printed for it', () => {
    fc.assert(
      fc.property(caseArb, damageArb, ({ report, version, options }, how) => {
        // One cell per line, swapping two lines swaps figures between rows, and dropping the lines
        // of a row's figures gives its label the next row's: the damaged text prints other figures
        // for the cells, and no reader can tell. Those are only done to layouts of a row per line.
        const rowPerLine = options.layout === 'tabs' || options.layout === 'pipes' || options.layout === 'spaces';
        if ((how.kind === 'shuffle' || how.kind === 'drop') && !rowPerLine) return;
        // Likewise a line of whitespace put into a one-cell-per-line text is an empty cell.
        const junk =
          how.kind === 'junk' && !rowPerLine ? { ...how, lines: how.lines.filter((l) => l.trim() !== '') } : how;
        const text = damage(renderReport(report, version, options), junk);
        const result = importText(text);
        expect(wrongCells(result.report.values, report.values)).toEqual([]);
        // What is not read is said to be not found.
        for (const key of result.notFound) expect(result.report.values).not.toHaveProperty([key]);
      }),
      { numRuns: 600 },
    );
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const result = importText(text);
        expect(result.report).toBeDefined();
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.array(junkLine, { maxLength: 60 }), (lines) => {
        expect(() => importText(lines.join('\n'))).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
