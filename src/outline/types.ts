// The Word skeleton of ../shared/spec/PROSE.md as plain data: headings, paragraphs of text runs, linked
// figures and prompts, and the three tables with their merges. Built once from a report (src/outline),
// rendered by the .docx writer (src/docx) and by the live Word writer (src/word); neither decides
// anything about the content. A figure is a content control tagged with what it shows, so that a refresh
// from the workbook can find it and replace its text and nothing else.

/** `nianbao:<cell key>` (a table cell), `nianbao:sum:<name>` (a derived total). */
export type FigureTag = `nianbao:${string}`;
/** `nianbao:prompt:<id>`: where the agency writes its own words. */
export type PromptTag = `nianbao:prompt:${string}`;

export const TAG_PREFIX = 'nianbao:';
export const SUM_PREFIX = 'nianbao:sum:';
export const PROMPT_PREFIX = 'nianbao:prompt:';

export const cellTag = (key: string): FigureTag => `nianbao:${key}`;
export const sumTag = (name: string): FigureTag => `nianbao:sum:${name}`;
export const promptTag = (id: string): PromptTag => `nianbao:prompt:${id}`;

/**
 * `nianbao:sum:yoy.<subject>`: a year-on-year phrase (`同比增加2件`, `同比减少1件`, `与上年持平`) whose
 * subject is a cell key or a sum name (`s3.new.total`, `s4.litigationAll.total`). The whole phrase is the
 * figure's text, so that a refresh in which the direction changes rewrites the words too.
 */
export const YOY_PREFIX = 'nianbao:sum:yoy.';
export const yoyTag = (subject: string): FigureTag => `nianbao:sum:yoy.${subject}`;

/** A figure from the tables: its text as the document shows it, in a tagged content control. */
export interface FigureRun {
  readonly kind: 'figure';
  readonly tag: FigureTag;
  /** What the control shows: `3`, `13.39`; a blank cell shows BLANK_FIGURE. */
  readonly text: string;
  /** The control's title (w:alias), for the user: the printed labels, e.g. `本年新收政府信息公开申请 · 总计`. */
  readonly alias: string;
}

/** Text the agency must replace: a placeholder content control (its text disappears when typed over). */
export interface PromptRun {
  readonly kind: 'prompt';
  readonly tag: PromptTag;
  /** The placeholder text, e.g. `（请填写本机关主动公开的渠道和重点内容。）`. */
  readonly text: string;
  readonly alias: string;
}

export interface TextRun {
  readonly kind: 'text';
  readonly text: string;
  readonly bold?: boolean;
}

export type Run = TextRun | FigureRun | PromptRun;

/** What a blank (not filled) cell shows in the document until the table is filled and the figures refreshed. */
export const BLANK_FIGURE = '＿＿';

export type ParagraphStyle =
  /** The document title: 小标宋/黑体, centred. */
  | 'title'
  /** Body text: 仿宋, first line indented two characters. */
  | 'body'
  /** The agency and date at the end, right-aligned. */
  | 'closing';

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly style: ParagraphStyle;
  readonly runs: readonly Run[];
}

export interface HeadingBlock {
  readonly kind: 'heading';
  /** 1: the six parts (一、总体情况 …, 黑体); 2: their sub-items ((一)主动公开 …, 楷体). */
  readonly level: 1 | 2;
  readonly text: string;
}

export interface TableCellBlock {
  /** Printed label or header text; absent for a data cell. */
  readonly text?: string;
  /** A data cell's figure. */
  readonly figure?: FigureRun;
  readonly header?: boolean;
  /** Columns and rows the cell spans (1 when absent). Cells covered by a span are not listed. */
  readonly colSpan?: number;
  readonly rowSpan?: number;
}

export interface TableBlock {
  readonly kind: 'table';
  readonly table: 's2' | 's3' | 's4';
  /** Width of the grid in columns (every row's cells and spans fill it). */
  readonly columns: number;
  /** Relative column widths (same length as `columns`). */
  readonly widths: readonly number[];
  /** Row by row; a cell covered by another's rowSpan/colSpan is left out of its row. */
  readonly rows: readonly (readonly TableCellBlock[])[];
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock;

export interface Outline {
  /** `<agency><year>年政府信息公开工作年度报告`. */
  readonly title: string;
  readonly blocks: readonly Block[];
}
