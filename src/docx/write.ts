// The .docx file writer: renders an Outline (src/outline) as a Word document — the title, the six
// parts with their sub-headings, the sentences with every figure in a tagged content control, the
// prompts as placeholder controls, the three tables — in the GB/T 9704 look of ./styles, then adds the
// report's snapshot as a custom XML part (./package-parts). It decides nothing about the content.
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun, type FileChild } from 'docx';
import type { Outline } from '../outline/types';
import { addPackageParts } from './package-parts';
import { RenderContext, renderHeading, renderParagraph } from './paragraphs';
import { FONTS, LINE, PAGE, SIZE, STYLES, TEXT_WIDTH } from './styles';
import { renderTable } from './tables';

export interface DocxOptions {
  /** The custom XML part's content: the report snapshot (src/outline/snapshot.ts). */
  readonly snapshotXml: string;
  /** The custom XML part's datastore item id (a GUID in braces); a new one when absent. */
  readonly itemId?: string;
}

/** The body's blocks as Word body children, in order. */
function renderBlocks(outline: Outline, ctx: RenderContext): FileChild[] {
  const children: FileChild[] = [];
  let previous: Outline['blocks'][number] | undefined;
  for (const block of outline.blocks) {
    switch (block.kind) {
      case 'heading':
        children.push(renderHeading(block));
        break;
      case 'table':
        children.push(renderTable(block, ctx, TEXT_WIDTH));
        break;
      case 'paragraph': {
        // The 署名 stands two blank lines below the text above it.
        const opensClosing =
          block.style === 'closing' && !(previous?.kind === 'paragraph' && previous.style === 'closing');
        children.push(renderParagraph(block, ctx, opensClosing ? 2 * LINE : 0));
        break;
      }
    }
    previous = block;
  }
  return children;
}

/** The page number, centred: `— 1 —` in 4号宋体 (GB/T 9704 §7.5). */
const pageFooter = (): Footer =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { ascii: FONTS.pageNumber, hAnsi: FONTS.pageNumber, eastAsia: FONTS.pageNumber },
            size: SIZE.pageNumber,
          }),
        ],
      }),
    ],
  });

export async function writeDocx(outline: Outline, options: DocxOptions): Promise<Uint8Array> {
  const ctx = new RenderContext();
  const document = new Document({
    title: outline.title,
    creator: 'nianbao',
    styles: STYLES,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: PAGE.margin,
          },
        },
        footers: { default: pageFooter() },
        children: renderBlocks(outline, ctx),
      },
    ],
  });
  const bytes = await Packer.pack(document, 'uint8array');
  return addPackageParts(bytes, {
    snapshotXml: options.snapshotXml,
    ...(options.itemId ? { itemId: options.itemId } : {}),
  });
}
