// S3-ZERO-YEAR: a column with no new and no carried-in application must have every outcome and the
// carry-over 0. The clearer message for the commonest case of S3-BALANCE, which then stays silent.
import { clean, defineRule } from '../define';
import { zeroYearCells, zeroYearOffenders } from '../identity-check';
import type { Reporter } from '../types';

export interface S3ZeroYearParams {
  readonly column: string;
}

export const s3ZeroYear = defineRule({
  id: 'S3-ZERO-YEAR',
  severity: 'error',
  tables: ['s3'],
  input: 'values',
  clause: 'If `new.c + carriedIn.c == 0`, every outcome cell and `carriedOver.c` of column c must be 0',
  reads: (format) => format.s3.columns.flatMap((c) => zeroYearCells(format, c.key)),
  check(ctx, report: Reporter<S3ZeroYearParams>) {
    for (const { key: column } of ctx.format.s3.columns) {
      const offenders = zeroYearOffenders(ctx, column);
      if (!offenders) continue;
      const actual = clean(ctx.num(`s3.total.${column}`) + ctx.num(`s3.carriedOver.${column}`));
      report({
        scope: column,
        // The offenders first, then the two zero inputs (the messages rely on that order).
        cells: [...offenders, `s3.new.${column}`, `s3.carriedIn.${column}`],
        keyCells: zeroYearCells(ctx.format, column),
        expected: 0,
        actual,
        delta: actual,
        params: { column },
      });
    }
  },
});
