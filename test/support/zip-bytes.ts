// A small zip writer for tests that need zips no library would write: sizes that lie, parts that
// share their data, encrypted flags, ZIP64 records. Entries are written as given, in order.
import { deflateRawSync } from 'zlib';

export interface ZipEntrySpec {
  readonly name: string;
  readonly data: Uint8Array;
  /** 8 (deflate, the default) or 0 (stored); any other number is written as is. */
  readonly method?: number;
  /** The unpacked size the directory states (default: the true size). */
  readonly statedSize?: number;
  readonly flags?: number;
  /** State the sizes as 0xFFFFFFFF with the true ones in a ZIP64 extra field. */
  readonly zip64?: boolean;
  /** Point this directory entry at the local header of an earlier entry (by index). */
  readonly sharesDataWith?: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

class Out {
  private readonly parts: Buffer[] = [];
  length = 0;
  push(b: Buffer | Uint8Array): void {
    const buf = Buffer.from(b);
    this.parts.push(buf);
    this.length += buf.length;
  }
  u16(n: number): void {
    const b = Buffer.alloc(2);
    b.writeUInt16LE(n);
    this.push(b);
  }
  u32(n: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n >>> 0);
    this.push(b);
  }
  u64(n: number): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    this.push(b);
  }
  bytes(): Uint8Array {
    return new Uint8Array(Buffer.concat(this.parts));
  }
}

export function buildZip(entries: readonly ZipEntrySpec[]): Uint8Array {
  const out = new Out();
  const written: { offset: number; compressed: Uint8Array; crc: number }[] = [];
  for (const e of entries) {
    const method = e.method ?? 8;
    const compressed = method === 8 ? new Uint8Array(deflateRawSync(e.data)) : e.data;
    const crc = crc32(e.data);
    if (e.sharesDataWith !== undefined) {
      written.push({ ...written[e.sharesDataWith] });
      continue;
    }
    const name = Buffer.from(e.name, 'utf8');
    written.push({ offset: out.length, compressed, crc });
    out.u32(0x04034b50);
    out.u16(20);
    out.u16(e.flags ?? 0x0800);
    out.u16(method);
    out.u32(0); // time, date
    out.u32(crc);
    out.u32(compressed.length);
    out.u32(e.statedSize ?? e.data.length);
    out.u16(name.length);
    out.u16(0);
    out.push(name);
    out.push(compressed);
  }
  const directory = out.length;
  entries.forEach((e, i) => {
    const w = written[i];
    const name = Buffer.from(e.name, 'utf8');
    const size = e.statedSize ?? e.data.length;
    out.u32(0x02014b50);
    out.u16(45);
    out.u16(e.zip64 ? 45 : 20);
    out.u16(e.flags ?? 0x0800);
    out.u16(e.method ?? 8);
    out.u32(0);
    out.u32(w.crc);
    out.u32(e.zip64 ? 0xffffffff : w.compressed.length);
    out.u32(e.zip64 ? 0xffffffff : size);
    out.u16(name.length);
    out.u16(e.zip64 ? 20 : 0);
    out.u16(0); // comment
    out.u16(0); // disk
    out.u16(0);
    out.u32(0);
    out.u32(w.offset);
    out.push(name);
    if (e.zip64) {
      out.u16(0x0001);
      out.u16(16);
      out.u64(size);
      out.u64(w.compressed.length);
    }
  });
  const directorySize = out.length - directory;
  out.u32(0x06054b50);
  out.u16(0);
  out.u16(0);
  out.u16(entries.length);
  out.u16(entries.length);
  out.u32(directorySize);
  out.u32(directory);
  out.u16(0);
  return out.bytes();
}
