// The one reader core: a workbook's defined names and cells → one Report per report sheet. Pure, on
// the sheet map; fed by ExcelJS from a file (src/xlsx/read.ts) and by Office.js range values
// (src/excel/read-report.ts), so a workbook reads the same wherever it is open.
//
// Reading is two steps so that a host that must fetch cells first (Office.js) can: planReportSheets
// finds the report sheets from the names alone and says which areas it will read; readReportSheet
// then reads those cells. Anything that would make a table read as blanks is a ReportInputError.
import { isFormatVersion, type FormatVersion } from '../format';
import { readYear, ReportInputError, type InputErrorParams, type Profile, type RawValue, type Report } from '../report';
import { cellA1, parseRangeA1, splitReference } from './a1';
import { buildLayout } from './build';
import { LAYOUT_NAME, NAMES, READABLE_LAYOUT_VERSIONS, TABLES_NAME } from './names';
import { kindFromText, regulationsFromText } from './profile';
import { buildSheetMap, PROFILE_FIELD_NAMES, SheetMapError, TABLE_IDS, type SheetMap } from './sheet-map';
import { sheetNameKey } from './sheet-name';
import type { CellPosition, CellRange, SheetLayout } from './types';

/** A defined name as a workbook holds it. */
export interface WorkbookName {
  readonly name: string;
  /** The sheet the name is scoped to; absent for a workbook-level name. */
  readonly scope?: string;
  /** What it refers to, as Excel writes it: `'年报 2024'!$I$27:$O$51`, `=#REF!`, `Sheet1!#REF!`. */
  readonly formula: string;
}

/** One cell as a host gives it. */
export type SheetCell =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  /** A number the cell's format shows as a date or time: its day number in Excel's 1900 date system. */
  | { readonly kind: 'date'; readonly serial: number }
  /** An error value such as `#REF!` or `#DIV/0!`. */
  | { readonly kind: 'error'; readonly value: string }
  /** A formula saved without its result (written by a program that does not calculate). */
  | { readonly kind: 'formula'; readonly formula: string };

/** The cells of one worksheet, by zero-based position. */
export type CellSource = (row: number, col: number) => SheetCell;

export interface WorkbookNames {
  /** Shown in messages: `book.xlsx`. */
  readonly file: string;
  /** Worksheet names in workbook order. */
  readonly sheets: readonly string[];
  /** The workbook's defined names, workbook-level and sheet-scoped; others than NB_* are ignored. */
  readonly names: readonly WorkbookName[];
}

/** A report sheet found from the names, ready to be read. */
export interface ReportSheetPlan {
  readonly file: string;
  readonly sheet: string;
  readonly version: FormatVersion;
  /** From NB_LAYOUT_V*; undefined when the sheet carries no marker. */
  readonly layoutVersion?: number;
  readonly map: SheetMap;
  /** The rectangles holding every cell the reader reads, few and small: load these before reading. */
  readonly areas: readonly CellRange[];
}

/** What a host gives for a cell it holds nothing in. */
export const EMPTY_CELL: SheetCell = { kind: 'empty' };

const LAYOUTS = new Map<FormatVersion, SheetLayout>();

/** The layout of a version, built once: readers only use its positions, names and merges. */
function layoutOf(version: FormatVersion): SheetLayout {
  let layout = LAYOUTS.get(version);
  if (!layout) LAYOUTS.set(version, (layout = buildLayout({ version })));
  return layout;
}

// ---- names ---------------------------------------------------------------------------------------

type Broken = { readonly problem: 'refError' } | { readonly problem: 'missingSheet'; readonly target: string };

interface NameEntry {
  /** Canonical sheet name of the scope; undefined: workbook-level. */
  readonly scope?: string;
  readonly areas: readonly { readonly sheet: string; readonly range: CellRange }[];
  /** Set when a part of the name refers to nothing readable. */
  readonly broken?: Broken;
}

type Resolved = { readonly ok: true; readonly range: CellRange } | { readonly ok: false; readonly broken?: Broken };

