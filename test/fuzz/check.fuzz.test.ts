// Property: whatever file `nianbao check` is given, it answers — no exception, no internal error,
// exit 0, 1 or 2, within 2 s, no English from Node or a library in a zh-CN message, and with
// --json exactly one JSON document on stdout. Driven by fast-check over generated and mutated
// .json and .xlsx inputs (test/fuzz/inputs.ts), written to a temp dir and checked in-process.
// `npm test` runs 10,000 cases with a fixed seed; `npm run fuzz` runs 10× more with a random seed
// (FUZZ_RUNS and FUZZ_SEED override both).
import * as fc from 'fast-check';
import { existsSync, promises as fs, readFileSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { run } from '../../src/cli/main';
import { cliText } from '../../src/cli/strings';
import { buildLayout } from '../../src/layout';
import { parseReportJson } from '../../src/report';
import { writeTemplate } from '../../src/xlsx/write';
import { applyWorkbookPlan, jsonCase, workbookPlan } from './inputs';

const LONG = process.env.npm_lifecycle_event === 'fuzz';
const TOTAL = Number(process.env.FUZZ_RUNS ?? (LONG ? 100_000 : 10_000));
const SEED =
  process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : LONG ? Date.now() % 2 ** 31 : 20240521;
/** Workbooks cost ~15 ms each (ExcelJS), JSON ~1 ms: a fifth of the runs are workbooks. */
const XLSX_RUNS = Math.round(TOTAL * 0.2);
const JSON_RUNS = TOTAL - XLSX_RUNS;
const RUN_LIMIT_MS = 2000;

const FIXTURES = path.join(__dirname, '../fixtures');

/** Words that only Node, V8 or a library would write: none may reach a zh-CN user. */
const FOREIGN =
  /Error:|TypeError|RangeError|SyntaxError|Unexpected token|in JSON at|Cannot read prop|is not a function|is not defined|end of central directory|Corrupted zip|Bug :|ENOENT|EISDIR|EACCES|\[object Object\]|Out of bounds|Invalid (Address|string length)/;

const INTERNAL = [cliText('zh-CN').internalError, cliText('en-US').internalError];

interface Outcome {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly ms: number;
}

let dir: string;
let counter = 0;

async function check(file: string, flags: readonly string[]): Promise<Outcome> {
  let out = '';
  let err = '';
  const started = performance.now();
  const code = await run(['check', ...flags, file], { out: (t) => void (out += t), err: (t) => void (err += t) }, {});
  return { code, out, err, ms: performance.now() - started };
}

function expectAnswered(outcome: Outcome, flags: readonly string[], note: string): void {
  const context = `${note} ${flags.join(' ')}`;
  const { code, out, err, ms } = outcome;
  if (![0, 1, 2].includes(code)) throw new Error(`exit ${code}: ${context}`);
  if (ms > RUN_LIMIT_MS) throw new Error(`took ${Math.round(ms)} ms: ${context}`);
  for (const marker of INTERNAL) {
    if (out.includes(marker) || err.includes(marker))
      throw new Error(`internal error: ${context}\n${out.slice(0, 500)}`);
  }
  if (!flags.includes('en-US')) {
    const foreign = FOREIGN.exec(out) ?? FOREIGN.exec(err);
    if (foreign) throw new Error(`foreign words "${foreign[0]}": ${context}\n${(out + err).slice(0, 800)}`);
  }
  if (flags.includes('--json')) {
    let doc: unknown;
    try {
      doc = JSON.parse(out);
    } catch {
      throw new Error(`--json printed no single JSON document: ${context}\n${out.slice(0, 300)}`);
    }
    if (!Array.isArray((doc as { files?: unknown }).files)) throw new Error(`--json without files: ${context}`);
  }
}

const flagsArb: fc.Arbitrary<string[]> = fc.oneof(
  // Most runs: the file as it is, for people or for scripts.
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.boolean(), fc.constantFrom(undefined, undefined, undefined, 'en-US'))
      .map(([json, lang]) => [...(json ? ['--json'] : []), ...(lang ? ['--lang', lang] : [])]),
  },
  // The rest: overrides and last year's report, right or wrong.
  {
    weight: 2,
    arbitrary: fc
      .record({
        json: fc.boolean(),
        lang: fc.constantFrom(undefined, undefined, undefined, 'en-US'),
        year: fc.constantFrom(undefined, undefined, '2022', '2024', '二〇二二年', '22'),
        format: fc.constantFrom(undefined, undefined, '2019', '2021'),
        kind: fc.constantFrom(undefined, undefined, 'government', 'department'),
        previous: fc.constantFrom<string | undefined>(
          undefined,
          undefined,
          undefined,
          undefined,
          'seed-002.json',
          'encodings/seed-004.gbk.json',
          'no-such-file.json',
        ),
      })
      .map((f) => [
        ...(f.json ? ['--json'] : []),
        ...(f.lang ? ['--lang', f.lang] : []),
        ...(f.year ? ['--year', f.year] : []),
        ...(f.format ? ['--format', f.format] : []),
        ...(f.kind ? ['--kind', f.kind] : []),
        ...(f.previous ? ['--previous', path.join(FIXTURES, f.previous)] : []),
      ]),
  },
);

