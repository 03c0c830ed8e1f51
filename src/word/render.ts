// The live Word writer: renders an outline (src/outline) into the open document through the Word API —
// at the end of the body, or in place of the content of an empty document; nothing the user wrote is
// changed. Every figure is a run-level content control tagged with what it shows (title: its printed
// labels; plain text from WordApi 1.5, as the .docx writer makes it, rich text below), every prompt an
// empty rich-text control showing its placeholder text, which the user types over.
//
// Two syncs whatever the size: one to look at the document (is it empty, is it linked already, is there a
// snapshot part), one carrying every write, the snapshot part included. Ranges, paragraphs and cells are
// used within the batch that made them, never read back, so that nothing needs a sync in between.
//
// Order within a paragraph: its style first (direct formatting must come after it), then all its text,
// run by run, then its paragraph and font formatting, then the bold runs, and last the controls around the
// figure and prompt ranges — no text is inserted next to a control after it exists, so none can end up
// inside one. Tables: all cell texts in insertTable's values, figures into their cells, then the merges,
// rightmost first (grid.ts). What each API level lacks and what is written instead: api-support.ts.
import type { FigureRun, HeadingBlock, Outline, ParagraphBlock, PromptRun, TableBlock } from '../outline';
import type { WordApiPlan, WordFeature } from './api-support';
import { SyncCounter } from './errors';
import { gridOf, mergeOrder } from './grid';
import { isFigureTag } from './link';
import { columnWidths, LOOK, TABLE_LOOK, TEXT_COLOR, type ParagraphLook } from './look';
import type { SavedSnapshot, SnapshotStore } from './snapshot-store';

/** How figures and prompts look: a box when the pointer is over them, nothing on paper. */
export const CONTROL_APPEARANCE = 'BoundingBox';

export interface RenderOptions {
  readonly plan: WordApiPlan;
  /** Append even though the document already shows linked figures (otherwise nothing is written). */
  readonly force?: boolean;
  /** The snapshot to keep in the document with the skeleton, and where. */
  readonly snapshot?: { readonly store: SnapshotStore; readonly xml: string };
}

export interface RenderResult {
  /** 'alreadyLinked': the document has linked figures and `force` was not given; nothing was written. */
  readonly outcome: 'generated' | 'alreadyLinked';
  /** Figure controls (tags nianbao:…, prompts not counted) in the document before. */
  readonly linkedBefore: number;
  /** The document was empty and the skeleton took its place (else it was appended after the user's text). */
  readonly replacedEmpty: boolean;
  readonly figures: number;
  readonly prompts: number;
  readonly tables: number;
  /** What this Word could not do and what was done instead (api-support.ts). */
  readonly degraded: readonly WordFeature[];
  /** Where the snapshot went; undefined when none was given or nothing was written. */
  readonly snapshot: SavedSnapshot | undefined;
  readonly syncs: number;
}

type Cursor =
  | { readonly kind: 'end' }
  /**
   * A paragraph to write the next block into: the empty paragraph of an empty document, or the one Word
   * keeps after a table at the end of the document (a document never ends with a table).
   */
  | { readonly kind: 'reuse'; readonly paragraph: Word.Paragraph; readonly afterTable: boolean }
  | { readonly kind: 'after'; readonly paragraph: Word.Paragraph };

type Piece = { readonly kind: 'text'; readonly text: string; readonly bold?: boolean } | FigureRun | PromptRun;

/** Queues the skeleton into the batch, block after block, each placed after the one before. */
class SkeletonWriter {
  figures = 0;
  prompts = 0;
  tables = 0;

  constructor(
    private readonly context: Word.RequestContext,
    private readonly plan: WordApiPlan,
    private cursor: Cursor,
  ) {}

  private nextParagraph(): Word.Paragraph {
    const c = this.cursor;
    const paragraph =
      c.kind === 'end'
        ? this.context.document.body.insertParagraph('', 'End')
        : c.kind === 'reuse'
          ? c.paragraph
          : c.paragraph.insertParagraph('', 'After');
    this.cursor = { kind: 'after', paragraph };
    return paragraph;
  }

