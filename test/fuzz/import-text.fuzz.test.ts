// Property: whatever text importText is given — the seeds and the importer's layout fixtures cut
// short, shuffled, with lines dropped or repeated, binary junk spliced in, figures made huge, lines
// made very long, or text made up from nothing — it answers: no exception, no run over 1 s, a result
// of the contract's shape (cells only of the format, numbers finite), and the rules, text rules
// included, judge that result without an exception either.
//
// `npm test` runs DEFAULT_RUNS cases with a fixed seed (a few seconds); `npm run fuzz` runs LONG_RUNS
// with a random seed. IMPORT_FUZZ_RUNS (or FUZZ_RUNS) and FUZZ_SEED override both.
import * as fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { getFormat } from '../../src/format';
import { importText } from '../../src/import';
import { readCell } from '../../src/report';
import { validate, validateText } from '../../src/rules';
import { sharedPath } from '../support/shared';

const LONG = process.env.npm_lifecycle_event === 'fuzz';
const DEFAULT_RUNS = 1_000;
const LONG_RUNS = 10_000;
const TOTAL = Number(process.env.IMPORT_FUZZ_RUNS ?? process.env.FUZZ_RUNS ?? (LONG ? LONG_RUNS : DEFAULT_RUNS));
const SEED =
  process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : LONG ? Date.now() % 2 ** 31 : 20261202;
const RUN_LIMIT_MS = 1000;

/** The texts to mutate: the five seeds, and the importer's layout fixtures (.txt) where there are any. */
function baseTexts(): string[] {
  const seeds = sharedPath('reports', 'seeds');
  const texts = readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(path.join(seeds, f), 'utf8'));
  const fixtures = path.join(__dirname, '../fixtures/import');
  if (existsSync(fixtures)) {
    for (const f of readdirSync(fixtures).sort()) {
      if (f.endsWith('.txt')) texts.push(readFileSync(path.join(fixtures, f), 'utf8'));
    }
  }
  return texts;
}

const BASES = baseTexts();
const CELL_KEYS = new Set([...getFormat('2021').cells, ...getFormat('2019').cells].map((c) => c.key));

/** A position inside a text, as a share of its length (not fc.double: its bias to 0 and 1). */
const fraction = fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000);

/** Junk as PDF extraction and broken copies leave it: controls, NUL, lone surrogates, odd spaces. */
const junkChar = fc.oneof(
  fc.constantFrom('\u0000', '\u0007', '\u001b', '\ufffd', '\ufeff', '\u200b', '\u202e', '\u2028', '\ud800', '\udfff'),
  fc.constantFrom('\t', '\r', '\n', '\u3000', '\u00a0', '□', '|', '（', '）', '、', '—', '-', '／'),
  fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
);
const junk = fc.array(junkChar, { minLength: 1, maxLength: 200 }).map((chars) => chars.join(''));

/** Figures a table must never trip over. */
const hugeNumber = fc.oneof(
  fc.constantFrom(
    '9'.repeat(400),
    '1e308',
    '-1e999',
    '9007199254740993',
    '123456789012345678901234567890',
    '0.000000000001',
    '-0',
    '１２３４５６７８９０',
    '1,234,567,890,123,456',
  ),
  fc.bigInt({ min: 0n, max: 10n ** 40n }).map(String),
);

/** Table words and headings, so that made-up text reaches the importer's table readers. */
const WORDS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
  '第二十条第（一）项',
  '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
  '规章\t0\t0\t0',
  '一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1',
  '（七）总计',
  '四、结转下年度继续办理',
  '（三）不予公开',
  '1.属于国家秘密',
  '行政复议\t行政诉讼',
  '结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
  '本年新收政府信息公开申请258件',
  '统计期限为2022年1月1日至2022年12月31日',
  '202111日',
  '国办公开办函〔2019〕60号',
  '0',
  '\t',
];
const madeUp = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 30 }), hugeNumber, junk), { maxLength: 120 })
  .chain((parts) => fc.constantFrom('\n', '\t', ' ', '').map((sep) => parts.join(sep)));

