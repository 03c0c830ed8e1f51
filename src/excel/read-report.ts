// Reads the report sheets of the open workbook through Office.js and hands their cells to the reader
// core (src/layout/read-sheet.ts), so the live workbook reads exactly as the same file would. Three
// `context.sync` calls whatever the workbook holds: the sheets and workbook names, each sheet's
// names, then the values, types and number formats of only the areas the tables occupy.
import type { FormatVersion, Locale } from '../format';
import {
  EMPTY_CELL,
  planFromLayout,
  isDateFormat,
  planReportSheets,
  readReportSheet,
  surveyReportSheets,
  type UnplannedSheet,
  type CellSource,
  type ReportSheetPlan,
  type SheetCell,
  type WorkbookName,
} from '../layout/read-sheet';
import type { CellRange } from '../layout/types';
import { ReportInputError, type Report } from '../report';
import { PROFILE_NAMESPACE, reportSheetsOfProfileXml } from './profile-xml';
import type { SupportsApi } from './api-support';
import { describeOfficeError, ExcelInsertError } from './errors';

/** NamedItem.formula (1.7), Worksheet.names (1.4), getRangeByIndexes (1.3), values/valueTypes/numberFormat (1.1). */
export const READ_EXCEL_API = '1.7';

export interface ReadReportsOptions {
  /** Names the workbook in input errors (`年报.xlsx 的工作表“…”`); the task pane knows its title. */
  readonly file: string;
  /** `Office.context.requirements.isSetSupported`, or a stand-in; every API is assumed when absent. */
  readonly supports?: SupportsApi;
  /** Language of Office failures (input errors carry their own locale at display). */
  readonly locale?: Locale;
}

export interface LiveReportSheet {
  readonly sheet: string;
  readonly report: Report;
}

interface LoadedArea {
  readonly area: CellRange;
  readonly range: Excel.Range;
}

/** One cell of a loaded range → the reader core's cell. */
export function liveCellOf(value: unknown, valueType: string | undefined, numberFormat: string | undefined): SheetCell {
  if (valueType === 'Empty' || value === '' || value === null || value === undefined) return EMPTY_CELL;
  if (valueType === 'Error') return { kind: 'error', value: String(value) };
  if (typeof value === 'number') {
    return isDateFormat(numberFormat) ? { kind: 'date', serial: value } : { kind: 'number', value };
  }
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  return { kind: 'string', value: String(value) };
}

/** The loaded areas of one sheet as a cell source; a cell outside them reads as empty. */
function cellsOf(loaded: readonly LoadedArea[]): CellSource {
  const grids = loaded.map(({ area, range }) => ({
    area,
    values: range.values,
    types: range.valueTypes as string[][],
    formats: range.numberFormat as string[][],
  }));
  return (row, col) => {
    for (const { area, values, types, formats } of grids) {
      const r = row - area.row;
      const c = col - area.col;
      if (r < 0 || c < 0 || r >= area.rows || c >= area.cols) continue;
      return liveCellOf(values[r]?.[c], types[r]?.[c], formats[r]?.[c]);
    }
    return EMPTY_CELL;
  };
}

async function sync(context: Excel.RequestContext, locale: Locale, syncs: { n: number }): Promise<void> {
  try {
    syncs.n += 1;
    await context.sync();
  } catch (error) {
    throw new ExcelInsertError('REPORT_READ_FAILED', describeOfficeError(error), {
      syncs: syncs.n,
      locale,
      cause: error,
    });
  }
}

/**
 * Where the report sheets of the workbook are: their names and the areas their tables occupy, found
 * through the defined names (two syncs). A watcher plans once and then reads each pass with one sync.
 * Throws ReportInputError when the names do not lead to the tables, ExcelInsertError when Office fails
 * or lacks the API.
 */
export async function planReportsInWorkbook(
  context: Excel.RequestContext,
  options: ReadReportsOptions,
): Promise<ReportSheetPlan[]> {
  const locale = options.locale ?? 'zh-CN';
  if (
    options.supports &&
    !options.supports('ExcelApi', READ_EXCEL_API) &&
    options.supports('ExcelApi', PROFILE_READ_EXCEL_API)
  )
    return planFromProfileParts(context, options.file, locale);
  return planReportSheets(await namesOfWorkbook(context, options));
}

/**
 * Like planReportsInWorkbook, for the live pane: a sheet whose names broke is listed apart (to be
 * repaired) instead of stopping the others. Below ExcelApi 1.7 the sheets come from their profile parts.
 */
export async function surveyReportsInWorkbook(
  context: Excel.RequestContext,
  options: ReadReportsOptions,
): Promise<{ readonly plans: ReportSheetPlan[]; readonly unplanned: UnplannedSheet[] }> {
  const locale = options.locale ?? 'zh-CN';
  if (options.supports && !options.supports('ExcelApi', READ_EXCEL_API)) {
    if (options.supports('ExcelApi', PROFILE_READ_EXCEL_API))
      return { plans: await planFromProfileParts(context, options.file, locale), unplanned: [] };
    throw new ExcelInsertError('READ_API_UNSUPPORTED', `ExcelApi ${READ_EXCEL_API}`, { syncs: 0, locale });
  }
  return surveyReportSheets(await namesOfWorkbook(context, options));
}

