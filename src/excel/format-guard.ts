// A paste (Ctrl+V from other cells, or from a web page) replaces the pasted cells' formats, and with
// them the sheet's own conditional formats (the red marks of wrong totals) and data validations (the
// refusal of negative numbers). The guard notices it in the pass's one read — how many conditional
// formats and which validation the changed cells have, against what the layout puts there — and
// restores exactly those, without touching a value: in one batch with the sheet unprotected and
// protected again (format changes are refused under protection), the add-in's events silenced.
//
// Only sheets whose tables lie where the layout has them are guarded: the conditions' formulas are
// written relative to the layout's cells (rows inserted between tables, allowed, shift them).
import { parseAreas } from '../layout/a1';
import type { ReportSheetPlan } from '../layout/read-sheet';
import type { CellRange, ConditionalFill, DataValidationSpec, SheetLayout } from '../layout/types';
import { PROTECTION_DETAILS_EXCEL_API, type SupportsApi } from './api-support';
import { queueConditionalFills, queueValidation } from './insert-template';
import { planSheet, protectionPlan } from './sheet-plan';
import { SHEET_PROTECTION } from '../layout/styles';

/** Range.conditionalFormats.getCount (1.6), Range.dataValidation.type (1.8), runtime.enableEvents (1.8). */
export const FORMAT_GUARD_EXCEL_API = '1.8';

export interface ChangedArea {
  readonly sheet: string;
  readonly address: string;
}

export interface WipedFormats {
  readonly sheet: string;
  readonly layout: SheetLayout;
  /** Whether the sheet was protected when read: the restore protects it again. */
  readonly wasProtected: boolean;
  /** The layout's conditional fills to add again (each over its whole range). */
  readonly fills: readonly ConditionalFill[];
  /** The layout's validations to set again (each over its whole range). */
  readonly validations: readonly DataValidationSpec[];
}

const intersects = (a: CellRange, b: CellRange): boolean =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;

const clip = (a: CellRange, to: CellRange): CellRange | undefined => {
  const row = Math.max(a.row, to.row);
  const col = Math.max(a.col, to.col);
  const bottom = Math.min(a.row + a.rows, to.row + to.rows);
  const right = Math.min(a.col + a.cols, to.col + to.cols);
  return bottom > row && right > col ? { row, col, rows: bottom - row, cols: right - col } : undefined;
};

/** Whether the plan's tables and profile lie exactly where the layout has them. */
function inPlace(plan: ReportSheetPlan): boolean {
  const layout = plan.map.layout;
  for (const cell of layout.cells) {
    if (cell.key === undefined) continue;
    const rect = plan.map.rectOf(cell.key);
    if (rect && (rect.row !== cell.row || rect.col !== cell.col)) return false;
  }
  return true;
}

/** The fills to restore when the area lost its conditional formats: every fill over it, with the fills sharing their cells. */
function fillsToRestore(layout: SheetLayout, area: CellRange): ConditionalFill[] {
  const chosen = new Set(layout.conditionalFills.filter((f) => intersects(f.range, area)));
  // Clearing a fill's range clears every other fill there too: take those along until nothing is left out.
  for (let grew = true; grew;) {
    grew = false;
    for (const fill of layout.conditionalFills) {
      if (chosen.has(fill)) continue;
      if ([...chosen].some((c) => intersects(c.range, fill.range))) {
        chosen.add(fill);
        grew = true;
      }
    }
  }
  return layout.conditionalFills.filter((f) => chosen.has(f));
}

const VALIDATION_TYPE: Record<DataValidationSpec['kind'], string> = {
  wholeNonNegative: 'WholeNumber',
  wholeAny: 'WholeNumber',
  year: 'WholeNumber',
  decimalNonNegative: 'Decimal',
  list: 'List',
};

/** Whether every cell of the area has a validation in the layout, and which types they are. */
function expectedValidation(layout: SheetLayout, area: CellRange): { covered: boolean; specs: DataValidationSpec[] } {
  const specs = layout.validations.filter((v) => intersects(v.range, area));
  let covered = true;
  for (let r = area.row; r < area.row + area.rows && covered; r++) {
    for (let c = area.col; c < area.col + area.cols && covered; c++) {
      const cell = { row: r, col: c, rows: 1, cols: 1 };
      if (!specs.some((s) => intersects(s.range, cell))) covered = false;
    }
  }
  return { covered, specs };
}

interface Probe {
  readonly sheet: string;
  readonly layout: SheetLayout;
  readonly area: CellRange;
  readonly count: { value: number };
  readonly validation: { type: string };
}

