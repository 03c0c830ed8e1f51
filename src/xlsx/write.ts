// The .xlsx file writer: renders a SheetLayout onto an ExcelJS worksheet (values, formulas,
// merges, styles, validations, conditional fills, protection, page setup) and saves workbooks
// with the layout's defined names scoped to their sheet, print area and print titles quoted right,
// all of which ExcelJS cannot write itself.
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { RawValue } from '../report';
import { cellA1, parseRangeA1, quoteSheetName, rangeA1, sheetRangeA1 } from '../layout/a1';
import { uniqueSheetName } from '../layout/sheet-name';
import { SHEET_PROTECTION } from '../layout/styles';
import type { CellStyle, DataValidationSpec, DefinedName, SheetLayout } from '../layout/types';

interface Rendered {
  readonly sheet: ExcelJS.Worksheet;
  readonly names: readonly DefinedName[];
  /** Rows repeated on every printed page (print titles), zero-based. */
  readonly titleRows?: { readonly row: number; readonly rows: number };
}

/** The names each rendered sheet must carry; read back when the workbook is saved. */
const RENDERED = new WeakMap<ExcelJS.Workbook, Rendered[]>();

const PRINT_AREA = '_xlnm.Print_Area';
const PRINT_TITLES = '_xlnm.Print_Titles';

const argb = (rgb: string): string => `FF${rgb.toUpperCase()}`;

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };

/** Chinese font names need charset 134 (GB2312) for Excel to pick the right face on every system. */
const isCjk = (name: string): boolean => /[\u2e80-\u9fff]/.test(name);

function excelStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const font: Partial<ExcelJS.Font> = { name: style.fontName, size: style.fontSize, bold: style.bold };
  if (isCjk(style.fontName)) font.charset = 134;
  if (style.fontColor) font.color = { argb: argb(style.fontColor) };
  const out: Partial<ExcelJS.Style> = {
    font,
    alignment: {
      horizontal: style.hAlign,
      vertical: style.vAlign === 'middle' ? 'middle' : 'top',
      wrapText: style.wrap,
    },
    protection: { locked: style.locked },
  };
  if (style.border) out.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (style.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  if (style.numberFormat) out.numFmt = style.numberFormat;
  return out;
}

function validationOf(spec: DataValidationSpec): ExcelJS.DataValidation {
  const messages = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: spec.errorTitle,
    error: spec.errorMessage,
    ...(spec.prompt ? { showInputMessage: true, prompt: spec.prompt } : {}),
  } as const;
  switch (spec.kind) {
    case 'wholeNonNegative':
      return { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], ...messages };
    case 'decimalNonNegative':
      return { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], ...messages };
    case 'wholeAny':
      return { type: 'whole', operator: 'between', formulae: [-999999999, 999999999], ...messages };
    case 'year':
      return { type: 'whole', operator: 'between', formulae: [2019, 2100], ...messages };
    case 'list':
      return { type: 'list', formulae: [`"${(spec.list ?? []).join(',')}"`], ...messages };
  }
}

/** ExcelJS's worksheet holds its validations here; its type declarations leave the member out. */
interface WithValidations {
  readonly dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

/** A typed value as the cell will hold it: numbers as numbers, text as text, blanks left empty. */
function cellValue(raw: RawValue | undefined): ExcelJS.CellValue {
  if (raw === null || raw === undefined) return null;
  return raw;
}

/**
 * Renders a layout onto a new worksheet of `workbook`, with the data cells filled from `values`
 * (numbers stay numbers, strings are written as text so nothing typed is lost). Save the workbook
 * with `writeWorkbook` so that the layout's names are written sheet-scoped.
 */
export function renderLayout(
  workbook: ExcelJS.Workbook,
  layout: SheetLayout,
  values: Readonly<Record<string, RawValue>> = {},
): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(layout.sheetName, {
    views: [{ showGridLines: !layout.hideGridLines }],
    properties: { defaultRowHeight: 18 },
  });
  layout.columnWidths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  for (const { row, height } of layout.rowHeights) ws.getRow(row + 1).height = height;

