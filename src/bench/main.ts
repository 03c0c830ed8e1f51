// `npm run bench`: prints one JSON object of named figures. validate_us_median is one full 2021
// report through every rule, median over at least 10,000 random reports, valid and broken; the
// workbook figures time the template writer and reader on one filled 2021 report; docx_ms_median the
// Word skeleton of the same report (outline, snapshot part and .docx file).
import { buildLayout } from '../layout';
import { formatMessage } from '../i18n';
import { validate } from '../rules';
import { readWorkbookReports } from '../xlsx/read';
import { writeTemplate } from '../xlsx/write';
import { buildOutline } from '../outline';
import { buildSnapshotXml } from '../outline/snapshot';
import { writeDocx } from '../docx';
import { breakReport, randomValidReport, seededRandom, type Breakage } from './random-report';
import type { Report } from '../report';

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

async function main(): Promise<void> {
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
    checksum: bare.sink + withMessages.sink,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