/** The worksheets and every defined name of the workbook (two syncs). */
async function namesOfWorkbook(
  context: Excel.RequestContext,
  options: ReadReportsOptions,
): Promise<{ file: string; sheets: string[]; names: WorkbookName[] }> {
  const locale = options.locale ?? 'zh-CN';
  if (options.supports && !options.supports('ExcelApi', READ_EXCEL_API)) {
    throw new ExcelInsertError('READ_API_UNSUPPORTED', `ExcelApi ${READ_EXCEL_API}`, { syncs: 0, locale });
  }
  const syncs = { n: 0 };
  const worksheets = context.workbook.worksheets.load('items/name');
  const bookNames = context.workbook.names.load('items/name,items/formula');
  await sync(context, locale, syncs);

  const sheetNames = worksheets.items.map((ws) => ({
    sheet: ws.name,
    names: ws.names.load('items/name,items/formula'),
  }));
  await sync(context, locale, syncs);

  const names: WorkbookName[] = [
    ...bookNames.items.map((n) => ({ name: n.name, formula: n.formula })),
    ...sheetNames.flatMap(({ sheet, names: list }) =>
      list.items.map((n) => ({ name: n.name, scope: sheet, formula: n.formula })),
    ),
  ];
  return { file: options.file, sheets: sheetNames.map((s) => s.sheet), names };
}

/** Custom XML parts (1.5): below 1.7 the report sheets are found by their profile parts instead. */
export const PROFILE_READ_EXCEL_API = '1.5';

/**
 * Below ExcelApi 1.7 (no NamedItem.formula): the report sheets named by the workbook's profile parts
 * that still exist, each planned from its layout as 插入 placed it. Two syncs.
 */
async function planFromProfileParts(
  context: Excel.RequestContext,
  file: string,
  locale: Locale,
): Promise<ReportSheetPlan[]> {
  const syncs = { n: 0 };
  const worksheets = context.workbook.worksheets.load('items/name');
  const parts = context.workbook.customXmlParts.getByNamespace(PROFILE_NAMESPACE).load('items');
  await sync(context, locale, syncs);
  const xmls = parts.items.map((part) => part.getXml());
  await sync(context, locale, syncs);
  const present = new Set(worksheets.items.map((ws) => ws.name));
  const found = new Map<string, FormatVersion>();
  for (const xml of xmls) {
    for (const { sheet, format } of reportSheetsOfProfileXml(xml.value))
      if (present.has(sheet)) found.set(sheet, format);
  }
  const ordered = worksheets.items.map((ws) => ws.name).filter((name) => found.has(name));
  if (ordered.length === 0) throw new ReportInputError('WORKBOOK_NO_REPORT', { file });
  return ordered.map((sheet) => planFromLayout(file, sheet, found.get(sheet) ?? '2021'));
}

/**
 * The reports of planned sheets, read with one sync: the values, types and number formats of only the
 * areas their tables occupy. What a validation pass reads.
 */
export async function readPlannedReports(
  context: Excel.RequestContext,
  plans: readonly ReportSheetPlan[],
  locale: Locale = 'zh-CN',
): Promise<LiveReportSheet[]> {
  const finish = queuePlannedReports(context, plans);
  await sync(context, locale, { n: 0 });
  return finish();
}

/**
 * Queues the loads of readPlannedReports without syncing, so that a pass can add its own loads to the
 * same sync; the returned function reads the reports once the context has synced.
 */
export function queuePlannedReports(
  context: Excel.RequestContext,
  plans: readonly ReportSheetPlan[],
): () => LiveReportSheet[] {
  const loaded = plans.map((plan) => {
    const ws = context.workbook.worksheets.getItem(plan.sheet);
    return plan.areas.map((area): LoadedArea => ({
      area,
      range: ws.getRangeByIndexes(area.row, area.col, area.rows, area.cols).load('values,valueTypes,numberFormat'),
    }));
  });
  return () => plans.map((plan, i) => ({ sheet: plan.sheet, report: readReportSheet(plan, cellsOf(loaded[i])) }));
}

/** context.sync for a pass's read, its failure in the user's language. */
export function syncRead(context: Excel.RequestContext, locale: Locale): Promise<void> {
  return sync(context, locale, { n: 0 });
}

/**
 * Every report sheet of the workbook behind `context`, in sheet order, each as the Report the .xlsx
 * reader would give for the same workbook saved to a file (three syncs). Throws ReportInputError when
 * the names do not lead to the tables (as the file reader does), ExcelInsertError when Office fails or
 * lacks the API.
 */
export async function readReportsFromWorkbook(
  context: Excel.RequestContext,
  options: ReadReportsOptions,
): Promise<LiveReportSheet[]> {
  const plans = await planReportsInWorkbook(context, options);
  return readPlannedReports(context, plans, options.locale ?? 'zh-CN');
}
