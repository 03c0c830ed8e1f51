// The fast way to a workbook's cells: the XML of its parts read directly, instead of ExcelJS loading the
// whole workbook (ExcelJS was 8 of the 10 ms a filled template cost to read). It gives each cell exactly
// as ExcelJS would hand it to the reader (./read.ts, sheetCellOf), or says why it cannot, and then
// ExcelJS reads the workbook as before.
//
// "Exactly" is kept by taking only what is understood in full and giving up on anything else. ExcelJS
// 4.4 parses every part it knows (the workbook and its relationships, shared strings, styles, each
// worksheet and its relationships, the document properties) with saxes, and fails on any part that is
// not well-formed or that its parsers do not expect; the reader calls those failures WORKBOOK_DAMAGED.
// So here:
//   - each part ExcelJS would parse is read with the strict scanner (../report/xml-scan.ts), after
//     checks that make what it accepts acceptable to saxes too (no comment, CDATA, DTD or processing
//     instruction but an XML 1.0 declaration; no character XML 1.0 forbids; names in ASCII; no line
//     break or tab inside an attribute value, which saxes turns into a space), and must have the shape
//     its ExcelJS parser handles without surprise (each element where that parser expects it);
//   - the values are what ExcelJS makes of them, quirks included: shared strings with their `_xHHHH_`
//     escapes decoded, `t="str"` text decoded twice, numbers by parseFloat, a number in a cell whose
//     format ExcelJS takes for a date as a Date rounded to the millisecond, a formula's result kept only
//     when truthy, a shared formula's copies pointing at its first cell, a cell's format from its style
//     only (`s="0"` has none), the last of two cells at one address, a later row of the same number
//     replacing the earlier;
//   - ExcelJS's own failures are foreseen, and given up on: a shared string index out of range, a style
//     it cannot build, a sheet name it refuses or shortens, a row without its number.
// What ExcelJS does with defined names (print areas, its own name index) is left out: when that fails
// the reader loads the workbook again without them, so the cells come out the same either way — as long
// as that retry is possible, which is checked here.
//
// Also given up on: drawings, comments, tables, charts and their parts; inline rich text; a cell without
// its address; a sheet without a worksheet part or a worksheet part without a sheet; a part that is not
// UTF-8 or starts with a byte order mark; an entry named with a leading slash. Each with its reason.
// The parts come from the zip as JSZip lists it, as ExcelJS reads them: the same names, the same bytes.
// Pure: bytes in, cells out; no Node built-ins, and of ExcelJS only its types.
import type { CellValue } from 'exceljs';
import type { ReportSheetPlan } from '../layout/read-sheet';
import { scanXml, XmlSyntaxError } from '../report/xml-scan';

/** A cell as ExcelJS would give it: its value and its number format. */
export interface FastCell {
  readonly value: CellValue;
  readonly numFmt: string | undefined;
}

/** A worksheet's cells by one-based row and column, as ExcelJS's findCell; undefined where none. */
export type FastCells = (row: number, col: number) => FastCell | undefined;

export interface FastWorkbook {
  /** workbookPr date1904="1": ExcelJS's `workbook.properties.date1904`. */
  readonly date1904: boolean;
  /** The cells of each planned report sheet, by sheet name. */
  readonly sheets: ReadonlyMap<string, FastCells>;
}

export type FastRead =
  { readonly ok: true; readonly workbook: FastWorkbook } | { readonly ok: false; readonly reason: string };

/**
 * A zip entry as JSZip lists it — the very entries, names and bytes ExcelJS reads, for it loads the
 * same bytes with JSZip.
 */
export interface ZipEntry {
  readonly name: string;
  readonly dir: boolean;
  /** The entry's unpacked bytes (JSZip's `async('uint8array')`). */
  bytes(): Promise<Uint8Array>;
}

export interface FastReadInput {
  readonly entries: readonly ZipEntry[];
  /** xl/workbook.xml as the reader read it (JSZip's text). */
  readonly workbookXml: string;
  readonly plans: readonly ReportSheetPlan[];
}

/** Something this reader does not take on; ExcelJS reads the workbook instead. */
class Unsure extends Error {
  override readonly name = 'Unsure';
}

const unsure = (reason: string): never => {
  throw new Unsure(reason);
};

/** A key ExcelJS files in a plain object; one every object has (`__proto__`, `constructor`) misfiles. */
function plainKey(key: string, part: string): string {
  if (key in Object.prototype) unsure(`${part}: the key ${key}`);
  return key;
}

/**
 * The cells of the planned sheets read from the parts' XML, or why not (then ExcelJS must read them).
 * Never rejects.
 */
export async function fastReadWorkbook(input: FastReadInput): Promise<FastRead> {
  try {
    return { ok: true, workbook: readBook(input, await partsToRead(input.entries)) };
  } catch (err) {
    // Anything unforeseen is a reason to let ExcelJS decide too.
    return { ok: false, reason: err instanceof Unsure ? err.message : `unexpected: ${String(err)}` };
  }
}

