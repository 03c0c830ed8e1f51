// A fake of the part of the Excel JavaScript object model the live writer and reader use, for tests without Office.
//
// It behaves like Office.js where that matters to them:
// - writes are queued and run only at `context.sync()`; the first failing one rejects the sync and the
//   rest of the batch is dropped (earlier writes stay: Office batches are not transactions);
// - a property can be read only after `load` and a `sync` (else it throws `PropertyNotLoaded`), and it then
//   holds what the workbook held at that sync, not later;
// - Excel's refusals: invalid or duplicate (case-insensitive) sheet names, array sizes that do not match
//   the range, invalid or duplicate defined names, overlapping merges, inside borders on a single row or
//   column, over-long data-validation texts, malformed custom XML, writes to a protected sheet.
// Where unsure whether Excel refuses something, the fake refuses it: stricter is safe for a test double.
//
// Every applied write is logged with the sheet it touched (`(workbook)` for workbook-level writes), so a
// test can prove nothing was written outside the new sheet.
import { SaxesParser } from 'saxes';

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
  /** The constant (a formula's value is not computed by the fake: null). */
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

function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function colToLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

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
  if (/^[+-]/.test(entry)) return { formula: checkFormula(`=${entry}`), value: null };
  if (/^(TRUE|FALSE)$/i.test(entry.trim())) return { value: entry.trim().toUpperCase() === 'TRUE' };
  return { value: entry };
}

