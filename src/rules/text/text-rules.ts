// Shared by the text rules: they judge the text of a published or generated report (ReportText, which
// the importer fills into `report.text`), so the engine runs them apart (validateText), only where a
// report has a text: the live pane never has one. Here: what a heading of the six parts looks like,
// where each part's lines are, and text normalised for searching.
import { SECTIONS } from '../../format';
import type { ReportText, TextHeading } from '../../report';

/** Text rules that read no table cell judge no table. */
export const TEXT_TABLES = [] as const;

/**
 * For searching: no whitespace (PDF text breaks words and numbers with spaces and line breaks),
 * half-width brackets, colons and commas made full-width, every comma an enumeration comma.
 */
export function squash(text: string): string {
  return text.replace(SQUASHED_CHARS, (ch) => SQUASH_MAP[ch] ?? '');
}

/** What squash changes, in one pass: every space goes, the rest become their full-width forms. */
const SQUASHED_CHARS = /[\s\u00a0\u3000(（)）〔［【[〕］】\],，、:：]/g;
const SQUASH_MAP: Readonly<Record<string, string>> = {
  '(': '（',
  '（': '（',
  ')': '）',
  '）': '）',
  '〔': '〔',
  '［': '〔',
  '【': '〔',
  '[': '〔',
  '〕': '〕',
  '］': '〕',
  '】': '〕',
  ']': '〕',
  ',': '、',
  '，': '、',
  '、': '、',
  ':': '：',
  '：': '：',
};

/** The number of a heading: `一、` `一.` `（一）` `1.`, and a Markdown `#` before it. */
const NUMBERING = /^#*(?:[一二三四五六七八九十]+[、.．，]?|（[一二三四五六七八九十\d]+）|\d+[、.．])/;

/** A heading's title: squashed, without its number or a closing colon or full stop. */
export function headingTitle(text: string): string {
  return squash(text)
    .replace(NUMBERING, '')
    .replace(/[：。.]+$/, '');
}

/** Longest title taken for a heading of one of the six parts; longer lines are prose. */
const TITLE_LIMIT = 40;

// Built with loops, not flatMap or Object.fromEntries: this runs when the rules load, also in the task
// pane, whose oldest engines (EdgeHTML) have neither.
const EXACT: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (const s of SECTIONS) for (const h of [s.heading, ...s.variants]) map.set(headingTitle(h), s.number);
  return map;
})();

/**
 * Which of the six parts of FORMAT.md a heading is (1–6): the printed heading, an accepted variant,
 * or a heading that keeps the part's key words (`五、存在的主要问题及下一步打算`,
 * `四、因政府信息公开行政复议、行政诉讼情况`, both seen in published reports).
 */
export function sectionOfHeading(text: string): number | undefined {
  const title = headingTitle(text);
  const exact = EXACT.get(title);
  if (exact !== undefined) return exact;
  if (title.length === 0 || title.length > TITLE_LIMIT) return undefined;
  if (title.startsWith('总体情况')) return 1;
  if (title.includes('主动公开政府信息')) return 2;
  if (title.includes('收到和处理政府信息公开申请')) return 3;
  if (title.includes('行政复议') && title.includes('行政诉讼')) return 4;
  if (title.includes('存在的主要问题')) return 5;
  if (title.includes('其他需要报告的事项')) return 6;
  return undefined;
}

/** The headings of the format before 2019 (RULES.md, TEXT-SECTIONS). */
export const OLD_HEADING_WORDS = ['概述', '收费及减免', '咨询处理'] as const;

/** The pre-2019 word a level-1 heading carries, if it is one of those headings. */
export function oldHeadingWord(heading: TextHeading): string | undefined {
  if (heading.level !== 1) return undefined;
  const title = headingTitle(heading.text);
  if (title.length > TITLE_LIMIT) return undefined;
  return OLD_HEADING_WORDS.find((word) => title.includes(word));
}

/** The part a heading is: as the importer said, else by its words. */
export function sectionOf(heading: TextHeading): number | undefined {
  if (heading.level !== 1) return undefined;
  return heading.section ?? sectionOfHeading(heading.text);
}

/** The six headings as the 2021 format prints them, by part number. */
export const SECTION_HEADINGS: Readonly<Record<number, string>> = (() => {
  const headings: Record<number, string> = {};
  for (const s of SECTIONS) headings[s.number] = s.heading;
  return headings;
})();

const SQUASHED = new WeakMap<ReportText, readonly string[]>();

/** The text's lines, squashed (computed once per text). */
export function squashedLines(text: ReportText): readonly string[] {
  let lines = SQUASHED.get(text);
  if (!lines) {
    lines = text.lines.map(squash);
    SQUASHED.set(text, lines);
  }
  return lines;
}

/**
 * Where a heading stands in `lines`. The contract gives its line in the text; a reader may count
 * lines of the whole text or of the prose, so the line is taken when it holds the heading, and the
 * heading is looked for otherwise (first the line that is the heading, then one that holds it).
 */
export function headingIndex(text: ReportText, heading: TextHeading): number {
  const lines = squashedLines(text);
  const wanted = squash(heading.text);
  if (wanted === '') return -1;
  const at = heading.line;
  if (Number.isInteger(at) && at >= 0 && at < lines.length && lines[at].includes(wanted)) return at;
  const exact = lines.indexOf(wanted);
  if (exact >= 0) return exact;
  return lines.findIndex((line) => line.includes(wanted));
}

/**
 * The squashed lines of one of the six parts, from its heading to the next level-1 heading; undefined
 * when the text has no heading for that part.
 */
export function sectionText(text: ReportText, section: number): string | undefined {
  const lines = squashedLines(text);
  const starts = text.headings
    .filter((h) => h.level === 1)
    .map((h) => ({ section: sectionOf(h), at: headingIndex(text, h) }))
    .filter((h) => h.at >= 0)
    .sort((a, b) => a.at - b.at);
  const start = starts.find((h) => h.section === section);
  if (!start) return undefined;
  const next = starts.find((h) => h.at > start.at);
  return lines.slice(start.at, next ? next.at : lines.length).join('\n');
}

/** Every match of a global pattern, as matchAll gives them (matchAll is younger than some pane engines). */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const re = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  re.lastIndex = 0;
  const out: RegExpExecArray[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

/** The whole prose, squashed, lines joined by line breaks. */
export function wholeText(text: ReportText): string {
  return squashedLines(text).join('\n');
}

/**
 * A piece of the user's text for a message: at most `max` characters around `at` (a position in
 * `text`), cut ends marked `…`. The message kit escapes what it quotes.
 */
export function excerpt(text: string, at: number, length: number, max = 40): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  // Code-point positions: `at` and `length` count UTF-16 units.
  const start = [...text.slice(0, Math.max(0, at))].length;
  const span = [...text.slice(at, at + length)].length;
  const before = Math.max(0, Math.min(start, Math.floor((max - span) / 3)));
  const from = Math.max(0, start - before);
  const to = Math.min(chars.length, from + max);
  return `${from > 0 ? '…' : ''}${chars.slice(from, to).join('')}${to < chars.length ? '…' : ''}`;
}
