// What every cell rule reads: the data cells of the format, in printed order.
import type { CellDef, FormatDef } from '../../format';

export const allCells = (format: FormatDef): readonly string[] => format.cells.map((c) => c.key);

/** The cells of the format measured in one of these units (`count`, `signedCount`, `wanyuan`). */
export const cellsIn =
  (...units: readonly CellDef['unit'][]) =>
  (format: FormatDef): readonly string[] =>
    format.cells.filter((c) => units.includes(c.unit)).map((c) => c.key);

/** The tables of the format's cells (s2, s3, s4), as the cell rules declare them. */
export const CELL_TABLES = ['s2', 's3', 's4'] as const;
