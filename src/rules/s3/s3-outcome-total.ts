// S3-OUTCOME-TOTAL: for each column, （七）总计 equals the sum of every outcome row.
import { defineRule } from '../define';
import { compiledIdentities, evaluate, holds, identityNumbers, identityReads } from '../identity-check';
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
    for (const c of compiledIdentities(ctx.format, 'S3-OUTCOME-TOTAL')) {
      const e = evaluate(ctx.nums, c);
      if (!e || holds(e)) continue;
      const numbers = identityNumbers(e);
      report({
        scope: c.identity.scope,
        cells: c.cells,
        ...numbers,
        params: { scope: c.identity.scope },
        // Unambiguous: the total of filled parts is their sum.
        fix: { cell: c.identity.result, value: numbers.expected ?? 0 },
      });
    }
  },
});
