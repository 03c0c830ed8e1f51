// A fake host for the part of the Excel JavaScript API the add-in uses, for tests without Office.
//
// It behaves like Office.js where that matters:
// - writes are queued and run only at `context.sync()`; the first failing one rejects the sync and the
//   rest of the batch is dropped (earlier writes stay: Office batches are not transactions); each sync is
//   counted and takes `roundTripMs` (the batch is applied half-way, the answer arrives after the rest);
// - a property can be read only after `load` and a `sync` (else it throws `PropertyNotLoaded`), and it then
//   holds what the workbook held at that sync, not later;
// - cells are calculated by HyperFormula (fake-excel-engine.ts): a formula cell reads back its value, and
//   `shownValue` / `conditionalFormatApplies` tell what the sheet itself shows;
// - Excel's refusals: invalid or duplicate (case-insensitive) sheet names, array sizes that do not match
//   the range, formulas that do not parse, invalid or duplicate defined names, overlapping merges, inside
//   borders on a single row or column, over-long data-validation texts, malformed custom XML, writes to
//   locked cells and formats of a protected sheet, batches sent while the user edits a cell
//   (`InvalidOperationInCellEditMode`, unless run with `delayForCellEdit`), APIs above the requirement set
//   the fake host is told to support (`ApiNotFound`);
// - events with Office's argument shapes (fake-excel-events.ts), raised by the add-in's own writes
//   (`triggerSource: 'ThisLocalAddin'`, ExcelApi 1.14) unless `runtime.enableEvents` is false, and by the
//   drivers that act as the user or a co-author (`userType`, `userPaste`, `remoteEdit`, …).
// Where unsure whether Excel refuses something, the fake refuses it: stricter is safe for a test double.
//
// Every applied write is logged with the sheet it touched (`(workbook)` for workbook-level writes), so a
// test can prove nothing was written outside the new sheet.
import { SaxesParser } from 'saxes';
import {
  engineOf,
  FakeCellMap,
  formulaParses,
  FormulaEngine,
  type CellScalar,
  type EngineName,
  type FakeValueType,
  type ShownCell,
} from './fake-excel-engine';
import {
  COLLECTION,
  FakeEventHub,
  type FakeChangeType,
  type FakeEventName,
  type FakeWorksheetAddedEventArgs,
  type FakeWorksheetChangedEventArgs,
  type FakeWorksheetSelectionChangedEventArgs,
  type Registration,
} from './fake-excel-events';
import { columnLetters, columnOf, sheetPrefix, shiftFormula } from './fake-excel-formula';
import { editRows } from './fake-excel-rows';

export type { CellScalar, FakeValueType, ShownCell } from './fake-excel-engine';
export type {
  FakeChangedEventDetail,
  FakeChangeType,
  FakeWorksheetAddedEventArgs,
  FakeWorksheetChangedEventArgs,
  FakeWorksheetSelectionChangedEventArgs,
} from './fake-excel-events';

export class FakeOfficeError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
  }
}

export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export interface FakeCell {
  /** With the leading '='. */
  formula?: string;
  /** The constant; null for a formula (its value is calculated: see `shownValue`, Range.values). */
  value: string | number | boolean | null;
  /** Written with Excel's apostrophe text prefix. */
  quotePrefix?: boolean;
}

export type BorderSide = 'top' | 'bottom' | 'left' | 'right';

export interface FakeFormat {
  fontName?: string;
  fontSize?: number;
  bold?: boolean;
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  numberFormat?: string;
  locked?: boolean;
  borders?: Partial<Record<BorderSide, { style?: string; weight?: string }>>;
}

export interface FakeName {
  readonly name: string;
  readonly sheet: string;
  readonly rects: readonly Rect[];
  /** What Excel reports as the name's formula when it is not `sheet!rects` (`=#REF!` after a deletion). */
  readonly formula?: string;
}

/** In priority order: the first applies first. */
export interface FakeConditionalFormat {
  readonly rects: readonly Rect[];
  readonly type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
}

export interface FakeDataValidation {
  readonly rects: readonly Rect[];
  rule?: Record<string, unknown>;
  errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
  prompt?: { showPrompt?: boolean; title?: string; message?: string };
}

export interface FakeSheet {
  readonly id: string;
  name: string;
  readonly cells: Map<string, FakeCell>;
  readonly formats: Map<string, FakeFormat>;
  readonly merges: Rect[];
  readonly columnWidths: Map<number, number>;
  readonly rowHeights: Map<number, number>;
  readonly names: FakeName[];
  readonly conditionalFormats: FakeConditionalFormat[];
  readonly dataValidations: FakeDataValidation[];
  protection: { protected: boolean; options?: Record<string, unknown>; password?: string };
  showGridlines: boolean;
  /** Panes frozen (freezePanes). */
  frozen?: { rows: number; columns: number };
  readonly pageLayout: FakePageLayout;
}

export interface FakePageLayout {
  paperSize?: string;
  orientation?: string;
  leftMargin?: number;
  rightMargin?: number;
  topMargin?: number;
  bottomMargin?: number;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  centerHorizontally?: boolean;
  printArea?: string;
  /** Whole rows repeated at the top of each printed page, as `27:29`. */
  printTitleRows?: string;
  /** Rows (zero-based) a manual page break comes before. */
  pageBreaks?: number[];
}

export interface FakeOp {
  /** The sheet written, or `(workbook)`. */
  readonly target: string;
  readonly op: string;
  readonly address?: string;
}

export interface FakeCustomXmlPart {
  readonly id: string;
  readonly namespaceUri: string;
  readonly xml: string;
}

export interface FakeWorkbookState {
  readonly sheets: FakeSheet[];
  activeSheetId: string;
  selection?: { sheetId: string; address: string };
  readonly customXmlParts: FakeCustomXmlPart[];
  readonly names: FakeName[];
  readonly ops: FakeOp[];
}

export const WORKBOOK = '(workbook)';

// ---- addresses ---------------------------------------------------------------------------------

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

const lettersToCol = columnOf;

export const colToLetters = columnLetters;

export function rectAddress(r: Rect): string {
  const a = `${colToLetters(r.col)}${r.row + 1}`;
  return r.rows === 1 && r.cols === 1 ? a : `${a}:${colToLetters(r.col + r.cols - 1)}${r.row + r.rows}`;
}

/** `A1`, `A1:C3`, `B:D`, `3:5` (no sheet prefix: the writer never needs one). */
export function parseAddress(address: string): Rect {
  const text = address.trim().replace(/\$/g, '');
  let m = /^([A-Za-z]{1,3})(\d{1,7})(?::([A-Za-z]{1,3})(\d{1,7}))?$/.exec(text);
  if (m) {
    const c1 = lettersToCol(m[1]);
    const r1 = Number(m[2]) - 1;
    const c2 = m[3] ? lettersToCol(m[3]) : c1;
    const r2 = m[4] ? Number(m[4]) - 1 : r1;
    return checkRect(
      { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 },
      address,
    );
  }
  m = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(text);
  if (m) {
    const c1 = lettersToCol(m[1]);
    const c2 = lettersToCol(m[2]);
    return checkRect({ row: 0, col: Math.min(c1, c2), rows: MAX_ROWS, cols: Math.abs(c2 - c1) + 1 }, address);
  }
  m = /^(\d{1,7}):(\d{1,7})$/.exec(text);
  if (m) {
    const r1 = Number(m[1]) - 1;
    const r2 = Number(m[2]) - 1;
    return checkRect({ row: Math.min(r1, r2), col: 0, rows: Math.abs(r2 - r1) + 1, cols: MAX_COLS }, address);
  }
  throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing: address "${address}"`);
}

function checkRect(r: Rect, address: string): Rect {
  if (r.row < 0 || r.col < 0 || r.row + r.rows > MAX_ROWS || r.col + r.cols > MAX_COLS) {
    throw new FakeOfficeError('InvalidArgument', `Address out of the grid: "${address}"`);
  }
  return r;
}

const key = (row: number, col: number): string => `${row},${col}`;

function* cellsOf(r: Rect): Generator<[number, number]> {
  for (let i = 0; i < r.rows; i += 1) for (let j = 0; j < r.cols; j += 1) yield [r.row + i, r.col + j];
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

// ---- Excel's rules --------------------------------------------------------------------------------

function checkSheetName(name: string, sheets: readonly FakeSheet[], self?: FakeSheet): void {
  const bad =
    name.trim() === '' ||
    name.length > 31 ||
    /[\\/?*[\]:]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toUpperCase() === 'HISTORY';
  if (bad) throw new FakeOfficeError('InvalidArgument', `The sheet name "${name}" is not valid.`);
  if (sheets.some((s) => s !== self && s.name.toUpperCase() === name.toUpperCase())) {
    throw new FakeOfficeError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
  }
}

function checkDefinedName(name: string): void {
  const valid =
    name.length <= 255 &&
    /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[RrCc]$/.test(name) &&
    !/^[Rr]\d*[Cc]\d*$/.test(name) &&
    !/^(TRUE|FALSE)$/i.test(name);
  if (!valid) throw new FakeOfficeError('InvalidArgument', `The name "${name}" is not a valid defined name.`);
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function toHalfWidth(text: string): string {
  return text.replace(/[０-９．，－＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** A written entry as Excel stores it, like text typed into the cell. */
function parseEntry(entry: unknown): FakeCell | null {
  if (entry === null) return null; // null leaves the cell as it is
  if (typeof entry === 'number') {
    if (!Number.isFinite(entry)) throw new FakeOfficeError('InvalidArgument', `Invalid number ${entry}`);
    return { value: entry };
  }
  if (typeof entry === 'boolean') return { value: entry };
  if (typeof entry !== 'string') throw new FakeOfficeError('InvalidArgument', `Invalid cell entry ${String(entry)}`);
  if (entry === '') return { value: null };
  if (entry.startsWith("'")) return { value: entry.slice(1), quotePrefix: true };
  if (entry.startsWith('=')) return { formula: checkFormula(entry), value: null };
  const plain = toHalfWidth(entry.trim());
  if (/\d/.test(plain)) {
    const percent = plain.endsWith('%');
    const body = percent ? plain.slice(0, -1) : plain;
    if (NUMBER.test(body)) {
      const n = Number(body.replace(/,/g, ''));
      return { value: percent ? n / 100 : n };
    }
    // Dates and times Excel recognises become serial numbers.
    if (
      /^\d{4}[-/]\d{1,2}[-/]\d{1,2}$|^\d{1,2}[-/]\d{1,2}$|^\d{1,2}:\d{2}(:\d{2})?$|^(\d{4}年)?\d{1,2}月(\d{1,2}日)?$/.test(
        body,
      )
    ) {
      return { value: 45000 };
    }
  }
  // A lone sign is text; anything else starting with one is a formula, as when typed.
  if (/^[+-]./.test(entry)) return { formula: checkFormula(`=${entry}`), value: null };
  if (/^(TRUE|FALSE)$/i.test(entry.trim())) return { value: entry.trim().toUpperCase() === 'TRUE' };
  return { value: entry };
}

/** Excel refuses a formula with unbalanced parentheses or quotes, or one that does not parse. */
function checkFormula(formula: string): string {
  let depth = 0;
  let inString = false;
  for (const ch of formula) {
    if (ch === '"') inString = !inString;
    else if (!inString && ch === '(') depth += 1;
    else if (!inString && ch === ')') depth -= 1;
    if (depth < 0) break;
  }
  // Stricter than unsure: HyperFormula's parser stands in for Excel's (its gaps: fake-excel-engine.ts).
  if (depth !== 0 || inString || !formulaParses(formula))
    throw new FakeOfficeError('InvalidArgument', `There's a problem with this formula: ${formula}`);
  return formula;
}