const exits = { json: [0, 0, 0], xlsx: [0, 0, 0] };

let bases: Uint8Array[] = [];

beforeAll(async () => {
  // tmpfs where there is one: opening files on this machine's overlay disk cost more than checking them.
  dir = await fs.mkdtemp(path.join(existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'nianbao-fuzz-'));
  const report = (name: string) => parseReportJson(readFileSync(path.join(FIXTURES, name), 'utf8'));
  const filled2021 = report('xlsx-broken-2021.json');
  const filled2019 = report('xlsx-valid-2019.json');
  const sheets = (r: ReturnType<typeof report>, sheetName?: string) => ({
    layout: buildLayout({
      version: r.profile.year !== undefined && r.profile.year <= 2020 ? '2019' : '2021',
      ...(r.profile.year !== undefined ? { year: r.profile.year } : {}),
      ...(r.profile.agency !== undefined ? { agency: r.profile.agency } : {}),
      ...(sheetName ? { sheetName } : {}),
    }),
    values: r.values,
  });
  bases = await Promise.all([
    writeTemplate([{ layout: buildLayout({ version: '2021', year: 2024 }) }]),
    writeTemplate([sheets(filled2021)]),
    writeTemplate([sheets(filled2019)]),
    writeTemplate([sheets(filled2021, '区政府办'), sheets(filled2019, '某某镇')]),
  ]).then((list) => list.map((b) => new Uint8Array(b)));
  // Load ExcelJS once, so that the first case's time is its own.
  await fs.writeFile(path.join(dir, 'warm.xlsx'), bases[0]);
  await check(path.join(dir, 'warm.xlsx'), []);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  if (LONG) console.log(`fuzz seed ${SEED}: exits (0/1/2) json ${exits.json.join('/')}, xlsx ${exits.xlsx.join('/')}`);
});

describe(`nianbao check on ${TOTAL} generated inputs (seed ${SEED})`, () => {
  it(`answers every one of ${JSON_RUNS} JSON inputs`, async () => {
    await fc.assert(
      fc.asyncProperty(jsonCase, flagsArb, async ({ bytes, note }, flags) => {
        const file = path.join(dir, `case-${counter++ % 8}.json`);
        writeFileSync(file, bytes);
        const outcome = await check(file, flags);
        expectAnswered(outcome, flags, note);
        exits.json[outcome.code]++;
      }),
      { numRuns: JSON_RUNS, seed: SEED },
    );
    // The generator reaches every outcome, so that passing means something.
    for (const n of exits.json) expect(n).toBeGreaterThan(JSON_RUNS * 0.01);
  }, 600_000);

  it(`answers every one of ${XLSX_RUNS} workbook inputs`, async () => {
    await fc.assert(
      fc.asyncProperty(workbookPlan(bases.length), flagsArb, async (plan, flags) => {
        const file = path.join(dir, `case-${counter++ % 8}.xlsx`);
        writeFileSync(file, await applyWorkbookPlan(bases, plan));
        const outcome = await check(file, flags);
        expectAnswered(
          outcome,
          flags,
          JSON.stringify(plan, (_k, v: unknown) => (v instanceof Uint8Array ? `<${v.length} bytes>` : v)).slice(0, 400),
        );
        exits.xlsx[outcome.code]++;
      }),
      { numRuns: XLSX_RUNS, seed: SEED },
    );
    for (const n of exits.xlsx) expect(n).toBeGreaterThan(XLSX_RUNS * 0.01);
  }, 1_800_000);
});
