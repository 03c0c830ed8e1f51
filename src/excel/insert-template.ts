// Inserts a report layout into the open workbook through Office.js: always into a new worksheet (a taken
// name gets ` (2)`, ` (3)` …), in two `context.sync` calls — one to read the sheet names, one batch with
// every write — plus the profile as a custom XML part. Features the running Excel lacks are skipped and
// reported, never failed on; what cannot be done at all is an ExcelInsertError in the user's language.
//
// Workbook-level writes are exactly two: adding the worksheet and adding the custom XML part. Everything
// else goes through the new worksheet object.
import type { FormatVersion, Locale } from '../format';
import { buildLayout } from '../layout';
import type { SheetLayout } from '../layout/types';
import type { AgencyKind } from '../report';
import { planApiUse, REQUIRED_EXCEL_API, type ApiPlan, type DegradedFeature, type SupportsApi } from './api-support';
import { describeOfficeError, ExcelInsertError } from './errors';
import { buildProfileXml } from './profile-xml';
import { planSheet, type LayoutValues, type SheetPlan, type StyleGroup, type ValidationPlan } from './sheet-plan';
import { uniqueSheetName } from '../layout/sheet-name';
import { strings as localeStrings } from '../i18n';

export type { DegradedFeature } from './api-support';

export interface WriteLayoutOptions {
  /** Values by cell key, written into the data cells (as the .xlsx writer does). */
  readonly values?: LayoutValues;
  /** The profile custom XML part; a function receives the worksheet name actually used. '' adds no part. */
  readonly profileXml: string | ((sheetName: string) => string);
  /** `Office.context.requirements.isSetSupported`, or a stand-in. */
  readonly supports: SupportsApi;
  /** Language of error messages; zh-CN unless told. */
  readonly locale?: Locale;
}

export interface InsertResult {
  /** The worksheet name actually used. */
  readonly sheetName: string;
  /** `context.sync` calls made. */
  readonly syncs: number;
  /** What was skipped for lack of API support. */
  readonly degraded: readonly DegradedFeature[];
}

/** Office.js range addresses (as in `getRanges`) are limited; keep each multi-area address short. */
const MAX_AREAS_ADDRESS = 255;

/** Addresses joined as `A1:B2, C3` in chunks that fit one `getRanges` call. */
export function chunkAreas(addresses: readonly string[], max = MAX_AREAS_ADDRESS): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const address of addresses) {
    const next = current === '' ? address : `${current}, ${address}`;
    if (next.length > max && current !== '') {
      chunks.push(current);
      current = address;
    } else {
      current = next;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** The ranges to format: one RangeAreas per chunk (ExcelApi 1.9), else one Range per rectangle. */
function targets(
  sheet: Excel.Worksheet,
  addresses: readonly string[],
  api: ApiPlan,
): (Excel.Range | Excel.RangeAreas)[] {
  return api.multiArea ? chunkAreas(addresses).map((a) => sheet.getRanges(a)) : addresses.map((a) => sheet.getRange(a));
}

type BorderEdge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';
const EDGES: readonly BorderEdge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];

function applyStyle(format: Excel.RangeFormat, group: StyleGroup): void {
  const { style } = group;
  format.font.name = style.fontName;
  format.font.size = style.fontSize;
  format.font.bold = style.bold;
  if (style.fontColor !== undefined) format.font.color = `#${style.fontColor}`;
  if (style.fill !== undefined) format.fill.color = `#${style.fill}`;
  format.horizontalAlignment = style.hAlign === 'left' ? 'Left' : style.hAlign === 'center' ? 'Center' : 'Right';
  format.verticalAlignment = style.vAlign === 'top' ? 'Top' : 'Center';
  format.wrapText = style.wrap;
  if (style.border) {
    const edges = [...EDGES];
    if (group.insideHorizontal) edges.push('InsideHorizontal');
    if (group.insideVertical) edges.push('InsideVertical');
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      border.style = 'Continuous';
      border.weight = 'Thin';
    }
  }
}

/** The optional features a plan needs, so that only those can be reported as missing. */
export function featuresUsed(plan: SheetPlan, withProfile: boolean): Set<DegradedFeature> {
  const used = new Set<DegradedFeature>(['protection']);
  if (plan.merges.length + plan.columnWidths.length + plan.rowHeights.length > 0) used.add('mergesAndSizes');
  if (plan.names.length > 0) used.add('sheetNames');
  if (withProfile) used.add('customXml');
  if (plan.conditionalFills.length > 0) used.add('conditionalFormats');
  if (plan.validations.length > 0) used.add('dataValidation');
  if (plan.hideGridLines) used.add('gridlines');
  if (plan.print) used.add('printSetup');
  return used;
}

