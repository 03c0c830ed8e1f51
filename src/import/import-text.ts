// importText: the text of a published report (copied from a web page, extracted from a PDF) → the
// report. Finds the three tables' regions, reads their rows in whichever layout the text prints them,
// tells the version, and reads the prose around them. Never throws: what it cannot read it leaves
// out and says.
import type { FormatVersion } from '../format';
import type { RawValue } from '../report';
import { assemble, readProfile, type TablesRead } from './assemble';
import { headingOfLine } from './headings';
import { citedFormat } from './prose';
import {
  matchRows,
  readS4Rows,
  readTableRows,
  versionOfRows,
  type RowCandidate,
  type TableKey,
  type TableReading,
} from './read-rows';
import { findRegions, isProse, isRuleLine, regionRows, type Region } from './text-layout';
import type { ImportProblem, ImportResult } from './types';
import { decideVersion, versionOfS2Words } from './version';

export interface ImportTextOptions {
  /** Shown in messages: the file name. */
  readonly file?: string;
}

/** Lines as the text has them (CR LF, CR or LF). */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/** Lines of a region that are the table's own: from its first table line to the last row read. */
function tableLinesOf(lines: readonly string[], region: Region, used: readonly number[], out: Set<number>): void {
  if (used.length === 0) return;
  let last = used[0];
  for (const line of used) if (line > last) last = line;
  for (let i = region.start; i <= last && i < region.end; i++) {
    const line = lines[i];
    if (line.trim() === '' || isProse(line)) continue;
    if (headingOfLine(line)?.section !== undefined) continue;
    out.add(i);
  }
  // A rule of dashes under the table's last row is the table's.
  for (let i = last + 1; i < region.end && (lines[i].trim() === '' || isRuleLine(lines[i])); i++) {
    if (lines[i].trim() !== '') out.add(i);
  }
}

export interface ReadLinesOptions {
  /** The lines' tables are a source's grids written out with tabs: every field is a cell. */
  readonly grid?: boolean;
  /** Figures taken exactly (tagged content controls), over what the tables say. */
  readonly tagged?: Readonly<Record<string, RawValue>>;
  readonly problems?: readonly ImportProblem[];
  /** The version the tagged figures' keys say, when the tables say none. */
  readonly taggedVersion?: FormatVersion;
  /** The source says it ends inside its last table (SourceDocument.truncated). */
  readonly truncated?: boolean;
}

/** The reader both importers share, over lines (a text's, or a source document's written out). */
export function readLines(lines: readonly string[], options: ReadLinesOptions = {}): ImportResult {
  const grid = options.grid === true;
  const profile = readProfile(lines);
  const regions = findRegions(lines);
  const byTable = new Map<
    TableKey,
    { region: Region; candidates: RowCandidate[]; lineMode: boolean; columns?: readonly number[] }
  >();
  // A text cut off in a line (no line break at its end) may have cut its last figure short (45 → 4):
  // a row on that last line is not read.
  const lastLine = lines.length - 1;
  const cutShort = !grid && lastLine >= 0 && lines[lastLine] !== '';
  for (const region of regions) {
    if (byTable.has(region.table)) continue;
    const rows = regionRows(lines, region, grid);
    const candidates =
      cutShort && !region.bounded ? rows.candidates.filter((c) => c.lastLine < lastLine) : rows.candidates;
    byTable.set(region.table, {
      region,
      lineMode: rows.lineMode,
      candidates,
      ...(rows.columns ? { columns: rows.columns } : {}),
    });
  }

  const s2 = byTable.get('s2');
  const s3 = byTable.get('s3');
  const s4 = byTable.get('s4');
  const s2Rows = s2 ? matchRows('s2', s2.candidates) : [];
  const s3Rows = s3 ? matchRows('s3', s3.candidates) : [];
  const s2Version: FormatVersion | undefined =
    (s2 ? versionOfS2Words(lines.slice(s2.region.start, s2.region.end)) : undefined) ?? versionOfRows(s2Rows);
  const s3Version = versionOfRows(s3Rows);
  const cited = citedFormat(lines);
  const year = profile.profile.year;
  const version = decideVersion({
    ...(s3Version ? { s3: s3Version } : s2Version ? {} : options.taggedVersion ? { s3: options.taggedVersion } : {}),
    ...(s2Version ? { s2: s2Version } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(cited ? { cited } : {}),
  });

  // A grid shows every cell, and so does a one-cell-per-line text (its doubts are dropped); a
  // row-per-line text's empty fields are trusted per table, when every row is exactly as wide.
  const trust = (entry: { lineMode: boolean }): boolean | undefined =>
    grid ? true : entry.lineMode ? undefined : false;
  const readings: { s2?: TableReading; s3?: TableReading; s4?: TableReading } = {};
  if (s2) readings.s2 = readTableRows('s2', s2Rows, s2Version ?? version.report, trust(s2));
  if (s3) readings.s3 = readTableRows('s3', s3Rows, s3Version ?? version.report, trust(s3), s3.columns);
  if (s4) readings.s4 = readS4Rows(s4.candidates, version.report, trust(s4), s4.columns);

  const tableLines = new Set<number>();
  for (const [table, entry] of byTable) {
    const reading = readings[table];
    if (!reading || reading.rowsSeen.size === 0) continue;
    const used = [
      ...reading.lines,
      ...entry.candidates.filter((c) => c.values.some((v) => v.kind !== 'gap')).map((c) => c.lastLine),
    ];
    tableLinesOf(lines, entry.region, used, tableLines);
  }
  const prose = lines.map((line, i) => (tableLines.has(i) ? '' : line));

  const last = regions[regions.length - 1];
  const tables: TablesRead = {
    ...readings,
    found: new Set(byTable.keys()),
    ...(last && ((!last.bounded && !grid) || options.truncated === true) ? { truncated: last.table } : {}),
    ...(s2Version ? { s2Version } : {}),
    ...(s3Version ? { s3Version } : {}),
  };
  return assemble(prose, profile, tables, version, options.problems ?? [], options.tagged);
}

/** The text of a report → the report: profile, format version, the tables' values, the prose. */
export function importText(text: string, options: ImportTextOptions = {}): ImportResult {
  void options;
  return readLines(splitLines(typeof text === 'string' ? text : ''));
}
