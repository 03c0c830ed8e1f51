// The text of a report as an importer read it (a published web page, a PDF's extracted text, a Word
// draft): what the text rules of RULES.md judge (TEXT-SECTIONS, -PERIOD, -CITATION, -NUMBERS,
// -FEE-STATEMENT, -GOVERNMENT-ITEMS). Plain data, written by src/import, read by src/rules/text; the
// table values are the report's `values` as for any other source.

/** A heading of the text as printed (`四、政府信息公开行政复议、行政诉讼情况`, `（二）依申请公开`). */
export interface TextHeading {
  readonly text: string;
  /** 1: 一、… 六、 (or an old heading such as 概述); 2: （一）… */
  readonly level: 1 | 2;
  /** Which of the six parts of FORMAT.md it is (1–6), when it is one of them or an accepted variant. */
  readonly section?: number;
  /** Its line in the text, from 0. */
  readonly line: number;
}

/** A figure the prose states about the tables: `本年新收政府信息公开申请258件`. */
export interface StatedFigure {
  /** What it counts, as the importer's phrase list names it: 新收, 上年结转, 予以公开, 行政复议 … */
  readonly phrase: string;
  readonly value: number;
  /** The sentence it stands in, as printed (for the message). */
  readonly sentence: string;
  /** Its line in the text, from 0. */
  readonly line: number;
}

export interface ReportText {
  /** The headings, in text order. */
  readonly headings: readonly TextHeading[];
  /**
   * The prose: every line of the text outside the three tables, in order (headings included), so that
   * the rules can look for a statement anywhere or within one part.
   */
  readonly lines: readonly string[];
  /** The figures the prose states, in text order. */
  readonly figures: readonly StatedFigure[];
  /** The statistical period as printed (`2022年1月1日至2022年12月31日`), when the text states one. */
  readonly period?: string;
}