/** The NB_* names of a workbook by name, their areas on existing sheets and what is broken. */
function indexNames(input: WorkbookNames): Map<string, NameEntry[]> {
  const sheets = new Map(input.sheets.map((s) => [sheetNameKey(s), s]));
  const byName = new Map<string, NameEntry[]>();
  for (const { name, scope, formula } of input.names) {
    if (!name.startsWith('NB_')) continue;
    // A scope that names no sheet (a stale localSheetId) is read as workbook-level.
    const home = scope === undefined ? undefined : sheets.get(sheetNameKey(scope));
    const areas: { sheet: string; range: CellRange }[] = [];
    let broken: Broken | undefined;
    for (const part of splitReference(formula)) {
      if (part.sheet === '#REF' || part.ref.includes('#REF!')) {
        broken ??= { problem: 'refError' };
        continue;
      }
      const sheet = part.sheet === undefined ? home : sheets.get(sheetNameKey(part.sheet));
      if (sheet === undefined) {
        broken ??= part.sheet === undefined ? { problem: 'refError' } : { problem: 'missingSheet', target: part.sheet };
        continue;
      }
      try {
        areas.push({ sheet, range: parseRangeA1(part.ref) });
      } catch {
        broken ??= { problem: 'refError' }; // a constant or a formula: no cells to find the table by
      }
    }
    const entry: NameEntry = { ...(home !== undefined ? { scope: home } : {}), areas, ...(broken ? { broken } : {}) };
    byName.set(name, [...(byName.get(name) ?? []), entry]);
  }
  return byName;
}

/**
 * The area of a name on a sheet, as Excel resolves it there: a name scoped to the sheet first (and
 * if that one is broken, it is what the sheet sees), then a workbook-level one, then one scoped
 * elsewhere that points here.
 */
function resolve(entries: readonly NameEntry[] | undefined, sheet: string): Resolved {
  if (!entries) return { ok: false };
  const on = (e: NameEntry): CellRange | undefined => e.areas.find((a) => a.sheet === sheet)?.range;
  const own = entries.filter((e) => e.scope === sheet);
  for (const e of own) {
    const range = on(e);
    if (range) return { ok: true, range };
  }
  const ownBroken = own.find((e) => e.broken && e.areas.length === 0);
  if (ownBroken?.broken) return { ok: false, broken: ownBroken.broken };
  const others = [...entries.filter((e) => e.scope === undefined), ...entries.filter((e) => e.scope !== undefined)];
  for (const e of others) {
    const range = on(e);
    if (range) return { ok: true, range };
  }
  const bookBroken = entries.find((e) => e.scope === undefined && e.broken);
  return bookBroken?.broken ? { ok: false, broken: bookBroken.broken } : { ok: false };
}

function brokenError(broken: Broken, params: InputErrorParams): ReportInputError {
  return broken.problem === 'missingSheet'
    ? new ReportInputError('WORKBOOK_NAME_SHEET_MISSING', { ...params, target: broken.target })
    : new ReportInputError('WORKBOOK_NAME_BROKEN', params);
}

const isTableName = (name: string): boolean => TABLE_IDS.some((t) => NAMES.table(t) === name);
const isMarker = (name: string): boolean => LAYOUT_NAME.test(name) || TABLES_NAME.test(name);

/** Sheets that hold a report: a table or marker name lies on them, or a table name scoped to them lost its cells. */
function reportSheets(input: WorkbookNames, byName: Map<string, NameEntry[]>): string[] {
  const found = new Set<string>();
  for (const [name, entries] of byName) {
    if (!isTableName(name) && !isMarker(name)) continue;
    for (const e of entries) {
      for (const a of e.areas) found.add(a.sheet);
      if (isTableName(name) && e.scope !== undefined && e.areas.length === 0 && e.broken) found.add(e.scope);
    }
  }
  return input.sheets.filter((s) => found.has(s));
}

/** The official version of a sheet's tables: its NB_TABLES_* marker, else the size of its 表三. */
function versionOf(byName: Map<string, NameEntry[]>, sheet: string, s3: CellRange): FormatVersion | undefined {
  for (const [name, entries] of byName) {
    const m = TABLES_NAME.exec(name);
    if (m && isFormatVersion(m[1]) && resolve(entries, sheet).ok) return m[1];
  }
  for (const version of ['2021', '2019'] as const) {
    const expected = layoutOf(version).names.find((n) => n.name === NAMES.table('s3'))?.range;
    if (expected && expected.rows === s3.rows && expected.cols === s3.cols) return version;
  }
  return undefined;
}

