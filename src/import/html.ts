// A saved web page of a published report (.html, .htm; issue 9) → a SourceDocument: the prose as text
// blocks, a line per paragraph, heading, list item or <br>-separated line, and each <table> as a table
// block with its cells' colspan/rowspan, in document order; importSource reads it from there.
//
// The bytes are decoded as the page says (a BOM, or <meta charset> / <meta http-equiv> in its first
// 4 KB: gb2312, gbk and gb18030 all decode as GB18030), else by decodeText's detection. The markup is
// read by htmlparser2's Tokenizer (tags, attributes, entities, comments, raw-text <script>/<style>,
// RCDATA <title>), streaming, with no DOM: the tree is built here, with only what the report needs,
// because the tables must be scoped as a browser scopes them — a stray </div> inside a cell must not
// close the table, a <td> after an unclosed <span> is the next cell — which htmlparser2's Parser,
// whose end tags close anything open, does not do.
//
// Government pages wrap whole articles in layout tables: a table is taken for layout, and unwrapped
// (its cells' text as text blocks, the tables inside as tables), when a cell holds a table, when it has
// a single column, or when a cell holds prose (many lines, sentences or a long text) among few figures.
// Pages nested deeper or with more elements than a report page ever has are refused (HTML_TOO_COMPLEX),
// and so is a page whose bytes are no text (TEXT_ENCODING), as report-file refuses a .txt.
import { Tokenizer } from 'htmlparser2';
import { ReportInputError } from '../report';
import {
  decodeStrict,
  decodeText,
  gb18030Available,
  type TextEncodingName,
  type TextProblem,
} from '../report/decode-text';
import type { SourceCell, SourceDocument } from './types';

/** A report page is nested a few dozen levels deep and has a few thousand elements. */
export const HTML_LIMITS = { depth: 256, elements: 200_000 } as const;

// ---- Decoding ------------------------------------------------------------------------------------

export type DecodedHtml =
  | {
      readonly ok: true;
      readonly text: string;
      readonly encoding: TextEncodingName;
      /** The charset the page declares (lower case), when it declares one. */
      readonly declared?: string;
    }
  | { readonly ok: false; readonly problem: TextProblem };

/** Where a page declares its charset: the first bytes (the HTML standard's prescan reads 1024; pages with long heads need more). */
const SNIFF_BYTES = 4096;

/** The labels of GBK and its supersets (the Encoding Standard's labels of gbk and gb18030). */
const GB_LABELS: ReadonlySet<string> = new Set([
  'gb2312',
  'gb_2312',
  'gb_2312-80',
  'gbk',
  'x-gbk',
  'gb18030',
  'cp936',
  'ms936',
  'windows-936',
  'csgb2312',
  'chinese',
  'csiso58gb231280',
  'iso-ir-58',
  'euc-cn',
  'x-euc-cn',
]);

/** The charset a page declares in its first bytes: an XML declaration's encoding, or a <meta>'s charset. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, SNIFF_BYTES);
  let ascii = '';
  for (let i = 0; i < head.length; i++) ascii += String.fromCharCode(head[i] < 0x80 ? head[i] : 0x3f);
  const xml = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']?\s*([\w.:-]+)/i.exec(ascii);
  if (xml) return xml[1].toLowerCase();
  const metas = /<meta\b[^>]*>/gi;
  for (let m = metas.exec(ascii); m; m = metas.exec(ascii)) {
    const charset = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(m[0]);
    if (charset) return charset[1].toLowerCase();
  }
  return undefined;
}

const hasBom = (b: Uint8Array): boolean =>
  (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) ||
  (b[0] === 0xff && b[1] === 0xfe) ||
  (b[0] === 0xfe && b[1] === 0xff);

/**
 * A page's bytes → its text. A BOM decides; else bytes that are valid UTF-8 are UTF-8 whatever the
 * page declares (CMSs convert pages and keep a stale <meta charset=gb2312>; GBK text is almost never
 * valid UTF-8); else a declared GB charset is GB18030, trusted without decodeText's guess at other
 * legacy encodings; else decodeText's detection, whose problems are this one's.
 */
