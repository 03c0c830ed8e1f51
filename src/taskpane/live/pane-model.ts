// What the pane shows for one report sheet, as plain data: the status line, the findings grouped by
// printed table (errors first, with counts), each with its message and the actions it offers, and the
// dismissed warnings with their reasons. Pure, so the React components only render it and tests can
// assert it without a browser.
import type { FormatVersion, Locale } from '../../format';
import { formatMessage, strings } from '../../i18n';
import {
  BLANK_LIST_LIMIT,
  findingTable,
  isDismissable,
  type DismissedFinding,
  type Finding,
  type FindingTable,
  type PartitionedFindings,
  type RuleId,
  type Severity,
  type SuggestedFix,
} from '../../rules';

/** The rules whose fix is unambiguous: a total that must be the sum of its filled parts. */
const TOTAL_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['S3-OUTCOME-TOTAL', 'S3-ROW-TOTAL', 'S4-GROUP-TOTAL']);

/**
 * The one-click fix the pane offers, or none. Only a total gets one (the sum of its parts); every
 * other finding could be fixed in more than one cell, or by the agency's own judgement, so the pane
 * says how and the user decides.
 */
export function offeredFix(finding: Finding): SuggestedFix | undefined {
  return TOTAL_RULES.has(finding.rule) ? finding.fix : undefined;
}

export interface PaneFinding {
  readonly findingKey: string;
  readonly rule: RuleId;
  readonly severity: Severity;
  /** Every cell involved, the result cell first (what 定位 selects). */
  readonly cells: readonly string[];
  readonly message: string;
  readonly fix?: SuggestedFix;
  readonly dismissable: boolean;
}

export interface PaneGroup {
  readonly table: FindingTable;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** Of the errors, how many are blank cells. */
  readonly blanks: number;
  readonly findings: readonly PaneFinding[];
}

export interface PaneDismissed {
  readonly finding: PaneFinding;
  readonly reason: string;
  readonly at: string;
}

export interface PaneModel {
  /** 可以发布 when nothing is wrong: no error and no warning left (notes do not block). */
  readonly ready: boolean;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** Of the errors, how many are blank cells (a fresh template is all blank). */
  readonly blanks: number;
  readonly groups: readonly PaneGroup[];
  readonly dismissed: readonly PaneDismissed[];
}

const GROUP_ORDER: readonly FindingTable[] = ['report', 's2', 's3', 's4'];
const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

function paneFinding(f: Finding, version: FormatVersion, locale: Locale): PaneFinding {
  const fix = offeredFix(f);
  return {
    findingKey: f.findingKey,
    rule: f.rule,
    severity: f.severity,
    cells: f.cells,
    message: formatMessage(f, version, locale),
    ...(fix ? { fix } : {}),
    dismissable: isDismissable(f),
  };
}

/** A table's many CELL-BLANK findings as one, naming the first few cells; its cells are all of them. */
function collapseBlanks(
  list: PaneFinding[],
  version: FormatVersion,
  locale: Locale,
  table: FindingTable,
): PaneFinding[] {
  const blanks = list.filter((f) => f.rule === 'CELL-BLANK');
  if (blanks.length <= BLANK_LIST_LIMIT) return list;
  const first = list.indexOf(blanks[0]);
  const merged: PaneFinding = {
    findingKey: `CELL-BLANK|${table}|many`,
    rule: 'CELL-BLANK',
    severity: 'error',
    cells: blanks.flatMap((f) => f.cells),
    message: strings(locale).cli.manyBlanks(
      table,
      blanks.length,
      blanks.slice(0, 3).map((f) => f.cells[0]),
      version,
    ),
    dismissable: false,
  };
  const rest = list.filter((f) => f.rule !== 'CELL-BLANK');
  return [...rest.slice(0, first), merged, ...rest.slice(first)];
}

export function buildPaneModel(partition: PartitionedFindings, version: FormatVersion, locale: Locale): PaneModel {
  const groups: PaneGroup[] = [];
  for (const table of GROUP_ORDER) {
    const list = partition.active
      .filter((f) => findingTable(f) === table)
      .map((f, i) => ({ f, i }))
      // Errors first, then warnings, then notes; catalogue order within each.
      .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
      .map(({ f }) => paneFinding(f, version, locale));
    if (list.length === 0) continue;
    groups.push({
      table,
      // Counted one per finding (each blank cell is one error), listed with the blanks collapsed.
      errors: list.filter((f) => f.severity === 'error').length,
      warnings: list.filter((f) => f.severity === 'warning').length,
      infos: list.filter((f) => f.severity === 'info').length,
      blanks: list.filter((f) => f.rule === 'CELL-BLANK').length,
      findings: collapseBlanks(list, version, locale, table),
    });
  }
  const sum = (field: 'errors' | 'warnings' | 'infos' | 'blanks'): number => groups.reduce((n, g) => n + g[field], 0);
  const errors = sum('errors');
  const warnings = sum('warnings');
  return {
    ready: errors === 0 && warnings === 0,
    errors,
    warnings,
    infos: sum('infos'),
    blanks: sum('blanks'),
    groups,
    dismissed: partition.dismissed.map((d: DismissedFinding) => ({
      finding: paneFinding(d.finding, version, locale),
      reason: d.dismissal.reason,
      at: d.dismissal.at,
    })),
  };
}

/** The findings that involve a cell, for the guidance shown when the selection is in it. */
export function findingsAt(model: PaneModel, cellKey: string): PaneFinding[] {
  return model.groups.flatMap((g) => g.findings).filter((f) => f.cells.includes(cellKey));
}
