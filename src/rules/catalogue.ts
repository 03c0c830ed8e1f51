// The catalogue of RULES.md, derived from the rule files: each file declares its rule (id, severity,
// tables, clause, the cells it reads, its check); this list only says in which order they run, which
// is the order findings come out in (report, cells, s3, s4, s2, cross-year, then the text rules).
import { cellBlank } from './cell/cell-blank';
import { cellNegative } from './cell/cell-negative';
import { cellNotInteger } from './cell/cell-not-integer';
import { cellNotNumber } from './cell/cell-not-number';
import { cellPrecision } from './cell/cell-precision';
import { formatVersion } from './report/format-version';
import { profileYear } from './report/profile-year';
import { s2Decisions2019 } from './s2/s2-2019-decisions';
import { s2FeeUnit } from './s2/s2-fee-unit';
import { s2RegulationAuthority } from './s2/s2-regulation-authority';
import { s2ValidStock } from './s2/s2-valid-stock';
import { s3Balance } from './s3/s3-balance';
import { s3CarryContinuity } from './s3/s3-carry-continuity';
import { s3DoubleCount } from './s3/s3-double-count';
import { s3OutcomeTotal } from './s3/s3-outcome-total';
import { s3RowTotal } from './s3/s3-row-total';
import { s3SameAsLastYear } from './s3/s3-same-as-last-year';
import { s3ZeroYear } from './s3/s3-zero-year';
import { s4GroupTotal } from './s4/s4-group-total';
import { textCitation } from './text/text-citation';
import { textFeeStatement } from './text/text-fee-statement';
import { textGovernmentItems } from './text/text-government-items';
import { textNumbers } from './text/text-numbers';
import { textPeriod } from './text/text-period';
import { textSections } from './text/text-sections';
import type { RuleDefinition } from './types';

/** Every rule, in the order the engine runs them. */
export const RULES = [
  profileYear,
  formatVersion,
  cellBlank,
  cellNotNumber,
  cellNegative,
  cellNotInteger,
  cellPrecision,
  s3Balance,
  s3ZeroYear,
  s3DoubleCount,
  s3OutcomeTotal,
  s3RowTotal,
  s4GroupTotal,
  s2FeeUnit,
  s2RegulationAuthority,
  s2Decisions2019,
  s3CarryContinuity,
  s3SameAsLastYear,
  s2ValidStock,
  textSections,
  textPeriod,
  textCitation,
  textNumbers,
  textFeeStatement,
  textGovernmentItems,
] as const;

export type AnyRule = (typeof RULES)[number];

/** Every rule id, in catalogue order. */
export type RuleId = AnyRule['id'];

export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);

/** The parameter type of a rule's findings. */
export type ParamsOf<R extends RuleId> = Extract<AnyRule, { id: R }> extends RuleDefinition<R, infer P> ? P : never;

const BY_ID: ReadonlyMap<string, AnyRule> = new Map(RULES.map((r) => [r.id, r]));

export function isRuleId(id: string): id is RuleId {
  return BY_ID.has(id);
}

export function ruleDef<R extends RuleId>(id: R): Extract<AnyRule, { id: R }> {
  const def = BY_ID.get(id);
  if (!def) throw new Error(`No rule ${id} in the catalogue`);
  return def as Extract<AnyRule, { id: R }>;
}

export function severityOf(id: RuleId): RuleDefinition['severity'] {
  return ruleDef(id).severity;
}
