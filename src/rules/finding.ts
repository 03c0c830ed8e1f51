// A finding: what one rule reports about one report, as data (messages are made apart, per locale).
// Its `findingKey` names it stably — rule, scope and the cells it concerns, never the values — so
// that a dismissal stored in a workbook finds it again after the figures were re-entered.
import type { ParamsOf, RuleId } from './catalogue';
import type { Severity, SuggestedFix } from './types';

interface FindingOf<R extends RuleId> {
  readonly rule: R;
  readonly severity: Severity;
  /** `RULE|scope|hash of the cells`: stable across values, distinct across findings of one report. */
  readonly findingKey: string;
  /** Which instance of the rule: a cell, column, row, group, table or problem. */
  readonly scope: string;
  /** Every cell key involved, the "result" cell first. `previous.` prefixes last year's cells. */
  readonly cells: readonly string[];
  readonly expected?: number;
  readonly actual?: number;
  /** actual − expected */
  readonly delta?: number;
  /** Further rules whose advice applies (S3-DOUBLE-COUNT on S3-BALANCE). */
  readonly hints?: readonly RuleId[];
  readonly params: ParamsOf<R>;
  readonly fix?: SuggestedFix;
}

/** A finding of rule R; `Finding` alone is the union over all rules, narrowed by `rule`. */
export type Finding<R extends RuleId = RuleId> = { [K in R]: FindingOf<K> }[R];

/** 32-bit FNV-1a, as 8 hex digits: short, stable and dependency-free. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Hashes of the cell lists the identity rules pass again and again (the same array each time). */
const HASHES = new WeakMap<readonly string[], string>();

function cellsHash(cells: readonly string[]): string {
  let hash = HASHES.get(cells);
  if (hash === undefined) {
    hash = fnv1a(cells.join(','));
    HASHES.set(cells, hash);
  }
  return hash;
}

/** The stable key of a finding: `S3-BALANCE|natural|1a2b3c4d`. */
export function findingKey(rule: string, scope: string, cells: readonly string[]): string {
  return `${rule}|${scope}|${cells.length === 1 ? fnv1a(cells[0]) : cellsHash(cells)}`;
}

/** More CELL-BLANK findings than this in one table are shown as one (the CLI's and the pane's lists). */
export const BLANK_LIST_LIMIT = 6;

/** The printed table a finding belongs to (its result cell's), or the report itself; for grouping. */
export type FindingTable = 's2' | 's3' | 's4' | 'report';

export function findingTable(f: Pick<Finding, 'rule' | 'cells'>): FindingTable {
  const key = (f.cells[0] ?? '').replace(/^previous\./, '');
  const prefix = key.slice(0, 2);
  if (prefix === 's2' || prefix === 's3' || prefix === 's4') return prefix;
  if (f.rule.startsWith('S2-')) return 's2';
  if (f.rule.startsWith('S3-')) return 's3';
  if (f.rule.startsWith('S4-')) return 's4';
  return 'report';
}
