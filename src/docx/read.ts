// The .docx draft reader: a Word document's bytes → the importer's SourceDocument (the paragraphs and
// tables of its main part in order, and the figures of its tagged content controls), for importSource.
// A document `nianbao docx` wrote is read back exactly through its tags; a draft the agency wrote
// itself through its tables and paragraphs (./read-document).
//
// Before any library touches the bytes, the zip is read by hand (src/report/zip.ts, as the .xlsx
// limits do): its directory, every part's stated sizes, the sum of them and the part count against
// DOCX_LIMITS. Only the main part (and the package relationships that name it) is unpacked, by JSZip,
// streamed with a cap, so that a part lying about its size is stopped at the cap rather than filling
// memory. Pure: bytes in, a SourceDocument or a ReportInputError (DOCX_*) out, never another error.
import JSZip from 'jszip';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { SourceDocument } from '../import/types';
import { ReportInputError } from '../report/errors';
import { findZipDirectory, isOleFile, readZipParts, startsAsZip, ZipDamage, type ZipPart } from '../report/zip';
import { DocumentTooDeep, MAX_DEPTH, NotWordDocument, readDocumentXml } from './read-document';

export interface DocxLimits {
  /** The file as stored. */
  readonly fileBytes: number;
  /** The sum of the parts' stated unpacked sizes (pictures included, though they are not read). */
  readonly unpackedBytes: number;
  /** The main part (word/document.xml) unpacked: the one large part parsed. */
  readonly documentBytes: number;
  /** Parts (files) in the zip. */
  readonly parts: number;
  /** Highest compression ratio of a part read that is larger than `ratioFloorBytes` unpacked. */
  readonly ratio: number;
  readonly ratioFloorBytes: number;
}

const MB = 1024 * 1024;

/**
 * A report's draft is some tens of KB of document.xml (a generated one ~150 KB) in a file of ~30 KB;
 * with pictures a few MB. saxes reads about 20 MB of XML a second here, so 30 MB parses in a few
 * seconds; the blocks it makes are a fraction of the text.
 */
export const DOCX_LIMITS: DocxLimits = {
  fileBytes: 50 * MB,
  unpackedBytes: 100 * MB,
  documentBytes: 30 * MB,
  parts: 2000,
  ratio: 100,
  ratioFloorBytes: 1 * MB,
};

/** The package relationships part, and the most of it read (it names a few parts). */
const PACKAGE_RELS = '_rels/.rels';
const RELS_BYTES = 1 * MB;
const DEFAULT_MAIN = 'word/document.xml';
const OFFICE_DOCUMENT = /\/officeDocument$/;

/** A part name as OPC compares them: case-insensitive, forward slashes, no leading slash. */
const partKey = (name: string): string => name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();

function zipDamaged(file: string, err: ZipDamage, cause?: unknown): ReportInputError {
  return new ReportInputError(
    'DOCX_ZIP_DAMAGED',
    { file, problem: err.problem, ...(err.part ? { part: err.part } : {}) },
    cause === undefined ? undefined : { cause },
  );
}

/** `size` is what the messages print; `bytes` as the code's parameters are documented. */
const tooLarge = (file: string, size: number, limit: number, part?: string): ReportInputError =>
  new ReportInputError('DOCX_UNPACKED_TOO_LARGE', { file, size, bytes: size, limit, ...(part ? { part } : {}) });

/** The zip's parts, checked against the limits; ReportInputError otherwise. */
function checkedParts(bytes: Uint8Array, file: string, limits: DocxLimits): ZipPart[] {
  if (bytes.length > limits.fileBytes) {
    throw new ReportInputError('FILE_TOO_LARGE', { file, size: bytes.length, limit: limits.fileBytes, ext: '.docx' });
  }
  if (isOleFile(bytes)) throw new ReportInputError('DOCX_LEGACY_OR_ENCRYPTED', { file });
  let parts: ZipPart[];
  try {
    const dir = findZipDirectory(bytes);
    if (!dir) {
      if (startsAsZip(bytes)) throw new ZipDamage('noDirectory');
      throw new ReportInputError('DOCX_NOT_DOCX', { file });
    }
    // No message of its own: a package of thousands of parts is no report draft Word wrote.
    if (dir.count > limits.parts) throw new ReportInputError('DOCX_NOT_DOCX', { file });
    parts = readZipParts(bytes, dir);
  } catch (err) {
    if (err instanceof ZipDamage) throw zipDamaged(file, err);
    throw err;
  }
  const unpacked = parts.reduce((sum, p) => sum + p.size, 0);
  if (unpacked > limits.unpackedBytes) throw tooLarge(file, unpacked, limits.unpackedBytes);
  return parts;
}

/** ZipObject#internalStream, in JSZip's documentation (3.x) but not in its typings. */
interface StreamingEntry {
  internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array>;
}

/** A part's bytes through JSZip, streamed in chunks: 'over' once more than `cap` came out. */
function unpack(entry: JSZip.JSZipObject, cap: number): Promise<Uint8Array[] | 'over'> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let settled = false;
    const stream = (entry as unknown as StreamingEntry).internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        if (settled) return;
        total += chunk.byteLength;
        if (total > cap) {
          settled = true;
          stream.pause();
          resolve('over');
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (error) => {
        if (settled) return;
        settled = true;
        reject(error);
      })
      .on('end', () => {
        if (settled) return;
        settled = true;
        resolve(chunks);
      })
      .resume();
  });
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** The XML text of a part: UTF-8 (as Word writes it), or UTF-16 by its byte order mark. */
function decodeXml(data: Uint8Array): string {
  const label =
    data[0] === 0xff && data[1] === 0xfe ? 'utf-16le' : data[0] === 0xfe && data[1] === 0xff ? 'utf-16be' : 'utf-8';
  // The decoder drops the byte order mark; invalid bytes are a damaged part.
  return new TextDecoder(label, { fatal: true }).decode(data);
}

