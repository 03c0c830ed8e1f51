// The named cell styles of a report sheet: fonts of printed reports (宋体 title, 黑体 headings,
// 仿宋 table text), thin borders on every table cell, number formats by unit, which cells are
// locked, and what the sheet's protection still allows. Renderers look styles up by name.
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
  // 三、本年度办理结果 spans every outcome row, across the page break: set at its top, it prints whole on page 1.
  outcomeLabel: { ...base, vAlign: 'top' },
  statusLabel: { ...base, bold: true, fill: HEADER_FILL },
  // Top-aligned: the start of a long list of failing scopes stays beside the table's first rows.
  status: { ...base, bold: true, hAlign: 'left', vAlign: 'top' },
  [dataStyleName('count')]: { ...base, numberFormat: NUMBER_FORMATS.count, locked: false },
  [dataStyleName('signedCount')]: { ...base, numberFormat: NUMBER_FORMATS.signedCount, locked: false },
  [dataStyleName('wanyuan')]: { ...base, numberFormat: NUMBER_FORMATS.wanyuan, locked: false },
  [dataStyleName('decimal')]: { ...base, numberFormat: NUMBER_FORMATS.decimal, locked: false },
};

/** What users may still do on the protected sheet, flag by flag; both writers write every flag. */
export interface SheetProtection {
  readonly selectLockedCells: boolean;
  readonly selectUnlockedCells: boolean;
  readonly formatCells: boolean;
  readonly formatColumns: boolean;
  readonly formatRows: boolean;
  readonly insertColumns: boolean;
  readonly insertRows: boolean;
  readonly insertHyperlinks: boolean;
  readonly deleteColumns: boolean;
  readonly deleteRows: boolean;
  readonly sort: boolean;
  readonly autoFilter: boolean;
  readonly pivotTables: boolean;
  /** Drawing objects and comments. */
  readonly objects: boolean;
  readonly scenarios: boolean;
}

/**
 * The protection (no password) keeps labels, formulas and the tables' shape from slips. Users may
 * select anything and resize rows and columns. They may not insert or delete rows: a row inserted
 * inside a table would widen its defined name, and the reader then refuses the table, so one slip
 * (Ctrl+Shift+=) would cost the whole sheet. Rows above the tables can still be inserted after
 * 审阅 → 撤销工作表保护; the names move with the tables and the readers find them.
 */
export const SHEET_PROTECTION: SheetProtection = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatCells: false,
  formatColumns: true,
  formatRows: true,
  insertColumns: false,
  insertRows: false,
  insertHyperlinks: false,
  deleteColumns: false,
  deleteRows: false,
  sort: false,
  autoFilter: false,
  pivotTables: false,
  objects: false,
  scenarios: false,
};
