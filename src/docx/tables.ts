// The three official tables as Word tables: a fixed grid as wide as the text block, thin borders,
// merged cells as the outline gives them (colSpan → w:gridSpan; rowSpan → w:vMerge "restart" on the
// cell and "continue" cells, written here, where the outline leaves covered cells out), header cells
// bold and centred, every figure in its own tagged content control inside its cell's paragraph. Header
// rows repeat on each page a table runs onto, and no row splits across pages.
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { TableBlock, TableCellBlock } from '../outline/types';
import type { RenderContext } from './paragraphs';
import { STYLE } from './styles';

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
} as const;
/** Cell padding, twips: about 1 mm left and right, a little above and below. */
const CELL_MARGINS = { top: 28, bottom: 28, left: 57, right: 57 } as const;

/** The outline's relative widths as twips summing exactly to `total`. */
export function gridWidths(widths: readonly number[], total: number): number[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) return widths.map(() => Math.floor(total / Math.max(1, widths.length)));
  const out = widths.map((w) => Math.floor((w / sum) * total));
  // Give the rounding remainder to the widest column, so the table is exactly the text width.
  const remainder = total - out.reduce((a, b) => a + b, 0);
  const widest = out.indexOf(Math.max(...out));
  out[widest] += remainder;
  return out;
}

function cellContent(cell: TableCellBlock, ctx: RenderContext, keepNext: boolean): Paragraph {
  const children: ParagraphChild[] = [];
  if (cell.figure) children.push(ctx.figure(cell.figure));
  else if (cell.text) children.push(...ctx.textLines(cell.text, cell.header ? { bold: true } : {}));
  // Printed labels read left to right from the cell's edge; headers and figures are centred.
  const labelOnly = !cell.header && !cell.figure;
  return new Paragraph({
    style: STYLE.table,
    alignment: labelOnly ? AlignmentType.LEFT : AlignmentType.CENTER,
    ...(keepNext ? { keepNext: true } : {}),
    children,
  });
}

/** True when every cell of the row is a header cell. */
const isHeaderRow = (row: readonly TableCellBlock[]): boolean => row.length > 0 && row.every((c) => c.header);

/**
 * How many leading rows repeat on each page the table runs onto: its header rows, when they are the
 * only ones (表三). 表二's blocks each open with their own title and header rows, which must not repeat.
 */
export function repeatedHeaderRows(block: TableBlock): number {
  let leading = 0;
  while (leading < block.rows.length && isHeaderRow(block.rows[leading])) leading++;
  return block.rows.slice(leading).some(isHeaderRow) ? 0 : leading;
}

/**
 * A table of at most this many rows is kept on one page (表二, 表四: every row's paragraphs keep with
 * the next row); a longer one (表三) may break between rows, its header repeated.
 */
export const KEEP_TOGETHER_ROWS = 20;

export function renderTable(block: TableBlock, ctx: RenderContext, width: number): Table {
  const columns = gridWidths(
    block.widths.length === block.columns ? block.widths : Array(block.columns).fill(1),
    width,
  );
  const cellWidth = (col: number, span: number): number => columns.slice(col, col + span).reduce((a, b) => a + b, 0);
  // Grid columns still covered by a rowSpan from a row above: how many rows more, and the span's width.
  const covered: { rows: number; span: number }[] = Array.from({ length: block.columns }, () => ({ rows: 0, span: 1 }));
  const repeated = repeatedHeaderRows(block);
  const keepTogether = block.rows.length <= KEEP_TOGETHER_ROWS;
  const rows = block.rows.map((row, r) => {
    const keepNext = keepTogether && r < block.rows.length - 1;
    const cells: TableCell[] = [];
    let col = 0;
    // The continuing cells of merges from above (w:vMerge without restart), written here rather than by
    // the library, so that their empty paragraph has the table's small text and no taller line.
    const continueMerges = (): void => {
      while (col < block.columns && covered[col].rows > 0) {
        const { span } = covered[col];
        cells.push(mergedCell(cellWidth(col, span), span, VerticalMergeType.CONTINUE, [emptyTableParagraph(keepNext)]));
        col += span;
      }
    };
    for (const cell of row) {
      continueMerges();
      const span = Math.max(1, cell.colSpan ?? 1);
      const rowSpan = Math.max(1, cell.rowSpan ?? 1);
      if (rowSpan > 1) covered[col] = { rows: rowSpan, span };
      cells.push(
        mergedCell(cellWidth(col, span), span, rowSpan > 1 ? VerticalMergeType.RESTART : undefined, [
          cellContent(cell, ctx, keepNext),
        ]),
      );
      col += span;
    }
    continueMerges();
    for (const c of covered) if (c.rows > 0) c.rows--;
    return new TableRow({ children: cells, cantSplit: true, ...(r < repeated ? { tableHeader: true } : {}) });
  });
  return new Table({
    rows,
    width: { size: width, type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    margins: CELL_MARGINS,
    alignment: AlignmentType.CENTER,
  });
}

const emptyTableParagraph = (keepNext: boolean): Paragraph =>
  new Paragraph({ style: STYLE.table, ...(keepNext ? { keepNext: true } : {}) });

function mergedCell(
  width: number,
  span: number,
  verticalMerge: (typeof VerticalMergeType)[keyof typeof VerticalMergeType] | undefined,
  children: Paragraph[],
): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...(span > 1 ? { columnSpan: span } : {}),
    ...(verticalMerge ? { verticalMerge } : {}),
  });
}
