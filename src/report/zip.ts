// A zip's structure read by hand, for the file readers that take zips (.xlsx, .docx) before any
// library touches them: the central directory (ZIP64 included), each part's stated sizes, method and
// flags, the local headers it points at, parts that overlap or share a name; and a raw inflater with
// a cap, so that a part lying about its size is caught before it fills memory.
// Pure: bytes in, a ZipDamage out; no Node built-ins and no library, so the task pane can use it too.
// Each reader says what a damage means in its own input errors (WORKBOOK_ZIP_DAMAGED, DOCX_ZIP_DAMAGED).

/** What is wrong with a zip; the input-error messages of both readers name each (src/i18n, ZIP_PROBLEMS). */
export type ZipProblem =
  | 'noDirectory'
  | 'badDirectory'
  | 'badEntry'
  | 'overlap'
  | 'duplicate'
  | 'sizeMismatch'
  | 'inflate'
  | 'method'
  | 'encrypted';

export class ZipDamage extends Error {
  constructor(
    readonly problem: ZipProblem,
    readonly part?: string,
  ) {
    super(part ? `${problem}: ${part}` : problem);
    this.name = 'ZipDamage';
  }
}

/** One part as the central directory states it, checked against its local header. */
export interface ZipPart {
  /** As stored, without a leading slash. */
  readonly name: string;
  /** 0 stored, 8 deflated: the only two read. */
  readonly method: number;
  readonly compressedSize: number;
  /** The unpacked size the directory states. */
  readonly size: number;
  readonly headerOffset: number;
  /** Where the part's (compressed) data starts. */
  readonly dataOffset: number;
}

export interface ZipDirectory {
  readonly count: number;
  readonly offset: number;
  readonly size: number;
  /** Where the directory's end record (or its ZIP64 record) starts. */
  readonly end: number;
}

/** An OLE compound file: an old .xls/.doc, or an Office file with a password to open. */
export function isOleFile(bytes: Uint8Array): boolean {
  return OLE_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Starts as a zip does (`PK`): a file cut before its directory is a damaged zip, not some other kind. */
export const startsAsZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b;

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

function findEndRecord(r: Reader): number {
  const { bytes } = r;
  // The record is 22 bytes plus a comment of at most 65,535.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && r.u32(i) === EOCD) return i;
  }
  return -1;
}

/**
 * The central directory's place and entry count, or undefined when the bytes hold no end record (not a
 * zip, or one cut short: see startsAsZip). Throws ZipDamage when the record points nowhere sound.
 */
export function findZipDirectory(bytes: Uint8Array): ZipDirectory | undefined {
  const r = new Reader(bytes);
  const eocd = findEndRecord(r);
  if (eocd < 0) return undefined;
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

/**
 * The parts the directory lists, each checked: not encrypted, stored or deflated, its local header
 * where it says, its data before the directory, no two overlapping or of the same name.
 */
export function readZipParts(bytes: Uint8Array, dir: ZipDirectory): ZipPart[] {
  const r = new Reader(bytes);
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

/** A part's data as stored (compressed when its method is 8). */
export const storedData = (bytes: Uint8Array, part: ZipPart): Uint8Array =>
  bytes.subarray(part.dataOffset, part.dataOffset + part.compressedSize);

/**
 * Raw-deflated data inflated, in the chunks it came out in, or 'over' once more than `cap` bytes come
 * out. Rejects on damaged data. Needs DecompressionStream('deflate-raw'): see hasDeflateRaw.
 */
export async function inflateRaw(data: Uint8Array, cap: number): Promise<Uint8Array[] | 'over'> {
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

/** Whether this host inflates raw deflate itself (not an old browser). */
export function hasDeflateRaw(): boolean {
  try {
    new DecompressionStream('deflate-raw');
    return true;
  } catch {
    return false;
  }
}
