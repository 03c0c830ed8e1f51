// What an .xlsx file may cost before any reader touches it: the zip's central directory read by
// hand, the stated sizes and part count checked against stated limits, each part inflated once with
// a cap (so a part that lies about its size is caught before it fills memory), and the cells of the
// defined names counted, which ExcelJS expands one by one.
// Pure: bytes in, a ReportInputError out; no Node built-ins, so the task pane can call it as well.
import { ReportInputError } from '../report/errors';

export interface WorkbookLimits {
  /** The file as stored. */
  readonly fileBytes: number;
  /** The sum of the parts' unpacked sizes (ExcelJS reads every part into memory as text). */
  readonly unpackedBytes: number;
  /** Parts (files) in the zip. */
  readonly parts: number;
  /** Highest compression ratio of a part larger than `ratioFloorBytes` unpacked. */
  readonly ratio: number;
  readonly ratioFloorBytes: number;
  /** Cells covered by the explicit ranges (`$A$1:$B$9`) of all defined names. */
  readonly nameCells: number;
}

const MB = 1024 * 1024;

/**
 * Measured on this project's 2-core machine with ExcelJS 4.4 (see the README): a template is
 * 16 KB (50 KB filled); reading costs ~0.1 s and ~20 MB of memory per MB unpacked, so 20 MB
 * unpacked reads in ~3 s within ~450 MB. ExcelJS expands a defined name's range cell by cell:
 * `$AA$1:$AA$1048576` (one column) takes 2.4 s and 770 MB, `$AA$1:$XFD$1048576` in a 16 KB file
 * aborts Node out of memory after a minute; whole columns or rows (`$A:$A`, `$1:$3`) cost nothing.
 * Merged ranges and data validations would cost as much, but the reader has ExcelJS skip them
 * (src/xlsx/read.ts, IGNORED_NODES), so they are not counted here.
 */
export const WORKBOOK_LIMITS: WorkbookLimits = {
  fileBytes: 10 * MB,
  unpackedBytes: 20 * MB,
  parts: 1000,
  ratio: 100,
  ratioFloorBytes: 1 * MB,
  nameCells: 250_000,
};

interface ZipPart {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly headerOffset: number;
  readonly dataOffset: number;
}

type Damage =
  | 'noDirectory'
  | 'badDirectory'
  | 'badEntry'
  | 'overlap'
  | 'duplicate'
  | 'sizeMismatch'
  | 'inflate'
  | 'method'
  | 'encrypted';

class ZipDamage extends Error {
  constructor(
    readonly problem: Damage,
    readonly part?: string,
  ) {
    super(problem);
  }
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

/** A little-endian reader that throws ZipDamage instead of reading past the end. */
class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private need(offset: number, length: number): void {
    if (offset < 0 || offset + length > this.bytes.length) throw new ZipDamage('badDirectory');
  }
  u16(offset: number): number {
    this.need(offset, 2);
    return this.view.getUint16(offset, true);
  }
  u32(offset: number): number {
    this.need(offset, 4);
    return this.view.getUint32(offset, true);
  }
  u64(offset: number): number {
    this.need(offset, 8);
    const value = this.view.getBigUint64(offset, true);
    // Beyond any file we accept; kept finite so that comparisons still refuse it.
    return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
  }
}

function findEndOfDirectory(r: Reader): number {
  const { bytes } = r;
  // The record is 22 bytes plus a comment of at most 65,535.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && r.u32(i) === EOCD) return i;
  }
  return -1;
}

interface Directory {
  readonly count: number;
  readonly offset: number;
  readonly size: number;
  readonly end: number;
}

function readDirectory(r: Reader, eocd: number): Directory {
  let count = r.u16(eocd + 10);
  let size = r.u32(eocd + 12);
  let offset = r.u32(eocd + 16);
  if (r.u16(eocd + 4) !== 0 || r.u16(eocd + 6) !== 0) throw new ZipDamage('badDirectory'); // split archive
  let end = eocd;
  if (count === 0xffff || size === MAX32 || offset === MAX32) {
    const locator = eocd - 20;
    if (locator < 0 || r.u32(locator) !== EOCD64_LOCATOR) throw new ZipDamage('badDirectory');
    const record = r.u64(locator + 8);
    if (r.u32(record) !== EOCD64) throw new ZipDamage('badDirectory');
    count = r.u64(record + 32);
    size = r.u64(record + 40);
    offset = r.u64(record + 48);
    end = record;
  }
  if (offset + size > end) throw new ZipDamage('badDirectory');
  return { count, offset, size, end };
}

