// The headings of a report's text: the six parts of FORMAT.md (as printed, an accepted variant, or a
// heading that keeps the part's key words), the old pre-2019 headings (概述, 收费及减免, 咨询处理) as
// level-1 headings of no part, and the （一）… headings within a part.
import { SECTIONS } from '../format';
import type { TextHeading } from '../report';
import { squashText, toHalfWidth } from './normalise';

/** Longest title a heading may have; a longer line is prose. */
const TITLE_LIMIT = 40;

const CN = '一二三四五六七八九十';
/** `一、` `一.` `一．` at the start of a level-1 heading, after any Markdown `#`. */
const LEVEL1 = new RegExp(`^[${CN}]{1,2}\\s*[、.．,，]\\s*`);
/** `（一）` `(一)` at the start of a level-2 heading. */
const LEVEL2 = new RegExp(`^[（(]\\s?[${CN}]{1,2}\\s?[)）]\\s*`);
const MARKDOWN = /^#{1,6}\s*/;

/** The pre-2019 headings (RULES.md, TEXT-SECTIONS). */
export const OLD_HEADINGS = ['概述', '收费及减免', '咨询处理'] as const;

const EXACT_TITLES: ReadonlyMap<string, number> = new Map(
  SECTIONS.flatMap((s) =>
    [s.heading, ...s.variants].map((h) => [squashText(h.replace(LEVEL1, '')), s.number] as const),
  ),
);

/** Which of the six parts a heading's title (without its number) is. */
export function sectionOfTitle(title: string): number | undefined {
  const t = squashText(title);
  const exact = EXACT_TITLES.get(t);
  if (exact !== undefined) return exact;
  if (t.length === 0 || t.length > TITLE_LIMIT) return undefined;
  if (t.startsWith('总体情况')) return 1;
  if (t.includes('主动公开政府信息')) return 2;
  if (t.includes('收到和处理政府信息公开申请')) return 3;
  if (t.includes('行政复议') && t.includes('行政诉讼')) return 4;
  if (t.includes('存在的主要问题')) return 5;
  if (t.includes('其他需要报告的事项')) return 6;
  return undefined;
}

/** The heading a line is, if it is one (its line number is the caller's). */
/** A heading starts with its number, a bracket, `#`, or is short. */
const MAY_BE_HEADING = new RegExp(`^\\s*(?:[#${CN}（(]|.{1,24}$)`);

type Heading = Omit<TextHeading, 'line'>;

/** Answers for lines seen lately: the parts' headings are looked for twice per text. */
const SEEN = new Map<string, Heading | null>();
const SEEN_LIMIT = 8192;

export function headingOfLine(line: string): Heading | undefined {
  if (line.length > 300 || !MAY_BE_HEADING.test(line)) return undefined;
  const seen = SEEN.get(line);
  if (seen !== undefined) return seen ?? undefined;
  if (SEEN.size >= SEEN_LIMIT) SEEN.clear();
  const heading = readHeading(line);
  SEEN.set(line, heading ?? null);
  return heading;
}

function readHeading(line: string): Heading | undefined {
  if (line.length > 300 || !MAY_BE_HEADING.test(line) || line.includes('\t') || line.includes('|')) return undefined;
  const printed = line.trim().replace(MARKDOWN, '').trim();
  if (printed === '') return undefined;
  const half = toHalfWidth(printed);
  const level1 = LEVEL1.exec(half);
  if (level1) {
    const title = half.slice(level1[0].length);
    const squashed = squashText(title);
    if (squashed.length === 0 || squashed.length > TITLE_LIMIT || /[。；;]./.test(title)) return undefined;
    const section = sectionOfTitle(title);
    if (section !== undefined) return { text: printed, level: 1, section };
    if (OLD_HEADINGS.some((w) => squashed.includes(w))) return { text: printed, level: 1 };
    // Another numbered title (一、… of a part of its own): a level-1 heading of no part, when short.
    return squashed.length <= 20 && !/\d/.test(squashed) ? { text: printed, level: 1 } : undefined;
  }
  const level2 = LEVEL2.exec(half);
  if (level2) {
    // A run-in heading (`（一）主动公开方面。2022年，…`): the title up to its first full stop.
    const rest = printed.slice(level2[0].length);
    const stop = rest.search(/[。：:]/);
    const title = stop >= 0 ? rest.slice(0, stop) : rest;
    const squashed = squashText(title);
    if (squashed.length === 0 || squashed.length > TITLE_LIMIT) return undefined;
    const text = stop >= 0 ? printed.slice(0, level2[0].length + stop) : printed;
    return { text: text.trim(), level: 2 };
  }
  // Unnumbered: the title of a part alone on its line, or an old heading.
  const squashed = squashText(half);
  if (squashed.length === 0 || squashed.length > 20) return undefined;
  const exact = EXACT_TITLES.get(squashed);
  if (exact !== undefined) return { text: printed, level: 1, section: exact };
  if (OLD_HEADINGS.some((w) => squashed === w || squashed === `${w}情况` || squashed === `政府信息公开的${w}情况`))
    return { text: printed, level: 1 };
  return undefined;
}
