// `npm run bench`: prints one JSON object of named figures. validate_us_median is one full 2021
// report through every rule, median over at least 10,000 random reports, valid and broken; the
// workbook figures time the template writer and reader on one filled 2021 report; docx_ms_median the
// Word skeleton of the same report (outline, snapshot part and .docx file). import_reports_per_s: the
// published reports of ../shared/reports/seeds and the importer's layout fixtures (test/fixtures/import:
// .txt, .html/.htm, .docx), each read from its bytes (decoded, imported) and checked (validate and the
// text rules), one after another in this one process, for at least IMPORT_MIN_MS; reports per second.
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { buildLayout } from '../layout';
import { formatMessage } from '../i18n';
import { validate, validateText } from '../rules';
import { extensionOf, importedEntry, readReportBytes, type ReadEntry } from '../xlsx/report-file';
import { importSource } from '../import';
import { mergeDetail, mergeReports, type MergeUnit } from '../merge';
import { docxSource } from '../docx';
import { readWorkbookReports } from '../xlsx/read';
import { writeTemplate } from '../xlsx/write';
import { buildOutline } from '../outline';
import { buildSnapshotXml } from '../outline/snapshot';
import { writeDocx } from '../docx';
import { breakReport, randomValidReport, seededRandom, type Breakage } from './random-report';
import { ReportInputError, type Report } from '../report';

const REPORTS = 10000;
const WARMUP = 2000;
const BREAKAGES: readonly Breakage[] = ['none', 'none', 'number', 'blank', 'text', 'negative'];