/** The highest NB_LAYOUT_V* on the sheet, or undefined without one. */
function layoutVersionOf(byName: Map<string, NameEntry[]>, sheet: string): number | undefined {
  let version: number | undefined;
  for (const [name, entries] of byName) {
    const m = LAYOUT_NAME.exec(name);
    if (m && resolve(entries, sheet).ok) version = Math.max(version ?? 0, Number(m[1]));
  }
  return version;
}

/** Few rectangles holding the top-left cell of every key: one per table, one per profile field. */
function readAreas(map: SheetMap): CellRange[] {
  const groups = new Map<string, CellPosition[]>();
  for (const key of map.keys) {
    const rect = map.rectOf(key);
    if (!rect) continue;
    const group = key.startsWith('profile.') ? key : key.slice(0, key.indexOf('.'));
    groups.set(group, [...(groups.get(group) ?? []), rect]);
  }
  return [...groups.values()].map((cells) => {
    const top = Math.min(...cells.map((c) => c.row));
    const left = Math.min(...cells.map((c) => c.col));
    const bottom = Math.max(...cells.map((c) => c.row));
    const right = Math.max(...cells.map((c) => c.col));
    return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  });
}

function mapError(error: unknown, params: InputErrorParams): unknown {
  if (!(error instanceof SheetMapError)) return error;
  const p = error.problem;
  switch (p.kind) {
    case 'missing':
      return new ReportInputError('WORKBOOK_TABLE_MISSING', { ...params, name: p.name });
    case 'resized':
      return new ReportInputError(
        'WORKBOOK_TABLE_RESIZED',
        {
          ...params,
          name: p.name,
          rows: p.found.rows,
          cols: p.found.cols,
          expectedRows: p.expected.rows,
          expectedCols: p.expected.cols,
        },
        { cause: error },
      );
    case 'overlap':
      return new ReportInputError(
        'WORKBOOK_NAMES_OVERLAP',
        { ...params, name: p.name, other: p.other, cell: cellA1(p.at.row, p.at.col) },
        { cause: error },
      );
  }
}

function planSheet(input: WorkbookNames, byName: Map<string, NameEntry[]>, sheet: string): ReportSheetPlan {
  const at = { file: input.file, sheet };
  const layoutVersion = layoutVersionOf(byName, sheet);
  if (layoutVersion !== undefined && layoutVersion > READABLE_LAYOUT_VERSIONS.max) {
    throw new ReportInputError('WORKBOOK_NEWER_LAYOUT', { ...at, layoutVersion });
  }
  if (layoutVersion !== undefined && layoutVersion < READABLE_LAYOUT_VERSIONS.min) {
    throw new ReportInputError('WORKBOOK_UNKNOWN_FORMAT', at);
  }
  const anchors = new Map<string, CellRange>();
  for (const table of TABLE_IDS) {
    const name = NAMES.table(table);
    const found = resolve(byName.get(name), sheet);
    if (found.ok) anchors.set(name, found.range);
    else if (found.broken) throw brokenError(found.broken, { ...at, name });
    else throw new ReportInputError('WORKBOOK_TABLE_MISSING', { ...at, name, table });
  }
  for (const name of Object.values(PROFILE_FIELD_NAMES)) {
    const found = resolve(byName.get(name), sheet);
    if (found.ok) anchors.set(name, found.range);
    else if (found.broken) throw brokenError(found.broken, { ...at, name });
  }
  // The profile block only places inputs that lack their own name; broken, it matters only then.
  const block = resolve(byName.get(NAMES.profile), sheet);
  if (block.ok) anchors.set(NAMES.profile, block.range);
  else if (block.broken && Object.values(PROFILE_FIELD_NAMES).some((name) => !anchors.has(name))) {
    throw brokenError(block.broken, { ...at, name: NAMES.profile });
  }
  const s3 = anchors.get(NAMES.table('s3'));
  const version = s3 ? versionOf(byName, sheet, s3) : undefined;
  if (!version) throw new ReportInputError('WORKBOOK_UNKNOWN_FORMAT', at);
  let map: SheetMap;
  try {
    map = buildSheetMap(layoutOf(version), anchors, { sheetName: sheet });
  } catch (error) {
    throw mapError(error, at);
  }
  return {
    file: input.file,
    sheet,
    version,
    ...(layoutVersion !== undefined ? { layoutVersion } : {}),
    map,
    areas: readAreas(map),
  };
}