/** Adds conditional fills in the layout's priority: each add goes on top, so they are added in reverse. */
export function queueConditionalFills(sheet: Excel.Worksheet, fills: SheetPlan['conditionalFills']): void {
  for (const fill of [...fills].reverse()) {
    const conditional = sheet.getRange(fill.address).conditionalFormats.add('Custom');
    conditional.custom.rule.formula = fill.formula;
    conditional.custom.format.fill.color = fill.fill;
    conditional.custom.format.font.color = fill.fontColor;
  }
}

/** Sets one data validation of the layout (on cells that have none). */
export function queueValidation(sheet: Excel.Worksheet, validation: ValidationPlan): void {
  const dataValidation = sheet.getRange(validation.address).dataValidation;
  dataValidation.rule = validation.rule as Excel.DataValidationRule;
  dataValidation.errorAlert = {
    showAlert: true,
    style: 'Stop',
    title: validation.errorTitle,
    message: validation.errorMessage,
  };
  if (validation.prompt !== undefined) {
    dataValidation.prompt = { showPrompt: true, title: '', message: validation.prompt };
  }
}

/** Queues every write of the new sheet; no read, no sync. */
export function queueSheet(sheet: Excel.Worksheet, plan: SheetPlan, api: ApiPlan): void {
  const on = (feature: DegradedFeature): boolean => api.enabled.has(feature);

  sheet.getRange(plan.extentAddress).formulas = plan.formulas;

  if (on('mergesAndSizes')) {
    for (const address of plan.merges) sheet.getRange(address).merge(false);
    for (const { address, points } of plan.columnWidths) sheet.getRange(address).format.columnWidth = points;
    for (const { address, points } of plan.rowHeights) sheet.getRange(address).format.rowHeight = points;
  }

  for (const group of plan.styleGroups) {
    for (const target of targets(sheet, group.addresses, api)) applyStyle(target.format, group);
  }
  for (const block of plan.numberFormats) {
    sheet.getRange(block.address).numberFormat = Array.from({ length: block.rows }, () =>
      Array.from({ length: block.cols }, () => block.format),
    );
  }

  if (on('sheetNames')) {
    for (const { name, address } of plan.names) sheet.names.add(name, sheet.getRange(address));
  }
  if (on('conditionalFormats')) queueConditionalFills(sheet, plan.conditionalFills);
  if (on('dataValidation')) for (const validation of plan.validations) queueValidation(sheet, validation);
  if (on('gridlines') && plan.hideGridLines) sheet.showGridlines = false;
  if (on('printSetup') && plan.print) {
    const { pageLayout } = sheet;
    pageLayout.paperSize = plan.print.paperSize;
    pageLayout.orientation = plan.print.orientation;
    pageLayout.leftMargin = plan.print.margins.left;
    pageLayout.rightMargin = plan.print.margins.right;
    pageLayout.topMargin = plan.print.margins.top;
    pageLayout.bottomMargin = plan.print.margins.bottom;
    pageLayout.centerHorizontally = true;
    // One page wide, as many pages down as needed: 0 is "automatic" (a vertical count left unset
    // keeps Excel's 1, which would shrink the whole sheet onto one page).
    if (plan.print.fitToWidth) pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    pageLayout.setPrintArea(plan.print.area);
    if (plan.print.titleRows !== undefined) pageLayout.setPrintTitleRows(plan.print.titleRows);
    for (const cell of plan.print.pageBreaks) sheet.horizontalPageBreaks.add(cell);
  }
  if (on('protection')) {
    for (const target of targets(sheet, plan.unlocked, api)) target.format.protection.locked = false;
    // No password: the protection keeps labels and formulas from slips, it is not a security boundary.
    const { options, options17 } = plan.protection;
    sheet.protection.protect(api.protectionDetails ? { ...options, ...options17 } : { ...options });
  }

  sheet.activate();
  sheet.getRange(plan.firstInput).select();
}

/**
 * Writes a layout into a new worksheet of the workbook behind `context`: sync 1 reads the existing sheet
 * names, sync 2 sends every write in one batch. Returns the sheet name used, the syncs made (2) and the
 * features skipped for lack of API support.
 */
