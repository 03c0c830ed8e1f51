// The named cell styles of a report sheet: fonts of printed reports (宋体 title, 黑体 headings,
// 仿宋 table text), thin borders on every table cell, number formats by unit, and which cells are
// locked. Renderers look styles up by name.
import type { Unit } from '../format';
import type { CellStyle } from './types';

export const TITLE_FONT = '宋体';
export const HEADING_FONT = '黑体';
export const TABLE_FONT = '仿宋';

/** Points. 五号 (10.5pt) is the size of table text in printed reports. */
export const TABLE_FONT_SIZE = 10.5;

const base: CellStyle = {
  fontName: TABLE_FONT,
  fontSize: TABLE_FONT_SIZE,
  bold: false,
  hAlign: 'center',
  vAlign: 'middle',
  wrap: true,
  border: true,
  locked: true,
};

const HEADER_FILL = 'F2F2F2';

/** Number formats by unit: whole numbers for counts, up to 4 decimals for 万元. */
export const NUMBER_FORMATS: Readonly<Record<Unit, string>> = {
  count: '0',
  signedCount: '0',
  wanyuan: '0.00##',
  decimal: '0.00##',
};

export const dataStyleName = (unit: Unit): string => `data.${unit}`;

export const STYLES: Readonly<Record<string, CellStyle>> = {
  title: { ...base, fontName: TITLE_FONT, fontSize: 18, bold: true, border: false, wrap: false },
  note: { ...base, fontSize: 9, hAlign: 'left', border: false, fontColor: '595959' },
  profileLabel: { ...base, bold: true, fill: HEADER_FILL },
  profileInput: { ...base, hAlign: 'left', locked: false },
  profileInputNumber: { ...base, numberFormat: '0', locked: false },
  sectionHeading: { ...base, fontName: HEADING_FONT, fontSize: 14, hAlign: 'left', border: false, wrap: false },
  blockTitle: { ...base, bold: true, fill: HEADER_FILL },
  header: { ...base, bold: true, fill: HEADER_FILL },
  caption: { ...base, fontSize: 9, fill: HEADER_FILL },
  rowLabel: { ...base, hAlign: 'left' },
  groupLabel: { ...base },
  statusLabel: { ...base, bold: true, fill: HEADER_FILL },
  status: { ...base, bold: true, hAlign: 'left' },
  [dataStyleName('count')]: { ...base, numberFormat: NUMBER_FORMATS.count, locked: false },
  [dataStyleName('signedCount')]: { ...base, numberFormat: NUMBER_FORMATS.signedCount, locked: false },
  [dataStyleName('wanyuan')]: { ...base, numberFormat: NUMBER_FORMATS.wanyuan, locked: false },
  [dataStyleName('decimal')]: { ...base, numberFormat: NUMBER_FORMATS.decimal, locked: false },
};