/**
 * A report sheet planned from the layout alone, its tables where 插入 put them: for hosts that cannot
 * read defined names' formulas (Excel below ExcelApi 1.7), which find the sheet by its profile part.
 * Rows inserted above a table go unnoticed there; that is the price of an old Excel.
 */
export function planFromLayout(file: string, sheet: string, version: FormatVersion): ReportSheetPlan {
  const layout = layoutOf(version);
  const anchors = new Map<string, CellRange>(layout.names.map((n) => [n.name, n.range]));
  const map = buildSheetMap(layout, anchors, { sheetName: sheet });
  return { file, sheet, version, layoutVersion: layout.layoutVersion, map, areas: readAreas(map) };
}

/**
 * The report sheets of a workbook, in sheet order, found from its defined names alone. Throws
 * ReportInputError when there is none, or when a sheet's names do not lead to its tables.
 */
export function planReportSheets(input: WorkbookNames): ReportSheetPlan[] {
  const byName = indexNames(input);
  const sheets = reportSheets(input, byName);
  if (sheets.length === 0) throw new ReportInputError('WORKBOOK_NO_REPORT', { file: input.file });
  return sheets.map((sheet) => planSheet(input, byName, sheet));
}

/** Broken names that 修复表格 can rebuild from the layout. */
const REPAIRABLE = new Set([
  'WORKBOOK_TABLE_RESIZED',
  'WORKBOOK_TABLE_MISSING',
  'WORKBOOK_NAME_BROKEN',
  'WORKBOOK_NAMES_OVERLAP',
  'WORKBOOK_UNKNOWN_FORMAT',
]);

/** A report sheet whose names no longer lead to its tables (rows inserted or deleted inside one). */
export interface UnplannedSheet {
  readonly sheet: string;
  readonly error: ReportInputError;
  /** The version its NB_TABLES_* marker names, when that survived. */
  readonly version?: FormatVersion;
}

/**
 * Like planReportSheets, but a sheet whose names are broken does not stop the others: it is listed
 * apart (for the live pane, which offers to repair it). Throws only when no sheet holds a report.
 */
export function surveyReportSheets(input: WorkbookNames): {
  readonly plans: ReportSheetPlan[];
  readonly unplanned: UnplannedSheet[];
} {
  const byName = indexNames(input);
  const sheets = reportSheets(input, byName);
  if (sheets.length === 0) throw new ReportInputError('WORKBOOK_NO_REPORT', { file: input.file });
  const plans: ReportSheetPlan[] = [];
  const unplanned: UnplannedSheet[] = [];
  for (const sheet of sheets) {
    try {
      plans.push(planSheet(input, byName, sheet));
    } catch (error) {
      // A newer layout is not ours to rebuild: that stops the watch as it stops the reader.
      if (!(error instanceof ReportInputError) || !REPAIRABLE.has(error.code)) throw error;
      let version: FormatVersion | undefined;
      for (const [name, entries] of byName) {
        const m = TABLES_NAME.exec(name);
        if (m && isFormatVersion(m[1]) && resolve(entries, sheet).ok) version = m[1];
      }
      unplanned.push({ sheet, error, ...(version ? { version } : {}) });
    }
  }
  return { plans, unplanned };
}

// ---- cells -----------------------------------------------------------------------------------------

