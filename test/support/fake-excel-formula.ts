// The references inside an Excel formula, for the fake host: found by a small scanner that knows Excel's
// formula text (strings, quoted and bare sheet names, functions whose names look like cells such as
// LOG10, error literals), then moved the way Excel moves them:
// - relative parts shifted, for a conditional format evaluated at another cell of its range;
// - rows inserted or deleted, references to deleted cells becoming #REF!, areas shrinking or growing;
// - rewritten for HyperFormula, which reads neither bare non-ASCII sheet names (`年报!A1`), nor
//   `TRUE`/`FALSE` as literals, nor exponents (`1E-9`), nor `Sheet!#REF!`.
// Pure: no host, no engine.

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface GridRect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** One end of a reference. A cell has both parts, a whole-column reference no row, a whole-row one no column. */
export interface RefCorner {
  readonly row?: number;
  readonly col?: number;
  readonly rowAbsolute: boolean;
  readonly colAbsolute: boolean;
}

export interface FormulaReference {
  /** The sheet named before `!`, unquoted; absent for a reference to the formula's own sheet. */
  readonly sheet?: string;
  readonly kind: 'cell' | 'area' | 'columns' | 'rows';
  readonly from: RefCorner;
  /** Equal to `from` for a single cell. */
  readonly to: RefCorner;
}

type Token =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'ref'; readonly text: string; readonly ref: FormulaReference }
  | { readonly kind: 'error'; readonly text: string; readonly sheet?: string; readonly error: string }
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'word'; readonly text: string; readonly call: boolean };

const WORD_CHAR = /[\p{L}\p{N}_\\.$]/u;
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d{1,7})$/;
const ERROR_LITERAL = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA)/;
const PLAIN_NUMBER = /^(\d+\.?\d*|\.\d+)$/;
const EXPONENT_NUMBER = /^(\d+\.?\d*|\.\d+)[eE]\d+$/;
const EXPONENT_HEAD = /^(\d+\.?\d*|\.\d+)[eE]$/;

/** Zero-based column of letters (A → 0), without limits: the fake checks ranges itself. */
export function columnOf(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function cellCorner(word: string): RefCorner | undefined {
  const m = CELL.exec(word);
  if (!m) return undefined;
  const col = columnOf(m[2]);
  const row = Number(m[4]) - 1;
  if (col >= MAX_COLS || row < 0 || row >= MAX_ROWS) return undefined;
  return { col, row, colAbsolute: m[1] === '$', rowAbsolute: m[3] === '$' };
}

function columnCorner(word: string): RefCorner | undefined {
  const m = COLUMN.exec(word);
  if (!m) return undefined;
  const col = columnOf(m[2]);
  return col < MAX_COLS ? { col, colAbsolute: m[1] === '$', rowAbsolute: false } : undefined;
}

function rowCorner(word: string): RefCorner | undefined {
  const m = ROW.exec(word);
  if (!m) return undefined;
  const row = Number(m[2]) - 1;
  return row >= 0 && row < MAX_ROWS ? { row, rowAbsolute: m[1] === '$', colAbsolute: false } : undefined;
}

function wordAt(formula: string, start: number): string {
  let end = start;
  while (end < formula.length && WORD_CHAR.test(formula[end])) end += 1;
  return formula.slice(start, end);
}

/** Splits a formula into references, literals and the rest (kept verbatim). */
function scan(formula: string): Token[] {
  const tokens: Token[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') tokens.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;

  /** A reference (or error, or name) that starts at `i`, after an optional sheet prefix already read. */
  const reference = (sheet: string | undefined, prefix: string): boolean => {
    const error = ERROR_LITERAL.exec(formula.slice(i));
    if (error) {
      flush();
      tokens.push({
        kind: 'error',
        text: prefix + error[0],
        error: error[0],
        ...(sheet !== undefined ? { sheet } : {}),
      });
      i += error[0].length;
      return true;
    }
    const first = wordAt(formula, i);
    if (first === '') return false;
    const after = i + first.length;
    const next = formula[after];
    const withSheet = sheet !== undefined ? { sheet } : {};
    const push = (kind: FormulaReference['kind'], from: RefCorner, to: RefCorner, end: number): true => {
      flush();
      tokens.push({ kind: 'ref', text: prefix + formula.slice(i, end), ref: { ...withSheet, kind, from, to } });
      i = end;
      return true;
    };
    const second = next === ':' ? wordAt(formula, after + 1) : '';
    const cell = cellCorner(first);
    if (cell && next !== '(') {
      const to = second !== '' ? cellCorner(second) : undefined;
      return to ? push('area', cell, to, after + 1 + second.length) : push('cell', cell, cell, after);
    }
    const column = columnCorner(first);
    const toColumn = second !== '' ? columnCorner(second) : undefined;
    if (column && toColumn) return push('columns', column, toColumn, after + 1 + second.length);
    const row = rowCorner(first);
    const toRow = second !== '' ? rowCorner(second) : undefined;
    if (row && toRow) return push('rows', row, toRow, after + 1 + second.length);
    return false;
  };

  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else {
            j += 1;
            break;
          }
        } else j += 1;
      }
      text += formula.slice(i, j);
      i = j;
    } else if (ch === "'") {
      let j = i + 1;
      let name = '';
      while (j < formula.length) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") {
            name += "'";
            j += 2;
          } else break;
        } else {
          name += formula[j];
          j += 1;
        }
      }
      if (formula[j + 1] === '!') {
        const prefix = formula.slice(i, j + 2);
        const start = i;
        i = j + 2;
        if (!reference(name, prefix)) {
          text += formula.slice(start, i);
        }
      } else {
        text += formula.slice(i, j + 1);
        i = j + 1;
      }
    } else if (ch === '[') {
      let depth = 0;
      let j = i;
      do {
        if (formula[j] === '[') depth += 1;
        else if (formula[j] === ']') depth -= 1;
        j += 1;
      } while (j < formula.length && depth > 0);
      text += formula.slice(i, j);
      i = j;
    } else if (ch === '#') {
      if (!reference(undefined, '')) {
        text += ch;
        i += 1;
      }
    } else if (WORD_CHAR.test(ch)) {
      const word = wordAt(formula, i);
      const after = i + word.length;
      if (formula[after] === '!') {
        const start = i;
        i = after + 1;
        if (!reference(word, formula.slice(start, i))) text += formula.slice(start, i);
      } else if (!reference(undefined, '')) {
        const exponent = EXPONENT_HEAD.test(word) ? /^[+-]\d+/.exec(formula.slice(after)) : null;
        if (exponent) {
          flush();
          tokens.push({ kind: 'number', text: word + exponent[0] });
          i = after + exponent[0].length;
        } else if (PLAIN_NUMBER.test(word) || EXPONENT_NUMBER.test(word)) {
          flush();
          tokens.push({ kind: 'number', text: word });
          i = after;
        } else {
          flush();
          tokens.push({ kind: 'word', text: word, call: /^\s*\(/.test(formula.slice(after)) });
          i = after;
        }
      }
    } else {
      text += ch;
      i += 1;
    }
  }
  flush();
  return tokens;
}

