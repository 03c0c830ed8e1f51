// What a refresh does with each linked figure found in the document, decided from three texts: what the
// control shows, what was last generated into it (the document's snapshot) and what the workbook says
// now (the new outline). Pure: the Word calls are in refresh.ts.
//
//   shows the new text ............................................. unchanged
//   shows what was generated, the new text differs ....................... updated (text replaced, formatting kept)
//   shows something else (typed over by hand, or nothing on record) ....... hand-edited: reported with
//                                                                   both texts, written only when the user confirms
//   locked against editing (cannotEdit) and differs ........................ locked: reported, never written
//   a tag the outline no longer has ..................................... orphaned (left alone)
//   a figure of the outline no control shows ............................... missing
// Prompts (nianbao:prompt:…) are the agency's own words: never read, never written.
import {
  PROMPT_PREFIX,
  TAG_PREFIX,
  type Block,
  type FigureTag,
  type Outline,
  type Run,
  type TableCellBlock,
} from '../outline';

/** A content control the refresh read, in document order. */
export interface FoundControl {
  readonly tag: string;
  readonly text: string;
  readonly cannotEdit: boolean;
}

export interface UpdatedFigure {
  readonly tag: FigureTag;
  readonly from: string;
  readonly to: string;
}

export interface HandEditedFigure {
  readonly tag: FigureTag;
  /** What the control shows (the user's text). */
  readonly text: string;
  /** What was last generated into it; null when the document has no record of it. */
  readonly generated: string | null;
  /** What the workbook says now. */
  readonly now: string;
  /** Whether the refresh wrote `now` over it (the user confirmed: overwriteHandEdited). */
  readonly overwritten: boolean;
}

export interface LockedFigure {
  readonly tag: FigureTag;
  readonly text: string;
  readonly now: string;
}

/** One entry per control (a tag shown twice, in a sentence and a table, appears twice), in document order. */
export interface LinkOutcome {
  readonly updated: readonly UpdatedFigure[];
  readonly unchanged: readonly FigureTag[];
  readonly handEdited: readonly HandEditedFigure[];
  readonly locked: readonly LockedFigure[];
  /** Controls whose tag the outline no longer has. */
  readonly orphaned: readonly FigureTag[];
  /** Tags of the outline no control shows (each once). */
  readonly missing: readonly FigureTag[];
}

export interface LinkPlan {
  readonly outcome: LinkOutcome;
  /** The controls to write (index into the found list) and their new text. */
  readonly writes: readonly { readonly index: number; readonly text: string }[];
  /**
   * The text to record as generated for each tag where it is not the new one: a figure every control of
   * which was left as the user has it keeps its old record, so that the next refresh still tells it apart.
   */
  readonly kept: ReadonlyMap<FigureTag, string>;
}

/** A tag of a linked figure: ours, and not a prompt. */
export const isFigureTag = (tag: string): tag is FigureTag =>
  tag.startsWith(TAG_PREFIX) && tag.length > TAG_PREFIX.length && !tag.startsWith(PROMPT_PREFIX);

export function planLinks(
  found: readonly FoundControl[],
  figures: ReadonlyMap<FigureTag, string>,
  generated: ReadonlyMap<FigureTag, string> | undefined,
  overwriteHandEdited: boolean,
): LinkPlan {
  const updated: UpdatedFigure[] = [];
  const unchanged: FigureTag[] = [];
  const handEdited: HandEditedFigure[] = [];
  const locked: LockedFigure[] = [];
  const orphaned: FigureTag[] = [];
  const writes: { index: number; text: string }[] = [];
  const seen = new Set<FigureTag>();
  /** Tags with at least one control that shows the new text after this refresh. */
  const current = new Set<FigureTag>();
  found.forEach((control, index) => {
    const tag = control.tag;
    if (!isFigureTag(tag)) return;
    const now = figures.get(tag);
    if (now === undefined) {
      orphaned.push(tag);
      return;
    }
    seen.add(tag);
    if (control.text === now) {
      unchanged.push(tag);
      current.add(tag);
      return;
    }
    if (control.cannotEdit) {
      locked.push({ tag, text: control.text, now });
      return;
    }
    const last = generated?.get(tag);
    if (last !== undefined && control.text === last) {
      updated.push({ tag, from: control.text, to: now });
      writes.push({ index, text: now });
      current.add(tag);
      return;
    }
    handEdited.push({ tag, text: control.text, generated: last ?? null, now, overwritten: overwriteHandEdited });
    if (overwriteHandEdited) {
      writes.push({ index, text: now });
      current.add(tag);
    }
  });
  const missing = [...figures.keys()].filter((tag) => !seen.has(tag));
  const kept = new Map<FigureTag, string>();
  for (const tag of seen) {
    const last = generated?.get(tag);
    if (!current.has(tag) && last !== undefined) kept.set(tag, last);
  }
  return { outcome: { updated, unchanged, handEdited, locked, orphaned, missing }, writes, kept };
}

function withTexts<R extends Run | TableCellBlock['figure']>(run: R, texts: ReadonlyMap<FigureTag, string>): R {
  if (!run || run.kind !== 'figure') return run;
  const text = texts.get(run.tag);
  return text === undefined ? run : { ...run, text };
}

/** The outline with some figures' texts replaced (what the snapshot records as generated for them). */
export function withFigureTexts(outline: Outline, texts: ReadonlyMap<FigureTag, string>): Outline {
  if (texts.size === 0) return outline;
  const blocks = outline.blocks.map((block): Block => {
    if (block.kind === 'paragraph') return { ...block, runs: block.runs.map((r) => withTexts(r, texts)) };
    if (block.kind === 'table') {
      return {
        ...block,
        rows: block.rows.map((row) =>
          row.map((cell) => (cell.figure ? { ...cell, figure: withTexts(cell.figure, texts) } : cell)),
        ),
      };
    }
    return block;
  });
  return { ...outline, blocks };
}