function checkGrid(grid: unknown, r: Rect, what: string): unknown[][] {
  if (
    !Array.isArray(grid) ||
    grid.length !== r.rows ||
    grid.some((row) => !Array.isArray(row) || row.length !== r.cols)
  ) {
    throw new FakeOfficeError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}, ${r.rows}×${r.cols}).`,
    );
  }
  return grid as unknown[][];
}

const COLOR = /^#[0-9A-Fa-f]{6}$/;
function checkColor(color: unknown): string {
  if (typeof color !== 'string' || !COLOR.test(color))
    throw new FakeOfficeError('InvalidArgument', `Invalid colour ${String(color)}`);
  return color.toUpperCase();
}

function checkEnum(value: unknown, allowed: readonly string[], what: string): string {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new FakeOfficeError('InvalidArgument', `Invalid ${what}: ${String(value)}`);
  }
  return value;
}

// ---- the host, the context and its queue ------------------------------------------------------------

export interface FakeExcelOptions {
  /**
   * Milliseconds a `context.sync` takes, there and back (default 0). The batch is applied half-way; events
   * reach the add-in half a round trip after the change. The bench uses 50, about Excel on the web.
   */
  readonly roundTripMs?: number;
  /** The highest ExcelApi requirement set the fake host supports, as `1.9` (default `1.17`). */
  readonly excelApi?: string;
}

/** Where a change comes from: the add-in's own batch, the local user, or a co-author. */
export type ChangeOrigin = 'addin' | 'user' | 'remote';

function apiVersion(version: string): [number, number] {
  const m = /^(\d+)\.(\d+)$/.exec(version);
  if (!m) throw new Error(`Not an API version: ${version}`);
  return [Number(m[1]), Number(m[2])];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The Excel behind every request context of one workbook: calculation, events, the round-trip time, cell
 * edit mode, `runtime.enableEvents`, the supported requirement sets and the sync count.
 */
export class FakeHost {
  readonly engine: FormulaEngine;
  readonly events = new FakeEventHub();
  readonly roundTripMs: number;
  readonly excelApi: string;
  /** `context.sync` calls, from every context of this workbook. */
  syncs = 0;
  /** Runtime.enableEvents (ExcelApi 1.8): false silences every event of this add-in. */
  enableEvents = true;
  private readonly level: [number, number];
  private editing = false;
  private waiting: (() => void)[] = [];
  private nextId = 1;

  constructor(
    readonly state: FakeWorkbookState,
    options: FakeExcelOptions = {},
  ) {
    this.roundTripMs = options.roundTripMs ?? 0;
    if (!(this.roundTripMs >= 0)) throw new Error(`Invalid round-trip time ${this.roundTripMs}`);
    this.excelApi = options.excelApi ?? '1.17';
    this.level = apiVersion(this.excelApi);
    this.engine = new FormulaEngine({ sheets: () => state.sheets, names: () => engineNames(state) });
  }

  newId(prefix: string): string {
    const id = `{${prefix}-${this.nextId}}`;
    this.nextId += 1;
    return id;
  }

  /** Office.context.requirements.isSetSupported for this host. */
  supports(version: string): boolean {
    const [major, minor] = apiVersion(version);
    return major < this.level[0] || (major === this.level[0] && minor <= this.level[1]);
  }

  /** Throws Office's ApiNotFound when the host lacks the requirement set (call it where Excel runs the request). */
  require(version: string, what: string): void {
    if (!this.supports(version)) {
      throw new FakeOfficeError(
        'ApiNotFound',
        `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${what} needs ExcelApi ${version}; this host has ${this.excelApi})`,
      );
    }
  }

  get editMode(): boolean {
    return this.editing;
  }

  setEditMode(on: boolean): void {
    this.editing = on;
    if (!on) for (const resume of this.waiting.splice(0)) resume();
  }

  whenNotEditing(): Promise<void> {
    return this.editing ? new Promise((resolve) => this.waiting.push(resolve)) : Promise.resolve();
  }

  /** The trip from Excel to the add-in: events arrive this long after the change. */
  get oneWayMs(): number {
    return this.roundTripMs / 2;
  }

  /** A cell's value and type before a change, when an onChanged event will carry them (one cell, 1.9). */
  before(sheet: FakeSheet, rect: Rect): ShownCell | undefined {
    if (rect.rows !== 1 || rect.cols !== 1) return undefined;
    if (!this.enableEvents || !this.supports('1.9') || !this.events.listening('onChanged', sheet.id)) return undefined;
    return this.engine.shown(sheet, rect.row, rect.col);
  }

  /**
   * Raises WorksheetChanged for a change applied just now. `before` (from `before()`) is given for a change
   * of one cell: only then does the event carry details.
   */
  raiseChanged(
    sheet: FakeSheet,
    address: string,
    changeType: FakeChangeType,
    origin: ChangeOrigin,
    before?: ShownCell,
    cell?: { row: number; col: number },
  ): void {
    if (!this.enableEvents || !this.supports('1.7') || !this.events.listening('onChanged', sheet.id)) return;
    const args: Record<string, unknown> = {
      type: 'WorksheetChanged',
      worksheetId: sheet.id,
      address,
      changeType,
      source: origin === 'remote' ? 'Remote' : 'Local',
    };
    if (this.supports('1.14')) args.triggerSource = origin === 'addin' ? 'ThisLocalAddin' : 'Unknown';
    if (before && cell && this.supports('1.9')) {
      const after = this.engine.shown(sheet, cell.row, cell.col);
      args.details = {
        valueBefore: before.value,
        valueAfter: after.value,
        valueTypeBefore: before.type,
        valueTypeAfter: after.type,
      };
    }
    const getRange = (context: FakeRequestContext): FakeRange => {
      context.enqueue(() => context.host.require('1.8', 'WorksheetChangedEventArgs.getRange'));
      return context.workbook.worksheets.getItem(sheet.id).getRange(address);
    };
    Object.defineProperty(args, 'getRange', { value: getRange, enumerable: false });
    Object.defineProperty(args, 'getRangeOrNullObject', { value: getRange, enumerable: false });
    this.events.emit('onChanged', sheet.id, args, this.oneWayMs);
  }

  raiseSelectionChanged(sheet: FakeSheet, address: string): void {
    if (!this.enableEvents || !this.supports('1.7')) return;
    const args: FakeWorksheetSelectionChangedEventArgs = {
      type: 'WorksheetSelectionChanged',
      worksheetId: sheet.id,
      address,
    };
    this.events.emit('onSelectionChanged', sheet.id, args, this.oneWayMs);
  }

  raiseAdded(sheet: FakeSheet, origin: ChangeOrigin): void {
    if (!this.enableEvents || !this.supports('1.7')) return;
    const args: FakeWorksheetAddedEventArgs = {
      type: 'WorksheetAdded',
      worksheetId: sheet.id,
      source: origin === 'remote' ? 'Remote' : 'Local',
    };
    // Only the collection has onAdded.
    this.events.emit('onAdded', COLLECTION, args, this.oneWayMs);
  }
}

/** Every defined name, as the engine needs them to evaluate formulas that use names. */
function engineNames(state: FakeWorkbookState): EngineName[] {
  return [
    ...state.names.map((n) => ({ name: n.name, formula: nameFormula(n) })),
    ...state.sheets.flatMap((sheet) =>
      sheet.names.map((n) => ({ name: n.name, scope: sheet, formula: nameFormula(n) })),
    ),
  ];
}

export class FakeRequestContext {
  readonly state: FakeWorkbookState;
  readonly host: FakeHost;
  readonly workbook: FakeWorkbook;
  readonly runtime: FakeRuntime;
  /** Set by `runExcel(ctx, { delayForCellEdit: true }, …)`: a batch waits for cell edit mode to end. */
  readonly delayForCellEdit: boolean;
  private queue: (() => void)[] = [];

  constructor(state: FakeWorkbookState, host?: FakeHost, delayForCellEdit = false) {
    this.state = state;
    this.host = host ?? new FakeHost(state);
    this.delayForCellEdit = delayForCellEdit;
    this.workbook = new FakeWorkbook(this);
    this.runtime = new FakeRuntime(this);
  }

  /** Number of `sync` calls so far, from this context and every other context of the workbook. */
  get syncCount(): number {
    return this.host.syncs;
  }

  /** Another request context on the same workbook (as each `Excel.run` makes one). */
  fork(options: { delayForCellEdit?: boolean } = {}): FakeRequestContext {
    return new FakeRequestContext(this.state, this.host, options.delayForCellEdit === true);
  }

  newId(prefix: string): string {
    return this.host.newId(prefix);
  }

  enqueue(action: () => void): void {
    this.queue.push(action);
  }

  log(target: string, op: string, address?: string): void {
    this.state.ops.push(address === undefined ? { target, op } : { target, op, address });
  }

  sync(): Promise<void> {
    this.host.syncs += 1;
    const batch = this.queue;
    this.queue = [];
    const trip = this.transmit(batch);
    this.host.events.track(trip);
    return trip;
  }

  private async transmit(batch: readonly (() => void)[]): Promise<void> {
    const half = this.host.roundTripMs / 2;
    await (half > 0 ? sleep(half) : Promise.resolve());
    let failed = false;
    let failure: unknown;
    if (this.host.editMode && !this.delayForCellEdit) {
      failed = true;
      failure = new FakeOfficeError(
        'InvalidOperationInCellEditMode',
        'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
      );
    } else {
      if (this.host.editMode) {
        this.host.events.parked += 1;
        await this.host.whenNotEditing();
        this.host.events.parked -= 1;
      }
      try {
        for (const action of batch) action();
      } catch (error) {
        failed = true;
        failure = error;
      }
    }
    if (half > 0) await sleep(half);
    if (failed) throw failure;
  }

  /** Writes queued but not yet synced (a test can assert none were left behind). */
  get pending(): number {
    return this.queue.length;
  }
}

function notLoaded(property: string): never {
  throw new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** A ClientResult: its value can be read after the sync that computed it. */
export class FakeClientResult<T> {
  private held = false;
  private result?: T;

  set(value: T): void {
    this.result = value;
    this.held = true;
  }

  get value(): T {
    if (!this.held) {
      throw new FakeOfficeError(
        'ValueNotLoaded',
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
    }
    return this.result as T;
  }
}

/** The names of `load('a,b')`, `load(['a', 'b'])` or `load('items/a')`, trimmed. */
function propertyList(properties: string | string[] | undefined, fallback: string): string[] {
  return (Array.isArray(properties) ? properties : [properties ?? fallback])
    .flatMap((p) => p.split(','))
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** Context.runtime (ExcelApi 1.5) with enableEvents (1.8). */
export class FakeRuntime {
  private loaded?: boolean;

  constructor(private readonly ctx: FakeRequestContext) {}

  load(properties?: string | string[]): this {
    const props = propertyList(properties, 'enableEvents');
    this.ctx.enqueue(() => {
      this.ctx.host.require('1.5', 'context.runtime');
      for (const p of props) {
        if (p !== 'enableEvents')
          throw new FakeOfficeError('InvalidArgument', `The fake cannot load runtime property '${p}'`);
        this.ctx.host.require('1.8', 'Runtime.enableEvents');
      }
      this.loaded = this.ctx.host.enableEvents;
    });
    return this;
  }

  get enableEvents(): boolean {
    return this.loaded ?? notLoaded('enableEvents');
  }

  set enableEvents(value: boolean) {
    this.ctx.enqueue(() => {
      this.ctx.host.require('1.8', 'Runtime.enableEvents');
      if (typeof value !== 'boolean') throw new FakeOfficeError('InvalidArgument', 'enableEvents must be a boolean');
      this.ctx.host.enableEvents = value;
    });
  }
}

/** What a handler may return; Office awaits nothing, the fake's `settled` awaits the promise. */
export type FakeHandler<T> = (args: T) => unknown;

/** OfficeExtension.EventHandlerResult: `remove()` is queued in the context the handler was added in. */
export class FakeEventHandlerResult {
  constructor(
    readonly context: FakeRequestContext,
    private readonly registration: Registration,
  ) {}

  remove(): void {
    this.context.enqueue(() => this.context.host.events.unregister((r) => r === this.registration));
  }
}

/** OfficeExtension.EventHandlers: `add` and `remove` take effect at the next sync of their context. */
export class FakeEventHandlers<T> {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly event: FakeEventName,
    private readonly target: () => string,
    private readonly minimum: string,
    private readonly what: string,
  ) {}

  add(handler: FakeHandler<T>): FakeEventHandlerResult {
    const registration: Registration = {
      event: this.event,
      target: '',
      handler: handler as (args: never) => unknown,
      context: this.ctx,
    };
    this.ctx.enqueue(() => {
      this.ctx.host.require(this.minimum, this.what);
      registration.target = this.target();
      this.ctx.host.events.register(registration);
    });
    return new FakeEventHandlerResult(this.ctx, registration);
  }

  /** Removes the handler only if it was added through this same request context (else it silently stays). */
  remove(handler: FakeHandler<T>): void {
    this.ctx.enqueue(() => {
      this.ctx.host.require(this.minimum, this.what);
      const target = this.target();
      this.ctx.host.events.unregister(
        (r) => r.event === this.event && r.handler === handler && r.context === this.ctx && r.target === target,
      );
    });
  }
}

type SheetRef = () => FakeSheet;

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly customXmlParts: FakeCustomXmlPartCollection;
  readonly names: FakeNamedItemCollection;

  constructor(private readonly ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.customXmlParts = new FakeCustomXmlPartCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx, null);
  }

  /** The selected range (A1 of the active sheet until something is selected). */
  getSelectedRange(): FakeRange {
    const state = this.ctx.state;
    const sheet = (): FakeSheet =>
      state.sheets.find((s) => s.id === (state.selection?.sheetId ?? state.activeSheetId)) ??
      missing('the selected range');
    const rect = (): Rect[] => [parseAddress(state.selection?.address ?? 'A1')];
    return new FakeRange(this.ctx, sheet, rect, '(selection)');
  }
}

export class FakeWorksheetCollection {
  readonly onAdded: FakeEventHandlers<FakeWorksheetAddedEventArgs>;
  readonly onChanged: FakeEventHandlers<FakeWorksheetChangedEventArgs<FakeRange, FakeRequestContext>>;
  readonly onSelectionChanged: FakeEventHandlers<FakeWorksheetSelectionChangedEventArgs>;
  private loadedItems?: FakeWorksheet[];

  constructor(private readonly ctx: FakeRequestContext) {
    const all = (): string => COLLECTION;
    this.onAdded = new FakeEventHandlers(ctx, 'onAdded', all, '1.7', 'WorksheetCollection.onAdded');
    this.onChanged = new FakeEventHandlers(ctx, 'onChanged', all, '1.9', 'WorksheetCollection.onChanged');
    this.onSelectionChanged = new FakeEventHandlers(
      ctx,
      'onSelectionChanged',
      all,
      '1.9',
      'WorksheetCollection.onSelectionChanged',
    );
  }

  load(properties?: string | string[]): this {
    const props = propertyList(properties, '')
      .map((p) => p.replace(/^items\//, ''))
      .filter((p) => p !== 'items');
    this.ctx.enqueue(() => {
      this.loadedItems = this.ctx.state.sheets.map((sheet) => {
        const proxy = new FakeWorksheet(this.ctx, () => sheet);
        proxy.markLoaded(props.length > 0 ? props : ['name', 'id'], sheet);
        return proxy;
      });
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    return this.loadedItems ?? notLoaded('items');
  }

  add(name?: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    this.ctx.enqueue(() => {
      const sheets = this.ctx.state.sheets;
      const sheetName = name ?? `Sheet${sheets.length + 1}`;
      checkSheetName(sheetName, sheets);
      created = emptySheet(this.ctx.newId('sheet'), sheetName);
      sheets.push(created);
      this.ctx.host.engine.claim(created);
      this.ctx.log(WORKBOOK, 'worksheets.add', sheetName);
      this.ctx.host.raiseAdded(created, 'addin');
    });
    return new FakeWorksheet(this.ctx, () => created ?? missing('the added worksheet'));
  }

  getItem(nameOrId: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => findSheet(this.ctx.state, nameOrId) ?? missing(`worksheet "${nameOrId}"`));
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.ctx,
      () => this.ctx.state.sheets.find((s) => s.id === this.ctx.state.activeSheetId) ?? missing('the active worksheet'),
    );
  }
}

function missing(what: string): never {
  throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: ${what}.`);
}
function findSheet(state: FakeWorkbookState, nameOrId: string): FakeSheet | undefined {
  return state.sheets.find((s) => s.id === nameOrId || s.name.toUpperCase() === nameOrId.toUpperCase());
}