  /**
   * A table after the last block. The skeleton is always written at the end of the document, so Word adds
   * an empty paragraph after the table (WordApi 1.3: tables need it anyway): the next block goes into it.
   */
  private nextTable(rows: number, columns: number, values: string[][]): Word.Table {
    const c = this.cursor;
    let table: Word.Table;
    if (c.kind === 'end') table = this.context.document.body.insertTable(rows, columns, 'End', values);
    // Before the empty paragraph of an empty document; after one that follows a table, which keeps the
    // two tables apart (side by side they would be one).
    else if (c.kind === 'reuse' && !c.afterTable) table = c.paragraph.insertTable(rows, columns, 'Before', values);
    else table = c.paragraph.insertTable(rows, columns, 'After', values);
    this.cursor = { kind: 'reuse', paragraph: table.getParagraphAfter(), afterTable: true };
    return table;
  }

  /** The paragraph left after a table that ended the outline: plain, so it is no stray heading. */
  finish(): void {
    if (this.cursor.kind === 'reuse' && this.cursor.afterTable && this.plan.enabled.has('builtInStyles')) {
      this.cursor.paragraph.styleBuiltIn = 'Normal';
    }
  }

  private formatParagraph(paragraph: Word.Paragraph, look: ParagraphLook): void {
    paragraph.alignment = look.alignment;
    paragraph.firstLineIndent = look.firstLineIndent;
    paragraph.leftIndent = 0;
    paragraph.rightIndent = look.rightIndent;
    paragraph.spaceBefore = 0;
    paragraph.spaceAfter = look.spaceAfter;
  }

  /** One paragraph of pieces: text runs, figures and prompts. */
  paragraph(look: ParagraphLook, pieces: readonly Piece[], color?: string): void {
    const paragraph = this.nextParagraph();
    if (this.plan.enabled.has('builtInStyles')) paragraph.styleBuiltIn = look.style;
    const placed = pieces.map((piece) => ({ piece, range: paragraph.insertText(piece.text, 'End') }));
    this.formatParagraph(paragraph, look);
    paragraph.font.name = look.font;
    paragraph.font.size = look.size;
    paragraph.font.bold = false;
    paragraph.font.italic = false;
    if (color) paragraph.font.color = color;
    for (const { piece, range } of placed) if (piece.kind === 'text' && piece.bold) range.font.bold = true;
    for (const { piece, range } of placed) if (piece.kind !== 'text') this.control(range, piece);
  }

  /** Wraps a figure's or prompt's range in its content control. */
  private control(range: Word.Range, run: FigureRun | PromptRun): void {
    const control =
      run.kind === 'figure' && this.plan.plainTextFigures
        ? range.insertContentControl('PlainText')
        : range.insertContentControl();
    control.tag = run.tag;
    control.title = run.alias;
    control.appearance = CONTROL_APPEARANCE;
    if (run.kind === 'figure') {
      this.figures += 1;
      return;
    }
    // An empty control shows its placeholder, dimmed, until the user types into it.
    control.placeholderText = run.text;
    control.clear();
    this.prompts += 1;
  }

  heading(block: HeadingBlock): void {
    const look = block.level === 1 ? LOOK.heading1 : LOOK.heading2;
    this.paragraph(look, [{ kind: 'text', text: block.text }], TEXT_COLOR);
  }

  block(block: ParagraphBlock): void {
    this.paragraph(
      LOOK[block.style],
      block.runs.map((run) => (run.kind === 'text' ? { ...run } : run)),
    );
  }