/** A sheet name as Excel writes it before `!`: bare when it is a plain word, else quoted. */
export function sheetPrefix(sheet: string, alwaysQuote = false): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  return plain && !alwaysQuote ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

function cornerText(corner: RefCorner): string {
  const col = corner.col === undefined ? '' : `${corner.colAbsolute ? '$' : ''}${columnLetters(corner.col)}`;
  const row = corner.row === undefined ? '' : `${corner.rowAbsolute ? '$' : ''}${corner.row + 1}`;
  return col + row;
}

export function referenceText(ref: FormulaReference, quoteSheet = false): string {
  const prefix = ref.sheet === undefined ? '' : sheetPrefix(ref.sheet, quoteSheet);
  const from = cornerText(ref.from);
  return ref.kind === 'cell' ? prefix + from : `${prefix}${from}:${cornerText(ref.to)}`;
}

/** Every reference of a formula, in order. */
export function referencesOf(formula: string): FormulaReference[] {
  return scan(formula).flatMap((t) => (t.kind === 'ref' ? [t.ref] : []));
}

/**
 * The formula with each reference replaced by what `map` returns: the same object leaves its text as
 * written, `null` makes it `#REF!` (after its sheet, as Excel writes `Sheet1!#REF!`).
 */
export function mapReferences(formula: string, map: (ref: FormulaReference) => FormulaReference | null): string {
  return scan(formula)
    .map((token) => {
      if (token.kind !== 'ref') return token.text;
      const mapped = map(token.ref);
      if (mapped === token.ref) return token.text;
      if (mapped === null) return `${token.ref.sheet === undefined ? '' : sheetPrefix(token.ref.sheet)}#REF!`;
      return referenceText(mapped);
    })
    .join('');
}

function shiftCorner(corner: RefCorner, rows: number, cols: number): RefCorner | null {
  const row = corner.row === undefined || corner.rowAbsolute ? corner.row : corner.row + rows;
  const col = corner.col === undefined || corner.colAbsolute ? corner.col : corner.col + cols;
  if (row !== undefined && (row < 0 || row >= MAX_ROWS)) return null;
  if (col !== undefined && (col < 0 || col >= MAX_COLS)) return null;
  return { ...corner, ...(row !== undefined ? { row } : {}), ...(col !== undefined ? { col } : {}) };
}

