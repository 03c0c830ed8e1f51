// S3-ROW-TOTAL: for each row, 总计 equals 自然人 plus the five kinds of 法人或其他组织.
import { defineRule } from '../define';
import { checkTotals, identityReads } from '../identity-check';
import type { Reporter } from '../types';

export interface S3RowTotalParams {
  /** The row key (`new`, `denied.secret`, …). */
  readonly scope: string;
}

export const s3RowTotal = defineRule({
  id: 'S3-ROW-TOTAL',
  severity: 'error',
  tables: ['s3'],
  input: 'values',
  clause: 'For each row r: `r.total == r.natural + r.business + r.research + r.nonprofit + r.legal + r.otherOrg`.',
  reads: (format) => identityReads(format, 'S3-ROW-TOTAL'),
  check(ctx, report: Reporter<S3RowTotalParams>) {
    checkTotals(ctx, 'S3-ROW-TOTAL', report);
  },
});
