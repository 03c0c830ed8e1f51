// 刷新数字 on the fake Word host, after 从工作簿生成: the figures still as generated follow the workbook,
// keeping their formatting; what the user typed — over a figure, between figures, into a prompt — stays;
// figures the outline lost or the document lost are reported; the snapshot follows what was written; and
// the number of syncs does not grow with the number of figures.
import {
  buildOutline,
  figureRunsOf,
  figuresOf,
  outlineSignature,
  PROMPT_PREFIX,
  type Outline,
} from '../../src/outline';
import type { Report } from '../../src/report';
import { SnapshotStore } from '../../src/word/snapshot-store';
import { refreshFigures } from '../../src/word/refresh';
import type { WordPort } from '../../src/word/port';
import {
  controlTagged,
  controlsOf,
  documentText,
  paragraphsOf,
  runWord,
  signatureOf,
  userAddsParagraph,
  userDeletesControl,
  userFormatsControl,
  userTypesOver,
  userTypesProse,
  type FakeWord,
} from '../support/fake-word';
import { changedTags, createWord, inputOf, LATER, parseXml, partSnapshot, portFor, seed, withValues } from './support';

/** The workbook after the user changed a few figures: the license decisions (shown twice), the requests. */
const CHANGES = {
  's2.license.decisions': 90100,
  's3.granted.natural': 1,
  's3.granted.total': 1,
  's3.new.natural': 4,
  's3.new.total': 4,
};
const changed = (): Report => withValues(seed(), CHANGES);

/** Shown once, in 表三: a figure to type over whose every control the user then has by hand. */
const ONCE = 'nianbao:s3.granted.natural';
/** Shown twice: in the sentence of 一（一） and in 表二. */
const TWICE = 'nianbao:s2.license.decisions';

async function generated(options: { wordApi?: string } = {}): Promise<{ word: FakeWord; port: WordPort }> {
  const word = createWord(options);
  const port = portFor(word);
  await port.generate(inputOf(seed()));
  word.host.syncs = 0;
  word.doc.ops.length = 0;
  return { word, port };
}

const textsOf = (word: FakeWord, tag: string): string[] => controlsOf(word, tag).map((c) => c.text);

/** The figure controls the add-in wrote into during the last batches. */
const writtenTags = (word: FakeWord): string[] =>
  word.doc.ops.filter((o) => o.op === 'contentControl.insertText').map((o) => o.tag ?? '');

describe('a refresh after the workbook changed', () => {
  it('updates exactly the figures whose values changed, everywhere they show, and nothing else', async () => {
    const { word, port } = await generated();
    const before = buildOutline(seed());
    const after = buildOutline(changed());
    const report = await port.refresh(inputOf(changed(), LATER));
    const expected = figureRunsOf(before)
      .filter((r) => changedTags(before, after).includes(r.tag))
      .map((r) => ({ tag: r.tag, from: r.text, to: figuresOf(after).get(r.tag) }));
    expect(report.updated).toEqual(expected);
    expect(report.updated.filter((u) => u.tag === TWICE)).toEqual([
      { tag: TWICE, from: '90025', to: '90100' },
      { tag: TWICE, from: '90025', to: '90100' },
    ]);
    expect(report.unchanged).toHaveLength(figureRunsOf(before).length - expected.length);
    expect([report.handEdited, report.locked, report.orphaned, report.missing]).toEqual([[], [], [], []]);
    expect(writtenTags(word).sort()).toEqual(expected.map((e) => e.tag).sort());
    // The document now reads as if it had been generated from the new workbook.
    expect(signatureOf(word)).toEqual(outlineSignature(after));
    expect(textsOf(word, TWICE)).toEqual(['90100', '90100']);
  });

  it("keeps each figure's formatting: the user's bold and colour, the 仿宋 of the sentence, the 五号 of the table", async () => {
    const { word, port } = await generated();
    userFormatsControl(word, TWICE, { bold: true, color: '#C00000' });
    await port.refresh(inputOf(changed(), LATER));
    const [inSentence, inTable] = controlsOf(word, TWICE);
    expect(inSentence.text).toBe('90100');
    expect(inSentence.format).toMatchObject({ name: '仿宋', size: 16, bold: true, color: '#C00000' });
    expect(inTable.format).toMatchObject({ name: '仿宋', size: 10.5, bold: false });
  });

  it('changes nothing and writes no figure when the workbook did not change', async () => {
    const { word, port } = await generated();
    const text = documentText(word);
    const report = await port.refresh(inputOf(seed(), LATER));
    expect(report.updated).toEqual([]);
    expect(report.unchanged).toHaveLength(figureRunsOf(buildOutline(seed())).length);
    expect(writtenTags(word)).toEqual([]);
    expect(documentText(word)).toBe(text);
  });
});

