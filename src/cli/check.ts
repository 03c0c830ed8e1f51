// `nianbao check`: read each file, run every rule, print the findings grouped by table (or one
// JSON document with --json). Exit 0: no error finding; 1: some file has one; 2: usage or a file
// that could not be read. Names and texts from the files are printed escaped and shortened.
import { effectiveFormat, ReportInputError, type Profile, type RawValue, type Report } from '../report';
import { describeInputError, displayPath, displayText } from '../i18n';
import type { Locale } from '../format';
import { formatMessage } from '../i18n';
import { BLANK_LIST_LIMIT, findingTable, summarize, validate, type Finding, type Summary } from '../rules';
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
  /** NIANBAO_DEBUG: print the stack of a fault of ours to stderr. */
  readonly debug?: boolean;
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

/** A read failure in the user's language; anything but a ReportInputError is a fault of ours. */
export function errorText(err: unknown, locale: Locale): string {
  if (err instanceof ReportInputError) return describeInputError(err, locale);
  return cliText(locale).internalError;
}

/**
 * One message as printed: no control character from a file reaches the terminal, and no message
 * floods it (a 1 MB text cell quoted whole); the rules keep their own messages short, this is the
 * backstop. --json keeps the message as the rules wrote it.
 */
const line = (text: string): string => displayText(text, 1000);

function printHuman(
  io: CliIo,
  entry: JsonFileEntry,
  findings: readonly Finding[],
  report: Report | undefined,
  locale: Locale,
): void {
  const t = cliText(locale);
  if ('error' in entry) {
    io.out(`${displayPath(entry.file)}\n  ✖ ${line(entry.error)}\n\n`);
    return;
  }
  const p = entry.profile;
  io.out(`${displayPath(entry.file)}  ${t.profileLine(p)}\n`);
  if (findings.length === 0) {
    io.out(`  ✔ ${t.noFindings}\n\n`);
    return;
  }
  const version = effectiveFormat(p);
  for (const group of ['report', 's2', 's3', 's4'] as const) {
    const list = findings.filter((f) => findingTable(f) === group);
    if (list.length === 0) continue;
    io.out(`  ${t.groupTitle(group)}\n`);
    const blanks = list.filter((f) => f.rule === 'CELL-BLANK');
    const collapseBlanks = blanks.length > BLANK_LIST_LIMIT;
    for (const f of list) {
      if (collapseBlanks && f.rule === 'CELL-BLANK') continue;
      io.out(`    ${t.severityMark(f.severity)} ${f.rule}  ${line(formatMessage(f, version, locale))}\n`);
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

/** Last year's report for --previous, or the message why it cannot be used. */
async function readPrevious(file: string, locale: Locale): Promise<Report | string> {
  const t = cliText(locale);
  try {
    const entries = await readReportFile(file);
    if (entries.length !== 1) return t.previousSeveral(file, entries.length);
    return entries[0].report;
  } catch (err) {
    return t.previousUnreadable(file, errorText(err, locale));
  }
}

/** Why --previous cannot go with this report, if it cannot. */
function previousProblem(
  report: Report,
  previous: Report,
  previousFile: string,
  file: string,
  locale: Locale,
): string | undefined {
  const t = cliText(locale);
  if (report.previous) return t.previousWithEmbedded(file);
  const year = report.profile.year;
  const previousYear = previous.profile.year;
  if (year !== undefined && previousYear !== undefined && previousYear !== year - 1) {
    return t.previousYear(previousFile, previousYear, year);
  }
  return undefined;
}

export async function runCheck(options: CheckOptions, io: CliIo): Promise<number> {
  const { locale } = options;
  let previous: Report | undefined;
  let exit = 0;
  if (options.previous) {
    const read = await readPrevious(options.previous, locale);
    if (typeof read === 'string') {
      io.err(`${line(read)}\n`);
      if (options.json) io.out(`${JSON.stringify({ files: [], error: read }, null, 2)}\n`);
      return 2;
    }
    previous = read;
  }
  const results: JsonFileEntry[] = [];
  const failed = (file: string, error: string, cause?: unknown): void => {
    // Our own input errors need no stack; a library failure behind one (its cause) or a fault
    // of ours does.
    const underlying = cause instanceof ReportInputError ? cause.cause : cause;
    if (options.debug && underlying !== undefined) {
      io.err(`${underlying instanceof Error ? (underlying.stack ?? underlying.message) : String(underlying)}\n`);
    }
    const entry: JsonFileEntry = { file, error };
    results.push(entry);
    if (!options.json) printHuman(io, entry, [], undefined, locale);
    exit = 2;
  };
  for (const [i, file] of options.files.entries()) {
    if (options.files.length > 1) io.err(`[${i + 1}/${options.files.length}] ${displayPath(file)}\n`);
    let entries;
    try {
      entries = await readReportFile(file);
    } catch (err) {
      failed(file, errorText(err, locale), err);
      continue;
    }
    for (const { file: name, report } of entries) {
      report.profile = { ...report.profile, ...options.overrides };
      if (previous && options.previous) {
        const problem = previousProblem(report, previous, options.previous, name, locale);
        if (problem) {
          failed(name, problem);
          continue;
        }
        report.previous = previous;
      }
      let entry: JsonFileEntry;
      let findings: Finding[];
      try {
        const profile: Profile = { ...report.profile, format: effectiveFormat(report.profile) };
        findings = validate(report, options.currentYear ? { currentYear: options.currentYear } : {});
        const summary = summarize(findings);
        entry = {
          file: name,
          profile,
          values: report.values,
          findings: findings.map((f) => toJsonFinding(f, report, locale)),
          summary,
        };
      } catch (err) {
        // The rules never throw on bad data; if they do, that is our fault, said as such.
        failed(name, errorText(err, locale), err);
        continue;
      }
      results.push(entry);
      if (!options.json) printHuman(io, entry, findings, report, locale);
      if ('summary' in entry && entry.summary.errors > 0 && exit === 0) exit = 1;
    }
  }
  if (options.json) io.out(`${JSON.stringify({ files: results }, null, 2)}\n`);
  return exit;
}