// ---- the XML, as saxes would take it -----------------------------------------------------------------

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const DECLARATION =
  /^<\?xml[ \t\n\r]+version=(["'])1\.0\1(?:[ \t\n\r]+encoding=(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\n\r]+standalone=(["'])(?:yes|no)\3)?[ \t\n\r]*\?>/;
const CHARACTER_REFERENCE = /&#(?:x([0-9a-fA-F]+)|([0-9]+));/y;

const isXmlCharacter = (code: number): boolean =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  (code >= 0x10000 && code <= 0x10ffff);

/**
 * A part's text, line ends normalized as saxes does, when saxes would read it as the scanner does: no
 * byte order mark, no character XML 1.0 forbids (a control, U+FFFE, U+FFFF) nor a reference to one, no
 * comment, CDATA section, DTD or processing instruction but an XML 1.0 declaration, no `]]>`, and no
 * line break or tab inside an attribute value (saxes turns those into spaces). In one pass.
 */
function xmlText(data: Uint8Array, part: string): string {
  let text: string;
  try {
    text = UTF8.decode(data);
  } catch {
    return unsure(`${part}: not UTF-8`);
  }
  if (text.charCodeAt(0) === 0xfeff) unsure(`${part}: byte order mark`);
  let from = 0;
  if (text.startsWith('<?')) {
    const declaration = DECLARATION.exec(text);
    if (!declaration) unsure(`${part}: an XML declaration not plainly 1.0`);
    from = declaration ? declaration[0].length : 0;
  }
  let cr = false;
  let inTag = false;
  /** The quote of the attribute value being read, 0 outside one. */
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c === 0x0d) cr = true;
      else if (c !== 0x09 && c !== 0x0a) unsure(`${part}: a character XML does not allow`);
      if (quote !== 0) unsure(`${part}: a line break or tab in an attribute value`);
      continue;
    }
    if (c >= 0xfffe) unsure(`${part}: a character XML does not allow`);
    if (c === 0x26 /* & */ && text.charCodeAt(i + 1) === 0x23 /* # */) {
      CHARACTER_REFERENCE.lastIndex = i;
      const m = CHARACTER_REFERENCE.exec(text);
      // One that does not match is no reference at all, which the scanner refuses.
      if (m && !isXmlCharacter(m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10)))
        unsure(`${part}: a reference to a character XML does not allow`);
      continue;
    }
    if (c === 0x5d /* ] */ && text.startsWith(']]>', i)) unsure(`${part}: "]]>"`);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (inTag) {
      if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e /* > */) inTag = false;
    } else if (c === 0x3c /* < */) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x21 /* ! */) unsure(`${part}: a comment, CDATA section or DTD`);
      if (next === 0x3f /* ? */) unsure(`${part}: a processing instruction`);
      inTag = true;
    }
  }
  return cr ? text.replace(/\r\n?/g, '\n') : text;
}

/** Runs the scanner, names in ASCII only; its refusal (not well-formed) is left to ExcelJS to report. */
function scan(xml: string, part: string, on: Parameters<typeof scanXml>[1]): void {
  try {
    scanXml(xml, on, { asciiNames: true });
  } catch (err) {
    if (err instanceof XmlSyntaxError) unsure(`${part}: ${err.message}`);
    throw err;
  }
}

interface Element {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: Element[];
  /** The element's own text, its children's left out. */
  text: string;
}

/** A small part as a tree. */
function treeOf(xml: string, part: string): Element {
  const stack: Element[] = [];
  let root: Element | undefined;
  scan(xml, part, {
    open(tag) {
      const element: Element = { name: tag.name, attributes: tag.attributes, children: [], text: '' };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else root = element;
      stack.push(element);
    },
    close() {
      stack.pop();
    },
    text(text) {
      const parent = stack[stack.length - 1];
      if (parent) parent.text += text;
    },
  });
  return root ?? unsure(`${part}: no root element`);
}

const isLeaf = (e: Element): boolean => e.children.length === 0;

/** Whether an element or any below it is named in `names`. */
function holds(e: Element, names: ReadonlySet<string>): boolean {
  return names.has(e.name) || e.children.some((c) => holds(c, names));
}

const holdsBelow = (e: Element, names: ReadonlySet<string>): boolean => e.children.some((c) => holds(c, names));

// ---- which parts ExcelJS parses ------------------------------------------------------------------------

type PartKind =
  | 'ignored'
  | 'rels'
  | 'workbook'
  | 'workbookRels'
  | 'sharedStrings'
  | 'styles'
  | 'app'
  | 'core'
  | 'worksheet'
  | 'worksheetRels'
  | 'unparsed'
  | 'other';

/** ExcelJS's dispatch on an entry's name (xlsx.js `load`), exact names first, then its patterns in order. */
function kindOf(name: string): PartKind {
  switch (name) {
    case '_rels/.rels':
      return 'rels';
    case 'xl/workbook.xml':
      return 'workbook';
    case 'xl/_rels/workbook.xml.rels':
      return 'workbookRels';
    case 'xl/sharedStrings.xml':
      return 'sharedStrings';
    case 'xl/styles.xml':
      return 'styles';
    case 'docProps/app.xml':
      return 'app';
    case 'docProps/core.xml':
      return 'core';
  }
  // Media and themes are read as bytes and never parsed; the other patterns are parsed.
  if (/xl\/media\//.test(name)) {
    return /^xl\/media\/[a-zA-Z0-9]+[.][a-zA-Z0-9]{3,4}$/.test(name) ? 'unparsed' : 'other';
  }
  if (/xl\/worksheets\/sheet(\d+)[.]xml/.test(name))
    return /^xl\/worksheets\/sheet\d+\.xml$/.test(name) ? 'worksheet' : 'other';
  if (/xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/.test(name))
    return /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(name) ? 'worksheetRels' : 'other';
  if (/xl\/theme\/([a-zA-Z0-9]+)[.]xml/.test(name))
    return /^xl\/theme\/[a-zA-Z0-9]+\.xml$/.test(name) ? 'unparsed' : 'other';
  const parsed = [
    /xl\/drawings\/([a-zA-Z0-9]+)[.]xml/,
    /xl\/(comments\d+)[.]xml/,
    /xl\/tables\/(table\d+)[.]xml/,
    /xl\/drawings\/_rels\/([a-zA-Z0-9]+)[.]xml[.]rels/,
    /xl\/drawings\/(vmlDrawing\d+)[.]vml/,
  ];
  return parsed.some((p) => p.test(name)) ? 'other' : 'ignored';
}