describe('what the user wrote', () => {
  it('reports a figure typed over, with both texts, and leaves it; the other place it shows is updated', async () => {
    const { word, port } = await generated();
    userTypesOver(word, TWICE, '九万余');
    const report = await port.refresh(inputOf(changed(), LATER));
    expect(report.handEdited).toEqual([
      { tag: TWICE, text: '九万余', generated: '90025', now: '90100', overwritten: false },
    ]);
    expect(textsOf(word, TWICE)).toEqual(['九万余', '90100']);
    expect(report.updated.filter((u) => u.tag === TWICE)).toHaveLength(1);
  });

  it('overwrites it when the user confirmed, keeping its formatting', async () => {
    const { word, port } = await generated();
    userTypesOver(word, ONCE, '两');
    userFormatsControl(word, ONCE, { bold: true });
    const first = await port.refresh(inputOf(changed(), LATER));
    expect(first.handEdited).toEqual([{ tag: ONCE, text: '两', generated: '2', now: '1', overwritten: false }]);
    expect(textsOf(word, ONCE)).toEqual(['两']);
    const confirmed = await port.refresh(inputOf(changed(), LATER), { overwriteHandEdited: true });
    expect(confirmed.handEdited).toEqual([{ tag: ONCE, text: '两', generated: '2', now: '1', overwritten: true }]);
    expect(controlsOf(word, ONCE)[0]).toMatchObject({ text: '1', format: { bold: true } });
    // Written and recorded: the next refresh finds it as generated.
    const next = await port.refresh(inputOf(changed(), LATER));
    expect(next.handEdited).toEqual([]);
    expect(next.unchanged).toContain(ONCE);
  });

  it('still tells a figure kept by hand from one as generated at the next refresh (its old text stays on record)', async () => {
    const { word, port } = await generated();
    userTypesOver(word, ONCE, '两');
    await port.refresh(inputOf(changed(), LATER));
    expect(partSnapshot(word)?.figures.get(ONCE)).toBe('2');
    expect(partSnapshot(word)?.figures.get(TWICE)).toBe('90100');
    const again = await port.refresh(inputOf(changed(), LATER));
    expect(again.handEdited).toEqual([{ tag: ONCE, text: '两', generated: '2', now: '1', overwritten: false }]);
    // …and when the user types the workbook's value, it is simply unchanged.
    userTypesOver(word, ONCE, '1');
    expect((await port.refresh(inputOf(changed(), LATER))).handEdited).toEqual([]);
  });

  it('leaves the prose typed between figures and the paragraphs added, word for word', async () => {
    const { word, port } = await generated();
    const sentence = paragraphsOf(word).findIndex((p) => p.text.includes('作出行政许可决定'));
    userTypesProse(word, sentence, '（含容缺受理）', { after: TWICE });
    userTypesProse(word, sentence, '另注：', 'start');
    userAddsParagraph(word, '以上数据截至12月31日。', sentence);
    await port.refresh(inputOf(changed(), LATER));
    const text = paragraphsOf(word)[sentence].text;
    expect(text.startsWith('另注：')).toBe(true);
    expect(text).toContain('90100（含容缺受理）');
    expect(paragraphsOf(word)[sentence + 1].text).toBe('以上数据截至12月31日。');
  });

  it('never touches a prompt, typed into or not', async () => {
    const { word, port } = await generated();
    const prompts = controlsOf(word).filter((c) => c.tag.startsWith(PROMPT_PREFIX));
    userTypesOver(word, prompts[0].tag, '通过政府网站、政务新媒体公开。');
    await port.refresh(inputOf(changed(), LATER));
    const after = controlsOf(word).filter((c) => c.tag.startsWith(PROMPT_PREFIX));
    expect(after[0]).toMatchObject({ text: '通过政府网站、政务新媒体公开。', showingPlaceholder: false });
    expect(after.slice(1)).toEqual(prompts.slice(1));
    expect(writtenTags(word).some((t) => t.startsWith(PROMPT_PREFIX))).toBe(false);
  });

  it('reports a deleted figure missing, whether its text went with it or stayed as plain text', async () => {
    const { word, port } = await generated();
    userDeletesControl(word, ONCE);
    userDeletesControl(word, 'nianbao:s3.new.business', { keepContent: true });
    const report = await port.refresh(inputOf(changed(), LATER));
    expect(report.missing).toEqual(['nianbao:s3.new.business', ONCE].sort((a, b) => order(a) - order(b)));
    expect(report.updated.map((u) => u.tag)).not.toContain(ONCE);
  });

  it('does not write a figure locked against editing (cannotEdit): it is reported and the rest still updates', async () => {
    const { word, port } = await generated();
    controlTagged(word, TWICE).control.cannotEdit = true;
    const report = await port.refresh(inputOf(changed(), LATER));
    expect(report.locked).toEqual([{ tag: TWICE, text: '90025', now: '90100' }]);
    expect(textsOf(word, TWICE)).toEqual(['90025', '90100']);
    expect(textsOf(word, ONCE)).toEqual(['1']);
  });
});

