// S3-CARRY-CONTINUITY: this year's 上年结转 equals last year's 结转下年度, column by column.
import { clean, defineRule } from '../define';
import type { Reporter } from '../types';

export interface S3CarryContinuityParams {
  readonly column: string;
}

export const s3CarryContinuity = defineRule({
  id: 'S3-CARRY-CONTINUITY',
  severity: 'warning',
  tables: ['s3'],
  input: 'previous',
  clause: 'Needs last year: `carriedIn.c == previous.carriedOver.c` for every column.',
  reads: (format) => format.s3.columns.flatMap((c) => [`s3.carriedIn.${c.key}`, `previous.s3.carriedOver.${c.key}`]),
  check(ctx, report: Reporter<S3CarryContinuityParams>) {
    const prev = ctx.previous;
    if (!prev) return;
    for (const { key: column } of ctx.format.s3.columns) {
      const carriedIn = ctx.num(`s3.carriedIn.${column}`);
      const lastOver = prev.num(`s3.carriedOver.${column}`);
      if (!Number.isFinite(carriedIn) || lastOver === undefined || carriedIn === lastOver) continue;
      report({
        scope: column,
        cells: [`s3.carriedIn.${column}`, `previous.s3.carriedOver.${column}`],
        expected: lastOver,
        actual: carriedIn,
        delta: clean(carriedIn - lastOver),
        params: { column },
        // Last year's published figure is the authority here.
        fix: { cell: `s3.carriedIn.${column}`, value: lastOver },
      });
    }
  },
});