/**
 * What a very long line is made of. `予以公开12件，` (a figure stated thousands of times in one line)
 * found a quadratic path in the importer once (each figure's sentence scanned anew; four
 * 20,000-character lines took 1.9 s; see the test below).
 */
const STATED_FIGURES_UNIT = '予以公开12件，';
const LONG_LINE_UNITS = ['0\t', '一、', '很', '1 ', '（', '\t', STATED_FIGURES_UNIT];

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'shuffle'; keys: number[] }
  | { kind: 'drop'; at: number; count: number }
  | { kind: 'repeat'; at: number; times: number }
  | { kind: 'junk'; at: number; junk: string }
  | { kind: 'huge'; every: number; number: string }
  | { kind: 'longLine'; at: number; unit: string; times: number }
  | { kind: 'newlines'; to: string }
  | { kind: 'swapTables' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fraction.map((at) => ({ kind: 'truncate', at }) as const),
  fc.array(fc.nat(), { minLength: 700, maxLength: 700 }).map((keys) => ({ kind: 'shuffle', keys }) as const),
  fc.record({ kind: fc.constant('drop' as const), at: fraction, count: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fraction, times: fc.integer({ min: 2, max: 300 }) }),
  fc.record({ kind: fc.constant('junk' as const), at: fraction, junk }),
  fc.record({ kind: fc.constant('huge' as const), every: fc.integer({ min: 1, max: 5 }), number: hugeNumber }),
  fc.record({
    kind: fc.constant('longLine' as const),
    at: fraction,
    unit: fc.constantFrom(...LONG_LINE_UNITS),
    times: fc.integer({ min: 1_000, max: 100_000 }),
  }),
  fc.constantFrom('\r\n', '\r', '\u2028').map((to) => ({ kind: 'newlines', to }) as const),
  fc.constant({ kind: 'swapTables' } as const),
);

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const lineAt = (f: number): number => Math.min(lines.length, Math.floor(f * lines.length));
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, Math.floor(m.at * text.length));
    case 'shuffle':
      return lines
        .map((line, i) => [m.keys[i % m.keys.length] + i / 1e6, line] as const)
        .sort((a, b) => a[0] - b[0])
        .map(([, line]) => line)
        .join('\n');
    case 'drop': {
      const at = lineAt(m.at);
      return [...lines.slice(0, at), ...lines.slice(at + m.count)].join('\n');
    }
    case 'repeat': {
      const at = Math.min(lineAt(m.at), lines.length - 1);
      return [...lines.slice(0, at), ...Array<string>(m.times).fill(lines[at] ?? ''), ...lines.slice(at)].join('\n');
    }
    case 'junk': {
      const at = Math.floor(m.at * text.length);
      return text.slice(0, at) + m.junk + text.slice(at);
    }
    case 'huge': {
      let n = 0;
      return text.replace(/\d+/g, (digits) => (n++ % m.every === 0 ? m.number : digits));
    }
    case 'longLine': {
      const at = lineAt(m.at);
      return [...lines.slice(0, at), m.unit.repeat(m.times), ...lines.slice(at)].join('\n');
    }
    case 'newlines':
      return text.replace(/\n/g, m.to);
    case 'swapTables': {
      const three = lines.findIndex((l) => l.includes('三、收到和处理'));
      const four = lines.findIndex((l) => l.includes('四、政府信息公开行政复议') || l.includes('四、因政府信息公开'));
      if (three < 0 || four <= three) return text;
      return [...lines.slice(0, three), ...lines.slice(four), ...lines.slice(three, four)].join('\n');
    }
  }
}

/**
 * The longest text tried: what the largest .txt the command line reads (5 MB) can decode to. Mutations
 * compound (a 100,000-character line repeated 300 times is 30 M), and beyond this no reader is given it.
 */
const MAX_CHARS = 5 * 1024 * 1024;

