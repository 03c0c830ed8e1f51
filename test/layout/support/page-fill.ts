// How a SheetLayout's print area falls onto pages at a given print scale, worked out from the
// layout's own row heights the way spreadsheet programs paginate: a page ends at a manual break or
// before the first row that no longer fits; every page after the one that printed the title rows
// starts with them (as LibreOffice and Excel repeat print titles).
import { PRINTABLE_HEIGHT } from '../../../src/layout/build';
import type { SheetLayout } from '../../../src/layout';

export interface Page {
  /** Sheet rows printed on the page, in order, the repeated title rows not included. */
  readonly rows: readonly number[];
  /** Whether the page starts with the repeated title rows. */
  readonly titled: boolean;
  /** Share of the printable height used, 0–1. */
  readonly filled: number;
}

export function paginate(layout: SheetLayout, scale: number): Page[] {
  const print = layout.print;
  if (!print) throw new Error('layout has no print setup');
  const heights = new Map(layout.rowHeights.map((r) => [r.row, r.height]));
  const height = (row: number): number => {
    const h = heights.get(row);
    if (h === undefined) throw new Error(`row ${row} prints without an explicit height`);
    return h * scale;
  };
  const titles = print.titleRows;
  const titleHeight = titles
    ? Array.from({ length: titles.rows }, (_, i) => height(titles.row + i)).reduce((a, b) => a + b, 0)
    : 0;
  const breaks = new Set(layout.pageBreaks ?? []);
  const pages: { rows: number[]; titled: boolean; used: number }[] = [];
  let titlesPrinted = false;
  let page = { rows: [] as number[], titled: false, used: 0 };
  const newPage = (): void => {
    pages.push(page);
    if (titles && page.rows.includes(titles.row + titles.rows - 1)) titlesPrinted = true;
    page = { rows: [], titled: titlesPrinted, used: titlesPrinted ? titleHeight : 0 };
  };
  for (let row = print.area.row; row < print.area.row + print.area.rows; row++) {
    if (page.rows.length > 0 && (breaks.has(row) || page.used + height(row) > PRINTABLE_HEIGHT)) newPage();
    page.rows.push(row);
    page.used += height(row);
  }
  pages.push(page);
  return pages.map((p) => ({ rows: p.rows, titled: p.titled, filled: p.used / PRINTABLE_HEIGHT }));
}
