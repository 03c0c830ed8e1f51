// Which Excel JavaScript API sets the live writer needs, and what it leaves out when one is missing.
// Minimum versions from the Office JS reference (learn.microsoft.com/javascript/api/excel, the
// `[API set: ExcelApi x.y]` remarks, mirrored in @types/office-js):
//   Workbook.worksheets.add, Range.formulas, RangeFormat (font, fill, borders, alignment, wrap),
//   Range.numberFormat, Worksheet.activate, Range.select ................................ ExcelApi 1.1
//   Range.merge, RangeFormat.columnWidth / rowHeight, RangeFormat.protection,
//   Worksheet.protection.protect (the allow… options but the two below) ................... ExcelApi 1.2
//   Worksheet.names (NamedItemCollection at worksheet scope) ............................ ExcelApi 1.4
//   Workbook.customXmlParts (add, getByNamespace) ....................................... ExcelApi 1.5
//   Range.conditionalFormats (custom formula rule) ....................................... ExcelApi 1.6
//   protect options allowEditObjects, allowEditScenarios, selectionMode ................... ExcelApi 1.7
//   Range.dataValidation, Worksheet.showGridlines ........................................ ExcelApi 1.8
//   Worksheet.pageLayout (paper, orientation, margins, zoom, print area, print title rows),
//   page breaks ........................................................................... ExcelApi 1.9
//   Worksheet.getRanges / RangeAreas (one format call for many rectangles) ............... ExcelApi 1.9

import type { Strings } from '../i18n';

/** A feature the writer skips where the API lacks it; each is explained to the user in src/i18n. */
export type DegradedFeature = keyof Strings['excel']['degraded'];

/** Without this nothing can be written at all. */
export const REQUIRED_EXCEL_API = '1.1';

/** The ExcelApi version each optional feature needs; below it the feature is skipped and reported. */
export const FEATURE_MIN_EXCEL_API: Readonly<Record<DegradedFeature, string>> = {
  mergesAndSizes: '1.2',
  protection: '1.2',
  sheetNames: '1.4',
  customXml: '1.5',
  conditionalFormats: '1.6',
  dataValidation: '1.8',
  gridlines: '1.8',
  printSetup: '1.9',
};

/** Formatting many rectangles in one call (Worksheet.getRanges); below it each rectangle is formatted alone. */
export const MULTI_AREA_EXCEL_API = '1.9';

/**
 * The protect options for objects, scenarios and selection. Below it they are left out, and Excel's
 * defaults for them (objects and scenarios protected, every cell selectable) are what the sheet gets.
 */
export const PROTECTION_DETAILS_EXCEL_API = '1.7';

export type SupportsApi = (set: 'ExcelApi', version: string) => boolean;

export interface ApiPlan {
  /** Features that will be written. */
  readonly enabled: ReadonlySet<DegradedFeature>;
  /** Features skipped for lack of support, in a stable order. */
  readonly degraded: readonly DegradedFeature[];
  readonly multiArea: boolean;
  /** Whether the protect options of ExcelApi 1.7 can be sent. */
  readonly protectionDetails: boolean;
}

const ORDER = Object.keys(FEATURE_MIN_EXCEL_API) as DegradedFeature[];

/**
 * What this Excel can do, feature by feature, for the features a layout uses (a feature the layout does
 * not need is never reported as missing). Call only after checking REQUIRED_EXCEL_API.
 */
export function planApiUse(supports: SupportsApi, used: ReadonlySet<DegradedFeature>): ApiPlan {
  const enabled = new Set<DegradedFeature>();
  const degraded: DegradedFeature[] = [];
  for (const feature of ORDER) {
    if (!used.has(feature)) continue;
    if (supports('ExcelApi', FEATURE_MIN_EXCEL_API[feature])) enabled.add(feature);
    else degraded.push(feature);
  }
  return {
    enabled,
    degraded,
    multiArea: supports('ExcelApi', MULTI_AREA_EXCEL_API),
    protectionDetails: supports('ExcelApi', PROTECTION_DETAILS_EXCEL_API),
  };
}