  table(block: TableBlock): void {
    if (!this.plan.enabled.has('tables')) {
      this.tableAsText(block);
      return;
    }
    const grid = gridOf(block);
    const values = grid.map((row) => row.map((p) => (p && !p.cell.figure ? (p.cell.text ?? '') : '')));
    const table = this.nextTable(block.rows.length, block.columns, values);
    const widths = columnWidths(block.widths, block.columns);
    const figures: { cell: Word.TableCell; figure: FigureRun }[] = [];
    const headers: Word.TableCell[] = [];
    grid.forEach((row, r) =>
      row.forEach((placed, c) => {
        const cell = table.getCell(r, c);
        cell.columnWidth = widths[c];
        // Cells start with the paragraph formatting of the paragraph the table was put after (a heading).
        const first = cell.body.paragraphs.getFirst();
        first.styleBuiltIn = 'Normal';
        first.firstLineIndent = 0;
        first.leftIndent = 0;
        first.rightIndent = 0;
        first.spaceBefore = 0;
        first.spaceAfter = 0;
        // Printed labels read from the cell's edge; headers and figures are centred.
        first.alignment = placed && !placed.cell.header && !placed.cell.figure ? 'Left' : 'Centered';
        if (placed?.cell.header) headers.push(cell);
        if (placed?.cell.figure) figures.push({ cell, figure: placed.cell.figure });
      }),
    );
    table.font.name = TABLE_LOOK.font;
    table.font.size = TABLE_LOOK.size;
    table.font.bold = false;
    table.font.italic = false;
    table.verticalAlignment = 'Center';
    for (const cell of headers) cell.body.font.bold = true;
    for (const { cell, figure } of figures) this.control(cell.body.insertText(figure.text, 'Start'), figure);
    if (this.plan.enabled.has('mergedCells')) {
      for (const p of mergeOrder(block)) table.mergeCells(p.row, p.col, p.row + p.rowSpan - 1, p.col + p.colSpan - 1);
    }
    this.tables += 1;
  }

  /** Below WordApi 1.3: one paragraph per row, cells separated by tabs, covered cells as empty fields. */
  private tableAsText(block: TableBlock): void {
    for (const row of gridOf(block)) {
      const pieces: Piece[] = [];
      row.forEach((placed, c) => {
        if (c > 0) pieces.push({ kind: 'text', text: '\t' });
        if (placed?.cell.figure) pieces.push(placed.cell.figure);
        else if (placed?.cell.text)
          pieces.push({ kind: 'text', text: placed.cell.text, bold: placed.cell.header === true });
      });
      this.paragraph(LOOK.tableText, pieces);
    }
    this.tables += 1;
  }
}

/** Renders the outline into the document: two syncs (one when it is already linked and not forced). */
export async function renderOutline(
  context: Word.RequestContext,
  outline: Outline,
  options: RenderOptions,
): Promise<RenderResult> {
  const counter = new SyncCounter(context);
  return counter.guard(async () => {
    const { plan } = options;
    const paragraphs = context.document.body.paragraphs.load('items/text');
    const controls = context.document.contentControls.load('items/tag');
    const properties = plan.documentTitle ? context.document.properties.load('title') : undefined;
    options.snapshot?.store.survey(context);
    await counter.sync();

    const linkedBefore = controls.items.filter((c) => isFigureTag(c.tag)).length;
    const nothing = { linkedBefore, replacedEmpty: false, figures: 0, prompts: 0, tables: 0, degraded: plan.degraded };
    if (linkedBefore > 0 && !options.force) {
      return { outcome: 'alreadyLinked', ...nothing, snapshot: undefined, syncs: counter.count };
    }
    const empty = paragraphs.items.length === 1 && paragraphs.items[0].text === '' && controls.items.length === 0;
    const writer = new SkeletonWriter(
      context,
      plan,
      empty ? { kind: 'reuse', paragraph: paragraphs.items[0], afterTable: false } : { kind: 'end' },
    );
    for (const block of outline.blocks) {
      if (block.kind === 'heading') writer.heading(block);
      else if (block.kind === 'paragraph') writer.block(block);
      else writer.table(block);
    }
    writer.finish();
    if (properties && properties.title === '') context.document.properties.title = outline.title;
    if (options.snapshot) options.snapshot.store.queueWrite(context, options.snapshot.xml);
    await counter.sync();
    const snapshot = options.snapshot ? await options.snapshot.store.commit(options.snapshot.xml) : undefined;
    return {
      outcome: 'generated',
      ...nothing,
      replacedEmpty: empty,
      figures: writer.figures,
      prompts: writer.prompts,
      tables: writer.tables,
      snapshot,
      syncs: counter.count,
    };
  });
}
