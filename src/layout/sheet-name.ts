// Worksheet names Excel accepts, and a free one when the wanted name is taken. Pure; used by both the
// live writer (src/excel) and the file writer (src/xlsx).
//
// Excel's rules: 1–31 characters; none of \ / ? * [ ] : ; not starting or ending with an apostrophe;
// not the reserved name `History`; unique in the workbook, compared without regard to case.
import { strings } from '../i18n';

/** The longest worksheet name Excel allows (UTF-16 code units, as Excel counts them). */
export const MAX_SHEET_NAME_LENGTH = 31;

const FORBIDDEN = /[\\/?*[\]:]/g;
/** Excel reserves this name (case-insensitively) for the change history of shared workbooks. */
const RESERVED = 'HISTORY';
const FALLBACK = strings('zh-CN').sheet.defaultSheetName;

/** How Excel compares sheet names: case-insensitively. */
export function sheetNameKey(name: string): string {
  return name.toLocaleUpperCase('en-US');
}

/** Cut to at most `max` UTF-16 units without splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** Why Excel would refuse a name, or null when it is acceptable (uniqueness aside). */
export function sheetNameProblem(
  name: string,
): 'empty' | 'tooLong' | 'forbiddenCharacter' | 'apostrophe' | 'reserved' | null {
  if (name.trim() === '') return 'empty';
  if (name.length > MAX_SHEET_NAME_LENGTH) return 'tooLong';
  if (/[\\/?*[\]:]/.test(name)) return 'forbiddenCharacter';
  if (name.startsWith("'") || name.endsWith("'")) return 'apostrophe';
  if (sheetNameKey(name) === RESERVED) return 'reserved';
  return null;
}

/** The wanted name made acceptable to Excel: forbidden characters become `_`, edges trimmed, cut to 31. */
export function sanitizeSheetName(desired: string): string {
  let name = desired
    .replace(FORBIDDEN, '_')
    // Control characters (Cc), written out: the pane's ES2017 engines have no \p{Cc}.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ')
    .trim();
  name = name.replace(/^'+|'+$/g, '').trim();
  name = truncate(name, MAX_SHEET_NAME_LENGTH).replace(/'+$/, '').trim();
  if (name === '' || sheetNameKey(name) === RESERVED) return FALLBACK;
  return name;
}

/**
 * A name for a new sheet that no existing sheet has: the wanted name if free, else `name (2)`, `name (3)` …,
 * shortening the base so that the whole stays within 31 characters.
 */
export function uniqueSheetName(desired: string, existing: Iterable<string>): string {
  const taken = new Set<string>();
  for (const name of existing) taken.add(sheetNameKey(name));
  const base = sanitizeSheetName(desired);
  if (!taken.has(sheetNameKey(base))) return base;
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const stem = truncate(base, MAX_SHEET_NAME_LENGTH - suffix.length)
      .trimEnd()
      .replace(/'+$/, '');
    const candidate = `${stem}${suffix}`;
    if (!taken.has(sheetNameKey(candidate))) return candidate;
  }
}