export function emptySheet(id: string, name: string): FakeSheet {
  return {
    id,
    name,
    cells: new FakeCellMap(),
    formats: new Map(),
    merges: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    names: [],
    conditionalFormats: [],
    dataValidations: [],
    protection: { protected: false },
    showGridlines: true,
    pageLayout: {},
  };
}

export class FakeWorksheet {
  readonly names: FakeNamedItemCollection;
  readonly protection: FakeWorksheetProtection;
  readonly onChanged: FakeEventHandlers<FakeWorksheetChangedEventArgs<FakeRange, FakeRequestContext>>;
  readonly onSelectionChanged: FakeEventHandlers<FakeWorksheetSelectionChangedEventArgs>;
  readonly pageLayout: Record<string, unknown> & {
    setPrintArea(address: string): void;
    setPrintTitleRows(address: string): void;
  };
  readonly horizontalPageBreaks: { add(range: string): Record<string, never>; removePageBreaks(): void };
  /** ExcelApi 1.7: rows and columns kept in view (recorded on the sheet as `frozen`). */
  readonly freezePanes: {
    freezeRows(count: number): void;
    freezeColumns(count: number): void;
    freezeAt(range: string): void;
  };
  private readonly loaded = new Map<string, unknown>();

  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly ref: SheetRef,
  ) {
    this.names = new FakeNamedItemCollection(ctx, ref);
    this.protection = new FakeWorksheetProtection(ctx, ref);
    const freeze = (rows: number | undefined, columns: number | undefined) =>
      ctx.enqueue(() => {
        ctx.host.require('1.7', 'Worksheet.freezePanes');
        const sheet = ref();
        for (const n of [rows, columns])
          if (n !== undefined && (!Number.isInteger(n) || n < 0))
            throw new FakeOfficeError('InvalidArgument', `Invalid freeze count ${String(n)}`);
        sheet.frozen = { rows: rows ?? sheet.frozen?.rows ?? 0, columns: columns ?? sheet.frozen?.columns ?? 0 };
        ctx.log(sheet.name, 'freezePanes');
      });
    this.freezePanes = {
      freezeRows: (count) => freeze(count, 0),
      freezeColumns: (count) => freeze(0, count),
      freezeAt: (range) => {
        const rect = parseAddress(range);
        freeze(rect.row + rect.rows, rect.col + rect.cols);
      },
    };
    const id = (): string => ref().id;
    this.onChanged = new FakeEventHandlers(ctx, 'onChanged', id, '1.7', 'Worksheet.onChanged');
    this.onSelectionChanged = new FakeEventHandlers(
      ctx,
      'onSelectionChanged',
      id,
      '1.7',
      'Worksheet.onSelectionChanged',
    );
    const page = (property: string, check: (value: unknown) => unknown) => (value: unknown) =>
      ctx.enqueue(() => {
        ctx.host.require('1.9', 'Worksheet.pageLayout');
        const sheet = ref();
        (sheet.pageLayout as Record<string, unknown>)[property] = check(value);
        ctx.log(sheet.name, `pageLayout.${property}`);
      });
    const margin = (value: unknown): number => {
      if (typeof value !== 'number' || value < 0 || value > 1000)
        throw new FakeOfficeError('InvalidArgument', `Invalid margin ${String(value)}`);
      return value;
    };
    this.pageLayout = Object.assign(
      writeOnly({
        paperSize: page('paperSize', (v) => checkEnum(v, ['A4', 'A3', 'Letter', 'Legal'], 'paper size')),
        orientation: page('orientation', (v) => checkEnum(v, ['Portrait', 'Landscape'], 'orientation')),
        leftMargin: page('leftMargin', margin),
        rightMargin: page('rightMargin', margin),
        topMargin: page('topMargin', margin),
        bottomMargin: page('bottomMargin', margin),
        centerHorizontally: page('centerHorizontally', (v) => {
          if (typeof v !== 'boolean')
            throw new FakeOfficeError('InvalidArgument', 'centerHorizontally must be a boolean');
          return v;
        }),
        zoom: page('zoom', (v) => {
          const zoom = v as FakePageLayout['zoom'];
          const fits = [zoom?.horizontalFitToPages, zoom?.verticalFitToPages].filter((n) => n !== undefined);
          // 0 pages means "automatic" in that direction (Excel's "Fit to 1 page wide by [blank] tall").
          if (
            !zoom ||
            (zoom.scale !== undefined && fits.length > 0) ||
            fits.some((n) => !Number.isInteger(n) || (n as number) < 0) ||
            (fits.length > 0 && fits.every((n) => n === 0))
          ) {
            throw new FakeOfficeError('InvalidArgument', `Invalid zoom ${JSON.stringify(v)}`);
          }
          return { ...zoom };
        }),
      }),
      {
        setPrintArea: (address: string) =>
          ctx.enqueue(() => {
            ctx.host.require('1.9', 'PageLayout.setPrintArea');
            const sheet = ref();
            sheet.pageLayout.printArea = rectAddress(parseAddress(address));
            ctx.log(sheet.name, 'pageLayout.setPrintArea', address);
          }),
        setPrintTitleRows: (address: string) =>
          ctx.enqueue(() => {
            ctx.host.require('1.9', 'PageLayout.setPrintTitleRows');
            const sheet = ref();
            const rect = parseAddress(address);
            // Excel: "The range must span the entire row to be valid."
            if (rect.col !== 0 || rect.cols !== MAX_COLS) {
              throw new FakeOfficeError('InvalidArgument', `Print title rows must be whole rows: "${address}"`);
            }
            sheet.pageLayout.printTitleRows = `${rect.row + 1}:${rect.row + rect.rows}`;
            ctx.log(sheet.name, 'pageLayout.setPrintTitleRows', address);
          }),
      },
    );
    this.horizontalPageBreaks = {
      add: (address: string) => {
        ctx.enqueue(() => {
          ctx.host.require('1.9', 'Worksheet.horizontalPageBreaks');
          const sheet = ref();
          const rect = parseAddress(address);
          const breaks = (sheet.pageLayout.pageBreaks ??= []);
          if (breaks.includes(rect.row))
            throw new FakeOfficeError('InvalidOperation', `A page break exists before row ${rect.row + 1}`);
          breaks.push(rect.row);
          ctx.log(sheet.name, 'horizontalPageBreaks.add', address);
        });
        return {};
      },
      removePageBreaks: () => {
        ctx.enqueue(() => {
          ctx.host.require('1.9', 'PageBreakCollection.removePageBreaks');
          const sheet = ref();
          sheet.pageLayout.pageBreaks = [];
          ctx.log(sheet.name, 'horizontalPageBreaks.removePageBreaks');
        });
      },
    };
  }

  set showGridlines(value: unknown) {
    this.ctx.enqueue(() => {
      this.ctx.host.require('1.8', 'Worksheet.showGridlines');
      const sheet = this.ref();
      if (typeof value !== 'boolean') throw new FakeOfficeError('InvalidArgument', 'showGridlines must be a boolean');
      sheet.showGridlines = value;
      this.ctx.log(sheet.name, 'showGridlines');
    });
  }

  get showGridlines(): never {
    return notLoaded('showGridlines');
  }

  markLoaded(props: readonly string[], sheet: FakeSheet): void {
    for (const p of props) {
      if (p === 'name') this.loaded.set('name', sheet.name);
      else if (p === 'id') this.loaded.set('id', sheet.id);
      else throw new FakeOfficeError('InvalidArgument', `The fake cannot load worksheet property '${p}'`);
    }
  }

  load(properties?: string | string[]): this {
    const props = (Array.isArray(properties) ? properties : [properties ?? 'name,id']).flatMap((p) => p.split(','));
    this.ctx.enqueue(() =>
      this.markLoaded(
        props.map((p) => p.trim()),
        this.ref(),
      ),
    );
    return this;
  }

  get name(): string {
    return this.loaded.has('name') ? (this.loaded.get('name') as string) : notLoaded('name');
  }

  get id(): string {
    return this.loaded.has('id') ? (this.loaded.get('id') as string) : notLoaded('id');
  }

  getRange(address?: string): FakeRange {
    if (address === undefined) throw new FakeOfficeError('InvalidArgument', 'The fake needs an address');
    return new FakeRange(this.ctx, this.ref, () => [parseAddress(address)], address);
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    const rect = checkRect({ row, col, rows, cols }, `${row},${col},${rows},${cols}`);
    const rects = (): Rect[] => {
      this.ctx.host.require('1.3', 'Worksheet.getRangeByIndexes');
      return [rect];
    };
    return new FakeRange(this.ctx, this.ref, rects, rectAddress(rect));
  }

  getRanges(address: string): FakeRange {
    // Stricter than unsure: Excel's range address strings are limited to 255 characters.
    const rects = (): Rect[] => {
      this.ctx.host.require('1.9', 'Worksheet.getRanges');
      if (address.length > 255) throw new FakeOfficeError('InvalidArgument', `Address too long (${address.length})`);
      return address.split(',').map((part) => parseAddress(part));
    };
    return new FakeRange(this.ctx, this.ref, rects, address, true);
  }

  activate(): void {
    this.ctx.enqueue(() => {
      const sheet = this.ref();
      this.ctx.state.activeSheetId = sheet.id;
      this.ctx.log(sheet.name, 'activate');
    });
  }
}

