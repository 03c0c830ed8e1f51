// Reading report files by extension, as INTERFACES.md lists them. Each reader returns one entry
// per report in the file (a workbook may hold several report sheets).
import { promises as fs } from 'fs';
import * as path from 'path';
import { parseReportJson, ReportInputError, type Report } from '../report';

export interface ReadEntry {
  /** As shown to users: the path, or `book.xlsx#<sheet name>`. */
  readonly file: string;
  readonly report: Report;
}

export type FileReader = (file: string, bytes: Buffer) => Promise<ReadEntry[]>;

const readJson: FileReader = async (file, bytes) => [{ file, report: parseReportJson(bytes.toString('utf8')) }];

// Loaded on first use, so that checking a JSON file does not pay for ExcelJS.
const readXlsx: FileReader = async (file, bytes) => (await import('../xlsx/read')).readWorkbookReports(bytes, file);

const READERS: Readonly<Record<string, FileReader>> = {
  '.json': readJson,
  '.xlsx': readXlsx,
};

/** Reads every report in a file. Throws ReportInputError when the file cannot be read at all. */
export async function readReportFile(file: string): Promise<ReadEntry[]> {
  const extension = path.extname(file).toLowerCase();
  const reader = READERS[extension];
  if (!reader) {
    const supported = Object.keys(READERS).sort().join(', ');
    throw new ReportInputError('UNSUPPORTED_FILE', { ext: extension || file, file, supported });
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ReportInputError('FILE_NOT_FOUND', { file });
    throw new ReportInputError('FILE_UNREADABLE', { file, detail: err instanceof Error ? err.message : String(err) });
  }
  return reader(file, bytes);
}