export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  const declared = hasBom(bytes) ? undefined : declaredCharset(bytes);
  const withDeclared = declared ? { declared } : {};
  if (declared && GB_LABELS.has(declared) && !bytes.includes(0) && decodeStrict('utf-8', bytes) === undefined) {
    if (!gb18030Available()) return { ok: false, problem: 'gb18030Unsupported' };
    const text = decodeStrict('gb18030', bytes);
    if (text !== undefined) return { ok: true, text, encoding: 'gb18030', ...withDeclared };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, problem: decoded.problem };
  return { ok: true, text: decoded.text, encoding: decoded.encoding, ...withDeclared };
}

// ---- Text ------------------------------------------------------------------------------------------

type Block = SourceDocument['blocks'][number];

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** A line of ordinary text: whitespace (and &nbsp;) collapsed, trimmed (ideographic spaces too). */
const tidy = (raw: string): string =>
  raw
    .replace(INVISIBLE, '')
    .replace(/[\t\n\f\r \u00a0]+/g, ' ')
    .replace(/^[ \u3000]+|[ \u3000]+$/g, '');

/** A line of a <pre>: its spaces and tabs kept (a table typed with tabs stays one), the end trimmed. */
const tidyPre = (raw: string): string => {
  const line = raw.replace(INVISIBLE, '').replace(/\u00a0/g, ' ');
  return /^[\s]*$/.test(line) ? '' : line.replace(/[ \r]+$/, '');
};

/** A run of content — the page's body, or one table cell: its lines and its tables, in order. */
class Flow {
  readonly blocks: Block[] = [];
  /** Holds a table (its own, or one of a layout table unwrapped into it). */
  hasTable = false;
  private parts: string[] = [];
  private pre = false;

  text(data: string): void {
    this.parts.push(data);
  }

  /** Text of a <pre>: its line breaks end lines. */
  preText(data: string): void {
    data.split(/\r\n|\r|\n/).forEach((piece, i) => {
      if (i > 0) this.endLine();
      if (piece === '') return;
      this.parts.push(piece);
      this.pre = true;
    });
  }

  endLine(): void {
    if (this.parts.length === 0) return;
    const raw = this.parts.join('');
    this.parts = [];
    const line = this.pre ? tidyPre(raw) : tidy(raw);
    this.pre = false;
    if (line !== '') this.blocks.push({ kind: 'text', text: line });
  }

  add(block: Block): void {
    this.endLine();
    this.blocks.push(block);
    if (block.kind === 'table') this.hasTable = true;
  }

  finish(): Block[] {
    this.endLine();
    return this.blocks;
  }
}

// ---- Tables ----------------------------------------------------------------------------------------

interface Cell {
  readonly flow: Flow;
  readonly colSpan: number;
  readonly rowSpan: number;
}

