// The phrases by which a report's prose states figures of its tables (RULES.md, TEXT-NUMBERS), and
// the cells each is compared with: the group totals of the 总计 column, never a single outcome cell.
// Pure data over src/format; the importer finds the phrases, TEXT-NUMBERS compares the sums.
import { getFormat, type FormatVersion } from '../format';

export interface FigurePhrase {
  /** The phrase as StatedFigure.phrase names it. */
  readonly phrase: string;
  /** What it is compared with. */
  readonly target: FigureTarget;
  /** Words that must stand in the same clause for the figure to be about applications (收到 … 申请). */
  readonly needs?: readonly string[];
  /** Other spellings that state the same figure (上年结转 ← 结转上年). */
  readonly spellings?: readonly string[];
}

export type FigureTarget =
  /** The 总计 column of s3 rows: a row key, or a group (`denied` → every `denied.*` row). */
  | { readonly table: 's3'; readonly rows: readonly string[] }
  /** The 总计 of s4 groups. */
  | { readonly table: 's4'; readonly groups: readonly string[] };

/**
 * The vocabulary, longest phrase first where one contains another (予以公开及部分公开 before 予以公开),
 * so that a clause is read by its most specific phrase.
 */
export const FIGURE_PHRASES: readonly FigurePhrase[] = [
  {
    phrase: '予以公开及部分公开',
    target: { table: 's3', rows: ['granted', 'partial'] },
    spellings: ['予以公开和部分公开'],
  },
  { phrase: '新收', target: { table: 's3', rows: ['new'] } },
  { phrase: '收到', target: { table: 's3', rows: ['new'] }, needs: ['申请'] },
  { phrase: '受理', target: { table: 's3', rows: ['new'] }, needs: ['申请'] },
  { phrase: '上年结转', target: { table: 's3', rows: ['carriedIn'] }, spellings: ['上年度结转', '结转上年'] },
  {
    phrase: '结转下年度',
    target: { table: 's3', rows: ['carriedOver'] },
    spellings: ['结转下年', '结转至下年度', '结转到下年度', '转入下年度'],
  },
  { phrase: '予以公开', target: { table: 's3', rows: ['granted'] } },
  { phrase: '部分公开', target: { table: 's3', rows: ['partial'] } },
  { phrase: '不予公开', target: { table: 's3', rows: ['denied'] } },
  { phrase: '无法提供', target: { table: 's3', rows: ['unable'] } },
  { phrase: '不予处理', target: { table: 's3', rows: ['rejected'] } },
  { phrase: '其他处理', target: { table: 's3', rows: ['other'] } },
  { phrase: '办结', target: { table: 's3', rows: ['total'] }, needs: ['申请'] },
  { phrase: '行政复议', target: { table: 's4', groups: ['review'] } },
  { phrase: '行政诉讼', target: { table: 's4', groups: ['litigation', 'litigationAfterReview'] } },
  { phrase: '未经复议直接起诉', target: { table: 's4', groups: ['litigation'] } },
  { phrase: '复议后起诉', target: { table: 's4', groups: ['litigationAfterReview'] } },
];

const BY_PHRASE: ReadonlyMap<string, FigurePhrase> = new Map(FIGURE_PHRASES.map((p) => [p.phrase, p]));

/**
 * The cells a stated figure is compared with, in the given version: the 总计 cells of the rows (a
 * group stands for all its items: `不予公开` → the eight `s3.denied.*.total`; `其他处理` → the three
 * `s3.other.*.total` of 2021, or `s3.other.total` of 2019), or the s4 group totals. Empty for an
 * unknown phrase.
 */
export function figureTargets(phrase: string, version: FormatVersion): string[] {
  const entry = BY_PHRASE.get(phrase);
  if (!entry) return [];
  const format = getFormat(version);
  if (entry.target.table === 's4') return entry.target.groups.map((g) => `s4.${g}.total`);
  const rows = entry.target.rows;
  return format.s3.rows
    .filter((r) => rows.some((want) => r.key === want || r.key.startsWith(`${want}.`)))
    .map((r) => `s3.${r.key}.total`);
}