const utf8 = new TextDecoder('utf-8');

function readParts(r: Reader, dir: Directory): ZipPart[] {
  const parts: ZipPart[] = [];
  let at = dir.offset;
  for (let i = 0; i < dir.count; i++) {
    if (r.u32(at) !== CENTRAL) throw new ZipDamage('badDirectory');
    const flags = r.u16(at + 8);
    const method = r.u16(at + 10);
    let compressedSize = r.u32(at + 20);
    let size = r.u32(at + 24);
    const nameLength = r.u16(at + 28);
    const extraLength = r.u16(at + 30);
    const commentLength = r.u16(at + 32);
    let headerOffset = r.u32(at + 42);
    const nameStart = at + 46;
    if (nameStart + nameLength + extraLength + commentLength > dir.offset + dir.size) {
      throw new ZipDamage('badDirectory');
    }
    const name = utf8.decode(r.bytes.subarray(nameStart, nameStart + nameLength)).replace(/^\//, '');
    // ZIP64: the 8-byte values follow in the extra field, in this order, for each field at 0xFFFFFFFF.
    let extra = nameStart + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = r.u16(extra);
      const length = r.u16(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (size === MAX32) {
          size = r.u64(field);
          field += 8;
        }
        if (compressedSize === MAX32) {
          compressedSize = r.u64(field);
          field += 8;
        }
        if (headerOffset === MAX32) headerOffset = r.u64(field);
      }
      extra += 4 + length;
    }
    if (flags & 0x0001) throw new ZipDamage('encrypted', name);
    if (method !== 0 && method !== 8) throw new ZipDamage('method', name);
    if (method === 0 && compressedSize !== size) throw new ZipDamage('sizeMismatch', name);
    if (r.u32(headerOffset) !== LOCAL) throw new ZipDamage('badEntry', name);
    const dataOffset = headerOffset + 30 + r.u16(headerOffset + 26) + r.u16(headerOffset + 28);
    if (dataOffset + compressedSize > dir.offset) throw new ZipDamage('badEntry', name);
    parts.push({ name, method, compressedSize, size, headerOffset, dataOffset });
    at = extraEnd + commentLength;
  }
  const sorted = [...parts].sort((a, b) => a.headerOffset - b.headerOffset);
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1];
    if (before.dataOffset + before.compressedSize > sorted[i].headerOffset)
      throw new ZipDamage('overlap', sorted[i].name);
  }
  const names = new Set<string>();
  for (const p of parts) {
    if (names.has(p.name)) throw new ZipDamage('duplicate', p.name);
    names.add(p.name);
  }
  return parts;
}

/** The part's bytes inflated, or undefined once more than `cap` bytes come out. */
async function inflate(data: Uint8Array, cap: number): Promise<Uint8Array[] | 'over'> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  // Written in slices and read as they come, so that memory stays at the cap, not the bomb's size.
  const written = (async () => {
    for (let i = 0; i < data.length; i += 64 * 1024) await writer.write(data.subarray(i, i + 64 * 1024));
    await writer.close();
  })();
  written.catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      await writer.abort().catch(() => undefined);
      return 'over';
    }
    chunks.push(value);
  }
  await written;
  return chunks;
}

function hasDeflateRaw(): boolean {
  try {
    new DecompressionStream('deflate-raw');
    return true;
  } catch {
    return false;
  }
}

// ---- defined names, which ExcelJS expands cell by cell ------------------------------------------

const RANGE = /\$?([A-Za-z]{1,3})\$?(\d+):\$?([A-Za-z]{1,3})\$?(\d+)/g;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Cells covered by the explicit `A1:B2` ranges of a reference list. */
function cellsOf(refs: string): number {
  let cells = 0;
  for (const m of refs.matchAll(RANGE)) {
    const cols = Math.abs(columnNumber(m[3]) - columnNumber(m[1])) + 1;
    const rows = Math.abs(Number(m[4]) - Number(m[2])) + 1;
    cells += cols * rows;
  }
  return cells;
}

interface NameCells {
  total: number;
  /** The largest single name, to name in the message. */
  largest?: { name: string; ref: string; cells: number };
}

