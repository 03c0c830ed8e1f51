// TEXT-PERIOD: every statistical period the text states runs from 1 January to 31 December of the
// report year. Read from the importer's `period` and from every line that states one (统计期限、
// 统计时限、所列数据的期限 …), in either way of writing dates (2022年1月1日, 2022.1.1); a date whose
// 年 or 月 was lost on the way from the PDF (`202111日`) is said to be garbled. A text that states no
// period says nothing wrong, so it gets no finding.
import { defineRule } from '../define';
import type { Reporter } from '../types';
import { allMatches, excerpt, TEXT_TABLES } from './text-rules';

export interface TextPeriodParams {
  readonly year: number;
  /** The period as the text states it (whitespace dropped). */
  readonly found: string;
  /** `wrong`: well-formed dates of another period; `garbled`: a date with a part lost. */
  readonly problem?: 'wrong' | 'garbled';
}

/** Where a line states the period: the cue, then the dates within the next few characters. */
const CUE = /(?:统计|所列数据|所列统计数据|报告)[^。；]{0,6}?(?:期限|时限|期间|区间|周期|时段|时间范围|时间)/g;
/** How far after a cue the dates may stand. */
const REACH = 60;

/** 2022年1月1日, 1月1日 (the year of the previous date), 2022.1.1, 2022-1-1, 2022/1/1. */
const DATE = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日|(\d{4})[./-](\d{1,2})[./-](\d{1,2})日?/g;
/**
 * A date with a part lost: 202111日 (年 and 月), 2021年1231日 (月), 20211月 (年), 年1月1日 (the year;
 * not 本年1月1日 and the like, which name it). Group 1: the character before a lost year.
 */
const GARBLED = /\d{5,}日|\d{4}年\d{3,}日|\d{5,6}月|(^|[^\d年本今全当上该去明次])年\d{1,2}月\d{1,2}日/g;

/** Full-width digits and punctuation made ASCII, whitespace dropped: dates as one token. */
function plain(text: string): string {
  return text.replace(/[\s\u00a0\u3000０-９．－／]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xfee0);
    return ch === '．' ? '.' : ch === '－' ? '-' : ch === '／' ? '/' : '';
  });
}

interface Day {
  readonly y?: number;
  readonly m: number;
  readonly d: number;
  readonly at: number;
  readonly end: number;
}

function datesIn(segment: string): Day[] {
  const days: Day[] = [];
  for (const m of allMatches(DATE, segment)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    if (m[2] !== undefined)
      days.push({ y: m[1] ? Number(m[1]) : undefined, m: Number(m[2]), d: Number(m[3]), at, end });
    else days.push({ y: Number(m[4]), m: Number(m[5]), d: Number(m[6]), at, end });
    if (days.length === 2) break;
  }
  return days;
}

type Verdict = { readonly problem: 'wrong' | 'garbled'; readonly found: string } | 'right' | 'none';

/** What one statement of the period says, judged against the year. */
function judge(segment: string, year: number): Verdict {
  const days = datesIn(segment);
  const tokens: { at: number; end: number; garbled: boolean }[] = days.map((d) => ({ ...d, garbled: false }));
  for (const m of allMatches(GARBLED, segment)) {
    const at = (m.index ?? 0) + (m[1]?.length ?? 0);
    tokens.push({ at, end: (m.index ?? 0) + m[0].length, garbled: true });
  }
  // A garbled date among the first two dates is part of this period: quoted from the first date to
  // the second.
  const firstTwo = tokens.sort((a, b) => a.at - b.at).slice(0, 2);
  if (firstTwo.some((t) => t.garbled)) {
    const from = firstTwo[0].at;
    const to = firstTwo[firstTwo.length - 1].end;
    return { problem: 'garbled', found: excerpt(segment.slice(from, to), 0, to - from) };
  }
  if (days.length < 2) return 'none';
  const [from, to] = days;
  // 本年1月1日至12月31日 names no year: it is the report's.
  const fromYear = from.y ?? to.y ?? year;
  const toYear = to.y ?? fromYear;
  const right = fromYear === year && from.m === 1 && from.d === 1 && toYear === year && to.m === 12 && to.d === 31;
  return right ? 'right' : { problem: 'wrong', found: segment.slice(from.at, to.end) };
}

/** The stated periods: the importer's, then each cue's reach in every line. */
function statements(period: string | undefined, lines: readonly string[]): string[] {
  const out: string[] = [];
  if (period !== undefined && period.trim() !== '') out.push(plain(period));
  for (const raw of lines) {
    if (!/期|时/.test(raw)) continue;
    const line = plain(raw);
    for (const m of allMatches(CUE, line)) {
      const from = (m.index ?? 0) + m[0].length;
      out.push(line.slice(from, from + REACH));
    }
  }
  return out;
}

export const textPeriod = defineRule({
  id: 'TEXT-PERIOD',
  severity: 'warning',
  tables: TEXT_TABLES,
  input: 'text',
  clause:
    'The statistical period is not `<year>年1月1日` to `<year>年12月31日` (also catches garbled dates such as `202111日`).',
  reads: () => ['profile.year'],
  check(ctx, report: Reporter<TextPeriodParams>) {
    const text = ctx.text;
    const year = ctx.profile.year;
    if (!text || year === undefined || !Number.isInteger(year)) return;
    for (const statement of statements(text.period, text.lines)) {
      const verdict = judge(statement, year);
      if (verdict === 'right' || verdict === 'none') continue;
      report({ scope: 'period', cells: [], params: { year, found: verdict.found, problem: verdict.problem } });
      return;
    }
  },
});