/**
 * The formula as it reads in a cell `rows` down and `cols` right of where it was written: relative parts
 * move, `$` parts stay, a reference pushed off the grid is #REF! (what Excel does to a copied formula and
 * to a conditional format's formula at each cell of its range).
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return mapReferences(formula, (ref) => {
    const from = shiftCorner(ref.from, rows, cols);
    const to = shiftCorner(ref.to, rows, cols);
    return from && to ? { ...ref, from, to } : null;
  });
}

const sameSheet = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();

function rowEdit(
  formula: string,
  home: string,
  edited: string,
  edit: (from: number, to: number) => [number, number] | null,
): string {
  return mapReferences(formula, (ref) => {
    if (ref.kind === 'columns' || !sameSheet(ref.sheet ?? home, edited)) return ref;
    const from = ref.from.row as number;
    const to = ref.to.row as number;
    const moved = edit(Math.min(from, to), Math.max(from, to));
    if (moved === null) return null;
    if (moved[0] === Math.min(from, to) && moved[1] === Math.max(from, to)) return ref;
    if (ref.kind === 'cell') return { ...ref, from: { ...ref.from, row: moved[0] }, to: { ...ref.to, row: moved[0] } };
    return { ...ref, from: { ...ref.from, row: moved[0] }, to: { ...ref.to, row: moved[1] } };
  });
}

/** Rows first…last after `count` rows were inserted before row `at` (zero-based); null if pushed off the grid. */
export function rowsAfterInsert(first: number, last: number, at: number, count: number): [number, number] | null {
  const move = (row: number): number => (row >= at ? row + count : row);
  const span: [number, number] = [move(first), move(last)];
  if (span[0] >= MAX_ROWS) return null;
  return [span[0], Math.min(span[1], MAX_ROWS - 1)];
}

/** Rows first…last after rows at…at+count-1 were deleted (zero-based); null if all of them went. */
export function rowsAfterDelete(first: number, last: number, at: number, count: number): [number, number] | null {
  const end = at + count;
  const start = first < at ? first : first >= end ? first - count : at;
  const stop = last < at ? last : last >= end ? last - count : at - 1;
  return stop < start ? null : [start, stop];
}

/** A formula on sheet `home` after `count` rows were inserted before row `at` of sheet `edited`. */
export function insertRowsInFormula(formula: string, home: string, edited: string, at: number, count: number): string {
  return rowEdit(formula, home, edited, (first, last) => rowsAfterInsert(first, last, at, count));
}

/** A formula on sheet `home` after rows at…at+count-1 of sheet `edited` were deleted. */
export function deleteRowsInFormula(formula: string, home: string, edited: string, at: number, count: number): string {
  return rowEdit(formula, home, edited, (first, last) => rowsAfterDelete(first, last, at, count));
}

/** A rectangle after a row edit; whole columns stay whole columns. */
export function rectAfterRows(
  rect: GridRect,
  edit: (first: number, last: number) => [number, number] | null,
): GridRect | null {
  if (rect.row === 0 && rect.rows === MAX_ROWS) return rect;
  const moved = edit(rect.row, rect.row + rect.rows - 1);
  return moved === null ? null : { ...rect, row: moved[0], rows: moved[1] - moved[0] + 1 };
}

/** The digits of a number without an exponent: 1e-9 → 0.000000001. */
export function plainDecimal(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const text = String(n);
  if (!/e/i.test(text)) return text;
  const [mantissa, exponentText] = n.toExponential().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  const point = 1 + exponent;
  const body =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? '-' : '') + body;
}

/**
 * The formula as HyperFormula reads it: every sheet name quoted (and spelled as the workbook spells it,
 * `canonical` mapping what is written to the sheet's name), `Sheet!#REF!` as `#REF!`, TRUE and FALSE as
 * the functions, exponents written out.
 */
export function engineFormula(formula: string, canonical: (sheet: string) => string = (s) => s): string {
  return scan(formula)
    .map((token) => {
      switch (token.kind) {
        case 'ref':
          return referenceText(
            token.ref.sheet === undefined ? token.ref : { ...token.ref, sheet: canonical(token.ref.sheet) },
            true,
          );
        case 'error':
          return token.error;
        case 'number':
          return /e/i.test(token.text) ? plainDecimal(Number(token.text)) : token.text;
        case 'word':
          return !token.call && /^(TRUE|FALSE)$/i.test(token.text) ? `${token.text.toUpperCase()}()` : token.text;
        default:
          return token.text;
      }
    })
    .join('');
}
