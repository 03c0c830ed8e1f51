// What the Excel writer adds to the layout's A1 helpers (src/layout/a1.ts): whole rows and columns,
// and the grouping of cells into few rectangles so that formats go out in few range operations.
import { columnName } from '../layout/a1';
import type { CellPosition, CellRange } from '../layout/types';

/** Whole columns `B:D` (zero-based first column, count). */
export function columnsAddress(col: number, count: number): string {
  return `${columnName(col)}:${columnName(col + count - 1)}`;
}

/** Whole rows `3:5` (zero-based first row, count). */
export function rowsAddress(row: number, count: number): string {
  return `${row + 1}:${row + count}`;
}

/**
 * Cells to a few rectangles that cover exactly those cells: runs along each row, then runs with the same
 * columns stacked over consecutive rows. Not the minimum cover, but exact, deterministic and small for
 * table-shaped layouts (one rectangle per block of a table).
 */
export function toRectangles(cells: Iterable<CellPosition>): CellRange[] {
  const byRow = new Map<number, Set<number>>();
  for (const { row, col } of cells) {
    let cols = byRow.get(row);
    if (!cols) byRow.set(row, (cols = new Set()));
    cols.add(col);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const open = new Map<string, { row: number; col: number; rows: number; cols: number }>();
  const done: CellRange[] = [];
  for (const row of rows) {
    const cols = [...(byRow.get(row) ?? [])].sort((a, b) => a - b);
    const runs: { col: number; cols: number }[] = [];
    for (const col of cols) {
      const last = runs[runs.length - 1];
      if (last && last.col + last.cols === col) last.cols += 1;
      else runs.push({ col, cols: 1 });
    }
    const continued = new Set<string>();
    for (const run of runs) {
      const id = `${run.col}:${run.cols}`;
      const rect = open.get(id);
      if (rect && rect.row + rect.rows === row) {
        rect.rows += 1;
      } else {
        if (rect) done.push({ ...rect });
        open.set(id, { row, col: run.col, rows: 1, cols: run.cols });
      }
      continued.add(id);
    }
    for (const [id, rect] of open) {
      if (!continued.has(id)) {
        done.push({ ...rect });
        open.delete(id);
      }
    }
  }
  for (const rect of open.values()) done.push({ ...rect });
  return done.sort((a, b) => a.row - b.row || a.col - b.col);
}