export class FakeWorksheetProtection {
  private loaded?: boolean;

  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly ref: SheetRef,
  ) {}

  load(properties?: string | string[]): this {
    const props = propertyList(properties, 'protected');
    this.ctx.enqueue(() => {
      this.ctx.host.require('1.2', 'Worksheet.protection');
      for (const p of props)
        if (p !== 'protected')
          throw new FakeOfficeError('InvalidArgument', `The fake cannot load protection property '${p}'`);
      this.loaded = this.ref().protection.protected;
    });
    return this;
  }

  get protected(): boolean {
    return this.loaded ?? notLoaded('protected');
  }

  /** Unprotects the sheet; with a password set, only the same password does. */
  unprotect(password?: string): void {
    this.ctx.enqueue(() => {
      this.ctx.host.require('1.2', 'WorksheetProtection.unprotect');
      const sheet = this.ref();
      if (sheet.protection.password !== undefined && sheet.protection.password !== password) {
        throw new FakeOfficeError('InvalidArgument', 'The password you supplied is not correct.');
      }
      sheet.protection = { protected: false };
      this.ctx.log(sheet.name, 'protection.unprotect');
    });
  }

  protect(options?: Record<string, unknown>, password?: string): void {
    this.ctx.enqueue(() => {
      this.ctx.host.require('1.2', 'WorksheetProtection.protect');
      const sheet = this.ref();
      if (sheet.protection.protected)
        throw new FakeOfficeError('InvalidOperation', 'The worksheet is already protected.');
      sheet.protection = {
        protected: true,
        ...(options ? { options: { ...options } } : {}),
        ...(password ? { password } : {}),
      };
      this.ctx.log(sheet.name, 'protection.protect');
    });
  }
}

