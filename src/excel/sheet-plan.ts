// Everything the live writer will send to Excel for one layout, worked out before any Office call: the
// content grid, merges, sizes, style groups, names and checks, all as A1 addresses. Pure, so that the
// whole insertion can be checked without Excel and so that the Office batch itself is a flat list of writes.
import type { CellPosition, CellRange, CellStyle, DataValidationSpec, LayoutCell, SheetLayout } from '../layout/types';
import { positionKey } from '../layout/types';
import { cellA1, rangeA1 } from '../layout/a1';
import { SHEET_PROTECTION, type SheetProtection } from '../layout/styles';
import { columnsAddress, rowsAddress, toRectangles } from './a1';
import { formulaEntry } from './cell-input';

/** Values by cell key (or profile field), as for the .xlsx file writer. */
export type LayoutValues = Readonly<Record<string, number | string | null>>;

/** Rectangles with one style and the same border shape (inside borders exist only across 2+ rows/columns). */
export interface StyleGroup {
  readonly styleName: string;
  readonly style: CellStyle;
  readonly insideHorizontal: boolean;
  readonly insideVertical: boolean;
  readonly addresses: readonly string[];
}

export interface NumberFormatBlock {
  readonly address: string;
  readonly rows: number;
  readonly cols: number;
  readonly format: string;
}

export interface SizeGroup {
  /** Whole columns `A:C` or whole rows `3:5`. */
  readonly address: string;
  readonly points: number;
}

/** The rule part of a data validation, in the shape of Office.js `DataValidationRule`. */
export type ValidationRule =
  | { readonly wholeNumber: BasicRule }
  | { readonly decimal: BasicRule }
  | { readonly list: { readonly inCellDropDown: boolean; readonly source: string } };

export interface BasicRule {
  readonly operator: 'Between' | 'GreaterThanOrEqualTo';
  readonly formula1: number;
  readonly formula2?: number;
}

export interface ValidationPlan {
  readonly address: string;
  readonly kind: DataValidationSpec['kind'];
  readonly rule: ValidationRule;
  readonly errorTitle: string;
  readonly errorMessage: string;
  readonly prompt?: string;
}

export interface SheetPlan {
  /** The used rectangle, written with one `Range.formulas` assignment. */
  readonly extentAddress: string;
  readonly formulas: (string | number)[][];
  readonly merges: readonly string[];
  readonly columnWidths: readonly SizeGroup[];
  readonly rowHeights: readonly SizeGroup[];
  readonly styleGroups: readonly StyleGroup[];
  readonly numberFormats: readonly NumberFormatBlock[];
  /** Rectangles of cells left editable when the sheet is protected. */
  readonly unlocked: readonly string[];
  readonly names: readonly { readonly name: string; readonly address: string }[];
  readonly conditionalFills: readonly {
    readonly address: string;
    readonly formula: string;
    readonly fill: string;
    readonly fontColor: string;
  }[];
  readonly validations: readonly ValidationPlan[];
  /** The cell selected after insertion: the first editable cell in reading order. */
  readonly firstInput: string;
  readonly hideGridLines: boolean;
  readonly print?: PrintPlan;
  readonly protection: ProtectionPlan;
}

/** `Worksheet.protection.protect` options: every flag, split by the API set that reads it. */
export interface ProtectionPlan {
  /** ExcelApi 1.2. */
  readonly options: {
    readonly allowAutoFilter: boolean;
    readonly allowDeleteColumns: boolean;
    readonly allowDeleteRows: boolean;
    readonly allowFormatCells: boolean;
    readonly allowFormatColumns: boolean;
    readonly allowFormatRows: boolean;
    readonly allowInsertColumns: boolean;
    readonly allowInsertHyperlinks: boolean;
    readonly allowInsertRows: boolean;
    readonly allowPivotTables: boolean;
    readonly allowSort: boolean;
  };
  /** ExcelApi 1.7; below it Excel applies its defaults (false, false, Normal). */
  readonly options17: {
    readonly allowEditObjects: boolean;
    readonly allowEditScenarios: boolean;
    readonly selectionMode: 'Normal' | 'Unlocked' | 'None';
  };
}