/** The HTML standard's largest spans. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

/** A colspan/rowspan read leniently, as browsers do: "2", " 2 ", "+2", "2px" are 2; anything else, and 0, is 1. */
function spanOf(value: string | undefined, max = MAX_ROWSPAN): number {
  const m = /^[\t\n\f\r ]*\+?(\d+)/.exec(value ?? '');
  const n = m ? Number(m[1]) : Number.NaN;
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

/**
 * A cell of prose: more lines or more text than a cell of the report's tables holds, or several
 * sentences (a table's note has one or two). Lines of a character or three (a label written downwards
 * in a narrow column, 三<br>、<br>本<br>年…) are not counted.
 */
const PROSE_LINES = 8;
const PROSE_CHARS = 1500;
const PROSE_SENTENCES = 3;
/** A table of this many figures is data, whatever one of its cells holds (a note of many sentences). */
const DATA_FIGURES = 12;
const FIGURE = /^[-+]?[0-9０-９][0-9０-９,，.．]*$/;

class Table {
  private readonly rows: Cell[][] = [];
  row: Cell[] | undefined;
  cell: Cell | undefined;
  /** The row being written when the page was cut off. */
  private cut: Cell[] | undefined;

  /** `parent`: where the table stands, and where text between its cells goes (before it, as browsers put it). */
  constructor(readonly parent: Flow) {}

  /** Where content goes now: the open cell, or the flow the table stands in. */
  get flow(): Flow {
    return this.cell?.flow ?? this.parent;
  }

  startRow(): Cell[] {
    this.endRow();
    const row: Cell[] = [];
    this.rows.push(row);
    this.row = row;
    return row;
  }

  endRow(): void {
    this.endCell();
    this.row = undefined;
  }

  /** A cell; a <td> with no <tr> before it opens a row of its own. */
  startCell(colSpan: number, rowSpan: number): Cell {
    this.endCell();
    const row = this.row ?? this.startRow();
    const cell: Cell = { flow: new Flow(), colSpan, rowSpan };
    row.push(cell);
    this.cell = cell;
    return cell;
  }

  endCell(): void {
    this.cell?.flow.endLine();
    this.cell = undefined;
  }

  /**
   * The page ends (cut off) inside this table: the row being written may be cut short — a figure cut
   * (45 → 4), the cells after it missing, which would read as blank — and is not read, unless the table
   * is a layout table (the row holds the page).
   */
  cutOff(): void {
    this.cut = this.row;
  }

  /** The table closed: a table block in the parent flow, or, for a layout table, its cells' content. */
  close(): void {
    this.endRow();
    const rows = this.rows.filter((row) => row.length > 0);
    if (isLayout(rows)) {
      for (const cell of rows.flat()) for (const block of cell.flow.finish()) this.parent.add(block);
      return;
    }
    const sourceRows = rows
      .filter((row) => row !== this.cut)
      .map((row) =>
        row.map((cell): SourceCell => ({
          text: textOf(cell.flow.finish()),
          ...(cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
          ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
        })),
      );
    if (sourceRows.some((row) => row.some((cell) => cell.text !== '')))
      this.parent.add({ kind: 'table', table: { rows: sourceRows } });
  }
}

/** A table for layout: a cell holds a table; it has a single column; or a cell holds prose, among few figures. */
function isLayout(rows: readonly (readonly Cell[])[]): boolean {
  if (rows.every((row) => row.length <= 1)) return true;
  const cells = rows.flat();
  if (cells.some((cell) => cell.flow.hasTable)) return true;
  const texts = cells.map((cell) => cell.flow.finish());
  if (!texts.some(isProse)) return false;
  return texts.filter((blocks) => FIGURE.test(textOf(blocks))).length < DATA_FIGURES;
}

function isProse(blocks: readonly Block[]): boolean {
  const lines = blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
  if (lines.filter((line) => line.length > 3).length >= PROSE_LINES) return true;
  if (lines.filter((line) => /[。！？]/.test(line)).length >= PROSE_SENTENCES) return true;
  return lines.reduce((n, line) => n + line.length, 0) >= PROSE_CHARS;
}

/** A data cell's text: its lines (its <p>s and <br>s) as one line. */
const textOf = (blocks: readonly Block[]): string =>
  blocks
    .map((b) => (b.kind === 'text' ? b.text : ''))
    .filter((t) => t !== '')
    .join(' ');

// ---- The tree --------------------------------------------------------------------------------------

const VOID = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Elements whose content is no part of what the page shows as its text. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'select',
  'datalist',
  'svg',
  'math',
  'iframe',
  'object',
  'applet',
  'canvas',
  'audio',
  'video',
  'noembed',
  'noframes',
]);

