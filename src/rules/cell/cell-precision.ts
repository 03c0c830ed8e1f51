// CELL-PRECISION: an amount in 万元 with more than 4 decimals (finer than one yuan).
import { defineRule } from '../define';
import type { Reporter } from '../types';
import { cellsIn } from './cells';

export interface CellPrecisionParams {
  readonly decimals: number;
}

export const cellPrecision = defineRule({
  id: 'CELL-PRECISION',
  severity: 'warning',
  tables: ['s2'],
  input: 'values',
  clause: '`s2.fee.amount` with more than 4 decimals.',
  reads: cellsIn('wanyuan'),
  check(ctx, report: Reporter<CellPrecisionParams>) {
    for (const cell of ctx.format.cells) {
      if (cell.unit !== 'wanyuan') continue;
      const reading = ctx.readings[cell.index];
      if (reading.kind !== 'number' || reading.decimals <= 4) continue;
      report({
        scope: cell.key,
        cells: [cell.key],
        actual: reading.value,
        params: { decimals: reading.decimals },
        fix: { cell: cell.key, value: Math.round(reading.value * 1e4) / 1e4 },
      });
    }
  },
});
