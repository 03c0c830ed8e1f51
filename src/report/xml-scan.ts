// A fast, strict scanner for the XML parts of Office files (a Word document's main part, a workbook's
// sheets): start tags with their attributes, end tags, text (entities decoded) and CDATA, in order,
// through callbacks. It refuses what is not well-formed XML — an end tag that closes another element,
// an unterminated tag, comment or CDATA section, an attribute without quotes or given twice, an unknown
// entity, text or a second element outside the root, a document that ends inside an element — and any
// DTD (`<!DOCTYPE`: no entity expansion, so no "billion laughs"). Word's main part is 0.2–30 MB of small
// elements: a general parser with namespace and DTD support (saxes) reads it at ~20 MB/s; this scans it
// several times faster, which is what makes reading a draft cost about what reading its text does.
// Shared by the .docx reader (src/docx/read-document.ts) and the .xlsx fast reader (src/xlsx/fast-read.ts).
// Pure: a string in, callbacks out; no Node built-ins.

export interface XmlTag {
  /** As written, prefix included (`w:p`). */
  readonly name: string;
  /** As written, by qualified name; values with their entities decoded. */
  readonly attributes: Readonly<Record<string, string>>;
}

export interface XmlHandlers {
  open(tag: XmlTag): void;
  close(name: string): void;
  text(text: string): void;
}

export interface ScanOptions {
  /**
   * Refuse names (of elements and attributes) with other characters than ASCII letters, digits and
   * `_ . : -`: all of them acceptable to any XML parser (the .xlsx fast reader must not accept what
   * ExcelJS's parser would refuse).
   */
  readonly asciiNames?: boolean;
}

/** Not well-formed XML; `at` is the offset in the string. */
export class XmlSyntaxError extends Error {
  readonly at: number;
  constructor(message: string, at: number) {
    super(`${message} at ${at}`);
    this.name = 'XmlSyntaxError';
    this.at = at;
  }
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** A character a name may not contain (or end at): white space, `/`, `>`, `=`, quotes, `<`. */
function endsName(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x2f ||
    code === 0x3e ||
    code === 0x3d ||
    code === 0x22 ||
    code === 0x27 ||
    code === 0x3c
  );
}

/** By ASCII code: 2 ends a name (endsName), 1 is an ASCII name character (letters, digits, `_ . : -`). */
const NAME_CLASS = new Uint8Array(128);
for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:-') NAME_CLASS[ch.charCodeAt(0)] = 1;
for (let c = 0; c < 128; c++) if (endsName(c)) NAME_CLASS[c] = 2;

/**
 * Where the name starting at `from` ends (at a character that ends names, or the end); with `ascii`,
 * throws at a character that is neither that nor an ASCII name character.
 */
function nameEnd(xml: string, from: number, ascii: boolean): number {
  const n = xml.length;
  let j = from;
  for (; j < n; j++) {
    const c = xml.charCodeAt(j);
    const kind = c < 128 ? NAME_CLASS[c] : 0;
    if (kind === 2) break;
    if (kind === 0 && ascii) throw new XmlSyntaxError('a name with other than ASCII letters and digits', j);
  }
  return j;
}

const isSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/** A name's first character may not be a digit, `-` or `.` (nor empty). */
function validName(name: string): boolean {
  if (name === '') return false;
  const c = name.charCodeAt(0);
  return !(c >= 0x30 && c <= 0x39) && c !== 0x2d && c !== 0x2e;
}

/** Text with its entity and character references decoded. */
function decode(raw: string, at: number): string {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 12) throw new XmlSyntaxError('unterminated reference', at + amp);
    const ref = raw.slice(amp + 1, semi);
    let ch: string | undefined;
    if (ref.charCodeAt(0) === 0x23 /* # */) {
      const hex = ref.charCodeAt(1) === 0x78; /* x */
      const digits = ref.slice(hex ? 2 : 1);
      const code =
        digits !== '' && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) ? parseInt(digits, hex ? 16 : 10) : NaN;
      if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) {
        throw new XmlSyntaxError('bad character reference', at + amp);
      }
      ch = String.fromCodePoint(code);
    } else {
      ch = PREDEFINED[ref];
      if (ch === undefined) throw new XmlSyntaxError(`unknown entity &${ref.slice(0, 20)};`, at + amp);
    }
    out += raw.slice(from, amp) + ch;
    from = semi + 1;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}