const DAY_MS = 86400000;
/** Day 0 of Excel's 1900 date system, as its day numbers count after 1900-02-28. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** A date cell as text: `2024-03-05`, with the time when it has one (`2024-03-05 08:30`, `08:30`). */
export function dateText(serial: number): string {
  const ms = Math.round(serial * DAY_MS);
  const iso = new Date(EPOCH_1900 + ms).toISOString();
  const days = Math.floor(serial);
  const time = ms - days * DAY_MS === 0 ? '' : iso.slice(11, 16);
  if (days === 0 && time !== '') return time;
  return time === '' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/**
 * True for a number format that shows a date or time (`yyyy/m/d`, `m月d日`, `h:mm`, `[h]:mm`), false
 * for numbers and text (`0`, `0.00##`, `General`, `@`, `"年"0`). Only the first section counts.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const section = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .split(';')[0];
  // Brackets hold colours, conditions and locales, except the elapsed-time codes [h], [mm], [ss].
  if (/\[(h+|m+|s+)\]/i.test(section)) return true;
  return /[ymdhs]/i.test(section.replace(/\[[^\]]*\]/g, '').replace(/General/gi, ''));
}

/** A data cell's raw value: numbers as numbers, empty as null, anything else as the text it shows. */
function rawValueOf(cell: SheetCell): RawValue {
  switch (cell.kind) {
    case 'empty':
      return null;
    case 'number':
      return Number.isFinite(cell.value) ? cell.value : String(cell.value);
    case 'string':
      return cell.value === '' ? null : cell.value;
    case 'boolean':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'date':
      return dateText(cell.serial);
    case 'error':
      return cell.value;
    case 'formula':
      return cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}`;
  }
}

/** A profile cell's text, trimmed; undefined when it holds none (empty, an error, an uncalculated formula). */
function profileText(cell: SheetCell): string | undefined {
  let text: string;
  switch (cell.kind) {
    case 'number':
      text = String(cell.value);
      break;
    case 'string':
      text = cell.value;
      break;
    case 'boolean':
      text = cell.value ? 'TRUE' : 'FALSE';
      break;
    case 'date':
      text = dateText(cell.serial);
      break;
    default:
      return undefined;
  }
  text = text.trim();
  return text === '' ? undefined : text;
}

function readProfile(cellAt: (key: string) => SheetCell): Pick<Report, 'profile' | 'unreadProfile'> {
  const profile: Profile = {};
  const agency = profileText(cellAt('profile.agency'));
  if (agency) profile.agency = agency;

  const yearCell = cellAt('profile.year');
  // A number is read as it is; a date is what Excel made of `2024/1` and is not a year.
  const year =
    yearCell.kind === 'number'
      ? readYear(yearCell.value)
      : yearCell.kind === 'formula'
        ? readYear(rawValueOf(yearCell))
        : readYear(profileText(yearCell));
  let unreadProfile: Report['unreadProfile'];
  if (year?.ok) profile.year = year.year;
  else if (year) unreadProfile = { year: year.text };

  const kind = profileText(cellAt('profile.kind'));
  const kindCode = kind ? kindFromText(kind) : undefined;
  if (kindCode) profile.kind = kindCode;
  const format = profileText(cellAt('profile.format'))?.match(/2019|2021/)?.[0];
  if (format && isFormatVersion(format)) profile.format = format;
  const regulations = profileText(cellAt('profile.canMakeRegulations'));
  const canMake = regulations ? regulationsFromText(regulations) : undefined;
  if (canMake !== undefined) profile.canMakeRegulations = canMake;
  return unreadProfile ? { profile, unreadProfile } : { profile };
}

/**
 * One report sheet's cells → its Report: every data cell by key (numbers, null for empty, the text
 * otherwise; date cells as `2024-03-05`, listed in `dateCells`), the profile, and the version its
 * tables are in. Reads only cells inside `plan.areas`.
 */
export function readReportSheet(plan: ReportSheetPlan, cells: CellSource): Report {
  const cellOf = (key: string): SheetCell => {
    const rect = plan.map.rectOf(key);
    return rect ? cells(rect.row, rect.col) : EMPTY_CELL;
  };
  const values: Record<string, RawValue> = {};
  const dateCells: string[] = [];
  for (const key of plan.map.keys) {
    if (key.startsWith('profile.')) continue;
    const cell = cellOf(key);
    values[key] = rawValueOf(cell);
    if (cell.kind === 'date') dateCells.push(key);
  }
  const report: Report = { ...readProfile(cellOf), values, sourceFormat: plan.version };
  if (dateCells.length > 0) report.dateCells = dateCells;
  return report;
}

/** A workbook's names and cells → every report sheet's Report, in sheet order. */
export function readReportSheets(
  input: WorkbookNames & { readonly cells: (sheet: string) => CellSource },
): { readonly sheet: string; readonly report: Report }[] {
  return planReportSheets(input).map((plan) => ({
    sheet: plan.sheet,
    report: readReportSheet(plan, input.cells(plan.sheet)),
  }));
}
