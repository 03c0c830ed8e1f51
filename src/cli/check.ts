// `nianbao check`: read each file, run every rule, print the findings grouped by table (or one
// JSON document with --json). Exit 0: no error finding; 1: some file has one; 2: usage or a file
// that could not be read. Names and texts from the files are printed escaped and shortened.
//
// A report read from its text (.txt, .html/.htm, .docx) is checked by the rules on values and by the
// text rules (validateText). What its reader could not read is said as notes ("读取说明"), not as
// findings: a cell not found is absent from `values` and not checked (no CELL-BLANK for it: it was
// not left blank, it was not read), while a cell found blank is null and CELL-BLANK speaks. With
// several files, progress goes to stderr (one line per file, or one line rewritten in place when
// stderr is a terminal) and a summary of the run ends the output.
import { effectiveFormat, ReportInputError, type Profile, type RawValue, type Report } from '../report';
import { describeInputError, displayPath, displayText } from '../i18n';
import type { FormatVersion, Locale } from '../format';
import { formatMessage } from '../i18n';
import {
  BLANK_LIST_LIMIT,
  findingTable,
  summarize,
  validate,
  validateText,
  type Finding,
  type Summary,
} from '../rules';
import { readReportFile, SourceDamagedError, type ImportNotes, type ReadEntry } from './read-file';
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

/** A note on what the reader of a text could not read: the importer's problem and its message. */
export type JsonNote = { code: string; message: string } & Record<string, unknown>;