/** Elements that stand on lines of their own. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'frameset',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'section',
  'summary',
  'ul',
]);

/** The parts of a table, which only the table's own structure scopes. */
const TABLE_PARTS = new Set(['tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'caption', 'colgroup']);

type EntryKind = 'table' | 'section' | 'row' | 'cell' | 'caption' | 'skip' | 'title' | 'pre' | 'block' | 'inline';

/** An open element: its name, and what it is to the report. */
interface Entry {
  readonly name: string;
  readonly kind: EntryKind;
  readonly table?: Table;
  readonly row?: Cell[];
  readonly cell?: Cell;
}

class Builder {
  private readonly stack: Entry[] = [];
  /** The open tables, innermost last (each is also an entry of the stack). */
  private readonly tables: Table[] = [];
  private readonly root = new Flow();
  private skipping = 0;
  private pre = 0;
  private titleParts: string[] | undefined;
  private title: string | undefined;
  elements = 0;
  /** More elements than the limit: only counted from then on. */
  over = false;
  /** The page's end (</body> or </html>) was seen: it is not cut off. */
  private ended = false;

  constructor(private readonly file: string) {}

  private flow(): Flow {
    const table = this.tables[this.tables.length - 1];
    return table ? table.flow : this.root;
  }

  private innermostTable(): Table | undefined {
    return this.tables[this.tables.length - 1];
  }

  text(data: string): void {
    if (this.over || this.skipping > 0) return;
    if (this.titleParts) {
      this.titleParts.push(data);
      return;
    }
    const table = this.innermostTable();
    // Whitespace between a table's rows and cells is no text of the page.
    if (table && !table.cell && !/[^\t\n\f\r \u00a0]/.test(data)) return;
    const flow = table ? table.flow : this.root;
    if (this.pre > 0) flow.preText(data);
    else flow.text(data);
  }

  open(name: string, colspan: string | undefined, rowspan: string | undefined, selfClosing: boolean): void {
    this.elements++;
    if (this.elements > HTML_LIMITS.elements) this.over = true;
    if (this.over) return;
    if (VOID.has(name)) {
      if (this.skipping === 0 && (name === 'br' || name === 'hr')) this.flow().endLine();
      return;
    }
    if (this.skipping > 0) return this.push({ name, kind: 'inline' }, selfClosing);
    // The document's own wrappers: what they hold is the page (their end tags are ignored).
    if (name === 'html' || name === 'head' || name === 'body') return;
    if (SKIPPED.has(name)) {
      this.skipping++;
      return this.push({ name, kind: 'skip' }, selfClosing);
    }
    if (name === 'title') {
      if (this.title !== undefined || this.titleParts) {
        this.skipping++;
        return this.push({ name, kind: 'skip' }, selfClosing);
      }
      this.titleParts = [];
      return this.push({ name, kind: 'title' }, selfClosing);
    }
    const table = this.innermostTable();
    if (TABLE_PARTS.has(name)) {
      if (table) return this.openTablePart(table, name, colspan, rowspan, selfClosing);
      // A <td> or <tr> outside any table is ignored, as browsers ignore it; it still ends a line.
      return this.flow().endLine();
    }
    if (name === 'table') {
      this.closeP();
      const flow = this.flow();
      flow.endLine();
      const opened = new Table(flow);
      this.tables.push(opened);
      return this.push({ name, kind: 'table', table: opened }, selfClosing);
    }
    if (BLOCKS.has(name) || name === 'pre' || name === 'listing' || name === 'xmp') {
      this.closeP();
      if (name === 'li') this.closeOpen(['li'], ['ul', 'ol', 'menu', 'dir']);
      if (name === 'dt' || name === 'dd') this.closeOpen(['dt', 'dd'], ['dl']);
      this.flow().endLine();
      if (name === 'pre' || name === 'listing' || name === 'xmp') {
        this.pre++;
        return this.push({ name, kind: 'pre' }, selfClosing);
      }
      return this.push({ name, kind: 'block' }, selfClosing);
    }
    // An <a> inside an open <a> closes it (browsers never nest links; unclosed anchors would nest deep).
    if (name === 'a') this.closeOpen(['a'], []);
    this.push({ name, kind: 'inline' }, selfClosing);
  }

  private openTablePart(
    table: Table,
    name: string,
    colspan: string | undefined,
    rowspan: string | undefined,
    selfClosing: boolean,
  ): void {
    const own = (kinds: readonly EntryKind[]) => (e: Entry) => e.table === table && kinds.includes(e.kind);
    if (name === 'tr') {
      this.popUntil(own(['table', 'section']));
      const row = table.startRow();
      return this.push({ name, kind: 'row', table, row }, selfClosing);
    }
    if (name === 'td' || name === 'th') {
      this.popUntil(own(['table', 'section', 'row']));
      const cell = table.startCell(spanOf(colspan, MAX_COLSPAN), spanOf(rowspan, MAX_ROWSPAN));
      return this.push({ name, kind: 'cell', table, cell }, selfClosing);
    }
    this.popUntil(own(['table']));
    table.endRow();
    if (name === 'caption') {
      table.parent.endLine();
      return this.push({ name, kind: 'caption', table }, selfClosing);
    }
    // <thead>/<tbody>/<tfoot> are wrappers of rows; <colgroup> holds only <col>s.
    this.push({ name, kind: name === 'colgroup' ? 'inline' : 'section', table }, selfClosing);
  }

  close(name: string): void {
    if (this.over) return;
    if (name === 'body' || name === 'html') this.ended = true;
    if (name === 'br') {
      // </br> is read as <br>, as browsers read it.
      if (this.skipping === 0) this.flow().endLine();
      return;
    }
    const at = this.findOpen(name);
    if (at >= 0) this.popTo(at);
    else if (name === 'p' && this.skipping === 0) this.flow().endLine();
  }

  /** The open element an end tag closes: within its cell, its table or its skipped element; -1 for a stray end tag. */
  private findOpen(name: string): number {
    const part = TABLE_PARTS.has(name);
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const e = this.stack[i];
      if (e.name === name) return i;
      if (e.kind === 'skip' || e.kind === 'title') return -1;
      if (e.kind === 'table' && name !== 'table') return -1;
      if ((e.kind === 'cell' || e.kind === 'caption') && !part && name !== 'table') return -1;
    }
    return -1;
  }

  /** A <p> left open is closed by the block that follows (unclosed <p>s never nest). */
  private closeP(): void {
    this.closeOpen(['p'], ['button', 'object', 'marquee', 'applet']);
  }

  /** Closes the nearest open element named `names`, unless a table, a cell or one of `scope` is nearer. */
  private closeOpen(names: readonly string[], scope: readonly string[]): void {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const e = this.stack[i];
      if (names.includes(e.name) && (e.kind === 'block' || e.kind === 'inline')) return this.popTo(i);
      if (e.kind !== 'block' && e.kind !== 'inline' && e.kind !== 'pre') return;
      if (scope.includes(e.name)) return;
    }
  }

  private push(entry: Entry, selfClosing: boolean): void {
    this.stack.push(entry);
    if (this.stack.length > HTML_LIMITS.depth)
      throw new ReportInputError('HTML_TOO_COMPLEX', {
        file: this.file,
        what: 'depth',
        count: this.stack.length,
        limit: HTML_LIMITS.depth,
      });
    // <div/> in a page written as XHTML: closed at once, as its author meant.
    if (selfClosing) this.popTo(this.stack.length - 1);
  }

  private popUntil(stop: (e: Entry) => boolean): void {
    let i = this.stack.length - 1;
    while (i >= 0 && !stop(this.stack[i])) i--;
    this.popTo(i + 1);
  }

  private popTo(index: number): void {
    while (this.stack.length > index) {
      const entry = this.stack.pop();
      if (entry) this.closed(entry);
    }
  }

  private closed(e: Entry): void {
    switch (e.kind) {
      case 'table':
        this.tables.pop();
        e.table?.close();
        return;
      case 'section':
        e.table?.endRow();
        return;
      case 'row':
        if (e.table && e.table.row === e.row) e.table.endRow();
        return;
      case 'cell':
        if (e.table && e.table.cell === e.cell) e.table.endCell();
        return;
      case 'caption':
        e.table?.parent.endLine();
        return;
      case 'skip':
        this.skipping--;
        return;
      case 'title':
        this.title = tidy((this.titleParts ?? []).join(''));
        this.titleParts = undefined;
        return;
      case 'pre':
        this.pre--;
        this.flow().endLine();
        return;
      case 'block':
        this.flow().endLine();
        return;
      case 'inline':
        return;
    }
  }

  /** The page was cut off inside a table (set by finish). */
  cutInTable = false;

  /** The page ended (perhaps cut off): every element still open is closed, the blocks in order. */
  finish(): Block[] {
    // No </body> or </html>: the page may be cut off, in the row of the table being written.
    if (!this.ended) for (const table of this.tables) table.cutOff();
    this.cutInTable = !this.ended && this.tables.length > 0;
    this.popTo(0);
    const blocks = this.root.finish();
    return this.title ? [{ kind: 'text', text: this.title }, ...blocks] : blocks;
  }
}

