// The main part of a Word document (word/document.xml, WordprocessingML: ECMA-376 Part 1 §17) read
// with a strict XML scanner (src/report/xml-scan.ts) into the importer's SourceDocument blocks: each paragraph (w:p) a text block, each table
// (w:tbl) a table block with its merges, in document order; and the text of the content controls
// tagged `nianbao:<cell key>` (§17.5.2), which the importer takes exactly: of each tag the first control
// in a table cell, else the first in a sentence. A control's content is read as ordinary content too.
//
// What is read of a paragraph: its w:t runs, w:tab and w:ptab as a space (a tab would split a heading
// such as `一、<tab>总体情况` into two fields of a grid line), w:br and w:cr as a line break, a
// non-breaking hyphen as `-`. Left out: deleted and moved-away text (w:del, w:moveFrom; inserted text
// w:ins is kept), field codes (w:instrText; a field's result is kept), the former properties of a
// tracked change (w:*PrChange, which hold old merges), mc:Fallback (the second copy of what mc:Choice
// holds), and the placeholder text of a content control showing it (w:showingPlcHdr: the control is
// empty, and a figure control so is read as a blank). Text boxes' paragraphs are paragraphs of their own.
//
// Tables: w:gridSpan → colSpan; w:vMerge="restart" starts a vertical merge and a w:vMerge without
// val (or "continue") continues the one above in its grid column: the starting cell gets the rowSpan and
// the continuing cells are left out of their rows, as SourceTable has covered cells. w:gridBefore is an
// empty cell as wide, so that the columns stay in place; w:hMerge (the legacy horizontal merge) widens
// the cell it continues; a row deleted as a tracked change is left out. A table holding a table in one
// of its cells is a layout table (a frame around the report): it is unwrapped, its cells' paragraphs and
// tables read as blocks in order, as the HTML reader does with layout tables.
//
// Header, footer, footnotes and comments are parts of their own, not read.
import { scanXml, type XmlTag } from '../report/xml-scan';
import type { SourceCell, SourceDocument } from '../import/types';

const W_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  // ISO/IEC 29500 Strict.
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
const MC_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/**
 * Elements nested deeper than this are no Word document: Word writes some tens (a text box in a
 * nested table's cell is about 30 deep).
 */
export const MAX_DEPTH = 128;
/** The text kept of one tagged control: a figure is a few characters. */
const MAX_TAGGED_TEXT = 1000;
/** Tagged controls inside one another whose text is collected at once (nested figures are no figures). */
const MAX_OPEN_TAGGED = 8;

/** The main part's root is not w:document (an .xlsx or .pptx renamed, a package of another kind). */
export class NotWordDocument extends Error {
  constructor(readonly root: string) {
    super(`the main part is not a WordprocessingML document: <${root}>`);
    this.name = 'NotWordDocument';
  }
}

/** An element or attribute prefix no xmlns declaration binds: not namespace-well-formed XML. */
export class UnboundPrefix extends Error {
  constructor(readonly prefix: string) {
    super(`unbound namespace prefix: ${prefix}`);
    this.name = 'UnboundPrefix';
  }
}

/** Elements nested beyond MAX_DEPTH. */
export class DocumentTooDeep extends Error {
  constructor() {
    super(`elements nested deeper than ${MAX_DEPTH}`);
    this.name = 'DocumentTooDeep';
  }
}

type Block = SourceDocument['blocks'][number];

export interface DocumentContent {
  readonly blocks: Block[];
  /**
   * `nianbao:<cell key>` → the control's text: of the first control of each tag in a table cell, else
   * of the first in a sentence (a figure the agency edited in its table is the table's, though an
   * earlier sentence still says the old one).
   */
  readonly tagged: Map<string, string>;
}

interface Paragraph {
  readonly kind: 'p';
  text: string;
}
interface Cell {
  readonly kind: 'tc';
  readonly blocks: Block[];
  colSpan: number;
  vMerge?: 'restart' | 'continue';
  hMergeContinue: boolean;
}
interface Row {
  readonly kind: 'tr';
  readonly cells: Cell[];
  gridBefore: number;
  deleted: boolean;
}
interface TableFrame {
  readonly kind: 'tbl';
  readonly rows: Row[];
}
type Frame = Paragraph | Cell | Row | TableFrame;

interface ContentControl {
  tag?: string;
  /** It stands in a table cell: the table's figure, over the same figure in a sentence. */
  readonly inTable: boolean;
  placeholder: boolean;
  /** Its text is collected for `tagged`. */
  collecting: boolean;
  text: string;
  /** A paragraph ended inside it since its last text: the next text starts a new line. */
  newLine: boolean;
}