class FakeNamedItemCollection {
  private loadedItems?: FakeNamedItem[];
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly ref: SheetRef | null,
  ) {}

  /** `load('items/name,items/formula')`: the names of this scope as they are at the next sync. */
  load(properties?: string | string[]): this {
    const props = (Array.isArray(properties) ? properties : [properties ?? 'name'])
      .flatMap((p) => p.split(','))
      .map((p) => p.trim().replace(/^items\//, ''))
      .filter((p) => p !== '' && p !== 'items');
    this.ctx.enqueue(() => {
      if (this.ref) this.ctx.host.require('1.4', 'Worksheet.names');
      if (props.includes('formula')) this.ctx.host.require('1.7', 'NamedItem.formula');
      const scope = this.ref ? this.ref().names : this.ctx.state.names;
      this.loadedItems = scope.map((n) => new FakeNamedItem(n, props.length > 0 ? props : ['name']));
    });
    return this;
  }

  get items(): FakeNamedItem[] {
    return this.loadedItems ?? notLoaded('items');
  }

  /** `getItem(name)` (ExcelApi 1.1; a sheet's names 1.4): a proxy whose `delete()` (1.4) removes the name at sync. */
  getItem(name: string): { delete(): void } {
    return {
      delete: () =>
        this.ctx.enqueue(() => {
          this.ctx.host.require('1.4', 'NamedItem.delete');
          const scope = this.ref ? this.ref().names : this.ctx.state.names;
          const at = scope.findIndex((n) => n.name.toUpperCase() === name.toUpperCase());
          if (at < 0) throw new FakeOfficeError('ItemNotFound', `The name "${name}" does not exist.`);
          scope.splice(at, 1);
          this.ctx.log(this.ref ? this.ref().name : WORKBOOK, 'names.delete', name);
        }),
    };
  }

  add(name: string, reference: FakeRange | string, comment?: string): Record<string, never> {
    void comment;
    this.ctx.enqueue(() => {
      this.ctx.host.require('1.4', 'NamedItemCollection.add');
      checkDefinedName(name);
      const { sheet, rects } =
        typeof reference === 'string' ? { sheet: this.ref?.(), rects: [parseAddress(reference)] } : reference.resolve();
      if (!sheet) throw new FakeOfficeError('InvalidArgument', 'A workbook name needs a sheet-qualified reference.');
      const scope = this.ref ? this.ref().names : this.ctx.state.names;
      if (scope.some((n) => n.name.toUpperCase() === name.toUpperCase())) {
        throw new FakeOfficeError('ItemAlreadyExists', `The name "${name}" already exists.`);
      }
      scope.push({ name, sheet: sheet.name, rects });
      this.ctx.log(this.ref ? this.ref().name : WORKBOOK, 'names.add', name);
    });
    return {};
  }
}

/** The formula Excel reports for a name: `='年报 2024'!$I$27:$O$51`, several areas joined by commas. */
export function nameFormula(name: FakeName): string {
  if (name.formula !== undefined) return name.formula;
  return `=${name.rects.map((r) => `${sheetReference(name.sheet)}!${absoluteAddress(r)}`).join(',')}`;
}

/** A sheet name as Excel writes it before `!`: bare when it is a plain word, else quoted. */
function sheetReference(sheet: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  return plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

function absoluteAddress(r: Rect): string {
  const corner = (row: number, col: number): string => `$${colToLetters(col)}$${row + 1}`;
  const a = corner(r.row, r.col);
  return r.rows === 1 && r.cols === 1 ? a : `${a}:${corner(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

/** A loaded NamedItem: name, formula, type (`Range` or `Error`), each readable only if it was loaded. */
class FakeNamedItem {
  private readonly loaded = new Map<string, unknown>();

  constructor(item: FakeName, props: readonly string[]) {
    const formula = nameFormula(item);
    for (const p of props) {
      if (p === 'name') this.loaded.set('name', item.name);
      else if (p === 'formula') this.loaded.set('formula', formula);
      else if (p === 'type') this.loaded.set('type', formula.includes('#REF!') ? 'Error' : 'Range');
      else throw new FakeOfficeError('InvalidArgument', `The fake cannot load named item property '${p}'`);
    }
  }

  private get(property: string): unknown {
    return this.loaded.has(property) ? this.loaded.get(property) : notLoaded(property);
  }

  get name(): string {
    return this.get('name') as string;
  }

  get formula(): string {
    return this.get('formula') as string;
  }

  get type(): string {
    return this.get('type') as string;
  }
}

/** Workbook.customXmlParts (ExcelApi 1.5). */
export class FakeCustomXmlPartCollection {
  private loadedItems?: FakeCustomXmlPartProxy[];

  constructor(private readonly ctx: FakeRequestContext) {}

  /** Adds a part; its id can be loaded from the returned part after the sync. */
  add(xml: string): FakeCustomXmlPartProxy {
    let id: string | undefined;
    this.ctx.enqueue(() => {
      this.ctx.host.require('1.5', 'Workbook.customXmlParts');
      const namespaceUri = rootNamespace(xml);
      id = this.ctx.newId('xml');
      this.ctx.state.customXmlParts.push({ id, namespaceUri, xml });
      this.ctx.log(WORKBOOK, 'customXmlParts.add');
    });
    return new FakeCustomXmlPartProxy(this.ctx, () => id ?? missing('the added custom XML part'));
  }

  getByNamespace(namespaceUri: string): FakeScopedXmlParts {
    return new FakeScopedXmlParts(this.ctx, namespaceUri);
  }

  /** The part with this id (ItemNotFound at the sync if there is none). */
  getItem(id: string): FakeCustomXmlPartProxy {
    return new FakeCustomXmlPartProxy(this.ctx, () => id);
  }

  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.ctx.enqueue(() => {
      this.ctx.host.require('1.5', 'CustomXmlPartCollection.getCount');
      result.set(this.ctx.state.customXmlParts.length);
    });
    return result;
  }

  load(properties?: string | string[]): this {
    void properties;
    this.ctx.enqueue(() => {
      this.ctx.host.require('1.5', 'Workbook.customXmlParts');
      this.loadedItems = this.ctx.state.customXmlParts.map((p) => FakeCustomXmlPartProxy.loadedFrom(this.ctx, p));
    });
    return this;
  }

  get items(): FakeCustomXmlPartProxy[] {
    return this.loadedItems ?? notLoaded('items');
  }
}

/** A CustomXmlPart: id and namespaceUri after a load, getXml, setXml, delete. */
export class FakeCustomXmlPartProxy {
  private readonly loaded = new Map<string, string>();

  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly partId: () => string,
  ) {}

  static loadedFrom(ctx: FakeRequestContext, part: FakeCustomXmlPart): FakeCustomXmlPartProxy {
    const proxy = new FakeCustomXmlPartProxy(ctx, () => part.id);
    proxy.loaded.set('id', part.id);
    proxy.loaded.set('namespaceUri', part.namespaceUri);
    return proxy;
  }

  private index(): number {
    this.ctx.host.require('1.5', 'CustomXmlPart');
    const id = this.partId();
    const i = this.ctx.state.customXmlParts.findIndex((p) => p.id === id);
    return i >= 0 ? i : missing(`custom XML part ${id}`);
  }

  load(properties?: string | string[]): this {
    const props = propertyList(properties, 'id,namespaceUri');
    this.ctx.enqueue(() => {
      const part = this.ctx.state.customXmlParts[this.index()];
      for (const p of props) {
        if (p === 'id') this.loaded.set(p, part.id);
        else if (p === 'namespaceUri') this.loaded.set(p, part.namespaceUri);
        else throw new FakeOfficeError('InvalidArgument', `The fake cannot load custom XML part property '${p}'`);
      }
    });
    return this;
  }

  get id(): string {
    return this.loaded.get('id') ?? notLoaded('id');
  }

  get namespaceUri(): string {
    return this.loaded.get('namespaceUri') ?? notLoaded('namespaceUri');
  }

  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.ctx.enqueue(() => result.set(this.ctx.state.customXmlParts[this.index()].xml));
    return result;
  }

  setXml(xml: string): void {
    this.ctx.enqueue(() => {
      const i = this.index();
      const namespaceUri = rootNamespace(xml);
      this.ctx.state.customXmlParts[i] = { id: this.ctx.state.customXmlParts[i].id, namespaceUri, xml };
      this.ctx.log(WORKBOOK, 'customXmlPart.setXml');
    });
  }

  delete(): void {
    this.ctx.enqueue(() => {
      this.ctx.state.customXmlParts.splice(this.index(), 1);
      this.ctx.log(WORKBOOK, 'customXmlPart.delete');
    });
  }
}

/** CustomXmlPartScopedCollection: the parts of one namespace, as they are at the sync. */
export class FakeScopedXmlParts {
  private loadedItems?: FakeCustomXmlPartProxy[];
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly namespaceUri: string,
  ) {}

  private parts(): FakeCustomXmlPart[] {
    this.ctx.host.require('1.5', 'CustomXmlPartCollection.getByNamespace');
    return this.ctx.state.customXmlParts.filter((p) => p.namespaceUri === this.namespaceUri);
  }

  load(properties?: string | string[]): this {
    void properties;
    this.ctx.enqueue(() => {
      this.loadedItems = this.parts().map((p) => FakeCustomXmlPartProxy.loadedFrom(this.ctx, p));
    });
    return this;
  }

  get items(): FakeCustomXmlPartProxy[] {
    return this.loadedItems ?? notLoaded('items');
  }

  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.ctx.enqueue(() => result.set(this.parts().length));
    return result;
  }

  /** The part with this id within the namespace (ItemNotFound at the sync otherwise). */
  getItem(id: string): FakeCustomXmlPartProxy {
    return new FakeCustomXmlPartProxy(this.ctx, () => {
      if (!this.parts().some((p) => p.id === id)) missing(`custom XML part ${id} in ${this.namespaceUri}`);
      return id;
    });
  }
}

/** The namespace of the root element; throws like Excel for XML that is not well-formed. */
export function rootNamespace(xml: string): string {
  const parser = new SaxesParser({ xmlns: true });
  let root: string | undefined;
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    root ??= tag.uri;
  });
  parser.write(xml).close();
  if (failure || root === undefined) {
    throw new FakeOfficeError(
      'InvalidArgument',
      `The XML is not well-formed: ${failure?.message ?? 'no root element'}`,
    );
  }
  return root;
}

// ---- ranges ------------------------------------------------------------------------------------

const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
const BORDER_INDEX = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
];
const BORDER_STYLE = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
const BORDER_WEIGHT = ['Hairline', 'Thin', 'Medium', 'Thick'];

type Target = { sheet: FakeSheet; rects: Rect[] };

export class FakeRange {
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  readonly dataValidation: FakeDataValidationProxy;

  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly ref: SheetRef,
    private readonly rects: () => Rect[],
    readonly requestedAddress: string,
    private readonly multiArea = false,
  ) {
    this.format = new FakeRangeFormat(ctx, () => this.resolve());
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, () => this.resolve());
    this.dataValidation = new FakeDataValidationProxy(ctx, () => this.resolve());
  }

  resolve(): Target {
    return { sheet: this.ref(), rects: this.rects() };
  }

  private single(): Target & { rect: Rect } {
    const target = this.resolve();
    if (this.multiArea || target.rects.length !== 1) {
      throw new FakeOfficeError('InvalidOperation', 'This operation is not supported on a multi-area range.');
    }
    return { ...target, rect: target.rects[0] };
  }

  set formulas(grid: unknown) {
    this.writeContent(grid, 'formulas');
  }

  get formulas(): (string | number | boolean)[][] {
    return this.loadedProperty('formulas') as (string | number | boolean)[][];
  }

  set values(grid: unknown) {
    this.writeContent(grid, 'values');
  }

  /** As calculated: a formula cell gives its value. */
  get values(): CellScalar[][] {
    return this.loadedProperty('values') as CellScalar[][];
  }

  get valueTypes(): FakeValueType[][] {
    return this.loadedProperty('valueTypes') as FakeValueType[][];
  }

  get address(): string {
    return this.loadedProperty('address') as string;
  }

  get rowIndex(): number {
    return this.loadedProperty('rowIndex') as number;
  }

  get columnIndex(): number {
    return this.loadedProperty('columnIndex') as number;
  }

  get rowCount(): number {
    return this.loadedProperty('rowCount') as number;
  }

  get columnCount(): number {
    return this.loadedProperty('columnCount') as number;
  }

  private loaded?: Map<string, unknown>;

  private loadedProperty(property: string): unknown {
    return this.loaded?.has(property) ? this.loaded.get(property) : notLoaded(property);
  }

  /**
   * `load('values,valueTypes,numberFormat')` of one rectangle: the grids as they are at the next sync, a
   * formula's value calculated. Also `formulas`, `address` (sheet-qualified, as Excel writes it),
   * `rowIndex`, `columnIndex`, `rowCount`, `columnCount`.
   */
  load(properties?: string | string[]): this {
    const props = propertyList(properties, 'values');
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.single();
      const grid = <T>(at: (row: number, col: number) => T): T[][] =>
        Array.from({ length: rect.rows }, (_, i) =>
          Array.from({ length: rect.cols }, (__, j) => at(rect.row + i, rect.col + j)),
        );
      const engine = this.ctx.host.engine;
      const loaded = new Map<string, unknown>();
      for (const p of props) {
        if (p === 'values')
          loaded.set(
            p,
            grid((r, c) => engine.shown(sheet, r, c).value),
          );
        else if (p === 'valueTypes')
          loaded.set(
            p,
            grid((r, c) => engine.shown(sheet, r, c).type),
          );
        else if (p === 'formulas')
          loaded.set(
            p,
            grid((r, c) => {
              const cell = sheet.cells.get(key(r, c));
              return cell?.formula ?? cell?.value ?? '';
            }),
          );
        else if (p === 'numberFormat')
          loaded.set(
            p,
            grid((r, c) => sheet.formats.get(key(r, c))?.numberFormat ?? 'General'),
          );
        else if (p === 'address') loaded.set(p, `${sheetPrefix(sheet.name)}${rectAddress(rect)}`);
        else if (p === 'rowIndex') loaded.set(p, rect.row);
        else if (p === 'columnIndex') loaded.set(p, rect.col);
        else if (p === 'rowCount') loaded.set(p, rect.rows);
        else if (p === 'columnCount') loaded.set(p, rect.cols);
        else throw new FakeOfficeError('InvalidArgument', `The fake cannot load range property '${p}'`);
      }
      this.loaded = loaded;
    });
    return this;
  }

  private writeContent(grid: unknown, what: string): void {
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.single();
      const rows = checkGrid(grid, rect, what);
      const entries = rows.map((row) => row.map(parseEntry));
      guardContent(sheet, [rect]);
      const before = this.ctx.host.before(sheet, rect);
      entries.forEach((row, i) => row.forEach((cell, j) => setCell(sheet, rect.row + i, rect.col + j, cell)));
      this.ctx.log(sheet.name, what, rectAddress(rect));
      this.ctx.host.raiseChanged(sheet, rectAddress(rect), 'RangeEdited', 'addin', before, rect);
    });
  }

  /** Range.clear (ExcelApi 1.1): `Contents`, `Formats` (with conditional formats) or `All` (also validation). */
  clear(applyTo?: string): void {
    this.ctx.enqueue(() => {
      const kind = checkEnum(applyTo ?? 'All', ['All', 'Formats', 'Contents'], 'clear type');
      const { sheet, rects } = this.resolve();
      const contents = kind !== 'Formats';
      const formats = kind !== 'Contents';
      if (contents) guardContent(sheet, rects);
      if (formats) guardFormat(sheet);
      for (const rect of rects) {
        const before = contents ? this.ctx.host.before(sheet, rect) : undefined;
        for (const [r, c] of cellsOf(rect)) {
          if (contents) sheet.cells.delete(key(r, c));
          if (formats) sheet.formats.delete(key(r, c));
        }
        if (formats) removeConditionalFormats(sheet, rect);
        if (kind === 'All') removeValidations(sheet, rect);
        if (contents) this.ctx.host.raiseChanged(sheet, rectAddress(rect), 'RangeEdited', 'addin', before, rect);
      }
      this.ctx.log(sheet.name, `clear.${kind}`, rects.map(rectAddress).join(','));
    });
  }

  set numberFormat(grid: unknown) {
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.single();
      guardFormat(sheet, 'allowFormatCells');
      const rows = checkGrid(grid, rect, 'numberFormat');
      rows.forEach((row, i) =>
        row.forEach((format, j) => {
          if (format === null) return;
          if (typeof format !== 'string') throw new FakeOfficeError('InvalidArgument', 'Invalid number format');
          formatAt(sheet, rect.row + i, rect.col + j).numberFormat = format;
        }),
      );
      this.ctx.log(sheet.name, 'numberFormat', rectAddress(rect));
    });
  }

  get numberFormat(): string[][] {
    return this.loadedProperty('numberFormat') as string[][];
  }

  merge(across?: boolean): void {
    this.ctx.enqueue(() => {
      this.ctx.host.require('1.2', 'Range.merge');
      const { sheet, rect } = this.single();
      guardFormat(sheet);
      if (across) throw new FakeOfficeError('InvalidArgument', 'The fake does not model merge(across = true).');
      if (sheet.merges.some((m) => overlaps(m, rect))) {
        throw new FakeOfficeError('InvalidOperation', `Cannot merge ${rectAddress(rect)}: it overlaps a merged range.`);
      }
      // Excel keeps only the upper-left value of a merged range.
      for (const [r, c] of cellsOf(rect)) if (r !== rect.row || c !== rect.col) sheet.cells.delete(key(r, c));
      sheet.merges.push(rect);
      this.ctx.log(sheet.name, 'merge', rectAddress(rect));
    });
  }

  /** Range.unmerge (ExcelApi 1.2): every merged area that overlaps the range is split again. */
  unmerge(): void {
    this.ctx.enqueue(() => {
      this.ctx.host.require('1.2', 'Range.unmerge');
      const { sheet, rect } = this.single();
      guardFormat(sheet);
      const kept = sheet.merges.filter((m) => !overlaps(m, rect));
      sheet.merges.splice(0, sheet.merges.length, ...kept);
      this.ctx.log(sheet.name, 'unmerge', rectAddress(rect));
    });
  }

  /** Range.select (1.1) and RangeAreas.select (1.9): every area selected, the address as Excel lists them. */
  select(): void {
    this.ctx.enqueue(() => {
      const { sheet, rects } = this.resolve();
      // Stricter than unsure: select only on the active sheet.
      if (this.ctx.state.activeSheetId !== sheet.id) {
        throw new FakeOfficeError('InvalidOperation', 'Cannot select a range on a sheet that is not active.');
      }
      const address = rects.map(rectAddress).join(',');
      this.ctx.state.selection = { sheetId: sheet.id, address };
      this.ctx.host.raiseSelectionChanged(sheet, address);
    });
  }
}

/** Writes one parsed entry: null leaves the cell as it is, an empty entry clears it. */
function setCell(sheet: FakeSheet, row: number, col: number, cell: FakeCell | null): void {
  if (cell === null) return;
  const at = key(row, col);
  if (cell.value === null && cell.formula === undefined) sheet.cells.delete(at);
  else sheet.cells.set(at, cell);
}

/** A protected sheet refuses any change to the content of a locked cell. */
function guardContent(sheet: FakeSheet, rects: readonly Rect[]): void {
  if (!sheet.protection.protected) return;
  for (const rect of rects) {
    for (const [r, c] of cellsOf(rect)) {
      if (lockedAt(sheet, r, c)) {
        throw new FakeOfficeError('AccessDenied', 'The cell you are trying to change is on a protected sheet.');
      }
    }
  }
}

/** `a` without `b`: up to four rectangles. */
function subtract(a: Rect, b: Rect): Rect[] {
  if (!overlaps(a, b)) return [a];
  const out: Rect[] = [];
  const top = b.row - a.row;
  const bottom = a.row + a.rows - (b.row + b.rows);
  if (top > 0) out.push({ row: a.row, col: a.col, rows: top, cols: a.cols });
  if (bottom > 0) out.push({ row: b.row + b.rows, col: a.col, rows: bottom, cols: a.cols });
  const row = Math.max(a.row, b.row);
  const rows = Math.min(a.row + a.rows, b.row + b.rows) - row;
  const left = b.col - a.col;
  const right = a.col + a.cols - (b.col + b.cols);
  if (left > 0) out.push({ row, col: a.col, rows, cols: left });
  if (right > 0) out.push({ row, col: b.col + b.cols, rows, cols: right });
  return out;
}

/**
 * Takes `area` out of the sheet's conditional formats (as a paste or Clear Formats does); a format whose
 * top-left cell goes keeps its meaning, its formula read from the new top-left cell.
 */
function removeConditionalFormats(sheet: FakeSheet, area: Rect): void {
  const kept = sheet.conditionalFormats.flatMap((cf) => {
    if (!cf.rects.some((r) => overlaps(r, area))) return [cf];
    const rects = cf.rects.flatMap((r) => subtract(r, area));
    if (rects.length === 0) return [];
    const [old, now] = [cf.rects[0], rects[0]];
    const formula =
      cf.formula === undefined ? undefined : shiftFormula(cf.formula, now.row - old.row, now.col - old.col);
    return [{ ...cf, rects, ...(formula !== undefined ? { formula } : {}) }];
  });
  sheet.conditionalFormats.splice(0, sheet.conditionalFormats.length, ...kept);
}

/** Takes `area` out of the sheet's data validations. */
function removeValidations(sheet: FakeSheet, area: Rect): void {
  const kept = sheet.dataValidations.flatMap((dv) => {
    if (!dv.rects.some((r) => overlaps(r, area))) return [dv];
    const rects = dv.rects.flatMap((r) => subtract(r, area));
    return rects.length === 0 ? [] : [{ ...dv, rects }];
  });
  sheet.dataValidations.splice(0, sheet.dataValidations.length, ...kept);
}

function lockedAt(sheet: FakeSheet, row: number, col: number): boolean {
  return sheet.formats.get(key(row, col))?.locked ?? true;
}

function formatAt(sheet: FakeSheet, row: number, col: number): FakeFormat {
  let format = sheet.formats.get(key(row, col));
  if (!format) sheet.formats.set(key(row, col), (format = {}));
  return format;
}

type FormatPermission = 'allowFormatCells' | 'allowFormatColumns' | 'allowFormatRows';

/**
 * A protected sheet refuses format changes, save those its protection options allow: cell formats with
 * allowFormatCells, widths and heights with allowFormatColumns / allowFormatRows. Merges, lock states,
 * conditional formats and validations are refused whatever the options.
 */
function guardFormat(sheet: FakeSheet, allow?: FormatPermission): void {
  if (!sheet.protection.protected) return;
  if (allow && sheet.protection.options?.[allow] === true) return;
  throw new FakeOfficeError('AccessDenied', `The sheet "${sheet.name}" is protected.`);
}

class FakeRangeFormat {
  readonly font: Record<'name' | 'size' | 'bold' | 'color', unknown>;
  readonly fill: Record<'color', unknown>;
  readonly protection: Record<'locked', unknown>;
  readonly borders: { getItem(index: string): Record<'style' | 'weight' | 'color', unknown> };

  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly target: () => Target,
  ) {
    const setter = (op: string, apply: (f: FakeFormat, value: unknown) => void) => (value: unknown) =>
      this.each(op, (f) => apply(f, value), 'allowFormatCells');
    this.font = writeOnly({
      name: setter('font.name', (f, v) => (f.fontName = String(v))),
      size: setter('font.size', (f, v) => {
        if (typeof v !== 'number' || v < 1 || v > 409)
          throw new FakeOfficeError('InvalidArgument', `Invalid font size ${String(v)}`);
        f.fontSize = v;
      }),
      bold: setter('font.bold', (f, v) => (f.bold = Boolean(v))),
      color: setter('font.color', (f, v) => (f.fontColor = checkColor(v))),
    });
    this.fill = writeOnly({ color: setter('fill.color', (f, v) => (f.fill = checkColor(v))) });
    this.protection = writeOnly({
      locked: (v: unknown) => {
        this.ctx.enqueue(() => this.ctx.host.require('1.2', 'RangeFormat.protection'));
        this.each('protection.locked', (f) => (f.locked = Boolean(v)));
      },
    });
    this.borders = {
      getItem: (index: string) => {
        return writeOnly({
          style: (v: unknown) => this.border(index, 'style', checkEnum(v, BORDER_STYLE, 'border style')),
          weight: (v: unknown) => this.border(index, 'weight', checkEnum(v, BORDER_WEIGHT, 'border weight')),
          color: (v: unknown) => this.border(index, 'color', checkColor(v)),
        });
      },
    };
  }

  private each(op: string, apply: (format: FakeFormat) => void, allow?: FormatPermission): void {
    this.ctx.enqueue(() => {
      const { sheet, rects } = this.target();
      guardFormat(sheet, allow);
      for (const rect of rects) for (const [r, c] of cellsOf(rect)) apply(formatAt(sheet, r, c));
      this.ctx.log(sheet.name, op, rects.map(rectAddress).join(','));
    });
  }

  private border(index: string, property: 'style' | 'weight' | 'color', value: string): void {
    this.ctx.enqueue(() => {
      checkEnum(index, BORDER_INDEX, 'border index');
      const { sheet, rects } = this.target();
      guardFormat(sheet, 'allowFormatCells');
      for (const rect of rects) {
        if ((index === 'InsideHorizontal' && rect.rows < 2) || (index === 'InsideVertical' && rect.cols < 2)) {
          // Stricter than unsure (VBA refuses this): an inside border needs two rows or columns.
          throw new FakeOfficeError('InvalidArgument', `${index} on the single row or column ${rectAddress(rect)}`);
        }
        const sides: [number, number, BorderSide][] = [];
        for (const [r, c] of cellsOf(rect)) {
          const top = r === rect.row;
          const bottom = r === rect.row + rect.rows - 1;
          const left = c === rect.col;
          const right = c === rect.col + rect.cols - 1;
          if (index === 'EdgeTop' && top) sides.push([r, c, 'top']);
          if (index === 'EdgeBottom' && bottom) sides.push([r, c, 'bottom']);
          if (index === 'EdgeLeft' && left) sides.push([r, c, 'left']);
          if (index === 'EdgeRight' && right) sides.push([r, c, 'right']);
          if (index === 'InsideHorizontal') {
            if (!top) sides.push([r, c, 'top']);
            if (!bottom) sides.push([r, c, 'bottom']);
          }
          if (index === 'InsideVertical') {
            if (!left) sides.push([r, c, 'left']);
            if (!right) sides.push([r, c, 'right']);
          }
        }
        for (const [r, c, side] of sides) {
          const format = formatAt(sheet, r, c);
          format.borders ??= {};
          format.borders[side] = { ...format.borders[side], [property]: value };
        }
      }
      this.ctx.log(sheet.name, `borders.${index}.${property}`, rects.map(rectAddress).join(','));
    });
  }

  set horizontalAlignment(value: unknown) {
    this.each(
      'horizontalAlignment',
      (f) => (f.horizontalAlignment = checkEnum(value, H_ALIGN, 'horizontal alignment')),
      'allowFormatCells',
    );
  }

  get horizontalAlignment(): never {
    return notLoaded('horizontalAlignment');
  }

  set verticalAlignment(value: unknown) {
    this.each(
      'verticalAlignment',
      (f) => (f.verticalAlignment = checkEnum(value, V_ALIGN, 'vertical alignment')),
      'allowFormatCells',
    );
  }

  get verticalAlignment(): never {
    return notLoaded('verticalAlignment');
  }

  set wrapText(value: unknown) {
    this.each('wrapText', (f) => (f.wrapText = Boolean(value)), 'allowFormatCells');
  }

  get wrapText(): never {
    return notLoaded('wrapText');
  }

  get columnWidth(): never {
    return notLoaded('columnWidth');
  }

  get rowHeight(): never {
    return notLoaded('rowHeight');
  }

  set columnWidth(points: unknown) {
    this.ctx.enqueue(() => {
      this.ctx.host.require('1.2', 'RangeFormat.columnWidth');
      const { sheet, rects } = this.target();
      guardFormat(sheet, 'allowFormatColumns');
      // Excel's maximum column width is 255 characters (about 1 790 points).
      if (typeof points !== 'number' || points < 0 || points > 1790) {
        throw new FakeOfficeError('InvalidArgument', `Invalid column width ${String(points)}`);
      }
      for (const rect of rects)
        for (let c = rect.col; c < rect.col + rect.cols; c += 1) sheet.columnWidths.set(c, points);
      this.ctx.log(sheet.name, 'columnWidth', rects.map(rectAddress).join(','));
    });
  }

  set rowHeight(points: unknown) {
    this.ctx.enqueue(() => {
      this.ctx.host.require('1.2', 'RangeFormat.rowHeight');
      const { sheet, rects } = this.target();
      guardFormat(sheet, 'allowFormatRows');
      if (typeof points !== 'number' || points < 0 || points > 409) {
        throw new FakeOfficeError('InvalidArgument', `Invalid row height ${String(points)}`);
      }
      for (const rect of rects)
        for (let r = rect.row; r < rect.row + rect.rows; r += 1) sheet.rowHeights.set(r, points);
      this.ctx.log(sheet.name, 'rowHeight', rects.map(rectAddress).join(','));
    });
  }
}

/** An object whose properties can be set (each set runs `setters[name]`) but not read without a load. */
function writeOnly<K extends string>(setters: Record<K, (value: unknown) => void>): Record<K, unknown> {
  const object = {} as Record<K, unknown>;
  for (const name of Object.keys(setters) as K[]) {
    Object.defineProperty(object, name, {
      set: setters[name],
      get: () => notLoaded(name),
      enumerable: true,
    });
  }
  return object;
}

class FakeConditionalFormatCollection {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly target: () => Target,
  ) {}

  /** How many conditional formats intersect the range (ExcelApi 1.6), at the next sync. */
  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.ctx.enqueue(() => {
      this.ctx.host.require('1.6', 'ConditionalFormatCollection.getCount');
      const { sheet, rects } = this.target();
      result.set(
        sheet.conditionalFormats.filter((cf) => cf.rects.some((a) => rects.some((b) => overlaps(a, b)))).length,
      );
    });
    return result;
  }

  /** Removes the conditional formats from the range's cells (ExcelApi 1.6). */
  clearAll(): void {
    this.ctx.enqueue(() => {
      this.ctx.host.require('1.6', 'ConditionalFormatCollection.clearAll');
      const { sheet, rects } = this.target();
      guardFormat(sheet);
      for (const rect of rects) removeConditionalFormats(sheet, rect);
      this.ctx.log(sheet.name, 'conditionalFormats.clearAll', rects.map(rectAddress).join(','));
    });
  }

  add(type: string): {
    custom: {
      rule: Record<'formula', unknown>;
      format: { fill: Record<'color', unknown>; font: Record<'color', unknown> };
    };
  } {
    let record: FakeConditionalFormat | undefined;
    this.ctx.enqueue(() => {
      this.ctx.host.require('1.6', 'ConditionalFormatCollection.add');
      const { sheet, rects } = this.target();
      guardFormat(sheet);
      checkEnum(
        type,
        ['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue'],
        'conditional format type',
      );
      record = { rects, type };
      // Office.js adds a conditional format at the first (top) priority.
      sheet.conditionalFormats.unshift(record);
      this.ctx.log(sheet.name, 'conditionalFormats.add', rects.map(rectAddress).join(','));
    });
    const set = (apply: (r: FakeConditionalFormat, value: unknown) => void) => (value: unknown) =>
      this.ctx.enqueue(() => {
        if (!record) throw new FakeOfficeError('InvalidObjectPath', 'The conditional format does not exist.');
        if (record.type !== 'Custom') throw new FakeOfficeError('InvalidOperation', 'Not a custom conditional format.');
        apply(record, value);
      });
    return {
      custom: {
        rule: writeOnly({
          formula: set((r, v) => {
            if (typeof v !== 'string' || !v.startsWith('='))
              throw new FakeOfficeError('InvalidArgument', `Invalid rule formula ${String(v)}`);
            r.formula = checkFormula(v);
          }),
        }),
        format: {
          fill: writeOnly({ color: set((r, v) => (r.fill = checkColor(v))) }),
          font: writeOnly({ color: set((r, v) => (r.fontColor = checkColor(v))) }),
        },
      },
    };
  }
}

const DV_KINDS = ['wholeNumber', 'decimal', 'list', 'date', 'time', 'textLength', 'custom'];
const DV_OPERATORS = [
  'Between',
  'NotBetween',
  'EqualTo',
  'NotEqualTo',
  'GreaterThan',
  'LessThan',
  'GreaterThanOrEqualTo',
  'LessThanOrEqualTo',
];

class FakeDataValidationProxy {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly target: () => Target,
  ) {}

  private loadedType?: string;

  /**
   * `load('type')` (ExcelApi 1.8): the rule's kind where one rule covers every cell of the range
   * (`WholeNumber`, `Decimal`, `List` …), `None` where none does, `MixedCriteria` where only some cells
   * have one, `Inconsistent` where the cells have different rules — as Office reports a range.
   */
  load(properties?: string | string[]): this {
    const props = (Array.isArray(properties) ? properties : [properties ?? 'type']).flatMap((p) => p.split(','));
    this.ctx.enqueue(() => {
      this.ctx.host.require('1.8', 'Range.dataValidation');
      for (const p of props) {
        if (p.trim() !== 'type')
          throw new FakeOfficeError('InvalidArgument', `The fake cannot load dataValidation.${p}`);
      }
      const { sheet, rects } = this.target();
      const seen = new Set<FakeDataValidation | null>();
      for (const rect of rects) {
        for (const [r, c] of cellsOf(rect)) {
          const dv = sheet.dataValidations.find((d) =>
            d.rects.some((x) => overlaps(x, { row: r, col: c, rows: 1, cols: 1 })),
          );
          seen.add(dv && dv.rule ? dv : null);
        }
      }
      const rules = [...seen];
      if (rules.length === 1 && rules[0] === null) this.loadedType = 'None';
      else if (rules.includes(null)) this.loadedType = 'MixedCriteria';
      else if (rules.length > 1) this.loadedType = 'Inconsistent';
      else {
        const kind = Object.keys(rules[0]?.rule ?? {})[0] ?? 'custom';
        this.loadedType = kind.charAt(0).toUpperCase() + kind.slice(1);
      }
    });
    return this;
  }

  get type(): string {
    return this.loadedType ?? notLoaded('type');
  }

  /** Removes the validation from the range's cells (ExcelApi 1.8). */
  clear(): void {
    this.ctx.enqueue(() => {
      this.ctx.host.require('1.8', 'DataValidation.clear');
      const { sheet, rects } = this.target();
      guardFormat(sheet);
      for (const rect of rects) removeValidations(sheet, rect);
      this.ctx.log(sheet.name, 'dataValidation.clear', rects.map(rectAddress).join(','));
    });
  }

  private record(create: boolean): { sheet: FakeSheet; dv: FakeDataValidation } {
    this.ctx.host.require('1.8', 'Range.dataValidation');
    const { sheet, rects } = this.target();
    guardFormat(sheet);
    const same = sheet.dataValidations.find((d) => d.rects.map(rectAddress).join() === rects.map(rectAddress).join());
    if (same) return { sheet, dv: same };
    if (sheet.dataValidations.some((d) => d.rects.some((a) => rects.some((b) => overlaps(a, b))))) {
      // Stricter than unsure: a new rule over part of another one.
      throw new FakeOfficeError('InvalidOperation', 'The range already has a different data validation.');
    }
    if (!create) throw new FakeOfficeError('InvalidOperation', 'Set the rule before the alerts.');
    const dv: FakeDataValidation = { rects };
    sheet.dataValidations.push(dv);
    return { sheet, dv };
  }

  set rule(rule: unknown) {
    this.ctx.enqueue(() => {
      const kinds = rule && typeof rule === 'object' ? Object.keys(rule) : [];
      if (kinds.length !== 1 || !DV_KINDS.includes(kinds[0])) {
        throw new FakeOfficeError('InvalidArgument', 'A data validation rule needs exactly one kind.');
      }
      const body = (rule as Record<string, Record<string, unknown>>)[kinds[0]];
      if (kinds[0] === 'list') {
        if (typeof body.source !== 'string' || body.source === '')
          throw new FakeOfficeError('InvalidArgument', 'List source missing');
      } else if (kinds[0] !== 'custom') {
        checkEnum(body.operator, DV_OPERATORS, 'validation operator');
        if (body.formula1 === undefined) throw new FakeOfficeError('InvalidArgument', 'formula1 missing');
        if ((body.operator === 'Between' || body.operator === 'NotBetween') && body.formula2 === undefined) {
          throw new FakeOfficeError('InvalidArgument', 'formula2 missing');
        }
      }
      const { sheet, dv } = this.record(true);
      if (dv.rule) throw new FakeOfficeError('InvalidOperation', 'The range already has a data validation rule.');
      dv.rule = JSON.parse(JSON.stringify(rule)) as Record<string, unknown>;
      this.ctx.log(sheet.name, 'dataValidation.rule', dv.rects.map(rectAddress).join(','));
    });
  }

  set errorAlert(alert: { showAlert?: boolean; style?: string; title?: string; message?: string }) {
    this.ctx.enqueue(() => {
      checkDvText(alert.title, alert.message);
      if (alert.style !== undefined) checkEnum(alert.style, ['Stop', 'Warning', 'Information'], 'alert style');
      const { sheet, dv } = this.record(false);
      dv.errorAlert = { ...alert };
      this.ctx.log(sheet.name, 'dataValidation.errorAlert', dv.rects.map(rectAddress).join(','));
    });
  }

  set prompt(prompt: { showPrompt?: boolean; title?: string; message?: string }) {
    this.ctx.enqueue(() => {
      checkDvText(prompt.title, prompt.message);
      const { sheet, dv } = this.record(false);
      dv.prompt = { ...prompt };
      this.ctx.log(sheet.name, 'dataValidation.prompt', dv.rects.map(rectAddress).join(','));
    });
  }
}

/** Excel's limits for data-validation texts: title 32 characters, message 255. */
function checkDvText(title?: string, message?: string): void {
  if ((title ?? '').length > 32)
    throw new FakeOfficeError('InvalidArgument', `Validation title longer than 32: ${title}`);
  if ((message ?? '').length > 255)
    throw new FakeOfficeError('InvalidArgument', `Validation message longer than 255: ${message}`);
}

// ---- building a workbook ---------------------------------------------------------------------------

export interface FakeSheetSpec {
  readonly name: string;
  /** A1 address → constant or formula (`=…`), as typed. */
  readonly cells?: Readonly<Record<string, string | number | boolean>>;
  readonly merges?: readonly string[];
  /** Names scoped to the sheet: on an address of it, or with the formula Excel reports (`=#REF!`). */
  readonly names?: readonly ({ readonly name: string; readonly address: string } | FakeFormulaName)[];
}

export interface FakeFormulaName {
  readonly name: string;
  readonly formula: string;
}

export interface FakeWorkbookSpec {
  /** Workbook-level names: on an address of a sheet, or with the formula Excel reports. */
  readonly names?: readonly (
    { readonly name: string; readonly sheet: string; readonly address: string } | FakeFormulaName
  )[];
}

/**
 * A workbook with the given sheets (the first is active) and an empty custom XML store, behind a fake host
 * with `options` (round-trip time, requirement set).
 */
export function createFakeExcel(
  sheets: readonly FakeSheetSpec[] = [{ name: 'Sheet1' }],
  workbook: FakeWorkbookSpec = {},
  options: FakeExcelOptions = {},
): FakeRequestContext {
  const state: FakeWorkbookState = { sheets: [], activeSheetId: '', customXmlParts: [], names: [], ops: [] };
  const ctx = new FakeRequestContext(state, new FakeHost(state, options));
  for (const spec of sheets) {
    const sheet = emptySheet(ctx.newId('sheet'), spec.name);
    checkSheetName(spec.name, state.sheets);
    for (const [address, entry] of Object.entries(spec.cells ?? {})) {
      const rect = parseAddress(address);
      const cell = parseEntry(entry);
      if (cell && (cell.value !== null || cell.formula !== undefined)) sheet.cells.set(key(rect.row, rect.col), cell);
    }
    for (const address of spec.merges ?? []) sheet.merges.push(parseAddress(address));
    for (const n of spec.names ?? [])
      sheet.names.push(
        'formula' in n
          ? { name: n.name, sheet: spec.name, rects: [], formula: n.formula }
          : { name: n.name, sheet: spec.name, rects: [parseAddress(n.address)] },
      );
    state.sheets.push(sheet);
    ctx.host.engine.claim(sheet);
  }
  for (const n of workbook.names ?? [])
    state.names.push(
      'formula' in n
        ? { name: n.name, sheet: '', rects: [], formula: n.formula }
        : { name: n.name, sheet: n.sheet, rects: [parseAddress(n.address)] },
    );
  state.activeSheetId = state.sheets[0]?.id ?? '';
  return ctx;
}

/** A deep, comparable copy of a sheet's state. */
export function snapshotSheet(sheet: FakeSheet): unknown {
  return JSON.parse(
    JSON.stringify({
      ...sheet,
      cells: [...sheet.cells],
      formats: [...sheet.formats],
      columnWidths: [...sheet.columnWidths],
      rowHeights: [...sheet.rowHeights],
    }),
  );
}

/** The sheet with this name (case-insensitive), or a test failure. */
export function sheetNamed(ctx: FakeRequestContext, name: string): FakeSheet {
  const sheet = findSheet(ctx.state, name);
  if (!sheet || sheet.name.toUpperCase() !== name.toUpperCase()) throw new Error(`No sheet named "${name}"`);
  return sheet;
}

/** The cell at a zero-based position, if it holds anything. */
export function cellAt(sheet: FakeSheet, row: number, col: number): FakeCell | undefined {
  return sheet.cells.get(key(row, col));
}

/** The effective lock state of a cell (Excel's default: locked). */
export function isLocked(sheet: FakeSheet, row: number, col: number): boolean {
  return lockedAt(sheet, row, col);
}

/** A well-formed XML document as its elements in document order (throws on malformed XML). */
export function parseXmlElements(xml: string): { name: string; uri: string; path: string; text: string }[] {
  const parser = new SaxesParser({ xmlns: true });
  const out: { name: string; uri: string; path: string; text: string }[] = [];
  const stack: { name: string; uri: string; path: string; text: string }[] = [];
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1];
    const element = {
      name: tag.local,
      uri: tag.uri,
      path: parent ? `${parent.path}/${tag.local}` : tag.local,
      text: '',
    };
    stack.push(element);
    out.push(element);
  });
  parser.on('text', (text) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (failure) throw failure;
  return out;
}