/** The layout's protection flags in Office.js terms. */
export function protectionPlan(p: SheetProtection): ProtectionPlan {
  if (p.selectLockedCells && !p.selectUnlockedCells) {
    // Office.js (like Excel's dialog) cannot let locked cells be selected but not unlocked ones.
    throw new Error('Sheet protection cannot allow selecting locked cells only');
  }
  return {
    options: {
      allowAutoFilter: p.autoFilter,
      allowDeleteColumns: p.deleteColumns,
      allowDeleteRows: p.deleteRows,
      allowFormatCells: p.formatCells,
      allowFormatColumns: p.formatColumns,
      allowFormatRows: p.formatRows,
      allowInsertColumns: p.insertColumns,
      allowInsertHyperlinks: p.insertHyperlinks,
      allowInsertRows: p.insertRows,
      allowPivotTables: p.pivotTables,
      allowSort: p.sort,
    },
    options17: {
      allowEditObjects: p.objects,
      allowEditScenarios: p.scenarios,
      selectionMode: p.selectLockedCells ? 'Normal' : p.selectUnlockedCells ? 'Unlocked' : 'None',
    },
  };
}

/** Page setup in Office.js terms (margins in points). */
export interface PrintPlan {
  readonly paperSize: 'A4';
  readonly orientation: 'Portrait' | 'Landscape';
  readonly fitToWidth: boolean;
  readonly area: string;
  /** Whole rows repeated at the top of each page, `27:29` (setPrintTitleRows). */
  readonly titleRows?: string;
  /** Cells (column A) that start a new printed page. */
  readonly pageBreaks: readonly string[];
  readonly margins: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
}

/** Points per inch, for the page margins (the layout gives inches, Office.js takes points). */
const POINTS_PER_INCH = 72;

/**
 * Excel column width in points from the layout's character units. The layout's width is the value of the
 * file's `<col width>` (what the .xlsx writer stores), which Excel draws as
 * `px = trunc(((256·w + trunc(128/7)) / 256) · 7)` pixels for the default font (maximum digit width 7 px,
 * ECMA-376 §18.3.1.13) — about 7 px per character, the 5 px cell padding being already inside `w`. Office.js
 * takes points: 1 px = 0.75 pt at 96 dpi.
 */
export function columnWidthPoints(width: number): number {
  const px = Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
  return px * 0.75;
}

/**
 * Bounds of the validations the layout names only by kind. They must equal the .xlsx writer's
 * (src/xlsx/write.ts, validationOf) — the parity test compares both — until the layout carries them.
 */
const WHOLE_ANY = { min: -999999999, max: 999999999 };
const YEAR = { min: 2019, max: 2100 };

export function validationRule(spec: DataValidationSpec): ValidationRule {
  switch (spec.kind) {
    case 'wholeNonNegative':
      return { wholeNumber: { operator: 'GreaterThanOrEqualTo', formula1: 0 } };
    case 'decimalNonNegative':
      return { decimal: { operator: 'GreaterThanOrEqualTo', formula1: 0 } };
    case 'wholeAny':
      return { wholeNumber: { operator: 'Between', formula1: WHOLE_ANY.min, formula2: WHOLE_ANY.max } };
    case 'year':
      return { wholeNumber: { operator: 'Between', formula1: YEAR.min, formula2: YEAR.max } };
    case 'list':
      return { list: { inCellDropDown: true, source: (spec.list ?? []).join(',') } };
  }
}

/**
 * What a layout cell holds, as the .xlsx writer fills it: a formula if it has one; a data cell the value
 * of its key (blank when absent); any other cell its literal value.
 */
