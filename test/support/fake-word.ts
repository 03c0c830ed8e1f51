// A fake host for the part of the Word JavaScript API the add-in uses, for tests without Office.
//
// It behaves like Office.js where that matters (learn.microsoft.com/javascript/api/word and the
// `[Api set: WordApi x.y]` remarks in @types/office-js):
// - calls on proxies are queued and run only at `context.sync()`, in order; the first failing one rejects
//   the sync and the rest of the batch is dropped (earlier ones stay: a batch is not a transaction); each
//   sync is counted and takes `roundTripMs` (applied half-way);
// - a property can be read only after `load` and a `sync` (else `PropertyNotLoaded`, Office's message), and
//   it then holds what the document held at that sync; an object got from a method (insertParagraph,
//   getCell, getByTag…) is bound to the document at its place in the batch, as Office resolves object paths;
// - the document is a tree: body → paragraphs and tables; a paragraph → text runs (with their font) and
//   inline content controls (tag, title, appearance, placeholder, locks), whose runs carry their own
//   font; tables → rows → cells with Word's merge model (gridSpan across, vMerge restart/continue down)
//   → cell bodies of paragraphs. New text takes the formatting of the character before it, as typing does;
//   `insertText(…, 'Replace')` the formatting of the first character replaced; a new paragraph the style,
//   alignment, indents and mark formatting of the one it was inserted beside;
// - Word's shape rules: the body always ends with a paragraph (a table inserted last gets an empty one
//   after it), the last paragraph cannot be removed (deleting it clears it), merged cells must form a
//   rectangle not cutting through another merge, locked controls (cannotEdit / cannotDelete) refuse edits
//   and removal from the add-in as from the user;
// - `document.customXmlParts` (WordApi 1.4) and `Office.context.document.settings` (the common API: an
//   in-memory bag that only `saveAsync` puts into the document; `reopen()` shows what a saved file keeps);
// - requirement sets: every call and property above the WordApi level the test chose fails at the sync
//   with `ApiNotFound`, and `Office.context.requirements.isSetSupported` answers for that level.
// Where unsure whether Word refuses something, the fake refuses it: stricter is safe for a test double.
// Not modelled (refused with NotImplemented so that a test cannot silently rely on them): nested content
// controls, tables inside cells, ranges across paragraphs, paragraph breaks inside inserted text.
import { SaxesParser } from 'saxes';

export class FakeWordError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
  }
}

// ---- the document ------------------------------------------------------------------------------

export interface FakeRunFormat {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  underline?: string;
  highlightColor?: string | null;
}

export interface FakeTextRun {
  readonly kind: 'text';
  text: string;
  format: FakeRunFormat;
}

export type FakeAppearance = 'BoundingBox' | 'Tags' | 'Hidden';

export interface FakeControl {
  readonly kind: 'control';
  readonly id: number;
  /** 'RichText' or 'PlainText'. */
  readonly type: string;
  /** 'inline' (around runs of a paragraph), or 'paragraph' (Paragraph.insertContentControl). */
  readonly scope: 'inline' | 'paragraph';
  tag: string;
  title: string;
  appearance: FakeAppearance;
  placeholderText: string;
  cannotEdit: boolean;
  cannotDelete: boolean;
  removeWhenEdited: boolean;
  color: string;
  runs: FakeTextRun[];
  /** The control's own run properties: what text typed into it takes when it is empty. */
  format: FakeRunFormat;
}

export type FakeInline = FakeTextRun | FakeControl;

export interface FakeParagraph {
  readonly kind: 'paragraph';
  readonly id: number;
  styleBuiltIn: string;
  alignment: string;
  firstLineIndent: number;
  leftIndent: number;
  rightIndent: number;
  spaceBefore: number;
  spaceAfter: number;
  lineSpacing: number;
  outlineLevel: number;
  /** The paragraph mark's formatting: what text typed into an empty paragraph takes. */
  mark: FakeRunFormat;
  inlines: FakeInline[];
}

/** A story that holds paragraphs (and, for the body, tables). */
export interface FakeStory {
  blocks: FakeBlock[];
}

export interface FakeCell extends FakeStory {
  /** Grid columns the cell spans (Word's w:gridSpan). */
  gridSpan: number;
  /** Word's w:vMerge: the top cell of a vertical merge, or a cell it covers. */
  vMerge?: 'restart' | 'continue';
  columnWidth?: number;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  shadingColor?: string;
}

export interface FakeRow {
  cells: FakeCell[];
}

export interface FakeTable {
  readonly kind: 'table';
  readonly id: number;
  rows: FakeRow[];
  headerRowCount: number;
  styleBuiltIn: string;
  alignment: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
}

export type FakeBlock = FakeParagraph | FakeTable;

export interface FakeXmlPart {
  readonly id: string;
  readonly namespaceUri: string;
  readonly xml: string;
}

export interface FakeWordOp {
  readonly op: string;
  /** The content control's tag, for writes into a control. */
  readonly tag?: string;
}

export interface FakeWordDocument {
  readonly body: FakeStory;
  /** The built-in document properties the fake keeps (Document.properties, WordApi 1.3). */
  readonly properties: { title: string };
  readonly customXmlParts: FakeXmlPart[];
  /** Settings as the document file holds them: name → JSON text (what `saveAsync` wrote last). */
  readonly savedSettings: Map<string, string>;
  readonly ops: FakeWordOp[];
  /** The next id of a paragraph, table or control (kept with the document, so that ids stay unique on reopening). */
  readonly ids: { next: number };
}

// ---- the host, the context and its queue ------------------------------------------------------------

export interface FakeWordOptions {
  /** Milliseconds a `context.sync` takes, there and back (default 0); the batch is applied half-way. */
  readonly roundTripMs?: number;
  /** The highest WordApi requirement set the fake host supports, as `1.3` (default `1.9`). */
  readonly wordApi?: string;
  /** The language of the style names `Paragraph.style` reads and accepts (default en-US). */
  readonly styleLocale?: 'en-US' | 'zh-CN';
  /** The document's paragraphs when it opens (default: one empty paragraph, as a new document has). */
  readonly paragraphs?: readonly string[];
  /** Its title property (File › Info). */
  readonly title?: string;
}