/** Namespace prefixes in scope ('' the default namespace) → their URI. */
type Scope = ReadonlyMap<string, string>;
const ROOT_SCOPE: Scope = new Map([['xml', XML_NAMESPACE]]);

interface Open {
  /** The local name when in the WordprocessingML namespace, '' otherwise. */
  readonly w: string;
  readonly scope: Scope;
  readonly frame: Frame | undefined;
  readonly control: ContentControl | undefined;
  /** Its content is not read (deleted text, an old property set, a fallback). */
  readonly skips: boolean;
  /** Its text is not read (the placeholder text of a control showing it). */
  readonly quiet: boolean;
  /**
   * The innermost open frames, its own included: found without walking the stack. (Every field is
   * always set, so that every Open has one shape: the parser opens one per element.)
   */
  readonly p: Paragraph | undefined;
  readonly tc: Cell | undefined;
  readonly tr: Row | undefined;
  readonly inner: Frame | undefined;
}

/** Subtrees left out entirely. */
const SKIPPED = new Set([
  'del',
  'moveFrom',
  'pPrChange',
  'rPrChange',
  'sectPrChange',
  'tblPrChange',
  'tblPrExChange',
  'tblGridChange',
  'tcPrChange',
  'trPrChange',
  'numberingChange',
]);

/** A w:gridSpan or w:gridBefore value as a span: a whole number from 1, at most 1000. */
function spanOf(value: string | undefined, min: number): number {
  const n = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) ? Math.min(1000, Math.max(min, n)) : min;
}

/** The paragraphs of a cell as its text, one line each. */
const cellText = (cell: Cell): string =>
  cell.blocks
    .filter((b): b is Extract<Block, { kind: 'text' }> => b.kind === 'text')
    .map((b) => b.text)
    .join('\n');

interface MergedCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

/** A Word table's rows as SourceTable rows: vertical merges as rowSpans, their continuations left out. */
export function tableRows(rows: readonly Row[]): SourceCell[][] {
  const out: MergedCell[][] = [];
  // The cell a vertical merge started in, by the grid column it starts at, as of the row above.
  let above = new Map<number, MergedCell>();
  for (const row of rows) {
    if (row.deleted) continue;
    const cells: MergedCell[] = [];
    const here = new Map<number, MergedCell>();
    let col = 0;
    if (row.gridBefore > 0) {
      cells.push({ text: '', colSpan: row.gridBefore, rowSpan: 1 });
      col = row.gridBefore;
    }
    for (const cell of row.cells) {
      const text = cellText(cell);
      const last = cells[cells.length - 1];
      if (cell.hMergeContinue && last) {
        last.colSpan += cell.colSpan;
        if (text.trim() !== '') last.text = last.text === '' ? text : `${last.text}\n${text}`;
        col += cell.colSpan;
        continue;
      }
      const origin = cell.vMerge === 'continue' ? above.get(col) : undefined;
      if (origin) {
        origin.rowSpan++;
        // Word keeps a merge's text in its first cell; what a continuing cell still holds is not lost.
        if (text.trim() !== '') origin.text = origin.text === '' ? text : `${origin.text}\n${text}`;
        here.set(col, origin);
      } else {
        const merged: MergedCell = { text, colSpan: cell.colSpan, rowSpan: 1 };
        cells.push(merged);
        // A continuation with nothing to continue starts a merge of its own, as Word shows it.
        if (cell.vMerge) here.set(col, merged);
      }
      col += cell.colSpan;
    }
    above = here;
    out.push(cells);
  }
  return out.map((row) =>
    row.map((c) => ({
      text: c.text,
      ...(c.colSpan > 1 ? { colSpan: c.colSpan } : {}),
      ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
    })),
  );
}

/** `nianbao:<cell key>`: a figure's tag (not a sentence's sum, not a prompt). */
export const isFigureTag = (tag: string): boolean =>
  /^nianbao:./.test(tag) && !tag.startsWith('nianbao:sum:') && !tag.startsWith('nianbao:prompt:');

/**
 * Reads a WordprocessingML main part. Throws NotWordDocument when its root is not w:document; on
 * malformed XML the parser's Error, UnboundPrefix or DocumentTooDeep.
 */
