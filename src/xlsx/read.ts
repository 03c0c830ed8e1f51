// The .xlsx reader: finds every report sheet of a workbook by its defined names (sheet-scoped as
// written, or workbook-scoped after another program re-saved it), and reads each data cell at its
// offset inside its table's named block, so rows inserted above a table or a renamed sheet do not
// matter. Values come back as typed: numbers, null for empty, the original text otherwise.
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { isFormatVersion, type FormatVersion, type TableId } from '../format';
import { ReportInputError, type Profile, type RawValue, type Report } from '../report';
import { parseSheetRanges } from '../layout/a1';
import { buildLayout, locateCells } from '../layout/build';
import { LAYOUT_NAME, NAMES, TABLES_NAME } from '../layout/names';
import { kindFromText, regulationsFromText } from '../layout/profile';
import type { CellRange, SheetLayout } from '../layout/types';
import { sheetNamesOf, xmlUnescape } from './write';

export interface WorkbookEntry {
  /** `book.xlsx`, or `book.xlsx#<sheet name>` when the workbook holds several report sheets. */
  readonly file: string;
  readonly report: Report;
}

const TABLES: readonly TableId[] = ['s2', 's3', 's4'];

interface SheetNames {
  readonly sheet: string;
  /** Name → area on this sheet; a sheet-scoped name wins over a workbook-scoped one. */
  readonly areas: Map<string, { range: CellRange; scoped: boolean }>;
}

/** The `NB_*` names of the workbook, grouped by the sheet their area lies on. */
function namesBySheet(workbookXml: string): Map<string, SheetNames> {
  const order = sheetNamesOf(workbookXml);
  const out = new Map<string, SheetNames>();
  for (const m of workbookXml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const attrs = m[1];
    const name = xmlUnescape(/\bname="([^"]*)"/.exec(attrs)?.[1] ?? '');
    if (!name.startsWith('NB_')) continue;
    const scoped = /\blocalSheetId="\d+"/.test(attrs);
    for (const { sheet, range } of parseSheetRanges(xmlUnescape(m[2]))) {
      if (!order.includes(sheet)) continue;
      const entry = out.get(sheet) ?? { sheet, areas: new Map() };
      const existing = entry.areas.get(name);
      if (!existing || (scoped && !existing.scoped)) entry.areas.set(name, { range, scoped });
      out.set(sheet, entry);
    }
  }
  return out;
}

/** Which official version a report sheet's tables are in: its marker, else the size of 表三. */
function versionOf(names: SheetNames): FormatVersion | undefined {
  for (const name of names.areas.keys()) {
    const m = TABLES_NAME.exec(name);
    if (m && isFormatVersion(m[1])) return m[1];
  }
  const s3 = names.areas.get(NAMES.table('s3'))?.range;
  if (!s3) return undefined;
  for (const version of ['2021', '2019'] as const) {
    const expected = buildLayout({ version }).names.find((n) => n.name === NAMES.table('s3'))?.range;
    if (expected && expected.rows === s3.rows && expected.cols === s3.cols) return version;
  }
  return undefined;
}

/** Excel stores dates as day numbers from 1899-12-30; a date-formatted figure is still a number. */
const excelSerial = (date: Date): number => (date.getTime() - Date.UTC(1899, 11, 30)) / 86400000;

/** A cell as typed: numbers as numbers, empty as null, anything else as its text. */
export function rawValueOf(value: ExcelJS.CellValue): RawValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return excelSerial(value);
  if ('richText' in value) return rawValueOf(value.richText.map((r) => r.text).join(''));
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) {
      // Written by a program that does not calculate: keep the formula so the cell is not lost.
      return `=${'formula' in value ? value.formula : value.sharedFormula}`;
    }
    if (typeof result === 'object' && !(result instanceof Date)) return 'error' in result ? result.error : null;
    return rawValueOf(result);
  }
  if ('text' in value) return rawValueOf(value.text);
  return null;
}

