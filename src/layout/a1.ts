// A1 notation at the edge: zero-based positions ↔ `B7`, ranges ↔ `B7:D9` (also whole columns `B:D`
// and rows `3:5`), and the references Excel writes in defined names and change events, optionally
// sheet-qualified and multi-area (`'年报 2024'!$B$7:$D$9, D4`). Pure; no host.
import { SHEET_COLUMNS, SHEET_ROWS, type CellPosition, type CellRange } from './types';

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

/** Zero-based column index of column letters (case-insensitive), A…XFD. */
export function columnIndex(name: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(name)) throw new RangeError(`bad column name ${name}`);
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n > SHEET_COLUMNS) throw new RangeError(`column ${name} lies beyond XFD`);
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

/** Zero-based row index of a row number as written (`7` → 6), 1…1,048,576. */
function rowIndex(digits: string, ref: string): number {
  const n = Number(digits);
  if (n < 1 || n > SHEET_ROWS) throw new RangeError(`row ${digits} lies outside the sheet: ${ref}`);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** The position of `B7` or `$B$7`. Throws RangeError on anything else. */
export function parseCellA1(ref: string): CellPosition {
  const m = CELL.exec(ref.trim());
  if (!m) throw new RangeError(`not an A1 cell reference: ${ref}`);
  return { row: rowIndex(m[2], ref), col: columnIndex(m[1]) };
}

const COLUMNS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d{1,7}):\$?(\d{1,7})$/;

/**
 * The rectangle of `B7:D9`, `$B$7:$D$9`, `B7`, whole columns `B:D` or whole rows `3:5` (corners in
 * any order). Throws RangeError on anything else, `#REF!` included.
 */
export function parseRangeA1(ref: string): CellRange {
  const text = ref.trim();
  const columns = COLUMNS.exec(text);
  if (columns) {
    const a = columnIndex(columns[1]);
    const b = columnIndex(columns[2]);
    return { row: 0, col: Math.min(a, b), rows: SHEET_ROWS, cols: Math.abs(b - a) + 1 };
  }
  const rows = ROWS.exec(text);
  if (rows) {
    const a = rowIndex(rows[1], ref);
    const b = rowIndex(rows[2], ref);
    return { row: Math.min(a, b), col: 0, rows: Math.abs(b - a) + 1, cols: SHEET_COLUMNS };
  }
  const parts = text.split(':');
  if (parts.length > 2) throw new RangeError(`not an A1 range: ${ref}`);
  const start = parseCellA1(parts[0]);
  const end = parts.length === 1 ? start : parseCellA1(parts[1]);
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

/** One area of a reference as written: its sheet (when qualified) and the rest, not yet parsed. */
export interface ReferencePart {
  readonly sheet?: string;
  /** `$B$7:$D$9`, `#REF!`, `B:D` … trimmed. */
  readonly ref: string;
}

/**
 * The areas of a reference, split at the commas that separate them (Excel's union: `A1:B2,D4`, or
 * `A1:B2, D4` as change events write it), each with its sheet when qualified (`'a, b'!A1`,
 * `Sheet1!A1`, `#REF!$A$1`). Commas inside quoted sheet names, strings or parentheses do not split.
 * Never throws: what each part means is for the caller to decide.
 */
export function splitReference(text: string): ReferencePart[] {
  const source = text.trim().replace(/^=/, '');
  const parts: ReferencePart[] = [];
  let i = 0;
  while (i <= source.length) {
    let sheet: string | undefined;
    while (source[i] === ' ') i++;
    const start = i;
    if (source[i] === "'") {
      let name = '';
      let j = i + 1;
      while (j < source.length) {
        if (source[j] === "'") {
          if (source[j + 1] !== "'") break;
          name += "'";
          j += 2;
        } else {
          name += source[j];
          j += 1;
        }
      }
      if (source[j + 1] === '!') {
        sheet = name;
        i = j + 2;
      }
    }
    let depth = 0;
    let inString = false;
    let j = i;
    for (; j < source.length; j++) {
      const ch = source[j];
      if (ch === '"') inString = !inString;
      else if (inString) continue;
      else if (ch === '(') depth += 1;
      else if (ch === ')') depth -= 1;
      else if (ch === ',' && depth === 0) break;
    }
    let ref = source.slice(sheet === undefined ? start : i, j).trim();
    if (sheet === undefined) {
      const bang = ref.indexOf('!');
      if (bang > 0 && !ref.startsWith("'") && !ref.startsWith('"')) {
        sheet = ref.slice(0, bang);
        ref = ref.slice(bang + 1).trim();
      }
    }
    parts.push(sheet === undefined ? { ref } : { sheet, ref });
    i = j + 1;
  }
  return parts;
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
  for (const part of splitReference(formula)) {
    if (part.sheet === undefined) continue;
    try {
      out.push({ sheet: part.sheet, range: parseRangeA1(part.ref) });
    } catch {
      // Not a cell area (e.g. #REF! after the cells were deleted): skip it.
    }
  }
  return out;
}

/** One area of an address, with the sheet it names, if any. */
export interface SheetArea {
  readonly sheet?: string;
  readonly range: CellRange;
}

/**
 * Every area of an address as Excel gives it (`Range.address`, a change event's `address`):
 * `B7`, `$B$7:$D$9`, `B:D`, `3:5`, `A1:B2, D4`, `'年报 2024'!A1:B2`. Throws RangeError if any part
 * is not a cell area.
 */
export function parseAreas(address: string): SheetArea[] {
  return splitReference(address).map((part) => {
    const range = parseRangeA1(part.ref);
    return part.sheet === undefined ? { range } : { sheet: part.sheet, range };
  });
}
