// The layout of a report sheet as plain data, for the live Excel writer and the .xlsx file writer.
export * from './types';
export * from './a1';
export { buildLayout, locateCells, safeSheetName, GRID_COLUMNS, COLUMN_WIDTH, type LayoutOptions } from './build';
export {
  STATUS_TEXT,
  STATUS_FAIL_MARK,
  IDENTITY_HEADINGS,
  compileStatusFormula,
  compileIdentityFills,
  compactRanges,
  scopeLabel,
  type Position,
} from './checks';
export { NAMES, LAYOUT_VERSION, LAYOUT_NAME, TABLES_NAME } from './names';
export { KIND_LABELS, REGULATION_LABELS, kindFromText, regulationsFromText } from './profile';
export { STYLES, NUMBER_FORMATS, TITLE_FONT, HEADING_FONT, TABLE_FONT } from './styles';
