// The .xlsx reader: a workbook's bytes → one Report per report sheet, through the reader core
// (src/layout/read-sheet.ts). Here only the file: the sheet list and defined names from
// xl/workbook.xml, the cells straight from the parts' XML when that reads them exactly as ExcelJS
// would (./fast-read.ts, several times faster), else through ExcelJS. Takes a Uint8Array and uses no
// Node built-in, so the task pane can read a workbook the user picks. A file that is not a workbook,
// or a damaged one, is a ReportInputError in the user's language, with the library's error kept as
// `cause`.
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import {
  PREVIOUS_NAMESPACE,
  previousFromFields,
  ReportInputError,
  type PreviousFields,
  type Report,
  type StoredPrevious,
} from '../report';
import {
  EMPTY_CELL,
  isDateFormat,
  planReportSheets,
  readReportSheet,
  type CellSource,
  type ReportSheetPlan,
  type SheetCell,
  type WorkbookName,
} from '../layout/read-sheet';
import { fastReadWorkbook, IGNORED_NODES, type FastCells, type ZipEntry } from './fast-read';
import type { WorkbookParts } from './limits';

export interface WorkbookEntry {
  /** `book.xlsx`, or `book.xlsx#<sheet name>` when the workbook holds several report sheets. */
  readonly file: string;
  readonly report: Report;
}

/** What the reader needs from xl/workbook.xml. */
export interface WorkbookXml {
  /** Worksheet names in workbook order (`localSheetId` indexes into it). */
  readonly sheets: readonly string[];
  readonly names: readonly WorkbookName[];
}

/** Sheets and defined names of xl/workbook.xml. Throws the XML parser's error on a malformed part. */
export function parseWorkbookXml(xml: string): WorkbookXml {
  const sheets: string[] = [];
  const raw: { name: string; localSheetId?: number; formula: string }[] = [];
  const parser = new SaxesParser({ xmlns: true });
  let failure: Error | undefined;
  let open: { name: string; localSheetId?: number; formula: string } | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    const attr = (name: string): string | undefined => tag.attributes[name]?.value;
    if (tag.local === 'sheet') {
      const name = attr('name');
      if (name !== undefined) sheets.push(name);
    } else if (tag.local === 'definedName') {
      const id = attr('localSheetId');
      open = { name: attr('name') ?? '', formula: '', ...(id !== undefined ? { localSheetId: Number(id) } : {}) };
    }
  });
  const text = (chunk: string): void => {
    if (open) open.formula += chunk;
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.on('closetag', (tag) => {
    if (tag.local === 'definedName' && open) {
      raw.push(open);
      open = undefined;
    }
  });
  parser.write(xml).close();
  if (failure) throw failure;
  const names = raw.map(({ name, localSheetId, formula }): WorkbookName => {
    const scope = localSheetId === undefined ? undefined : sheets[localSheetId];
    return scope === undefined ? { name, formula } : { name, scope, formula };
  });
  return { sheets, names };
}

/** Day numbers from 1899-12-30 (Excel's 1900 system); ExcelJS hands out date cells as Dates. */
const DAY_MS = 86400000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** The 1904 date system counts from 1904-01-01: 1462 days later. */
const OFFSET_1904 = 1462;

/**
 * A cell as ExcelJS loaded it → the reader core's cell. Whether a number is a date is decided by the
 * cell's number format here, exactly as for Office.js (not by ExcelJS's own test).
 */
export function sheetCellOf(value: ExcelJS.CellValue, numFmt?: string, date1904 = false): SheetCell {
  if (value === null || value === undefined) return EMPTY_CELL;
  if (typeof value === 'number') {
    if (!isDateFormat(numFmt)) return { kind: 'number', value };
    return { kind: 'date', serial: date1904 ? value + OFFSET_1904 : value };
  }
  if (typeof value === 'string') return { kind: 'string', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) {
    const serial = (value.getTime() - EPOCH_1900) / DAY_MS;
    if (isDateFormat(numFmt)) return { kind: 'date', serial };
    return { kind: 'number', value: date1904 ? serial - OFFSET_1904 : serial };
  }
  if ('richText' in value) return { kind: 'string', value: value.richText.map((r) => r.text).join('') };
  if ('error' in value) return { kind: 'error', value: value.error };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) {
      // Written by a program that does not calculate: keep the formula so the cell is not lost.
      return { kind: 'formula', formula: ('formula' in value ? value.formula : value.sharedFormula) ?? '' };
    }
    if (typeof result === 'object' && !(result instanceof Date)) {
      return 'error' in result ? { kind: 'error', value: result.error } : EMPTY_CELL;
    }
    return sheetCellOf(result, numFmt, date1904);
  }
  if ('text' in value) return sheetCellOf(value.text as ExcelJS.CellValue, numFmt, date1904);
  return EMPTY_CELL;
}

