// The derived totals the sentences state, as data: a stable name (the tag is `nianbao:sum:<name>`),
// the cells it adds up in each version, and the title its content control shows. A sum with any part
// blank or not a number is blank: the sentence must not state a total the table does not support.
//
//   s3.new.org              本年新收 · 法人或其他组织 = 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他
//   s3.closed.total         办结 (总计 column) = every outcome item of 三、本年度办理结果, i.e. the terms of
//                           S3-OUTCOME-TOTAL (src/rules/identities.ts): 予以公开 + 部分公开 + 不予公开 +
//                           无法提供 + 不予处理 + 其他处理
//   s3.denied.total         （三）不予公开, 总计 column: its 8 items
//   s3.unable.total         （四）无法提供: its 3 items
//   s3.rejected.total       （五）不予处理: its 5 items
//   s3.other.total          （六）其他处理: its 3 items (2021 only; in 2019 it is one row, the cell s3.other.total)
//   s4.litigationAll.total  被提起行政诉讼 = 未经复议直接起诉 · 总计 + 复议后起诉 · 总计
//
// Year-on-year phrases (`同比增加 2 件`) are figures too, tagged `nianbao:sum:yoy.<cell key or sum name>`
// (YOY_PREFIX), so that a refresh that changes the direction rewrites the whole phrase.
import { cellLabel, getFormat, type FormatVersion, type Unit } from '../format';
import { readCell, type RawValue } from '../report';

export interface SumDef {
  readonly name: string;
  readonly unit: Unit;
  /** The content control's title. */
  readonly alias: string;
  /** The cells added up, in the given version; undefined where the version has no such sum. */
  readonly parts: (version: FormatVersion) => readonly string[] | undefined;
}

const ORG_COLUMNS = ['business', 'research', 'nonprofit', 'legal', 'otherOrg'] as const;

const groupItems = (version: FormatVersion, group: string): string[] =>
  getFormat(version)
    .s3.rows.filter((r) => r.group?.key === group)
    .map((r) => `s3.${r.key}.total`);

const groupSum = (group: string, label: string, only2021 = false): SumDef => ({
  name: `s3.${group}.total`,
  unit: 'count',
  alias: `表三 · 总计 · ${label}（各项之和）`,
  parts: (version) => (only2021 && version !== '2021' ? undefined : groupItems(version, group)),
});

export const SUMS: readonly SumDef[] = [
  {
    name: 's3.new.org',
    unit: 'count',
    alias: '表三 · 一、本年新收政府信息公开申请数量 · 法人或其他组织（五类之和）',
    parts: () => ORG_COLUMNS.map((c) => `s3.new.${c}`),
  },
  {
    name: 's3.closed.total',
    unit: 'count',
    alias: '表三 · 总计 · 办结（予以公开、部分公开、不予公开、无法提供、不予处理、其他处理之和）',
    parts: (version) =>
      getFormat(version)
        .s3.rows.filter((r) => r.isOutcomeItem)
        .map((r) => `s3.${r.key}.total`),
  },
  groupSum('denied', '（三）不予公开'),
  groupSum('unable', '（四）无法提供'),
  groupSum('rejected', '（五）不予处理'),
  groupSum('other', '（六）其他处理', true),
  {
    name: 's4.litigationAll.total',
    unit: 'count',
    alias: '表四 · 行政诉讼 · 总计（未经复议直接起诉与复议后起诉之和）',
    parts: () => ['s4.litigation.total', 's4.litigationAfterReview.total'],
  },
];

const BY_NAME: ReadonlyMap<string, SumDef> = new Map(SUMS.map((s) => [s.name, s]));

export function sumDef(name: string): SumDef | undefined {
  return BY_NAME.get(name);
}

/** A number as the document needs it: its value and the decimals it was written with. */
export interface Amount {
  readonly value: number;
  readonly decimals: number;
}

/** The number in a raw cell, or undefined for blank or text. */
export function amountOf(raw: RawValue | undefined): Amount | undefined {
  const reading = readCell(raw);
  return reading.kind === 'number' ? { value: reading.value, decimals: reading.decimals } : undefined;
}

/** The sum of cells; undefined when any part is blank, text or absent (or there are no parts). */
export function addUp(values: Readonly<Record<string, RawValue>>, keys: readonly string[]): Amount | undefined {
  if (keys.length === 0) return undefined;
  let value = 0;
  let decimals = 0;
  for (const key of keys) {
    const part = amountOf(values[key]);
    if (!part) return undefined;
    value += part.value;
    decimals = Math.max(decimals, part.decimals);
  }
  return { value, decimals };
}

/** The value of a named sum over a report's values, in the given version. */
export function sumValue(
  values: Readonly<Record<string, RawValue>>,
  version: FormatVersion,
  name: string,
): Amount | undefined {
  const parts = sumDef(name)?.parts(version);
  return parts ? addUp(values, parts) : undefined;
}

/** The cell keys and sum names the year-on-year phrases compare. */
export const YOY_SUBJECTS = ['s3.new.total', 's4.review.total', 's4.litigationAll.total'] as const;

/** The title of a year-on-year phrase's control. */
export function yoyAlias(version: FormatVersion, subject: string): string {
  const sum = sumDef(subject);
  return `与上年相比 · ${sum ? sum.alias : cellLabel(version, subject)}`;
}