/** Excel refuses a formula with unbalanced parentheses or quotes. */
function checkFormula(formula: string): string {
  let depth = 0;
  let inString = false;
  for (const ch of formula) {
    if (ch === '"') inString = !inString;
    else if (!inString && ch === '(') depth += 1;
    else if (!inString && ch === ')') depth -= 1;
    if (depth < 0) break;
  }
  if (depth !== 0 || inString)
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

// ---- the context and its queue ------------------------------------------------------------------

export class FakeRequestContext {
  readonly state: FakeWorkbookState;
  readonly workbook: FakeWorkbook;
  /** Number of `sync` calls so far. */
  syncCount = 0;
  private queue: (() => void)[] = [];
  private nextId = 1;

  constructor(state: FakeWorkbookState) {
    this.state = state;
    this.workbook = new FakeWorkbook(this);
  }

  newId(prefix: string): string {
    const id = `{${prefix}-${this.nextId}}`;
    this.nextId += 1;
    return id;
  }

  enqueue(action: () => void): void {
    this.queue.push(action);
  }

  log(target: string, op: string, address?: string): void {
    this.state.ops.push(address === undefined ? { target, op } : { target, op, address });
  }

  async sync(): Promise<void> {
    this.syncCount += 1;
    const batch = this.queue;
    this.queue = [];
    await Promise.resolve();
    for (const action of batch) action();
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

type SheetRef = () => FakeSheet;

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly customXmlParts: FakeCustomXmlPartCollection;
  readonly names: FakeNamedItemCollection;

  constructor(ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.customXmlParts = new FakeCustomXmlPartCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx, null);
  }
}

class FakeWorksheetCollection {
  private loadedItems?: FakeWorksheet[];
  constructor(private readonly ctx: FakeRequestContext) {}

  load(properties?: string | string[]): this {
    const wanted = (Array.isArray(properties) ? properties : [properties ?? '']).join(',');
    const props = wanted
      .split(',')
      .map((p) => p.trim().replace(/^items\//, ''))
      .filter((p) => p !== '' && p !== 'items');
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
      this.ctx.log(WORKBOOK, 'worksheets.add', sheetName);
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
    cells: new Map(),
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

class FakeWorksheet {
  readonly names: FakeNamedItemCollection;
  readonly protection: FakeWorksheetProtection;
  readonly pageLayout: Record<string, unknown> & {
    setPrintArea(address: string): void;
    setPrintTitleRows(address: string): void;
  };
  readonly horizontalPageBreaks: { add(range: string): Record<string, never> };
  private readonly loaded = new Map<string, unknown>();

  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly ref: SheetRef,
  ) {
    this.names = new FakeNamedItemCollection(ctx, ref);
    this.protection = new FakeWorksheetProtection(ctx, ref);
    const page = (property: string, check: (value: unknown) => unknown) => (value: unknown) =>
      ctx.enqueue(() => {
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
            const sheet = ref();
            sheet.pageLayout.printArea = rectAddress(parseAddress(address));
            ctx.log(sheet.name, 'pageLayout.setPrintArea', address);
          }),
        setPrintTitleRows: (address: string) =>
          ctx.enqueue(() => {
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
    };
  }

  set showGridlines(value: unknown) {
    this.ctx.enqueue(() => {
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
    return new FakeRange(this.ctx, this.ref, () => [rect], rectAddress(rect));
  }

  getRanges(address: string): FakeRange {
    // Stricter than unsure: Excel's range address strings are limited to 255 characters.
    const rects = (): Rect[] => {
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

class FakeWorksheetProtection {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly ref: SheetRef,
  ) {}

  protect(options?: Record<string, unknown>, password?: string): void {
    this.ctx.enqueue(() => {
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
      const scope = this.ref ? this.ref().names : this.ctx.state.names;
      this.loadedItems = scope.map((n) => new FakeNamedItem(n, props.length > 0 ? props : ['name']));
    });
    return this;
  }

  get items(): FakeNamedItem[] {
    return this.loadedItems ?? notLoaded('items');
  }

  add(name: string, reference: FakeRange | string, comment?: string): Record<string, never> {
    void comment;
    this.ctx.enqueue(() => {
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

class FakeCustomXmlPartCollection {
  constructor(private readonly ctx: FakeRequestContext) {}

  add(xml: string): Record<string, never> {
    this.ctx.enqueue(() => {
      const namespaceUri = rootNamespace(xml);
      this.ctx.state.customXmlParts.push({ id: this.ctx.newId('xml'), namespaceUri, xml });
      this.ctx.log(WORKBOOK, 'customXmlParts.add');
    });
    return {};
  }

  getByNamespace(namespaceUri: string): FakeScopedXmlParts {
    return new FakeScopedXmlParts(this.ctx, namespaceUri);
  }
}

class FakeScopedXmlParts {
  private loadedItems?: { id: string; namespaceUri: string }[];
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly namespaceUri: string,
  ) {}

  load(): this {
    this.ctx.enqueue(() => {
      this.loadedItems = this.ctx.state.customXmlParts
        .filter((p) => p.namespaceUri === this.namespaceUri)
        .map(({ id, namespaceUri }) => ({ id, namespaceUri }));
    });
    return this;
  }

  get items(): { id: string; namespaceUri: string }[] {
    return this.loadedItems ?? notLoaded('items');
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

class FakeRange {
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

  get formulas(): never {
    return notLoaded('formulas');
  }

  set values(grid: unknown) {
    this.writeContent(grid, 'values');
  }

  get values(): (string | number | boolean)[][] {
    return this.loadedProperty('values') as (string | number | boolean)[][];
  }

  get valueTypes(): string[][] {
    return this.loadedProperty('valueTypes') as string[][];
  }

  private loaded?: Map<string, unknown>;

  private loadedProperty(property: string): unknown {
    return this.loaded?.has(property) ? this.loaded.get(property) : notLoaded(property);
  }

  /**
   * `load('values,valueTypes,numberFormat')` of one rectangle: the grids as they are at the next sync.
   * A formula's value is not computed by the fake: it reads as empty.
   */
  load(properties?: string | string[]): this {
    const props = (Array.isArray(properties) ? properties : [properties ?? 'values'])
      .flatMap((p) => p.split(','))
      .map((p) => p.trim())
      .filter((p) => p !== '');
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.single();
      const grid = <T>(at: (row: number, col: number) => T): T[][] =>
        Array.from({ length: rect.rows }, (_, i) =>
          Array.from({ length: rect.cols }, (__, j) => at(rect.row + i, rect.col + j)),
        );
      const loaded = new Map<string, unknown>();
      for (const p of props) {
        if (p === 'values')
          loaded.set(
            p,
            grid((r, c) => sheet.cells.get(key(r, c))?.value ?? ''),
          );
        else if (p === 'valueTypes')
          loaded.set(
            p,
            grid((r, c) => valueTypeOf(sheet.cells.get(key(r, c)))),
          );
        else if (p === 'numberFormat')
          loaded.set(
            p,
            grid((r, c) => sheet.formats.get(key(r, c))?.numberFormat ?? 'General'),
          );
        else if (p === 'address') loaded.set(p, `${sheet.name}!${rectAddress(rect)}`);
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
      for (const [r, c] of cellsOf(rect)) {
        if (sheet.protection.protected && lockedAt(sheet, r, c)) {
          throw new FakeOfficeError('AccessDenied', 'The cell you are trying to change is on a protected sheet.');
        }
      }
      entries.forEach((row, i) =>
        row.forEach((cell, j) => {
          if (cell === null) return;
          const at = key(rect.row + i, rect.col + j);
          if (cell.value === null && cell.formula === undefined) sheet.cells.delete(at);
          else sheet.cells.set(at, cell);
        }),
      );
      this.ctx.log(sheet.name, what, rectAddress(rect));
    });
  }

  set numberFormat(grid: unknown) {
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.single();
      guardFormat(sheet);
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

  select(): void {
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.single();
      // Stricter than unsure: select only on the active sheet.
      if (this.ctx.state.activeSheetId !== sheet.id) {
        throw new FakeOfficeError('InvalidOperation', 'Cannot select a range on a sheet that is not active.');
      }
      this.ctx.state.selection = { sheetId: sheet.id, address: rectAddress(rect) };
    });
  }
}

const ERROR_VALUES = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!)$/;

/** Range.valueTypes of a cell: an error literal typed into a cell is an error, unless written as text. */
function valueTypeOf(cell: FakeCell | undefined): string {
  const value = cell?.value;
  if (value === null || value === undefined) return 'Empty';
  if (typeof value === 'number') return 'Double';
  if (typeof value === 'boolean') return 'Boolean';
  return !cell?.quotePrefix && ERROR_VALUES.test(value) ? 'Error' : 'String';
}

function lockedAt(sheet: FakeSheet, row: number, col: number): boolean {
  return sheet.formats.get(key(row, col))?.locked ?? true;
}

function formatAt(sheet: FakeSheet, row: number, col: number): FakeFormat {
  let format = sheet.formats.get(key(row, col));
  if (!format) sheet.formats.set(key(row, col), (format = {}));
  return format;
}

function guardFormat(sheet: FakeSheet, allow?: 'allowFormatColumns' | 'allowFormatRows'): void {
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
      this.each(op, (f) => apply(f, value));
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
    this.protection = writeOnly({ locked: setter('protection.locked', (f, v) => (f.locked = Boolean(v))) });
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

  private each(
    op: string,
    apply: (format: FakeFormat) => void,
    allow?: 'allowFormatColumns' | 'allowFormatRows',
  ): void {
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
      guardFormat(sheet);
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
    );
  }

  get horizontalAlignment(): never {
    return notLoaded('horizontalAlignment');
  }

  set verticalAlignment(value: unknown) {
    this.each('verticalAlignment', (f) => (f.verticalAlignment = checkEnum(value, V_ALIGN, 'vertical alignment')));
  }

  get verticalAlignment(): never {
    return notLoaded('verticalAlignment');
  }

  set wrapText(value: unknown) {
    this.each('wrapText', (f) => (f.wrapText = Boolean(value)));
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

  add(type: string): {
    custom: {
      rule: Record<'formula', unknown>;
      format: { fill: Record<'color', unknown>; font: Record<'color', unknown> };
    };
  } {
    let record: FakeConditionalFormat | undefined;
    this.ctx.enqueue(() => {
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

  private record(create: boolean): { sheet: FakeSheet; dv: FakeDataValidation } {
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

/** A workbook with the given sheets (the first is active) and an empty custom XML store. */
export function createFakeExcel(
  sheets: readonly FakeSheetSpec[] = [{ name: 'Sheet1' }],
  workbook: FakeWorkbookSpec = {},
): FakeRequestContext {
  const state: FakeWorkbookState = { sheets: [], activeSheetId: '', customXmlParts: [], names: [], ops: [] };
  const ctx = new FakeRequestContext(state);
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
