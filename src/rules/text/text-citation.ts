// TEXT-CITATION: the format document the text cites. The 2021 format is 《中华人民共和国政府信息公开
// 工作年度报告格式》, 国办公开办函〔2021〕30号; the trial format of 2019 is the same title with （试行）,
// 国办公开办函〔2019〕60号. A 2021+ report that cites the trial format, and any report that pairs one
// document's title with the other's number (or writes a number of neither: 〔2021〕60号), is warned.
import { defineRule } from '../define';
import type { Reporter } from '../types';
import { allMatches, excerpt, TEXT_TABLES, wholeText } from './text-rules';

export interface TextCitationParams {
  /** The report year, when known. */
  readonly year?: number;
  /** The citation as the text writes it (whitespace dropped). */
  readonly found: string;
  /** `trial`: a 2021+ report cites the 2019 trial format; `pair`: a title with the other's number. */
  readonly problem?: 'trial' | 'pair';
}

type Kind = 'trial' | 'current' | 'mixed';

interface Mention {
  readonly kind: Kind;
  readonly at: number;
  readonly end: number;
}

/** The format's title, with （试行） for the trial one (the text is squashed: brackets full-width). */
const TITLE = /年度报告格式(（试行）)?/g;
/** The document numbers of 国办公开办函: 〔2021〕30号, 〔2019〕60号, and the two wrong mixtures. */
const NUMBER = /国办公开办函[〔（](\d{4})[〕）](\d{1,3})号/g;
/** A number written without 国办公开办函 right after a title: `格式》（〔2019〕60号）`. */
const BARE_NUMBER = /[〔（](20(?:19|21))[〕）](30|60)号/y;
/** How near a title and a number must stand to be one citation. */
const NEAR = 30;

function numberKind(year: string, no: string): Kind | undefined {
  if (year === '2021' && no === '30') return 'current';
  if (year === '2019' && no === '60') return 'trial';
  if ((year === '2019' && no === '30') || (year === '2021' && no === '60')) return 'mixed';
  return undefined;
}

function mentions(text: string): { titles: Mention[]; numbers: Mention[] } {
  const titles: Mention[] = [];
  const numbers: Mention[] = [];
  for (const m of allMatches(TITLE, text)) {
    const at = m.index ?? 0;
    titles.push({ kind: m[1] ? 'trial' : 'current', at, end: at + m[0].length });
  }
  for (const m of allMatches(NUMBER, text)) {
    const kind = numberKind(m[1], m[2]);
    const at = m.index ?? 0;
    if (kind) numbers.push({ kind, at, end: at + m[0].length });
  }
  // Bare numbers shortly after a title (none of those the full pattern found).
  for (const title of titles) {
    for (let from = title.end; from < Math.min(text.length, title.end + NEAR); from++) {
      BARE_NUMBER.lastIndex = from;
      const m = BARE_NUMBER.exec(text);
      if (!m) continue;
      const kind = numberKind(m[1], m[2]);
      if (kind && !numbers.some((n) => n.end === from + m[0].length)) {
        numbers.push({ kind, at: from, end: from + m[0].length });
      }
      break;
    }
  }
  numbers.sort((a, b) => a.at - b.at);
  return { titles, numbers };
}

/**
 * A citation as the text writes it: from the 《 that opens its title (when it starts with one) or
 * its number, to the end of the mention and a closing 》, at most 60 characters.
 */
function cited(text: string, from: number, to: number, fromTitle: boolean): string {
  const open = fromTitle ? text.lastIndexOf('《', from) : -1;
  const start = open >= 0 && from - open <= NEAR ? open : from;
  const end = text[to] === '》' ? to + 1 : to;
  const found = text.slice(start, end);
  return [...found].length <= 60 ? found : excerpt(text, from, to - from, 60);
}

/** The title nearest to a number, before or after it, within NEAR characters. */
function titleOf(number: Mention, titles: readonly Mention[]): Mention | undefined {
  let best: Mention | undefined;
  let bestGap = NEAR + 1;
  for (const title of titles) {
    const gap = title.end <= number.at ? number.at - title.end : number.end <= title.at ? title.at - number.end : 0;
    if (gap < bestGap) {
      best = title;
      bestGap = gap;
    }
  }
  return best;
}

export const textCitation = defineRule({
  id: 'TEXT-CITATION',
  severity: 'warning',
  tables: TEXT_TABLES,
  input: 'text',
  clause:
    "A 2021+ report cites the 2019 trial format (`格式（试行）`, 60号), or pairs one document's title with the other's number.",
  reads: () => ['profile.year'],
  check(ctx, report: Reporter<TextCitationParams>) {
    if (!ctx.text) return;
    // Lines joined without a break: a citation is often cut across two lines of a PDF's text.
    const text = wholeText(ctx.text).replace(/\n/g, '');
    const { titles, numbers } = mentions(text);
    const year = ctx.profile.year;
    const yearParam = year !== undefined && Number.isInteger(year) ? { year } : {};
    // The mentions that are halves of a wrong pair (or a number of neither document).
    const wrong = new Set<Mention>();
    let pair: string | undefined;
    for (const number of numbers) {
      const title = titleOf(number, titles);
      if (number.kind !== 'mixed' && (title === undefined || title.kind === number.kind)) continue;
      wrong.add(number);
      if (title) wrong.add(title);
      if (pair === undefined) {
        const from = title ? Math.min(title.at, number.at) : number.at;
        const to = title ? Math.max(title.end, number.end) : number.end;
        pair = cited(text, from, to, title !== undefined && title.at < number.at);
      }
    }
    if (pair !== undefined) {
      report({ scope: 'pair', cells: [], params: { ...yearParam, found: pair, problem: 'pair' } });
    }
    if (year === undefined || !(year >= 2021)) return;
    // A 2021+ report citing the trial format: its title or its number, where that is not already
    // the wrong half of the pair said above.
    const trial = [...titles, ...numbers]
      .filter((m) => m.kind === 'trial' && !wrong.has(m))
      .sort((a, b) => a.at - b.at)[0];
    if (trial) {
      report({
        scope: 'trial',
        cells: [],
        params: { ...yearParam, found: cited(text, trial.at, trial.end, titles.includes(trial)), problem: 'trial' },
      });
    }
  },
});
