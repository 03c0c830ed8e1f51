// CELL-NOT-NUMBER: a data cell holds text that is not a number (after full-width digits, separators,
// spaces and a trailing unit are accepted), a number too large to be a figure, or a date.
import { defineRule } from '../define';
import type { Reporter } from '../types';
import { allCells, CELL_TABLES } from './cells';

export interface CellNotNumberParams {
  /** The cell's text as written. */
  readonly text: string;
  /** Why it is not a figure, where more can be said than "not a number". */
  readonly problem?: 'tooLarge' | 'date';
}

export const cellNotNumber = defineRule({
  id: 'CELL-NOT-NUMBER',
  severity: 'error',
  tables: CELL_TABLES,
  input: 'values',
  clause: 'The cell holds text that is not a number.',
  reads: allCells,
  check(ctx, report: Reporter<CellNotNumberParams>) {
    const dates = ctx.report.dateCells;
    for (const cell of ctx.format.cells) {
      const reading = ctx.readings[cell.index];
      if (reading.kind !== 'text') continue;
      const problem = reading.tooLarge ? 'tooLarge' : dates?.includes(cell.key) ? 'date' : undefined;
      report({
        scope: cell.key,
        cells: [cell.key],
        params: problem ? { text: reading.text, problem } : { text: reading.text },
      });
    }
  },
});