// ---- relationships, document properties -------------------------------------------------------------

type Attributes = Readonly<Record<string, string>>;

/** A relationships part as RelationshipsXform reads it without failing: Relationship leaves only. */
function relationshipsOf(root: Element, part: string): Attributes[] {
  if (root.name !== 'Relationships') unsure(`${part}: not a relationships part`);
  for (const c of root.children)
    if (c.name !== 'Relationship' || !isLeaf(c)) unsure(`${part}: ${c.name} in the relationships`);
  return root.children.map((c) => c.attributes);
}

const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';

/** AppXform fails only without its root (the rest it skips or reads as text). */
function checkApp(root: Element): void {
  if (root.name !== 'Properties') unsure('docProps/app.xml: not a Properties part');
}

const CORE_FIELDS = new Set([
  'dc:creator',
  'dc:title',
  'dc:subject',
  'dc:description',
  'dc:identifier',
  'dc:language',
  'cp:keywords',
  'cp:category',
  'cp:lastModifiedBy',
  'cp:lastPrinted',
  'cp:revision',
  'cp:version',
  'cp:contentStatus',
  'cp:contentType',
  'dcterms:created',
  'dcterms:modified',
]);

/** CoreXform throws on any element it does not know. */
function checkCore(root: Element): void {
  if (root.name !== 'cp:coreProperties' && root.name !== 'coreProperties') unsure('docProps/core.xml: its root');
  for (const c of root.children)
    if (!CORE_FIELDS.has(c.name) || !isLeaf(c)) unsure(`docProps/core.xml: ${c.name.slice(0, 40)}`);
}

// ---- xl/workbook.xml, as ExcelJS reads it ------------------------------------------------------------

interface SheetEntry {
  /** ExcelJS decodes the attribute's entities a second time: no `&` is taken, so it is the name as read. */
  readonly name: string;
  /** parseInt of sheetId: where ExcelJS files the worksheet. */
  readonly id: number;
  readonly rId: string;
}

interface BookXml {
  readonly sheets: readonly SheetEntry[];
  readonly date1904: boolean;
}

const WORKBOOK_XFORMS = new Set(['fileVersion', 'workbookPr', 'bookViews', 'sheets', 'definedNames', 'calcPr']);
const WORKBOOK_SPECIAL = new Set([...WORKBOOK_XFORMS, 'workbook']);
const localName = (name: string): string => name.slice(name.lastIndexOf(':') + 1);

/** Whether an element or any below it has `sheet` or `sheets` as local name (read.ts reads any `sheet`). */
function holdsSheet(e: Element): boolean {
  const local = localName(e.name);
  return local === 'sheet' || local === 'sheets' || e.children.some(holdsSheet);
}

function countOf(text: string, part: string): number {
  let n = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) n++;
  return n;
}

/**
 * The sheets and date system of xl/workbook.xml, when WorkbookXform reads it as expected and a failure
 * of ExcelJS's defined names can only send the reader to its retry without them (read.ts, loadCells).
 */
function bookOf(root: Element, raw: string): BookXml {
  const part = 'xl/workbook.xml';
  if (root.name !== 'workbook') unsure(`${part}: its root`);
  const seen = new Set<string>();
  let sheets: SheetEntry[] = [];
  let date1904 = false;
  for (const c of root.children) {
    if (!WORKBOOK_XFORMS.has(c.name)) {
      // Skipped by ExcelJS, unless it holds an element its parser would take up.
      if (holds(c, WORKBOOK_SPECIAL) || holdsSheet(c)) unsure(`${part}: ${c.name.slice(0, 40)} holds workbook parts`);
      continue;
    }
    if (seen.has(c.name)) unsure(`${part}: two ${c.name}`);
    seen.add(c.name);
    switch (c.name) {
      case 'fileVersion':
        if (holdsBelow(c, new Set(['fileVersion']))) unsure(`${part}: fileVersion in fileVersion`);
        break;
      case 'workbookPr':
        if (!isLeaf(c)) unsure(`${part}: workbookPr with content`);
        date1904 = c.attributes.date1904 === '1';
        break;
      case 'bookViews':
        for (const v of c.children) if (v.name !== 'workbookView' || !isLeaf(v)) unsure(`${part}: bookViews`);
        break;
      case 'calcPr':
        if (!isLeaf(c)) unsure(`${part}: calcPr with content`);
        break;
      case 'sheets':
        sheets = c.children.map((s) => {
          if (s.name !== 'sheet' || !isLeaf(s)) return unsure(`${part}: ${s.name.slice(0, 40)} in sheets`);
          const { name, sheetId } = s.attributes;
          const rId = s.attributes['r:id'];
          if (name === undefined || sheetId === undefined || rId === undefined)
            return unsure(`${part}: a sheet lacks an attribute`);
          if (name.includes('&')) unsure(`${part}: a sheet name with "&"`);
          return { name, id: parseInt(sheetId, 10), rId };
        });
        break;
      case 'definedNames':
        // When ExcelJS fails on the names, the reader retries with `<definedNames>…</definedNames>` cut
        // out by a pattern: that must find this element, and only it.
        if (Object.keys(c.attributes).length > 0) unsure(`${part}: definedNames with attributes`);
        if (countOf(raw, '<definedNames>') !== 1 || countOf(raw, '</definedNames>') !== 1)
          unsure(`${part}: definedNames written unusually`);
        for (const d of c.children)
          if (d.name !== 'definedName' || !isLeaf(d)) unsure(`${part}: ${d.name} in definedNames`);
        break;
    }
  }
  return { sheets, date1904 };
}

