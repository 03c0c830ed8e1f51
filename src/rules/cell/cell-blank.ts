// CELL-BLANK: a data cell is empty or holds a placeholder (—, -, /, 无, 空): the format needs a number.
import { defineRule } from '../define';
import type { Reporter } from '../types';
import { allCells, CELL_TABLES } from './cells';

export interface CellBlankParams {
  /** The placeholder written in the cell, when it was not simply empty. */
  readonly placeholder?: string;
}

export const cellBlank = defineRule({
  id: 'CELL-BLANK',
  severity: 'error',
  tables: CELL_TABLES,
  input: 'values',
  clause: 'The cell is empty, or holds a placeholder such as `—`, `-`, `/`, `无`, `空`.',
  reads: allCells,
  check(ctx, report: Reporter<CellBlankParams>) {
    for (const cell of ctx.format.cells) {
      const reading = ctx.readings[cell.index];
      if (reading.kind !== 'blank') continue;
      // A placeholder stands for "nothing happened": 0 is what the user meant. An empty cell may
      // simply not be filled in yet, so it gets no one-click fix.
      report({
        scope: cell.key,
        cells: [cell.key],
        params: reading.placeholder ? { placeholder: reading.placeholder } : {},
        ...(reading.placeholder ? { fix: { cell: cell.key, value: 0 } } : {}),
      });
    }
  },
});
