// S2-2019-DECISIONS: in the 2019 format, 处理决定数量 equal to 上一年项目数量 + 本年增/减 means items
// and decisions were confused.
import { defineRule } from '../define';
import type { Reporter } from '../types';

export interface S2Decisions2019Params {
  readonly row: string;
}

const ROWS = ['license', 'otherService', 'penalty', 'enforcement'] as const;
const cellsOf = (row: string): string[] => [`s2.${row}.decisions`, `s2.${row}.previous`, `s2.${row}.change`];

export const s2Decisions2019 = defineRule({
  id: 'S2-2019-DECISIONS',
  severity: 'warning',
  tables: ['s2'],
  input: 'values',
  clause: '2019 format: `decisions == previous + change` for a row with non-zero values',
  reads: (format) => (format.version === '2019' ? ROWS.flatMap(cellsOf) : []),
  check(ctx, report: Reporter<S2Decisions2019Params>) {
    if (ctx.format.version !== '2019') return;
    for (const row of ROWS) {
      const cells = cellsOf(row);
      const [decisions, previous, change] = cells.map((key) => ctx.num(key));
      // A blank or text cell reads NaN, which equals no sum.
      if (previous === 0 && change === 0 && decisions === 0) continue;
      if (decisions === previous + change) report({ scope: row, cells, actual: decisions, params: { row } });
    }
  },
});