// ---- xl/sharedStrings.xml ----------------------------------------------------------------------------

/** A shared string as SharedStringXform models it: text, rich text runs, or `{}` for an empty `<si/>`. */
type SharedString = string | { readonly richText?: readonly { readonly text: string }[] };

/** `_x000D_` and the like, as TextXform decodes them (upper-case hex only). */
const escapesDecoded = (text: string): string =>
  text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const FONT_FIELDS = new Set([
  'b',
  'i',
  'u',
  'charset',
  'color',
  'condense',
  'extend',
  'family',
  'outline',
  'vertAlign',
  'scheme',
  'shadow',
  'strike',
  'sz',
]);

/** A font (`<font>`, or a run's `<rPr>`): each property a leaf, as FontXform reads without surprise. */
function checkFont(e: Element, nameTag: string, part: string): void {
  for (const c of e.children)
    if (!(FONT_FIELDS.has(c.name) || c.name === nameTag) || !isLeaf(c)) unsure(`${part}: ${c.name} in a font`);
}

function sharedStringsOf(root: Element): SharedString[] {
  const part = 'xl/sharedStrings.xml';
  if (root.name !== 'sst') unsure(`${part}: its root`);
  return root.children.map((si): SharedString => {
    if (si.name !== 'si') return unsure(`${part}: ${si.name.slice(0, 40)} in sst`);
    let model: SharedString = {};
    for (const c of si.children) {
      if (c.name === 't') {
        if (!isLeaf(c)) unsure(`${part}: t with elements`);
        model = escapesDecoded(c.text);
      } else if (c.name === 'r') {
        // After a `<t>` ExcelJS would set a property on a string, which throws.
        if (typeof model === 'string') unsure(`${part}: a run after text`);
        let text: string | undefined;
        for (const r of c.children) {
          if (r.name === 't' && isLeaf(r)) text = escapesDecoded(r.text);
          else if (r.name === 'rPr') checkFont(r, 'rFont', part);
          else unsure(`${part}: ${r.name} in a run`);
        }
        const runs: { text: string }[] = typeof model === 'string' ? [] : [...(model.richText ?? [])];
        // A run without text joins as '' (sheetCellOf joins the runs' texts).
        runs.push({ text: text ?? '' });
        model = { richText: runs };
      } else if (c.name === 'rPh') {
        for (const t of c.children) if (t.name !== 't' || !isLeaf(t)) unsure(`${part}: ${t.name} in rPh`);
      } else if (c.name !== 'phoneticPr' || !isLeaf(c)) {
        unsure(`${part}: ${c.name.slice(0, 40)} in si`);
      }
    }
    return model;
  });
}

// ---- xl/styles.xml -------------------------------------------------------------------------------------

interface Xf {
  readonly numFmtId: number;
  readonly fontId: number;
  readonly fillId: number;
  readonly borderId: number;
}

interface Styles {
  /** The custom formats by id (NumFmtXform drops backslashes). */
  readonly numFmts: ReadonlyMap<string, string>;
  /** cellXfs, when it holds any: StylesXform's `model.styles`. */
  readonly xfs: readonly Xf[] | undefined;
  readonly fonts: boolean;
  readonly fills: boolean;
  readonly borders: boolean;
}

/**
 * Built-in formats ExcelJS knows (lib/xlsx/defaultnumformats.js, those with a code), as ECMA-376
 * §18.8.30 lists them; only whether each shows a date matters here (test/xlsx/fast-read.test.ts checks
 * that against ExcelJS's own table). Other built-in ids are given up on.
 */
const BUILT_IN_FORMATS: ReadonlyMap<number, string> = new Map([
  [1, '0'],
  [2, '0.00'],
  [3, '#,##0'],
  [4, '#,##0.00'],
  [9, '0%'],
  [10, '0.00%'],
  [11, '0.00E+00'],
  [12, '# ?/?'],
  [13, '# ??/??'],
  [14, 'mm-dd-yy'],
  [15, 'd-mmm-yy'],
  [16, 'd-mmm'],
  [17, 'mmm-yy'],
  [18, 'h:mm AM/PM'],
  [19, 'h:mm:ss AM/PM'],
  [20, 'h:mm'],
  [21, 'h:mm:ss'],
  [22, 'm/d/yy h:mm'],
  [37, '#,##0 ;(#,##0)'],
  [38, '#,##0 ;[Red](#,##0)'],
  [39, '#,##0.00;(#,##0.00)'],
  [40, '#,##0.00;[Red](#,##0.00)'],
  [45, 'mm:ss'],
  [46, '[h]:mm:ss'],
  [47, 'mmss.0'],
  [48, '##0.0E+0'],
  [49, '@'],
]);

export const FAST_BUILT_IN_FORMATS = BUILT_IN_FORMATS;

const STYLES_XFORMS = new Set([
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'dxfs',
  'numFmt',
  'font',
  'fill',
  'border',
  'style',
  'cellStyles',
  'tableStyles',
  'extLst',
]);
const STYLES_SPECIAL = new Set([...STYLES_XFORMS, 'styleSheet']);
const STYLES_STATIC = new Set(['cellStyles', 'tableStyles', 'extLst']);
const EDGES = new Set(['left', 'right', 'top', 'bottom', 'diagonal']);