/** A mutated text: one of the bases, through one to three mutations. */
const mutated = fc
  .record({ base: fc.nat({ max: BASES.length - 1 }), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) })
  .map(({ base, mutations }) => ({
    text: mutations.reduce((t, m) => mutate(t, m).slice(0, MAX_CHARS), BASES[base]),
    note: `base ${base}: ${mutations.map((m) => m.kind).join(', ')}`,
  }));

const input = fc.oneof(
  { weight: 4, arbitrary: mutated },
  { weight: 1, arbitrary: madeUp.map((text) => ({ text, note: 'made up' })) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: 'binary', maxLength: 2000 }).map((text) => ({ text, note: 'random' })),
  },
);

let slowest = 0;
let cells = 0;
let findings = 0;

/** The time of one importText call, in ms. */
function timed(text: string): { result: ReturnType<typeof importText>; ms: number } {
  const started = performance.now();
  const result = importText(text, { file: 'fuzz.txt' });
  return { result, ms: performance.now() - started };
}

function expectAnswered(text: string, note: string): void {
  const first = timed(text);
  const { result } = first;
  let ms = first.ms;
  // A slow run is timed twice more and the fastest kept: a pause of the collector or a machine busy
  // with other work is no property of the input (a counterexample of 1026 ms re-ran in 83 ms).
  if (ms > RUN_LIMIT_MS) ms = Math.min(ms, timed(text).ms, timed(text).ms);
  slowest = Math.max(slowest, ms);
  const context = `${note} (${text.length} characters)`;
  if (ms > RUN_LIMIT_MS) throw new Error(`importText took ${Math.round(ms)} ms: ${context}`);
  const { report } = result;
  for (const [key, value] of Object.entries(report.values)) {
    if (!CELL_KEYS.has(key)) throw new Error(`unknown cell ${key}: ${context}`);
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${key} = ${value}: ${context}`);
    if (readCell(value).kind === 'number') cells++;
  }
  if (!Array.isArray(result.notFound) || !Array.isArray(result.problems)) throw new Error(`bad result: ${context}`);
  for (const f of report.text?.figures ?? []) {
    if (!Number.isFinite(f.value)) throw new Error(`figure ${f.phrase} = ${f.value}: ${context}`);
  }
  findings += validate(report, { currentYear: 2026 }).length + validateText(report, { currentYear: 2026 }).length;
}

describe(`importText on ${TOTAL} mutated and random texts (seed ${SEED})`, () => {
  it('reads every seed and fixture as it is', () => {
    expect(BASES.length).toBeGreaterThanOrEqual(5);
    for (const text of BASES) expectAnswered(text, 'unchanged');
    expect(cells).toBeGreaterThan(0);
  });

  // The counterexample the fuzzing found (seed 424242, run 2747), made plain: the importer found each
  // stated figure's sentence by scanning the line again (quadratic); it now scans each line once.
  it('answers four 20,000-character lines of stated figures within 1 s', () => {
    const text = Array<string>(4).fill(STATED_FIGURES_UNIT.repeat(2500)).join('\n');
    expect(timed(text).ms).toBeLessThanOrEqual(RUN_LIMIT_MS);
  });

  it(`answers every one of ${TOTAL} inputs within ${RUN_LIMIT_MS} ms, without an exception`, () => {
    const started = performance.now();
    fc.assert(
      fc.property(input, ({ text, note }) => expectAnswered(text, note)),
      { numRuns: TOTAL, seed: SEED },
    );
    if (LONG || process.env.IMPORT_FUZZ_RUNS) {
      console.log(
        `import fuzz seed ${SEED}: ${TOTAL} runs in ${Math.round(performance.now() - started)} ms, slowest ${Math.round(slowest)} ms, ${cells} cells read, ${findings} findings`,
      );
    }
    // The inputs reach the readers: some figures are read and judged.
    expect(cells).toBeGreaterThan(TOTAL);
    expect(findings).toBeGreaterThan(TOTAL);
  }, 600_000);
});
