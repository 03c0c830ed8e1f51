// Whole rows inserted into or deleted from a sheet of the fake host, as Excel does it: cells, formats and
// row heights move; merges, defined names, conditional formats and data validations move, grow or shrink
// (and go when nothing of them is left); every formula in the workbook that refers to the sheet follows,
// a reference to a deleted cell becoming #REF!; the print area, print titles and page breaks follow.
// Inserted rows take the formats of the row above (Excel's "Format Same As Above").
import type { FakeConditionalFormat, FakeFormat, FakeName, FakeSheet, FakeWorkbookState } from './fake-excel';
import {
  columnLetters,
  deleteRowsInFormula,
  insertRowsInFormula,
  rectAfterRows,
  rowsAfterDelete,
  rowsAfterInsert,
  shiftFormula,
  sheetPrefix,
  type GridRect,
} from './fake-excel-formula';

export type RowEdit = { readonly kind: 'insert' | 'delete'; readonly at: number; readonly count: number };

const sameName = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();

function spanEdit(edit: RowEdit): (first: number, last: number) => [number, number] | null {
  return edit.kind === 'insert'
    ? (first, last) => rowsAfterInsert(first, last, edit.at, edit.count)
    : (first, last) => rowsAfterDelete(first, last, edit.at, edit.count);
}

/** Where a row goes, or null if it was deleted. */
function rowAfter(row: number, edit: RowEdit): number | null {
  const moved = spanEdit(edit)(row, row);
  return moved === null ? null : moved[0];
}

function formulaAfter(formula: string, home: string, edited: string, edit: RowEdit): string {
  return edit.kind === 'insert'
    ? insertRowsInFormula(formula, home, edited, edit.at, edit.count)
    : deleteRowsInFormula(formula, home, edited, edit.at, edit.count);
}

