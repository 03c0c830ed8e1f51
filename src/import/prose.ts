// What the prose of a report says, for the profile and the text rules: the agency and year of the
// title, the statistical period, the date it is signed, the format document it cites, its headings
// and the figures it states about the tables. Shared by importText and importSource: both hand over
// the lines of the text with the tables' lines blanked.
import type { FormatVersion } from '../format';
import { readYear, type StatedFigure, type TextHeading } from '../report';
import { FIGURE_PHRASES, type FigurePhrase } from './figure-phrases';
import { headingOfLine } from './headings';
import { toHalfWidth } from './normalise';

export interface TitleReading {
  readonly agency?: string;
  readonly year?: number;
  readonly line: number;
}

const YEAR = '(\\d{4}|[〇零○Ｏ一二三四五六七八九]{4})';
/** `<agency><year>年(度)政府信息公开(工作)年度报告`, and the forms with the year elsewhere. */
const TITLE_PATTERNS: readonly { re: RegExp; agency: number; year?: number }[] = [
  { re: new RegExp(`^(.*?)(?:关于)?${YEAR}年度?(?:本机关)?政府信息公开(?:工作)?(?:年度)?报告`), agency: 1, year: 2 },
  { re: new RegExp(`^${YEAR}年度?(.*?)政府信息公开(?:工作)?(?:年度)?报告`), agency: 2, year: 1 },
  { re: new RegExp(`^(.*?)政府信息公开(?:工作)?${YEAR}年度?报告`), agency: 1, year: 2 },
  { re: /^(.*?)政府信息公开(?:工作)?年度报告/, agency: 1 },
];

function cleanAgency(text: string): string | undefined {
  const agency = text
    .replace(/^[#*\s《“"]+/, '')
    .replace(/(?:关于|的|《)+$/, '')
    .trim();
  return agency.length >= 2 && agency.length <= 60 ? agency : undefined;
}

function titleOf(text: string, line: number): TitleReading | undefined {
  if (text.length > 300) return undefined;
  const squashed = toHalfWidth(text)
    .replace(/^#+/, '')
    .replace(/[\s\u3000]+/g, '');
  if (squashed.length > 120 || !squashed.includes('报告')) return undefined;
  for (const { re, agency, year } of TITLE_PATTERNS) {
    const m = re.exec(squashed);
    if (!m) continue;
    const name = cleanAgency(m[agency] ?? '');
    const read = year !== undefined ? readYear(m[year]) : undefined;
    return { ...(name ? { agency: name } : {}), ...(read?.ok ? { year: read.year } : {}), line };
  }
  return undefined;
}

/** The title: one of the first lines, or two of them read together (a title broken after 政府信息). */
export function readTitle(lines: readonly string[]): TitleReading | undefined {
  const first: number[] = [];
  for (let i = 0; i < lines.length && first.length < 12; i++) if (lines[i].trim() !== '') first.push(i);
  for (const i of first) {
    const title = titleOf(lines[i], i);
    if (title) return title;
  }
  for (let k = 0; k + 1 < first.length; k++) {
    const title = titleOf(lines[first[k]] + lines[first[k + 1]], first[k]);
    if (title) return title;
  }
  return undefined;
}

const DATE = '(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日';
const PERIOD = new RegExp(`${DATE}\\s*(?:起\\s*)?(?:至|到|—|－|-|–|~|～)\\s*${DATE}`);
/** A period written loosely or garbled (`2021年1月1日至202111日`, `2022.1.1-2022.12.31`): caught for TEXT-PERIOD. */
const LOOSE_PERIOD =
  /(\d{4}[\d\s年月日.\-/]{0,12}?日?)\s*(?:起\s*)?(?:至|到|—|－|–|~|～)\s*(\d{4}[\d\s年月日.\-/]{0,12}?日)/;

export interface PeriodReading {
  /** As printed. */
  readonly text: string;
  /** The first year of the period, when it reads as one. */
  readonly year?: number;
  readonly line: number;
}

/** The statistical period, as printed: the first one the prose states. */
export function readPeriod(lines: readonly string[]): PeriodReading | undefined {
  let loose: PeriodReading | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length > 5000 || !/日/.test(line)) continue;
    const half = toHalfWidth(line);
    const m = PERIOD.exec(half);
    if (m) return { text: line.slice(m.index, m.index + m[0].length), year: Number(m[1]), line: i };
    if (!loose && /统计|期限|期间|时限/.test(half)) {
      const l = LOOSE_PERIOD.exec(half);
      if (l) loose = { text: line.slice(l.index, l.index + l[0].length).trim(), line: i };
    }
  }
  return loose;
}

/** The date the report is signed or published (ISO), from its last lines or a 发布日期 field. */
export function readPublished(lines: readonly string[]): { date: string; text: string } | undefined {
  const iso = (y: string, m: string, d: string): string => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  let seen = 0;
  for (let i = lines.length - 1; i >= 0 && seen < 6; i--) {
    if (lines[i].length > 200) break;
    const line = toHalfWidth(lines[i]).trim();
    if (line === '') continue;
    seen++;
    if (line.length > 60) break;
    const m = new RegExp(`${DATE}\\s*$`).exec(line);
    if (m) return { date: iso(m[1], m[2], m[3]), text: m[0] };
  }
  for (let i = 0; i < Math.min(lines.length, 15); i++) {
    if (lines[i].length > 500) continue;
    const m = /(?:发布日期|发布时间|成文日期)\s*[:：]?\s*(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})/.exec(
      toHalfWidth(lines[i]),
    );
    if (m) return { date: iso(m[1], m[2], m[3]), text: m[0] };
  }
  return undefined;
}

