// S3-SAME-AS-LAST-YEAR: a table whose every value equals last year's, with some flow not 0, was
// probably copied. Reads s3, and s2 and s4 too: each table is judged on its own.
import type { CellDef, FormatDef, TableId } from '../../format';
import { defineRule } from '../define';
import type { Reporter } from '../types';

export interface S3SameAsLastYearParams {
  /** The table copied. */
  readonly table: TableId;
}

const TABLES = ['s3', 's2', 's4'] as const;

/** Stocks (现行有效件数, 对外公开总数量, 上一年项目数量) may stay the same; only flows show a copy. */
const isStock = (cell: CellDef): boolean =>
  cell.table === 's2' && (cell.col === 'valid' || cell.col === 'total' || cell.col === 'previous');

const cellsOf = (format: FormatDef, table: TableId): readonly CellDef[] =>
  format.cells.filter((c) => c.table === table);

export const s3SameAsLastYear = defineRule({
  id: 'S3-SAME-AS-LAST-YEAR',
  severity: 'warning',
  tables: TABLES,
  input: 'previous',
  clause: "Needs last year: every s3 (and s2, s4) value equals last year's, and some are non-zero",
  reads: (format) => format.cells.flatMap((c) => [c.key, `previous.${c.key}`]),
  check(ctx, report: Reporter<S3SameAsLastYearParams>) {
    const prev = ctx.previous;
    if (!prev) return;
    for (const table of TABLES) {
      const cells = cellsOf(ctx.format, table);
      let someFlow = false;
      const copied = cells.every((cell) => {
        const now = ctx.nums[cell.index];
        if (now !== prev.num(cell.key)) return false; // NaN (not a number) is never equal either
        if (now !== 0 && !isStock(cell)) someFlow = true;
        return true;
      });
      if (copied && someFlow) report({ scope: table, cells: cells.map((c) => c.key), params: { table } });
    }
  },
});
