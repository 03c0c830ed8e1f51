// S3-BALANCE: for each column, 新收 + 上年结转 == 办理结果总计 + 结转下年度 (the printed 勾稽关系).
// Where nothing came in, S3-ZERO-YEAR reports the column instead. S3-DOUBLE-COUNT's advice is added
// when there are more outcomes than applications.
import { defineRule } from '../define';
import {
  compiledIdentities,
  evaluate,
  holds,
  identityNumbers,
  identityReads,
  zeroYearOffenders,
} from '../identity-check';
import { isDoubleCount, S3_DOUBLE_COUNT } from './s3-double-count';
import type { Reporter } from '../types';

export interface S3BalanceParams {
  /** The column key (`natural`, …, `total`). */
  readonly column: string;
  readonly new: number;
  readonly carriedIn: number;
  readonly carriedOver: number;
}

export const s3Balance = defineRule({
  id: 'S3-BALANCE',
  severity: 'error',
  tables: ['s3'],
  input: 'values',
  clause: 'For each column c: `new.c + carriedIn.c == total.c + carriedOver.c` (the printed 勾稽关系).',
  reads: (format) => identityReads(format, 'S3-BALANCE'),
  check(ctx, report: Reporter<S3BalanceParams>) {
    for (const c of compiledIdentities(ctx.format, 'S3-BALANCE')) {
      const e = evaluate(ctx.nums, c);
      if (!e || holds(e)) continue;
      const column = c.identity.scope;
      if (zeroYearOffenders(ctx, column)) continue; // S3-ZERO-YEAR says it more clearly
      report({
        scope: column,
        cells: c.cells,
        ...identityNumbers(e),
        hints: isDoubleCount(e) ? [S3_DOUBLE_COUNT] : [],
        params: {
          column,
          new: ctx.num(`s3.new.${column}`),
          carriedIn: ctx.num(`s3.carriedIn.${column}`),
          carriedOver: ctx.num(`s3.carriedOver.${column}`),
        },
      });
    }
  },
});