function absolute(rect: GridRect): string {
  const corner = (row: number, col: number): string => `$${columnLetters(col)}$${row + 1}`;
  const a = corner(rect.row, rect.col);
  return rect.rows === 1 && rect.cols === 1 ? a : `${a}:${corner(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
}

function moveKeyed<T>(map: Map<string, T>, edit: RowEdit): void {
  const entries = [...map];
  map.clear();
  for (const [key, value] of entries) {
    const [row, col] = key.split(',').map(Number);
    const to = rowAfter(row, edit);
    if (to !== null) map.set(`${to},${col}`, value);
  }
}

function moveName(name: FakeName, sheet: FakeSheet, edit: RowEdit): FakeName {
  if (name.formula !== undefined || !sameName(name.sheet, sheet.name)) return name;
  const moved = name.rects.map((r) => rectAfterRows(r, spanEdit(edit)));
  if (moved.every((r) => r !== null)) return { ...name, rects: moved as GridRect[] };
  const prefix = sheetPrefix(name.sheet);
  return {
    ...name,
    rects: moved.filter((r): r is GridRect => r !== null),
    formula: `=${moved.map((r) => (r === null ? `${prefix}#REF!` : `${prefix}${absolute(r)}`)).join(',')}`,
  };
}

/**
 * A conditional format of the edited sheet: its formula is relative to its range's top-left cell, so it is
 * read as at the cell that becomes the new top-left, then adjusted like any formula.
 */
function moveConditionalFormat(
  cf: FakeConditionalFormat,
  sheet: FakeSheet,
  edit: RowEdit,
): FakeConditionalFormat | null {
  const rects = cf.rects.map((r) => rectAfterRows(r, spanEdit(edit))).filter((r): r is GridRect => r !== null);
  if (rects.length === 0) return null;
  let formula = cf.formula;
  if (formula !== undefined) {
    const anchor = cf.rects[0];
    const top = rects[0].row;
    // The old row of the new top-left cell (below a deleted block it came from `count` rows further down).
    const origin =
      edit.kind === 'delete' && top >= edit.at ? top + edit.count : edit.kind === 'insert' ? anchor.row : top;
    const seen = shiftFormula(formula, origin - anchor.row, rects[0].col - anchor.col);
    formula = formulaAfter(seen, sheet.name, sheet.name, edit);
  }
  return { ...cf, rects, ...(formula !== undefined ? { formula } : {}) };
}

function moveRuleFormulas(rule: Record<string, unknown>, home: string, edited: string, edit: RowEdit): void {
  for (const body of Object.values(rule)) {
    if (!body || typeof body !== 'object') continue;
    const fields = body as Record<string, unknown>;
    for (const field of ['formula1', 'formula2', 'formula', 'source']) {
      const value = fields[field];
      if (typeof value === 'string' && value.startsWith('=')) fields[field] = formulaAfter(value, home, edited, edit);
    }
  }
}

function moveRowText(text: string | undefined, edit: RowEdit): string | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+):(\d+)$/.exec(text);
  if (!m) return text;
  const moved = spanEdit(edit)(Number(m[1]) - 1, Number(m[2]) - 1);
  return moved === null ? undefined : `${moved[0] + 1}:${moved[1] + 1}`;
}

/** Applies a row insertion or deletion to `sheet` and everything in the workbook that refers to it. */
export function editRows(state: FakeWorkbookState, sheet: FakeSheet, edit: RowEdit): void {
  // Formats of the row above, copied into inserted rows.
  const above: [number, FakeFormat][] = [];
  if (edit.kind === 'insert' && edit.at > 0) {
    for (const [key, format] of sheet.formats) {
      const [row, col] = key.split(',').map(Number);
      if (row === edit.at - 1) above.push([col, format]);
    }
  }

  for (const other of state.sheets) {
    for (const [key, cell] of [...other.cells]) {
      if (cell.formula === undefined) continue;
      const formula = formulaAfter(cell.formula, other.name, sheet.name, edit);
      if (formula !== cell.formula) other.cells.set(key, { ...cell, formula });
    }
    if (other !== sheet) {
      other.conditionalFormats.forEach((cf, i) => {
        if (cf.formula !== undefined)
          other.conditionalFormats[i] = { ...cf, formula: formulaAfter(cf.formula, other.name, sheet.name, edit) };
      });
    }
    for (const dv of other.dataValidations) if (dv.rule) moveRuleFormulas(dv.rule, other.name, sheet.name, edit);
    other.names.forEach((n, i) => (other.names[i] = moveName(n, sheet, edit)));
  }
  state.names.forEach((n, i) => (state.names[i] = moveName(n, sheet, edit)));

  moveKeyed(sheet.cells, edit);
  moveKeyed(sheet.formats, edit);
  for (const [col, format] of above) {
    for (let r = 0; r < edit.count; r += 1) sheet.formats.set(`${edit.at + r},${col}`, structuredClone(format));
  }
  const heights = [...sheet.rowHeights];
  sheet.rowHeights.clear();
  for (const [row, height] of heights) {
    const to = rowAfter(row, edit);
    if (to !== null) sheet.rowHeights.set(to, height);
  }

  const merges = sheet.merges
    .map((m) => rectAfterRows(m, spanEdit(edit)))
    .filter((m): m is GridRect => m !== null && m.rows * m.cols > 1);
  sheet.merges.splice(0, sheet.merges.length, ...merges);

  const formats = sheet.conditionalFormats
    .map((cf) => moveConditionalFormat(cf, sheet, edit))
    .filter((cf): cf is FakeConditionalFormat => cf !== null);
  sheet.conditionalFormats.splice(0, sheet.conditionalFormats.length, ...formats);

  const validations = sheet.dataValidations.flatMap((dv) => {
    const rects = dv.rects.map((r) => rectAfterRows(r, spanEdit(edit))).filter((r): r is GridRect => r !== null);
    return rects.length === 0 ? [] : [{ ...dv, rects }];
  });
  sheet.dataValidations.splice(0, sheet.dataValidations.length, ...validations);

  const page = sheet.pageLayout;
  if (page.printArea !== undefined) {
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(page.printArea);
    if (m) {
      const moved = spanEdit(edit)(Number(m[2]) - 1, Number(m[4] ?? m[2]) - 1);
      if (moved === null) delete page.printArea;
      else page.printArea = `${m[1]}${moved[0] + 1}:${m[3] ?? m[1]}${moved[1] + 1}`;
    }
  }
  const titles = moveRowText(page.printTitleRows, edit);
  if (titles === undefined) delete page.printTitleRows;
  else page.printTitleRows = titles;
  if (page.pageBreaks) {
    page.pageBreaks = page.pageBreaks.map((row) => rowAfter(row, edit)).filter((row): row is number => row !== null);
  }
}
