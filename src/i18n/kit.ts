// What a message template may use: printed labels of cells, rows and columns in the user's language,
// numbers written as people read them, and the user's own text made safe to show (shortened when
// huge, control characters escaped). Templates never compute anything.
import { escapeUnprintable } from './display-text';
import { cellLabel, getFormat, S3_COLUMNS, TABLE_NAMES, type FormatVersion, type Locale } from '../format';

export interface MessageKit {
  readonly locale: Locale;
  readonly version: FormatVersion;
  /** `表三 · 自然人 · （七）总计` */
  cell(key: string): string;
  /** Several cells, at most `max` named and the rest counted. */
  cells(keys: readonly string[], max?: number): string;
  /** The printed label of an s3 column (`自然人`). */
  column(key: string): string;
  /** The printed label of an s3 row with its group (`（三）不予公开 · 1.属于国家秘密`). */
  s3Row(key: string): string;
  /** The printed label of an s2 row (`行政许可`). */
  s2Row(key: string): string;
  /** The printed label of an s4 group (`行政诉讼 · 复议后起诉`). */
  s4Group(key: string): string;
  table(id: string): string;
  /** A number as people write it: whole numbers as they are, fractions to 6 places at most. */
  n(value: number | undefined): string;
  /** Text the user wrote, shortened past TEXT_LIMIT characters, control characters escaped. */
  text(value: string): string;
}

/** Characters of the user's text a message quotes in full; longer text is cut in the middle. */
export const TEXT_LIMIT = 60;

/** Text the user wrote, safe to quote in a message (kept whole in the data itself). */
export function quoteUserText(text: string, locale: Locale): string {
  const chars = [...text];
  let shown = text;
  if (chars.length > TEXT_LIMIT) {
    const head = chars.slice(0, TEXT_LIMIT - 12).join('');
    const tail = chars.slice(-8).join('');
    shown =
      locale === 'zh-CN'
        ? `${head}…${tail}（共 ${chars.length} 个字符）`
        : `${head}…${tail} (${chars.length} characters)`;
  }
  return escapeUnprintable(shown);
}

/** A signed difference as people write it: `+2`, `-1`. */
export function signed(value: number | undefined): string {
  if (value === undefined) return '';
  const rounded = Math.round(value * 1e6) / 1e6;
  return rounded > 0 ? `+${rounded}` : String(rounded);
}

export function createKit(version: FormatVersion, locale: Locale): MessageKit {
  const format = getFormat(version);
  const pick = (label: { zh: string; en: string }): string => (locale === 'zh-CN' ? label.zh : label.en);
  const sep = ' · ';
  const kit: MessageKit = {
    locale,
    version,
    cell: (key) => cellLabel(version, key, locale),
    cells: (keys, max = 3) => {
      const named = keys.slice(0, max).map((key) => kit.cell(key));
      const rest = keys.length - named.length;
      const list = named.join(locale === 'zh-CN' ? '、' : '; ');
      if (rest <= 0) return list;
      return locale === 'zh-CN' ? `${list}等 ${keys.length} 处` : `${list} and ${rest} more`;
    },
    column: (key) => {
      const col = S3_COLUMNS.find((c) => c.key === key);
      return col ? pick(col.label) : key;
    },
    s3Row: (key) => {
      const row = format.s3.rows.find((r) => r.key === key);
      if (!row) return key;
      return row.group ? `${pick(row.group.label)}${sep}${pick(row.label)}` : pick(row.label);
    },
    s2Row: (key) => {
      for (const block of format.s2.blocks) {
        const row = block.rows.find((r) => r.key === key);
        if (row) return pick(row.label);
      }
      return key;
    },
    s4Group: (key) => {
      const group = format.s4.groups.find((g) => g.key === key);
      if (!group) return key;
      return group.parent ? `${pick(group.parent)}${sep}${pick(group.label)}` : pick(group.label);
    },
    table: (id) => (id === 's2' || id === 's3' || id === 's4' ? pick(TABLE_NAMES[id]) : id),
    n: (value) => {
      if (value === undefined) return '';
      return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
    },
    text: (value) => quoteUserText(value, locale),
  };
  return kit;
}