function makeReports(count: number, seed: number): Report[] {
  const rand = seededRandom(seed);
  const reports: Report[] = [];
  for (let i = 0; i < count; i++) {
    const report = randomValidReport(rand, '2021');
    breakReport(report, rand, BREAKAGES[i % BREAKAGES.length]);
    reports.push(report);
  }
  return reports;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function timeEach(reports: readonly Report[], work: (r: Report) => number): { times: Float64Array; sink: number } {
  const times = new Float64Array(reports.length);
  let sink = 0;
  for (let i = 0; i < reports.length; i++) {
    const start = process.hrtime.bigint();
    sink += work(reports[i]);
    times[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  times.sort();
  return { times, sink };
}

const WORKBOOK_RUNS = 20;

async function medianMs(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const start = process.hrtime.bigint();
    await work();
    if (i >= 3) times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] * 10) / 10;
}

async function workbookFigures(): Promise<Record<string, number>> {
  const report = randomValidReport(seededRandom(3), '2021');
  const sheets = [
    { layout: buildLayout({ version: '2021', year: 2024, agency: '基准测试局' }), values: report.values },
  ];
  const bytes = await writeTemplate(sheets);
  const docxReport: Report = {
    ...report,
    profile: { agency: '基准测试局', year: 2024, format: '2021', kind: 'government' },
  };
  const docx = async (): Promise<Uint8Array> => {
    const outline = buildOutline(docxReport);
    return writeDocx(outline, { snapshotXml: buildSnapshotXml({ report: docxReport, outline, generated: 'bench' }) });
  };
  return {
    write_template_ms_median: await medianMs(WORKBOOK_RUNS, () => writeTemplate(sheets)),
    read_workbook_ms_median: await medianMs(WORKBOOK_RUNS, () => readWorkbookReports(bytes, 'bench.xlsx')),
    template_bytes: bytes.length,
    docx_ms_median: await medianMs(WORKBOOK_RUNS, docx),
  };
}

const MERGE_UNITS = 50;

/**
 * merge_50_units_ms: what `nianbao merge` does with 50 unit workbooks once their bytes are read from
 * disk — each read as a report, the 50 merged, the merged report checked, and the merged workbook
 * (template and 汇总明细) written — median of the runs.
 */
async function mergeFigures(): Promise<Record<string, number>> {
  const units = await Promise.all(
    Array.from({ length: MERGE_UNITS }, async (_, i) => {
      const report = randomValidReport(seededRandom(500 + i), '2021');
      const layout = buildLayout({ version: '2021', year: 2024, agency: `基准单位${i + 1}`, kind: 'department' });
      return { file: `unit-${i + 1}.xlsx`, bytes: await writeTemplate([{ layout, values: report.values }]) };
    }),
  );
  const once = async (): Promise<number> => {
    const read: MergeUnit[] = [];
    for (const u of units)
      for (const e of await readReportBytes(u.file, u.bytes)) read.push({ file: u.file, report: e.report });
    const result = mergeReports(read, { currentYear: 2026, agency: '基准测试县人民政府' });
    const findings = validate(result.report, { currentYear: 2026 });
    const detail = mergeDetail(result, 'zh-CN');
    const layout = buildLayout({ version: '2021', year: 2024, agency: '基准测试县人民政府' });
    const bytes = await writeTemplate(
      [{ layout, values: result.report.values }],
      [{ name: detail.name, rows: detail.rows, widths: detail.widths }],
    );
    if (result.units.filter((u) => u.included).length !== MERGE_UNITS || findings.some((f) => f.severity === 'error'))
      throw new Error('the bench merge is not of 50 consistent units');
    return bytes.length;
  };
  return { merge_50_units_ms: await medianMs(5, once) };
}

/** The project root: the folder above dist/node/bench (the build) or src/bench (ts-node, tests). */
function projectRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'src'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

/** ../shared beside the project (the spec, the seeds), found by walking up as the tests do. */
function sharedDir(root: string): string | undefined {
  for (let dir = root; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, '..', 'shared');
    if (existsSync(path.join(candidate, 'reports', 'seeds'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

const IMPORT_KINDS = new Set(['.txt', '.html', '.htm', '.docx']);
const IMPORT_MIN_MS = 2000;
const IMPORT_MIN_PASSES = 5;
const IMPORT_WARM_MS = 1000;

interface ImportInput {
  readonly file: string;
  readonly bytes: Uint8Array;
}

function importInputs(): ImportInput[] {
  const root = projectRoot();
  const shared = sharedDir(root);
  const dirs = [
    ...(shared ? [path.join(shared, 'reports', 'seeds')] : []),
    path.join(root, 'test', 'fixtures', 'import'),
    path.join(root, 'test', 'fixtures', 'docx'),
  ];
  const inputs: ImportInput[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (IMPORT_KINDS.has(extensionOf(entry.name))) {
        inputs.push({ file: entry.name, bytes: new Uint8Array(readFileSync(full)) });
      }
    }
  };
  dirs.forEach(walk);
  return inputs;
}

/** One file read from its bytes as `nianbao check` reads it: a .docx through the draft reader. */
async function readImport(input: ImportInput): Promise<ReadEntry[]> {
  if (extensionOf(input.file) === '.docx') {
    return [importedEntry(input.file, importSource(await docxSource(input.bytes, input.file)))];
  }
  return readReportBytes(input.file, input.bytes);
}

async function importFigures(): Promise<Record<string, number>> {
  const inputs = importInputs();
  if (inputs.length === 0) return {};
  const options = { currentYear: 2026 };
  let findings = 0;
  // The inputs that read: a fixture may be unreadable on purpose (binary junk named .txt), and a
  // refusal is not a report checked.
  const readable: ImportInput[] = [];
  for (const input of inputs) {
    try {
      await readImport(input);
      readable.push(input);
    } catch (err) {
      if (!(err instanceof ReportInputError)) throw err;
    }
  }
  const pass = async (): Promise<number> => {
    let reports = 0;
    for (const input of readable) {
      for (const entry of await readImport(input)) {
        findings += validate(entry.report, options).length + validateText(entry.report, options).length;
        reports++;
      }
    }
    return reports;
  };
  // Warm for a second first: a bulk check of hundreds of reports runs in this steady state, and the
  // importer's many small functions are only optimised after some hundreds of reports.
  let warmPasses = 0;
  for (const warmStart = Date.now(); warmPasses < 3 || Date.now() - warmStart < IMPORT_WARM_MS; warmPasses++)
    await pass();
  let reports = 0;
  let passes = 0;
  const start = process.hrtime.bigint();
  let elapsedMs = 0;
  while (passes < IMPORT_MIN_PASSES || elapsedMs < IMPORT_MIN_MS) {
    reports += await pass();
    passes++;
    elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return {
    import_reports_per_s: Math.round(reports / (elapsedMs / 1000)),
    import_files: readable.length,
    import_files_refused: inputs.length - readable.length,
    import_findings_per_pass: Math.round(findings / (passes + warmPasses)),
  };
}

async function main(): Promise<void> {
  // First, while the heap is small: the 12,000 random reports below would make the collector's
  // pauses part of this figure.
  const imported = await importFigures();
  const warm = makeReports(WARMUP, 1);
  for (const r of warm) validate(r, { currentYear: 2026 });
  const reports = makeReports(REPORTS, 2);
  const broken = reports.filter((r) => validate(r, { currentYear: 2026 }).some((f) => f.severity === 'error')).length;
  const bare = timeEach(reports, (r) => validate(r, { currentYear: 2026 }).length);
  const withMessages = timeEach(reports, (r) =>
    validate(r, { currentYear: 2026 }).reduce((n, f) => n + formatMessage(f, '2021', 'zh-CN').length, 0),
  );
  const memory = process.memoryUsage();
  const figures = {
    validate_us_median: Math.round(percentile(bare.times, 0.5) * 100) / 100,
    validate_us_p95: Math.round(percentile(bare.times, 0.95) * 100) / 100,
    validate_with_messages_us_median: Math.round(percentile(withMessages.times, 0.5) * 100) / 100,
    reports: REPORTS,
    reports_with_errors: broken,
    heap_used_mb: Math.round((memory.heapUsed / 1048576) * 10) / 10,
    node: process.version,
    ...(await workbookFigures()),
    ...(await mergeFigures()),
    ...imported,
    checksum: bare.sink + withMessages.sink,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