function countNames(workbookXml: string): NameCells {
  const out: NameCells = { total: 0 };
  for (const m of workbookXml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([^<]*)</g)) {
    // Quoted sheet names and text constants may hold anything, including what looks like a range.
    const refs = m[2].replace(/'(?:[^']|'')*'/g, "'").replace(/"[^"]*"/g, '""');
    const cells = cellsOf(refs);
    out.total += cells;
    if (!out.largest || cells > out.largest.cells) {
      out.largest = { name: /\bname="([^"]*)"/.exec(m[1])?.[1] ?? '', ref: m[2], cells };
    }
  }
  return out;
}

const isWorkbookPart = (name: string): boolean => name === 'xl/workbook.xml';

function damaged(file: string, err: ZipDamage): ReportInputError {
  return new ReportInputError('WORKBOOK_ZIP_DAMAGED', {
    file,
    problem: err.problem,
    ...(err.part ? { part: err.part } : {}),
  });
}

/**
 * Refuses, with a ReportInputError naming the limit, an .xlsx file that would cost a reader more
 * than the limits allow, or that is not a sound zip. Resolves when the reader may go ahead.
 */
export async function checkWorkbookLimits(
  bytes: Uint8Array,
  file: string,
  limits: WorkbookLimits = WORKBOOK_LIMITS,
): Promise<void> {
  if (bytes.length > limits.fileBytes) {
    throw new ReportInputError('FILE_TOO_LARGE', { file, size: bytes.length, limit: limits.fileBytes, ext: '.xlsx' });
  }
  if (OLE_SIGNATURE.every((b, i) => bytes[i] === b))
    throw new ReportInputError('WORKBOOK_LEGACY_OR_ENCRYPTED', { file });
  const r = new Reader(bytes);
  let parts: ZipPart[];
  try {
    const eocd = findEndOfDirectory(r);
    if (eocd < 0) {
      if (bytes[0] === 0x50 && bytes[1] === 0x4b) throw new ZipDamage('noDirectory');
      throw new ReportInputError('WORKBOOK_NOT_XLSX', { file });
    }
    const dir = readDirectory(r, eocd);
    if (dir.count > limits.parts) {
      throw new ReportInputError('WORKBOOK_TOO_MANY_PARTS', { file, count: dir.count, limit: limits.parts });
    }
    parts = readParts(r, dir);
  } catch (err) {
    if (err instanceof ZipDamage) throw damaged(file, err);
    throw err;
  }
  const unpacked = parts.reduce((sum, p) => sum + p.size, 0);
  if (unpacked > limits.unpackedBytes) {
    throw new ReportInputError('WORKBOOK_UNPACKED_TOO_LARGE', { file, size: unpacked, limit: limits.unpackedBytes });
  }
  for (const p of parts) {
    const ratio = p.size / Math.max(1, p.compressedSize);
    if (p.size > limits.ratioFloorBytes && ratio > limits.ratio) {
      throw new ReportInputError('WORKBOOK_ZIP_BOMB', {
        file,
        part: p.name,
        ratio: Math.round(ratio),
        limit: limits.ratio,
      });
    }
  }
  // Without a raw inflater (an old browser) the stated sizes above are all that can be checked.
  if (!hasDeflateRaw()) return;
  let workbookXml: string | undefined;
  for (const p of parts) {
    const data = bytes.subarray(p.dataOffset, p.dataOffset + p.compressedSize);
    let content: Uint8Array[] | 'over' = [data];
    if (p.method === 8) {
      try {
        content = await inflate(data, p.size);
      } catch {
        throw damaged(file, new ZipDamage('inflate', p.name));
      }
      const length = content === 'over' ? Infinity : content.reduce((sum, c) => sum + c.byteLength, 0);
      if (length !== p.size) throw damaged(file, new ZipDamage('sizeMismatch', p.name));
    }
    if (content !== 'over' && isWorkbookPart(p.name)) {
      const decoder = new TextDecoder('utf-8');
      workbookXml = content.map((c) => decoder.decode(c, { stream: true })).join('') + decoder.decode();
    }
  }
  const names = countNames(workbookXml ?? '');
  if (names.total > limits.nameCells && names.largest) {
    throw new ReportInputError('WORKBOOK_NAMES_TOO_LARGE', {
      file,
      name: names.largest.name,
      ref: names.largest.ref,
      cells: names.total,
      limit: limits.nameCells,
    });
  }
}
