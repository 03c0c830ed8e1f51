// The last step both importers share: the tables read, the prose and its profile → ImportResult
// (report with values, profile, sourceFormat and text; the keys not found; every problem, in order:
// tables, rows, cells, profile).
import { getFormat, type FormatVersion } from '../format';
import type { Profile, RawValue, Report, ReportText } from '../report';
import { readFigures, readHeadings, readPeriod, readPublished, readTitle, type PeriodReading } from './prose';
import { rowLabel, type TableKey, type TableReading } from './read-rows';
import type { ImportProblem, ImportResult } from './types';

export interface TablesRead {
  readonly s2?: TableReading;
  readonly s3?: TableReading;
  readonly s4?: TableReading;
  /** Tables whose region was found. */
  readonly found: ReadonlySet<TableKey>;
  /** The table the text ends inside, if it is cut off. */
  readonly truncated?: TableKey;
  /** Versions the tables' own rows and headers say. */
  readonly s2Version?: FormatVersion;
  readonly s3Version?: FormatVersion;
}

/** Title, period and date of the prose (read before the tables: the year may decide the version). */
export interface ProfileReading {
  readonly profile: Profile;
  readonly period?: PeriodReading;
  readonly problems: ImportProblem[];
}

/** The profile from the title, the statistical period and the date the report is signed. */
export function readProfile(lines: readonly string[]): ProfileReading {
  const problems: ImportProblem[] = [];
  const title = readTitle(lines);
  const period = readPeriod(lines);
  const published = readPublished(lines);
  const profile: Profile = {};
  if (title?.agency) profile.agency = title.agency;
  else problems.push({ code: 'PROFILE_NOT_FOUND', field: 'agency' });
  const year = title?.year ?? period?.year;
  if (year !== undefined) profile.year = year;
  if (published) profile.published = published.date;
  if (year === undefined) {
    // Reports are published by the end of the next January (条例 第四十九条): a date in its first
    // months names the year before.
    const [y, m] = published ? published.date.split('-').map(Number) : [];
    if (published && y !== undefined && m !== undefined && m <= 3) {
      profile.year = y - 1;
      problems.push({ code: 'PROFILE_INFERRED', field: 'year', from: 'published', text: published.text });
    } else problems.push({ code: 'PROFILE_NOT_FOUND', field: 'year' });
  }
  return { profile, ...(period ? { period } : {}), problems };
}

const TABLES: readonly TableKey[] = ['s2', 's3', 's4'];

function rowsOfTable(table: TableKey, version: FormatVersion): string[] {
  const format = getFormat(version);
  if (table === 's2') return format.s2.blocks.flatMap((b) => b.rows.map((r) => r.key));
  if (table === 's3') return format.s3.rows.map((r) => r.key);
  return ['data'];
}

/**
 * The result. `prose` are the lines of the text (or the blocks of a document) with the tables'
 * lines blanked, so that a line number means the same in the text and in `report.text.lines`.
 */
export function assemble(
  prose: readonly string[],
  profileReading: ProfileReading,
  tables: TablesRead,
  version: { readonly tables?: FormatVersion; readonly report: FormatVersion },
  extra: readonly ImportProblem[] = [],
  tagged?: Readonly<Record<string, RawValue>>,
): ImportResult {
  const problems: ImportProblem[] = [];
  const values: Record<string, RawValue> = {};
  const tableProblems: ImportProblem[] = [];
  let cut = false;
  for (const table of TABLES) {
    const reading = tables[table];
    const tableVersion =
      (table === 's2' ? tables.s2Version : table === 's3' ? tables.s3Version : undefined) ?? version.report;
    if (cut) {
      tableProblems.push({ code: 'TABLE_NOT_FOUND', table });
      continue;
    }
    const seen = reading?.rowsSeen ?? new Set<string>();
    if (!tables.found.has(table) || !reading || seen.size === 0) {
      if (reading) tableProblems.push(...reading.problems);
      if (tables.truncated === table) {
        tableProblems.push({ code: 'TRUNCATED', table });
        cut = true;
      } else tableProblems.push({ code: 'TABLE_NOT_FOUND', table });
      continue;
    }
    Object.assign(values, reading.values);
    tableProblems.push(...reading.problems);
    const rows = rowsOfTable(table, tableVersion);
    const truncatedHere = tables.truncated === table;
    const lastSeen = rows.reduce((last, row, i) => (seen.has(row) ? i : last), -1);
    rows.forEach((row, i) => {
      if (seen.has(row) || table === 's4') return;
      if (truncatedHere && i > lastSeen) return;
      tableProblems.push({ code: 'ROW_NOT_FOUND', table, label: rowLabel(table, row, tableVersion) });
    });
    if (truncatedHere && lastSeen < rows.length - 1) {
      tableProblems.push({ code: 'TRUNCATED', table });
      cut = true;
    }
  }
  if (tagged) Object.assign(values, tagged);
  problems.push(...tableProblems, ...extra, ...profileReading.problems);

  const format = getFormat(version.report);
  const notFound = format.cells.filter((c) => !(c.key in values)).map((c) => c.key);
  const text: ReportText = {
    headings: readHeadings(prose),
    lines: prose,
    figures: readFigures(prose),
    ...(profileReading.period ? { period: profileReading.period.text } : {}),
  };
  const report: Report = {
    profile: { ...profileReading.profile, format: version.report },
    values,
    ...(version.tables ? { sourceFormat: version.tables } : {}),
    text,
  };
  return { report, notFound, problems };
}