export async function writeLayoutToWorkbook(
  context: Excel.RequestContext,
  layout: SheetLayout,
  options: WriteLayoutOptions,
): Promise<InsertResult> {
  const locale = options.locale ?? 'zh-CN';
  if (!options.supports('ExcelApi', REQUIRED_EXCEL_API)) {
    throw new ExcelInsertError('API_UNSUPPORTED', `ExcelApi ${REQUIRED_EXCEL_API}`, { syncs: 0, locale });
  }
  // Before touching the workbook: a broken layout is a program error and must not leave half a sheet.
  const plan = planSheet(layout, options.values);
  const api = planApiUse(options.supports, featuresUsed(plan, options.profileXml !== ''));
  let syncs = 0;

  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  try {
    syncs += 1;
    await context.sync();
  } catch (error) {
    throw new ExcelInsertError('READ_FAILED', describeOfficeError(error), { syncs, locale, cause: error });
  }
  const sheetName = uniqueSheetName(
    layout.sheetName,
    worksheets.items.map((item) => item.name),
  );

  try {
    const sheet = worksheets.add(sheetName);
    queueSheet(sheet, plan, api);
    const xml = typeof options.profileXml === 'function' ? options.profileXml(sheetName) : options.profileXml;
    if (xml !== '' && api.enabled.has('customXml')) context.workbook.customXmlParts.add(xml);
    syncs += 1;
    await context.sync();
  } catch (error) {
    throw new ExcelInsertError('WRITE_FAILED', describeOfficeError(error), {
      sheet: sheetName,
      syncs,
      locale,
      cause: error,
    });
  }
  return { sheetName, syncs, degraded: api.degraded };
}

export interface InsertTemplateOptions {
  readonly version: FormatVersion;
  readonly year?: number;
  readonly agency?: string;
  readonly kind?: AgencyKind;
}

export interface InsertTemplateResult extends InsertResult {
  /** `warning` when something was renamed or skipped. */
  readonly intent: 'success' | 'warning';
  /** What happened, for the user, in the requested locale. */
  readonly message: string;
}

/** The user's summary of an insertion: where it went, and what was skipped. Pure. */
export function describeInsert(
  result: InsertResult,
  wantedName: string,
  locale: Locale,
): { intent: 'success' | 'warning'; message: string } {
  const strings = localeStrings(locale).excel;
  const sep = locale === 'zh-CN' ? '' : ' ';
  const parts = [
    result.sheetName === wantedName
      ? strings.inserted(result.sheetName)
      : strings.renamed(wantedName, result.sheetName),
  ];
  if (result.degraded.length > 0) {
    parts.push(strings.degradedIntro, ...result.degraded.map((feature) => strings.degraded[feature]));
  }
  return { intent: result.degraded.length > 0 ? 'warning' : 'success', message: parts.join(sep) };
}

/** The task pane's action: builds the layout and profile, inserts them with `Excel.run`, says what happened. */
export async function insertTemplate(options: InsertTemplateOptions, locale: Locale): Promise<InsertTemplateResult> {
  const hasExcel = typeof Excel !== 'undefined' && typeof Office !== 'undefined';
  const supports: SupportsApi = (set, version) => hasExcel && Office.context.requirements.isSetSupported(set, version);
  if (!supports('ExcelApi', REQUIRED_EXCEL_API)) {
    throw new ExcelInsertError('API_UNSUPPORTED', `ExcelApi ${REQUIRED_EXCEL_API}`, { syncs: 0, locale });
  }
  const layout = buildLayout({
    version: options.version,
    ...(options.year !== undefined ? { year: options.year } : {}),
    ...(options.agency !== undefined ? { agency: options.agency } : {}),
    ...(options.kind !== undefined ? { kind: options.kind } : {}),
  });
  const inserted = new Date().toISOString();
  const profileXml = (sheet: string): string =>
    buildProfileXml({
      sheet,
      layoutVersion: layout.layoutVersion,
      format: layout.version,
      ...(options.year !== undefined ? { year: options.year } : {}),
      ...(options.agency !== undefined && options.agency !== '' ? { agency: options.agency } : {}),
      ...(options.kind !== undefined ? { kind: options.kind } : {}),
      inserted,
    });
  const result = await Excel.run((context) => writeLayoutToWorkbook(context, layout, { profileXml, supports, locale }));
  return { ...result, ...describeInsert(result, layout.sheetName, locale) };
}
