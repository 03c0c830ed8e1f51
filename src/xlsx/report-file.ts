// A report file's bytes read by its extension (.xlsx, .json, and the text of a published report:
// .txt, .html, .htm, as INTERFACES.md lists them), the same for the command line (which reads the file
// from disk first, and adds .docx drafts: src/docx is not this zone's to import) and the task pane (a
// file the user picked): the size limits, the encodings, and every failure as a ReportInputError in the
// user's words. The importer is loaded on first use, like ExcelJS: checking a JSON file pays for neither.
import { parseReportJson, ReportInputError, type Report } from '../report';
import { decodeText } from '../report/decode-text';
import type { ImportProblem, ImportResult } from '../import/types';
import { readWorkbookParts, WORKBOOK_LIMITS } from './limits';

export interface ReadEntry {
  /** As shown to users: the file name, or `book.xlsx#<sheet name>`. */
  readonly file: string;
  readonly report: Report;
  /**
   * For a report read from its text (.txt, .html, .docx): the cells of its format that were not found
   * (absent from `values`, so not checked) and what the importer could not read with certainty.
   */
  readonly imported?: ImportNotes;
}

/** What an importer said about a report it read from a text (ImportResult less the report). */
export interface ImportNotes {
  readonly notFound: readonly string[];
  readonly problems: readonly ImportProblem[];
}

/** The entry of a report an importer read. */
export function importedEntry(file: string, result: ImportResult): ReadEntry {
  return { file, report: result.report, imported: { notFound: result.notFound, problems: result.problems } };
}

export type FileReader = (file: string, bytes: Uint8Array) => Promise<ReadEntry[]>;

const MB = 1024 * 1024;

/**
 * The largest file read, by extension (README, "Limits"). A report's JSON is ~20 KB; a report's text
 * 5–50 KB, a saved web page with its scripts and styles a few hundred KB (20 MB leaves room for one
 * saved with its images inline).
 */
export const FILE_LIMITS: Readonly<Record<string, number>> = {
  '.json': 5 * MB,
  '.xlsx': WORKBOOK_LIMITS.fileBytes,
  '.txt': 5 * MB,
  '.html': 20 * MB,
  '.htm': 20 * MB,
};

const readJson: FileReader = async (file, bytes) => {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new ReportInputError('TEXT_ENCODING', { file, problem: decoded.problem });
  return [{ file, report: parseReportJson(decoded.text) }];
};

// Loaded on first use, so that checking a JSON file does not pay for ExcelJS. The cells are read from
// the parts' XML (./fast-read.ts) as the limits check inflated them, through ExcelJS only when that
// cannot read them as ExcelJS would.
const readXlsx: FileReader = async (file, bytes) => {
  const parts = await readWorkbookParts(bytes, file);
  const { readWorkbookReports } = await import('./read');
  try {
    return await readWorkbookReports(bytes, file, parts ? { parts } : {});
  } catch (err) {
    // A sound zip (the limits read it) that still trips ExcelJS or JSZip is a damaged workbook,
    // said in the user's words, never the library's; the cause is kept for NIANBAO_DEBUG.
    if (err instanceof ReportInputError) throw err;
    throw new ReportInputError('WORKBOOK_DAMAGED', { file }, { cause: err });
  }
};

/** The text of a published report (copied from a web page, extracted from a PDF), in any encoding decodeText reads. */
const readText: FileReader = async (file, bytes) => {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new ReportInputError('TEXT_ENCODING', { file, problem: decoded.problem });
  const { importText } = await import('../import');
  return [importedEntry(file, importText(decoded.text, { file }))];
};

/**
 * A saved web page of a published report: its paragraphs and its tables with their spans (htmlSource
 * decodes it as the page declares, or by decodeText's detection), read by the importer.
 */
const readHtml: FileReader = async (file, bytes) => {
  const { htmlSource, importSource } = await import('../import');
  return [importedEntry(file, importSource(htmlSource(bytes, file)))];
};

export const READERS: Readonly<Record<string, FileReader>> = {
  '.json': readJson,
  '.xlsx': readXlsx,
  '.txt': readText,
  '.html': readHtml,
  '.htm': readHtml,
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