/** The cells of a worksheet for the reader core. */
function cellsOf(ws: ExcelJS.Worksheet, date1904: boolean): CellSource {
  return (row, col) => {
    const cell = ws.findCell(row + 1, col + 1);
    return cell ? sheetCellOf(cell.value, cell.numFmt, date1904) : EMPTY_CELL;
  };
}

async function loadExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS is typed for Node's Buffer but reads any Uint8Array (it hands the bytes to JSZip).
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer, { ignoreNodes: [...IGNORED_NODES] });
  return workbook;
}

/**
 * The workbook's cells through ExcelJS. The names were read above; ExcelJS also parses them and
 * gives up on some it does not understand (formulas, odd sheet names), so retry without them.
 */
async function loadCells(bytes: Uint8Array, zip: JSZip, workbookXml: string): Promise<ExcelJS.Workbook> {
  try {
    return await loadExcelJs(bytes);
  } catch (err) {
    if (!/<definedNames>/.test(workbookXml)) throw err;
    zip.file('xl/workbook.xml', workbookXml.replace(/<definedNames>[\s\S]*?<\/definedNames>/, ''));
    return loadExcelJs(await zip.generateAsync({ type: 'uint8array', compression: 'STORE' }));
  }
}

/** A zip's local file header signature: the file is a zip archive, maybe a damaged one. */
const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const damaged = (file: string, cause: unknown): ReportInputError =>
  new ReportInputError('WORKBOOK_DAMAGED', { file }, { cause });

/** How readWorkbookReports reads the cells. */
export interface ReadOptions {
  /**
   * 'auto' (the default): from the parts' XML (./fast-read.ts) whenever that reads them as ExcelJS
   * would, else through ExcelJS; 'exceljs': through ExcelJS only (the tests compare the two).
   */
  readonly reader?: 'auto' | 'exceljs';
  /**
   * The parts the limits check inflated (./limits.ts, readWorkbookParts), for the fast reader to take
   * instead of having JSZip inflate them again — when they are provably the ones JSZip reads.
   */
  readonly parts?: WorkbookParts;
  /** Told which reader read the cells, and why not the fast one (tests, benchmarks). */
  readonly onReader?: (reader: 'fast' | 'exceljs', reason?: string) => void;
}

/** A sheet's cells from the fast reader, as cellsOf gives them from ExcelJS's worksheet. */
function fastCellsOf(cells: FastCells, date1904: boolean): CellSource {
  return (row, col) => {
    const cell = cells(row + 1, col + 1);
    return cell ? sheetCellOf(cell.value, cell.numFmt, date1904) : EMPTY_CELL;
  };
}

/**
 * The zip's entries as JSZip lists them (what ExcelJS reads), each with its bytes: the limits check's
 * when JSZip read the same central directory entries in the same order under the same names — then
 * each entry's data lies where the limits check inflated it from — else JSZip's.
 */
function entriesOf(zip: JSZip, inflated: WorkbookParts | undefined): ZipEntry[] {
  const files = Object.values(zip.files);
  const parts = inflated?.parts;
  const same =
    inflated?.directoryAtEnd === true &&
    parts?.length === files.length &&
    files.every((f, i) => f.name === parts[i].name);
  return files.map((f, i) => ({
    name: f.name,
    dir: f.dir,
    bytes: same && parts ? () => Promise.resolve(parts[i].data) : () => f.async('uint8array'),
  }));
}

