// A .docx read back into the signature lines of src/outline/signature.ts (`outlineSignature`), so that a
// parity test can hold the .docx writer — and the live Word writer, once its document is saved — to the
// outline: headings by their built-in styles, paragraphs by their styles, figures and prompts by their
// content controls' tags and texts, table cells by their grid positions and merges. Reads the XML with a
// real parser (saxes) into a small element tree; nothing here knows how the writer wrote the file.
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}
export type XmlNode = XmlElement | string;

/** A whole XML document as an element tree (qualified names as written, e.g. `w:p`). Throws if not well formed. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: { children: XmlNode[] } = { children: [] };
  const stack: { children: XmlNode[] }[] = [root];
  parser.on('opentag', (tag) => {
    const element = { name: tag.name, attributes: { ...(tag.attributes as Record<string, string>) }, children: [] };
    stack[stack.length - 1].children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (text) => void stack[stack.length - 1].children.push(text));
  parser.on('cdata', (text) => void stack[stack.length - 1].children.push(text));
  parser.write(xml).close();
  const [element] = root.children.filter((n): n is XmlElement => typeof n !== 'string');
  if (!element) throw new Error('no root element');
  return element;
}

export const elements = (node: XmlElement, name?: string): XmlElement[] =>
  node.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));

export const child = (node: XmlElement, name: string): XmlElement | undefined => elements(node, name)[0];

/** Every element named `name` below `node`, in document order. */
export function descendants(node: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (n: XmlElement): void => {
    for (const c of elements(n)) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

const val = (node: XmlElement | undefined): string | undefined => node?.attributes['w:val'];

/** The text a run shows: its w:t, tabs and breaks. */
function runText(run: XmlElement): string {
  let text = '';
  for (const c of elements(run)) {
    if (c.name === 'w:t') text += c.children.filter((n): n is string => typeof n === 'string').join('');
    else if (c.name === 'w:tab') text += '\t';
    else if (c.name === 'w:br' || c.name === 'w:cr') text += '\n';
  }
  return text;
}

/** The plain text of a paragraph-level container (a paragraph, an sdtContent …). */
export function textOf(node: XmlElement): string {
  return elements(node)
    .map((c) => (c.name === 'w:r' ? runText(c) : c.name === 'w:rPr' || c.name === 'w:pPr' ? '' : textOf(c)))
    .join('');
}

export const controlTag = (sdt: XmlElement): string | undefined => val(child(child(sdt, 'w:sdtPr') ?? sdt, 'w:tag'));

/** A paragraph's runs as signature text: plain text as is, each control as `[<tag>=<text>]`. */
function paragraphRuns(p: XmlElement): string {
  return elements(p)
    .map((c) => {
      if (c.name === 'w:r') return runText(c);
      if (c.name === 'w:sdt') return `[${controlTag(c) ?? ''}=${textOf(child(c, 'w:sdtContent') ?? c)}]`;
      if (c.name === 'w:hyperlink' || c.name === 'w:smartTag' || c.name === 'w:ins') return paragraphRuns(c);
      return '';
    })
    .join('');
}

/** Paragraph style ids → the outline's kinds (Word's built-in ids and the writer's own). */
const STYLE_KINDS: Readonly<Record<string, string>> = {
  Title: 'title',
  Heading1: 'H1',
  Heading2: 'H2',
  NianbaoBody: 'body',
  NianbaoClosing: 'closing',
};

function paragraphLine(p: XmlElement): string | undefined {
  const style = val(child(child(p, 'w:pPr') ?? p, 'w:pStyle')) ?? '';
  const kind = STYLE_KINDS[style] ?? 'body';
  const runs = paragraphRuns(p);
  if (kind === 'H1' || kind === 'H2') return `${kind} ${runs}`;
  return `P ${kind} ${runs}`;
}

/** A table's id, from the cell keys its figures are tagged with (`nianbao:s3.…` → `s3`). */
function tableId(tbl: XmlElement): string {
  for (const sdt of descendants(tbl, 'w:sdt')) {
    const match = /^nianbao:(s[234])\./.exec(controlTag(sdt) ?? '');
    if (match) return match[1];
  }
  return '?';
}

function cellContent(tc: XmlElement): string {
  const paragraphs = elements(tc, 'w:p');
  const controls = paragraphs.flatMap((p) => elements(p, 'w:sdt'));
  if (controls.length === 1) {
    const sdt = controls[0];
    return `[${controlTag(sdt) ?? ''}=${textOf(child(sdt, 'w:sdtContent') ?? sdt)}]`;
  }
  return `"${paragraphs.map(textOf).join('\n')}"`;
}

function tableLines(tbl: XmlElement): string[] {
  const id = tableId(tbl);
  const grid = elements(child(tbl, 'w:tblGrid') ?? tbl, 'w:gridCol').length;
  // Each row's cells with their grid column, span and vertical merge.
  const rows = elements(tbl, 'w:tr').map((tr) => {
    let col = 0;
    return elements(tr, 'w:tc').map((tc) => {
      const pr = child(tc, 'w:tcPr');
      const span = Number(val(child(pr ?? tc, 'w:gridSpan')) ?? 1);
      const vMerge = pr ? child(pr, 'w:vMerge') : undefined;
      const merge = vMerge ? (val(vMerge) === 'restart' ? 'restart' : 'continue') : undefined;
      const cell = { tc, col, span, merge };
      col += span;
      return cell;
    });
  });
  const lines = [`T ${id} grid ${grid}`];
  rows.forEach((row, r) => {
    for (const cell of row) {
      if (cell.merge === 'continue') continue;
      let rowSpan = 1;
      if (cell.merge === 'restart') {
        while (rows[r + rowSpan]?.some((c) => c.col === cell.col && c.merge === 'continue')) rowSpan++;
      }
      lines.push(`T ${id} r${r}c${cell.col} span${cell.span}x${rowSpan} ${cellContent(cell.tc)}`);
    }
  });
  return lines;
}

/** The signature lines of a document.xml's body. `title` is the document's title (core properties). */
export function documentSignature(documentXml: string, title: string): string[] {
  const body = child(parseXml(documentXml), 'w:body');
  if (!body) throw new Error('document.xml has no w:body');
  const lines = [`TITLE ${title}`];
  const block = (node: XmlElement): void => {
    if (node.name === 'w:p') {
      const line = paragraphLine(node);
      if (line !== undefined) lines.push(line);
    } else if (node.name === 'w:tbl') lines.push(...tableLines(node));
    else if (node.name === 'w:sdt') {
      // A block-level control around whole paragraphs: a prompt answered in paragraphs of its own.
      const content = child(node, 'w:sdtContent');
      const tag = controlTag(node) ?? '';
      for (const p of content ? elements(content, 'w:p') : []) {
        const style = val(child(child(p, 'w:pPr') ?? p, 'w:pStyle')) ?? '';
        lines.push(`P ${STYLE_KINDS[style] ?? 'body'} [${tag}=${textOf(p)}]`);
      }
    }
  };
  elements(body).forEach(block);
  return lines;
}

/** The document's title from docProps/core.xml (dc:title), or '' when there is none. */
function coreTitle(coreXml: string | undefined): string {
  if (!coreXml) return '';
  const title = descendants({ name: '#', attributes: {}, children: [parseXml(coreXml)] }, 'dc:title')[0];
  return title ? title.children.filter((n): n is string => typeof n === 'string').join('') : '';
}

/** A .docx file's signature lines, to compare with `outlineSignature(outline)`. */
export async function docxSignature(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (!documentXml) throw new Error('no word/document.xml');
  return documentSignature(documentXml, coreTitle(await zip.file('docProps/core.xml')?.async('string')));
}
