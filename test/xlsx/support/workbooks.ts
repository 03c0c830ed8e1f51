// Helpers for the .xlsx tests: a report's layout and values ready to write, a layout moved down
// (as if rows had been inserted above it), and access to the parts of a written file.
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Report } from '../../../src/report';
import { layoutOfProfile, type SheetLayout } from '../../../src/layout';
import type { TemplateSheet } from '../../../src/xlsx/write';

export function sheetOf(report: Report, sheetName?: string): TemplateSheet {
  return { layout: layoutOfProfile(report.profile, sheetName), values: report.values };
}

/**
 * The layout `rows` rows lower. Formulas keep their old references: only the reader runs on such
 * a sheet, and it reads values, not formulas (the LibreOffice test inserts rows for real).
 */
export function shiftDown(layout: SheetLayout, rows: number, sheetName: string): SheetLayout {
  const move = <T extends { row: number }>(x: T): T => ({ ...x, row: x.row + rows });
  const moveRange = <T extends { range: { row: number } }>(x: T): T => ({ ...x, range: move(x.range) });
  return {
    ...layout,
    sheetName,
    cells: layout.cells.map(move),
    merges: layout.merges.map(move),
    names: layout.names.map(moveRange),
    validations: layout.validations.map(moveRange),
    conditionalFills: layout.conditionalFills.map(moveRange),
    rowHeights: layout.rowHeights.map(move),
    checks: layout.checks.map((c) => ({ ...c, status: move(c.status), data: move(c.data) })),
    extent: { ...layout.extent, rows: layout.extent.rows + rows },
    ...(layout.print
      ? {
          print: {
            ...layout.print,
            area: move(layout.print.area),
            ...(layout.print.titleRows ? { titleRows: move(layout.print.titleRows) } : {}),
          },
        }
      : {}),
    pageBreaks: (layout.pageBreaks ?? []).map((r) => r + rows),
  };
}

export async function partOf(bytes: Uint8Array, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(part);
  if (!file) throw new Error(`no ${part} in the workbook`);
  return file.async('string');
}

export async function replacePart(bytes: Uint8Array, part: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(part, edit(await partOf(bytes, part)));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}
