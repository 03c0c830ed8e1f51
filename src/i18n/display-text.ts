// Text from a user's file made safe to print: control and other invisible characters escaped (a
// file name or sheet name must not move the cursor, clear the terminal or reverse the line), and
// long texts shortened so that a 1 MB cell or name never floods a message. The data keeps the text.

/**
 * Characters printed as escapes (the Unicode categories Cc, Cf, Zl, Zp, Cs): C0/C1 controls and DEL (Cc), format characters such as the bidi
 * overrides used in "trojan source" tricks and zero-width spaces (Cf), line and paragraph
 * separators (Zl, Zp) and lone surrogates (Cs).
 */
export const UNPRINTABLE_CLASS =
  '\\u0000-\\u001F\\u007F-\\u009F\\u00AD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890-\\u0891\\u08E2\\u180E\\u200B-\\u200F' +
  '\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uD800-\\uDFFF\\uFEFF\\uFFF9-\\uFFFB\\u{110BD}\\u{110CD}' +
  '\\u{13430}-\\u{1343F}\\u{1BCA0}-\\u{1BCA3}\\u{1D173}-\\u{1D17A}\\u{E0001}\\u{E0020}-\\u{E007F}';

// Written out as ranges, not \p{Cc}…: Unicode property escapes are ES2018, and the pane runs on ES2017
// engines (EdgeHTML). A test holds the ranges equal to the properties for every code point.
const UNPRINTABLE = new RegExp(`[${UNPRINTABLE_CLASS}]`, 'gu');

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every unprintable character written as an escape (`\n`, `\x1b`, `\u202e`). */
export function escapeUnprintable(text: string): string {
  return text.replace(UNPRINTABLE, escapeOne);
}

/** Longest text a message repeats from the input, in characters (code points). */
export const DISPLAY_LIMIT = 80;

/**
 * Printable and at most `max` characters: a long text keeps its start and ends in `…`. Counted in
 * code points after escaping, so a CJK character or an emoji is never cut in half.
 */
export function displayText(text: string, max: number = DISPLAY_LIMIT): string {
  const escaped = escapeUnprintable(text);
  const chars = Array.from(escaped);
  if (chars.length <= max) return escaped;
  return `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/**
 * Printable and at most `max` characters, shortened in the middle: for file paths, whose folder
 * start and file name end both matter (`/home/…/年报2024.json`).
 */
export function displayPath(text: string, max: number = 120): string {
  const escaped = escapeUnprintable(text);
  const chars = Array.from(escaped);
  if (chars.length <= max) return escaped;
  const tail = Math.ceil((max - 1) * 0.6);
  const head = max - 1 - tail;
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}`;
}