function textOf(value: RawValue): string | undefined {
  if (value === null) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

function readProfile(ws: ExcelJS.Worksheet, names: SheetNames, layout: SheetLayout): Profile {
  const locate = locateCells(layout);
  const profileArea = names.areas.get(NAMES.profile)?.range;
  const layoutProfile = layout.names.find((n) => n.name === NAMES.profile)?.range;
  /** The cell of a profile field: its own name, else its offset in the profile area. */
  const read = (name: string, key: string): RawValue => {
    const own = names.areas.get(name)?.range;
    let at: { row: number; col: number } | undefined = own;
    if (!at && profileArea && layoutProfile) {
      const p = locate.get(key);
      if (p)
        at = { row: profileArea.row + p.row - layoutProfile.row, col: profileArea.col + p.col - layoutProfile.col };
    }
    return at ? rawValueOf(ws.getCell(at.row + 1, at.col + 1).value) : null;
  };
  const profile: Profile = {};
  const agency = textOf(read(NAMES.agency, 'profile.agency'));
  if (agency) profile.agency = agency;
  const year = read(NAMES.year, 'profile.year');
  const yearText = textOf(year)?.replace(/年(度)?$/, '');
  if (typeof year === 'number' && Number.isInteger(year)) profile.year = year;
  else if (yearText && /^\d{4}$/.test(yearText)) profile.year = Number(yearText);
  const kind = textOf(read(NAMES.kind, 'profile.kind'));
  const kindCode = kind ? kindFromText(kind) : undefined;
  if (kindCode) profile.kind = kindCode;
  const format = textOf(read(NAMES.format, 'profile.format'))?.match(/2019|2021/)?.[0];
  if (format && isFormatVersion(format)) profile.format = format;
  const regulations = textOf(read(NAMES.regulations, 'profile.canMakeRegulations'));
  const canMake = regulations ? regulationsFromText(regulations) : undefined;
  if (canMake !== undefined) profile.canMakeRegulations = canMake;
  return profile;
}

function readSheet(ws: ExcelJS.Worksheet, names: SheetNames, version: FormatVersion, file: string): Report {
  const layout = buildLayout({ version });
  const locate = locateCells(layout);
  const values: Record<string, RawValue> = {};
  for (const table of TABLES) {
    const name = NAMES.table(table);
    const found = names.areas.get(name)?.range;
    const expected = layout.names.find((n) => n.name === name)?.range;
    if (!found || !expected) continue; // a missing table reads as absent cells: CELL-BLANK says so
    if (found.rows !== expected.rows || found.cols !== expected.cols) {
      throw new ReportInputError('WORKBOOK_TABLE_RESIZED', {
        file,
        sheet: ws.name,
        name,
        rows: found.rows,
        cols: found.cols,
        expectedRows: expected.rows,
        expectedCols: expected.cols,
      });
    }
    for (const [key, p] of locate) {
      if (!key.startsWith(`${table}.`)) continue;
      const row = found.row + p.row - expected.row;
      const col = found.col + p.col - expected.col;
      values[key] = rawValueOf(ws.getCell(row + 1, col + 1).value);
    }
  }
  return { profile: readProfile(ws, names, layout), values, sourceFormat: version };
}

/**
 * The workbook's cells through ExcelJS. The names were read above; ExcelJS also parses them and
 * gives up on some it does not understand (formulas, odd sheet names), so retry without them.
 */
async function loadCells(bytes: Buffer, zip: JSZip, workbookXml: string): Promise<ExcelJS.Workbook> {
  try {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    return workbook;
  } catch (err) {
    if (!/<definedNames>/.test(workbookXml)) throw err;
    zip.file('xl/workbook.xml', workbookXml.replace(/<definedNames>[\s\S]*?<\/definedNames>/, ''));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }));
    return workbook;
  }
}

/** Every report sheet of a workbook, in sheet order. Throws ReportInputError if there is none. */
export async function readWorkbookReports(bytes: Buffer, fileName: string): Promise<WorkbookEntry[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (err) {
    // JSZip's own words ("end of central directory") mean nothing to users: it is not a zip at all.
    throw new ReportInputError('WORKBOOK_NOT_XLSX', { file: fileName }, { cause: err });
  }
  const workbookXml = await zip.file('xl/workbook.xml')?.async('string');
  if (!workbookXml) throw new ReportInputError('WORKBOOK_NOT_XLSX', { file: fileName, detail: 'xl/workbook.xml' });
  const order = sheetNamesOf(workbookXml);
  const bySheet = namesBySheet(workbookXml);
  const reportSheets = order
    .map((sheet) => bySheet.get(sheet))
    .filter((n): n is SheetNames => n !== undefined && TABLES.some((t) => n.areas.has(NAMES.table(t))));
  if (reportSheets.length === 0) {
    throw new ReportInputError('WORKBOOK_NO_REPORT', { file: fileName });
  }
  for (const names of reportSheets) {
    for (const name of names.areas.keys()) {
      const m = LAYOUT_NAME.exec(name);
      if (m && Number(m[1]) > 1) {
        throw new ReportInputError('WORKBOOK_NEWER_LAYOUT', {
          file: fileName,
          sheet: names.sheet,
          layoutVersion: m[1],
        });
      }
    }
  }
  const workbook = await loadCells(bytes, zip, workbookXml).catch((err: unknown) => {
    throw new ReportInputError('WORKBOOK_NOT_XLSX', { file: fileName, detail: String(err) });
  });
  const several = reportSheets.length > 1;
  return reportSheets.map((names) => {
    const ws = workbook.getWorksheet(names.sheet);
    const version = versionOf(names);
    if (!ws || !version) {
      throw new ReportInputError('WORKBOOK_UNKNOWN_FORMAT', { file: fileName, sheet: names.sheet });
    }
    return { file: several ? `${fileName}#${names.sheet}` : fileName, report: readSheet(ws, names, version, fileName) };
  });
}