function checkNumFmt(e: Element, part: string): void {
  // NumFmtXform calls replace on formatCode.
  if (!isLeaf(e) || e.attributes.formatCode === undefined) unsure(`${part}: a numFmt without its code`);
}

function checkFill(e: Element, part: string): void {
  for (const p of e.children) {
    if (p.name !== 'patternFill') unsure(`${part}: ${p.name} in a fill`);
    for (const c of p.children)
      if ((c.name !== 'fgColor' && c.name !== 'bgColor') || !isLeaf(c)) unsure(`${part}: ${c.name} in a patternFill`);
  }
  if (e.children.length > 1) unsure(`${part}: a fill of several patterns`);
}

function checkBorder(e: Element, part: string): void {
  for (const edge of e.children) {
    if (!EDGES.has(edge.name)) unsure(`${part}: ${edge.name} in a border`);
    for (const c of edge.children) if (c.name !== 'color' || !isLeaf(c)) unsure(`${part}: ${c.name} in a border edge`);
  }
}

function checkXf(e: Element, part: string): void {
  for (const c of e.children)
    if ((c.name !== 'alignment' && c.name !== 'protection') || !isLeaf(c)) unsure(`${part}: ${c.name} in an xf`);
}

function checkDxf(e: Element, part: string): void {
  for (const c of e.children) {
    if (c.name === 'font') checkFont(c, 'name', part);
    else if (c.name === 'numFmt') checkNumFmt(c, part);
    else if (c.name === 'fill') checkFill(c, part);
    else if (c.name === 'border') checkBorder(c, part);
    else if ((c.name === 'alignment' || c.name === 'protection') && isLeaf(c)) continue;
    else unsure(`${part}: ${c.name} in a dxf`);
  }
}

/** Each list of styles.xml: its item element and how to check one. */
const STYLE_LISTS: Readonly<Record<string, { item: string; check: (e: Element, part: string) => void }>> = {
  numFmts: { item: 'numFmt', check: checkNumFmt },
  fonts: { item: 'font', check: (e, part) => checkFont(e, 'name', part) },
  fills: { item: 'fill', check: checkFill },
  borders: { item: 'border', check: checkBorder },
  cellStyleXfs: { item: 'xf', check: checkXf },
  cellXfs: { item: 'xf', check: checkXf },
  dxfs: { item: 'dxf', check: checkDxf },
};

function stylesOf(root: Element): Styles {
  const part = 'xl/styles.xml';
  if (root.name !== 'styleSheet') unsure(`${part}: its root`);
  const lists = new Map<string, Element[]>();
  for (const c of root.children) {
    const list = STYLE_LISTS[c.name];
    if (list) {
      if (lists.has(c.name)) unsure(`${part}: two ${c.name}`);
      for (const item of c.children) {
        if (item.name !== list.item) unsure(`${part}: ${item.name} in ${c.name}`);
        list.check(item, part);
      }
      lists.set(c.name, c.children);
    } else if (STYLES_STATIC.has(c.name)) {
      if (holdsBelow(c, new Set([c.name]))) unsure(`${part}: ${c.name} in ${c.name}`);
    } else if (STYLES_XFORMS.has(c.name) || holds(c, STYLES_SPECIAL)) {
      unsure(`${part}: ${c.name.slice(0, 40)} where ExcelJS would take it up`);
    }
  }
  const numFmts = new Map<string, string>();
  for (const f of lists.get('numFmts') ?? []) {
    numFmts.set(String(parseInt(f.attributes.numFmtId, 10)), f.attributes.formatCode.replace(/[\\](.)/g, '$1'));
  }
  const xfs = (lists.get('cellXfs') ?? []).map((x): Xf => ({
    numFmtId: parseInt(x.attributes.numFmtId, 10),
    fontId: parseInt(x.attributes.fontId, 10),
    fillId: parseInt(x.attributes.fillId, 10),
    borderId: parseInt(x.attributes.borderId, 10),
  }));
  const some = (name: string): boolean => (lists.get(name)?.length ?? 0) > 0;
  return {
    numFmts,
    xfs: xfs.length > 0 ? xfs : undefined,
    fonts: some('fonts'),
    fills: some('fills'),
    borders: some('borders'),
  };
}

/** What StylesXform.getStyleModel gives for a (truthy) style id: null for none, or the style's format. */
type StyleModel = null | { readonly numFmt: string | undefined };

function styleModel(styles: Styles, id: number): StyleModel {
  // getStyleModel reads `model.styles[id]`, and the font, fill and border lists of a style that names one.
  if (!styles.xfs) return unsure('xl/styles.xml: no cellXfs for a style');
  const xf = styles.xfs[id] as Xf | undefined;
  if (!xf) return null;
  const named = (n: number): boolean => !Number.isNaN(n);
  if (
    (named(xf.fontId) && !styles.fonts) ||
    (named(xf.fillId) && !styles.fills) ||
    (named(xf.borderId) && !styles.borders)
  )
    unsure('xl/styles.xml: a style naming a font, fill or border list that is empty');
  let numFmt: string | undefined;
  if (xf.numFmtId) {
    const custom = styles.numFmts.get(String(xf.numFmtId));
    if (custom) numFmt = custom;
    else if (BUILT_IN_FORMATS.has(xf.numFmtId)) numFmt = BUILT_IN_FORMATS.get(xf.numFmtId);
    else unsure(`xl/styles.xml: built-in number format ${xf.numFmtId}`);
  }
  return { numFmt };
}

// ---- worksheets ---------------------------------------------------------------------------------------