export function readDocumentXml(xml: string): DocumentContent {
  const body: Block[] = [];
  const tagged = new Map<string, string>();
  /** The tags of `tagged` read from a table cell. */
  const fromTable = new Set<string>();
  /** Whether a control of this tag is still to be read: none yet, or only one in a sentence and this one in a table. */
  const wanted = (tag: string, inTable: boolean): boolean =>
    isFigureTag(tag) && (!tagged.has(tag) || (inTable && !fromTable.has(tag)));
  const stack: Open[] = [];
  /** The open content controls whose text is collected, innermost last. */
  const collecting: ContentControl[] = [];
  let sawRoot = false;

  const top = (): Open | undefined => stack[stack.length - 1];
  const parentW = (): string => top()?.w ?? '';
  const skipping = (): boolean => top()?.skips ?? false;
  const quiet = (): boolean => top()?.quiet ?? false;
  /** The innermost open paragraph, cell or row. */
  const nearest = <K extends 'p' | 'tc' | 'tr'>(kind: K): Open[K] => top()?.[kind];
  /** The innermost open frame of any kind (a content control may stand between a row and its cells). */
  const innermost = (): Frame | undefined => top()?.inner;
  /** Where a finished paragraph or table goes: its cell, or the body. */
  const deliver = (block: Block): void => void (nearest('tc')?.blocks ?? body).push(block);

  function addText(text: string): void {
    if (skipping() || quiet()) return;
    const paragraph = nearest('p');
    if (!paragraph) return;
    paragraph.text += text;
    for (const control of collecting) {
      if (control.text.length >= MAX_TAGGED_TEXT) continue;
      if (control.newLine && control.text !== '') control.text += '\n';
      control.newLine = false;
      control.text = (control.text + text).slice(0, MAX_TAGGED_TEXT);
    }
  }

  // Namespaces resolved here, as the scanner gives names as written. A scope is copied only where an
  // element declares a namespace (in Word, the root).
  let scope: Scope = ROOT_SCOPE;
  const uriOf = (prefix: string, where: Scope): string => {
    const uri = where.get(prefix);
    if (uri === undefined && prefix !== '') throw new UnboundPrefix(prefix);
    return uri ?? '';
  };
  const split = (name: string): [prefix: string, local: string] => {
    const colon = name.indexOf(':');
    return colon < 0 ? ['', name] : [name.slice(0, colon), name.slice(colon + 1)];
  };
  /** A WordprocessingML attribute's value (w:val; an unprefixed one as some writers have it). */
  const wAttr = (tag: XmlTag, local: string): string | undefined => {
    for (const name in tag.attributes) {
      const value = tag.attributes[name];
      const [prefix, attrLocal] = split(name);
      if (attrLocal === local && (prefix === '' || W_NAMESPACES.has(uriOf(prefix, scope)))) return value;
    }
    return undefined;
  };

  const names = new Map<string, { readonly uri: string; readonly local: string; readonly w: string }>();
  let namesScope: Scope | undefined;

  function open(tag: XmlTag): void {
    if (stack.length >= MAX_DEPTH) throw new DocumentTooDeep();
    const parentScope = top()?.scope ?? ROOT_SCOPE;
    let declared: Map<string, string> | undefined;
    for (const name in tag.attributes) {
      if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
      const value = tag.attributes[name];
      declared ??= new Map(parentScope);
      declared.set(name === 'xmlns' ? '' : name.slice(6), value);
    }
    scope = declared ?? parentScope;
    // A name's namespace and local name, looked up once per name and scope (Word declares its
    // namespaces on the root, so one scope serves the whole document).
    if (scope !== namesScope) {
      names.clear();
      namesScope = scope;
    }
    let resolved = names.get(tag.name);
    if (!resolved) {
      const [prefix, local] = split(tag.name);
      const u = uriOf(prefix, scope);
      resolved = { uri: u, local, w: W_NAMESPACES.has(u) ? local : '' };
      names.set(tag.name, resolved);
    }
    const { uri, local, w } = resolved;
    if (!sawRoot) {
      sawRoot = true;
      if (w !== 'document') throw new NotWordDocument(tag.name);
    }
    const inherited = { skips: skipping(), quiet: quiet() };
    if (inherited.skips) {
      const parent = top();
      stack.push({
        w,
        scope,
        skips: true,
        quiet: inherited.quiet,
        frame: undefined,
        control: undefined,
        p: parent?.p,
        tc: parent?.tc,
        tr: parent?.tr,
        inner: parent?.inner,
      });
      return;
    }
    // A row deleted as a tracked change: w:trPr/w:del.
    if (w === 'del' && parentW() === 'trPr') {
      const row = nearest('tr');
      if (row) row.deleted = true;
    }
    const skips = SKIPPED.has(w) || (uri === MC_NAMESPACE && local === 'Fallback');
    let frame: Frame | undefined;
    let control: ContentControl | undefined;
    let quietHere = inherited.quiet;
    if (!skips) {
      switch (w) {
        case 'p':
          frame = { kind: 'p', text: '' };
          break;
        case 'tbl':
          frame = { kind: 'tbl', rows: [] };
          break;
        case 'tr':
          frame = { kind: 'tr', cells: [], gridBefore: 0, deleted: false };
          break;
        case 'tc':
          frame = { kind: 'tc', blocks: [], colSpan: 1, hMergeContinue: false };
          break;
        case 'sdt':
          control = {
            // In a cell, or around one (a row-level control holding a w:tc).
            inTable: nearest('tc') !== undefined || innermost()?.kind === 'tr',
            placeholder: false,
            collecting: false,
            text: '',
            newLine: false,
          };
          break;
        case 'sdtContent': {
          const sdt = stack[stack.length - 1]?.control;
          if (sdt) {
            const collect =
              !sdt.collecting &&
              sdt.tag !== undefined &&
              wanted(sdt.tag, sdt.inTable) &&
              collecting.length < MAX_OPEN_TAGGED;
            if (collect) {
              sdt.collecting = true;
              collecting.push(sdt);
            }
            if (sdt.placeholder) quietHere = true;
          }
          break;
        }
        case 'tag':
          if (parentW() === 'sdtPr') {
            const sdt = stack[stack.length - 2]?.control;
            if (sdt && sdt.tag === undefined) sdt.tag = wAttr(tag, 'val') ?? '';
          }
          break;
        case 'showingPlcHdr':
          if (parentW() === 'sdtPr') {
            const sdt = stack[stack.length - 2]?.control;
            const val = wAttr(tag, 'val');
            if (sdt) sdt.placeholder = val === undefined || !/^(0|false|off)$/i.test(val);
          }
          break;
        case 'gridSpan':
          if (parentW() === 'tcPr') {
            const cell = nearest('tc');
            if (cell) cell.colSpan = spanOf(wAttr(tag, 'val'), 1);
          }
          break;
        case 'vMerge':
          if (parentW() === 'tcPr') {
            const cell = nearest('tc');
            if (cell) cell.vMerge = wAttr(tag, 'val') === 'restart' ? 'restart' : 'continue';
          }
          break;
        case 'hMerge':
          if (parentW() === 'tcPr') {
            const cell = nearest('tc');
            if (cell) cell.hMergeContinue = wAttr(tag, 'val') !== 'restart';
          }
          break;
        case 'gridBefore':
          if (parentW() === 'trPr') {
            const row = nearest('tr');
            if (row) row.gridBefore = spanOf(wAttr(tag, 'val'), 0);
          }
          break;
        case 'tab':
        case 'ptab':
          if (parentW() === 'r') addText(' ');
          break;
        case 'br':
        case 'cr':
          if (parentW() === 'r') addText('\n');
          break;
        case 'noBreakHyphen':
          if (parentW() === 'r') addText('-');
          break;
      }
    }
    const parent = top();
    const p = frame?.kind === 'p' ? frame : parent?.p;
    const tc = frame?.kind === 'tc' ? frame : parent?.tc;
    const tr = frame?.kind === 'tr' ? frame : parent?.tr;
    const inner = frame ?? parent?.inner;
    stack.push({ w, scope, skips, quiet: quietHere, frame, control, p, tc, tr, inner });
  }

  function close(): void {
    const closing = stack.pop();
    if (!closing) return;
    if (closing.control?.collecting) {
      collecting.pop();
      const { tag, text, inTable } = closing.control;
      if (tag !== undefined && wanted(tag, inTable)) {
        tagged.set(tag, text);
        if (inTable) fromTable.add(tag);
      }
    }
    const frame = closing.frame;
    if (!frame) return;
    switch (frame.kind) {
      case 'p':
        for (const control of collecting) control.newLine = true;
        if (frame.text.trim() !== '') deliver({ kind: 'text', text: frame.text });
        break;
      case 'tc': {
        const row = innermost();
        // A cell outside a row (malformed) is read as what it holds.
        if (row?.kind === 'tr') row.cells.push(frame);
        else for (const block of frame.blocks) deliver(block);
        break;
      }
      case 'tr': {
        const table = innermost();
        if (table?.kind === 'tbl') table.rows.push(frame);
        else for (const cell of frame.cells) for (const block of cell.blocks) deliver(block);
        break;
      }
      case 'tbl': {
        const cells = frame.rows.flatMap((row) => row.cells);
        if (cells.some((cell) => cell.blocks.some((b) => b.kind === 'table'))) {
          for (const cell of cells) for (const block of cell.blocks) deliver(block);
        } else if (frame.rows.length > 0) {
          deliver({ kind: 'table', table: { rows: tableRows(frame.rows) } });
        }
        break;
      }
    }
  }

  scanXml(xml, {
    open,
    close,
    text: (chunk) => {
      if (parentW() === 't') addText(chunk);
    },
  });
  if (!sawRoot) throw new NotWordDocument('');
  return { blocks: body, tagged };
}
