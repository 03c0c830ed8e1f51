// Reading what a person typed into a data cell: numbers as written in real reports (full-width
// digits, thousands separators, spaces, a trailing unit) and the placeholders that mean "blank".

/**
 * What a raw cell holds once read. `text` keeps the original so nothing typed is lost; `tooLarge`
 * marks a number beyond what a figure may be (MAX_FIGURE), which is not a valid figure either.
 */
export type CellReading =
  | { readonly kind: 'number'; readonly value: number; readonly decimals: number }
  | { readonly kind: 'blank'; readonly placeholder?: string }
  | { readonly kind: 'text'; readonly text: string; readonly tooLarge?: true };

/**
 * The largest magnitude a figure may have: 2^53 − 1, the last whole number a double holds exactly.
 * Beyond it a count cannot be told from its neighbours (a 30-digit count), and sums stop being exact.
 */
export const MAX_FIGURE = Number.MAX_SAFE_INTEGER;

/** The raw value of a cell as stored: a number, blank, or the text that was not a number. */
export type RawValue = number | string | null;

/** Written in a cell to mean "nothing": the format wants 0 there. */
const PLACEHOLDERS = new Set(['—', '——', '–', '-', '－', '―', '─', '/', '／', '\\', '无', '空', '暂无', '不适用', '×']);

/** Trailing units that real reports write after a figure. 元 alone is not accepted: it is not 万元. */
const TRAILING_UNIT = /(?:万元|件|条|项|个|次)$/;

const BLANK: CellReading = { kind: 'blank' };

function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    // Full-width ASCII variants (！ to ～) map onto ASCII by a fixed offset.
    // (Ideographic, no-break and thin spaces need nothing: trim() and \s already take them.)
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (ch === '\u2212') out += '-';
    else if (ch === '。' || ch === '．') out += '.';
    else out += ch;
  }
  return out;
}

/** Number of digits after the decimal point in a decimal literal (`13.390` → 3). */
function decimalsOf(literal: string): number {
  const dot = literal.indexOf('.');
  return dot < 0 ? 0 : literal.length - dot - 1;
}

/**
 * Digits after the point of a number as a person wrote it (13.39 → 2, 1e-7 → 7). Read to 15
 * significant digits, so float noise from spreadsheet arithmetic (0.1 + 0.2) does not count.
 */
export function decimalsOfNumber(value: number): number {
  if (Number.isInteger(value)) return 0;
  const text = value.toPrecision(15);
  const exp = text.match(/e([+-]\d+)$/);
  const mantissa = (exp ? text.slice(0, text.indexOf('e')) : text).replace(/\.?0+$/, '');
  return Math.max(0, decimalsOf(mantissa) - (exp ? Number(exp[1]) : 0));
}

/** True for a whole number, allowing the float noise of spreadsheet arithmetic (2.9999999999999996). */
export function isWholeNumber(value: number): boolean {
  return Math.abs(value - Math.round(value)) < 1e-9;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const EXPONENT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)e[+-]?\d+$/i;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * Read one raw cell. Never throws: anything that is not a number or a placeholder comes back as
 * text, unchanged, for the cell rules to report.
 */
export function readCell(raw: RawValue | undefined): CellReading {
  if (raw === null || raw === undefined) return BLANK;
  if (typeof raw === 'number') {
    if (Number.isNaN(raw)) return { kind: 'text', text: String(raw) };
    if (Math.abs(raw) > MAX_FIGURE) return { kind: 'text', text: String(raw), tooLarge: true };
    return { kind: 'number', value: Object.is(raw, -0) ? 0 : raw, decimals: decimalsOfNumber(raw) };
  }
  const original = raw;
  let text = toHalfWidth(raw).trim();
  if (text === '') return BLANK;
  if (PLACEHOLDERS.has(text) || PLACEHOLDERS.has(text.replace(/\s+/g, '')))
    return { kind: 'blank', placeholder: original.trim() };
  text = text.replace(TRAILING_UNIT, '').trim();
  text = text.replace(/\s+/g, '');
  // Thousands separators (the full-width comma is already ASCII here): accept `1,234` but not
  // `1,2`, which is more likely a typo for 1.2 than a figure.
  if (text.includes(',')) {
    if (!GROUPED.test(text)) return { kind: 'text', text: original };
    text = text.replace(/,/g, '');
  }
  if (!NUMBER.test(text)) {
    // Exponents are no way to write a count, but one that overflows (a JSON literal 1e400) is at
    // least a number too large to be a figure, and says so.
    const overflow = EXPONENT.test(text) && !(Math.abs(Number(text)) <= MAX_FIGURE);
    return overflow ? { kind: 'text', text: original, tooLarge: true } : { kind: 'text', text: original };
  }
  const value = Number(text);
  if (!Number.isFinite(value) || Math.abs(value) > MAX_FIGURE) return { kind: 'text', text: original, tooLarge: true };
  return { kind: 'number', value: Object.is(value, -0) ? 0 : value, decimals: decimalsOf(text.replace(/^[+-]/, '')) };
}

/** The number in a cell, or undefined when the cell is blank or text. */
export function cellNumber(raw: RawValue | undefined): number | undefined {
  const reading = readCell(raw);
  return reading.kind === 'number' ? reading.value : undefined;
}
