// The shapes of a merge (汇总): the reports of the units (下级单位) in, one report whose every cell is
// the sum of theirs out, with what was left out, left blank or summed from inconsistent figures, and
// the notes a person reads (data here, words in messages.ts).
import type { FormatVersion, TableId } from '../format';
import type { AgencyKind, RawValue, Report } from '../report';
import type { Finding, FindingTable } from '../rules';

/** One report received: the file it came from (as the user named it) and its contents. */
export interface MergeUnit {
  readonly file: string;
  readonly report: Report;
}

export interface MergeOptions {
  /** The clock for PROFILE-YEAR on each unit and on the merge. */
  readonly currentYear: number;
  /** The merged report's agency, e.g. `某某县人民政府（汇总）`. */
  readonly agency?: string;
  /** The merged report's year; else the most common year among the units (ties: the latest). */
  readonly year?: number;
  /** The merged report's format; else the most common among the units. */
  readonly format?: FormatVersion;
  /** The merged report's kind (default `government`: a merge is made by a government). */
  readonly kind?: AgencyKind;
  /** Names of the units that must be there (the `--expect` list). */
  readonly expect?: readonly string[];
}

/** Why a unit was left out of the sums. */
export type ExclusionReason = 'otherYear' | 'otherFormat' | 'duplicate' | 'noValues';

export interface MergeUnitResult {
  /** The unit's name: its profile's agency, else the file's name. */
  readonly name: string;
  readonly file: string;
  readonly included: boolean;
  readonly excluded?: ExclusionReason;
  readonly year?: number;
  readonly format?: FormatVersion;
  readonly errors: number;
  readonly warnings: number;
  /** The unit's own findings (validate), errors and warnings. */
  readonly findings: readonly Finding[];
  /**
   * Only when the unit has last year's report: its figures are last year's (every cell equal, or
   * S3-SAME-AS-LAST-YEAR on some table).
   */
  readonly sameAsLastYear?: boolean;
  /** The tables found copied from last year, when `sameAsLastYear`. */
  readonly sameTables?: readonly TableId[];
}

/** What one included unit put into a merged cell: its number, null (blank) or its text. */
export interface MergeContribution {
  readonly unit: string;
  readonly value: RawValue;
}

/** A merged cell and the units concerned, in unit order. */
export interface MergeCellUnits {
  readonly key: string;
  readonly units: readonly string[];
}

/** A unit whose agency was already merged from another file: this file was left out. */
export interface MergeDuplicate {
  readonly name: string;
  /** The file left out. */
  readonly file: string;
  /** The file of the same agency that was merged. */
  readonly keptFile: string;
}

/** How one name of `expect` was found among the units. */
export interface ExpectedMatch {
  readonly expected: string;
  /** `exact` after normalising brackets and spaces; `partial`: a unit's name contains it. */
  readonly match: 'exact' | 'partial' | 'none';
  /** The units it matched (several only for a partial match). */
  readonly units: readonly string[];
}

export type MergeNoteSeverity = 'error' | 'warning' | 'info';

/** Every note, by code, with what its message needs. Cell keys are named with the format's labels. */
export interface MergeNoteParams {
  /** No report was given at all. */
  readonly noUnits: Record<string, never>;
  /** Reports were given, but each was left out. */
  readonly noneIncluded: { readonly count: number };
  /** Neither the options nor any unit gives the year. */
  readonly noYear: Record<string, never>;
  readonly missing: { readonly names: readonly string[] };
  readonly partialMatch: { readonly expected: string; readonly units: readonly string[] };
  /** Units merged that `expect` does not list. */
  readonly unexpected: { readonly units: readonly string[] };
  readonly otherYear: {
    readonly unit: string;
    readonly file: string;
    readonly year?: number;
    readonly mergeYear: number;
  };
  readonly otherFormat: {
    readonly unit: string;
    readonly file: string;
    readonly format: FormatVersion;
    readonly mergeFormat: FormatVersion;
  };
  readonly noValues: { readonly unit: string; readonly file: string };
  readonly duplicate: { readonly unit: string; readonly keptFile: string; readonly file: string };
  /**
   * A merged unit with errors in one table: `totals`, the merged cells that are the result cells of
   * its errors (the 合计 its figures went into); `involved`, how many merged cells its errors touch
   * in all (each listed in `inconsistent`).
   */
  readonly unitErrors: {
    readonly unit: string;
    readonly table: FindingTable;
    readonly errors: number;
    readonly format: FormatVersion;
    readonly totals: readonly string[];
    readonly involved: number;
  };
  /** Cells left blank in the merge because some units left them blank (or wrote text). */
  readonly blanks: {
    readonly format: FormatVersion;
    readonly keys: readonly string[];
    readonly units: readonly string[];
  };
  /** A merged unit whose figures are last year's: in every table, or in the tables listed. */
  readonly sameAsLastYear: { readonly unit: string; readonly tables: readonly TableId[] };
  /** Some merged units have last year's report and some do not: the merge has none. */
  readonly previousMissing: { readonly units: readonly string[] };
  /** The units' reports of last year use different formats: the merge has none. */
  readonly previousFormats: Record<string, never>;
  /** Sums beyond the largest figure a cell may hold: left blank. */
  readonly overflow: { readonly format: FormatVersion; readonly keys: readonly string[] };
}

export type MergeNoteCode = keyof MergeNoteParams;

interface MergeNoteOf<C extends MergeNoteCode> {
  readonly code: C;
  readonly severity: MergeNoteSeverity;
  readonly params: MergeNoteParams[C];
}

/** A note on the merge, as data; `describeMergeNote` gives its words. */
export type MergeNote<C extends MergeNoteCode = MergeNoteCode> = { [K in C]: MergeNoteOf<K> }[C];

export interface MergeResult {
  /** The merged report: every cell of the format, a number or null (not assessable). */
  readonly report: Report;
  /** Per cell key, what each included unit put in it, in unit order. */
  readonly cells: Readonly<Record<string, readonly MergeContribution[]>>;
  readonly units: readonly MergeUnitResult[];
  /** Names of `expect` that no unit matched. */
  readonly missing: readonly string[];
  /** How each name of `expect` was matched. */
  readonly expected: readonly ExpectedMatch[];
  readonly duplicates: readonly MergeDuplicate[];
  /** Cells left blank in the merge, with the units that left them blank or wrote text. */
  readonly blanks: readonly MergeCellUnits[];
  /** Merged cells whose sum includes a unit with an error finding on that cell. */
  readonly inconsistent: readonly MergeCellUnits[];
  readonly notes: readonly MergeNote[];
}
