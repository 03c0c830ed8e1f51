// Text as the importer compares it: full-width forms folded to ASCII, every bracket, quote, comma
// and space out of the way, and the numbering of a label (一、 （三） 2.) set apart from its words, so
// that `（三）          不予公开`, `(三) 不予公开` and `三、不予公开` read alike.

/** Full-width ASCII (！…～) and the ideographic space folded to ASCII; other characters kept. */
const HAS_FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

export function toHalfWidth(text: string): string {
  if (!HAS_FULL_WIDTH.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += text[i];
  }
  return out;
}

/** Chinese numerals as labels number their rows and parts. */
const CN_NUMERAL = '一二三四五六七八九十';

/**
 * The numbering at the start of a label, repeated (`三、（一）`), with the spaces around it:
 * `一、` `一.` `（一）` `(一)` `1.` `1、` `1．`. A digit followed by anything else is not numbering
 * (`12345热线`).
 */
const LEADING_NUMBERING = new RegExp(
  `^(?:(?:[${CN_NUMERAL}]{1,3}\\s?[、.．]|[（(]\\s?[${CN_NUMERAL}\\d]{1,3}\\s?[)）]|\\d{1,2}\\s?[.．、](?!\\d))\\s*)+`,
);

/** The label without its leading numbering. */
export function stripNumbering(label: string): string {
  return label.trimStart().replace(LEADING_NUMBERING, '');
}

/** Characters that carry a label's meaning: CJK ideographs, ASCII letters and digits. */
const NOT_CORE = /[^\u3400-\u9fff\uf900-\ufaffA-Za-z0-9]+/g;

/**
 * A label's words only: half-width, numbering stripped, then every space, bracket, quote and
 * punctuation mark removed. `（二）部分公开（区分处理的，只计这一情形，不计其他情形）` →
 * `部分公开区分处理的只计这一情形不计其他情形`.
 */
export function labelCore(label: string): string {
  return stripNumbering(toHalfWidth(label).trim()).replace(NOT_CORE, '');
}

/** Text with every space, bracket and punctuation mark removed, numbering kept (for anchors). */
export function squashText(text: string): string {
  return toHalfWidth(text).replace(NOT_CORE, '');
}

/**
 * Levenshtein distance, with an early exit: returns `limit + 1` as soon as the distance must exceed
 * `limit`, so comparing a long line of junk with a label costs little.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}