/**
 * Queues, for each changed area of a guarded sheet, the loads that tell whether its formats were
 * wiped; no sync. The returned function, called after the pass's sync, says what to restore.
 */
export function queueFormatProbes(
  context: Excel.RequestContext,
  plans: readonly ReportSheetPlan[],
  changed: readonly ChangedArea[],
  supports: SupportsApi,
): () => WipedFormats[] {
  if (!supports('ExcelApi', FORMAT_GUARD_EXCEL_API) || changed.length === 0) return () => [];
  const probes: Probe[] = [];
  const protections = new Map<string, { protected: boolean }>();
  for (const { sheet, address } of changed) {
    const plan = plans.find((p) => p.sheet === sheet);
    if (!plan || !inPlace(plan)) continue;
    const layout = plan.map.layout;
    let areas;
    try {
      areas = parseAreas(address);
    } catch {
      continue;
    }
    for (const { range } of areas) {
      const area = clip(range, layout.extent);
      if (!area) continue;
      // Only cells the layout formats: a note typed beside the tables needs nothing back.
      if (
        !layout.conditionalFills.some((f) => intersects(f.range, area)) &&
        !layout.validations.some((v) => intersects(v.range, area))
      )
        continue;
      const ws = context.workbook.worksheets.getItem(sheet);
      if (!protections.has(sheet)) protections.set(sheet, ws.protection.load('protected'));
      const target = ws.getRangeByIndexes(area.row, area.col, area.rows, area.cols);
      probes.push({
        sheet,
        layout,
        area,
        count: target.conditionalFormats.getCount(),
        validation: target.dataValidation.load('type'),
      });
    }
  }
  return () => {
    const bySheet = new Map<
      string,
      { layout: SheetLayout; fills: Set<ConditionalFill>; validations: Set<DataValidationSpec> }
    >();
    for (const probe of probes) {
      const { layout, area } = probe;
      const entry = bySheet.get(probe.sheet) ?? { layout, fills: new Set(), validations: new Set() };
      const expectedFills = layout.conditionalFills.filter((f) => intersects(f.range, area)).length;
      if (probe.count.value < expectedFills) for (const f of fillsToRestore(layout, area)) entry.fills.add(f);
      const { covered, specs } = expectedValidation(layout, area);
      const kinds = new Set(specs.map((s) => VALIDATION_TYPE[s.kind]));
      const type = probe.validation.type;
      const wiped =
        specs.length > 0 &&
        (type === 'None' ||
          (covered && type === 'MixedCriteria') ||
          (kinds.size === 1 && type !== 'Inconsistent' && type !== 'MixedCriteria' && !kinds.has(type)));
      if (wiped) for (const s of specs) entry.validations.add(s);
      bySheet.set(probe.sheet, entry);
    }
    return [...bySheet]
      .filter(([, e]) => e.fills.size + e.validations.size > 0)
      .map(([sheet, e]) => ({
        sheet,
        layout: e.layout,
        wasProtected: protections.get(sheet)?.protected ?? false,
        fills: [...e.fills],
        validations: [...e.validations],
      }));
  };
}

/**
 * Puts the wiped formats back (one batch, no sync): protection lifted and restored around the writes,
 * each fill cleared and added over its whole range (the layout's first fill on top, as at insertion),
 * each validation cleared and set again. Values are not touched.
 */
export function queueFormatRestore(context: Excel.RequestContext, wiped: WipedFormats, supports: SupportsApi): void {
  const { layout, wasProtected } = wiped;
  const ws = context.workbook.worksheets.getItem(wiped.sheet);
  if (wasProtected) ws.protection.unprotect();
  // The plan lists the layout's fills and validations in the layout's order, as Office.js takes them.
  const plan = planSheet(layout);
  const fillIndex = new Set(wiped.fills.map((f) => layout.conditionalFills.indexOf(f)));
  const fills = plan.conditionalFills.filter((_, i) => fillIndex.has(i));
  for (const fill of fills) ws.getRange(fill.address).conditionalFormats.clearAll();
  queueConditionalFills(ws, fills);
  const validationIndex = new Set(wiped.validations.map((v) => layout.validations.indexOf(v)));
  const validations = plan.validations.filter((_, i) => validationIndex.has(i));
  for (const validation of validations) ws.getRange(validation.address).dataValidation.clear();
  for (const validation of validations) queueValidation(ws, validation);
  if (wasProtected) {
    const { options, options17 } = protectionPlan(SHEET_PROTECTION);
    ws.protection.protect(
      supports('ExcelApi', PROTECTION_DETAILS_EXCEL_API) ? { ...options, ...options17 } : { ...options },
    );
  }
}
