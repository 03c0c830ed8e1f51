// `nianbao merge`: 汇总 — the reports of subordinate units (any readable kind) added up into one
// report, written as the official template (with its in-sheet checks) and a 汇总明细 sheet with one
// column per unit for every cell. The missing units (--expect), the repeated ones, those of another
// year or format and those whose tables do not add up are named. Exit 0: written and nothing wrong;
// 1: written, but a unit is missing, left out or inconsistent, or the merge has an error; 2: usage,
// nothing to merge, or the output cannot be written.
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Locale } from '../format';
import { displayText, formatMessage } from '../i18n';
import { layoutOfProfile } from '../layout';
import { describeMergeNote, mergeDetail, mergeReports, unitsOfFile, type MergeResult, type MergeUnit } from '../merge';
import { effectiveFormat, ReportInputError, type Profile, type Report } from '../report';
import { summarize, validate, type Finding } from '../rules';
import { decodeText } from '../report/decode-text';
import { writeTemplate, type PlainSheet } from '../xlsx/write';
import { readRegularFile, readReportFile } from './read-file';
import { errorText } from './check';
import { cliText } from './strings';
import type { CliIo } from './io';

export interface MergeCliOptions {
  readonly files: readonly string[];
  readonly out?: string;
  readonly expect?: string;
  readonly json: boolean;
  /** --year, --format, --agency, --kind: of the merged report. */
  readonly overrides: Partial<Profile>;
  readonly force: boolean;
  readonly locale: Locale;
  readonly currentYear?: number;
  readonly cwd?: string;
}

