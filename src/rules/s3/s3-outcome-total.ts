// S3-OUTCOME-TOTAL: for each column, （七）总计 equals the sum of every outcome row.
import { defineRule } from '../define';
import { checkTotals, identityReads } from '../identity-check';
import type { Reporter } from '../types';

export interface S3OutcomeTotalParams {
  /** The column key. */
  readonly scope: string;
}

export const s3OutcomeTotal = defineRule({
  id: 'S3-OUTCOME-TOTAL',
  severity: 'error',
  tables: ['s3'],
  input: 'values',
  clause: 'For each column c: `total.c` equals the sum of every outcome row',
  reads: (format) => identityReads(format, 'S3-OUTCOME-TOTAL'),
  check(ctx, report: Reporter<S3OutcomeTotalParams>) {
    checkTotals(ctx, 'S3-OUTCOME-TOTAL', report);
  },
});
