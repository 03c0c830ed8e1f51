// Reading report files by extension, as INTERFACES.md lists them. Each reader returns one entry
// per report in the file (a workbook may hold several report sheets). Only regular files are read,
// never more than the stated limit for their kind, so a FIFO, /dev/zero or a 2 GB file cannot hang
// or exhaust the command line; every way a read can fail has its own code and message.
//
// The readers are those of src/xlsx/report-file.ts (shared with the task pane: .json, .xlsx, .txt, and
// .html/.htm with the HTML reader) and, composed here, the .docx draft reader of src/docx, which
// src/xlsx may not import.
import { constants, promises as fs, type Stats } from 'fs';
import { docxSource, DOCX_LIMITS } from '../docx/read';
import { importSource, type SourceDocument } from '../import';
import { ReportInputError } from '../report';
import {
  extensionOf,
  importedEntry,
  FILE_LIMITS as SHARED_LIMITS,
  READERS as SHARED_READERS,
  type FileReader,
  type ReadEntry,
} from '../xlsx/report-file';

export type { FileReader, ImportNotes, ReadEntry } from '../xlsx/report-file';

/**
 * A .docx that its reader failed on other than with one of its own input errors (DOCX_*): said as a
 * damaged file, the cause kept for NIANBAO_DEBUG, as a workbook that trips ExcelJS is WORKBOOK_DAMAGED.
 */
export class SourceDamagedError extends Error {
  readonly file: string;
  constructor(file: string, options?: { cause?: unknown }) {
    super(`docx source damaged: ${file}`, options);
    this.name = 'SourceDamagedError';
    this.file = file;
  }
}

/** A Word draft: its paragraphs, tables and tagged figures (src/docx/read.ts), read by the importer. */
const readDocx: FileReader = async (file, bytes) => {
  let source: SourceDocument;
  try {
    source = await docxSource(bytes, file);
  } catch (err) {
    if (err instanceof ReportInputError) throw err;
    throw new SourceDamagedError(file, { cause: err });
  }
  return [importedEntry(file, importSource(source))];
};

/** The largest file read, by extension. */
export const FILE_LIMITS: Readonly<Record<string, number>> = { ...SHARED_LIMITS, '.docx': DOCX_LIMITS.fileBytes };

/** Every kind the command line reads. */
export const READERS: Readonly<Record<string, FileReader>> = { ...SHARED_READERS, '.docx': readDocx };

/** The ReportInputError for a failed stat, open or read. */
function systemError(file: string, err: unknown): ReportInputError {
  const code = String((err as NodeJS.ErrnoException | undefined)?.code ?? 'UNKNOWN');
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new ReportInputError('FILE_NOT_FOUND', { file }, { cause: err });
    case 'EISDIR':
      return new ReportInputError('FILE_IS_DIRECTORY', { file }, { cause: err });
    case 'EACCES':
    case 'EPERM':
      return new ReportInputError('FILE_NO_PERMISSION', { file }, { cause: err });
    default:
      return new ReportInputError('FILE_UNREADABLE', { file, reason: code }, { cause: err });
  }
}

function notRegular(file: string, stats: Stats): ReportInputError {
  if (stats.isDirectory()) return new ReportInputError('FILE_IS_DIRECTORY', { file });
  const type = stats.isFIFO()
    ? 'fifo'
    : stats.isCharacterDevice()
      ? 'characterDevice'
      : stats.isBlockDevice()
        ? 'blockDevice'
        : stats.isSocket()
          ? 'socket'
          : 'other';
  return new ReportInputError('FILE_NOT_REGULAR', { file, type });
}

const CHUNK = 64 * 1024;

/**
 * The bytes of a regular file of at most `limit` bytes. Checked by path first (opening a FIFO would
 * block until someone writes to it), then again on the open handle, and read in chunks up to the
 * limit: a file that grows meanwhile, or a /proc file whose stated size is 0, still stops there.
 */
export async function readRegularFile(file: string, limit: number, ext: string): Promise<Uint8Array> {
  let stats: Stats;
  try {
    stats = await fs.stat(file);
  } catch (err) {
    throw systemError(file, err);
  }
  if (!stats.isFile()) throw notRegular(file, stats);
  if (stats.size > limit) throw new ReportInputError('FILE_TOO_LARGE', { file, size: stats.size, limit, ext });
  let handle: fs.FileHandle;
  try {
    // O_NONBLOCK: should the path have become a FIFO since the stat, open must not wait for a writer.
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw systemError(file, err);
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw notRegular(file, opened);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw new ReportInputError('FILE_TOO_LARGE', { file, size: total, limit, ext });
    }
    if (total === 0) throw new ReportInputError('FILE_EMPTY', { file });
    return Buffer.concat(chunks, total);
  } catch (err) {
    throw err instanceof ReportInputError ? err : systemError(file, err);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Reads every report in a file. Throws ReportInputError when the file cannot be read at all. */
export async function readReportFile(file: string): Promise<ReadEntry[]> {
  const extension = extensionOf(file);
  const reader = READERS[extension];
  if (!reader) {
    // Say "not found" or "a folder" before "not supported": that is the first thing to fix.
    try {
      const stats = await fs.stat(file);
      if (!stats.isFile()) throw notRegular(file, stats);
    } catch (err) {
      throw err instanceof ReportInputError ? err : systemError(file, err);
    }
    const supported = Object.keys(READERS).sort().join(', ');
    throw new ReportInputError('UNSUPPORTED_FILE', { ext: extension || file, file, supported });
  }
  const bytes = await readRegularFile(file, FILE_LIMITS[extension], extension);
  return reader(file, bytes);
}