/** The names of --expect: one a line, blank lines and `#` comments left out, in any text encoding. */
async function readExpect(file: string, locale: Locale): Promise<string[] | string> {
  const t = cliText(locale);
  try {
    // Read as every input is: a regular file only, within a limit, each failure in the user's words.
    const bytes = await readRegularFile(file, EXPECT_LIMIT, path.extname(file).toLowerCase() || '.txt');
    const decoded = decodeText(bytes);
    if (!decoded.ok) throw new ReportInputError('TEXT_ENCODING', { file, problem: decoded.problem });
    return decoded.text
      .split(/\r\n|\r|\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
  } catch (err) {
    return t.mergeExpectUnreadable(file, errorText(err, locale));
  }
}

/** A list of units is a few KB. */
const EXPECT_LIMIT = 1024 * 1024;

/** The 汇总明细 sheet as the file writer takes it. */
function detailSheet(result: MergeResult, locale: Locale): PlainSheet {
  const detail = mergeDetail(result, locale);
  return {
    name: detail.name,
    rows: detail.rows,
    widths: detail.widths,
    frozen: { rows: detail.headerRows, columns: detail.headerColumns },
    boldRows: [0],
  };
}

interface JsonMerge {
  out?: string;
  profile: Profile;
  values: Report['values'];
  findings: { rule: string; severity: string; cells: readonly string[]; message: string }[];
  units: {
    name: string;
    file: string;
    included: boolean;
    excluded?: string;
    year?: number;
    format?: string;
    errors: number;
    warnings: number;
    sameAsLastYear?: boolean;
  }[];
  unreadable: { file: string; error: string }[];
  missing: readonly string[];
  duplicates: MergeResult['duplicates'];
  blanks: MergeResult['blanks'];
  inconsistent: MergeResult['inconsistent'];
  notes: { code: string; severity: string; message: string }[];
  error?: string;
}

export async function runMerge(options: MergeCliOptions, io: CliIo): Promise<number> {
  const { locale } = options;
  const t = cliText(locale);
  const cwd = options.cwd ?? process.cwd();
  const fail = (message: string): number => {
    io.err(`${message}\n`);
    if (options.json) io.out(`${JSON.stringify({ error: message }, null, 2)}\n`);
    return 2;
  };
  const out = options.out ? path.resolve(cwd, options.out) : undefined;
  if (!out) return fail(t.mergeNoOut);
  if (path.extname(out).toLowerCase() !== '.xlsx') return fail(t.mergeNotXlsx(out));
  let expect: string[] | undefined;
  if (options.expect) {
    const read = await readExpect(path.resolve(cwd, options.expect), locale);
    if (typeof read === 'string') return fail(read);
    expect = read;
  }

  const units: MergeUnit[] = [];
  const unreadable: { file: string; error: string }[] = [];
  const many = options.files.length > 1;
  for (const [i, file] of options.files.entries()) {
    if (many) io.err(`[${i + 1}/${options.files.length}] ${displayText(file, 80)}\n`);
    try {
      const full = path.resolve(cwd, file);
      // As the user named it (a workbook's sheet after '#').
      units.push(...unitsOfFile(await readReportFile(full)).map((u) => ({ ...u, file: u.file.replace(full, file) })));
    } catch (err) {
      unreadable.push({ file, error: errorText(err, locale) });
    }
  }
  const currentYear = options.currentYear ?? new Date().getFullYear();
  const result = mergeReports(units, {
    currentYear,
    agency: options.overrides.agency ?? t.mergeAgency(undefined),
    ...(options.overrides.year !== undefined ? { year: options.overrides.year } : {}),
    ...(options.overrides.format !== undefined ? { format: options.overrides.format } : {}),
    ...(options.overrides.kind !== undefined ? { kind: options.overrides.kind } : {}),
    ...(expect ? { expect } : {}),
  });
  const included = result.units.filter((u) => u.included);
  const findings: Finding[] = included.length > 0 ? validate(result.report, { currentYear }) : [];
  const version = effectiveFormat(result.report.profile);

  let written = false;
  if (included.length > 0) {
    const layout = layoutOfProfile({ ...result.report.profile, format: version });
    const sheets = [{ layout, values: result.report.values }];
    const bytes = await writeTemplate(sheets, [detailSheet(result, locale)]);
    try {
      await fs.writeFile(out, bytes, { flag: options.force ? 'w' : 'wx' });
      written = true;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return fail(code === 'EEXIST' ? t.templateExists(out) : t.templateUnwritable(out, t.writeReason(String(code))));
    }
  }

  const notes = result.notes.map((n) => ({
    code: n.code,
    severity: n.severity,
    message: describeMergeNote(n, locale),
  }));
  const summary = summarize(findings);
  const trouble =
    unreadable.length > 0 ||
    result.notes.some((n) => n.severity === 'error') ||
    result.units.some((u) => !u.included || u.errors > 0) ||
    summary.errors > 0;

  if (options.json) {
    const doc: JsonMerge = {
      ...(written ? { out } : {}),
      profile: { ...result.report.profile, format: version },
      values: result.report.values,
      findings: findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        cells: f.cells,
        message: formatMessage(f, version, locale),
      })),
      units: result.units.map((u) => ({
        name: u.name,
        file: u.file,
        included: u.included,
        ...(u.excluded ? { excluded: u.excluded } : {}),
        ...(u.year !== undefined ? { year: u.year } : {}),
        ...(u.format ? { format: u.format } : {}),
        errors: u.errors,
        warnings: u.warnings,
        ...(u.sameAsLastYear !== undefined ? { sameAsLastYear: u.sameAsLastYear } : {}),
      })),
      unreadable,
      missing: result.missing,
      duplicates: result.duplicates,
      blanks: result.blanks,
      inconsistent: result.inconsistent,
      notes,
      ...(written ? {} : { error: t.mergeNothing }),
    };
    io.out(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    io.out(`${t.mergeUnitsTitle}\n`);
    for (const u of result.units) io.out(`  ${t.mergeUnit(u)}\n`);
    for (const u of unreadable) io.out(`  ✖ ${displayText(t.mergeUnreadable(u.file, u.error), 1000)}\n`);
    if (notes.length > 0) {
      io.out(`\n${t.mergeNotesTitle}\n`);
      for (const n of notes)
        io.out(`  ${t.severityMark(n.severity as Finding['severity'])} ${displayText(n.message, 1000)}\n`);
    }
    if (written) {
      io.out(`\n${t.mergeResultTitle}\n`);
      if (findings.length === 0) io.out(`  ✔ ${t.noFindings}\n`);
      for (const f of findings)
        io.out(`  ${t.severityMark(f.severity)} ${f.rule}  ${displayText(formatMessage(f, version, locale), 1000)}\n`);
      io.out(`\n${t.mergeWritten(out, included.length, units.length)}\n`);
    }
  }
  if (!written) {
    io.err(`${t.mergeNothing}\n`);
    return 2;
  }
  return trouble ? 1 : 0;
}
