// A report sheet as plain data: every label, data cell, merge, style, defined name and in-sheet
// check. The live Excel writer (src/excel) and the .xlsx file writer (src/xlsx) both render exactly
// this; neither decides anything about the layout itself. Coordinates are zero-based CellPositions.
import type { FormatVersion, TableId } from '../format';

/** One cell of a sheet, zero-based: (0, 0) is A1. The one position shape of the code base. */
export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

/** A rectangle of cells: its top-left corner and size. */
export interface CellRange extends CellPosition {
  readonly rows: number;
  readonly cols: number;
}

/** Excel's grid: 1,048,576 rows × 16,384 columns (A…XFD). */
export const SHEET_ROWS = 1048576;
export const SHEET_COLUMNS = 16384;

/**
 * The one key of a position, for maps and sets: `row · 16384 + col`. A number (no string building),
 * unique on Excel's grid and well inside 2^53.
 */
export function positionKey(position: CellPosition): number {
  return position.row * SHEET_COLUMNS + position.col;
}

/** The position a positionKey was made from. */
export function positionOfKey(key: number): CellPosition {
  return { row: Math.floor(key / SHEET_COLUMNS), col: key % SHEET_COLUMNS };
}

export type HorizontalAlign = 'left' | 'center' | 'right';
export type VerticalAlign = 'top' | 'middle';

export interface CellStyle {
  readonly fontName: string;
  /** Points. */
  readonly fontSize: number;
  readonly bold: boolean;
  /** Hex RGB without '#', e.g. 'C00000'. Omitted: automatic (black). */
  readonly fontColor?: string;
  readonly hAlign: HorizontalAlign;
  readonly vAlign: VerticalAlign;
  readonly wrap: boolean;
  /** Thin border on all four sides. */
  readonly border: boolean;
  /** Hex RGB background, e.g. 'F2F2F2'. */
  readonly fill?: string;
  /** Excel number format, e.g. '0' or '0.00##'; omitted means General. */
  readonly numberFormat?: string;
  /** Locked cells cannot be edited once the sheet is protected. */
  readonly locked: boolean;
}

export type CellRole =
  | 'title'
  | 'profileLabel'
  | 'profileInput'
  | 'sectionHeading'
  | 'blockTitle'
  | 'header'
  | 'rowLabel'
  | 'data'
  | 'status'
  | 'note';

export interface LayoutCell extends CellPosition {
  readonly role: CellRole;
  /** Literal content; null for an open data cell. */
  readonly value: string | number | null;
  /** A formula without the leading '=', in A1 notation relative to this sheet (no sheet names). */
  readonly formula?: string;
  /** Name of a style in SheetLayout.styles. */
  readonly style: string;
  /** The cell key (data cells) or profile field (`profile.agency` …) this cell holds. */
  readonly key?: string;
}

export interface DefinedName {
  /** Valid Excel name, unique within the sheet (names are sheet-scoped). */
  readonly name: string;
  readonly range: CellRange;
}

export interface ConditionalFill {
  readonly range: CellRange;
  /**
   * A formula (no '=') that is TRUE where the cell must be highlighted, written for the top-left
   * cell of `range` with relative references, as Excel's custom conditional formats expect.
   */
  readonly formula: string;
  /** Hex RGB fill and font colour applied when the formula is TRUE. */
  readonly fill: string;
  readonly fontColor: string;
}

export type ValidationKind = 'wholeNonNegative' | 'decimalNonNegative' | 'wholeAny' | 'year' | 'list';

export interface DataValidationSpec {
  readonly range: CellRange;
  readonly kind: ValidationKind;
  /** For 'list': the allowed entries. */
  readonly list?: readonly string[];
  /** Shown when a wrong value is typed (zh-CN, the sheet's language). */
  readonly errorTitle: string;
  readonly errorMessage: string;
  /** Shown when the cell is selected. */
  readonly prompt?: string;
}

/** An in-sheet check of one table: a status cell and the identity cells it watches. */
export interface TableCheck {
  readonly table: TableId;
  /** The status cell: shows exactly `校验通过` when every identity of the table holds. */
  readonly status: CellPosition;
  /** The block of data cells of the table. */
  readonly data: CellRange;
}

/** How the sheet prints. Optional: a renderer that cannot set page options ignores it. */
export interface PrintSetup {
  readonly paper: 'A4';
  readonly orientation: 'portrait' | 'landscape';
  /** Scale the printout to the paper's width (any number of pages down). */
  readonly fitToWidth: boolean;
  /** The printed area: one rectangle (Excel prints each area of several on pages of their own). */
  readonly area: CellRange;
  /** Rows repeated at the top of every page after the first they print on (print titles). */
  readonly titleRows?: { readonly row: number; readonly rows: number };
  /** Margins in inches. */
  readonly margins: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
}

export interface SheetLayout {
  readonly version: FormatVersion;
  /** A layout version, stored with the workbook so that later releases can migrate old sheets. */
  readonly layoutVersion: number;
  /** The suggested worksheet name, e.g. `2024年报表格`. */
  readonly sheetName: string;
  readonly styles: Readonly<Record<string, CellStyle>>;
  /** Column widths in Excel character units, by column index. */
  readonly columnWidths: readonly number[];
  /** Row heights in points, only for rows that need one. */
  readonly rowHeights: readonly { readonly row: number; readonly height: number }[];
  readonly cells: readonly LayoutCell[];
  readonly merges: readonly CellRange[];
  readonly names: readonly DefinedName[];
  readonly conditionalFills: readonly ConditionalFill[];
  readonly validations: readonly DataValidationSpec[];
  readonly checks: readonly TableCheck[];
  /** The used area: every cell of the layout lies inside it. */
  readonly extent: CellRange;
  /** Page setup for printing (optional field, added with the file writer). */
  readonly print?: PrintSetup;
  /** Hide the grid lines, so the sheet looks like the printed tables (optional field). */
  readonly hideGridLines?: boolean;
  /** Rows that start a new printed page (optional field; the report sheet has none). */
  readonly pageBreaks?: readonly number[];
}
