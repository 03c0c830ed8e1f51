// What every cell rule reads: the data cells of the format, in printed order.
import type { FormatDef } from '../../format';

export const allCells = (format: FormatDef): readonly string[] => format.cells.map((c) => c.key);

/** The tables of the format's cells (s2, s3, s4), as the cell rules declare them. */
export const CELL_TABLES = ['s2', 's3', 's4'] as const;
