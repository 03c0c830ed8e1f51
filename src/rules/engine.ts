// One engine runs the rules of the catalogue over a report: read each cell once (createContext), then
// each rule's check in catalogue order. `validate` runs the rules on table values (the live pane, the
// command line, every reader); `validateText` the rules on the text of a report, where a reader read
// one (`report.text`: published reports and drafts, never the live workbook). Both together, validate
// first, give the catalogue's order, since the text rules come last in it.
import { RULES } from './catalogue';
import { createContext, type ValidateOptions } from './context';
import { findingKey, type Finding } from './finding';
import type { FindingDraft, RuleDefinition } from './types';

export type { ValidateOptions } from './context';

/** The rules the engine runs on a report's values (hints are carried by other rules' findings). */
const VALUE_RULES: readonly RuleDefinition[] = RULES.filter((r) => r.input === 'values' || r.input === 'previous');
/** The rules on the text of a report, in catalogue order (after every value rule). */
const TEXT_RULES: readonly RuleDefinition[] = RULES.filter((r) => r.input === 'text');

interface MutableFinding {
  rule: string;
  severity: string;
  findingKey: string;
  scope: string;
  cells: readonly string[];
  expected?: number;
  actual?: number;
  delta?: number;
  hints?: readonly string[];
  params: object;
  fix?: FindingDraft<object>['fix'];
}

function toFinding(rule: RuleDefinition, draft: FindingDraft<object>): Finding {
  // Built field by field (not with spreads): this runs for every finding of every validation.
  const finding: MutableFinding = {
    rule: rule.id,
    severity: rule.severity,
    findingKey: findingKey(rule.id, draft.scope, draft.keyCells ?? draft.cells),
    scope: draft.scope,
    cells: draft.cells,
    params: draft.params,
  };
  if (draft.expected !== undefined) finding.expected = draft.expected;
  if (draft.actual !== undefined) finding.actual = draft.actual;
  if (draft.delta !== undefined) finding.delta = draft.delta;
  if (draft.hints) finding.hints = draft.hints;
  if (draft.fix) finding.fix = draft.fix;
  // The draft was typed by the rule's own Reporter<P>, so its params are the rule's; hints are ids
  // of the catalogue (S3-DOUBLE-COUNT).
  return finding as unknown as Finding;
}

/** Every finding of every value and cross-year rule, in catalogue order. */
export function validate(report: Parameters<typeof createContext>[0], options: ValidateOptions = {}): Finding[] {
  const ctx = createContext(report, options);
  const out: Finding[] = [];
  for (const rule of VALUE_RULES) {
    if (rule.input === 'previous' && !ctx.previous) continue;
    rule.check?.(ctx, (draft) => out.push(toFinding(rule, draft)));
  }
  return out;
}

/**
 * Every finding of the text rules (TEXT-*) on a report's text, in catalogue order; none when the
 * report has no text. They read the table values too (TEXT-NUMBERS), through the same context.
 */
export function validateText(report: Parameters<typeof createContext>[0], options: ValidateOptions = {}): Finding[] {
  if (!report.text) return [];
  const ctx = createContext(report, options);
  const out: Finding[] = [];
  for (const rule of TEXT_RULES) rule.check?.(ctx, (draft) => out.push(toFinding(rule, draft)));
  return out;
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
}

export function summarize(findings: readonly Finding[]): Summary {
  const summary: Summary = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}
