// The vocabulary of validation: rule ids and severities (RULES.md), findings, and the context a
// check reads. Checks are pure; bad data is a finding, never an exception.
import type { FormatDef, FormatVersion, TableId } from '../format';
import type { CellReading, Profile, Report } from '../report';

export type Severity = 'error' | 'warning' | 'info';

export const RULE_IDS = [
  'CELL-BLANK',
  'CELL-NOT-NUMBER',
  'CELL-NEGATIVE',
  'CELL-NOT-INTEGER',
  'CELL-PRECISION',
  'S3-BALANCE',
  'S3-OUTCOME-TOTAL',
  'S3-ROW-TOTAL',
  'S3-ZERO-YEAR',
  'S3-DOUBLE-COUNT',
  'S3-CARRY-CONTINUITY',
  'S3-SAME-AS-LAST-YEAR',
  'S4-GROUP-TOTAL',
  'S2-FEE-UNIT',
  'S2-REGULATION-AUTHORITY',
  'S2-VALID-STOCK',
  'S2-2019-DECISIONS',
  'FORMAT-VERSION',
  'PROFILE-YEAR',
  'TEXT-SECTIONS',
  'TEXT-PERIOD',
  'TEXT-CITATION',
  'TEXT-NUMBERS',
  'TEXT-FEE-STATEMENT',
  'TEXT-GOVERNMENT-ITEMS',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export type FindingParams = Readonly<Record<string, string | number>>;

/** A change that would make the finding go away, offered to the user as one click. */
export interface SuggestedFix {
  readonly cell: string;
  readonly value: number;
}

export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  /** Every cell key involved, the "result" cell first. `previous.` prefixes last year's cells. */
  readonly cells: readonly string[];
  readonly expected?: number;
  readonly actual?: number;
  /** actual − expected */
  readonly delta?: number;
  /** Further rules whose advice applies (S3-DOUBLE-COUNT on S3-BALANCE). */
  readonly hints?: readonly RuleId[];
  /** What a message needs beyond the numbers (the raw text, the column, …). */
  readonly params?: FindingParams;
  readonly fix?: SuggestedFix;
}

/** Last year's report, read for the cross-year rules. */
export interface PreviousView {
  readonly format: FormatVersion;
  readonly profile: Profile;
  /** The number in a cell of last year's report, or undefined if blank, text or absent. */
  num(key: string): number | undefined;
  has(key: string): boolean;
}

export interface RuleContext {
  readonly format: FormatDef;
  readonly report: Report;
  readonly profile: Profile;
  /** Readings of the format's cells, by CellDef.index. */
  readonly readings: readonly CellReading[];
  /** Numbers of the format's cells by CellDef.index; NaN where the cell is not a number. */
  readonly nums: Float64Array;
  /** CellDef.index of a key of this format, or -1. */
  index(key: string): number;
  readonly previous?: PreviousView;
  /** The current year, for PROFILE-YEAR. */
  readonly currentYear: number;
}

export interface RuleDef {
  readonly id: RuleId;
  readonly severity: Severity;
  readonly table?: TableId;
  /** Cross-year rules run only when last year's report is given. */
  readonly needsPrevious?: boolean;
  /** Text rules run on imported or generated text, not on table values. */
  readonly onText?: boolean;
}

/**
 * A linear identity of the format: `result == Σ sign·term`. The identity rules are written as
 * lists of these, so the engine, the in-sheet formulas and the messages all read one definition.
 */
export interface Identity {
  readonly rule: RuleId;
  readonly table: TableId;
  /** Which column (s3 BALANCE/OUTCOME), row (s3 ROW-TOTAL) or group (s4) the identity is for. */
  readonly scope: string;
  readonly result: string;
  readonly terms: readonly { readonly key: string; readonly sign: 1 | -1 }[];
}
