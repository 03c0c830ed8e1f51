// One report's linked Word skeleton as a file, for every host that offers it (the command line, the
// Excel task pane's 生成 Word 文稿): the outline, its snapshot part and the .docx bytes, with what it holds.
import { buildOutline, type Outline } from '../outline';
import { buildSnapshotXml } from '../outline/snapshot';
import type { Report } from '../report';
import { writeDocx } from './write';

export interface ReportDocument {
  readonly bytes: Uint8Array;
  readonly outline: Outline;
  /** Figures linked to the tables and prompts for the agency, for the message. */
  readonly figures: number;
  readonly prompts: number;
}

/** Linked figures and prompts in the outline. */
export function countControls(outline: Outline): { figures: number; prompts: number } {
  let figures = 0;
  let prompts = 0;
  for (const block of outline.blocks) {
    if (block.kind === 'paragraph') {
      for (const run of block.runs) {
        if (run.kind === 'figure') figures++;
        else if (run.kind === 'prompt') prompts++;
      }
    } else if (block.kind === 'table') {
      for (const row of block.rows) for (const cell of row) if (cell.figure) figures++;
    }
  }
  return { figures, prompts };
}

/** The .docx of one report (with last year's in `report.previous`, for the 同比 wording). */
export async function reportDocument(report: Report, generated: Date): Promise<ReportDocument> {
  const outline = buildOutline(report);
  const snapshotXml = buildSnapshotXml({ report, outline, generated: generated.toISOString() });
  return { bytes: await writeDocx(outline, { snapshotXml }), outline, ...countControls(outline) };
}
