// CELL-NOT-INTEGER: a count with a fractional part (float noise from spreadsheet arithmetic excepted).
import { isWholeNumber } from '../../report';
import { defineRule } from '../define';
import type { Reporter } from '../types';
import { CELL_TABLES, cellsIn } from './cells';

export const cellNotInteger = defineRule({
  id: 'CELL-NOT-INTEGER',
  severity: 'error',
  tables: CELL_TABLES,
  input: 'values',
  clause: 'A count with a fractional part.',
  reads: cellsIn('count', 'signedCount'),
  check(ctx, report: Reporter<Record<never, never>>) {
    for (const cell of ctx.format.cells) {
      if (cell.unit !== 'count' && cell.unit !== 'signedCount') continue;
      const value = ctx.nums[cell.index];
      if (Number.isNaN(value) || isWholeNumber(value)) continue;
      report({
        scope: cell.key,
        cells: [cell.key],
        actual: value,
        params: {},
        fix: { cell: cell.key, value: Math.round(value) },
      });
    }
  },
});