/** The cells of each planned sheet (undefined for a sheet without a worksheet part), by either reader. */
async function sheetCells(
  bytes: Uint8Array,
  zip: JSZip,
  workbookXml: string,
  plans: readonly ReportSheetPlan[],
  fileName: string,
  options: ReadOptions,
): Promise<(sheet: string) => CellSource | undefined> {
  if (options.reader !== 'exceljs') {
    const fast = await fastReadWorkbook({ entries: entriesOf(zip, options.parts), workbookXml, plans });
    if (fast.ok) {
      options.onReader?.('fast');
      const { sheets, date1904 } = fast.workbook;
      return (sheet) => {
        const cells = sheets.get(sheet);
        return cells && fastCellsOf(cells, date1904);
      };
    }
    options.onReader?.('exceljs', fast.reason);
  } else {
    options.onReader?.('exceljs', 'asked for');
  }
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await loadCells(bytes, zip, workbookXml);
  } catch (err) {
    throw damaged(fileName, err);
  }
  const date1904 = workbook.properties.date1904 === true;
  return (sheet) => {
    const ws = workbook.getWorksheet(sheet);
    return ws && cellsOf(ws, date1904);
  };
}

/** Every report sheet of a workbook, in sheet order. Throws ReportInputError if there is none. */
export async function readWorkbookReports(
  bytes: Uint8Array,
  fileName: string,
  options: ReadOptions = {},
): Promise<WorkbookEntry[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (err) {
    // JSZip's own words ("end of central directory") mean nothing to users.
    if (isZip(bytes)) throw damaged(fileName, err);
    throw new ReportInputError('WORKBOOK_NOT_XLSX', { file: fileName }, { cause: err });
  }
  const entry = zip.file('xl/workbook.xml');
  if (!entry) throw new ReportInputError('WORKBOOK_NOT_XLSX', { file: fileName, detail: 'xl/workbook.xml' });
  let workbookXml: string;
  let parsed: WorkbookXml;
  try {
    workbookXml = await entry.async('string');
    parsed = parseWorkbookXml(workbookXml);
  } catch (err) {
    throw damaged(fileName, err);
  }
  const plans = planReportSheets({ file: fileName, ...parsed });
  const cellsFor = await sheetCells(bytes, zip, workbookXml, plans, fileName, options);
  const several = plans.length > 1;
  const previous = await previousParts(zip);
  return plans.map((plan) => {
    const cells = cellsFor(plan.sheet);
    // Listed in xl/workbook.xml but without a worksheet part ExcelJS could load.
    if (!cells) throw damaged(fileName, new Error(`no worksheet part for sheet "${plan.sheet}"`));
    const report = readReportSheet(plan, cells);
    // Last year's report imported into this workbook (导入上年报告) feeds the cross-year rules.
    const stored = previous.get(plan.sheet);
    if (stored) report.previous = stored.report;
    return { file: several ? `${fileName}#${plan.sheet}` : fileName, report };
  });
}

/** The fields of one `urn:nianbao:previous:1` part, or undefined for a part of another kind or a damaged one. */
export function parsePreviousPart(xml: string): PreviousFields | undefined {
  const parser = new SaxesParser({ xmlns: true });
  const fields: Record<string, string> = {};
  let depth = 0;
  let ours = false;
  let field: string | undefined;
  parser.on('opentag', (tag) => {
    depth += 1;
    if (depth === 1) ours = tag.local === 'nianbao' && tag.uri === PREVIOUS_NAMESPACE;
    else if (depth === 2 && ours) field = tag.local;
  });
  parser.on('text', (text) => {
    if (field !== undefined) fields[field] = (fields[field] ?? '') + text;
  });
  parser.on('cdata', (text) => {
    if (field !== undefined) fields[field] = (fields[field] ?? '') + text;
  });
  parser.on('closetag', () => {
    if (depth === 2) field = undefined;
    depth -= 1;
  });
  try {
    parser.write(xml).close();
  } catch {
    return undefined;
  }
  return ours ? fields : undefined;
}

/** Last year's reports stored in the workbook's custom XML parts, by sheet (a damaged part is skipped). */
async function previousParts(zip: JSZip): Promise<Map<string, StoredPrevious>> {
  const found = new Map<string, StoredPrevious>();
  for (const entry of zip.file(/^customXml\/item\d+\.xml$/)) {
    let xml: string;
    try {
      xml = await entry.async('string');
    } catch {
      continue;
    }
    if (!xml.includes(PREVIOUS_NAMESPACE)) continue;
    const fields = parsePreviousPart(xml);
    const stored = fields ? previousFromFields(fields) : undefined;
    if (stored) found.set(stored.sheet, stored);
  }
  return found;
}