/** One `<c>` as CellXform collects it. */
interface RawCell {
  readonly address: string;
  readonly t: string | undefined;
  readonly styleId: number | undefined;
  formula?: string;
  si?: string;
  shareType?: string;
  ref?: string;
  value?: string;
  /** Set by the shared-formula bookkeeping of the reconcile: the first cell of the copied formula. */
  sharedFormula?: string;
  /** CellXform's type, decided when the cell closes. */
  kind?: 'formula' | 'value' | 'null';
}

interface Worksheet {
  /** Cells by one-based row, then column: ExcelJS's rows and their cells, the last of duplicates kept. */
  readonly rows: ReadonlyMap<number, ReadonlyMap<number, RawCell>>;
}

/**
 * Parts of a sheet the reader never looks at, which ExcelJS then need not build: validations and
 * conditional formats (the template has one per data cell), merges (only a merge's first cell holds
 * a value), layout and page settings. Together about a sixth of ExcelJS's load time. Here because the
 * fast reader depends on them too: what ExcelJS skips, it skips.
 */
export const IGNORED_NODES: readonly string[] = [
  'dataValidations',
  'conditionalFormatting',
  'extLst',
  'hyperlinks',
  'picture',
  'drawing',
  'headerFooter',
  'rowBreaks',
  'mergeCells',
  'cols',
  'sheetViews',
  'sheetPr',
  'sheetFormatPr',
  'dimension',
  'pageSetup',
  'pageMargins',
  'printOptions',
  'sheetProtection',
  'autoFilter',
];

/** The parts of a worksheet WorksheetXform has a parser for (wherever they are). */
const WORKSHEET_XFORMS = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'autoFilter',
  'mergeCells',
  'rowBreaks',
  'hyperlinks',
  'pageMargins',
  'dataValidations',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'picture',
  'drawing',
  'sheetProtection',
  'tableParts',
  'conditionalFormatting',
  'extLst',
];
/** What ExcelJS parses of a sheet besides its cells (tableParts, unless ignored), and the root, which resets it. */
const WORKSHEET_SPECIAL = new Set([...WORKSHEET_XFORMS.filter((n) => !IGNORED_NODES.includes(n)), 'worksheet']);

const ADDRESS = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/;
const ROW_NUMBER = /^[1-9][0-9]{0,6}$/;
const MAX_COLUMN = 16384;
const MAX_ROW = 1048576;

function columnOf(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}

interface BookContext {
  readonly styles: Styles | undefined;
  readonly sharedStrings: readonly SharedString[] | undefined;
  readonly styleModels: Map<number, StyleModel>;
}

function styleOf(book: BookContext, id: number): StyleModel {
  if (!book.styles) return null;
  let model = book.styleModels.get(id);
  if (model === undefined) book.styleModels.set(id, (model = styleModel(book.styles, id)));
  return model;
}

/**
 * A worksheet part read as WorksheetXform, RowXform and CellXform read it, when it has the shape they
 * expect: sheetData > row > c > (f | v | is > t); other top-level parts skipped as ExcelJS skips them.
 */
function worksheetOf(xml: string, part: string, book: BookContext): Worksheet {
  const rows = new Map<number, Map<number, RawCell>>();
  const formulae = new Map<string, string>();
  let depth = 0;
  /** Depth below which everything is skipped (0: nothing skipped). */
  let skipBelow = 0;
  let sawSheetData = false;
  let inSheetData = false;
  let rowNumber = 0;
  let row: Map<number, RawCell> | undefined;
  let cell: RawCell | undefined;
  let inIs = false;
  let current: 'f' | 'v' | 't' | undefined;

  const finishCell = (m: RawCell): void => {
    // CellXform.parseClose: the cell's type.
    let kind: 'formula' | 'value' | 'null' | 'merge';
    if (m.formula || m.shareType) kind = 'formula';
    else if (m.value !== undefined) kind = 'value';
    else kind = m.styleId ? 'null' : 'merge';
    if (m.styleId) styleOf(book, m.styleId);
    if (kind === 'value' && m.t === 's') {
      const strings = book.sharedStrings ?? unsure(`${part}: a shared string without xl/sharedStrings.xml`);
      const index = parseInt(m.value ?? '', 10);
      if (!(index >= 0 && index < strings.length)) unsure(`${part}: shared string ${index} out of range`);
    }
    if (kind === 'formula' && m.shareType === 'shared') {
      const key = plainKey(String(m.si), part);
      if (m.ref) formulae.set(key, m.address);
      else {
        m.sharedFormula = formulae.get(key);
        m.shareType = undefined;
      }
      m.si = undefined;
    }
    // Row.model leaves out what CellXform calls a merge (no value, no style).
    if (kind === 'merge') return;
    m.kind = kind;
    const at = ADDRESS.exec(m.address);
    const col = at ? columnOf(at[1]) : 0;
    if (!at || col > MAX_COLUMN || Number(at[2]) > MAX_ROW)
      unsure(`${part}: the cell address ${m.address.slice(0, 20)}`);
    row?.set(col, m);
  };

  scan(xml, part, {
    open(tag) {
      const d = depth++;
      const name = tag.name;
      if (skipBelow > 0 && d >= skipBelow) {
        // WorksheetXform takes up these names wherever they are.
        if (WORKSHEET_SPECIAL.has(name)) unsure(`${part}: ${name} inside another part of the sheet`);
        return;
      }
      if (d === 0) {
        if (name !== 'worksheet') unsure(`${part}: its root`);
        return;
      }
      if (d === 1) {
        if (name === 'sheetData' && !sawSheetData) {
          sawSheetData = inSheetData = true;
        } else if (WORKSHEET_SPECIAL.has(name)) {
          unsure(`${part}: ${name}`);
        } else {
          skipBelow = depth;
        }
        return;
      }
      const a = tag.attributes;
      if (d === 2 && inSheetData && name === 'row') {
        if (a.r === undefined || !ROW_NUMBER.test(a.r)) return unsure(`${part}: a row without its number`);
        rowNumber = Number(a.r);
        if (rowNumber > MAX_ROW) unsure(`${part}: row ${rowNumber}`);
        row = new Map();
        // RowXform.reconcile builds a row's style too, with the styles part: without one it throws.
        if (a.s) {
          const id = parseInt(a.s, 10);
          if (id) {
            if (!book.styles) unsure(`${part}: a row style without xl/styles.xml`);
            styleOf(book, id);
          }
        }
        return;
      }
      if (d === 3 && row && name === 'c') {
        // CellXform.reconcile looks every cell's address up in plain objects (hyperlinks, comments).
        if (a.r !== undefined) plainKey(a.r, part);
        cell = { address: a.r ?? '', t: a.t, styleId: a.s ? parseInt(a.s, 10) : undefined };
        inIs = false;
        return;
      }
      if (d === 4 && cell) {
        if (name === 'f') {
          current = 'f';
          cell.si = a.si;
          cell.shareType = a.t;
          cell.ref = a.ref;
          return;
        }
        if (name === 'v') {
          current = 'v';
          return;
        }
        if (name === 'is') {
          inIs = true;
          return;
        }
      }
      if (d === 5 && inIs && name === 't') {
        current = 't';
        return;
      }
      unsure(`${part}: ${name.slice(0, 40)} where a sheet's cells are`);
    },
    close() {
      const d = --depth;
      if (skipBelow > 0) {
        if (d >= skipBelow) return;
        if (d === skipBelow - 1) {
          skipBelow = 0;
          return;
        }
      }
      if (d === 1) inSheetData = false;
      else if (d === 2 && row) {
        // Worksheet._parseRows: a later row of the same number replaces the earlier.
        rows.set(rowNumber, row);
        row = undefined;
      } else if (d === 3 && cell) {
        finishCell(cell);
        cell = undefined;
      } else if (d === 4 || d === 5) {
        current = undefined;
        if (d === 4) inIs = false;
      }
    },
    text(text) {
      if (!cell || current === undefined) return;
      if (current === 'f') cell.formula = cell.formula ? cell.formula + text : text;
      else cell.value = cell.value ? cell.value + text : text;
    },
  });
  return { rows };
}

