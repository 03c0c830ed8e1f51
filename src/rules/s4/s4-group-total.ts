// S4-GROUP-TOTAL: for 行政复议 and both 行政诉讼 groups, 总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
import { defineRule } from '../define';
import { checkTotals, identityReads } from '../identity-check';
import type { Reporter } from '../types';

export interface S4GroupTotalParams {
  /** The group key (`review`, `litigation`, `litigationAfterReview`). */
  readonly scope: string;
}

export const s4GroupTotal = defineRule({
  id: 'S4-GROUP-TOTAL',
  severity: 'error',
  tables: ['s4'],
  input: 'values',
  clause:
    'For each group g in review, litigation, litigationAfterReview: `g.total == g.upheld + g.corrected + g.other + g.pending`.',
  reads: (format) => identityReads(format, 'S4-GROUP-TOTAL'),
  check(ctx, report: Reporter<S4GroupTotalParams>) {
    checkTotals(ctx, 'S4-GROUP-TOTAL', report);
  },
});