function apiVersion(version: string): [number, number] {
  const m = /^(\d+)\.(\d+)$/.exec(version);
  if (!m) throw new Error(`Not an API version: ${version}`);
  return [Number(m[1]), Number(m[2])];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The Word behind every request context of one document: requirement sets, settings, the sync count. */
export class FakeWordHost {
  readonly roundTripMs: number;
  readonly wordApi: string;
  readonly styleLocale: 'en-US' | 'zh-CN';
  readonly settings: FakeSettings;
  /** `context.sync` calls, from every context of this document. */
  syncs = 0;
  private readonly level: [number, number];

  constructor(
    readonly doc: FakeWordDocument,
    options: FakeWordOptions = {},
  ) {
    this.roundTripMs = options.roundTripMs ?? 0;
    if (!(this.roundTripMs >= 0)) throw new Error(`Invalid round-trip time ${this.roundTripMs}`);
    this.wordApi = options.wordApi ?? '1.9';
    this.level = apiVersion(this.wordApi);
    this.styleLocale = options.styleLocale ?? 'en-US';
    this.settings = new FakeSettings(doc);
  }

  nextId(): number {
    const id = this.doc.ids.next;
    this.doc.ids.next += 1;
    return id;
  }

  /** Office.context.requirements.isSetSupported('WordApi', version) for this host. */
  supports(version: string): boolean {
    const [major, minor] = apiVersion(version);
    return major < this.level[0] || (major === this.level[0] && minor <= this.level[1]);
  }

  /** Throws Office's ApiNotFound when the host lacks the requirement set (called where Word runs the request). */
  require(version: string, what: string): void {
    if (!this.supports(version)) {
      throw new FakeWordError(
        'ApiNotFound',
        `The API you are trying to use could not be found. It may be available in a newer version of Word. (${what} needs WordApi ${version}; this host has ${this.wordApi})`,
      );
    }
  }

  log(op: string, tag?: string): void {
    this.doc.ops.push(tag === undefined ? { op } : { op, tag });
  }
}

export class FakeWordContext {
  readonly document: FakeDocument;
  private queue: (() => void)[] = [];

  constructor(readonly host: FakeWordHost) {
    this.document = new FakeDocument(this);
  }

  get doc(): FakeWordDocument {
    return this.host.doc;
  }

  /** Number of `sync` calls so far, from this context and every other context of the document. */
  get syncCount(): number {
    return this.host.syncs;
  }

  /** Another request context on the same document (as each `Word.run` makes one). */
  fork(): FakeWordContext {
    return new FakeWordContext(this.host);
  }

  enqueue(action: () => void): void {
    this.queue.push(action);
  }

  /** Calls queued but not yet synced (a test can assert none were left behind). */
  get pending(): number {
    return this.queue.length;
  }

  sync(): Promise<void> {
    this.host.syncs += 1;
    const batch = this.queue;
    this.queue = [];
    return this.transmit(batch);
  }

  private async transmit(batch: readonly (() => void)[]): Promise<void> {
    const half = this.host.roundTripMs / 2;
    await (half > 0 ? sleep(half) : Promise.resolve());
    let failure: unknown;
    let failed = false;
    try {
      for (const action of batch) action();
    } catch (error) {
      failed = true;
      failure = error;
    }
    if (half > 0) await sleep(half);
    if (failed) throw failure;
  }
}

// ---- errors and loading ----------------------------------------------------------------------------

function notLoaded(property: string): never {
  throw new FakeWordError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function invalid(message: string): never {
  throw new FakeWordError(
    'InvalidArgument',
    `The argument is invalid or missing or has an incorrect format. (${message})`,
  );
}

function itemNotFound(what: string): never {
  throw new FakeWordError('ItemNotFound', `The requested resource doesn't exist. (${what})`);
}

function notImplemented(what: string): never {
  throw new FakeWordError('NotImplemented', `The fake Word host does not model this: ${what}.`);
}

function accessDenied(what: string): never {
  throw new FakeWordError('AccessDenied', `You can't perform the requested operation. (${what})`);
}

/** The names of `load('a,b')`, `load(['a', 'b'])`, `load('items/a')` or `load({ select })`, trimmed. */
function propertyList(properties: unknown): string[] {
  let list: string[];
  if (properties === undefined) list = [];
  else if (typeof properties === 'string') list = [properties];
  else if (Array.isArray(properties) && properties.every((p) => typeof p === 'string')) list = properties;
  else if (typeof properties === 'object' && properties !== null && 'select' in properties) {
    const select = (properties as { select?: unknown }).select;
    list = typeof select === 'string' ? [select] : Array.isArray(select) ? (select as string[]) : [];
  } else return invalid(`load(${JSON.stringify(properties)})`);
  return list
    .flatMap((p) => p.split(','))
    .map((p) => p.trim())
    .filter((p) => p !== '');
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
      throw new FakeWordError(
        'ValueNotLoaded',
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
    }
    return this.result as T;
  }
}

/** Where an object of the batch points: set by the call that made it, when the sync reaches that call. */
class Binding<N> {
  private node?: N;
  constructor(private readonly what: string) {}
  bind(node: N): void {
    this.node = node;
  }
  get(): N {
    if (this.node === undefined) {
      throw new FakeWordError(
        'InvalidObjectPath',
        `The object path '${this.what}' isn't working for what you're trying to do.`,
      );
    }
    return this.node;
  }
}

type PropertySpec = Readonly<Record<string, string>>;

/**
 * A proxy with scalar properties: `load` copies them from the document at the sync (each checked against
 * its requirement set), the getters read that copy, the setters queue a write.
 */
abstract class FakeClientObject {
  protected readonly loaded = new Map<string, unknown>();
  /** Property → the WordApi version it needs. */
  protected abstract readonly properties: PropertySpec;
  /** The class name in error messages. */
  protected abstract readonly kind: string;

  constructor(readonly context: FakeWordContext) {}

  /** The property's current value in the document (called at the sync). */
  protected abstract read(property: string): unknown;

  load(properties?: string | string[] | { select?: string | string[] }): this {
    const names = propertyList(properties);
    this.context.enqueue(() => this.loadNow(names));
    return this;
  }

  /** Runs a load now, at the sync (a collection's load calls it for its items). */
  loadNow(names: readonly string[]): void {
    const host = this.context.host;
    const all = names.length === 0;
    const wanted = all ? Object.keys(this.properties).filter((p) => host.supports(this.properties[p])) : names;
    for (const name of wanted) {
      const api = this.properties[name];
      if (api === undefined) invalid(`${this.kind} has no property '${name}'`);
      host.require(api, `${this.kind}.${name}`);
      this.loaded.set(name, copy(this.read(name)));
    }
  }

  protected got<T>(property: string): T {
    if (!this.loaded.has(property)) notLoaded(property);
    return this.loaded.get(property) as T;
  }

  /** Queues a property write, checked against its requirement set. */
  protected put(property: string, apply: () => void): void {
    this.context.enqueue(() => {
      this.context.host.require(this.properties[property] ?? '1.1', `${this.kind}.${property}`);
      apply();
    });
  }
}

function copy<T>(value: T): T {
  return value === null || typeof value !== 'object' ? value : (JSON.parse(JSON.stringify(value)) as T);
}

// ---- walking the tree ------------------------------------------------------------------------------

export interface ParagraphPlace {
  readonly paragraph: FakeParagraph;
  readonly story: FakeStory;
  readonly index: number;
  /** The table and cell the paragraph is in, if any. */
  readonly table?: FakeTable;
  readonly cell?: FakeCell;
}

/** Every paragraph in document order, table cells' included (as Body.paragraphs lists them). */
export function* paragraphsIn(story: FakeStory, table?: FakeTable, cell?: FakeCell): Generator<ParagraphPlace> {
  for (let index = 0; index < story.blocks.length; index += 1) {
    const block = story.blocks[index];
    if (block.kind === 'paragraph') {
      yield { paragraph: block, story, index, ...(table && cell ? { table, cell } : {}) };
    } else {
      for (const row of block.rows) for (const c of row.cells) yield* paragraphsIn(c, block, c);
    }
  }
}

export interface ControlPlace {
  readonly control: FakeControl;
  readonly paragraph: FakeParagraph;
  readonly index: number;
  readonly table?: FakeTable;
}

/** Every content control in document order. */
export function* controlsIn(story: FakeStory): Generator<ControlPlace> {
  for (const place of paragraphsIn(story)) {
    for (let index = 0; index < place.paragraph.inlines.length; index += 1) {
      const inline = place.paragraph.inlines[index];
      if (inline.kind === 'control') {
        yield { control: inline, paragraph: place.paragraph, index, ...(place.table ? { table: place.table } : {}) };
      }
    }
  }
}

function tablesIn(story: FakeStory): FakeTable[] {
  return story.blocks.filter((b): b is FakeTable => b.kind === 'table');
}

function placeOfParagraph(doc: FakeWordDocument, paragraph: FakeParagraph): ParagraphPlace {
  for (const place of paragraphsIn(doc.body)) if (place.paragraph === paragraph) return place;
  return itemNotFound('the paragraph was deleted');
}

function placeOfControl(doc: FakeWordDocument, control: FakeControl): ControlPlace {
  for (const place of controlsIn(doc.body)) if (place.control === control) return place;
  return itemNotFound(`the content control ${control.id} was deleted`);
}

function placeOfTable(doc: FakeWordDocument, table: FakeTable): { story: FakeStory; index: number } {
  const index = doc.body.blocks.indexOf(table);
  return index >= 0 ? { story: doc.body, index } : itemNotFound('the table was deleted');
}

interface RunPlace {
  readonly paragraph: FakeParagraph;
  /** The array the run sits in: the paragraph's inlines, or a control's runs. */
  readonly container: FakeInline[];
  readonly index: number;
  readonly control?: FakeControl;
}

function placeOfRun(doc: FakeWordDocument, run: FakeTextRun): RunPlace {
  for (const { paragraph } of paragraphsIn(doc.body)) {
    const i = paragraph.inlines.indexOf(run);
    if (i >= 0) return { paragraph, container: paragraph.inlines, index: i };
    for (const inline of paragraph.inlines) {
      if (inline.kind !== 'control') continue;
      const j = inline.runs.indexOf(run);
      if (j >= 0) return { paragraph, container: inline.runs, index: j, control: inline };
    }
  }
  return itemNotFound('the range was deleted');
}

/** The text a control shows: its runs, or its placeholder when it has none. */
export function shownText(control: FakeControl): string {
  return control.runs.length === 0 ? control.placeholderText : control.runs.map((r) => r.text).join('');
}

/** Whether the control shows its (dimmed) placeholder text. */
export function showsPlaceholder(control: FakeControl): boolean {
  return control.runs.length === 0 && control.placeholderText !== '';
}

export function paragraphText(paragraph: FakeParagraph): string {
  return paragraph.inlines.map((i) => (i.kind === 'text' ? i.text : shownText(i))).join('');
}

function cellText(cell: FakeCell): string {
  return cell.blocks.map((b) => (b.kind === 'paragraph' ? paragraphText(b) : '')).join('\r');
}

/** Every run's format in a paragraph, the controls' own and the mark's included (what Paragraph.font sets). */
function formatsOfParagraph(paragraph: FakeParagraph): FakeRunFormat[] {
  const formats: FakeRunFormat[] = [paragraph.mark];
  for (const inline of paragraph.inlines) {
    if (inline.kind === 'text') formats.push(inline.format);
    else formats.push(inline.format, ...inline.runs.map((r) => r.format));
  }
  return formats;
}

/** The formats of the characters a paragraph shows (an empty control's own; an empty paragraph's mark). */
function visibleFormats(paragraph: FakeParagraph): FakeRunFormat[] {
  const formats = paragraph.inlines.flatMap((i) =>
    i.kind === 'text' ? [i.format] : i.runs.length > 0 ? i.runs.map((r) => r.format) : [i.format],
  );
  return formats.length > 0 ? formats : [paragraph.mark];
}

/** What the formats shown have in common (Office reads a mixed property as null). */
function commonFormat(formats: readonly FakeRunFormat[], property: keyof FakeRunFormat): unknown {
  if (formats.length === 0) return null;
  const first = formats[0][property];
  return formats.every((f) => f[property] === first) ? (first ?? null) : null;
}

/** The format of the character before the end of a paragraph (what text typed at its end takes). */
function formatAtEnd(paragraph: FakeParagraph): FakeRunFormat {
  for (let i = paragraph.inlines.length - 1; i >= 0; i -= 1) {
    const inline = paragraph.inlines[i];
    if (inline.kind === 'text') return { ...inline.format };
    return { ...(inline.runs.length > 0 ? inline.runs[inline.runs.length - 1].format : inline.format) };
  }
  return { ...paragraph.mark };
}

function formatAtStart(paragraph: FakeParagraph): FakeRunFormat {
  const first = paragraph.inlines[0];
  if (!first) return { ...paragraph.mark };
  if (first.kind === 'text') return { ...first.format };
  return { ...(first.runs[0]?.format ?? first.format) };
}

function checkText(text: unknown, what: string): string {
  if (typeof text !== 'string') invalid(`${what}: text must be a string`);
  if (/[\r\n\v]/.test(text)) notImplemented(`a paragraph break inside the text of ${what}`);
  return text;
}

function checkLocation(location: unknown, allowed: readonly string[], what: string): string {
  if (typeof location !== 'string' || !allowed.includes(location)) {
    invalid(`${what}: insertLocation must be ${allowed.join(', ')}, not ${String(location)}`);
  }
  return location;
}

function newParagraph(host: FakeWordHost, like?: FakeParagraph): FakeParagraph {
  return {
    kind: 'paragraph',
    id: host.nextId(),
    styleBuiltIn: like?.styleBuiltIn ?? 'Normal',
    alignment: like?.alignment ?? 'Left',
    firstLineIndent: like?.firstLineIndent ?? 0,
    leftIndent: like?.leftIndent ?? 0,
    rightIndent: like?.rightIndent ?? 0,
    spaceBefore: like?.spaceBefore ?? 0,
    spaceAfter: like?.spaceAfter ?? 0,
    lineSpacing: like?.lineSpacing ?? 12,
    outlineLevel: like?.outlineLevel ?? 10,
    mark: { ...(like?.mark ?? {}) },
    inlines: [],
  };
}

function textRun(text: string, format: FakeRunFormat): FakeTextRun {
  return { kind: 'text', text, format: { ...format } };
}

/** Removes what a control holds, refusing a locked one. */
function refuseLockedControl(control: FakeControl, what: string): void {
  if (control.cannotEdit) accessDenied(`the content control '${control.tag}' cannot be edited (${what})`);
}

function refuseUndeletable(inlines: readonly FakeInline[], what: string): void {
  for (const inline of inlines) {
    if (inline.kind === 'control' && inline.cannotDelete) {
      accessDenied(`the content control '${inline.tag}' cannot be deleted (${what})`);
    }
  }
}

function refuseUndeletableBlock(block: FakeBlock, what: string): void {
  if (block.kind === 'paragraph') refuseUndeletable(block.inlines, what);
  else
    for (const row of block.rows)
      for (const cell of row.cells) for (const b of cell.blocks) refuseUndeletableBlock(b, what);
}

/**
 * Inserts a table at `index` of the body. Word keeps a paragraph after every table at the end of the
 * document: a table inserted last gets an empty paragraph after it.
 */
function insertTableAt(
  ctx: FakeWordContext,
  story: FakeStory,
  index: number,
  rowCount: number,
  columnCount: number,
  values: unknown,
  like: FakeParagraph | undefined,
): FakeTable {
  if (story !== ctx.doc.body) notImplemented('a table inside a table cell');
  if (
    !Number.isInteger(rowCount) ||
    !Number.isInteger(columnCount) ||
    rowCount < 1 ||
    columnCount < 1 ||
    columnCount > 63
  ) {
    invalid(`insertTable(${rowCount}, ${columnCount})`);
  }
  if (values !== undefined) {
    const ok =
      Array.isArray(values) &&
      values.length === rowCount &&
      values.every(
        (row) => Array.isArray(row) && row.length === columnCount && row.every((v) => typeof v === 'string'),
      );
    if (!ok) invalid(`insertTable: values must be ${rowCount} rows of ${columnCount} strings`);
  }
  const grid = values as string[][] | undefined;
  const host = ctx.host;
  const table: FakeTable = {
    kind: 'table',
    id: host.nextId(),
    rows: Array.from({ length: rowCount }, (_, r) => ({
      cells: Array.from({ length: columnCount }, (_, c) => {
        const paragraph = newParagraph(host, like);
        const text = grid?.[r][c] ?? '';
        checkText(text, 'insertTable values');
        if (text !== '') paragraph.inlines.push(textRun(text, paragraph.mark));
        return { gridSpan: 1, blocks: [paragraph] };
      }),
    })),
    headerRowCount: 0,
    styleBuiltIn: 'TableGrid',
    alignment: 'Left',
  };
  story.blocks.splice(index, 0, table);
  if (index === story.blocks.length - 1) story.blocks.push(newParagraph(host, like));
  host.log('insertTable');
  return table;
}

// ---- style names ----------------------------------------------------------------------------------

const STYLE_NAMES: Readonly<Record<'en-US' | 'zh-CN', Readonly<Record<string, string>>>> = {
  'en-US': {
    Normal: 'Normal',
    Heading1: 'Heading 1',
    Heading2: 'Heading 2',
    Heading3: 'Heading 3',
    Title: 'Title',
    TableGrid: 'Table Grid',
  },
  'zh-CN': {
    Normal: '正文',
    Heading1: '标题 1',
    Heading2: '标题 2',
    Heading3: '标题 3',
    Title: '标题',
    TableGrid: '网格型',
  },
};

function styleName(host: FakeWordHost, builtIn: string): string {
  return STYLE_NAMES[host.styleLocale][builtIn] ?? builtIn;
}

function builtInOfName(host: FakeWordHost, name: unknown): string {
  const names = STYLE_NAMES[host.styleLocale];
  const found = Object.keys(names).find((k) => names[k] === name);
  return found ?? itemNotFound(`there is no style named '${String(name)}'`);
}

const BUILT_IN_STYLES = ['Normal', 'Heading1', 'Heading2', 'Heading3', 'Title', 'TableGrid'];

function checkBuiltIn(value: unknown): string {
  if (typeof value !== 'string' || !BUILT_IN_STYLES.includes(value)) invalid(`styleBuiltIn '${String(value)}'`);
  return value;
}

const ALIGNMENTS = ['Left', 'Centered', 'Right', 'Justified'];

function checkAlignment(value: unknown): string {
  if (typeof value !== 'string' || !ALIGNMENTS.includes(value)) invalid(`alignment '${String(value)}'`);
  return value;
}

function checkNumber(value: unknown, what: string, min = -1584, max = 1584): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max)
    invalid(`${what} ${String(value)}`);
  return value;
}