/** Scans `xml`, calling the handlers in document order; throws XmlSyntaxError where it is not well-formed. */
export function scanXml(xml: string, on: XmlHandlers, options: ScanOptions = {}): void {
  const ascii = options.asciiNames === true;
  const n = xml.length;
  const open: string[] = [];
  let seenRoot = false;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      const raw = xml.slice(i, end);
      if (open.length > 0) on.text(decode(raw, i));
      else if (!/^[ \t\r\n]*$/.test(raw)) throw new XmlSyntaxError('text outside the root element', i);
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      // A processing instruction (the XML declaration among them): skipped.
      const close = xml.indexOf('?>', lt + 2);
      if (close < 0) throw new XmlSyntaxError('unterminated processing instruction', lt);
      i = close + 2;
      continue;
    }
    if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const close = xml.indexOf('-->', lt + 4);
        if (close < 0) throw new XmlSyntaxError('unterminated comment', lt);
        i = close + 3;
        continue;
      }
      if (xml.startsWith('<![CDATA[', lt)) {
        if (open.length === 0) throw new XmlSyntaxError('CDATA outside the root element', lt);
        const close = xml.indexOf(']]>', lt + 9);
        if (close < 0) throw new XmlSyntaxError('unterminated CDATA section', lt);
        on.text(xml.slice(lt + 9, close));
        i = close + 3;
        continue;
      }
      throw new XmlSyntaxError('a DTD or declaration (not allowed)', lt);
    }
    if (next === 0x2f /* / */) {
      let j = nameEnd(xml, lt + 2, ascii);
      const name = xml.slice(lt + 2, j);
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== 0x3e) throw new XmlSyntaxError('unterminated end tag', lt);
      const expected = open.pop();
      if (expected !== name) throw new XmlSyntaxError(`end tag </${name.slice(0, 40)}> does not close its element`, lt);
      on.close(name);
      i = j + 1;
      continue;
    }
    // A start tag.
    let j = nameEnd(xml, lt + 1, ascii);
    const name = xml.slice(lt + 1, j);
    if (!validName(name)) throw new XmlSyntaxError('bad element name', lt);
    if (open.length === 0) {
      if (seenRoot) throw new XmlSyntaxError('a second root element', lt);
      seenRoot = true;
    }
    const attributes: Record<string, string> = {};
    let selfClosing = false;
    for (;;) {
      const before = j;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (j >= n) throw new XmlSyntaxError('unterminated start tag', lt);
      const c = xml.charCodeAt(j);
      if (c === 0x3e /* > */) {
        j++;
        break;
      }
      if (c === 0x2f /* / */) {
        if (xml.charCodeAt(j + 1) !== 0x3e) throw new XmlSyntaxError('bad start tag', lt);
        selfClosing = true;
        j += 2;
        break;
      }
      if (j === before) throw new XmlSyntaxError('attributes must be apart', j);
      const nameStart = j;
      j = nameEnd(xml, j, ascii);
      const attr = xml.slice(nameStart, j);
      if (!validName(attr)) throw new XmlSyntaxError('bad attribute name', nameStart);
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== 0x3d /* = */) throw new XmlSyntaxError('attribute without a value', nameStart);
      j++;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      const quote = xml.charCodeAt(j);
      if (quote !== 0x22 && quote !== 0x27) throw new XmlSyntaxError('attribute value without quotes', j);
      const close = xml.indexOf(quote === 0x22 ? '"' : "'", j + 1);
      if (close < 0) throw new XmlSyntaxError('unterminated attribute value', j);
      const raw = xml.slice(j + 1, close);
      if (raw.includes('<')) throw new XmlSyntaxError('< in an attribute value', j);
      if (Object.prototype.hasOwnProperty.call(attributes, attr))
        throw new XmlSyntaxError('attribute given twice', nameStart);
      attributes[attr] = decode(raw, j + 1);
      j = close + 1;
    }
    on.open({ name, attributes });
    if (selfClosing) on.close(name);
    else open.push(name);
    i = j;
  }
  if (!seenRoot) throw new XmlSyntaxError('no root element', n);
  if (open.length > 0) throw new XmlSyntaxError(`the document ends inside <${open[open.length - 1].slice(0, 40)}>`, n);
}
