// CELL-NEGATIVE: a count or amount below 0, except the 2019 format's 本年增/减.
import { defineRule } from '../define';
import type { Reporter } from '../types';
import { CELL_TABLES, cellsIn } from './cells';

export const cellNegative = defineRule({
  id: 'CELL-NEGATIVE',
  severity: 'error',
  tables: CELL_TABLES,
  input: 'values',
  clause: 'A count or amount below 0 (2019 `change` cells excepted).',
  reads: cellsIn('count', 'wanyuan'),
  check(ctx, report: Reporter<Record<never, never>>) {
    for (const cell of ctx.format.cells) {
      const value = ctx.nums[cell.index];
      if (value < 0 && cell.unit !== 'signedCount') {
        report({ scope: cell.key, cells: [cell.key], actual: value, params: {} });
      }
    }
  },
});
