// A flat, stable description of what a renderer must produce from an outline, one line per item, so
// that a parity test can hold the .docx writer and the live Word writer (each read back into the same
// lines) to the same headings, texts, tags and table cells. Styling that a read-back cannot see for
// certain (bold, widths, header shading, content-control titles) is left out on purpose.
//
// Line format (fields separated by one space; texts as they are, never quoted except table labels):
//
//   TITLE <outline.title>
//   H1 <text>                          a level-1 heading, e.g. `H1 一、总体情况`
//   H2 <text>                          a level-2 heading, e.g. `H2 （一）主动公开`
//   P <style> <runs>                   a paragraph; style is title | body | closing; runs concatenated:
//                                        text as is (adjacent text runs merged),
//                                        a figure as `[<tag>=<text>]`, e.g. `[nianbao:s3.new.total=3]`,
//                                        a prompt as `[<tag>=<text>]`, e.g. `[nianbao:prompt:s1.active=（请…）]`
//   T <table> grid <columns>           a table starts: `T s3 grid 10`
//   T <table> r<row>c<col> span<c>x<r> <content>
//                                      one cell: row index in the table and grid column (counting the
//                                      columns that spans above and to the left cover), its colSpan ×
//                                      rowSpan, then `"<label text>"` or `[<tag>=<text>]`, e.g.
//                                      `T s3 r0c0 span3x3 "（本列数据的勾稽关系为：…）"`, `T s3 r3c3 span1x1 [nianbao:s3.new.natural=3]`
//
// Quotes and brackets inside texts are not escaped: the lines are compared, not parsed.
import type { Block, Outline, Run, TableBlock } from './types';

function runsText(runs: readonly Run[]): string {
  return runs.map((run) => (run.kind === 'text' ? run.text : `[${run.tag}=${run.text}]`)).join('');
}

function tableLines(table: TableBlock): string[] {
  const lines = [`T ${table.table} grid ${table.columns}`];
  // covered[r] holds the grid columns of row r taken by rowSpans from rows above.
  const covered: Set<number>[] = table.rows.map(() => new Set<number>());
  table.rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (covered[r].has(col)) col++;
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      for (let dr = 1; dr < rowSpan && r + dr < table.rows.length; dr++) {
        for (let dc = 0; dc < colSpan; dc++) covered[r + dr].add(col + dc);
      }
      const content = cell.figure ? `[${cell.figure.tag}=${cell.figure.text}]` : `"${cell.text ?? ''}"`;
      lines.push(`T ${table.table} r${r}c${col} span${colSpan}x${rowSpan} ${content}`);
      col += colSpan;
    }
  });
  return lines;
}

function blockLines(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
      return [`H${block.level} ${block.text}`];
    case 'paragraph':
      return [`P ${block.style} ${runsText(block.runs)}`];
    case 'table':
      return tableLines(block);
  }
}

/** The lines a renderer must produce, in document order. */
export function outlineSignature(outline: Outline): string[] {
  return [`TITLE ${outline.title}`, ...outline.blocks.flatMap(blockLines)];
}

/** The plain text of a paragraph's runs, as a reader sees it (figures and prompts by their text). */
export function plainText(runs: readonly Run[]): string {
  return runs.map((run) => run.text).join('');
}