// ---- what the sheet shows ------------------------------------------------------------------------------

function oneCell(a1: string): { row: number; col: number } {
  const rect = parseAddress(a1);
  if (rect.rows !== 1 || rect.cols !== 1) throw new Error(`Not one cell: ${a1}`);
  return { row: rect.row, col: rect.col };
}

function engineFor(sheet: FakeSheet): FormulaEngine {
  return engineOf(sheet) ?? new FormulaEngine({ sheets: () => [sheet], names: () => [] });
}

/** What a cell holds after calculation, with its type, as Range.values / valueTypes would give it. */
export function shownCell(sheet: FakeSheet, a1: string): ShownCell {
  const { row, col } = oneCell(a1);
  return engineFor(sheet).shown(sheet, row, col);
}

/** What a cell shows: its constant, or its formula's calculated value ('' when empty, `#DIV/0!` for an error). */
export function shownValue(sheet: FakeSheet, a1: string): CellScalar {
  return shownCell(sheet, a1).value;
}

const inside = (rect: Rect, row: number, col: number): boolean =>
  row >= rect.row && row < rect.row + rect.rows && col >= rect.col && col < rect.col + rect.cols;

/**
 * Whether a custom conditional format is on at a cell: false outside its ranges; inside, its formula is
 * read as written for the top-left cell of its (first) range and moved to the cell, as Excel does, and the
 * format applies when that gives TRUE or a number other than 0 (text and errors leave it off).
 */