/** The main part's name the package relationships give (ECMA-376 Part 2 §9.3), when they give one. */
function mainPartOfRels(xml: string): string | undefined {
  let target: string | undefined;
  let depth = 0;
  // Names as written (xmlns: false): saxes's namespace lookup costs the depth for each element.
  const parser = new SaxesParser({ xmlns: false });
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (++depth > MAX_DEPTH) throw new DocumentTooDeep();
    const local = tag.name.slice(tag.name.indexOf(':') + 1);
    if (target !== undefined || local !== 'Relationship') return;
    const { Type: type, Target: to, TargetMode: mode } = tag.attributes;
    if (OFFICE_DOCUMENT.test(type ?? '') && mode !== 'External') target = to;
  });
  parser.on('closetag', () => void depth--);
  parser.write(xml).close();
  return target?.replace(/^\.\//, '');
}

interface Package {
  readonly zip: JSZip;
  /** The parts by partKey. */
  readonly parts: ReadonlyMap<string, ZipPart>;
}

/** The JSZip entry of a part the directory lists. */
function entryOf(pkg: Package, part: ZipPart): JSZip.JSZipObject | undefined {
  const exact = pkg.zip.file(part.name);
  if (exact) return exact;
  const key = partKey(part.name);
  const name = Object.keys(pkg.zip.files).find((n) => partKey(n) === key);
  return name === undefined ? undefined : (pkg.zip.files[name] ?? undefined);
}

/** A part unpacked with a cap: its bytes, 'over', or a ReportInputError for a damaged zip. */
async function partBytes(pkg: Package, part: ZipPart, cap: number, file: string): Promise<Uint8Array | 'over'> {
  const entry = entryOf(pkg, part);
  if (!entry || entry.dir) throw zipDamaged(file, new ZipDamage('badEntry', part.name));
  let content: Uint8Array[] | 'over';
  try {
    content = await unpack(entry, cap);
  } catch (err) {
    const mismatch = err instanceof Error && /size mismatch/i.test(err.message);
    throw zipDamaged(file, new ZipDamage(mismatch ? 'sizeMismatch' : 'inflate', part.name), err);
  }
  if (content === 'over') return 'over';
  const data = concat(content);
  if (data.byteLength !== part.size) throw zipDamaged(file, new ZipDamage('sizeMismatch', part.name));
  return data;
}

/** The name of the main document part: the package relationships' officeDocument, else word/document.xml. */
async function mainPartName(pkg: Package, file: string): Promise<string> {
  const rels = pkg.parts.get(partKey(PACKAGE_RELS));
  if (!rels || rels.size > RELS_BYTES) return DEFAULT_MAIN;
  const data = await partBytes(pkg, rels, RELS_BYTES, file);
  if (data === 'over') return DEFAULT_MAIN;
  let target: string | undefined;
  try {
    target = mainPartOfRels(decodeXml(data));
  } catch {
    // Damaged relationships do not hide a document where Word keeps it.
    return DEFAULT_MAIN;
  }
  return target !== undefined && pkg.parts.has(partKey(target)) ? target : DEFAULT_MAIN;
}

/**
 * A .docx draft's paragraphs and tables in document order, and its `nianbao:<cell key>` controls'
 * text. Throws ReportInputError only: DOCX_NOT_DOCX, DOCX_LEGACY_OR_ENCRYPTED, DOCX_ZIP_DAMAGED,
 * DOCX_UNPACKED_TOO_LARGE, DOCX_DAMAGED, or FILE_TOO_LARGE beyond `limits.fileBytes`.
 */
export async function docxSource(
  bytes: Uint8Array,
  file: string,
  limits: DocxLimits = DOCX_LIMITS,
): Promise<SourceDocument> {
  const parts = checkedParts(bytes, file, limits);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (err) {
    // The directory read sound by hand, yet not by JSZip: a local record it cannot follow.
    throw zipDamaged(file, new ZipDamage('badEntry'), err);
  }
  const pkg: Package = { zip, parts: new Map(parts.map((p) => [partKey(p.name), p])) };
  const mainName = await mainPartName(pkg, file);
  const main = pkg.parts.get(partKey(mainName));
  if (!main) throw new ReportInputError('DOCX_NOT_DOCX', { file });
  if (main.size > limits.documentBytes) throw tooLarge(file, main.size, limits.documentBytes, main.name);
  // The ratio guard, as for a workbook: the most a part of this compressed size may unpack to.
  if (main.size > limits.ratioFloorBytes && main.size / Math.max(1, main.compressedSize) > limits.ratio) {
    throw tooLarge(file, main.size, main.compressedSize * limits.ratio, main.name);
  }
  const data = await partBytes(pkg, main, limits.documentBytes, file);
  // More than the directory states and more than the cap: stopped at the cap.
  if (data === 'over') throw tooLarge(file, limits.documentBytes + 1, limits.documentBytes, main.name);
  let content: ReturnType<typeof readDocumentXml>;
  try {
    content = readDocumentXml(decodeXml(data));
  } catch (err) {
    if (err instanceof NotWordDocument) throw new ReportInputError('DOCX_NOT_DOCX', { file }, { cause: err });
    // Malformed XML, or elements nested beyond any document's (DocumentTooDeep).
    throw new ReportInputError('DOCX_DAMAGED', { file, part: main.name }, { cause: err });
  }
  return {
    file,
    blocks: content.blocks,
    ...(content.tagged.size > 0 ? { tagged: content.tagged } : {}),
  };
}
