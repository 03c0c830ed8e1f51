// 汇总下级单位 in Excel: the merged report as a new report sheet — the official layout with its checks,
// names, protection and profile part, exactly as 插入官方表格 writes it, filled with the merged values —
// and its 汇总明细 sheet beside it (one row per cell, one column per unit), in one Excel.run. The live
// session then finds the new report sheet by its names and watches it like any other.
import type { Locale } from '../format';
import { layoutOfProfile } from '../layout';
import { uniqueSheetName } from '../layout/sheet-name';
import type { MergeDetail } from '../merge';
import type { Report } from '../report';
import type { SupportsApi } from './api-support';
import { columnName } from '../layout/a1';
import { columnWidthPoints } from './sheet-plan';
import { describeOfficeError, ExcelInsertError } from './errors';
import { writeLayoutToWorkbook, type InsertResult } from './insert-template';
import { buildProfileXml } from './profile-xml';

export interface InsertMergeResult extends InsertResult {
  /** The 汇总明细 sheet's name as inserted. */
  readonly detailSheet: string;
}

/**
 * Writes the merged report and its breakdown into the workbook behind `context`. `sheetName`: the
 * name wanted for the report sheet (a taken one gets ` (2)`); the detail sheet is named by the detail.
 */
export async function writeMergeToWorkbook(
  context: Excel.RequestContext,
  merged: { readonly report: Report; readonly detail: MergeDetail; readonly sheetName: string },
  supports: SupportsApi,
  locale: Locale,
): Promise<InsertMergeResult> {
  const { report, detail } = merged;
  const profile = report.profile;
  const layout = layoutOfProfile(profile, merged.sheetName);
  const inserted = new Date().toISOString();
  const result = await writeLayoutToWorkbook(context, layout, {
    supports,
    locale,
    values: report.values,
    profileXml: (sheet) =>
      buildProfileXml({
        sheet,
        layoutVersion: layout.layoutVersion,
        format: layout.version,
        ...(profile.year !== undefined ? { year: profile.year } : {}),
        ...(profile.agency !== undefined && profile.agency !== '' ? { agency: profile.agency } : {}),
        ...(profile.kind !== undefined ? { kind: profile.kind } : {}),
        inserted,
      }),
  });
  let syncs = result.syncs;
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  let detailName = detail.name;
  try {
    syncs += 1;
    await context.sync();
    detailName = uniqueSheetName(
      detail.name,
      worksheets.items.map((s) => s.name),
    );
    const width = Math.max(...detail.rows.map((r) => r.length));
    const values = detail.rows.map((row) =>
      Array.from({ length: width }, (_, c) => {
        const v = row[c];
        return v === null || v === undefined ? '' : v;
      }),
    );
    const sheet = worksheets.add(detailName);
    const all = sheet.getRange(`A1:${columnName(width - 1)}${values.length}`);
    // Text as text: a unit's name or a cell key must not be taken for a number or a date.
    all.numberFormat = values.map((row) => row.map((v) => (typeof v === 'number' ? 'General' : '@')));
    all.values = values;
    sheet.getRange(`A1:${columnName(width - 1)}1`).format.font.bold = true;
    detail.widths.forEach((chars, c) => {
      sheet.getRange(`${columnName(c)}:${columnName(c)}`).format.columnWidth = columnWidthPoints(chars);
    });
    if (supports('ExcelApi', '1.7')) {
      sheet.freezePanes.freezeAt(`A1:${columnName(detail.headerColumns - 1)}${detail.headerRows}`);
    }
    // The merged report is what the user works on next.
    worksheets.getItem(result.sheetName).activate();
    syncs += 1;
    await context.sync();
  } catch (error) {
    throw new ExcelInsertError('WRITE_FAILED', describeOfficeError(error), {
      sheet: detailName,
      syncs,
      locale,
      cause: error,
    });
  }
  return { ...result, syncs, detailSheet: detailName };
}
