// 刷新数字: every linked figure in the document compared with the workbook's new outline and the
// document's snapshot (link.ts decides), the figures still as generated rewritten in place — insertText
// 'Replace' keeps the run's formatting — and nothing else touched: not the prose around them, not the
// prompts, not a figure the user typed over (unless they confirmed), not another add-in's controls.
//
// Syncs, whatever the number of figures: one to read every content control (document.contentControls,
// WordApi 1.1: tags, texts and locks in one load) and look for the snapshot part; one more to get the
// part's XML when there is one (WordApi 1.4); one carrying every write and the new snapshot part.
import { figuresOf, type Outline } from '../outline';
import { SyncCounter } from './errors';
import { isFigureTag, planLinks, withFigureTexts, type LinkOutcome } from './link';
import type { SavedSnapshot, SnapshotStore } from './snapshot-store';

export interface RefreshOptions {
  readonly store: SnapshotStore;
  /**
   * The snapshot XML to keep for the outline as written (src/outline/snapshot.ts buildSnapshotXml with
   * this outline): the figures left as the user has them keep the texts last generated.
   */
  readonly snapshotFor: (written: Outline) => string;
  /** The user confirmed: hand-edited figures are overwritten with the workbook's values too. */
  readonly overwriteHandEdited?: boolean;
}

export interface LinkReport extends LinkOutcome {
  /** Where the texts last generated came from; 'none': no record, every figure that differs is hand-edited. */
  readonly lastGenerated: 'customXml' | 'settings' | 'none' | 'unreadable';
  /** Where the new snapshot went; undefined when none was written (the document shows no linked figure). */
  readonly snapshot: SavedSnapshot | undefined;
  readonly syncs: number;
}

export async function refreshFigures(
  context: Word.RequestContext,
  outline: Outline,
  options: RefreshOptions,
): Promise<LinkReport> {
  const counter = new SyncCounter(context);
  return counter.guard(async () => {
    const controls = context.document.contentControls.load('items/tag,items/text,items/cannotEdit');
    options.store.survey(context);
    await counter.sync();
    const stored = await options.store.read(counter.sync);

    const found = controls.items.map((c) => ({ tag: c.tag, text: c.text, cannotEdit: c.cannotEdit }));
    const generated = stored.kind === 'found' ? stored.snapshot.figures : undefined;
    const plan = planLinks(found, figuresOf(outline), generated, options.overwriteHandEdited === true);
    for (const { index, text } of plan.writes) controls.items[index].insertText(text, 'Replace');

    const linked = found.some((c) => isFigureTag(c.tag));
    const xml = linked ? options.snapshotFor(withFigureTexts(outline, plan.kept)) : undefined;
    if (xml !== undefined) options.store.queueWrite(context, xml);
    if (plan.writes.length > 0 || xml !== undefined) await counter.sync();
    const snapshot = xml !== undefined ? await options.store.commit(xml) : undefined;
    return {
      ...plan.outcome,
      lastGenerated: stored.kind === 'found' ? stored.source : stored.kind,
      snapshot,
      syncs: counter.count,
    };
  });
}
