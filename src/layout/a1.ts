// A1 notation at the edge: zero-based (row, col) ↔ `B7`, ranges ↔ `B7:D9`, and sheet-qualified
// references as Excel writes them in defined names (`'年报 2024'!$B$7:$D$9`). Pure; no host.
import type { CellRange } from './types';

/** Column letters of a zero-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`bad column index ${col}`);
  let name = '';
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Zero-based column index of column letters (case-insensitive). */
export function columnIndex(name: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(name)) throw new RangeError(`bad column name ${name}`);
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `B7` for (6, 1); with `absolute`, `$B$7`. */
export function cellA1(row: number, col: number, absolute = false): string {
  if (!Number.isInteger(row) || row < 0) throw new RangeError(`bad row index ${row}`);
  const d = absolute ? '$' : '';
  return `${d}${columnName(col)}${d}${row + 1}`;
}

/** `B7:D9`, or `B7` for a single cell. */
export function rangeA1(range: CellRange, absolute = false): string {
  if (range.rows < 1 || range.cols < 1) throw new RangeError(`empty range at row ${range.row}, column ${range.col}`);
  const start = cellA1(range.row, range.col, absolute);
  if (range.rows === 1 && range.cols === 1) return start;
  return `${start}:${cellA1(range.row + range.rows - 1, range.col + range.cols - 1, absolute)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** (row, col) of `B7` or `$B$7`. Throws RangeError on anything else. */
export function parseCellA1(ref: string): { row: number; col: number } {
  const m = CELL.exec(ref.trim());
  if (!m) throw new RangeError(`not an A1 cell reference: ${ref}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** The rectangle of `B7:D9`, `$B$7:$D$9` or `B7`. */
export function parseRangeA1(ref: string): CellRange {
  const [a, b] = ref.split(':');
  const start = parseCellA1(a);
  const end = b === undefined ? start : parseCellA1(b);
  const row = Math.min(start.row, end.row);
  const col = Math.min(start.col, end.col);
  return { row, col, rows: Math.abs(end.row - start.row) + 1, cols: Math.abs(end.col - start.col) + 1 };
}

/** A sheet name as it must appear before `!`: always quoted, inner quotes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** `'Sheet'!$B$7:$D$9`: what a defined name refers to. */
export function sheetRangeA1(sheet: string, range: CellRange): string {
  return `${quoteSheetName(sheet)}!${rangeA1(range, true)}`;
}

export interface SheetRange {
  readonly sheet: string;
  readonly range: CellRange;
}

/**
 * The areas of a defined name's formula: `'A b'!$B$7:$D$9,Sheet2!$C$1`. Parts that are not plain
 * sheet-qualified cell areas (constants, other formulas, #REF!) are skipped: a name we cannot
 * follow is treated as absent.
 */
export function parseSheetRanges(formula: string): SheetRange[] {
  const out: SheetRange[] = [];
  let i = 0;
  const text = formula.trim().replace(/^=/, '');
  while (i < text.length) {
    let sheet: string;
    if (text[i] === "'") {
      let j = i + 1;
      let name = '';
      while (j < text.length) {
        if (text[j] === "'") {
          if (text[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += text[j];
        j++;
      }
      sheet = name;
      i = j + 1;
    } else {
      const bang = text.indexOf('!', i);
      if (bang < 0) break;
      sheet = text.slice(i, bang);
      i = bang;
    }
    if (text[i] !== '!') break;
    i++;
    const comma = text.indexOf(',', i);
    const area = text.slice(i, comma < 0 ? text.length : comma);
    i = comma < 0 ? text.length : comma + 1;
    try {
      out.push({ sheet, range: parseRangeA1(area) });
    } catch {
      // Not a cell area (e.g. #REF! after the cells were deleted): skip it.
    }
  }
  return out;
}