export function conditionalFormatApplies(
  ctx: FakeRequestContext,
  sheetName: string,
  cf: FakeConditionalFormat,
  a1: string,
): boolean {
  const sheet = sheetNamed(ctx, sheetName);
  const { row, col } = oneCell(a1);
  if (!cf.rects.some((r) => inside(r, row, col))) return false;
  if (cf.type !== 'Custom' || cf.formula === undefined) {
    throw new Error(`Only custom conditional formats with a formula can be evaluated (${cf.type})`);
  }
  const anchor = cf.rects[0];
  const { value, type } = ctx.host.engine.evaluate(shiftFormula(cf.formula, row - anchor.row, col - anchor.col), sheet);
  if (type === 'Error') return false;
  return value === true || (typeof value === 'number' && value !== 0);
}

/** The fill and font colour a cell shows: the conditional formats on at it (the first in priority wins), else its own. */
export function shownFill(
  ctx: FakeRequestContext,
  sheetName: string,
  a1: string,
): { fill?: string; fontColor?: string } {
  const sheet = sheetNamed(ctx, sheetName);
  const { row, col } = oneCell(a1);
  const own = sheet.formats.get(key(row, col));
  let fill = own?.fill;
  let fontColor = own?.fontColor;
  let fillSet = false;
  let fontSet = false;
  for (const cf of sheet.conditionalFormats) {
    if (cf.type !== 'Custom' || !conditionalFormatApplies(ctx, sheetName, cf, a1)) continue;
    if (!fillSet && cf.fill !== undefined) [fill, fillSet] = [cf.fill, true];
    if (!fontSet && cf.fontColor !== undefined) [fontColor, fontSet] = [cf.fontColor, true];
  }
  return { ...(fill !== undefined ? { fill } : {}), ...(fontColor !== undefined ? { fontColor } : {}) };
}

// ---- the host seen from a test ------------------------------------------------------------------------

/** `Office.context.requirements.isSetSupported` of the fake host. */
export function supportsFor(ctx: FakeRequestContext): (set: 'ExcelApi', version: string) => boolean {
  return (set, version) => set === 'ExcelApi' && ctx.host.supports(version);
}

/** Puts the user into cell edit mode (a batch then fails with InvalidOperationInCellEditMode) or out of it. */
export function setCellEditMode(ctx: FakeRequestContext, on: boolean): void {
  ctx.host.setEditMode(on);
}

/** Resolves once no event is on its way, no handler runs and no sync is in flight (then `quietMs` more). */
export function settled(ctx: FakeRequestContext, options: { quietMs?: number } = {}): Promise<void> {
  return ctx.host.events.settled(options.quietMs ?? 0);
}

/** Excel.RunOptions as far as the fake host honours them. */
export interface FakeRunOptions {
  readonly delayForCellEdit?: boolean;
}

type Batch<T> = (context: FakeRequestContext) => Promise<T>;

/**
 * Excel.run on the fake host: `runExcel(ctx, batch)` or `runExcel(ctx, options, batch)` runs the batch with
 * a new request context of the workbook; `runExcel(ctx, object, batch)` with an earlier context or an
 * object that has one (as an EventHandlerResult), as `Excel.run(object, batch)` does. The fake sends nothing
 * the batch left unsynced: end a batch with its sync.
 */
export function runExcel<T>(ctx: FakeRequestContext, batch: Batch<T>): Promise<T>;
export function runExcel<T>(
  ctx: FakeRequestContext,
  options: FakeRunOptions | FakeRequestContext | { readonly context: FakeRequestContext },
  batch: Batch<T>,
): Promise<T>;
export async function runExcel<T>(
  ctx: FakeRequestContext,
  second: FakeRunOptions | FakeRequestContext | { readonly context: FakeRequestContext } | Batch<T>,
  third?: Batch<T>,
): Promise<T> {
  const batch = typeof second === 'function' ? second : third;
  if (!batch) throw new Error('runExcel needs a batch');
  let context: FakeRequestContext;
  if (second instanceof FakeRequestContext) context = second;
  else if (typeof second === 'object' && 'context' in second && second.context instanceof FakeRequestContext)
    context = second.context;
  else
    context = ctx.fork({
      delayForCellEdit: typeof second === 'object' && 'delayForCellEdit' in second && second.delayForCellEdit === true,
    });
  return batch(context);
}

/** What to put on `globalThis` for code that calls `Excel.run` and `Office.context.requirements` itself. */
export function fakeOfficeGlobals(ctx: FakeRequestContext): {
  Excel: { run: (...args: unknown[]) => Promise<unknown> };
  Office: { context: { requirements: { isSetSupported: (set: string, version?: string) => boolean } } };
} {
  return {
    Excel: {
      run: (...args: unknown[]) => {
        const batch = args[args.length - 1] as Batch<unknown>;
        return args.length > 1 ? runExcel(ctx, args[0] as FakeRunOptions, batch) : runExcel(ctx, batch);
      },
    },
    Office: {
      context: {
        requirements: {
          isSetSupported: (set: string, version?: string) => set === 'ExcelApi' && ctx.host.supports(version ?? '1.1'),
        },
      },
    },
  };
}

// ---- drivers that act as the user or a co-author ------------------------------------------------------

