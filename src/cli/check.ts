// `nianbao check`: read each file, run every rule, print the findings grouped by table (or one
// JSON document with --json). Exit 0: no error finding; 1: some file has one; 2: usage or a file
// that could not be read.
import { effectiveFormat, ReportInputError, type Profile, type RawValue, type Report } from '../report';
import type { Locale } from '../format';
import { formatMessage } from '../i18n';
import { summarize, validate, type Finding, type Summary } from '../rules';
import { readReportFile } from './read-file';
import { cliText } from './strings';
import type { CliIo } from './io';

export interface CheckOptions {
  readonly files: readonly string[];
  readonly json: boolean;
  readonly previous?: string;
  readonly overrides: Partial<Profile>;
  readonly locale: Locale;
  readonly currentYear?: number;
}

export interface JsonFinding {
  rule: string;
  severity: string;
  /** Stable across values: what a dismissal of this finding is stored under. */
  findingKey: string;
  cells: readonly string[];
  expected?: number;
  actual?: number;
  delta?: number;
  hints?: readonly string[];
  fix?: { cell: string; value: number };
  message: string;
}

export type JsonFileEntry =
  | {
      file: string;
      profile: Profile;
      values: Record<string, RawValue>;
      findings: JsonFinding[];
      summary: Summary;
    }
  | { file: string; error: string };

function toJsonFinding(f: Finding, report: Report, locale: Locale): JsonFinding {
  const out: JsonFinding = {
    rule: f.rule,
    severity: f.severity,
    findingKey: f.findingKey,
    cells: f.cells,
    message: '',
  };
  if (f.expected !== undefined) out.expected = f.expected;
  if (f.actual !== undefined) out.actual = f.actual;
  if (f.delta !== undefined) out.delta = f.delta;
  if (f.hints && f.hints.length > 0) out.hints = f.hints;
  if (f.fix) out.fix = { cell: f.fix.cell, value: f.fix.value };
  out.message = formatMessage(f, effectiveFormat(report.profile), locale);
  return out;
}

function errorText(err: unknown, locale: Locale): string {
  if (err instanceof ReportInputError) return err.localized(locale);
  return err instanceof Error ? err.message : String(err);
}

/** Which printed table a finding belongs to, for grouping: s2/s3/s4 or the report itself. */
function tableOf(f: Finding): 's2' | 's3' | 's4' | 'report' {
  const key = (f.cells[0] ?? '').replace(/^previous\./, '');
  const prefix = key.slice(0, 2);
  if (prefix === 's2' || prefix === 's3' || prefix === 's4') return prefix;
  if (f.rule.startsWith('S2-')) return 's2';
  if (f.rule.startsWith('S3-')) return 's3';
  if (f.rule.startsWith('S4-')) return 's4';
  return 'report';
}

const BLANK_LIST_LIMIT = 6;

function printHuman(
  io: CliIo,
  entry: JsonFileEntry,
  findings: readonly Finding[],
  report: Report | undefined,
  locale: Locale,
): void {
  const t = cliText(locale);
  if ('error' in entry) {
    io.out(`${entry.file}\n  ✖ ${entry.error}\n\n`);
    return;
  }
  const p = entry.profile;
  io.out(`${entry.file}  ${t.profileLine(p)}\n`);
  if (findings.length === 0) {
    io.out(`  ✔ ${t.noFindings}\n\n`);
    return;
  }
  const version = effectiveFormat(p);
  for (const group of ['report', 's2', 's3', 's4'] as const) {
    const list = findings.filter((f) => tableOf(f) === group);
    if (list.length === 0) continue;
    io.out(`  ${t.groupTitle(group)}\n`);
    const blanks = list.filter((f) => f.rule === 'CELL-BLANK');
    const collapseBlanks = blanks.length > BLANK_LIST_LIMIT;
    for (const f of list) {
      if (collapseBlanks && f.rule === 'CELL-BLANK') continue;
      io.out(`    ${t.severityMark(f.severity)} ${f.rule}  ${formatMessage(f, version, locale)}\n`);
    }
    if (collapseBlanks && report) {
      io.out(
        `    ${t.severityMark('error')} CELL-BLANK  ${t.manyBlanks(
          group,
          blanks.length,
          blanks.slice(0, 3).map((f) => f.cells[0]),
          version,
        )}\n`,
      );
    }
  }
  io.out(`  ${t.summary(entry.summary)}\n\n`);
}

export async function runCheck(options: CheckOptions, io: CliIo): Promise<number> {
  const { locale } = options;
  let previous: Report | undefined;
  let exit = 0;
  if (options.previous) {
    try {
      const entries = await readReportFile(options.previous);
      previous = entries[0]?.report;
    } catch (err) {
      io.err(`${cliText(locale).previousUnreadable(options.previous)}: ${errorText(err, locale)}\n`);
      return 2;
    }
  }
  const results: JsonFileEntry[] = [];
  for (const [i, file] of options.files.entries()) {
    if (options.files.length > 1) io.err(`[${i + 1}/${options.files.length}] ${file}\n`);
    let entries;
    try {
      entries = await readReportFile(file);
    } catch (err) {
      const entry: JsonFileEntry = { file, error: errorText(err, locale) };
      results.push(entry);
      if (!options.json) printHuman(io, entry, [], undefined, locale);
      exit = 2;
      continue;
    }
    for (const { file: name, report } of entries) {
      report.profile = { ...report.profile, ...options.overrides };
      if (previous) report.previous = previous;
      const profile: Profile = { ...report.profile, format: effectiveFormat(report.profile) };
      const findings = validate(report, options.currentYear ? { currentYear: options.currentYear } : {});
      const summary = summarize(findings);
      const entry: JsonFileEntry = {
        file: name,
        profile,
        values: report.values,
        findings: findings.map((f) => toJsonFinding(f, report, locale)),
        summary,
      };
      results.push(entry);
      if (!options.json) printHuman(io, entry, findings, report, locale);
      if (summary.errors > 0 && exit === 0) exit = 1;
    }
  }
  if (options.json) io.out(`${JSON.stringify({ files: results }, null, 2)}\n`);
  return exit;
}
