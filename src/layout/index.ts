// The layout of a report sheet as plain data, for the live Excel writer and the .xlsx file writer.
export * from './types';
export * from './a1';
export {
  buildLayout,
  layoutOfProfile,
  locateCells,
  safeSheetName,
  GRID_COLUMNS,
  COLUMN_WIDTH,
  type LayoutOptions,
} from './build';
export {
  STATUS_TEXT,
  STATUS_FAIL_MARK,
  IDENTITY_HEADINGS,
  compileStatusFormula,
  compileIdentityFills,
  compactRanges,
  scopeLabel,
} from './checks';
export { NAMES, LAYOUT_VERSION, LAYOUT_NAME, TABLES_NAME, READABLE_LAYOUT_VERSIONS } from './names';
export {
  buildSheetMap,
  SheetMapError,
  PROFILE_FIELD_NAMES,
  TABLE_IDS,
  type SheetMap,
  type SheetMapProblem,
} from './sheet-map';
export {
  planReportSheets,
  readReportSheet,
  readReportSheets,
  isDateFormat,
  dateText,
  EMPTY_CELL,
  type CellSource,
  type ReportSheetPlan,
  type SheetCell,
  type WorkbookName,
  type WorkbookNames,
} from './read-sheet';
export { KIND_LABELS, REGULATION_LABELS, kindFromText, regulationsFromText } from './profile';
export { STYLES, NUMBER_FORMATS, TITLE_FONT, HEADING_FONT, TABLE_FONT } from './styles';
