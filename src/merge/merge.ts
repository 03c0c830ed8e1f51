// The merge (汇总) of the units' reports into one: which units count (the year and format of the
// merge, duplicates, empty reports), every cell summed exactly, blanks kept blank (a sum with an
// unknown term is not known), the merged cells that carry a unit's inconsistent figures, last
// year's sums for the cross-year rules, and the notes that say all this to the user.
import { formatForYear, getFormat, type CellDef, type FormatVersion, type TableId } from '../format';
import { effectiveFormat, readCell, type Profile, type RawValue, type Report } from '../report';
import { findingTable, validate, type Finding, type FindingTable } from '../rules';
import { matchExpected, normalizeName, unitName } from './names';
import { exactSum } from './sum';
import type {
  ExclusionReason,
  ExpectedMatch,
  MergeCellUnits,
  MergeContribution,
  MergeDuplicate,
  MergeNote,
  MergeNoteCode,
  MergeNoteParams,
  MergeNoteSeverity,
  MergeOptions,
  MergeResult,
  MergeUnit,
  MergeUnitResult,
} from './types';

function note<C extends MergeNoteCode>(code: C, severity: MergeNoteSeverity, params: MergeNoteParams[C]): MergeNote {
  // MergeNote is the union over codes; this object is the member for C.
  return { code, severity, params } as unknown as MergeNote;
}

/** A unit as read before the merge decides on it. */
interface Candidate {
  readonly index: number;
  readonly unit: MergeUnit;
  readonly name: string;
  /** Who the report is of: its agency (normalised), else its file; equal identities are duplicates. */
  readonly identity: string;
  readonly year?: number;
  readonly format: FormatVersion;
  readonly findings: readonly Finding[];
}

/**
 * The units' names: the agency, else the file's name — or the whole file as given where two units
 * without an agency have files of the same name in different folders.
 */
function unitNames(units: readonly MergeUnit[]): string[] {
  const names = units.map((u) => unitName(u.report.profile.agency, u.file));
  const unnamed = units.map((u) => !u.report.profile.agency?.trim());
  return names.map((name, i) => {
    if (!unnamed[i]) return name;
    const clash = units.some((u, j) => j !== i && names[j] === name && u.file !== units[i].file);
    return clash ? units[i].file : name;
  });
}

/** The year a profile states, when it is a whole number. */
function yearOf(profile: Profile): number | undefined {
  const year = profile.year;
  return typeof year === 'number' && Number.isInteger(year) ? year : undefined;
}

/** The most common value; ties go to the one `better` prefers. */
function mostCommon<T>(values: readonly T[], better: (a: T, b: T) => boolean): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (best === undefined || count > bestCount || (count === bestCount && better(value, best))) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

function mergeYearOf(candidates: readonly Candidate[], options: MergeOptions): number | undefined {
  if (options.year !== undefined) return options.year;
  const years = candidates.map((c) => c.year).filter((y): y is number => y !== undefined);
  return mostCommon(years, (a, b) => a > b);
}

/**
 * The format of the merge: the option, else the most common among the units of the merge's year
 * (all units when none has that year); ties go to the one the year requires, else to 2021.
 */
function mergeFormatOf(
  candidates: readonly Candidate[],
  year: number | undefined,
  options: MergeOptions,
): FormatVersion {
  if (options.format) return options.format;
  const preferred: FormatVersion = year !== undefined ? formatForYear(year) : '2021';
  const ofYear = candidates.filter((c) => c.year === year);
  const pool = ofYear.length > 0 ? ofYear : candidates;
  return (
    mostCommon(
      pool.map((c) => c.format),
      (a) => a === preferred,
    ) ?? preferred
  );
}

/** A cell's content as the 汇总明细 shows it: the number read, null for blank, else the text. */
function contributionValue(raw: RawValue | undefined): RawValue {
  const reading = readCell(raw);
  if (reading.kind === 'number') return reading.value;
  if (reading.kind === 'blank') return null;
  return reading.text;
}

function hasSomeNumber(report: Report, cells: readonly CellDef[]): boolean {
  return cells.some((cell) => readCell(report.values[cell.key]).kind === 'number');
}