const fromCodePoint = (cp: number): string =>
  Number.isInteger(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';

/** The blocks of a page's text, and whether it was cut off inside a table. Throws ReportInputError HTML_TOO_COMPLEX. */
function blocksOf(text: string, file: string): { blocks: Block[]; truncated: boolean } {
  const builder = new Builder(file);
  let tag = '';
  let attribute = '';
  let value = '';
  let colspan: string | undefined;
  let rowspan: string | undefined;
  const slice = (start: number, end: number): string => text.slice(start, end);
  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: true },
    {
      onopentagname(start, end) {
        tag = slice(start, end).toLowerCase();
        colspan = undefined;
        rowspan = undefined;
      },
      onattribname(start, end) {
        attribute = slice(start, end).toLowerCase();
        value = '';
      },
      onattribdata(start, end) {
        value += slice(start, end);
      },
      onattribentity(cp) {
        value += fromCodePoint(cp);
      },
      onattribend() {
        // Only the spans are kept (the first of each, as browsers keep the first of a repeated attribute).
        if (attribute === 'colspan' && colspan === undefined) colspan = value;
        else if (attribute === 'rowspan' && rowspan === undefined) rowspan = value;
        attribute = '';
        value = '';
      },
      onopentagend() {
        builder.open(tag, colspan, rowspan, false);
      },
      onselfclosingtag() {
        builder.open(tag, colspan, rowspan, true);
      },
      onclosetag(start, end) {
        builder.close(slice(start, end).toLowerCase());
      },
      ontext(start, end) {
        builder.text(slice(start, end));
      },
      ontextentity(cp) {
        builder.text(fromCodePoint(cp));
      },
      oncomment() {},
      oncdata() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(text);
  tokenizer.end();
  if (builder.over)
    throw new ReportInputError('HTML_TOO_COMPLEX', {
      file,
      what: 'elements',
      count: builder.elements,
      limit: HTML_LIMITS.elements,
    });
  const blocks = builder.finish();
  return { blocks, truncated: builder.cutInTable };
}

/**
 * A saved web page → its SourceDocument: the <title> first, then the page's lines and tables in order.
 * Throws ReportInputError: TEXT_ENCODING (bytes that are no text), HTML_TOO_COMPLEX.
 */
export function htmlSource(bytes: Uint8Array, file: string): SourceDocument {
  const decoded = decodeHtml(bytes);
  if (!decoded.ok) throw new ReportInputError('TEXT_ENCODING', { file, problem: decoded.problem });
  const { blocks, truncated } = blocksOf(decoded.text, file);
  return { file, blocks, ...(truncated ? { truncated: true } : {}) };
}