export function cellContent(cell: LayoutCell, values?: LayoutValues): string | number {
  if (cell.formula !== undefined && cell.formula !== '') return formulaEntry(null, cell.formula);
  if (cell.role === 'data' && cell.key !== undefined) {
    return formulaEntry(values && Object.prototype.hasOwnProperty.call(values, cell.key) ? values[cell.key] : null);
  }
  return formulaEntry(cell.value);
}

function sizeGroups(
  sizes: readonly { index: number; points: number }[],
  address: (first: number, count: number) => string,
): SizeGroup[] {
  const sorted = [...sizes].sort((a, b) => a.index - b.index);
  const groups: { first: number; count: number; points: number }[] = [];
  for (const { index, points } of sorted) {
    const last = groups[groups.length - 1];
    if (last && last.first + last.count === index && last.points === points) last.count += 1;
    else groups.push({ first: index, count: 1, points });
  }
  return groups.map((g) => ({ address: address(g.first, g.count), points: g.points }));
}

function* cellsIn(range: CellRange): Generator<CellPosition> {
  for (let r = 0; r < range.rows; r += 1)
    for (let c = 0; c < range.cols; c += 1) yield { row: range.row + r, col: range.col + c };
}

function inside(range: CellRange, extent: CellRange): boolean {
  return (
    range.row >= extent.row &&
    range.col >= extent.col &&
    range.row + range.rows <= extent.row + extent.rows &&
    range.col + range.cols <= extent.col + extent.cols
  );
}

