// 修复表格 through Office.js: a report sheet whose template was damaged (rows inserted or deleted inside
// a table, a label row deleted) is checked by its labels and rebuilt in place from the layout — labels,
// merges, styles, names, in-sheet checks, validations and protection — with every value that is still on
// the sheet put back into its own cell (src/layout/repair.ts matches them by their row labels).
//
// Two syncs to check (with the session's names), and for a repair: one read, one batch that unprotects,
// clears the damaged block, writes the layout and protects again, with the add-in's events silenced, and
// one to switch them back on. Nothing outside the block the report occupies is touched.
import type { FormatVersion, Locale } from '../format';
import { buildLayout } from '../layout';
import type { ReportSheetPlan } from '../layout/read-sheet';
import {
  alignRows,
  checkTemplate,
  planRepair,
  repairReadArea,
  type RepairCells,
  type RepairPlan,
  type TemplateProblem,
} from '../layout/repair';
import type { SheetLayout } from '../layout/types';
import { planApiUse, type SupportsApi } from './api-support';
import { formulaEntry } from './cell-input';
import { describeOfficeError, ExcelInsertError } from './errors';
import { featuresUsed, queueSheet } from './insert-template';
import { planSheet } from './sheet-plan';

/** DataValidation.clear and runtime.enableEvents: the oldest Excel the rebuild is sure on. */
export const REPAIR_EXCEL_API = '1.8';

const LAYOUTS = new Map<FormatVersion, SheetLayout>();
function layoutOf(version: FormatVersion): SheetLayout {
  let layout = LAYOUTS.get(version);
  if (!layout) LAYOUTS.set(version, (layout = buildLayout({ version })));
  return layout;
}

/** Loaded values and formulas of a sheet's read area as the repair module's cells. */
function cellsOf(range: Excel.Range): RepairCells {
  const values = range.values;
  const formulas = range.formulas;
  return (row, col) => {
    const value: unknown = values[row]?.[col];
    const formula: unknown = formulas[row]?.[col];
    const shown = value === '' || value === undefined || value === null ? null : (value as string | number | boolean);
    return typeof formula === 'string' && formula.startsWith('=') ? { value: shown, formula } : { value: shown };
  };
}

export interface DamagedSheet {
  readonly sheet: string;
  /** The version to rebuild with, when known (its marker name, or the plan). */
  readonly version?: FormatVersion;
  /** What is wrong, when the labels were read (names broken: the reader's error instead). */
  readonly problems: readonly TemplateProblem[];
}

/**
 * The planned sheets whose labels no longer stand where the names put the tables (one sync): a label
 * row deleted, rows inserted between a table's header rows. Sheets whose names broke are the planner's.
 */
export async function findDamagedSheets(
  context: Excel.RequestContext,
  plans: readonly ReportSheetPlan[],
): Promise<DamagedSheet[]> {
  const loaded = plans.map((plan) => {
    const area = repairReadArea(plan.map.layout);
    return {
      plan,
      rows: area.rows,
      range: context.workbook.worksheets
        .getItem(plan.sheet)
        .getRangeByIndexes(area.row, area.col, area.rows, area.cols)
        .load('values,formulas'),
    };
  });
  if (loaded.length === 0) return [];
  await context.sync();
  return loaded.flatMap(({ plan, rows, range }) => {
    const problems = checkTemplate(plan.map.layout, plan.map, cellsOf(range), rows);
    return problems.length > 0 ? [{ sheet: plan.sheet, version: plan.version, problems }] : [];
  });
}

export interface RepairResult {
  readonly sheet: string;
  readonly version: FormatVersion;
  /** Keys whose row was gone: blank after the repair, to be typed again. */
  readonly lost: readonly string[];
  readonly missingRows: RepairPlan['missingRows'];
  /** Values put back. */
  readonly kept: number;
  readonly syncs: number;
}

/** The layout version whose labels the sheet matches best (when no marker says). */
function likelyVersion(cells: RepairCells, rows: number): FormatVersion {
  let best: { version: FormatVersion; share: number } | undefined;
  for (const version of ['2021', '2019'] as const) {
    const alignment = alignRows(layoutOf(version), cells, rows);
    const share = alignment.found.size / Math.max(1, alignment.labelled.length);
    if (!best || share > best.share) best = { version, share };
  }
  return best?.version ?? '2021';
}