function checkBoolean(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') invalid(`${what} must be a boolean`);
  return value;
}

function checkString(value: unknown, what: string, max = 255): string {
  if (typeof value !== 'string' || value.length > max) invalid(`${what} must be a string of at most ${max} characters`);
  return value;
}

const COLOR = /^(#[0-9A-Fa-f]{6}|[A-Za-z]+)$/;

// ---- the document and its body -----------------------------------------------------------------------

export class FakeDocument {
  readonly body: FakeBody;
  readonly contentControls: FakeContentControlCollection;
  readonly customXmlParts: FakeCustomXmlPartCollection;
  readonly properties: FakeDocumentProperties;

  constructor(readonly context: FakeWordContext) {
    this.properties = new FakeDocumentProperties(context);
    this.body = new FakeBody(context, () => context.doc.body, 'document.body');
    this.contentControls = new FakeContentControlCollection(
      context,
      () => [...controlsIn(context.doc.body)].map((p) => p.control),
      'document.contentControls',
    );
    this.customXmlParts = new FakeCustomXmlPartCollection(context);
  }
}

/** Document.properties (WordApi 1.3): the title is what the fake keeps. */
export class FakeDocumentProperties extends FakeClientObject {
  protected readonly properties: PropertySpec = { title: '1.3' };
  protected readonly kind = 'DocumentProperties';

  protected read(): unknown {
    return this.context.doc.properties.title;
  }

  get title(): string {
    return this.got('title');
  }
  set title(value: string) {
    this.put('title', () => {
      this.context.doc.properties.title = checkString(value, 'DocumentProperties.title');
    });
  }
}

/** A Body: the document's, or a table cell's (`cell.body`, WordApi 1.3). */
export class FakeBody extends FakeClientObject {
  protected readonly properties: PropertySpec = { text: '1.1', style: '1.1', styleBuiltIn: '1.3' };
  protected readonly kind = 'Body';
  readonly paragraphs: FakeParagraphCollection;
  readonly contentControls: FakeContentControlCollection;
  readonly tables: FakeTableCollection;
  readonly font: FakeFont;

  constructor(
    context: FakeWordContext,
    private readonly story: () => FakeStory,
    private readonly what: string,
  ) {
    super(context);
    const paragraphs = (): FakeParagraph[] => [...paragraphsIn(story())].map((p) => p.paragraph);
    this.font = new FakeFont(
      context,
      () => paragraphs().flatMap(formatsOfParagraph),
      () => paragraphs().flatMap(visibleFormats),
    );
    this.paragraphs = new FakeParagraphCollection(
      context,
      () => [...paragraphsIn(story())].map((p) => p.paragraph),
      `${what}.paragraphs`,
    );
    this.contentControls = new FakeContentControlCollection(
      context,
      () => [...controlsIn(story())].map((p) => p.control),
      `${what}.contentControls`,
    );
    this.tables = new FakeTableCollection(context, () => tablesIn(story()), `${what}.tables`);
  }

  protected read(property: string): unknown {
    const story = this.story();
    if (property === 'text') {
      return story.blocks
        .map((b) =>
          b.kind === 'paragraph' ? paragraphText(b) : b.rows.map((r) => r.cells.map(cellText).join('\t')).join('\r'),
        )
        .join('\r');
    }
    const first = story.blocks.find((b): b is FakeParagraph => b.kind === 'paragraph');
    return property === 'styleBuiltIn'
      ? (first?.styleBuiltIn ?? 'Normal')
      : styleName(this.context.host, first?.styleBuiltIn ?? 'Normal');
  }

  get text(): string {
    return this.got('text');
  }

  /** Body.insertParagraph (1.1): 'Start' or 'End'; the new paragraph is formatted like its neighbour. */
  insertParagraph(paragraphText: string, insertLocation: string): FakeParagraphProxy {
    const binding = new Binding<FakeParagraph>(`${this.what}.insertParagraph`);
    this.context.enqueue(() => {
      const text = checkText(paragraphText, 'Body.insertParagraph');
      const where = checkLocation(insertLocation, ['Start', 'End'], 'Body.insertParagraph');
      const story = this.story();
      const paragraphs = story.blocks.filter((b): b is FakeParagraph => b.kind === 'paragraph');
      const like = where === 'End' ? paragraphs[paragraphs.length - 1] : paragraphs[0];
      const paragraph = newParagraph(this.context.host, like);
      if (text !== '') paragraph.inlines.push(textRun(text, paragraph.mark));
      if (where === 'End') story.blocks.push(paragraph);
      else story.blocks.unshift(paragraph);
      this.context.host.log('insertParagraph');
      binding.bind(paragraph);
    });
    return new FakeParagraphProxy(this.context, () => binding.get());
  }

  /** Body.insertTable (WordApi 1.3): 'Start' or 'End'. */
  insertTable(rowCount: number, columnCount: number, insertLocation: string, values?: string[][]): FakeTableProxy {
    const binding = new Binding<FakeTable>(`${this.what}.insertTable`);
    this.context.enqueue(() => {
      this.context.host.require('1.3', 'Body.insertTable');
      const where = checkLocation(insertLocation, ['Start', 'End'], 'Body.insertTable');
      const story = this.story();
      const paragraphs = story.blocks.filter((b): b is FakeParagraph => b.kind === 'paragraph');
      const like = where === 'End' ? paragraphs[paragraphs.length - 1] : paragraphs[0];
      binding.bind(
        insertTableAt(
          this.context,
          story,
          where === 'End' ? story.blocks.length : 0,
          rowCount,
          columnCount,
          values,
          like,
        ),
      );
    });
    return new FakeTableProxy(this.context, () => binding.get());
  }

  /** Body.insertText (1.1): 'Start' or 'End' of the body (its first or last paragraph). */
  insertText(text: string, insertLocation: string): FakeRange {
    const binding = new Binding<FakeTextRun[]>(`${this.what}.insertText`);
    this.context.enqueue(() => {
      const value = checkText(text, 'Body.insertText');
      const where = checkLocation(insertLocation, ['Start', 'End'], 'Body.insertText');
      const paragraphs = this.story().blocks.filter((b): b is FakeParagraph => b.kind === 'paragraph');
      const paragraph = where === 'End' ? paragraphs[paragraphs.length - 1] : paragraphs[0];
      binding.bind([insertIntoParagraph(paragraph, value, where)]);
      this.context.host.log('insertText');
    });
    return new FakeRange(this.context, () => binding.get());
  }
}

function insertIntoParagraph(paragraph: FakeParagraph, text: string, where: string): FakeTextRun {
  if (where === 'Replace') {
    refuseUndeletable(paragraph.inlines, 'Paragraph.insertText Replace');
    const run = textRun(text, formatAtStart(paragraph));
    paragraph.inlines = [run];
    return run;
  }
  const run = textRun(text, where === 'End' ? formatAtEnd(paragraph) : formatAtStart(paragraph));
  if (where === 'End') paragraph.inlines.push(run);
  else paragraph.inlines.unshift(run);
  return run;
}

// ---- collections -----------------------------------------------------------------------------------

abstract class FakeCollection<N, P extends FakeClientObject> {
  private loadedItems?: P[];

  constructor(
    readonly context: FakeWordContext,
    /** The nodes, as they are when the sync reaches the call that reads them. */
    protected readonly nodes: () => N[],
    protected readonly what: string,
  ) {}

  protected abstract proxy(node: N): P;
  /** The requirement set of the collection itself. */
  protected readonly minimum: string = '1.1';

  load(properties?: string | string[] | { select?: string | string[] }): this {
    const names = propertyList(properties)
      .map((p) => p.replace(/^items\//, ''))
      .filter((p) => p !== 'items');
    this.context.enqueue(() => {
      this.context.host.require(this.minimum, this.what);
      this.loadedItems = this.nodes().map((node) => {
        const item = this.proxy(node);
        item.loadNow(names);
        return item;
      });
    });
    return this;
  }

  get items(): P[] {
    return this.loadedItems ?? notLoaded('items');
  }

  /** getFirst (WordApi 1.3): ItemNotFound at the sync when the collection is empty. */
  getFirst(): P {
    const binding = new Binding<N>(`${this.what}.getFirst`);
    this.context.enqueue(() => {
      this.context.host.require('1.3', `${this.what}.getFirst`);
      const first = this.nodes()[0];
      binding.bind(first ?? itemNotFound(`${this.what} is empty`));
    });
    return this.proxyOf(() => binding.get());
  }

  protected abstract proxyOf(node: () => N): P;
}

export class FakeParagraphCollection extends FakeCollection<FakeParagraph, FakeParagraphProxy> {
  protected proxy(node: FakeParagraph): FakeParagraphProxy {
    return new FakeParagraphProxy(this.context, () => node);
  }
  protected proxyOf(node: () => FakeParagraph): FakeParagraphProxy {
    return new FakeParagraphProxy(this.context, node);
  }

  /** getLast (WordApi 1.3). */
  getLast(): FakeParagraphProxy {
    const binding = new Binding<FakeParagraph>(`${this.what}.getLast`);
    this.context.enqueue(() => {
      this.context.host.require('1.3', `${this.what}.getLast`);
      const all = this.nodes();
      binding.bind(all[all.length - 1] ?? itemNotFound(`${this.what} is empty`));
    });
    return new FakeParagraphProxy(this.context, () => binding.get());
  }
}

export class FakeContentControlCollection extends FakeCollection<FakeControl, FakeContentControl> {
  protected proxy(node: FakeControl): FakeContentControl {
    return new FakeContentControl(this.context, () => node);
  }
  protected proxyOf(node: () => FakeControl): FakeContentControl {
    return new FakeContentControl(this.context, node);
  }

  /** getByTag (1.1): the controls with exactly this tag, as they are when the sync reaches the load. */
  getByTag(tag: string): FakeContentControlCollection {
    return new FakeContentControlCollection(
      this.context,
      () => this.nodes().filter((c) => c.tag === tag),
      `${this.what}.getByTag(${JSON.stringify(tag)})`,
    );
  }

  /** getByTitle (1.1). */
  getByTitle(title: string): FakeContentControlCollection {
    return new FakeContentControlCollection(
      this.context,
      () => this.nodes().filter((c) => c.title === title),
      `${this.what}.getByTitle(${JSON.stringify(title)})`,
    );
  }

  /** getById (1.1): ItemNotFound at the sync when there is none. */
  getById(id: number): FakeContentControl {
    const binding = new Binding<FakeControl>(`${this.what}.getById`);
    this.context.enqueue(() =>
      binding.bind(this.nodes().find((c) => c.id === id) ?? itemNotFound(`content control ${id}`)),
    );
    return new FakeContentControl(this.context, () => binding.get());
  }

  /** getByTypes (WordApi 1.3): 'RichText' and 'PlainText' are the types the fake has. */
  getByTypes(types: string[]): FakeContentControlCollection {
    const filtered = new FakeContentControlCollection(
      this.context,
      () => {
        this.context.host.require('1.3', 'ContentControlCollection.getByTypes');
        return this.nodes().filter((c) => types.includes(c.type));
      },
      `${this.what}.getByTypes`,
    );
    return filtered;
  }
}

export class FakeTableCollection extends FakeCollection<FakeTable, FakeTableProxy> {
  protected override readonly minimum: string = '1.3';
  protected proxy(node: FakeTable): FakeTableProxy {
    return new FakeTableProxy(this.context, () => node);
  }
  protected proxyOf(node: () => FakeTable): FakeTableProxy {
    return new FakeTableProxy(this.context, node);
  }
}

// ---- fonts -----------------------------------------------------------------------------------------

/** Font of a paragraph, range, control, table or cell body: set applies to every run it covers. */
export class FakeFont extends FakeClientObject {
  protected readonly properties: PropertySpec;
  protected readonly kind = 'Font';

  constructor(
    context: FakeWordContext,
    /** Every format a write changes. */
    private readonly formats: () => FakeRunFormat[],
    /** The formats of the characters shown, which a read reports on (default: those written). */
    private readonly shown: () => FakeRunFormat[] = formats,
    minimum = '1.1',
  ) {
    super(context);
    const p = (name: string): [string, string] => [name, minimum];
    this.properties = Object.fromEntries(
      ['name', 'size', 'bold', 'italic', 'color', 'underline', 'highlightColor'].map(p),
    );
  }

  protected read(property: string): unknown {
    return commonFormat(this.shown(), property as keyof FakeRunFormat);
  }

  private set(property: keyof FakeRunFormat, value: unknown, check: (v: unknown) => unknown): void {
    this.put(property, () => {
      const checked = check(value);
      for (const f of this.formats()) (f as Record<string, unknown>)[property] = checked;
    });
  }

  get name(): string {
    return this.got('name');
  }
  set name(value: string) {
    this.set('name', value, (v) => checkString(v, 'Font.name', 31));
  }
  get size(): number {
    return this.got('size');
  }
  set size(value: number) {
    this.set('size', value, (v) => checkNumber(v, 'Font.size', 1, 1638));
  }
  get bold(): boolean {
    return this.got('bold');
  }
  set bold(value: boolean) {
    this.set('bold', value, (v) => checkBoolean(v, 'Font.bold'));
  }
  get italic(): boolean {
    return this.got('italic');
  }
  set italic(value: boolean) {
    this.set('italic', value, (v) => checkBoolean(v, 'Font.italic'));
  }
  get color(): string {
    return this.got('color');
  }
  set color(value: string) {
    this.set('color', value, (v) => {
      if (typeof v !== 'string' || !COLOR.test(v)) invalid(`Font.color ${String(v)}`);
      return v;
    });
  }
  get underline(): string {
    return this.got('underline');
  }
  set underline(value: string) {
    this.set('underline', value, (v) => checkString(v, 'Font.underline'));
  }
}

// ---- paragraphs ------------------------------------------------------------------------------------

export class FakeParagraphProxy extends FakeClientObject {
  protected readonly properties: PropertySpec = {
    text: '1.1',
    style: '1.1',
    styleBuiltIn: '1.3',
    alignment: '1.1',
    firstLineIndent: '1.1',
    leftIndent: '1.1',
    rightIndent: '1.1',
    spaceBefore: '1.1',
    spaceAfter: '1.1',
    lineSpacing: '1.1',
    outlineLevel: '1.1',
    tableNestingLevel: '1.3',
    isLastParagraph: '1.3',
  };
  protected readonly kind = 'Paragraph';
  readonly font: FakeFont;
  readonly contentControls: FakeContentControlCollection;

  constructor(
    context: FakeWordContext,
    private readonly node: () => FakeParagraph,
  ) {
    super(context);
    this.font = new FakeFont(
      context,
      () => formatsOfParagraph(node()),
      () => visibleFormats(node()),
    );
    this.contentControls = new FakeContentControlCollection(
      context,
      () => node().inlines.filter((i): i is FakeControl => i.kind === 'control'),
      'paragraph.contentControls',
    );
  }

  protected read(property: string): unknown {
    const p = this.node();
    switch (property) {
      case 'text':
        return paragraphText(p);
      case 'style':
        return styleName(this.context.host, p.styleBuiltIn);
      case 'tableNestingLevel':
        return placeOfParagraph(this.context.doc, p).table ? 1 : 0;
      case 'isLastParagraph': {
        const all = [...paragraphsIn(this.context.doc.body)];
        return all[all.length - 1]?.paragraph === p;
      }
      default:
        return (p as unknown as Record<string, unknown>)[property];
    }
  }

  private setField(property: keyof FakeParagraph, value: unknown, check: (v: unknown) => unknown): void {
    this.put(property, () => {
      (this.node() as unknown as Record<string, unknown>)[property] = check(value);
    });
  }

  get text(): string {
    return this.got('text');
  }
  get style(): string {
    return this.got('style');
  }
  set style(value: string) {
    this.put('style', () => {
      this.node().styleBuiltIn = builtInOfName(this.context.host, value);
    });
  }
  get styleBuiltIn(): string {
    return this.got('styleBuiltIn');
  }
  set styleBuiltIn(value: string) {
    this.setField('styleBuiltIn', value, checkBuiltIn);
  }
  get alignment(): string {
    return this.got('alignment');
  }
  set alignment(value: string) {
    this.setField('alignment', value, checkAlignment);
  }
  get firstLineIndent(): number {
    return this.got('firstLineIndent');
  }
  set firstLineIndent(value: number) {
    this.setField('firstLineIndent', value, (v) => checkNumber(v, 'firstLineIndent'));
  }
  get leftIndent(): number {
    return this.got('leftIndent');
  }
  set leftIndent(value: number) {
    this.setField('leftIndent', value, (v) => checkNumber(v, 'leftIndent'));
  }
  get rightIndent(): number {
    return this.got('rightIndent');
  }
  set rightIndent(value: number) {
    this.setField('rightIndent', value, (v) => checkNumber(v, 'rightIndent'));
  }
  get spaceBefore(): number {
    return this.got('spaceBefore');
  }
  set spaceBefore(value: number) {
    this.setField('spaceBefore', value, (v) => checkNumber(v, 'spaceBefore', 0));
  }
  get spaceAfter(): number {
    return this.got('spaceAfter');
  }
  set spaceAfter(value: number) {
    this.setField('spaceAfter', value, (v) => checkNumber(v, 'spaceAfter', 0));
  }
  get lineSpacing(): number {
    return this.got('lineSpacing');
  }
  set lineSpacing(value: number) {
    this.setField('lineSpacing', value, (v) => checkNumber(v, 'lineSpacing', 0));
  }
  get outlineLevel(): number {
    return this.got('outlineLevel');
  }
  set outlineLevel(value: number) {
    this.setField('outlineLevel', value, (v) => {
      if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 10) invalid(`outlineLevel ${String(v)}`);
      return v;
    });
  }
  get tableNestingLevel(): number {
    return this.got('tableNestingLevel');
  }
  get isLastParagraph(): boolean {
    return this.got('isLastParagraph');
  }

  /** Paragraph.insertText (1.1): 'Start', 'End' or 'Replace'; the range of the new text. */
  insertText(text: string, insertLocation: string): FakeRange {
    const binding = new Binding<FakeTextRun[]>('paragraph.insertText');
    this.context.enqueue(() => {
      const value = checkText(text, 'Paragraph.insertText');
      const where = checkLocation(insertLocation, ['Start', 'End', 'Replace'], 'Paragraph.insertText');
      binding.bind([insertIntoParagraph(this.node(), value, where)]);
      this.context.host.log('paragraph.insertText');
    });
    return new FakeRange(this.context, () => binding.get());
  }

  /** Paragraph.insertParagraph (1.1): 'Before' or 'After'; the new one is formatted like this one. */
  insertParagraph(paragraphText: string, insertLocation: string): FakeParagraphProxy {
    const binding = new Binding<FakeParagraph>('paragraph.insertParagraph');
    this.context.enqueue(() => {
      const text = checkText(paragraphText, 'Paragraph.insertParagraph');
      const where = checkLocation(insertLocation, ['Before', 'After'], 'Paragraph.insertParagraph');
      const self = this.node();
      const place = placeOfParagraph(this.context.doc, self);
      const paragraph = newParagraph(this.context.host, self);
      if (text !== '') paragraph.inlines.push(textRun(text, paragraph.mark));
      place.story.blocks.splice(where === 'After' ? place.index + 1 : place.index, 0, paragraph);
      this.context.host.log('insertParagraph');
      binding.bind(paragraph);
    });
    return new FakeParagraphProxy(this.context, () => binding.get());
  }

  /** Paragraph.insertTable (WordApi 1.3): 'Before' or 'After'. */
  insertTable(rowCount: number, columnCount: number, insertLocation: string, values?: string[][]): FakeTableProxy {
    const binding = new Binding<FakeTable>('paragraph.insertTable');
    this.context.enqueue(() => {
      this.context.host.require('1.3', 'Paragraph.insertTable');
      const where = checkLocation(insertLocation, ['Before', 'After'], 'Paragraph.insertTable');
      const self = this.node();
      const place = placeOfParagraph(this.context.doc, self);
      if (place.table) notImplemented('a table inside a table cell');
      const index = where === 'After' ? place.index + 1 : place.index;
      binding.bind(insertTableAt(this.context, place.story, index, rowCount, columnCount, values, self));
    });
    return new FakeTableProxy(this.context, () => binding.get());
  }

  /** Paragraph.insertContentControl (1.1): a control around the whole paragraph's content. */
  insertContentControl(contentControlType?: string): FakeContentControl {
    const binding = new Binding<FakeControl>('paragraph.insertContentControl');
    this.context.enqueue(() => {
      if (contentControlType !== undefined)
        this.context.host.require('1.5', 'insertContentControl(contentControlType)');
      const p = this.node();
      if (p.inlines.some((i) => i.kind === 'control')) notImplemented('a content control around another');
      const control = newControl(
        this.context.host,
        contentControlType,
        'paragraph',
        p.inlines as FakeTextRun[],
        formatAtStart(p),
      );
      p.inlines = [control];
      this.context.host.log('insertContentControl');
      binding.bind(control);
    });
    return new FakeContentControl(this.context, () => binding.get());
  }

  /** Paragraph.delete (1.1): the last paragraph of the body is cleared instead (Word keeps its mark). */
  delete(): void {
    this.context.enqueue(() => {
      const self = this.node();
      const place = placeOfParagraph(this.context.doc, self);
      refuseUndeletable(self.inlines, 'Paragraph.delete');
      const last = place.index === place.story.blocks.length - 1;
      const onlyInCell = place.cell !== undefined && place.story.blocks.length === 1;
      if (last || onlyInCell) self.inlines = [];
      else place.story.blocks.splice(place.index, 1);
      this.context.host.log('paragraph.delete');
    });
  }
}

function newControl(
  host: FakeWordHost,
  type: string | undefined,
  scope: 'inline' | 'paragraph',
  runs: FakeTextRun[],
  format: FakeRunFormat,
): FakeControl {
  const kind = type ?? 'RichText';
  if (kind !== 'RichText' && kind !== 'PlainText') notImplemented(`content controls of type ${kind}`);
  return {
    kind: 'control',
    id: host.nextId(),
    type: kind,
    scope,
    tag: '',
    title: '',
    appearance: 'BoundingBox',
    placeholderText: '',
    cannotEdit: false,
    cannotDelete: false,
    removeWhenEdited: false,
    color: '',
    runs,
    format: { ...format },
  };
}

// ---- ranges ---------------------------------------------------------------------------------------

/** A Range: the runs an insertText made (contiguous, in one paragraph or one control). */
export class FakeRange extends FakeClientObject {
  protected readonly properties: PropertySpec = { text: '1.1', style: '1.1', isEmpty: '1.3' };
  protected readonly kind = 'Range';
  readonly font: FakeFont;

  constructor(
    context: FakeWordContext,
    private readonly runs: () => FakeTextRun[],
  ) {
    super(context);
    this.font = new FakeFont(context, () => runs().map((r) => r.format));
  }

  protected read(property: string): unknown {
    const runs = this.runs();
    if (property === 'text') return runs.map((r) => r.text).join('');
    if (property === 'isEmpty') return runs.every((r) => r.text === '');
    return styleName(this.context.host, placeOfRun(this.context.doc, runs[0]).paragraph.styleBuiltIn);
  }

  get text(): string {
    return this.got('text');
  }
  get isEmpty(): boolean {
    return this.got('isEmpty');
  }

  /** Where the range is now: its runs must still sit side by side in one container. */
  private place(): RunPlace & { count: number } {
    const runs = this.runs();
    const first = placeOfRun(this.context.doc, runs[0]);
    runs.forEach((run, i) => {
      if (first.container[first.index + i] !== run) notImplemented('a range whose runs were separated');
    });
    return { ...first, count: runs.length };
  }

  /** Range.insertContentControl (1.1): wraps the range in a rich-text (or plain-text) control. */
  insertContentControl(contentControlType?: string): FakeContentControl {
    const binding = new Binding<FakeControl>('range.insertContentControl');
    this.context.enqueue(() => {
      if (contentControlType !== undefined)
        this.context.host.require('1.5', 'insertContentControl(contentControlType)');
      const place = this.place();
      if (place.control) notImplemented('a content control inside another');
      const runs = place.container.slice(place.index, place.index + place.count) as FakeTextRun[];
      const control = newControl(this.context.host, contentControlType, 'inline', runs, runs[0]?.format ?? {});
      place.container.splice(place.index, place.count, control);
      this.context.host.log('insertContentControl');
      binding.bind(control);
    });
    return new FakeContentControl(this.context, () => binding.get());
  }

  /** Range.insertText (1.1): 'Replace', 'Start', 'End' (inside the range), 'Before', 'After' (outside). */
  insertText(text: string, insertLocation: string): FakeRange {
    const binding = new Binding<FakeTextRun[]>('range.insertText');
    this.context.enqueue(() => {
      const value = checkText(text, 'Range.insertText');
      const where = checkLocation(insertLocation, ['Replace', 'Start', 'End', 'Before', 'After'], 'Range.insertText');
      const place = this.place();
      const runs = place.container.slice(place.index, place.index + place.count) as FakeTextRun[];
      if (place.control) refuseLockedControl(place.control, 'Range.insertText');
      let run: FakeTextRun;
      if (where === 'Replace') {
        run = textRun(value, runs[0].format);
        place.container.splice(place.index, place.count, run);
      } else {
        const at = where === 'Start' || where === 'Before' ? place.index : place.index + place.count;
        run = textRun(value, (where === 'Start' || where === 'Before' ? runs[0] : runs[runs.length - 1]).format);
        place.container.splice(at, 0, run);
      }
      this.context.host.log('range.insertText', place.control?.tag);
      binding.bind(
        where === 'Replace' || where === 'Before' || where === 'After'
          ? [run]
          : where === 'Start'
            ? [run, ...runs]
            : [...runs, run],
      );
    });
    return new FakeRange(this.context, () => binding.get());
  }
}

// ---- content controls ----------------------------------------------------------------------------

const APPEARANCES: readonly string[] = ['BoundingBox', 'Tags', 'Hidden'];

export class FakeContentControl extends FakeClientObject {
  protected readonly properties: PropertySpec = {
    id: '1.1',
    tag: '1.1',
    title: '1.1',
    text: '1.1',
    appearance: '1.1',
    placeholderText: '1.1',
    cannotEdit: '1.1',
    cannotDelete: '1.1',
    removeWhenEdited: '1.1',
    color: '1.1',
    type: '1.1',
    subtype: '1.3',
  };
  protected readonly kind = 'ContentControl';
  readonly font: FakeFont;

  constructor(
    context: FakeWordContext,
    private readonly node: () => FakeControl,
  ) {
    super(context);
    this.font = new FakeFont(
      context,
      () => [node().format, ...node().runs.map((r) => r.format)],
      () => (node().runs.length > 0 ? node().runs.map((r) => r.format) : [node().format]),
    );
  }

  protected read(property: string): unknown {
    const c = this.node();
    placeOfControl(this.context.doc, c);
    if (property === 'text') return shownText(c);
    if (property === 'subtype') return c.scope === 'inline' ? 'RichTextInline' : 'RichTextParagraphs';
    return (c as unknown as Record<string, unknown>)[property];
  }

  private setField(property: keyof FakeControl, value: unknown, check: (v: unknown) => unknown): void {
    this.put(property, () => {
      const c = this.node();
      placeOfControl(this.context.doc, c);
      (c as unknown as Record<string, unknown>)[property] = check(value);
    });
  }

  get id(): number {
    return this.got('id');
  }
  get text(): string {
    return this.got('text');
  }
  get type(): string {
    return this.got('type');
  }
  get subtype(): string {
    return this.got('subtype');
  }
  get tag(): string {
    return this.got('tag');
  }
  set tag(value: string) {
    this.setField('tag', value, (v) => checkString(v, 'ContentControl.tag'));
  }
  get title(): string {
    return this.got('title');
  }
  set title(value: string) {
    this.setField('title', value, (v) => checkString(v, 'ContentControl.title'));
  }
  get appearance(): string {
    return this.got('appearance');
  }
  set appearance(value: string) {
    this.setField('appearance', value, (v) => {
      if (typeof v !== 'string' || !APPEARANCES.includes(v)) invalid(`appearance '${String(v)}'`);
      return v;
    });
  }
  get placeholderText(): string {
    return this.got('placeholderText');
  }
  set placeholderText(value: string) {
    this.setField('placeholderText', value, (v) => checkString(v, 'ContentControl.placeholderText', 10000));
  }
  get cannotEdit(): boolean {
    return this.got('cannotEdit');
  }
  set cannotEdit(value: boolean) {
    this.setField('cannotEdit', value, (v) => checkBoolean(v, 'cannotEdit'));
  }
  get cannotDelete(): boolean {
    return this.got('cannotDelete');
  }
  set cannotDelete(value: boolean) {
    this.setField('cannotDelete', value, (v) => {
      if (checkBoolean(v, 'cannotDelete') && this.node().removeWhenEdited)
        invalid('cannotDelete with removeWhenEdited');
      return v;
    });
  }
  get removeWhenEdited(): boolean {
    return this.got('removeWhenEdited');
  }
  set removeWhenEdited(value: boolean) {
    this.setField('removeWhenEdited', value, (v) => checkBoolean(v, 'removeWhenEdited'));
  }
  get color(): string {
    return this.got('color');
  }
  set color(value: string) {
    this.setField('color', value, (v) => {
      if (typeof v !== 'string' || !COLOR.test(v)) invalid(`color ${String(v)}`);
      return v;
    });
  }

  /**
   * ContentControl.insertText (1.1): 'Replace' puts the text in place of the control's content with the
   * formatting of its first character (of the control, when it was empty); 'Start' and 'End' add to it.
   */
  insertText(text: string, insertLocation: string): FakeRange {
    const binding = new Binding<FakeTextRun[]>('contentControl.insertText');
    this.context.enqueue(() => {
      const value = checkText(text, 'ContentControl.insertText');
      const where = checkLocation(insertLocation, ['Replace', 'Start', 'End'], 'ContentControl.insertText');
      const c = this.node();
      placeOfControl(this.context.doc, c);
      refuseLockedControl(c, 'insertText');
      let run: FakeTextRun;
      if (where === 'Replace') {
        run = textRun(value, c.runs[0]?.format ?? c.format);
        c.runs = [run];
      } else if (where === 'Start') {
        run = textRun(value, c.runs[0]?.format ?? c.format);
        c.runs.unshift(run);
      } else {
        run = textRun(value, c.runs[c.runs.length - 1]?.format ?? c.format);
        c.runs.push(run);
      }
      this.context.host.log('contentControl.insertText', c.tag);
      binding.bind([run]);
    });
    return new FakeRange(this.context, () => binding.get());
  }

  /** ContentControl.clear (1.1): empties it, so that its placeholder shows. */
  clear(): void {
    this.context.enqueue(() => {
      const c = this.node();
      placeOfControl(this.context.doc, c);
      refuseLockedControl(c, 'clear');
      if (c.runs[0]) c.format = { ...c.runs[0].format };
      c.runs = [];
      this.context.host.log('contentControl.clear', c.tag);
    });
  }

  /** ContentControl.delete (1.1): removes the control, keeping its text in its place or not. */
  delete(keepContent: boolean): void {
    this.context.enqueue(() => {
      const c = this.node();
      checkBoolean(keepContent, 'keepContent');
      const place = placeOfControl(this.context.doc, c);
      if (c.cannotDelete) accessDenied(`the content control '${c.tag}' cannot be deleted`);
      place.paragraph.inlines.splice(place.index, 1, ...(keepContent ? c.runs : []));
      this.context.host.log('contentControl.delete', c.tag);
    });
  }
}

// ---- tables -------------------------------------------------------------------------------------------

/** Grid columns a row's cells start at. */
function startColumns(row: FakeRow): number[] {
  const starts: number[] = [];
  let column = 0;
  for (const cell of row.cells) {
    starts.push(column);
    column += cell.gridSpan;
  }
  return starts;
}

/** The cell of a row covering a grid column, with its index. */
function cellAtColumn(row: FakeRow, column: number): { cell: FakeCell; index: number; start: number } | undefined {
  const starts = startColumns(row);
  for (let i = 0; i < row.cells.length; i += 1) {
    if (column >= starts[i] && column < starts[i] + row.cells[i].gridSpan)
      return { cell: row.cells[i], index: i, start: starts[i] };
  }
  return undefined;
}

function cellHasText(cell: FakeCell): boolean {
  return cell.blocks.some((b) => b.kind === 'paragraph' && b.inlines.length > 0);
}

/**
 * Table.mergeCells (WordApi 1.4), Word's model: `firstCell` is the index of a cell in the top row,
 * `lastCell` of one in the bottom row (cells counted in their row, as the typings document them).
 * Every row from topRow to bottomRow must have cells there covering the same grid columns, and the block
 * must not cut through a vertical merge; across becomes w:gridSpan, down w:vMerge. The merged cell keeps
 * the paragraphs of every cell that had text, top-left first.
 */
function mergeCellsIn(
  host: FakeWordHost,
  table: FakeTable,
  topRow: number,
  firstCell: number,
  bottomRow: number,
  lastCell: number,
): FakeCell {
  const ints = [topRow, firstCell, bottomRow, lastCell];
  if (!ints.every((n) => Number.isInteger(n) && n >= 0) || bottomRow < topRow || lastCell < firstCell) {
    invalid(`mergeCells(${ints.join(', ')})`);
  }
  if (bottomRow >= table.rows.length) itemNotFound(`row ${bottomRow} of a table of ${table.rows.length}`);
  const top = table.rows[topRow];
  const bottom = table.rows[bottomRow];
  if (firstCell >= top.cells.length) itemNotFound(`cell ${firstCell} of row ${topRow} (${top.cells.length} cells)`);
  if (lastCell >= bottom.cells.length)
    itemNotFound(`cell ${lastCell} of row ${bottomRow} (${bottom.cells.length} cells)`);
  // The first cell is counted in the top row, the last in the bottom row.
  const start = startColumns(top)[firstCell];
  const end = startColumns(bottom)[lastCell] + bottom.cells[lastCell].gridSpan;
  if (end <= start) invalid('The cells to merge must form a rectangle');
  const picked: FakeCell[][] = [];
  for (let r = topRow; r <= bottomRow; r += 1) {
    const row = table.rows[r];
    const starts = startColumns(row);
    const first = starts.indexOf(start);
    const last = row.cells.findIndex((c, i) => starts[i] + c.gridSpan === end);
    if (first < 0 || last < 0 || last < first) invalid('The cells to merge must form a rectangle');
    picked.push(row.cells.slice(first, last + 1));
  }
  // A vertical merge entering from above or going on below the block would be cut.
  const cuts =
    picked[0].some((c) => c.vMerge === 'continue') ||
    (bottomRow + 1 < table.rows.length &&
      (() => {
        const below = table.rows[bottomRow + 1];
        return [...Array(end - start).keys()].some((k) => cellAtColumn(below, start + k)?.cell.vMerge === 'continue');
      })());
  if (cuts) invalid('The cells to merge cut through a vertical merge');
  const all = picked.flat();
  const withText = all.filter(cellHasText);
  const blocks = withText.length > 0 ? withText.flatMap((c) => c.blocks) : [picked[0][0].blocks[0]];
  // The top-left cell becomes the merged one (objects pointing at it stay good), as wide as those merged.
  const merged = picked[0][0];
  const widths = picked[0].map((c) => c.columnWidth);
  if (widths.every((w): w is number => w !== undefined)) merged.columnWidth = widths.reduce((a, b) => a + b, 0);
  merged.gridSpan = end - start;
  merged.blocks = blocks;
  if (bottomRow > topRow) merged.vMerge = 'restart';
  else delete merged.vMerge;
  for (let r = topRow; r <= bottomRow; r += 1) {
    const row = table.rows[r];
    const first = startColumns(row).indexOf(start);
    const count = picked[r - topRow].length;
    const cell: FakeCell =
      r === topRow
        ? merged
        : {
            gridSpan: end - start,
            vMerge: 'continue',
            blocks: [newParagraph(host, picked[r - topRow][0].blocks[0] as FakeParagraph)],
          };
    row.cells.splice(first, count, cell);
  }
  return merged;
}

export class FakeTableProxy extends FakeClientObject {
  protected readonly properties: PropertySpec = {
    rowCount: '1.3',
    values: '1.3',
    headerRowCount: '1.3',
    styleBuiltIn: '1.3',
    style: '1.3',
    alignment: '1.3',
    horizontalAlignment: '1.3',
    verticalAlignment: '1.3',
    nestingLevel: '1.3',
  };
  protected readonly kind = 'Table';
  readonly font: FakeFont;
  readonly rows: FakeTableRowCollection;

  constructor(
    context: FakeWordContext,
    private readonly node: () => FakeTable,
  ) {
    super(context);
    const paragraphs = (): FakeParagraph[] =>
      node().rows.flatMap((r) =>
        r.cells.flatMap((c) => c.blocks.filter((b): b is FakeParagraph => b.kind === 'paragraph')),
      );
    this.font = new FakeFont(
      context,
      () => paragraphs().flatMap(formatsOfParagraph),
      () => paragraphs().flatMap(visibleFormats),
      '1.3',
    );
    this.rows = new FakeTableRowCollection(
      context,
      () => node().rows.map((row, i) => ({ table: node(), row, index: i })),
      'table.rows',
    );
  }

  protected read(property: string): unknown {
    const t = this.node();
    switch (property) {
      case 'rowCount':
        return t.rows.length;
      case 'values':
        return t.rows.map((r) => r.cells.map((c) => (c.vMerge === 'continue' ? '' : cellText(c))));
      case 'style':
        return styleName(this.context.host, t.styleBuiltIn);
      case 'nestingLevel':
        return 1;
      default:
        return (t as unknown as Record<string, unknown>)[property] ?? null;
    }
  }

  private setField(property: keyof FakeTable, value: unknown, check: (v: unknown) => unknown): void {
    this.put(property, () => {
      (this.node() as unknown as Record<string, unknown>)[property] = check(value);
    });
  }

  get rowCount(): number {
    return this.got('rowCount');
  }
  get values(): string[][] {
    return this.got('values');
  }
  get headerRowCount(): number {
    return this.got('headerRowCount');
  }
  set headerRowCount(value: number) {
    this.setField('headerRowCount', value, (v) => {
      if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > this.node().rows.length)
        invalid(`headerRowCount ${String(v)}`);
      return v;
    });
  }
  get styleBuiltIn(): string {
    return this.got('styleBuiltIn');
  }
  set styleBuiltIn(value: string) {
    this.setField('styleBuiltIn', value, checkBuiltIn);
  }
  get alignment(): string {
    return this.got('alignment');
  }
  set alignment(value: string) {
    this.setField('alignment', value, checkAlignment);
  }
  get horizontalAlignment(): string {
    return this.got('horizontalAlignment');
  }
  /** Sets every cell's paragraphs' alignment, as Word does. */
  set horizontalAlignment(value: string) {
    this.put('horizontalAlignment', () => {
      const t = this.node();
      const a = checkAlignment(value);
      t.horizontalAlignment = a;
      for (const row of t.rows)
        for (const cell of row.cells) {
          cell.horizontalAlignment = a;
          for (const b of cell.blocks) if (b.kind === 'paragraph') b.alignment = a;
        }
    });
  }
  get verticalAlignment(): string {
    return this.got('verticalAlignment');
  }
  set verticalAlignment(value: string) {
    this.setField('verticalAlignment', value, (v) => {
      if (v !== 'Top' && v !== 'Center' && v !== 'Bottom') invalid(`verticalAlignment ${String(v)}`);
      for (const row of this.node().rows) for (const cell of row.cells) cell.verticalAlignment = v as string;
      return v;
    });
  }

  /** Table.getCell (1.3): the cell at a row and a cell index in that row, bound where the batch reaches it. */
  getCell(rowIndex: number, cellIndex: number): FakeTableCell {
    const binding = new Binding<{ table: FakeTable; cell: FakeCell }>('table.getCell');
    this.context.enqueue(() => {
      this.context.host.require('1.3', 'Table.getCell');
      const t = this.node();
      const cell = t.rows[rowIndex]?.cells[cellIndex];
      binding.bind({ table: t, cell: cell ?? itemNotFound(`cell (${rowIndex}, ${cellIndex})`) });
    });
    return new FakeTableCell(this.context, () => binding.get());
  }

  /** Table.mergeCells (WordApi 1.4). */
  mergeCells(topRow: number, firstCell: number, bottomRow: number, lastCell: number): FakeTableCell {
    const binding = new Binding<{ table: FakeTable; cell: FakeCell }>('table.mergeCells');
    this.context.enqueue(() => {
      this.context.host.require('1.4', 'Table.mergeCells');
      const t = this.node();
      binding.bind({ table: t, cell: mergeCellsIn(this.context.host, t, topRow, firstCell, bottomRow, lastCell) });
      this.context.host.log('table.mergeCells');
    });
    return new FakeTableCell(this.context, () => binding.get());
  }

  /** Table.insertParagraph (1.3): 'Before' or 'After' the table. */
  insertParagraph(paragraphText: string, insertLocation: string): FakeParagraphProxy {
    const binding = new Binding<FakeParagraph>('table.insertParagraph');
    this.context.enqueue(() => {
      this.context.host.require('1.3', 'Table.insertParagraph');
      const text = checkText(paragraphText, 'Table.insertParagraph');
      const where = checkLocation(insertLocation, ['Before', 'After'], 'Table.insertParagraph');
      const t = this.node();
      const place = placeOfTable(this.context.doc, t);
      const neighbour = place.story.blocks[where === 'After' ? place.index + 1 : place.index - 1];
      const paragraph = newParagraph(this.context.host, neighbour?.kind === 'paragraph' ? neighbour : undefined);
      if (text !== '') paragraph.inlines.push(textRun(text, paragraph.mark));
      place.story.blocks.splice(where === 'After' ? place.index + 1 : place.index, 0, paragraph);
      this.context.host.log('insertParagraph');
      binding.bind(paragraph);
    });
    return new FakeParagraphProxy(this.context, () => binding.get());
  }

  /** Table.getParagraphAfter (1.3): ItemNotFound when the table is last. */
  getParagraphAfter(): FakeParagraphProxy {
    const binding = new Binding<FakeParagraph>('table.getParagraphAfter');
    this.context.enqueue(() => {
      this.context.host.require('1.3', 'Table.getParagraphAfter');
      const place = placeOfTable(this.context.doc, this.node());
      const next = place.story.blocks[place.index + 1];
      binding.bind(next?.kind === 'paragraph' ? next : itemNotFound('no paragraph after the table'));
    });
    return new FakeParagraphProxy(this.context, () => binding.get());
  }

  delete(): void {
    this.context.enqueue(() => {
      this.context.host.require('1.3', 'Table.delete');
      const t = this.node();
      refuseUndeletableBlock(t, 'Table.delete');
      const place = placeOfTable(this.context.doc, t);
      place.story.blocks.splice(place.index, 1);
    });
  }
}

interface RowRef {
  readonly table: FakeTable;
  readonly row: FakeRow;
  readonly index: number;
}

export class FakeTableRowCollection {
  private loadedItems?: FakeTableRow[];
  constructor(
    private readonly context: FakeWordContext,
    private readonly nodes: () => RowRef[],
    private readonly what: string,
  ) {}

  load(properties?: string | string[]): this {
    const names = propertyList(properties)
      .map((p) => p.replace(/^items\//, ''))
      .filter((p) => p !== 'items');
    this.context.enqueue(() => {
      this.context.host.require('1.3', this.what);
      this.loadedItems = this.nodes().map((ref) => {
        const item = new FakeTableRow(this.context, () => ref);
        item.loadNow(names);
        return item;
      });
    });
    return this;
  }

  get items(): FakeTableRow[] {
    return this.loadedItems ?? notLoaded('items');
  }
}

export class FakeTableRow extends FakeClientObject {
  protected readonly properties: PropertySpec = { cellCount: '1.3', rowIndex: '1.3', values: '1.3', isHeader: '1.3' };
  protected readonly kind = 'TableRow';
  readonly cells: FakeTableCellCollection;

  constructor(
    context: FakeWordContext,
    private readonly ref: () => RowRef,
  ) {
    super(context);
    this.cells = new FakeTableCellCollection(context, () =>
      ref().row.cells.map((cell) => ({ table: ref().table, cell })),
    );
  }

  protected read(property: string): unknown {
    const { row, index, table } = this.ref();
    if (property === 'cellCount') return row.cells.length;
    if (property === 'rowIndex') return index;
    if (property === 'isHeader') return index < table.headerRowCount;
    return [row.cells.map((c) => (c.vMerge === 'continue' ? '' : cellText(c)))];
  }

  get cellCount(): number {
    return this.got('cellCount');
  }
  get rowIndex(): number {
    return this.got('rowIndex');
  }
  get values(): string[][] {
    return this.got('values');
  }
  get isHeader(): boolean {
    return this.got('isHeader');
  }
}

interface CellRef {
  readonly table: FakeTable;
  readonly cell: FakeCell;
}

export class FakeTableCellCollection {
  private loadedItems?: FakeTableCell[];
  constructor(
    private readonly context: FakeWordContext,
    private readonly nodes: () => CellRef[],
  ) {}

  load(properties?: string | string[]): this {
    const names = propertyList(properties)
      .map((p) => p.replace(/^items\//, ''))
      .filter((p) => p !== 'items');
    this.context.enqueue(() => {
      this.context.host.require('1.3', 'TableCellCollection');
      this.loadedItems = this.nodes().map((ref) => {
        const item = new FakeTableCell(this.context, () => ref);
        item.loadNow(names);
        return item;
      });
    });
    return this;
  }

  get items(): FakeTableCell[] {
    return this.loadedItems ?? notLoaded('items');
  }
}

export class FakeTableCell extends FakeClientObject {
  protected readonly properties: PropertySpec = {
    value: '1.3',
    rowIndex: '1.3',
    cellIndex: '1.3',
    columnWidth: '1.3',
    horizontalAlignment: '1.3',
    verticalAlignment: '1.3',
    shadingColor: '1.3',
  };
  protected readonly kind = 'TableCell';
  readonly body: FakeBody;

  constructor(
    context: FakeWordContext,
    private readonly ref: () => CellRef,
  ) {
    super(context);
    this.body = new FakeBody(context, () => ref().cell, 'cell.body');
  }

  private where(): { rowIndex: number; cellIndex: number } {
    const { table, cell } = this.ref();
    for (let r = 0; r < table.rows.length; r += 1) {
      const c = table.rows[r].cells.indexOf(cell);
      if (c >= 0) return { rowIndex: r, cellIndex: c };
    }
    return itemNotFound('the cell was merged away or deleted');
  }

  protected read(property: string): unknown {
    const { cell } = this.ref();
    const at = this.where();
    if (property === 'value') return cellText(cell);
    if (property === 'rowIndex' || property === 'cellIndex') return at[property];
    return (cell as unknown as Record<string, unknown>)[property] ?? null;
  }

  private setField(property: keyof FakeCell, value: unknown, check: (v: unknown) => unknown): void {
    this.put(property, () => {
      this.where();
      (this.ref().cell as unknown as Record<string, unknown>)[property] = check(value);
    });
  }

  get value(): string {
    return this.got('value');
  }
  /** Replaces the cell's text (one paragraph, formatted as the cell's first one). */
  set value(text: string) {
    this.put('value', () => {
      const { cell } = this.ref();
      this.where();
      const checked = checkText(text, 'TableCell.value');
      const first = cell.blocks[0] as FakeParagraph;
      for (const b of cell.blocks) refuseUndeletableBlock(b, 'TableCell.value');
      first.inlines = checked === '' ? [] : [textRun(checked, formatAtStart(first))];
      cell.blocks = [first];
    });
  }
  get rowIndex(): number {
    return this.got('rowIndex');
  }
  get cellIndex(): number {
    return this.got('cellIndex');
  }
  get columnWidth(): number {
    return this.got('columnWidth');
  }
  set columnWidth(value: number) {
    this.setField('columnWidth', value, (v) => checkNumber(v, 'columnWidth', 0, 1584));
  }
  get horizontalAlignment(): string {
    return this.got('horizontalAlignment');
  }
  /** Sets the alignment of the cell's paragraphs, as Word does. */
  set horizontalAlignment(value: string) {
    this.put('horizontalAlignment', () => {
      const { cell } = this.ref();
      this.where();
      const a = checkAlignment(value);
      cell.horizontalAlignment = a;
      for (const b of cell.blocks) if (b.kind === 'paragraph') b.alignment = a;
    });
  }
  get verticalAlignment(): string {
    return this.got('verticalAlignment');
  }
  set verticalAlignment(value: string) {
    this.setField('verticalAlignment', value, (v) => {
      if (v !== 'Top' && v !== 'Center' && v !== 'Bottom') invalid(`verticalAlignment ${String(v)}`);
      return v;
    });
  }
  get shadingColor(): string {
    return this.got('shadingColor');
  }
  set shadingColor(value: string) {
    this.setField('shadingColor', value, (v) => {
      if (typeof v !== 'string' || !COLOR.test(v)) invalid(`shadingColor ${String(v)}`);
      return v;
    });
  }
}

// ---- custom XML parts (WordApi 1.4) ---------------------------------------------------------------------

/** The namespace of the root element; throws like Word for XML that is not well-formed. */
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
  try {
    parser.write(xml).close();
  } catch (error) {
    failure ??= error as Error;
  }
  if (failure || root === undefined) invalid(`The XML is not well-formed: ${failure?.message ?? 'no root element'}`);
  return root;
}

export class FakeCustomXmlPartCollection {
  private loadedItems?: FakeCustomXmlPart[];
  constructor(private readonly context: FakeWordContext) {}

  private require(what: string): void {
    this.context.host.require('1.4', what);
  }

  /** Adds a part; its id can be loaded from the returned part after the sync. */
  add(xml: string): FakeCustomXmlPart {
    const binding = new Binding<string>('customXmlParts.add');
    this.context.enqueue(() => {
      this.require('CustomXmlPartCollection.add');
      const namespaceUri = rootNamespace(xml);
      const id = `{${String(this.context.host.nextId()).padStart(8, '0')}-0000-4000-8000-000000000000}`;
      this.context.doc.customXmlParts.push({ id, namespaceUri, xml });
      this.context.host.log('customXmlParts.add');
      binding.bind(id);
    });
    return new FakeCustomXmlPart(this.context, () => binding.get());
  }

  getByNamespace(namespaceUri: string): FakeCustomXmlPartScopedCollection {
    return new FakeCustomXmlPartScopedCollection(this.context, namespaceUri);
  }

  getItem(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => id);
  }

  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.context.enqueue(() => {
      this.require('CustomXmlPartCollection.getCount');
      result.set(this.context.doc.customXmlParts.length);
    });
    return result;
  }

  load(properties?: string | string[]): this {
    const names = propertyList(properties)
      .map((p) => p.replace(/^items\//, ''))
      .filter((p) => p !== 'items');
    this.context.enqueue(() => {
      this.require('document.customXmlParts');
      this.loadedItems = this.context.doc.customXmlParts.map((p) =>
        FakeCustomXmlPart.loadedFrom(this.context, p, names),
      );
    });
    return this;
  }

  get items(): FakeCustomXmlPart[] {
    return this.loadedItems ?? notLoaded('items');
  }
}

export class FakeCustomXmlPartScopedCollection {
  private loadedItems?: FakeCustomXmlPart[];
  constructor(
    private readonly context: FakeWordContext,
    private readonly namespaceUri: string,
  ) {}

  private parts(): FakeXmlPart[] {
    this.context.host.require('1.4', 'CustomXmlPartCollection.getByNamespace');
    return this.context.doc.customXmlParts.filter((p) => p.namespaceUri === this.namespaceUri);
  }

  load(properties?: string | string[]): this {
    const names = propertyList(properties)
      .map((p) => p.replace(/^items\//, ''))
      .filter((p) => p !== 'items');
    this.context.enqueue(() => {
      this.loadedItems = this.parts().map((p) => FakeCustomXmlPart.loadedFrom(this.context, p, names));
    });
    return this;
  }

  get items(): FakeCustomXmlPart[] {
    return this.loadedItems ?? notLoaded('items');
  }

  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.context.enqueue(() => result.set(this.parts().length));
    return result;
  }

  getItem(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => {
      if (!this.parts().some((p) => p.id === id)) itemNotFound(`custom XML part ${id} in ${this.namespaceUri}`);
      return id;
    });
  }

  /** The one part of the namespace; ItemNotFound at the sync when there is none or more than one. */
  getOnlyItem(): FakeCustomXmlPart {
    const binding = new Binding<string>('getOnlyItem');
    this.context.enqueue(() => {
      const parts = this.parts();
      if (parts.length !== 1) itemNotFound(`${parts.length} custom XML parts in ${this.namespaceUri}, not one`);
      binding.bind(parts[0].id);
    });
    return new FakeCustomXmlPart(this.context, () => binding.get());
  }
}

export class FakeCustomXmlPart extends FakeClientObject {
  protected readonly properties: PropertySpec = { id: '1.4', namespaceUri: '1.4' };
  protected readonly kind = 'CustomXmlPart';

  constructor(
    context: FakeWordContext,
    private readonly partId: () => string,
  ) {
    super(context);
  }

  static loadedFrom(context: FakeWordContext, part: FakeXmlPart, names: readonly string[]): FakeCustomXmlPart {
    const proxy = new FakeCustomXmlPart(context, () => part.id);
    proxy.loadNow(names);
    return proxy;
  }

  private index(): number {
    this.context.host.require('1.4', 'CustomXmlPart');
    const id = this.partId();
    const i = this.context.doc.customXmlParts.findIndex((p) => p.id === id);
    return i >= 0 ? i : itemNotFound(`custom XML part ${id}`);
  }

  protected read(property: string): unknown {
    const part = this.context.doc.customXmlParts[this.index()];
    return property === 'id' ? part.id : part.namespaceUri;
  }

  get id(): string {
    return this.got('id');
  }
  get namespaceUri(): string {
    return this.got('namespaceUri');
  }

  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.context.enqueue(() => result.set(this.context.doc.customXmlParts[this.index()].xml));
    return result;
  }

  setXml(xml: string): void {
    this.context.enqueue(() => {
      const i = this.index();
      const namespaceUri = rootNamespace(xml);
      this.context.doc.customXmlParts[i] = { id: this.context.doc.customXmlParts[i].id, namespaceUri, xml };
      this.context.host.log('customXmlPart.setXml');
    });
  }

  delete(): void {
    this.context.enqueue(() => {
      this.context.doc.customXmlParts.splice(this.index(), 1);
      this.context.host.log('customXmlPart.delete');
    });
  }
}

// ---- Office.context.document.settings (the common API) -------------------------------------------------

export interface FakeAsyncResult<T> {
  readonly status: 'succeeded' | 'failed';
  readonly value: T;
  readonly error?: { readonly name: string; readonly message: string; readonly code: number };
  readonly asyncContext?: unknown;
}

/**
 * Office.Settings: `get`/`set`/`remove` work on an in-memory copy loaded when the add-in starts;
 * `saveAsync` writes that copy into the document (as JSON), asynchronously. A value that JSON cannot
 * carry is refused by `set`, as Office does.
 */
export class FakeSettings {
  private bag = new Map<string, unknown>();
  /** Set by a test: the next saves fail (as when the document is read-only or the file is gone). */
  failSaves = false;
  saves = 0;

  constructor(private readonly doc: FakeWordDocument) {
    this.reload();
  }

  /** The add-in opening the document again: the in-memory copy is what the file holds. */
  reload(): void {
    this.bag = new Map([...this.doc.savedSettings].map(([k, v]) => [k, JSON.parse(v) as unknown]));
  }

  get(name: string): unknown {
    return this.bag.has(name) ? this.bag.get(name) : null;
  }

  set(name: string, value: unknown): void {
    if (typeof name !== 'string' || name === '') throw new Error('Settings.set: the name must be a non-empty string');
    if (value === undefined || typeof value === 'function')
      throw new Error('Settings.set: the value must be serializable');
    this.bag.set(name, JSON.parse(JSON.stringify(value)) as unknown);
  }

  remove(name: string): void {
    this.bag.delete(name);
  }

  saveAsync(callback?: (result: FakeAsyncResult<void>) => void): void;
  saveAsync(options: unknown, callback?: (result: FakeAsyncResult<void>) => void): void;
  saveAsync(first?: unknown, second?: unknown): void {
    const callback = (typeof first === 'function' ? first : second) as ((r: FakeAsyncResult<void>) => void) | undefined;
    const failing = this.failSaves;
    setTimeout(() => {
      this.saves += 1;
      if (!failing) {
        this.doc.savedSettings.clear();
        for (const [k, v] of this.bag) this.doc.savedSettings.set(k, JSON.stringify(v));
      }
      callback?.(
        failing
          ? {
              status: 'failed',
              value: undefined,
              error: { name: 'Internal Error', message: 'An internal error has occurred.', code: 5001 },
            }
          : { status: 'succeeded', value: undefined },
      );
    }, 0);
  }

  refreshAsync(callback?: (r: FakeAsyncResult<FakeSettings>) => void): void {
    setTimeout(() => {
      this.reload();
      callback?.({ status: 'succeeded', value: this });
    }, 0);
  }
}

// ---- making a document and running batches ------------------------------------------------------------------

export interface FakeWord {
  readonly host: FakeWordHost;
  readonly doc: FakeWordDocument;
  /** A request context, as `Word.run` gives a batch (each call a new one). */
  context(): FakeWordContext;
  /** The document closed, saved and opened again: the add-in's in-memory settings are reloaded from the file. */
  reopen(): void;
}

/** A document with the given paragraphs (default: one empty paragraph) behind a fake Word host. */
export function createFakeWord(options: FakeWordOptions = {}): FakeWord {
  const doc: FakeWordDocument = {
    body: { blocks: [] },
    properties: { title: options.title ?? '' },
    customXmlParts: [],
    savedSettings: new Map(),
    ops: [],
    ids: { next: 1 },
  };
  const host = new FakeWordHost(doc, options);
  for (const text of options.paragraphs ?? ['']) {
    const paragraph = newParagraph(host);
    if (text !== '') paragraph.inlines.push(textRun(text, {}));
    doc.body.blocks.push(paragraph);
  }
  if (doc.body.blocks.length === 0) doc.body.blocks.push(newParagraph(host));
  return {
    host,
    doc,
    context: () => new FakeWordContext(host),
    reopen: () => host.settings.reload(),
  };
}

/**
 * The same document saved, closed and opened in another Word (another requirement-set level, say Office
 * 2019 after Microsoft 365): the add-in starts again, its settings as the file holds them.
 */
export function reopenIn(
  word: FakeWord,
  options: Pick<FakeWordOptions, 'wordApi' | 'roundTripMs' | 'styleLocale'> = {},
): FakeWord {
  const host = new FakeWordHost(word.doc, options);
  return { host, doc: word.doc, context: () => new FakeWordContext(host), reopen: () => host.settings.reload() };
}

type Batch<T> = (context: FakeWordContext) => Promise<T>;

/** Word.run on the fake host: the batch gets a new request context of the document. */
export function runWord<T>(word: FakeWord, batch: Batch<T>): Promise<T> {
  return batch(word.context());
}

/** `Office.context.requirements.isSetSupported` of the fake host. */
export function supportsFor(word: FakeWord): (set: string, version?: string) => boolean {
  return (set, version) => set === 'WordApi' && word.host.supports(version ?? '1.1');
}

/** What to put on `globalThis` for code that calls `Word.run` and `Office.context` itself. */
export function fakeWordGlobals(word: FakeWord): {
  Word: { run: (batch: Batch<unknown>) => Promise<unknown> };
  Office: {
    context: {
      requirements: { isSetSupported: (set: string, version?: string) => boolean };
      document: { settings: FakeSettings };
    };
  };
} {
  return {
    Word: { run: (batch) => runWord(word, batch) },
    Office: {
      context: { requirements: { isSetSupported: supportsFor(word) }, document: { settings: word.host.settings } },
    },
  };
}

// ---- drivers that act as the user ------------------------------------------------------------------------

/** What Word tells a user instead of doing what they asked (nothing changed). */
export class UserActionRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserActionRefused';
  }
}

/** The `nth` (0-based, document order) control with this tag, or a test failure. */
export function controlTagged(word: FakeWord, tag: string, nth = 0): ControlPlace {
  const found = [...controlsIn(word.doc.body)].filter((p) => p.control.tag === tag);
  if (!found[nth]) throw new Error(`No content control #${nth} tagged ${tag} (there are ${found.length})`);
  return found[nth];
}

/** The paragraph at an index of Body.paragraphs (document order, table cells included), or a test failure. */
export function paragraphAt(word: FakeWord, index: number): FakeParagraph {
  const all = [...paragraphsIn(word.doc.body)];
  if (!all[index]) throw new Error(`No paragraph ${index} (there are ${all.length})`);
  return all[index].paragraph;
}

/**
 * The user selects what a control shows and types over it: the text takes the formatting of the first
 * character replaced (the control's own when it showed its placeholder). Refused on a cannotEdit control.
 */
export function userTypesOver(word: FakeWord, tag: string, text: string, nth = 0): void {
  const { control } = controlTagged(word, tag, nth);
  if (control.cannotEdit)
    throw new UserActionRefused('This modification is not allowed because the selection is locked.');
  control.runs = [textRun(text, control.runs[0]?.format ?? control.format)];
}

export type ProsePosition = 'start' | 'end' | { readonly before: string } | { readonly after: string };

/**
 * The user types prose into a paragraph outside every control: at its start or end, or just before or
 * after the (first) control with a tag. The text takes the formatting of the character before it.
 */
export function userTypesProse(word: FakeWord, paragraph: number, text: string, at: ProsePosition = 'end'): void {
  const p = paragraphAt(word, paragraph);
  if (at === 'start' || at === 'end') {
    insertIntoParagraph(p, text, at === 'start' ? 'Start' : 'End');
    return;
  }
  const tag = 'before' in at ? at.before : at.after;
  const index = p.inlines.findIndex((i) => i.kind === 'control' && i.tag === tag);
  if (index < 0) throw new Error(`Paragraph ${paragraph} has no control tagged ${tag}`);
  const control = p.inlines[index] as FakeControl;
  const format =
    'after' in at
      ? (control.runs[control.runs.length - 1]?.format ?? control.format)
      : p.inlines[index - 1]?.kind === 'text'
        ? (p.inlines[index - 1] as FakeTextRun).format
        : p.mark;
  p.inlines.splice('after' in at ? index + 1 : index, 0, textRun(text, format));
}

/** The user presses Enter at the end of a paragraph (or of the document) and types a new one. */
export function userAddsParagraph(word: FakeWord, text: string, after?: number): void {
  const all = [...paragraphsIn(word.doc.body)];
  const place = after === undefined ? all.filter((p) => p.story === word.doc.body).pop() : all[after];
  if (!place) throw new Error(`No paragraph ${String(after)}`);
  const paragraph = newParagraph(word.host, place.paragraph);
  if (text !== '') paragraph.inlines.push(textRun(text, formatAtEnd(place.paragraph)));
  place.story.blocks.splice(place.index + 1, 0, paragraph);
}

/**
 * The user deletes a control: selects it and presses Delete (text gone), or chooses 删除内容控件 (its text
 * stays as plain text, `keepContent`). Refused on a cannotDelete control.
 */
export function userDeletesControl(
  word: FakeWord,
  tag: string,
  options: { keepContent?: boolean; nth?: number } = {},
): void {
  const place = controlTagged(word, tag, options.nth ?? 0);
  if (place.control.cannotDelete)
    throw new UserActionRefused('This modification is not allowed because the selection is locked.');
  place.paragraph.inlines.splice(place.index, 1, ...(options.keepContent ? place.control.runs : []));
}

/** The user formats what a control shows (the ribbon's font buttons with its text selected). */
export function userFormatsControl(word: FakeWord, tag: string, format: FakeRunFormat, nth = 0): void {
  const { control } = controlTagged(word, tag, nth);
  for (const run of control.runs) Object.assign(run.format, format);
  if (control.runs.length === 0) Object.assign(control.format, format);
}

// ---- what the document shows ------------------------------------------------------------------------------

export interface ControlView {
  /** 'RichText' or 'PlainText'. */
  readonly type: string;
  readonly tag: string;
  readonly title: string;
  readonly text: string;
  readonly appearance: FakeAppearance;
  readonly placeholderText: string;
  readonly showingPlaceholder: boolean;
  readonly cannotEdit: boolean;
  readonly cannotDelete: boolean;
  /** The formatting of the control's first character (its own when it is empty). */
  readonly format: FakeRunFormat;
  readonly inTable: boolean;
}

function viewOf(place: ControlPlace): ControlView {
  const c = place.control;
  return {
    type: c.type,
    tag: c.tag,
    title: c.title,
    text: shownText(c),
    appearance: c.appearance,
    placeholderText: c.placeholderText,
    showingPlaceholder: showsPlaceholder(c),
    cannotEdit: c.cannotEdit,
    cannotDelete: c.cannotDelete,
    format: { ...(c.runs[0]?.format ?? c.format) },
    inTable: place.table !== undefined,
  };
}

/** Every content control in document order (or those with a tag). */
export function controlsOf(word: FakeWord, tag?: string): ControlView[] {
  return [...controlsIn(word.doc.body)].filter((p) => tag === undefined || p.control.tag === tag).map(viewOf);
}

export interface ParagraphView {
  readonly text: string;
  readonly styleBuiltIn: string;
  readonly alignment: string;
  readonly firstLineIndent: number;
  /** The font every character shares (a property is absent where they differ or none set it). */
  readonly font: FakeRunFormat;
  readonly inTable: boolean;
}

/** Every paragraph in document order (table cells included), as the user sees it. */
export function paragraphsOf(word: FakeWord): ParagraphView[] {
  return [...paragraphsIn(word.doc.body)].map(({ paragraph, table }) => {
    const formats = visibleFormats(paragraph);
    const font: FakeRunFormat = {};
    for (const key of ['name', 'size', 'bold', 'italic', 'color'] as const) {
      const value = commonFormat(formats, key);
      if (value !== null) (font as Record<string, unknown>)[key] = value;
    }
    return {
      text: paragraphText(paragraph),
      styleBuiltIn: paragraph.styleBuiltIn,
      alignment: paragraph.alignment,
      firstLineIndent: paragraph.firstLineIndent,
      font,
      inTable: table !== undefined,
    };
  });
}

export interface CellView {
  readonly text: string;
  readonly colSpan: number;
  readonly rowSpan: number;
  /** Tags of the controls in the cell. */
  readonly tags: readonly string[];
  readonly bold: boolean;
  readonly columnWidth?: number;
}

/** A table as the user sees it: the cells of each row, vertically covered ones left out, with their spans. */
export function tableView(table: FakeTable): CellView[][] {
  return table.rows.map((row, r) => {
    const starts = startColumns(row);
    return row.cells.flatMap((cell, i): CellView[] => {
      if (cell.vMerge === 'continue') return [];
      let rowSpan = 1;
      if (cell.vMerge === 'restart') {
        while (r + rowSpan < table.rows.length) {
          const below = cellAtColumn(table.rows[r + rowSpan], starts[i]);
          if (below?.cell.vMerge !== 'continue' || below.start !== starts[i]) break;
          rowSpan += 1;
        }
      }
      const paragraphs = cell.blocks.filter((b): b is FakeParagraph => b.kind === 'paragraph');
      const formats = paragraphs.flatMap(visibleFormats);
      return [
        {
          text: cellText(cell),
          colSpan: cell.gridSpan,
          rowSpan,
          tags: paragraphs.flatMap((p) =>
            p.inlines.filter((x): x is FakeControl => x.kind === 'control').map((x) => x.tag),
          ),
          bold: formats.length > 0 && formats.every((f) => f.bold === true),
          ...(cell.columnWidth !== undefined ? { columnWidth: cell.columnWidth } : {}),
        },
      ];
    });
  });
}

/** Every table of the body, as tableView shows them. */
export function tablesOf(word: FakeWord): CellView[][][] {
  return tablesIn(word.doc.body).map(tableView);
}

/** The document as plain text: one line per paragraph; a table row one line of cells joined by tabs. */
export function documentText(word: FakeWord): string {
  return word.doc.body.blocks
    .map((b) =>
      b.kind === 'paragraph' ? paragraphText(b) : b.rows.map((r) => r.cells.map(cellText).join('\t')).join('\n'),
    )
    .join('\n');
}

// ---- the signature of src/outline/signature.ts, read back from the document --------------------------------

/** The table a Word table shows, from the tags of its figures (`nianbao:s3.…` → s3). */
function tableName(table: FakeTable): string {
  for (const row of table.rows) {
    for (const cell of row.cells) {
      for (const b of cell.blocks) {
        if (b.kind !== 'paragraph') continue;
        for (const i of b.inlines) {
          const m = i.kind === 'control' ? /^nianbao:(s[234])\./.exec(i.tag) : null;
          if (m) return m[1];
        }
      }
    }
  }
  return '?';
}

function signatureRuns(paragraph: FakeParagraph): string {
  return paragraph.inlines.map((i) => (i.kind === 'text' ? i.text : `[${i.tag}=${shownText(i)}]`)).join('');
}

/**
 * The document read back as outlineSignature's lines (src/outline/signature.ts): `TITLE` from the title
 * property; Heading 1/2 paragraphs as H1/H2; other paragraphs as P with the style their alignment shows
 * (centred: title, right: closing, else body), each control as `[tag=text]`; tables cell by cell with their
 * grid column and spans, the table named by its figures' tags. Empty paragraphs (the one Word keeps after
 * a table at the end, blank lines a user adds) give no line.
 */
export function signatureOf(word: FakeWord): string[] {
  const lines = [`TITLE ${word.doc.properties.title}`];
  for (const block of word.doc.body.blocks) {
    if (block.kind === 'paragraph') {
      if (block.inlines.length === 0) continue;
      const text = paragraphText(block);
      if (block.styleBuiltIn === 'Heading1') lines.push(`H1 ${text}`);
      else if (block.styleBuiltIn === 'Heading2') lines.push(`H2 ${text}`);
      else {
        const style = block.alignment === 'Centered' ? 'title' : block.alignment === 'Right' ? 'closing' : 'body';
        lines.push(`P ${style} ${signatureRuns(block)}`);
      }
      continue;
    }
    const name = tableName(block);
    const columns = Math.max(...block.rows.map((r) => r.cells.reduce((n, c) => n + c.gridSpan, 0)));
    lines.push(`T ${name} grid ${columns}`);
    const view = tableView(block);
    block.rows.forEach((row, r) => {
      const starts = startColumns(row);
      let v = 0;
      row.cells.forEach((cell, i) => {
        if (cell.vMerge === 'continue') return;
        const seen = view[r][v];
        v += 1;
        const paragraphs = cell.blocks.filter((b): b is FakeParagraph => b.kind === 'paragraph');
        const control = paragraphs.flatMap((p) => p.inlines).find((x): x is FakeControl => x.kind === 'control');
        const content = control
          ? `[${control.tag}=${shownText(control)}]`
          : `"${paragraphs.map(paragraphText).join('')}"`;
        lines.push(`T ${name} r${r}c${starts[i]} span${seen.colSpan}x${seen.rowSpan} ${content}`);
      });
    });
  }
  return lines;
}