/** A tag's place in the seed's outline (for the order of `missing`, which follows the outline). */
const order = (tag: string): number => [...figuresOf(buildOutline(seed())).keys()].indexOf(tag as `nianbao:${string}`);

describe('figures the outline no longer has', () => {
  it('leaves the controls of a table the outline lost alone, and reports them orphaned', async () => {
    const { word, port } = await generated();
    const input = inputOf(changed(), LATER);
    const withoutS4: Outline = {
      ...input.outline,
      blocks: input.outline.blocks.filter((b) => !(b.kind === 'table' && b.table === 's4')),
    };
    const s4Tags = controlsOf(word)
      .filter((c) => c.inTable && c.tag.startsWith('nianbao:s4.'))
      .map((c) => c.tag);
    const lost = s4Tags.filter((t) => !figuresOf(withoutS4).has(t as `nianbao:${string}`));
    expect(lost.length).toBeGreaterThan(5);
    const before = lost.map((t) => textsOf(word, t));
    const report = await port.refresh({ ...input, outline: withoutS4 });
    expect(report.orphaned).toEqual(lost);
    expect(lost.map((t) => textsOf(word, t))).toEqual(before);
    expect(report.missing).toEqual([]);
  });

  it("ignores another add-in's controls", async () => {
    const { word, port } = await generated();
    controlTagged(word, ONCE).control.tag = 'other-addin:field';
    const report = await port.refresh(inputOf(changed(), LATER));
    expect(report.orphaned).toEqual([]);
    expect(report.missing).toEqual([ONCE]);
    expect(textsOf(word, 'other-addin:field')).toEqual(['2']);
  });
});

