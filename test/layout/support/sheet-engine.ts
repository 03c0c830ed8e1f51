// A SheetLayout evaluated by HyperFormula, a real spreadsheet formula engine: the layout's
// formulas are loaded once, then each report's values are written into the data cells and the
// status cells read back, as a user's spreadsheet would show them.
import { HyperFormula, type RawCellContent } from 'hyperformula';
import type { TableId } from '../../../src/format';
import { locateCells, type SheetLayout } from '../../../src/layout';
import type { RawValue } from '../../../src/report';

/** Text is written with a leading apostrophe, so the engine keeps it as text (as Excel does for a text cell). */
export function contentOf(value: RawValue | undefined): RawCellContent {
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? value : `'${value}`;
}

export class SheetEngine {
  private readonly hf: HyperFormula;
  private readonly positions: Map<string, { row: number; col: number }>;
  /** Data cells by sheet row. Between them on a row lie only merged parts of s2 cells (blank). */
  private readonly dataRows = new Map<number, { key: string; col: number }[]>();

  constructor(private readonly layout: SheetLayout) {
    const rows: RawCellContent[][] = Array.from({ length: layout.extent.rows }, () =>
      Array<RawCellContent>(layout.extent.cols).fill(null),
    );
    for (const cell of layout.cells) {
      if (cell.formula) rows[cell.row][cell.col] = `=${cell.formula}`;
      else if (cell.role === 'profileInput') rows[cell.row][cell.col] = contentOf(cell.value);
    }
    // Excel evaluates SUMPRODUCT's arguments as arrays; HyperFormula does so in this mode.
    this.hf = HyperFormula.buildFromArray(rows, { licenseKey: 'gpl-v3', useArrayArithmetic: true });
    this.positions = locateCells(layout);
    for (const [key, p] of this.positions) {
      if (!/^s[234]\./.test(key)) continue;
      const list = this.dataRows.get(p.row) ?? [];
      list.push({ key, col: p.col });
      this.dataRows.set(
        p.row,
        list.sort((a, b) => a.col - b.col),
      );
    }
  }

  /** Writes every data cell of the layout (keys absent from `values` become blank). */
  fill(values: Readonly<Record<string, RawValue>>): void {
    this.hf.batch(() => {
      // One write per row of data cells: HyperFormula pays per call far more than per cell.
      for (const [row, cells] of this.dataRows) {
        const first = cells[0].col;
        const line: RawCellContent[] = Array<RawCellContent>(cells[cells.length - 1].col - first + 1).fill(null);
        for (const c of cells) line[c.col - first] = contentOf(values[c.key]);
        this.hf.setCellContents({ sheet: 0, row, col: first }, [line]);
      }
    });
  }

  /** What a table's status cell shows (an engine error is returned as its text, e.g. `#VALUE!`). */
  status(table: TableId): string {
    const check = this.layout.checks.find((c) => c.table === table);
    if (!check) throw new Error(`layout has no check for ${table}`);
    return this.text(check.status.row, check.status.col);
  }

  text(row: number, col: number): string {
    const value = this.hf.getCellValue({ sheet: 0, row, col });
    if (value !== null && typeof value === 'object' && 'value' in value) return String(value.value);
    return String(value);
  }

  destroy(): void {
    this.hf.destroy();
  }
}
