// The vocabulary of validation (RULES.md): severities, what a rule is, what a check reports and the
// context it reads. Checks are pure; bad data is a finding, never an exception. Nothing here knows
// the list of rules: that is derived from the rule files (catalogue.ts), so this file can be imported
// by every rule without a cycle.
import type { FormatDef, FormatVersion, TableId } from '../format';
import type { CellReading, Profile, Report, ReportText } from '../report';

export type Severity = 'error' | 'warning' | 'info';

/**
 * What a rule judges: the table values of one report, last year's report beside it, the text of a
 * published or generated report (validateText runs those, where `report.text` is present), or nothing
 * of its own (a hint whose advice another rule's finding carries).
 */
export type RuleInput = 'values' | 'previous' | 'text' | 'hint';

/** A change that would make the finding go away, offered to the user as one click. */
export interface SuggestedFix {
  readonly cell: string;
  readonly value: number;
}

/** What a check reports. The engine adds the rule id, the severity and the finding key. */
export interface FindingDraft<P extends object> {
  /**
   * Which instance of the rule this is, stable whatever the values: the cell (cell rules), the column,
   * row or group of an identity, the table, or the problem of a report-level rule.
   */
  readonly scope: string;
  /** Every cell key involved, the "result" cell first. `previous.` prefixes last year's cells. */
  readonly cells: readonly string[];
  /**
   * The cells that identify the finding when `cells` depends on the values (S3-ZERO-YEAR lists the
   * offending cells): the cells the rule reads for this scope. Defaults to `cells`.
   */
  readonly keyCells?: readonly string[];
  readonly expected?: number;
  readonly actual?: number;
  /** actual − expected */
  readonly delta?: number;
  /** Further rules whose advice applies (S3-DOUBLE-COUNT on S3-BALANCE). */
  readonly hints?: readonly string[];
  /** What the message needs beyond the numbers, typed per rule. */
  readonly params: P;
  readonly fix?: SuggestedFix;
}

export type Reporter<P extends object> = (draft: FindingDraft<P>) => void;

/**
 * One rule of RULES.md: its definition, the cells it reads and its check. `P` is the shape of its
 * findings' parameters, which the message templates of every locale are typed against.
 */
export interface RuleDefinition<Id extends string = string, P extends object = object> {
  readonly id: Id;
  readonly severity: Severity;
  /** The tables whose cells the rule reads (empty: the profile or the text only). */
  readonly tables: readonly TableId[];
  readonly input: RuleInput;
  /** The clause of RULES.md the rule implements, quoted from the rule's row. */
  readonly clause: string;
  /** Every key the rule may read in a report of this format: cells, `profile.*`, `previous.*`. */
  reads(format: FormatDef): readonly string[];
  /** Absent for hints. Text rules have one too, run by validateText where a report has a text. */
  readonly check?: (ctx: RuleContext, report: Reporter<P>) => void;
  /** Carries the parameter type; never set. */
  readonly params?: P;
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
  /** The number in a cell of this format, NaN when it is not a number or not a cell of the format. */
  num(key: string): number;
  readonly previous?: PreviousView;
  /** The current year, for PROFILE-YEAR. */
  readonly currentYear: number;
  /** The report's text (headings, prose, stated figures), where it was read from one: for the text rules. */
  readonly text?: ReportText;
}

/**
 * A linear identity of the format: `result == Σ sign·term`. The identity rules are written as lists
 * of these, so the engine, the in-sheet formulas and the messages all read one definition.
 */
export interface Identity {
  readonly rule: 'S3-BALANCE' | 'S3-OUTCOME-TOTAL' | 'S3-ROW-TOTAL' | 'S4-GROUP-TOTAL';
  readonly table: TableId;
  /** Which column (s3 BALANCE/OUTCOME), row (s3 ROW-TOTAL) or group (s4) the identity is for. */
  readonly scope: string;
  readonly result: string;
  readonly terms: readonly { readonly key: string; readonly sign: 1 | -1 }[];
}