describe('the snapshot and the syncs', () => {
  it('records the values written in the custom XML part, in three syncs however many figures change', async () => {
    const { word, port } = await generated();
    const few = await port.refresh(inputOf(withValues(seed(), { 's2.license.decisions': 1 }), LATER));
    expect(few.syncs).toBe(3);
    expect(few.updated).toHaveLength(2);
    const all: Record<string, number> = {};
    for (const key of Object.keys(seed().values)) all[key] = 7;
    const many = await port.refresh(inputOf(withValues(seed(), all), LATER));
    expect(many.updated.length).toBeGreaterThan(100);
    expect(many.syncs).toBe(3);
    expect(word.host.syncs).toBe(6);
    expect(many.lastGenerated).toBe('customXml');
    expect(many.snapshot).toEqual({ customXml: true, settings: false });
    expect(partSnapshot(word)?.figures).toEqual(figuresOf(buildOutline(withValues(seed(), all))));
    expect(partSnapshot(word)?.generated).toBe(LATER);
  });

  it('on Office 2019 (WordApi 1.3) reads and writes the settings: two syncs and one save', async () => {
    const { word, port } = await generated({ wordApi: '1.3' });
    const saves = word.host.settings.saves;
    const report = await port.refresh(inputOf(changed(), LATER));
    expect(report).toMatchObject({
      syncs: 2,
      lastGenerated: 'settings',
      snapshot: { customXml: false, settings: true },
    });
    expect(report.updated.length).toBeGreaterThan(0);
    expect(word.host.settings.saves).toBe(saves + 1);
    expect(word.doc.customXmlParts).toEqual([]);
  });

  it('treats every figure that differs as hand-edited when the document has no record of what was generated', async () => {
    const { word, port } = await generated();
    word.doc.customXmlParts.length = 0;
    const report = await port.refresh(inputOf(changed(), LATER));
    expect(report.lastGenerated).toBe('none');
    expect(report.updated).toEqual([]);
    expect(report.handEdited.map((h) => [h.tag, h.generated])).toContainEqual([TWICE, null]);
    expect(textsOf(word, TWICE)).toEqual(['90025', '90025']);
    expect(report.syncs).toBe(2);
  });

  it('says when the record cannot be read, and replaces it with a good one', async () => {
    const { word, port } = await generated();
    const part = word.doc.customXmlParts[0];
    word.doc.customXmlParts[0] = { ...part, xml: '<nianbao xmlns="urn:nianbao:document:1" version="9"/>' };
    const report = await port.refresh(inputOf(changed(), LATER));
    expect(report.lastGenerated).toBe('unreadable');
    expect(report.updated).toEqual([]);
    expect(partSnapshot(word)?.version).toBe(1);
  });

  it('writes no snapshot into a document without linked figures', async () => {
    const word = createWord({ paragraphs: ['别的文件'] });
    const report = await portFor(word).refresh(inputOf(changed(), LATER));
    expect(report.missing).toHaveLength(figuresOf(buildOutline(changed())).size);
    expect(report.snapshot).toBeUndefined();
    expect(word.doc.customXmlParts).toEqual([]);
    expect(report.syncs).toBe(1);
  });

  it('takes as long as three round trips on a slow connection, not one per figure', async () => {
    const { word } = await generated();
    const slow = createWord({ roundTripMs: 40 });
    slow.doc.body.blocks.splice(0, slow.doc.body.blocks.length, ...word.doc.body.blocks);
    slow.doc.customXmlParts.push(...word.doc.customXmlParts);
    const started = Date.now();
    const report = await runWord(slow, (c) =>
      refreshFigures(c as unknown as Word.RequestContext, buildOutline(changed()), {
        store: new SnapshotStore({ customXml: true, parseXml }),
        snapshotFor: () => word.doc.customXmlParts[0].xml,
      }),
    );
    expect(report.syncs).toBe(3);
    expect(report.updated.length).toBeGreaterThan(5);
    expect(Date.now() - started).toBeLessThan(40 * 3 + 400);
  });
});