export type JsonFileEntry =
  | {
      file: string;
      profile: Profile;
      values: Record<string, RawValue>;
      findings: JsonFinding[];
      summary: Summary;
      /** Reports read from a text: the cells not found (absent from `values`, not checked). */
      notFound?: readonly string[];
      /** Reports read from a text: what could not be read with certainty. */
      notes?: JsonNote[];
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

/** A read failure in the user's language; anything but an input error is a fault of ours. */
export function errorText(err: unknown, locale: Locale): string {
  if (err instanceof ReportInputError) return describeInputError(err, locale);
  if (err instanceof SourceDamagedError) return cliText(locale).docxDamaged(err.file);
  return cliText(locale).internalError;
}

/** Notes printed per report at most; the rest are counted (all are in --json). */
const NOTE_LIMIT = 12;

/** The importer's notes in the user's language, as printed and as --json carries them. */
function notesOf(imported: ImportNotes, version: FormatVersion, locale: Locale): JsonNote[] {
  const t = cliText(locale);
  return imported.problems.map((problem) => ({ ...problem, message: t.note(problem, version) }));
}

/**
 * One message as printed: no control character from a file reaches the terminal, and no message
 * floods it (a 1 MB text cell quoted whole); the rules keep their own messages short, this is the
 * backstop. --json keeps the message as the rules wrote it.
 */
const line = (text: string): string => displayText(text, 1000);

/** Where a finding is printed: under its table, the report, or the text (the text rules). */
type PrintGroup = 'report' | 's2' | 's3' | 's4' | 'text';

const groupOf = (f: Finding): PrintGroup => (f.rule.startsWith('TEXT-') ? 'text' : findingTable(f));

function printNotes(io: CliIo, entry: Extract<JsonFileEntry, { summary: Summary }>, locale: Locale): void {
  const t = cliText(locale);
  const notes = entry.notes ?? [];
  const notFound = entry.notFound ?? [];
  if (notes.length === 0 && notFound.length === 0) return;
  io.out(`  ${t.notesTitle}\n`);
  const mark = t.severityMark('info').split(' ')[0];
  for (const note of notes.slice(0, NOTE_LIMIT)) io.out(`    ${mark} ${line(note.message)}\n`);
  if (notes.length > NOTE_LIMIT) io.out(`    ${mark} …（+${notes.length - NOTE_LIMIT}）\n`);
  if (notFound.length > 0) {
    io.out(`    ${mark} ${line(t.notFound(notFound.length, notFound.slice(0, 3), effectiveFormat(entry.profile)))}\n`);
  }
}

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
  printNotes(io, entry, locale);
  if (findings.length === 0) {
    io.out(`  ✔ ${t.noFindings}\n\n`);
    return;
  }
  const version = effectiveFormat(p);
  for (const group of ['report', 's2', 's3', 's4', 'text'] as const) {
    const list = findings.filter((f) => groupOf(f) === group);
    if (list.length === 0) continue;
    io.out(`  ${group === 'text' ? t.textGroupTitle : t.groupTitle(group)}\n`);
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

/**
 * Progress on stderr while several files are read: a line per file, or, on a terminal, one line
 * rewritten in place and cleared before anything is printed on stdout. Never on stdout.
 */
function progressOf(io: CliIo, total: number): { show(i: number, file: string): void; clear(): void } {
  if (total <= 1) return { show: () => undefined, clear: () => undefined };
  if (io.errIsTTY) {
    // Short enough not to wrap (a CJK character takes two columns): a wrapped line cannot be rewritten.
    let shown = false;
    return {
      show: (i, file) => {
        io.err(`\r\u001b[K[${i}/${total}] ${displayPath(file, 36)}`);
        shown = true;
      },
      clear: () => {
        if (shown) io.err('\r\u001b[K');
        shown = false;
      },
    };
  }
  return { show: (i, file) => io.err(`[${i}/${total}] ${displayPath(file)}\n`), clear: () => undefined };
}

/** Every finding on a report: the value rules, then the text rules (the catalogue's order). */
function findingsOf(entry: ReadEntry, currentYear: number | undefined): Finding[] {
  const options = currentYear ? { currentYear } : {};
  const values = validate(entry.report, options);
  const text = validateText(entry.report, options);
  const notFound = entry.imported?.notFound;
  // A cell the reader did not find was not left blank: the notes say it was not read.
  const found =
    notFound && notFound.length > 0
      ? ((keys) => values.filter((f) => !(f.rule === 'CELL-BLANK' && keys.has(f.cells[0]))))(new Set(notFound))
      : values;
  return text.length > 0 ? [...found, ...text] : found;
}

export async function runCheck(options: CheckOptions, io: CliIo): Promise<number> {
  const { locale } = options;
  const t = cliText(locale);
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
  const progress = progressOf(io, options.files.length);
  const failed = (file: string, error: string, cause?: unknown): void => {
    // Our own input errors need no stack; a library failure behind one (its cause) or a fault
    // of ours does.
    const underlying = cause instanceof ReportInputError || cause instanceof SourceDamagedError ? cause.cause : cause;
    if (options.debug && underlying !== undefined) {
      progress.clear();
      io.err(`${underlying instanceof Error ? (underlying.stack ?? underlying.message) : String(underlying)}\n`);
    }
    const entry: JsonFileEntry = { file, error };
    results.push(entry);
    if (!options.json) printHuman(io, entry, [], undefined, locale);
    exit = 2;
  };
  for (const [i, file] of options.files.entries()) {
    progress.show(i + 1, file);
    let entries: ReadEntry[];
    try {
      entries = await readReportFile(file);
    } catch (err) {
      progress.clear();
      failed(file, errorText(err, locale), err);
      continue;
    }
    for (const read of entries) {
      const { file: name, report } = read;
      report.profile = { ...report.profile, ...options.overrides };
      if (previous && options.previous) {
        const problem = previousProblem(report, previous, options.previous, name, locale);
        if (problem) {
          progress.clear();
          failed(name, problem);
          continue;
        }
        report.previous = previous;
      }
      let entry: JsonFileEntry;
      let findings: Finding[];
      try {
        const version = effectiveFormat(report.profile);
        const profile: Profile = { ...report.profile, format: version };
        findings = findingsOf(read, options.currentYear);
        const summary = summarize(findings);
        entry = {
          file: name,
          profile,
          values: report.values,
          findings: findings.map((f) => toJsonFinding(f, report, locale)),
          summary,
          ...(read.imported
            ? { notFound: read.imported.notFound, notes: notesOf(read.imported, version, locale) }
            : {}),
        };
      } catch (err) {
        // The rules never throw on bad data; if they do, that is our fault, said as such.
        progress.clear();
        failed(name, errorText(err, locale), err);
        continue;
      }
      results.push(entry);
      progress.clear();
      if (!options.json) printHuman(io, entry, findings, report, locale);
      if ('summary' in entry && entry.summary.errors > 0 && exit === 0) exit = 1;
    }
  }
  progress.clear();
  if (options.json) io.out(`${JSON.stringify({ files: results }, null, 2)}\n`);
  if (options.files.length > 1) {
    const summary = t.runSummary(runSummaryOf(results));
    // The end of a run: on stdout with the findings, on stderr beside the JSON document.
    if (options.json) io.err(`${summary}\n`);
    else io.out(`${summary}\n`);
  }
  return exit;
}

function runSummaryOf(results: readonly JsonFileEntry[]): Parameters<ReturnType<typeof cliText>['runSummary']>[0] {
  let reports = 0;
  let withErrors = 0;
  let withWarningsOnly = 0;
  let unreadable = 0;
  let withNotes = 0;
  let errors = 0;
  let warnings = 0;
  for (const entry of results) {
    if ('error' in entry) {
      unreadable++;
      continue;
    }
    reports++;
    errors += entry.summary.errors;
    warnings += entry.summary.warnings;
    if (entry.summary.errors > 0) withErrors++;
    else if (entry.summary.warnings > 0) withWarningsOnly++;
    if ((entry.notes?.length ?? 0) > 0 || (entry.notFound?.length ?? 0) > 0) withNotes++;
  }
  return { reports, withErrors, withWarningsOnly, unreadable, withNotes, errors, warnings };
}