const ALL_TABLES: readonly TableId[] = ['s2', 's3', 's4'];

/**
 * The tables of a report whose figures are last year's: those S3-SAME-AS-LAST-YEAR found, or all
 * three when every cell equals last year's (same format) with some figure not 0. Empty: not copied.
 */
function copiedTables(report: Report, format: FormatVersion, findings: readonly Finding[]): readonly TableId[] {
  const previous = report.previous;
  if (!previous) return [];
  let allEqual = effectiveFormat(previous.profile) === format;
  let someFigure = false;
  for (const cell of allEqual ? getFormat(format).cells : []) {
    const now = readCell(report.values[cell.key]);
    const then = readCell(previous.values[cell.key]);
    if (now.kind === 'number' && then.kind === 'number') {
      if (now.value !== then.value) allEqual = false;
      else if (now.value !== 0) someFigure = true;
    } else if (now.kind === 'text' && then.kind === 'text') {
      if (now.text.trim() !== then.text.trim()) allEqual = false;
    } else if (now.kind !== then.kind) allEqual = false;
    if (!allEqual) break;
  }
  if (allEqual && someFigure) return ALL_TABLES;
  const flagged = new Set<TableId>();
  for (const f of findings) if (f.rule === 'S3-SAME-AS-LAST-YEAR') flagged.add(f.params.table);
  return ALL_TABLES.filter((t) => flagged.has(t));
}

interface Sums {
  readonly values: Record<string, RawValue>;
  readonly cells: Record<string, MergeContribution[]>;
  readonly blanks: MergeCellUnits[];
  readonly overflow: string[];
}

/** Every cell of the format summed over the reports; a cell not a number in any of them is null. */
function sumReports(reports: readonly { name: string; report: Report }[], format: FormatVersion): Sums {
  const values: Record<string, RawValue> = {};
  const cells: Record<string, MergeContribution[]> = {};
  const blanks: MergeCellUnits[] = [];
  const overflow: string[] = [];
  for (const cell of getFormat(format).cells) {
    const contributions = reports.map(({ name, report }) => ({
      unit: name,
      value: contributionValue(report.values[cell.key]),
    }));
    cells[cell.key] = contributions;
    const unknown = contributions.filter((c) => typeof c.value !== 'number').map((c) => c.unit);
    if (reports.length === 0) {
      values[cell.key] = null;
    } else if (unknown.length > 0) {
      values[cell.key] = null;
      blanks.push({ key: cell.key, units: [...new Set(unknown)] });
    } else {
      const sum = exactSum(contributions.map((c) => c.value as number));
      if (sum.kind === 'overflow') {
        values[cell.key] = null;
        overflow.push(cell.key);
      } else values[cell.key] = sum.value;
    }
  }
  return { values, cells, blanks, overflow };
}

/** Last year's merged report, when every merged unit has one and all use one format. */
function mergePrevious(
  included: readonly Candidate[],
  mergeYear: number | undefined,
  profile: Profile,
  notes: MergeNote[],
): Report | undefined {
  if (included.length === 0) return undefined;
  const lacking = included.filter((c) => !c.unit.report.previous).map((c) => c.name);
  if (lacking.length === included.length) return undefined;
  if (lacking.length > 0) {
    notes.push(note('previousMissing', 'info', { units: lacking }));
    return undefined;
  }
  const previous = included.map((c) => ({ name: c.name, report: c.unit.report.previous as Report }));
  const formats = new Set(previous.map((p) => effectiveFormat(p.report.profile)));
  if (formats.size > 1) {
    notes.push(note('previousFormats', 'info', {}));
    return undefined;
  }
  const [format] = [...formats];
  const years = previous.map((p) => yearOf(p.report.profile)).filter((y): y is number => y !== undefined);
  const year = mostCommon(years, (a, b) => a > b) ?? (mergeYear !== undefined ? mergeYear - 1 : undefined);
  const prevProfile: Profile = { ...profile, format };
  if (year !== undefined) prevProfile.year = year;
  else delete prevProfile.year;
  return { profile: prevProfile, values: sumReports(previous, format).values };
}

