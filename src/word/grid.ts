// Where each cell of an outline table sits on the grid, the covered cells of spans filled in, as the
// outline signature counts them: a cell's row, its first grid column, its spans. Pure.
import type { TableBlock, TableCellBlock } from '../outline';

export interface PlacedCell {
  readonly row: number;
  /** The grid column the cell starts at (columns that spans from above and the left cover counted). */
  readonly col: number;
  readonly colSpan: number;
  readonly rowSpan: number;
  readonly cell: TableCellBlock;
}

/** Every listed cell with its place, row by row. */
export function placeCells(table: TableBlock): PlacedCell[] {
  const covered: Set<number>[] = table.rows.map(() => new Set<number>());
  const placed: PlacedCell[] = [];
  table.rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (covered[r].has(col)) col += 1;
      const colSpan = Math.max(1, cell.colSpan ?? 1);
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, table.rows.length - r));
      for (let dr = 1; dr < rowSpan; dr += 1) for (let dc = 0; dc < colSpan; dc += 1) covered[r + dr].add(col + dc);
      placed.push({ row: r, col, colSpan, rowSpan, cell });
      col += colSpan;
    }
  });
  return placed;
}

/** The cell starting at each grid position (undefined where a span covers it), rows × columns. */
export function gridOf(table: TableBlock): (PlacedCell | undefined)[][] {
  const grid: (PlacedCell | undefined)[][] = table.rows.map(() =>
    Array<PlacedCell | undefined>(table.columns).fill(undefined),
  );
  for (const p of placeCells(table)) if (p.col < table.columns) grid[p.row][p.col] = p;
  return grid;
}

/**
 * The order to merge spans in so that every merge's cell indexes are still the grid columns when Word
 * gets it (Table.mergeCells counts cells in their row, and a merge across shortens its row): rightmost
 * first, and down the rows for the same column. A merge only moves cells to its right, which are done.
 */
export function mergeOrder(table: TableBlock): PlacedCell[] {
  return placeCells(table)
    .filter((p) => p.colSpan > 1 || p.rowSpan > 1)
    .sort((a, b) => b.col - a.col || b.row - a.row);
}
