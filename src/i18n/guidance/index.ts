// The row guidance for a data cell: the cell's row found through the format's cell definitions, in
// the user's locale, with 表三's general counting rules and the table's own text.
import { getCell, type FormatVersion, type Locale } from '../../format';
import { guidanceEnUS } from './en-US';
import type { CellGuidance, GuidanceStrings } from './types';
import { guidanceZhCN } from './zh-CN';

export type { CellGuidance, GuidanceStrings, RowGuidance, RowGuidanceMap } from './types';

export const GUIDANCE: Readonly<Record<Locale, GuidanceStrings>> = { 'zh-CN': guidanceZhCN, 'en-US': guidanceEnUS };

/**
 * The guidance for a data cell of a version (`s3.denied.secret.natural`, `s2.fee.amount`,
 * `s4.review.upheld`), or undefined if the key is no data cell of that version.
 */
export function guidanceFor(version: FormatVersion, cellKey: string, locale: Locale): CellGuidance | undefined {
  const cell = getCell(version, cellKey);
  if (!cell) return undefined;
  const strings = GUIDANCE[locale];
  const row = strings.rows[version][`${cell.table}.${cell.row}`];
  if (!row) return undefined;
  const general = cell.table === 's3' ? strings.general : [];
  const table = strings.tables[cell.table];
  return table === undefined ? { row, general } : { row, general, table };
}