const CITATION_WORDS = /号|试行|格式/;

/** The format document the text cites: 〔2021〕30号 (2021) or 〔2019〕60号 / 格式（试行） (2019). */
export function citedFormat(lines: readonly string[]): FormatVersion | undefined {
  for (const line of lines) {
    if (line.length > 5000 || !CITATION_WORDS.test(line)) continue;
    const t = toHalfWidth(line).replace(/\s+/g, '');
    if (/2021[〕\]】)]30号/.test(t) || /年度报告格式》?\(2021/.test(t)) return '2021';
    if (/2019[〕\]】)]60号/.test(t) || /格式\(试行\)/.test(t)) return '2019';
  }
  return undefined;
}

/** Every heading of the prose, in order. */
export function readHeadings(lines: readonly string[]): TextHeading[] {
  const out: TextHeading[] = [];
  lines.forEach((line, i) => {
    if (line.length > 300) return;
    const heading = headingOfLine(line);
    if (heading) out.push({ ...heading, line: i });
  });
  return out;
}

/** A figure: digits (full-width folded, 1,234) and its unit. */
const FIGURE = /^([0-9][0-9,]*)\s*(?:件|条|个|起|宗|项|次|人次)/;
/** How far after its phrase a figure may stand in the clause. */
const REACH = 24;
const CLAUSE_END = /[，,、；;：:。！？!?（）()]/;
const SENTENCE_END = /[。！？!?]/;

interface PhraseHit {
  readonly phrase: FigurePhrase;
  readonly at: number;
  readonly length: number;
}

/** The phrases of a clause, longest first where they overlap. */
const FORMS = FIGURE_PHRASES.flatMap((p) => [p.phrase, ...(p.spellings ?? [])].map((form) => ({ p, form }))).sort(
  (a, b) => b.form.length - a.form.length,
);
/** Characters some phrase starts with: a clause without one states nothing. */
const FIRST_CHARS = new Set(FORMS.map((f) => f.form[0]));

function phraseHits(clause: string): PhraseHit[] {
  const hits: PhraseHit[] = [];
  let any = false;
  for (let k = 0; k < clause.length && !any; k++) any = FIRST_CHARS.has(clause[k]);
  if (!any) return hits;
  const taken = new Array<boolean>(clause.length).fill(false);
  for (const { p, form } of FORMS) {
    let from = 0;
    for (;;) {
      const at = clause.indexOf(form, from);
      if (at < 0) break;
      from = at + 1;
      let free = true;
      for (let k = at; k < at + form.length; k++) if (taken[k]) free = false;
      if (!free) continue;
      for (let k = at; k < at + form.length; k++) taken[k] = true;
      hits.push({ phrase: p, at, length: form.length });
    }
  }
  return hits.sort((a, b) => a.at - b.at);
}

/**
 * The figures the prose states about the tables (FIGURE_PHRASES): a phrase and, in the same clause
 * and before any other phrase, the first figure after it with its unit (`收到 3 条依申请公开申请`,
 * `予以公开2件`). A figure without a unit (a percentage, a year) is no statement.
 */
export function readFigures(lines: readonly string[]): StatedFigure[] {
  const out: StatedFigure[] = [];
  lines.forEach((line, i) => {
    if (line.length === 0 || line.length > 20000) return;
    const half = toHalfWidth(line);
    if (!/[0-9]/.test(half)) return;
    const sentence = sentences(line, half);
    // Clauses, with their positions in the line.
    let start = 0;
    for (let k = 0; k <= half.length; k++) {
      if (k < half.length && !CLAUSE_END.test(half[k])) continue;
      // A thousands separator (1,234) ends no clause.
      if (half[k] === ',' && /[0-9]/.test(half[k - 1] ?? '') && /[0-9]/.test(half[k + 1] ?? '')) continue;
      if (k > start) readClause(half, start, k, sentence, i, out);
      start = k + 1;
    }
  });
  return out;
}

function readClause(
  half: string,
  from: number,
  to: number,
  sentence: (at: number) => string,
  line: number,
  out: StatedFigure[],
): void {
  const clause = half.slice(from, to);
  if (!/[0-9]/.test(clause)) return;
  const hits = phraseHits(clause);
  hits.forEach((hit, h) => {
    const next = h + 1 < hits.length ? hits[h + 1].at : clause.length;
    const after = clause.slice(hit.at + hit.length, next);
    const digit = after.search(/[0-9]/);
    if (digit < 0 || digit > REACH) return;
    const m = FIGURE.exec(after.slice(digit));
    if (!m) return;
    if (hit.phrase.needs && !hit.phrase.needs.some((w) => clause.includes(w))) return;
    const value = Number(m[1].replace(/,/g, ''));
    if (!Number.isSafeInteger(value)) return;
    out.push({ phrase: hit.phrase.phrase, value, sentence: sentence(from + hit.at), line });
  });
}

/**
 * The sentence of a line around a position, as printed. The positions asked for only grow along a
 * line, so the sentence last found is kept and each character is scanned once: a 20,000-character line
 * stating thousands of figures costs one pass, not one per figure.
 */
function sentences(printed: string, half: string): (at: number) => string {
  let start = 0;
  let end = 0;
  let text = '';
  return (at) => {
    if (at < start || at >= end) {
      start = at;
      while (start > 0 && !SENTENCE_END.test(half[start - 1])) start--;
      end = at;
      while (end < half.length && !SENTENCE_END.test(half[end])) end++;
      if (end < half.length) end++;
      text = printed.slice(start, end).trim();
    }
    return text;
  };
}
