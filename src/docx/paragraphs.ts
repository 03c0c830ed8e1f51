// The outline's headings and paragraphs as Word paragraphs: text runs as runs, each figure and each
// prompt in its own run-level content control inside its paragraph, as the live Word writer places them
// (Range.insertContentControl). Also a prompt that is a whole paragraph: a block-level control around
// the paragraph would be the natural home of an answer of several paragraphs, but LibreOffice (7.4)
// drops all run formatting inside block-level controls, so the prompt lost its placeholder grey there
// (seen in the PDF), and the two writers would differ for no gain a test here could show.
import { HeadingLevel, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { FigureRun, HeadingBlock, ParagraphBlock, PromptRun, Run } from '../outline/types';
import { ControlIds, RunContentControl } from './content-control';
import { STYLE } from './styles';

/** What rendering a run needs from the document being written: its control ids. */
export class RenderContext {
  private readonly ids = new ControlIds();

  /** A figure's run in its tagged plain-text control. */
  figure(run: FigureRun): ParagraphChild {
    return new RunContentControl({ kind: 'figure', alias: run.alias, tag: run.tag, id: this.ids.take() }, [
      new TextRun({ text: run.text }),
    ]).asParagraphChild();
  }

  /** A prompt inside a paragraph: a run-level control showing its placeholder text. */
  prompt(run: PromptRun): ParagraphChild {
    return new RunContentControl({ kind: 'prompt', alias: run.alias, tag: run.tag, id: this.ids.take() }, [
      placeholderRun(run.text),
    ]).asParagraphChild();
  }

  /** Text that may hold line breaks (a table label printed on two lines). */
  textLines(text: string, options: { readonly bold?: boolean } = {}): ParagraphChild[] {
    return text.split('\n').map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}), ...options }));
  }

  run(run: Run): ParagraphChild[] {
    switch (run.kind) {
      case 'figure':
        return [this.figure(run)];
      case 'prompt':
        return [this.prompt(run)];
      case 'text':
        return this.textLines(run.text, run.bold ? { bold: true } : {});
    }
  }
}

const placeholderRun = (text: string): TextRun => new TextRun({ text, style: STYLE.placeholder });

export function renderHeading(block: HeadingBlock): Paragraph {
  return new Paragraph({
    heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    text: block.text,
  });
}

const PARAGRAPH_STYLE = { title: STYLE.title, body: STYLE.body, closing: STYLE.closing } as const;

/**
 * A paragraph of the outline. `spaceBefore` (twips) opens a gap above it: the closing's first line
 * stands two lines below the text, as GB/T 9704 has the 署名 after the body.
 */
export function renderParagraph(block: ParagraphBlock, ctx: RenderContext, spaceBefore = 0): Paragraph {
  return new Paragraph({
    style: PARAGRAPH_STYLE[block.style],
    ...(spaceBefore > 0 ? { spacing: { before: spaceBefore } } : {}),
    children: block.runs.flatMap((run) => ctx.run(run)),
  });
}
