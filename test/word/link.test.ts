// What a refresh decides for each control, from its text, the text last generated and the workbook's:
// the rules of src/word/link.ts one by one, and the outline recorded for the next refresh.
import { buildOutline, figureRunsOf, type FigureTag } from '../../src/outline';
import { isFigureTag, planLinks, withFigureTexts, type FoundControl } from '../../src/word/link';
import { seed } from './support';

const A = 'nianbao:s3.new.total' as FigureTag;
const B = 'nianbao:sum:s3.closed.total' as FigureTag;
const control = (tag: string, text: string, cannotEdit = false): FoundControl => ({ tag, text, cannotEdit });
const figures = new Map<FigureTag, string>([
  [A, '4'],
  [B, '10'],
]);
const generated = new Map<FigureTag, string>([
  [A, '3'],
  [B, '10'],
]);

describe('planLinks', () => {
  it('updates a control still showing what was generated, and leaves one showing the new text', () => {
    const plan = planLinks([control(A, '3'), control(B, '10')], figures, generated, false);
    expect(plan.outcome.updated).toEqual([{ tag: A, from: '3', to: '4' }]);
    expect(plan.outcome.unchanged).toEqual([B]);
    expect(plan.writes).toEqual([{ index: 0, text: '4' }]);
    expect(plan.kept.size).toBe(0);
  });

  it('reports a control typed over and writes it only when confirmed', () => {
    const kept = planLinks([control(A, '三')], figures, generated, false);
    expect(kept.outcome.handEdited).toEqual([{ tag: A, text: '三', generated: '3', now: '4', overwritten: false }]);
    expect(kept.writes).toEqual([]);
    expect(kept.kept).toEqual(new Map([[A, '3']]));
    const confirmed = planLinks([control(A, '三')], figures, generated, true);
    expect(confirmed.writes).toEqual([{ index: 0, text: '4' }]);
    expect(confirmed.outcome.handEdited[0].overwritten).toBe(true);
    expect(confirmed.kept.size).toBe(0);
  });

  it('counts a control typed over to the new value as unchanged, even with no record', () => {
    expect(planLinks([control(A, '4')], figures, undefined, false).outcome.unchanged).toEqual([A]);
  });

  it('takes every differing control for hand-edited when there is no record, and keeps no record for it', () => {
    const plan = planLinks([control(A, '3')], figures, undefined, false);
    expect(plan.outcome.handEdited).toEqual([{ tag: A, text: '3', generated: null, now: '4', overwritten: false }]);
    expect(plan.kept.size).toBe(0);
  });

  it('never writes a locked control, even when confirmed', () => {
    const plan = planLinks([control(A, '3', true)], figures, generated, true);
    expect(plan.outcome.locked).toEqual([{ tag: A, text: '3', now: '4' }]);
    expect(plan.writes).toEqual([]);
  });

  it('records the new text for a tag one of whose controls now shows it, the old one where all were kept', () => {
    const mixed = planLinks([control(A, '三'), control(A, '3')], figures, generated, false);
    expect(mixed.writes).toEqual([{ index: 1, text: '4' }]);
    expect(mixed.kept.size).toBe(0);
  });

  it('reports orphans per control and missing tags once, and ignores prompts and other add-ins', () => {
    const plan = planLinks(
      [
        control('nianbao:gone', '1'),
        control('nianbao:gone', '1'),
        control('nianbao:prompt:x', '…'),
        control('other', '3'),
      ],
      figures,
      generated,
      false,
    );
    expect(plan.outcome).toEqual({
      updated: [],
      unchanged: [],
      handEdited: [],
      locked: [],
      orphaned: ['nianbao:gone', 'nianbao:gone'],
      missing: [A, B],
    });
  });

  it('knows a figure tag from a prompt, a bare prefix and a foreign tag', () => {
    expect(
      ['nianbao:s3.new.total', 'nianbao:sum:x', 'nianbao:prompt:x', 'nianbao:', 'other:x'].map(isFigureTag),
    ).toEqual([true, true, false, false, false]);
  });
});

describe('withFigureTexts', () => {
  it('replaces the texts of the figures given, in sentences and tables, and nothing else', () => {
    const outline = buildOutline(seed());
    const tag = 'nianbao:s2.license.decisions' as FigureTag;
    const replaced = withFigureTexts(outline, new Map([[tag, '约九万']]));
    const texts = (o: typeof outline): string[] => figureRunsOf(o).map((r) => `${r.tag}=${r.text}`);
    expect(texts(replaced)).toEqual(texts(outline).map((t) => (t === `${tag}=90025` ? `${tag}=约九万` : t)));
    expect(texts(outline)).toContain(`${tag}=90025`);
  });
});
