// 导入上年报告's reading, host-free: a picked file (by its kind) or pasted text → last year's report and
// what the user must see before confirming — per table how many cells were read, which were not, and
// what the reader could not read, in the user's words. The readers come in from the composition root
// (src/xlsx, src/docx and the importer are adapters or need their packages loaded on demand).
import { cellLabel, cellLabelParts, getFormat, type Locale, type TableId } from '../../format';
import { taskpaneStrings } from '../../i18n/taskpane';
import type { ImportProblem, ImportResult, SourceDocument } from '../../import/types';
import { effectiveFormat, type Report } from '../../report';
import type { PickedSource, PreviewTable, PreviousPreview } from '../components/PreviousSection';

export interface PreviousReaders {
  /** .xlsx / .json (src/xlsx/report-file.ts). */
  readReportBytes(name: string, bytes: Uint8Array): Promise<readonly { file: string; report: Report }[]>;
  /** Text of a report (src/import). */
  importText(text: string, options: { file: string }): ImportResult;
  importSource(doc: SourceDocument): ImportResult;
  htmlSource(bytes: Uint8Array, file: string): SourceDocument;
  docxSource(bytes: Uint8Array, file: string): Promise<SourceDocument>;
  /** Bytes of a text file as text (GBK, UTF-16 …: src/report/decode-text.ts). */
  decodeText(bytes: Uint8Array, file: string): string;
}

const extension = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
};

const TABLES: readonly TableId[] = ['s2', 's3', 's4'];

/** The preview of a report read whole (a workbook or JSON: every cell it has). */
function preview(
  source: string,
  report: Report,
  sheetYear: number | undefined,
  locale: Locale,
  imported?: ImportResult,
): PreviousPreview {
  const version = effectiveFormat(report.profile);
  const format = getFormat(version);
  const label = (key: string): string => cellLabelParts(version, key, locale).join(' · ');
  const tables = TABLES.map((table): PreviewTable => {
    const cells = format.cells.filter((c) => c.table === table);
    const found = cells.filter((c) => c.key in report.values);
    return {
      table: table as 's2' | 's3' | 's4',
      total: cells.length,
      read: found.map((c) => ({ label: label(c.key), value: report.values[c.key] ?? null })),
      notFound: cells.filter((c) => !(c.key in report.values)).map((c) => label(c.key)),
    };
  });
  const problems = (imported?.problems ?? []).map((p) => problemText(p, version, locale));
  const year = report.profile.year;
  return {
    source,
    ...(report.profile.agency ? { agency: report.profile.agency } : {}),
    ...(year !== undefined ? { year } : {}),
    tables,
    problems,
    ...(sheetYear !== undefined && year !== sheetYear - 1 ? { yearMismatch: true } : {}),
    report,
  };
}

function problemText(p: ImportProblem, version: ReturnType<typeof effectiveFormat>, locale: Locale): string {
  const t = taskpaneStrings(locale).previous;
  switch (p.code) {
    case 'TABLE_NOT_FOUND':
      return t.problems.TABLE_NOT_FOUND(t.tableName[p.table]);
    case 'ROW_NOT_FOUND':
      return t.problems.ROW_NOT_FOUND(t.tableName[p.table], p.label);
    case 'ROW_UNSURE':
      return t.problems.ROW_UNSURE(t.tableName[p.table], p.label);
    case 'VALUE_NOT_A_NUMBER':
      return t.problems.VALUE_NOT_A_NUMBER(cellLabel(version, p.key, locale), p.text);
    case 'TRUNCATED':
      return t.problems.TRUNCATED(t.tableName[p.table]);
    case 'PROFILE_NOT_FOUND':
      return t.problems.PROFILE_NOT_FOUND(p.field);
    case 'ROW_UNRECOGNISED':
      return t.problems.ROW_UNRECOGNISED(t.tableName[p.table], p.text);
    case 'PROFILE_INFERRED':
      return t.problems.PROFILE_INFERRED(p.text);
    case 'TAGGED_UNKNOWN':
      return t.problems.TAGGED_UNKNOWN(p.key);
  }
}

/**
 * A picked file read by its kind, as the command line reads it: a report's text, a web page or a Word
 * draft through the importer (its result, with what was not read), a workbook or JSON whole.
 */
export async function readPicked(
  readers: PreviousReaders,
  file: PickedSource,
): Promise<{ readonly imported: ImportResult } | { readonly entries: readonly { file: string; report: Report }[] }> {
  const { name, bytes } = file;
  switch (extension(name)) {
    case '.txt':
      return { imported: readers.importText(readers.decodeText(bytes, name), { file: name }) };
    case '.html':
    case '.htm':
      return { imported: readers.importSource(readers.htmlSource(bytes, name)) };
    case '.docx':
      return { imported: readers.importSource(await readers.docxSource(bytes, name)) };
    default:
      return { entries: await readers.readReportBytes(name, bytes) };
  }
}

/** Reads last year's report from a picked file or pasted text, for the user to confirm. */
export async function readPrevious(
  readers: PreviousReaders,
  source: { readonly file: PickedSource } | { readonly text: string },
  sheetYear: number | undefined,
  locale: Locale,
): Promise<PreviousPreview> {
  if ('text' in source) {
    const name = taskpaneStrings(locale).previous.pasted;
    const result = readers.importText(source.text, { file: name });
    return preview(name, result.report, sheetYear, locale, result);
  }
  const read = await readPicked(readers, source.file);
  if ('imported' in read) return preview(source.file.name, read.imported.report, sheetYear, locale, read.imported);
  const entries = read.entries;
  // A workbook (or JSON): its sheet of the year before this one, else its latest.
  const wanted = sheetYear === undefined ? undefined : entries.find((e) => e.report.profile.year === sheetYear - 1);
  const chosen =
    wanted ??
    [...entries].sort((a, b) => (b.report.profile.year ?? -Infinity) - (a.report.profile.year ?? -Infinity))[0];
  const { previous: _older, ...report } = chosen.report;
  void _older;
  return preview(chosen.file, report, sheetYear, locale);
}
