// Reading the text of a published report or a Word draft (issue: read published reports and drafts):
// the contract between the readers of each kind of source and the importer core.
//
//   .txt (PDF-extracted or copied text) ─ importText ─────────────────────────────┐
//   .html/.htm (parse5/htmlparser2: tables with their spans) ─ htmlSource ─┐       ├→ ImportResult
//   .docx drafts (tables with merges, paragraphs, tagged controls) ─ docxSource ┴→ importSource ┘
//
// An importer never guesses a number into a wrong cell: a value it is unsure of is left out and said.
import type { Report } from '../report';

/** One cell of a source table as the source gives it (an HTML td, a Word table cell). */
export interface SourceCell {
  readonly text: string;
  readonly colSpan?: number;
  readonly rowSpan?: number;
}

export interface SourceTable {
  /** Row by row; a cell covered by another's span is left out of its row (as in HTML). */
  readonly rows: readonly (readonly SourceCell[])[];
}

/** A source that knows its tables (HTML, .docx): the prose and the tables in document order. */
export interface SourceDocument {
  /** Shown in messages: the file name. */
  readonly file: string;
  /** The document in order: a paragraph of prose, or a table. */
  readonly blocks: readonly (
    { readonly kind: 'text'; readonly text: string } | { readonly kind: 'table'; readonly table: SourceTable }
  )[];
  /**
   * Figures read exactly from the tagged content controls of a document `nianbao docx` or the Word side
   * wrote (`nianbao:<cell key>` → the control's text), when it has them.
   */
  readonly tagged?: ReadonlyMap<string, string>;
  /** The source ends inside its last table (a web page cut off mid-table): what follows was not found. */
  readonly truncated?: boolean;
}

/** What the importer could not read, or read with doubt: each said to the user, nothing guessed. */
export type ImportProblem =
  /** A table of the report was not found in the text at all. */
  | { readonly code: 'TABLE_NOT_FOUND'; readonly table: 's2' | 's3' | 's4' }
  /** A row of a table was not found (cut off, relabelled beyond recognition): its cells are absent. */
  | { readonly code: 'ROW_NOT_FOUND'; readonly table: 's2' | 's3' | 's4'; readonly label: string }
  /** A row was found but its cells could not be placed with certainty (too few or too many figures). */
  | { readonly code: 'ROW_UNSURE'; readonly table: 's2' | 's3' | 's4'; readonly label: string; readonly text: string }
  /** A cell's text is not a figure (left out, or kept as text where the cell is certain). */
  | { readonly code: 'VALUE_NOT_A_NUMBER'; readonly key: string; readonly text: string }
  /** The text ends inside a table: what follows was not found. */
  | { readonly code: 'TRUNCATED'; readonly table: 's2' | 's3' | 's4' }
  /** The year or the agency could not be read from the title or the statistical period. */
  | { readonly code: 'PROFILE_NOT_FOUND'; readonly field: 'year' | 'agency' }
  /**
   * A row of a table holds figures but its label is no row of the format (OCR junk, a row of the
   * agency's own): its figures are left out.
   */
  | { readonly code: 'ROW_UNRECOGNISED'; readonly table: 's2' | 's3' | 's4'; readonly text: string }
  /**
   * The year is not in the title or the statistical period; it was taken from the date the report
   * is signed (`2023年1月11日`, in the first months of the next year: the report of 2022).
   */
  | { readonly code: 'PROFILE_INFERRED'; readonly field: 'year'; readonly from: 'published'; readonly text: string }
  /** A tagged figure names no cell of either version (`tagged` of a SourceDocument): ignored. */
  | { readonly code: 'TAGGED_UNKNOWN'; readonly key: string };

export interface ImportResult {
  /**
   * The report: profile (agency and year from the title and the statistical period, the format
   * version by FORMAT.md's signals), `values` with only the cells found (a cell found blank is null),
   * `sourceFormat`, and `text` (headings, prose lines, stated figures, the period) for the text rules.
   */
  readonly report: Report;
  /** The cell keys of the report's format that were not found, in format order. */
  readonly notFound: readonly string[];
  readonly problems: readonly ImportProblem[];
}
