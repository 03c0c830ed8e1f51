// Dismissed warnings: a user who has checked a warning and found it right for the agency ("忽略", with
// a reason) does not want to see it again — until a value it involves changes. A dismissal is keyed
// by the finding's stable `findingKey` and a fingerprint of the values of its cells at dismissal, so
// it survives reload and re-validation and lapses by itself when those values change. Pure: where the
// dismissals are stored (a custom XML part of the workbook) is the adapter's business.
import { readCell, type Report } from '../report';
import type { Finding } from './finding';

export interface Dismissal {
  readonly findingKey: string;
  /** `fingerprintOf` the finding's values when it was dismissed. */
  readonly fingerprint: string;
  /** Why the user says the warning does not apply, as typed. */
  readonly reason: string;
  /** ISO 8601 time of dismissal. */
  readonly at: string;
}

/** The value of a key of a finding: a cell of this year, `previous.` last year's, `profile.` the profile. */
function valueOf(report: Report, key: string): string {
  if (key.startsWith('profile.')) {
    const value = (report.profile as Readonly<Record<string, unknown>>)[key.slice('profile.'.length)];
    return value === undefined ? '' : String(value);
  }
  const source = key.startsWith('previous.') ? report.previous?.values : report.values;
  const bare = key.startsWith('previous.') ? key.slice('previous.'.length) : key;
  const reading = readCell(source?.[bare]);
  // Read as the rules read it: `1,200` and 1200 are the same value; text is kept as written.
  switch (reading.kind) {
    case 'number':
      return `n${reading.value}`;
    case 'blank':
      return 'b';
    case 'text':
      return `t${reading.text}`;
  }
}

/**
 * The values a finding involves, as one string: its cells in order with what each holds. Two reports
 * give the same fingerprint for a finding exactly when the rule saw the same values in its cells.
 */
export function fingerprintOf(finding: Pick<Finding, 'cells'>, report: Report): string {
  return finding.cells.map((key) => `${key}=${valueOf(report, key)}`).join(';');
}

/** Only warnings can be dismissed: an error makes the report wrong whatever the reason. */
export const isDismissable = (finding: Pick<Finding, 'severity'>): boolean => finding.severity === 'warning';

export interface DismissedFinding {
  readonly finding: Finding;
  readonly dismissal: Dismissal;
}

export interface PartitionedFindings {
  /** What the pane lists as findings. */
  readonly active: readonly Finding[];
  /** What the pane lists under 已忽略, with each reason. */
  readonly dismissed: readonly DismissedFinding[];
}

/**
 * Splits findings into active and dismissed. A dismissal applies to a warning with its key whose values
 * are still those it was dismissed with; one whose values changed no longer applies (the finding is
 * active again) and is left in the store, harmless, until the user dismisses anew.
 */
export function partitionFindings(
  findings: readonly Finding[],
  dismissals: readonly Dismissal[],
  report: Report,
): PartitionedFindings {
  if (dismissals.length === 0) return { active: findings, dismissed: [] };
  const byKey = new Map<string, Dismissal>();
  for (const d of dismissals) byKey.set(d.findingKey, d);
  const active: Finding[] = [];
  const dismissed: DismissedFinding[] = [];
  for (const finding of findings) {
    const dismissal = isDismissable(finding) ? byKey.get(finding.findingKey) : undefined;
    if (dismissal && dismissal.fingerprint === fingerprintOf(finding, report)) dismissed.push({ finding, dismissal });
    else active.push(finding);
  }
  return { active, dismissed };
}

/** The store after dismissing a finding (replacing an earlier dismissal of the same key). */
export function dismiss(
  dismissals: readonly Dismissal[],
  finding: Finding,
  report: Report,
  reason: string,
  at: string,
): Dismissal[] {
  const entry: Dismissal = { findingKey: finding.findingKey, fingerprint: fingerprintOf(finding, report), reason, at };
  return [...dismissals.filter((d) => d.findingKey !== finding.findingKey), entry];
}

/** The store after restoring a dismissed finding. */
export function restore(dismissals: readonly Dismissal[], findingKey: string): Dismissal[] {
  return dismissals.filter((d) => d.findingKey !== findingKey);
}