/** A recovered entry as it goes into Range.formulas: formulas as typed, everything else as the layout writes it. */
function entryOf(value: string | number | boolean | null): string | number {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string' && value.startsWith('=')) return value;
  return formulaEntry(value);
}

/**
 * Rebuilds a damaged report sheet in place: labels, merges, styles, names, checks and protection from
 * the layout, every value found by its row label put back. Throws UnrecognizedSheetError (nothing
 * written) when too little of the layout is left to place values by, ExcelInsertError when Office fails.
 */
export async function repairReportSheet(
  context: Excel.RequestContext,
  sheet: string,
  options: { readonly version?: FormatVersion; readonly supports: SupportsApi; readonly locale: Locale },
): Promise<RepairResult> {
  const { supports, locale } = options;
  if (!supports('ExcelApi', REPAIR_EXCEL_API)) {
    throw new ExcelInsertError('REPAIR_API_UNSUPPORTED', `ExcelApi ${REPAIR_EXCEL_API}`, { sheet, syncs: 0, locale });
  }
  let syncs = 0;
  const ws = context.workbook.worksheets.getItem(sheet);
  const areas = (['2021', '2019'] as const).map((v) => repairReadArea(layoutOf(v)));
  const readArea = { rows: Math.max(...areas.map((a) => a.rows)), cols: Math.max(...areas.map((a) => a.cols)) };
  const range = ws.getRangeByIndexes(0, 0, readArea.rows, readArea.cols).load('values,formulas');
  const protection = ws.protection.load('protected');
  const sheetNames = ws.names.load('items/name');
  const bookNames = context.workbook.names.load('items/name,items/formula');
  try {
    syncs += 1;
    await context.sync();
  } catch (error) {
    throw new ExcelInsertError('REPORT_READ_FAILED', describeOfficeError(error), {
      sheet,
      syncs,
      locale,
      cause: error,
    });
  }
  const cells = cellsOf(range);
  const version = options.version ?? likelyVersion(cells, readArea.rows);
  const layout = layoutOf(version);
  const repair = planRepair(layout, cells, readArea.rows);

  const plan = planSheet(layout);
  // Every keyed cell (data and profile inputs) gets back what it held, as typed: a formula stays a
  // formula, text stays text, TRUE stays a boolean; a cell of a row that is gone stays blank.
  const formulas = plan.formulas.map((row) => [...row]);
  for (const cell of layout.cells) {
    if (cell.key === undefined || (cell.role !== 'data' && cell.role !== 'profileInput')) continue;
    const value = Object.prototype.hasOwnProperty.call(repair.values, cell.key) ? repair.values[cell.key] : null;
    formulas[cell.row - layout.extent.row][cell.col - layout.extent.col] = entryOf(value);
  }
  const api = planApiUse(supports, featuresUsed(plan, false));

  const ownName = (name: string): boolean => name.startsWith('NB_');
  const quoted = `'${sheet.replace(/'/g, "''")}'!`;
  const onThisSheet = (formula: string): boolean => formula.includes(quoted) || formula.includes(`=${sheet}!`);
  try {
    context.runtime.enableEvents = false;
    if (protection.protected) ws.protection.unprotect();
    for (const item of sheetNames.items) if (ownName(item.name)) ws.names.getItem(item.name).delete();
    for (const item of bookNames.items) {
      if (ownName(item.name) && onThisSheet(item.formula)) context.workbook.names.getItem(item.name).delete();
    }
    const block = ws.getRangeByIndexes(repair.clear.row, repair.clear.col, repair.clear.rows, repair.clear.cols);
    block.unmerge();
    block.conditionalFormats.clearAll();
    block.dataValidation.clear();
    block.clear('All');
    if (supports('ExcelApi', '1.9')) ws.horizontalPageBreaks.removePageBreaks();
    queueSheet(ws, { ...plan, formulas }, api);
    syncs += 1;
    await context.sync();
  } catch (error) {
    throw new ExcelInsertError('REPAIR_FAILED', describeOfficeError(error), { sheet, syncs, locale, cause: error });
  } finally {
    context.runtime.enableEvents = true;
    syncs += 1;
    await context.sync();
  }
  return {
    sheet,
    version,
    lost: repair.lost,
    missingRows: repair.missingRows,
    kept: Object.entries(repair.values).filter(([k, v]) => v !== null && !k.startsWith('profile.')).length,
    syncs,
  };
}