/** Layout → plan. Throws (a program error, before anything is written) if the layout breaks its own contract. */
export function planSheet(layout: SheetLayout, values?: LayoutValues): SheetPlan {
  const { extent } = layout;
  const formulas: (string | number)[][] = Array.from({ length: extent.rows }, () =>
    Array.from({ length: extent.cols }, () => ''),
  );
  const seen = new Set<number>();
  const byStyle = new Map<string, CellPosition[]>();
  const byNumberFormat = new Map<string, CellPosition[]>();
  const unlockedCells: CellPosition[] = [];
  let firstInput: CellPosition | undefined;

  // A merged cell is styled over its whole area: Excel draws a merged cell's borders from the cells on
  // its edges, and the lock state of the area must agree for the cell to be editable.
  const mergeAt = new Map<number, CellRange>();
  for (const merge of layout.merges) mergeAt.set(positionKey(merge), merge);
  const covered = (cell: LayoutCell): boolean =>
    layout.merges.some(
      (m) =>
        cell.row >= m.row &&
        cell.row < m.row + m.rows &&
        cell.col >= m.col &&
        cell.col < m.col + m.cols &&
        (cell.row !== m.row || cell.col !== m.col),
    );

  const ordered = [...layout.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const cell of ordered) {
    const id = positionKey(cell);
    if (seen.has(id)) throw new Error(`Layout lists cell (${cell.row}, ${cell.col}) twice`);
    seen.add(id);
    if (!inside({ row: cell.row, col: cell.col, rows: 1, cols: 1 }, extent)) {
      throw new Error(`Layout cell (${cell.row}, ${cell.col}) lies outside the extent`);
    }
    const style = layout.styles[cell.style];
    if (!style) throw new Error(`Layout cell (${cell.row}, ${cell.col}) has unknown style "${cell.style}"`);
    const content = cellContent(cell, values);
    if (content !== '' && covered(cell)) {
      // Excel keeps only the top-left value of a merged area; anything else would be lost.
      throw new Error(`Layout cell (${cell.row}, ${cell.col}) has content under a merged area`);
    }
    formulas[cell.row - extent.row][cell.col - extent.col] = content;
    const area = [...cellsIn(mergeAt.get(id) ?? { row: cell.row, col: cell.col, rows: 1, cols: 1 })];
    let list = byStyle.get(cell.style);
    if (!list) byStyle.set(cell.style, (list = []));
    list.push(...area);
    if (style.numberFormat !== undefined && style.numberFormat !== '' && style.numberFormat !== 'General') {
      let cells = byNumberFormat.get(style.numberFormat);
      if (!cells) byNumberFormat.set(style.numberFormat, (cells = []));
      cells.push(...area);
    }
    if (!style.locked) {
      unlockedCells.push(...area);
      firstInput ??= cell;
    }
  }

  const styleGroups: StyleGroup[] = [];
  for (const [styleName, cells] of byStyle) {
    const style = layout.styles[styleName];
    const shapes = new Map<string, CellRange[]>();
    for (const rect of toRectangles(cells)) {
      const shape = `${rect.rows > 1 ? 'H' : '-'}${rect.cols > 1 ? 'V' : '-'}`;
      let rects = shapes.get(shape);
      if (!rects) shapes.set(shape, (rects = []));
      rects.push(rect);
    }
    for (const [shape, rects] of [...shapes].sort(([a], [b]) => a.localeCompare(b))) {
      styleGroups.push({
        styleName,
        style,
        insideHorizontal: shape[0] === 'H',
        insideVertical: shape[1] === 'V',
        addresses: rects.map((range) => rangeA1(range)),
      });
    }
  }

  const numberFormats: NumberFormatBlock[] = [];
  for (const [format, cells] of byNumberFormat) {
    for (const rect of toRectangles(cells)) {
      numberFormats.push({ address: rangeA1(rect), rows: rect.rows, cols: rect.cols, format });
    }
  }

  for (const range of [
    ...layout.merges,
    ...layout.names.map((n) => n.range),
    ...layout.validations.map((v) => v.range),
  ]) {
    if (!inside(range, extent)) throw new Error(`Layout range ${rangeA1(range)} lies outside the extent`);
  }

  return {
    extentAddress: rangeA1(extent),
    formulas,
    merges: layout.merges.map((range) => rangeA1(range)),
    columnWidths: sizeGroups(
      layout.columnWidths.map((width, index) => ({ index, points: columnWidthPoints(width) })),
      columnsAddress,
    ),
    rowHeights: sizeGroups(
      layout.rowHeights.map(({ row, height }) => ({ index: row, points: height })),
      rowsAddress,
    ),
    styleGroups,
    numberFormats,
    unlocked: toRectangles(unlockedCells).map((range) => rangeA1(range)),
    names: layout.names.map((n) => ({ name: n.name, address: rangeA1(n.range) })),
    conditionalFills: layout.conditionalFills.map((c) => ({
      address: rangeA1(c.range),
      formula: c.formula.startsWith('=') ? c.formula : `=${c.formula}`,
      fill: `#${c.fill}`,
      fontColor: `#${c.fontColor}`,
    })),
    validations: layout.validations.map((v) => ({
      address: rangeA1(v.range),
      kind: v.kind,
      rule: validationRule(v),
      errorTitle: v.errorTitle,
      errorMessage: v.errorMessage,
      ...(v.prompt !== undefined ? { prompt: v.prompt } : {}),
    })),
    firstInput: rangeA1(firstInput ? { ...firstInput, rows: 1, cols: 1 } : { ...extent, rows: 1, cols: 1 }),
    hideGridLines: layout.hideGridLines === true,
    protection: protectionPlan(SHEET_PROTECTION),
    ...(layout.print
      ? {
          print: {
            paperSize: layout.print.paper,
            orientation: layout.print.orientation === 'landscape' ? 'Landscape' : 'Portrait',
            fitToWidth: layout.print.fitToWidth,
            area: rangeA1(layout.print.area),
            ...(layout.print.titleRows
              ? { titleRows: rowsAddress(layout.print.titleRows.row, layout.print.titleRows.rows) }
              : {}),
            pageBreaks: (layout.pageBreaks ?? []).filter((row) => row > 0).map((row) => cellA1(row, 0)),
            margins: {
              left: layout.print.margins.left * POINTS_PER_INCH,
              right: layout.print.margins.right * POINTS_PER_INCH,
              top: layout.print.margins.top * POINTS_PER_INCH,
              bottom: layout.print.margins.bottom * POINTS_PER_INCH,
            },
          },
        }
      : {}),
  };
}