  const styles = new Map<string, CellStyle>(Object.entries(layout.styles));
  for (const cell of layout.cells) {
    const target = ws.getCell(cell.row + 1, cell.col + 1);
    const style = styles.get(cell.style);
    if (!style) throw new Error(`layout has no style ${cell.style}`);
    target.style = excelStyle(style);
    if (cell.formula) target.value = { formula: cell.formula, date1904: false };
    else if (cell.role === 'data' && cell.key) target.value = cellValue(values[cell.key]);
    else target.value = cell.value;
  }
  // Merged cells take the top-left cell's style, so borders run round the whole area.
  for (const m of layout.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);

  // One entry per layout rectangle, keyed `B7:B7` even for one cell: ExcelJS writes a key with a colon
  // as it is, while it joins single-cell keys itself, sorted as text (D10 before D9), into ranges that
  // overlap the cells it already wrote. writeWorkbook turns `B7:B7` back into `B7`.
  for (const spec of layout.validations) {
    const { range } = spec;
    const key = `${cellA1(range.row, range.col)}:${cellA1(range.row + range.rows - 1, range.col + range.cols - 1)}`;
    (ws as unknown as WithValidations).dataValidations.add(key, validationOf(spec));
  }
  layout.conditionalFills.forEach((fill, i) => {
    const color = { argb: argb(fill.fill) };
    ws.addConditionalFormatting({
      ref: rangeA1(fill.range),
      rules: [
        {
          type: 'expression',
          priority: i + 1,
          formulae: [fill.formula],
          // Excel reads a conditional fill's colour from bgColor, LibreOffice from fgColor.
          style: {
            fill: { type: 'pattern', pattern: 'solid', fgColor: color, bgColor: color },
            font: { color: { argb: argb(fill.fontColor) } },
          },
        },
      ],
    });
  });

  if (layout.print) {
    const { print } = layout;
    ws.pageSetup = {
      paperSize: 9, // A4
      orientation: print.orientation,
      fitToPage: print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printArea: rangeA1(print.area),
      margins: { ...print.margins, header: 0.3, footer: 0.3 },
    };
  }
  // ExcelJS breaks after a 1-based row: that is the row before the zero-based one given.
  for (const row of layout.pageBreaks ?? []) if (row > 0) ws.getRow(row).addPageBreak();
  // No password: users may lift the protection (审阅 → 撤销工作表保护) to adjust the sheet. Which
  // actions stay allowed is the layout's SHEET_PROTECTION, the same for the live writer.
  void ws.protect('', { ...SHEET_PROTECTION });

  const list = RENDERED.get(workbook) ?? [];
  list.push({
    sheet: ws,
    names: layout.names,
    ...(layout.print?.titleRows ? { titleRows: layout.print.titleRows } : {}),
  });
  RENDERED.set(workbook, list);
  return ws;
}

/** The names renderLayout recorded for a worksheet (empty for one it did not render). */
export function namesOf(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet): readonly DefinedName[] {
  return RENDERED.get(workbook)?.find((r) => r.sheet === sheet)?.names ?? [];
}

const xmlEscape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const xmlUnescape = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');

/** Sheet names in workbook order, as `<sheets>` lists them (localSheetId is an index into it). */
export function sheetNamesOf(workbookXml: string): string[] {
  const sheets = /<sheets>([\s\S]*?)<\/sheets>/.exec(workbookXml)?.[1] ?? '';
  return [...sheets.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => xmlUnescape(m[1]));
}

interface NameXml {
  readonly name: string;
  readonly sheetIndex: number;
  readonly ref: string;
}

/** Adds sheet-scoped `<definedName>`s to xl/workbook.xml. */
function addDefinedNames(workbookXml: string, names: readonly NameXml[]): string {
  if (names.length === 0) return workbookXml;
  const xml = names
    .map(
      (n) =>
        `<definedName name="${xmlEscape(n.name)}" localSheetId="${n.sheetIndex}">${xmlEscape(n.ref)}</definedName>`,
    )
    .join('');
  if (/<definedNames>/.test(workbookXml)) return workbookXml.replace('</definedNames>', `${xml}</definedNames>`);
  if (/<definedNames\/>/.test(workbookXml))
    return workbookXml.replace('<definedNames/>', `<definedNames>${xml}</definedNames>`);
  // The schema puts definedNames right after sheets (and the rarely used externalReferences).
  const anchor = /<\/externalReferences>/.test(workbookXml) ? '</externalReferences>' : '</sheets>';
  return workbookXml.replace(anchor, `${anchor}<definedNames>${xml}</definedNames>`);
}

