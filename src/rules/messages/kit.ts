// What a message template may use: printed labels of cells, rows and columns in the user's
// language, and numbers written as people read them. Templates never compute anything.
import { cellLabel, getFormat, S3_COLUMNS, TABLE_NAMES, type FormatVersion, type Locale } from '../../format';
import type { Finding, RuleId } from '../types';

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
  n(value: number | string | undefined): string;
  /** A finding's string or number parameter ('' when absent). */
  p(f: Finding, name: string): string;
}

export type MessageTemplate = (f: Finding, k: MessageKit) => string;
export type MessageCatalogue = Readonly<Record<RuleId, MessageTemplate>>;

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
      if (typeof value === 'string') return value;
      return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
    },
    p: (f, name) => {
      const value = f.params?.[name];
      return value === undefined ? '' : String(value);
    },
  };
  return kit;
}

/** A signed difference as people write it: `+2`, `-1`. */
export function signed(value: number | undefined): string {
  if (value === undefined) return '';
  const rounded = Math.round(value * 1e6) / 1e6;
  return rounded > 0 ? `+${rounded}` : String(rounded);
}
