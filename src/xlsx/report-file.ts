// A report file's bytes read by its extension (.xlsx, .json, as INTERFACES.md lists them), the same for
// the command line (which reads the file from disk first) and the task pane (a file the user picked):
// the size limits, the encodings, and every failure as a ReportInputError in the user's words.
import { parseReportJson, ReportInputError, type Report } from '../report';
import { decodeText } from '../report/decode-text';
import { checkWorkbookLimits, WORKBOOK_LIMITS } from './limits';

export interface ReadEntry {
  /** As shown to users: the file name, or `book.xlsx#<sheet name>`. */
  readonly file: string;
  readonly report: Report;
}

export type FileReader = (file: string, bytes: Uint8Array) => Promise<ReadEntry[]>;

const MB = 1024 * 1024;

/** The largest file read, by extension (README, "Limits"). A report's JSON is ~20 KB. */
export const FILE_LIMITS: Readonly<Record<string, number>> = {
  '.json': 5 * MB,
  '.xlsx': WORKBOOK_LIMITS.fileBytes,
};

const readJson: FileReader = async (file, bytes) => {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new ReportInputError('TEXT_ENCODING', { file, problem: decoded.problem });
  return [{ file, report: parseReportJson(decoded.text) }];
};

// Loaded on first use, so that checking a JSON file does not pay for ExcelJS.
const readXlsx: FileReader = async (file, bytes) => {
  await checkWorkbookLimits(bytes, file);
  const { readWorkbookReports } = await import('./read');
  try {
    return await readWorkbookReports(bytes, file);
  } catch (err) {
    // A sound zip (the limits read it) that still trips ExcelJS or JSZip is a damaged workbook,
    // said in the user's words, never the library's; the cause is kept for NIANBAO_DEBUG.
    if (err instanceof ReportInputError) throw err;
    throw new ReportInputError('WORKBOOK_DAMAGED', { file }, { cause: err });
  }
};

export const READERS: Readonly<Record<string, FileReader>> = {
  '.json': readJson,
  '.xlsx': readXlsx,
};

/** `.xlsx` of `年报.XLSX`; '' without one. */
export function extensionOf(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/**
 * Every report in a file's bytes, read by the file's extension. Throws ReportInputError for a kind that
 * is not read, a file over its kind's limit, an empty one, or one that cannot be read as a report.
 */
export async function readReportBytes(file: string, bytes: Uint8Array): Promise<ReadEntry[]> {
  const ext = extensionOf(file);
  const reader = READERS[ext];
  if (!reader) {
    const supported = Object.keys(READERS).sort().join(', ');
    throw new ReportInputError('UNSUPPORTED_FILE', { ext: ext || file, file, supported });
  }
  if (bytes.length === 0) throw new ReportInputError('FILE_EMPTY', { file });
  if (bytes.length > FILE_LIMITS[ext])
    throw new ReportInputError('FILE_TOO_LARGE', { file, size: bytes.length, limit: FILE_LIMITS[ext], ext });
  return reader(file, bytes);
}