/**
 * Saves a workbook; the names of every sheet renderLayout drew are written scoped to that sheet.
 * Print areas are written here too: ExcelJS does not quote a sheet name holding an apostrophe,
 * which leaves a file that neither Excel nor ExcelJS itself can open.
 */
export async function writeWorkbook(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  // Recalculate on open: the formulas are written without cached results.
  workbook.calcProperties.fullCalcOnLoad = true;
  const rendered = RENDERED.get(workbook) ?? [];
  const printAreas = workbook.worksheets.flatMap((sheet) => {
    const area = sheet.pageSetup.printArea;
    return area ? [{ sheet, area }] : [];
  });
  for (const { sheet } of printAreas) sheet.pageSetup.printArea = undefined;
  let bytes: Uint8Array;
  try {
    // ExcelJS types its result as an ArrayBuffer (a Node Buffer at run time): either way, a byte view.
    bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  } finally {
    for (const { sheet, area } of printAreas) sheet.pageSetup.printArea = area;
  }
  if (rendered.length === 0 && printAreas.length === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('xl/workbook.xml');
  if (!file) throw new Error('ExcelJS wrote no xl/workbook.xml');
  const xml = await file.async('string');
  const order = sheetNamesOf(xml);
  const names: NameXml[] = printAreas.map(({ sheet, area }) => ({
    name: PRINT_AREA,
    sheetIndex: order.indexOf(sheet.name),
    ref: area
      .split('&&')
      .map((a) => sheetRangeA1(sheet.name, parseRangeA1(a.replace(/\$/g, ''))))
      .join(','),
  }));
  for (const { sheet, names: list, titleRows } of rendered) {
    const sheetIndex = order.indexOf(sheet.name);
    if (sheetIndex < 0) continue; // removed from the workbook after rendering
    for (const n of list) names.push({ name: n.name, sheetIndex, ref: sheetRangeA1(sheet.name, n.range) });
    if (titleRows) {
      const rows = `$${titleRows.row + 1}:$${titleRows.row + titleRows.rows}`;
      names.push({ name: PRINT_TITLES, sheetIndex, ref: `${quoteSheetName(sheet.name)}!${rows}` });
    }
  }
  zip.file('xl/workbook.xml', addDefinedNames(xml, names));
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))) {
    const sheetXml = await zip.file(path)?.async('string');
    // renderLayout's `B7:B7` validation keys, written as Excel writes one cell.
    if (sheetXml?.includes('sqref=')) zip.file(path, sheetXml.replace(/sqref="([A-Z]+\d+):\1"/g, 'sqref="$1"'));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

export interface TemplateSheet {
  readonly layout: SheetLayout;
  readonly values?: Readonly<Record<string, RawValue>>;
}

/** A plain sheet beside the report sheets (汇总明细): rows of text and figures, no names, no checks. */
export interface PlainSheet {
  readonly name: string;
  readonly rows: readonly (readonly (string | number | null)[])[];
  /** Column widths in characters, from column A. */
  readonly widths?: readonly number[];
  /** Rows and columns kept in view when scrolling (the headers). */
  readonly frozen?: { readonly rows: number; readonly columns: number };
  /** Rows drawn bold (0-based): the headers. */
  readonly boldRows?: readonly number[];
}

/** A workbook of one report sheet per entry, then the plain sheets, as bytes. */
export async function writeTemplate(
  sheets: readonly TemplateSheet[],
  plain: readonly PlainSheet[] = [],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'nianbao 年报助手';
  const taken: string[] = [];
  for (const { layout, values } of sheets) {
    const sheetName = uniqueSheetName(layout.sheetName, taken);
    taken.push(sheetName);
    renderLayout(workbook, { ...layout, sheetName }, values);
  }
  for (const p of plain) {
    const name = uniqueSheetName(p.name, taken);
    taken.push(name);
    const sheet = workbook.addWorksheet(name, {
      ...(p.frozen ? { views: [{ state: 'frozen', xSplit: p.frozen.columns, ySplit: p.frozen.rows }] } : {}),
    });
    p.rows.forEach((row, r) => {
      const added = sheet.addRow(row.map((v) => (v === null ? undefined : v)));
      if (p.boldRows?.includes(r)) added.font = { bold: true };
    });
    p.widths?.forEach((w, c) => {
      sheet.getColumn(c + 1).width = w;
    });
  }
  return writeWorkbook(workbook);
}