/**
 * Merge the units' reports into one. Units of another year or format, empty ones and a second
 * report of the same agency are left out (and said so); every cell of the merge is the exact sum of
 * the included units' figures, or null where some unit left it blank.
 */
export function mergeReports(units: readonly MergeUnit[], options: MergeOptions): MergeResult {
  const notes: MergeNote[] = [];
  const names = unitNames(units);
  const candidates: Candidate[] = units.map((unit, index) => {
    const profile = unit.report.profile;
    const agency = profile.agency?.trim();
    const year = yearOf(profile);
    const findings = validate(unit.report, { currentYear: options.currentYear }).filter(
      (f) => f.severity === 'error' || f.severity === 'warning',
    );
    return {
      index,
      unit,
      name: names[index],
      identity: agency ? `agency:${normalizeName(agency)}` : `file:${unit.file}`,
      ...(year !== undefined ? { year } : {}),
      format: effectiveFormat(profile),
      findings,
    };
  });

  const mergeYear = mergeYearOf(candidates, options);
  const mergeFormat = mergeFormatOf(candidates, mergeYear, options);
  const formatCells = getFormat(mergeFormat).cells;

  // Which units count, in order: the first report of an agency wins.
  const exclusions = new Map<number, ExclusionReason>();
  const duplicates: MergeDuplicate[] = [];
  const kept = new Map<string, Candidate>();
  const exclusionNotes: MergeNote[] = [];
  for (const c of candidates) {
    const file = c.unit.file;
    if (mergeYear !== undefined && c.year !== mergeYear) {
      exclusions.set(c.index, 'otherYear');
      exclusionNotes.push(
        note('otherYear', 'warning', {
          unit: c.name,
          file,
          ...(c.year !== undefined ? { year: c.year } : {}),
          mergeYear,
        }),
      );
    } else if (c.format !== mergeFormat) {
      exclusions.set(c.index, 'otherFormat');
      exclusionNotes.push(note('otherFormat', 'warning', { unit: c.name, file, format: c.format, mergeFormat }));
    } else if (!hasSomeNumber(c.unit.report, formatCells)) {
      exclusions.set(c.index, 'noValues');
      exclusionNotes.push(note('noValues', 'warning', { unit: c.name, file }));
    } else {
      const key = c.identity;
      const first = kept.get(key);
      if (first) {
        exclusions.set(c.index, 'duplicate');
        duplicates.push({ name: c.name, file, keptFile: first.unit.file });
        exclusionNotes.push(note('duplicate', 'warning', { unit: c.name, keptFile: first.unit.file, file }));
      } else kept.set(key, c);
    }
  }
  const included = candidates.filter((c) => !exclusions.has(c.index));

  if (units.length === 0) notes.push(note('noUnits', 'error', {}));
  else if (included.length === 0) notes.push(note('noneIncluded', 'error', { count: units.length }));
  if (mergeYear === undefined) notes.push(note('noYear', 'warning', {}));

  // The expected list, matched against every unit received (one left out was still received).
  const expected: ExpectedMatch[] = options.expect
    ? matchExpected(
        options.expect,
        candidates.map((c) => c.name),
      )
    : [];
  const missing = expected.filter((e) => e.match === 'none').map((e) => e.expected);
  if (missing.length > 0) notes.push(note('missing', 'warning', { names: missing }));
  for (const e of expected) {
    if (e.match === 'partial') notes.push(note('partialMatch', 'warning', { expected: e.expected, units: e.units }));
  }
  if (options.expect && options.expect.length > 0) {
    const matched = new Set(expected.flatMap((e) => e.units));
    const unexpected = included.map((c) => c.name).filter((name) => !matched.has(name));
    if (unexpected.length > 0) notes.push(note('unexpected', 'info', { units: unexpected }));
  }
  notes.push(...exclusionNotes);

  // The profile of the merge.
  const profile: Profile = {};
  const agency = options.agency?.trim();
  if (agency) profile.agency = agency;
  if (mergeYear !== undefined) profile.year = mergeYear;
  profile.format = mergeFormat;
  profile.kind = options.kind ?? 'government';
  const authority = included.map((c) => c.unit.report.profile.canMakeRegulations);
  if (authority.some((a) => a === true)) profile.canMakeRegulations = true;
  else if (authority.length > 0 && authority.every((a) => a === false)) profile.canMakeRegulations = false;

  const sums = sumReports(
    included.map((c) => ({ name: c.name, report: c.unit.report })),
    mergeFormat,
  );

  // Merged cells that include a unit's figures its own rules found inconsistent.
  const keyIndex = new Map(formatCells.map((cell) => [cell.key, cell.index]));
  const inconsistentUnits = new Map<string, string[]>();
  const unitNotes: MergeNote[] = [];
  for (const c of included) {
    const byTable = new Map<FindingTable, { errors: number; totals: Set<string>; cells: Set<string> }>();
    for (const f of c.findings) {
      if (f.severity !== 'error') continue;
      const table = findingTable(f);
      const entry = byTable.get(table) ?? { errors: 0, totals: new Set<string>(), cells: new Set<string>() };
      entry.errors++;
      byTable.set(table, entry);
      f.cells.forEach((key, i) => {
        if (!keyIndex.has(key) || sums.values[key] === null) return;
        // The result cell comes first in a finding's cells: the total the others should make.
        if (i === 0) entry.totals.add(key);
        entry.cells.add(key);
        const list = inconsistentUnits.get(key) ?? [];
        if (!list.includes(c.name)) list.push(c.name);
        inconsistentUnits.set(key, list);
      });
    }
    const inOrder = (keys: Set<string>): string[] =>
      [...keys].sort((a, b) => (keyIndex.get(a) ?? 0) - (keyIndex.get(b) ?? 0));
    for (const [table, entry] of byTable) {
      unitNotes.push(
        note('unitErrors', 'error', {
          unit: c.name,
          table,
          errors: entry.errors,
          format: mergeFormat,
          totals: inOrder(entry.totals.size > 0 ? entry.totals : entry.cells),
          involved: entry.cells.size,
        }),
      );
    }
  }
  const inconsistent: MergeCellUnits[] = formatCells
    .filter((cell) => inconsistentUnits.has(cell.key))
    .map((cell) => ({ key: cell.key, units: inconsistentUnits.get(cell.key) ?? [] }));
  notes.push(...unitNotes);

  if (sums.blanks.length > 0) {
    const blankUnits = included.map((c) => c.name).filter((name) => sums.blanks.some((b) => b.units.includes(name)));
    notes.push(
      note('blanks', 'warning', {
        format: mergeFormat,
        keys: sums.blanks.map((b) => b.key),
        units: [...new Set(blankUnits)],
      }),
    );
  }
  if (sums.overflow.length > 0) notes.push(note('overflow', 'error', { format: mergeFormat, keys: sums.overflow }));

  const unitResults: MergeUnitResult[] = candidates.map((c) => {
    const reason = exclusions.get(c.index);
    const copied = copiedTables(c.unit.report, c.format, c.findings);
    const result: MergeUnitResult = {
      name: c.name,
      file: c.unit.file,
      included: reason === undefined,
      ...(reason !== undefined ? { excluded: reason } : {}),
      ...(c.year !== undefined ? { year: c.year } : {}),
      format: c.format,
      errors: c.findings.filter((f) => f.severity === 'error').length,
      warnings: c.findings.filter((f) => f.severity === 'warning').length,
      findings: c.findings,
      ...(c.unit.report.previous ? { sameAsLastYear: copied.length > 0 } : {}),
      ...(copied.length > 0 ? { sameTables: copied } : {}),
    };
    if (result.included && copied.length > 0) {
      notes.push(note('sameAsLastYear', 'warning', { unit: c.name, tables: copied }));
    }
    return result;
  });

  const report: Report = { profile, values: sums.values };
  const previous = mergePrevious(included, mergeYear, profile, notes);
  if (previous) report.previous = previous;

  return {
    report,
    cells: sums.cells,
    units: unitResults,
    missing,
    expected,
    duplicates,
    blanks: sums.blanks,
    inconsistent,
    notes,
  };
}