// ---- values ---------------------------------------------------------------------------------------------

/** utils.xmlDecode: the five entities decoded (once more, for `t="str"`). */
const xmlDecoded = (text: string): string =>
  text.replace(/&(lt|gt|amp|apos|quot);/g, (_, name: string) => {
    switch (name) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'apos':
        return "'";
      default:
        return '"';
    }
  });

/** utils.isDateFmt: ExcelJS's own test, which decides whether it hands out a Date. */
function excelJsDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** utils.excelToDate, with its arithmetic as written (the value may be a string or a boolean). */
function excelToDate(value: number | string | boolean | object, date1904: boolean): Date {
  const n = typeof value === 'object' ? NaN : Number(value);
  return new Date(Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** What ExcelJS's types do not name: a formula value with only its truthy fields, `{}` for an empty string. */
const asCellValue = (value: object): CellValue => value as unknown as CellValue;

/** A cell's value as ExcelJS's Cell.value gives it, after CellXform.reconcile. */
function valueOf(m: RawCell, book: BookContext, date1904: boolean): FastCell {
  const style = m.styleId ? styleOf(book, m.styleId) : null;
  const numFmt = style ? style.numFmt : undefined;
  const dates = style !== null && excelJsDateFormat(style.numFmt);
  if (m.kind === 'formula') {
    let result: number | string | boolean | Date | { error: string } | undefined;
    if (m.value) {
      if (m.t === 'str') result = xmlDecoded(m.value);
      else if (m.t === 'b') result = parseInt(m.value, 10) !== 0;
      else if (m.t === 'e') result = { error: m.value };
      else result = parseFloat(m.value);
    }
    if (result !== undefined && dates) result = excelToDate(result, date1904);
    // FormulaValue.value copies the truthy fields only.
    const value: Record<string, unknown> = {};
    if (m.formula) value.formula = m.formula;
    if (result) value.result = result;
    if (m.ref) value.ref = m.ref;
    if (m.shareType) value.shareType = m.shareType;
    if (m.sharedFormula) value.sharedFormula = m.sharedFormula;
    return { value: asCellValue(value), numFmt };
  }
  if (m.value === undefined) return { value: null, numFmt };
  switch (m.t) {
    case 's': {
      const shared = (book.sharedStrings ?? [])[parseInt(m.value, 10)];
      return { value: typeof shared === 'string' ? shared : asCellValue(shared), numFmt };
    }
    case 'str':
      return { value: xmlDecoded(m.value), numFmt };
    case 'inlineStr':
      return { value: m.value, numFmt };
    case 'b':
      return { value: parseInt(m.value, 10) !== 0, numFmt };
    case 'e':
      return { value: asCellValue({ error: m.value }), numFmt };
    default: {
      const n = parseFloat(m.value);
      return { value: dates ? excelToDate(n, date1904) : n, numFmt };
    }
  }
}

// ---- the workbook ----------------------------------------------------------------------------------------

/** Worksheet.name's checks: a name ExcelJS refuses fails the load, a longer one it shortens. */
function checkSheetName(name: string): void {
  if (name === '' || name === 'History' || /[*?:/\\[\]]/.test(name) || /(^')|('$)/.test(name))
    unsure(`the sheet name ${name} (ExcelJS refuses it)`);
  if (name.length > 31) unsure(`the sheet name ${name} (ExcelJS shortens it)`);
}

/** The entries ExcelJS would parse, each with its kind and bytes; the rest it only stores or skips. */
async function partsToRead(
  entries: readonly ZipEntry[],
): Promise<{ kind: PartKind; name: string; data: Uint8Array }[]> {
  const parsed: { kind: PartKind; entry: ZipEntry }[] = [];
  for (const entry of entries) {
    if (entry.dir) continue;
    // ExcelJS drops a leading slash, the reader does not: such a zip reads differently in each.
    if (entry.name.startsWith('/')) unsure(`the entry ${entry.name.slice(0, 60)}`);
    const kind = kindOf(entry.name);
    if (kind === 'other') unsure(`${entry.name}: a part ExcelJS reads that this reader does not`);
    if (kind !== 'ignored' && kind !== 'unparsed') parsed.push({ kind, entry });
  }
  let data: Uint8Array[];
  try {
    data = await Promise.all(parsed.map((p) => p.entry.bytes()));
  } catch {
    return unsure('JSZip cannot unpack a part');
  }
  return parsed.map((p, i) => ({ kind: p.kind, name: p.entry.name, data: data[i] }));
}

function readBook(
  input: FastReadInput,
  parts: readonly { kind: PartKind; name: string; data: Uint8Array }[],
): FastWorkbook {
  const texts = new Map<PartKind, { name: string; xml: string }[]>();
  for (const { kind, name, data } of parts) {
    const list = texts.get(kind) ?? [];
    list.push({ name, xml: xmlText(data, name) });
    texts.set(kind, list);
  }
  const only = (kind: PartKind): { name: string; xml: string } | undefined => texts.get(kind)?.[0];

  for (const kind of ['rels', 'worksheetRels'] as const) {
    for (const { name, xml } of texts.get(kind) ?? []) {
      const rels = relationshipsOf(treeOf(xml, name), name);
      if (kind === 'worksheetRels' && rels.some((r) => r.Type === COMMENTS_TYPE)) unsure(`${name}: comments`);
    }
  }
  const app = only('app');
  if (app) checkApp(treeOf(app.xml, app.name));
  const core = only('core');
  if (core) checkCore(treeOf(core.xml, core.name));

  const workbookPart = only('workbook') ?? unsure('no xl/workbook.xml');
  const book = bookOf(treeOf(workbookPart.xml, workbookPart.name), input.workbookXml);
  const relsPart = only('workbookRels') ?? unsure('no xl/_rels/workbook.xml.rels');
  const rels = new Map<string, Attributes>();
  for (const r of relationshipsOf(treeOf(relsPart.xml, relsPart.name), relsPart.name)) {
    if (r.Id === undefined) unsure(`${relsPart.name}: a relationship without an Id`);
    rels.set(plainKey(r.Id, relsPart.name), r);
  }
  const stylesPart = only('styles');
  const stringsPart = only('sharedStrings');
  const context: BookContext = {
    styles: stylesPart ? stylesOf(treeOf(stylesPart.xml, stylesPart.name)) : undefined,
    sharedStrings: stringsPart ? sharedStringsOf(treeOf(stringsPart.xml, stringsPart.name)) : undefined,
    styleModels: new Map(),
  };

  const worksheets = new Map<string, Worksheet>();
  for (const { name, xml } of texts.get('worksheet') ?? []) worksheets.set(name, worksheetOf(xml, name, context));

  // WorkbookXform.reconcile: each sheet to its worksheet part through its relationship.
  const sheetOfPart = new Map<string, SheetEntry>();
  for (const sheet of book.sheets) {
    const rel = rels.get(plainKey(sheet.rId, workbookPart.name));
    if (!rel) continue;
    if (rel.Target === undefined) unsure(`${relsPart.name}: a relationship without a Target`);
    const target = `xl/${rel.Target.replace(/^(\s|\/xl\/)+/, '')}`;
    if (!worksheets.has(target)) continue;
    if (sheetOfPart.has(target)) unsure(`two sheets on ${target}`);
    sheetOfPart.set(target, sheet);
  }
  // Workbook's model: one Worksheet per worksheet part, filed by sheetId, named (and refused) by ExcelJS.
  const ids = new Set<number>();
  const lowerNames = new Set<string>();
  const byName = new Map<string, Worksheet>();
  for (const [target, worksheet] of worksheets) {
    const sheet = sheetOfPart.get(target) ?? unsure(`${target}: no sheet of the workbook`);
    checkSheetName(sheet.name);
    if (!(Number.isSafeInteger(sheet.id) && sheet.id >= 0) || ids.has(sheet.id)) unsure(`sheetId of ${sheet.name}`);
    ids.add(sheet.id);
    const lower = sheet.name.toLowerCase();
    if (lowerNames.has(lower)) unsure(`two sheets named ${sheet.name}`);
    lowerNames.add(lower);
    byName.set(sheet.name, worksheet);
  }

  const sheets = new Map<string, FastCells>();
  for (const plan of input.plans) {
    const worksheet = byName.get(plan.sheet) ?? unsure(`no worksheet ExcelJS would load for ${plan.sheet}`);
    // ExcelJS's findCell fails past column XFD.
    if (plan.areas.some((a) => a.col + a.cols > MAX_COLUMN)) unsure(`${plan.sheet}: cells past column XFD`);
    sheets.set(plan.sheet, (r, c) => {
      const m = worksheet.rows.get(r)?.get(c);
      return m ? valueOf(m, context, book.date1904) : undefined;
    });
  }
  return { date1904: book.date1904, sheets };
}
