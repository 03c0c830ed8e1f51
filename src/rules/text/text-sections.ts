// TEXT-SECTIONS: the text of a report has the six part headings of FORMAT.md, in order (the printed
// headings, their accepted variants, or headings that keep the part's key words), and no heading of
// the format before 2019 (概述, 收费及减免, 咨询处理). Judged on `report.text` (validateText).
import { defineRule } from '../define';
import type { Reporter } from '../types';
import { oldHeadingWord, sectionOf, SECTION_HEADINGS, TEXT_TABLES } from './text-rules';

export type TextSectionsParams =
  /** The headings missing, as the format prints them, joined by ；. */
  | { readonly missing: string; readonly count?: number }
  /** A pre-2019 heading found in the text, as printed. */
  | { readonly old: string }
  /** A heading that stands after one it should precede, as printed (`heading` comes after `after`). */
  | { readonly order: string; readonly after: string };

export const textSections = defineRule({
  id: 'TEXT-SECTIONS',
  severity: 'error',
  tables: TEXT_TABLES,
  input: 'text',
  clause:
    'The six section headings are not all present, in order (accept the variants in FORMAT.md); an old pre-2019 heading (概述, 收费及减免, 咨询处理) is present.',
  reads: () => [],
  check(ctx, report: Reporter<TextSectionsParams>) {
    const text = ctx.text;
    if (!text) return;
    // The first heading of each part, in text order.
    const firsts: { section: number; text: string }[] = [];
    const seen = new Set<number>();
    const oldSeen = new Set<string>();
    for (const heading of text.headings) {
      const word = oldHeadingWord(heading);
      if (word !== undefined) {
        if (!oldSeen.has(word)) {
          oldSeen.add(word);
          report({ scope: `old:${word}`, cells: [], params: { old: heading.text.trim() } });
        }
        continue;
      }
      const section = sectionOf(heading);
      if (section === undefined || seen.has(section)) continue;
      seen.add(section);
      firsts.push({ section, text: heading.text.trim() });
    }
    const missing = [1, 2, 3, 4, 5, 6].filter((n) => !seen.has(n));
    if (missing.length > 0) {
      report({
        scope: 'missing',
        cells: [],
        params: { missing: missing.map((n) => SECTION_HEADINGS[n]).join('；'), count: missing.length },
      });
    }
    // Out of order: a heading that comes after one of a later part. The longest run in order stays;
    // every other heading is named once, after the heading it follows wrongly.
    const keep = longestIncreasing(firsts.map((h) => h.section));
    firsts.forEach((h, i) => {
      if (keep.has(i)) return;
      const after = firsts.slice(0, i).find((earlier) => earlier.section > h.section);
      if (!after) return;
      report({ scope: `order:${h.section}`, cells: [], params: { order: h.text, after: after.text } });
    });
  },
});

/** The positions of one longest strictly increasing subsequence (n ≤ 6: quadratic is nothing). */
function longestIncreasing(values: readonly number[]): ReadonlySet<number> {
  const length = values.map(() => 1);
  const from = values.map(() => -1);
  for (let i = 0; i < values.length; i++) {
    for (let j = 0; j < i; j++) {
      if (values[j] < values[i] && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        from[i] = j;
      }
    }
  }
  let end = -1;
  for (let i = 0; i < values.length; i++) if (end < 0 || length[i] > length[end]) end = i;
  const keep = new Set<number>();
  for (let i = end; i >= 0; i = from[i]) keep.add(i);
  return keep;
}
