// RULES.md as data: every rule id with its severity and what it needs.
import type { RuleDef, RuleId } from './types';

export const RULES: readonly RuleDef[] = [
  { id: 'CELL-BLANK', severity: 'error' },
  { id: 'CELL-NOT-NUMBER', severity: 'error' },
  { id: 'CELL-NEGATIVE', severity: 'error' },
  { id: 'CELL-NOT-INTEGER', severity: 'error' },
  { id: 'CELL-PRECISION', severity: 'warning', table: 's2' },
  { id: 'S3-BALANCE', severity: 'error', table: 's3' },
  { id: 'S3-OUTCOME-TOTAL', severity: 'error', table: 's3' },
  { id: 'S3-ROW-TOTAL', severity: 'error', table: 's3' },
  { id: 'S3-ZERO-YEAR', severity: 'error', table: 's3' },
  // A hint carried by S3-BALANCE findings, never a finding of its own.
  { id: 'S3-DOUBLE-COUNT', severity: 'info', table: 's3' },
  { id: 'S3-CARRY-CONTINUITY', severity: 'warning', table: 's3', needsPrevious: true },
  { id: 'S3-SAME-AS-LAST-YEAR', severity: 'warning', table: 's3', needsPrevious: true },
  { id: 'S4-GROUP-TOTAL', severity: 'error', table: 's4' },
  { id: 'S2-FEE-UNIT', severity: 'warning', table: 's2' },
  { id: 'S2-REGULATION-AUTHORITY', severity: 'warning', table: 's2' },
  { id: 'S2-VALID-STOCK', severity: 'warning', table: 's2', needsPrevious: true },
  { id: 'S2-2019-DECISIONS', severity: 'warning', table: 's2' },
  { id: 'FORMAT-VERSION', severity: 'error' },
  { id: 'PROFILE-YEAR', severity: 'error' },
  { id: 'TEXT-SECTIONS', severity: 'error', onText: true },
  { id: 'TEXT-PERIOD', severity: 'warning', onText: true },
  { id: 'TEXT-CITATION', severity: 'warning', onText: true },
  { id: 'TEXT-NUMBERS', severity: 'error', onText: true },
  { id: 'TEXT-FEE-STATEMENT', severity: 'warning', onText: true },
  { id: 'TEXT-GOVERNMENT-ITEMS', severity: 'warning', onText: true },
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleDef(id: RuleId): RuleDef {
  const def = BY_ID.get(id);
  if (!def) throw new Error(`No rule ${id} in the catalogue`);
  return def;
}

export function severityOf(id: RuleId): RuleDef['severity'] {
  return ruleDef(id).severity;
}