export type RefusalReason = 'protected' | 'validation' | 'formula' | 'merge';

/** What Excel tells a user instead of doing what they asked (nothing changed, no event). */
export class UserActionRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'UserActionRefused';
  }
}

const PROTECTED = 'The cell or chart you are trying to change is on a protected sheet.';

function refuseLocked(sheet: FakeSheet, rect: Rect): void {
  if (!sheet.protection.protected) return;
  for (const [r, c] of cellsOf(rect)) if (lockedAt(sheet, r, c)) throw new UserActionRefused('protected', PROTECTED);
}

/** Excel refuses to change part of a merged cell. */
function refusePartialMerge(sheet: FakeSheet, rect: Rect): void {
  const partial = sheet.merges.some(
    (m) =>
      overlaps(m, rect) &&
      !(
        m.row >= rect.row &&
        m.col >= rect.col &&
        m.row + m.rows <= rect.row + rect.rows &&
        m.col + m.cols <= rect.col + rect.cols
      ),
  );
  if (partial) throw new UserActionRefused('merge', "We can't do that to a merged cell.");
}

function typed(value: unknown): FakeCell | null {
  try {
    return value === '' || value === null ? { value: null } : parseEntry(value);
  } catch (error) {
    throw new UserActionRefused('formula', error instanceof Error ? error.message : String(error));
  }
}

const DV_STOP = "This value doesn't match the data validation restrictions defined for this cell.";

function compare(value: number, operator: unknown, a: number, b: number): boolean {
  switch (operator) {
    case 'Between':
      return value >= a && value <= b;
    case 'NotBetween':
      return value < a || value > b;
    case 'EqualTo':
      return value === a;
    case 'NotEqualTo':
      return value !== a;
    case 'GreaterThan':
      return value > a;
    case 'LessThan':
      return value < a;
    case 'GreaterThanOrEqualTo':
      return value >= a;
    case 'LessThanOrEqualTo':
      return value <= a;
    default:
      return true;
  }
}

/**
 * The message of the Stop alert a typed entry meets, if any. Rules: whole number, decimal, date, time,
 * text length, a literal list and a custom formula (formulas relative to the validation's top-left cell).
 */
function validationStop(
  ctx: FakeRequestContext,
  sheet: FakeSheet,
  row: number,
  col: number,
  cell: FakeCell,
): string | undefined {
  const dv = sheet.dataValidations.find((d) => d.rects.some((r) => inside(r, row, col)));
  if (!dv?.rule) return undefined;
  if (dv.errorAlert?.showAlert === false || (dv.errorAlert?.style ?? 'Stop') !== 'Stop') return undefined;
  if (cell.value === null && cell.formula === undefined) return undefined; // blanks are ignored
  const engine = ctx.host.engine;
  const anchor = dv.rects[0];
  const at = (formula: string): ShownCell =>
    engine.evaluate(shiftFormula(formula, row - anchor.row, col - anchor.col), sheet);
  const value = cell.formula !== undefined ? engine.evaluate(cell.formula, sheet).value : (cell.value as CellScalar);
  const [kind] = Object.keys(dv.rule);
  const body = dv.rule[kind] as Record<string, unknown>;
  const bound = (f: unknown): number => {
    if (typeof f === 'number') return f;
    if (typeof f === 'string') return f.startsWith('=') ? Number(at(f).value) : Number(f);
    return Number.NaN;
  };
  let ok = true;
  if (kind === 'wholeNumber' || kind === 'decimal' || kind === 'date' || kind === 'time') {
    ok =
      typeof value === 'number' &&
      (kind !== 'wholeNumber' || Number.isInteger(value)) &&
      compare(value, body.operator, bound(body.formula1), bound(body.formula2));
  } else if (kind === 'textLength') {
    ok = compare(String(value).length, body.operator, bound(body.formula1), bound(body.formula2));
  } else if (kind === 'list' && typeof body.source === 'string' && !body.source.startsWith('=')) {
    ok = body.source.split(',').some((item) => item.trim().toUpperCase() === String(value).toUpperCase());
  } else if (kind === 'custom' && typeof body.formula === 'string') {
    const result = at(body.formula);
    ok = result.value === true || (typeof result.value === 'number' && result.value !== 0);
  }
  return ok ? undefined : dv.errorAlert?.message || DV_STOP;
}

function mergeAt(sheet: FakeSheet, row: number, col: number): Rect | undefined {
  return sheet.merges.find((m) => inside(m, row, col));
}

/** One cell typed (as a user, or a co-author's Excel), the merged cell it lies in written at its top-left. */
async function edit(
  ctx: FakeRequestContext,
  sheetName: string,
  a1: string,
  value: unknown,
  origin: ChangeOrigin,
): Promise<void> {
  const host = ctx.host;
  const sheet = sheetNamed(ctx, sheetName);
  const { row: r0, col: c0 } = oneCell(a1);
  const area = mergeAt(sheet, r0, c0) ?? { row: r0, col: c0, rows: 1, cols: 1 };
  const at = { row: area.row, col: area.col };
  refuseLocked(sheet, { ...at, rows: 1, cols: 1 });
  const cell = typed(value);
  if (cell === null) return;
  if (origin === 'user') {
    const stop = validationStop(ctx, sheet, at.row, at.col, cell);
    if (stop !== undefined) throw new UserActionRefused('validation', stop);
  }
  const before = host.before(sheet, area);
  setCell(sheet, at.row, at.col, cell);
  host.raiseChanged(sheet, rectAddress(area), 'RangeEdited', origin, before, at);
  await host.events.settled();
}

/**
 * The user types `value` into one cell and presses Enter (which ends cell edit mode, if it was on): parsed
 * as Excel parses typing, refused (UserActionRefused, nothing changed) on a locked cell of a protected
 * sheet or by a Stop alert of the cell's data validation. One onChanged event, with details. Resolves
 * after the handlers ran.
 */
export async function userType(
  ctx: FakeRequestContext,
  sheetName: string,
  a1: string,
  value: CellScalar,
): Promise<void> {
  ctx.host.setEditMode(false);
  await edit(ctx, sheetName, a1, value, 'user');
}

/** A co-author's edit of one cell arriving: source 'Remote' (no validation alert here: theirs showed it). */
export async function remoteEdit(
  ctx: FakeRequestContext,
  sheetName: string,
  a1: string,
  value: CellScalar,
): Promise<void> {
  await edit(ctx, sheetName, a1, value, 'remote');
}

export interface PasteOptions {
  /**
   * `all` (default, Ctrl+V from cells): the pasted cells take the source's formats — their conditional
   * formats and data validation are gone and their number format becomes `numberFormat` ('General' unless
   * told). `values` (Paste Values, or text from elsewhere): only the values, the cells' formats kept.
   * Neither checks data validation.
   */
  readonly mode?: 'all' | 'values';
  readonly numberFormat?: string;
}

/**
 * The user pastes a block at `topLeftA1`: one write, one onChanged event for the whole block (details only
 * if it is one cell). Refused on locked cells of a protected sheet and over part of a merged cell.
 */
export async function userPaste(
  ctx: FakeRequestContext,
  sheetName: string,
  topLeftA1: string,
  values: readonly (readonly (CellScalar | null)[])[],
  options: PasteOptions = {},
): Promise<void> {
  const host = ctx.host;
  const sheet = sheetNamed(ctx, sheetName);
  const { row, col } = oneCell(topLeftA1);
  const cols = values[0]?.length ?? 0;
  if (values.length === 0 || cols === 0 || values.some((line) => line.length !== cols)) {
    throw new Error('userPaste needs a non-empty rectangular block');
  }
  const rect = checkRect({ row, col, rows: values.length, cols }, topLeftA1);
  refuseLocked(sheet, rect);
  refusePartialMerge(sheet, rect);
  const cells = values.map((line) => line.map(typed));
  const before = host.before(sheet, rect);
  cells.forEach((line, i) => line.forEach((cell, j) => setCell(sheet, row + i, col + j, cell ?? { value: null })));
  if ((options.mode ?? 'all') === 'all') {
    removeConditionalFormats(sheet, rect);
    removeValidations(sheet, rect);
    for (const [r, c] of cellsOf(rect)) formatAt(sheet, r, c).numberFormat = options.numberFormat ?? 'General';
  }
  host.raiseChanged(sheet, rectAddress(rect), 'RangeEdited', 'user', before, rect);
  await host.events.settled();
}

/** The user selects cells and presses Delete: contents cleared, formats kept, one onChanged event. */
export async function userClear(ctx: FakeRequestContext, sheetName: string, a1OrRange: string): Promise<void> {
  const host = ctx.host;
  const sheet = sheetNamed(ctx, sheetName);
  const rect = parseAddress(a1OrRange);
  refuseLocked(sheet, rect);
  refusePartialMerge(sheet, rect);
  const before = host.before(sheet, rect);
  for (const [r, c] of cellsOf(rect)) sheet.cells.delete(key(r, c));
  host.raiseChanged(sheet, rectAddress(rect), 'RangeEdited', 'user', before, rect);
  await host.events.settled();
}

/** The user selects cells (on that sheet, which becomes active): onSelectionChanged. Merged cells are selected whole. */
export async function userSelect(ctx: FakeRequestContext, sheetName: string, a1: string): Promise<void> {
  const host = ctx.host;
  const sheet = sheetNamed(ctx, sheetName);
  let rect = parseAddress(a1);
  for (const m of sheet.merges) {
    if (!overlaps(m, rect)) continue;
    const row = Math.min(rect.row, m.row);
    const col = Math.min(rect.col, m.col);
    rect = {
      row,
      col,
      rows: Math.max(rect.row + rect.rows, m.row + m.rows) - row,
      cols: Math.max(rect.col + rect.cols, m.col + m.cols) - col,
    };
  }
  ctx.state.activeSheetId = sheet.id;
  ctx.state.selection = { sheetId: sheet.id, address: rectAddress(rect) };
  host.raiseSelectionChanged(sheet, rectAddress(rect));
  await host.events.settled();
}

/** Whether every cell of rows first…first+count-1 is unlocked (else a protected sheet refuses to delete them). */
function rowsUnlocked(sheet: FakeSheet, first: number, count: number): boolean {
  for (let r = first; r < first + count; r += 1) {
    let unlocked = 0;
    for (const [k, format] of sheet.formats) if (k.startsWith(`${r},`) && format.locked === false) unlocked += 1;
    if (unlocked < MAX_COLS) return false;
  }
  return true;
}

function rowRange(first: number, count: number, what: string): void {
  if (!Number.isInteger(first) || !Number.isInteger(count) || first < 1 || count < 1 || first + count - 1 > MAX_ROWS) {
    throw new Error(`${what}: bad rows ${first} (+${count})`);
  }
}

/**
 * The user deletes whole rows `firstRow`…`firstRow + count - 1` (row numbers as Excel shows them, from 1):
 * cells, merges, names, conditional formats, validations and formulas follow as in Excel. A protected sheet
 * refuses unless it allows deleting rows and every cell of them is unlocked. One event, `RowDeleted`.
 */
export async function userDeleteRows(
  ctx: FakeRequestContext,
  sheetName: string,
  firstRow: number,
  count = 1,
): Promise<void> {
  rowRange(firstRow, count, 'userDeleteRows');
  const host = ctx.host;
  const sheet = sheetNamed(ctx, sheetName);
  if (sheet.protection.protected) {
    if (sheet.protection.options?.allowDeleteRows !== true || !rowsUnlocked(sheet, firstRow - 1, count)) {
      throw new UserActionRefused('protected', PROTECTED);
    }
  }
  editRows(ctx.state, sheet, { kind: 'delete', at: firstRow - 1, count });
  host.engine.invalidate();
  host.raiseChanged(sheet, `${firstRow}:${firstRow + count - 1}`, 'RowDeleted', 'user');
  await host.events.settled();
}

/**
 * The user inserts `count` whole rows before row `beforeRow` (from 1), formatted like the row above. A
 * protected sheet refuses unless it allows inserting rows. One event, `RowInserted`, for the new rows.
 */
export async function userInsertRows(
  ctx: FakeRequestContext,
  sheetName: string,
  beforeRow: number,
  count = 1,
): Promise<void> {
  rowRange(beforeRow, count, 'userInsertRows');
  const host = ctx.host;
  const sheet = sheetNamed(ctx, sheetName);
  if (sheet.protection.protected && sheet.protection.options?.allowInsertRows !== true) {
    throw new UserActionRefused('protected', PROTECTED);
  }
  editRows(ctx.state, sheet, { kind: 'insert', at: beforeRow - 1, count });
  host.engine.invalidate();
  host.raiseChanged(sheet, `${beforeRow}:${beforeRow + count - 1}`, 'RowInserted', 'user');
  await host.events.settled();
}
