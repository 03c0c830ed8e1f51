// What an .xlsx file may cost before any reader touches it: the zip's central directory read by
// hand (src/report/zip.ts, shared with the .docx reader), the stated sizes and part count checked
// against stated limits, each part inflated once with a cap (so a part that lies about its size is
// caught before it fills memory), and the cells of the defined names counted, which ExcelJS expands
// one by one.
// Pure: bytes in, a ReportInputError out; no Node built-ins, so the task pane can call it as well.
import { ReportInputError } from '../report/errors';
import {
  findZipDirectory,
  hasDeflateRaw,
  inflateRaw,
  isOleFile,
  readZipParts,
  startsAsZip,
  storedData,
  ZipDamage,
  type ZipPart,
} from '../report/zip';

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

/** A part as the limits check inflated it. */
export interface InflatedPart {
  /** As the central directory names it (a leading `/` dropped). */
  readonly name: string;
  readonly data: Uint8Array;
}

/** Every part of a workbook as the limits check inflated it, for the reader not to inflate it again. */
export interface WorkbookParts {
  /** In central directory order. */
  readonly parts: readonly InflatedPart[];
  /**
   * The central directory ends where the end record starts (no ZIP64 record, nothing in between):
   * then JSZip, which shifts every offset by what lies between, reads these very entries in this order.
   */
  readonly directoryAtEnd: boolean;
}

const EOCD_SIGNATURE = [0x50, 0x4b, 0x05, 0x06];

function joined(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Parts inflated at once: enough to overlap their streams, few enough to bound the inflaters' memory. */
const INFLATE_AT_ONCE = 16;

/** A part's unpacked chunks, or what is wrong with its data. */
async function inflatePart(bytes: Uint8Array, p: ZipPart): Promise<Uint8Array[] | 'inflate' | 'sizeMismatch'> {
  const stored = storedData(bytes, p);
  if (p.method !== 8) return [stored];
  let content: Uint8Array[] | 'over';
  try {
    content = await inflateRaw(stored, p.size);
  } catch {
    return 'inflate';
  }
  const length = content === 'over' ? Infinity : content.reduce((sum, c) => sum + c.byteLength, 0);
  return content === 'over' || length !== p.size ? 'sizeMismatch' : content;
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
  await readWorkbookParts(bytes, file, limits);
}

/**
 * checkWorkbookLimits, keeping what it inflated: every part's bytes, or undefined on a host without a
 * raw inflater (where only the stated sizes are checked). Throws exactly as checkWorkbookLimits does.
 */
export async function readWorkbookParts(
  bytes: Uint8Array,
  file: string,
  limits: WorkbookLimits = WORKBOOK_LIMITS,
): Promise<WorkbookParts | undefined> {
  if (bytes.length > limits.fileBytes) {
    throw new ReportInputError('FILE_TOO_LARGE', { file, size: bytes.length, limit: limits.fileBytes, ext: '.xlsx' });
  }
  if (isOleFile(bytes)) throw new ReportInputError('WORKBOOK_LEGACY_OR_ENCRYPTED', { file });
  let parts: ZipPart[];
  let directoryAtEnd: boolean;
  try {
    const dir = findZipDirectory(bytes);
    if (!dir) {
      if (startsAsZip(bytes)) throw new ZipDamage('noDirectory');
      throw new ReportInputError('WORKBOOK_NOT_XLSX', { file });
    }
    if (dir.count > limits.parts) {
      throw new ReportInputError('WORKBOOK_TOO_MANY_PARTS', { file, count: dir.count, limit: limits.parts });
    }
    parts = readZipParts(bytes, dir);
    directoryAtEnd = dir.offset + dir.size === dir.end && EOCD_SIGNATURE.every((b, i) => bytes[dir.end + i] === b);
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
  if (!hasDeflateRaw()) return undefined;
  const inflated: InflatedPart[] = [];
  let workbookXml: string | undefined;
  // A few parts inflated at a time (each inflater waits on its own stream), failures said in the
  // parts' order: the first part that fails is the one named, as when they were inflated one by one.
  for (let from = 0; from < parts.length; from += INFLATE_AT_ONCE) {
    const batch = parts.slice(from, from + INFLATE_AT_ONCE);
    const contents = await Promise.all(batch.map((p) => inflatePart(bytes, p)));
    batch.forEach((p, i) => {
      const content = contents[i];
      if (content === 'inflate') throw damaged(file, new ZipDamage('inflate', p.name));
      if (content === 'sizeMismatch') throw damaged(file, new ZipDamage('sizeMismatch', p.name));
      inflated.push({ name: p.name, data: joined(content) });
      if (isWorkbookPart(p.name)) {
        const decoder = new TextDecoder('utf-8');
        workbookXml = content.map((c) => decoder.decode(c, { stream: true })).join('') + decoder.decode();
      }
    });
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
  return { parts: inflated, directoryAtEnd };
}
