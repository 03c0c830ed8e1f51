// What the live writer puts into `Range.formulas` for one layout cell. Pure.
//
// Office.js treats a string written to a cell like text typed by the user: `12`, `1,5`, `5%`, `2024-1-1`,
// `3月5日` or `TRUE` become numbers, dates or booleans, and `=`, `+`, `-` start a formula. A layout string is
// text and must stay text (it is text in the .xlsx file too), so any string Excel might read as something
// else gets a leading apostrophe — Excel's own "this is text" prefix, which is not part of the cell's value.
// Over-prefixing is harmless; under-prefixing changes data, so the test below errs wide.

/** Characters of numbers, dates, times, fractions, currencies and percentages (half- and full-width). */
const NUMERIC_LOOKING = /^[\s0-9０-９.,:/%$¥￥€£()eE+\-－．，：／％]*$/;
const HAS_DIGIT = /[0-9０-９]/;
const CJK_DATE = [
  /^\s*[0-9０-９]{1,4}\s*年\s*[0-9０-９]{1,2}\s*月(\s*[0-9０-９]{1,2}\s*日)?\s*$/,
  /^\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日\s*$/,
];
const LATIN_DATE = [
  /^\s*\d{1,2}[-\s/]?[A-Za-z]{3,9}\.?([-\s/,]+\d{2,4})?\s*$/,
  /^\s*[A-Za-z]{3,9}\.?[-\s/]?\d{1,4}([-\s/,]+\d{2,4})?\s*$/,
  /^[\s\d:.]+[AaPp][Mm]?\s*$/,
];

/** True if Excel could read the string as anything but the same text. */
export function needsTextPrefix(text: string): boolean {
  if (text === '') return false;
  if (/^['=+\-@#]/.test(text)) return true;
  const upper = text.trim().toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return true;
  if (HAS_DIGIT.test(text) && NUMERIC_LOOKING.test(text)) return true;
  return CJK_DATE.some((re) => re.test(text)) || (HAS_DIGIT.test(text) && LATIN_DATE.some((re) => re.test(text)));
}

/** A layout cell's content as one entry of the `Range.formulas` array. */
export function formulaEntry(value: string | number | null | undefined, formula?: string): string | number {
  if (formula !== undefined && formula !== '') return formula.startsWith('=') ? formula : `=${formula}`;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot write ${value} to a cell`);
    return value;
  }
  return needsTextPrefix(value) ? `'${value}` : value;
}
