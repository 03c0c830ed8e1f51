// The notes of a merge in words, zh-CN first and en-US second. Cells are named by their printed
// labels; the names of units and files come from the user's files and are made printable.
import type { FormatVersion, Locale, TableId } from '../format';
import { createKit, displayPath, quoteUserText } from '../i18n';
import type { FindingTable } from '../rules';
import type { MergeNote, MergeNoteCode, MergeNoteParams } from './types';

/** Names listed in full up to this many; the rest are counted. */
const NAME_LIMIT = 10;
/** Cells named in full up to this many; the rest are counted. */
const CELL_LIMIT = 5;

interface Words {
  readonly locale: Locale;
  /** A unit's name, quoted. */
  q(name: string): string;
  /** Several names, quoted, the ones past NAME_LIMIT counted. */
  names(list: readonly string[]): string;
  file(file: string): string;
  cells(format: FormatVersion, keys: readonly string[]): string;
}

type Templates = { readonly [C in MergeNoteCode]: (p: MergeNoteParams[C], w: Words) => string };

function words(locale: Locale): Words {
  const zh = locale === 'zh-CN';
  const q = (name: string): string => `“${quoteUserText(name, locale)}”`;
  return {
    locale,
    q,
    names: (list) => {
      const shown = list.slice(0, NAME_LIMIT).map(q);
      const rest = list.length - shown.length;
      const joined = shown.join(zh ? '、' : ', ');
      if (rest <= 0) return joined;
      return zh ? `${joined}等 ${list.length} 个单位` : `${joined} and ${rest} more`;
    },
    file: (file) => displayPath(file),
    cells: (format, keys) => createKit(format, locale).cells(keys, CELL_LIMIT),
  };
}

const TABLE_ZH: Readonly<Record<FindingTable, string>> = {
  s2: '表二',
  s3: '表三',
  s4: '表四',
  report: '报告信息（年度、格式等）',
};
const TABLE_EN: Readonly<Record<FindingTable, string>> = {
  s2: 'Table 2',
  s3: 'Table 3',
  s4: 'Table 4',
  report: 'profile (year, format)',
};

const FORMAT_ZH: Readonly<Record<FormatVersion, string>> = {
  '2021': '2021 年版格式（国办公开办函〔2021〕30号）',
  '2019': '2019 年试行格式（国办公开办函〔2019〕60号）',
};
const FORMAT_EN: Readonly<Record<FormatVersion, string>> = {
  '2021': 'the 2021 format',
  '2019': 'the 2019 trial format',
};

/** Every table (or none named): the whole report. */
const allTables = (tables: readonly TableId[]): boolean =>
  tables.length === 0 || (['s2', 's3', 's4'] as const).every((t) => tables.includes(t));

const zhCN: Templates = {
  noUnits: () => '没有收到任何下级单位的报告，无法汇总。',
  noneIncluded: (p) => `收到的 ${p.count} 份报告都未计入汇总（原因见以下各条），汇总结果中没有数字。`,
  noYear: () =>
    '无法确定汇总的年度：各单位的报告都没有写明年度。请在各单位的报告中填写年度（命令行可用 --year 指定汇总年度）。',
  missing: (p, w) => `缺少下级单位：${w.names(p.names)}（--expect 中列出，但没有收到其报告）`,
  partialMatch: (p, w) =>
    `--expect 中的${w.q(p.expected)}没有名称完全相同的单位，按名称包含关系对应到${w.names(p.units)}，请核对是否为同一单位。`,
  unexpected: (p, w) => `以下单位不在 --expect 名单中，已计入汇总：${w.names(p.units)}`,
  otherYear: (p, w) =>
    p.year !== undefined
      ? `单位${w.q(p.unit)}的报告是 ${p.year} 年度，不是 ${p.mergeYear} 年度，未计入汇总（文件 ${w.file(p.file)}）`
      : `单位${w.q(p.unit)}的报告没有写明年度，无法确认是 ${p.mergeYear} 年度，未计入汇总（文件 ${w.file(p.file)}）`,
  otherFormat: (p, w) =>
    `单位${w.q(p.unit)}的报告使用${FORMAT_ZH[p.format]}，汇总使用${FORMAT_ZH[p.mergeFormat]}，表格不同，未计入汇总（文件 ${w.file(p.file)}）`,
  noValues: (p, w) => `单位${w.q(p.unit)}的报告中没有任何数字，未计入汇总（文件 ${w.file(p.file)}）`,
  duplicate: (p, w) => `${w.q(p.unit)}出现了两次（${w.file(p.keptFile)}、${w.file(p.file)}），只计入第一份`,
  unitErrors: (p, w) => {
    const head = `单位${w.q(p.unit)}的${TABLE_ZH[p.table]}有 ${p.errors} 个错误`;
    if (p.totals.length === 0) return `${head}，请该单位更正后重新报送。`;
    const more = p.involved > p.totals.length ? `（共涉及汇总表中 ${p.involved} 个单元格）` : '';
    return `${head}，汇总结果中以下合计含有该单位的不一致数字：${w.cells(p.format, p.totals)}${more}。请该单位更正后重新汇总。`;
  },
  blanks: (p, w) =>
    `${p.keys.length} 个单元格因 ${w.names(p.units)} 未填写（或填的不是数字）而在汇总中留空：${w.cells(p.format, p.keys)}`,
  sameAsLastYear: (p, w) =>
    `单位${w.q(p.unit)}的${allTables(p.tables) ? '' : p.tables.map((t) => TABLE_ZH[t]).join('、')}数字与上年完全相同，可能直接沿用了上年报告`,
  previousMissing: (p, w) =>
    `${w.names(p.units)}没有上年报告，汇总结果不含上年数字，跨年度的核对（上年结转、现行有效件数）不会进行。`,
  previousFormats: () => '各单位的上年报告使用了不同的格式版本，无法汇总上年数字，跨年度的核对不会进行。',
  overflow: (p, w) => `以下单元格的合计超出了有效数字的范围，在汇总中留空：${w.cells(p.format, p.keys)}`,
};

const enUS: Templates = {
  noUnits: () => 'No report of any unit was given: there is nothing to merge.',
  noneIncluded: (p) =>
    `None of the ${p.count} reports given was merged (see the reasons below): the merged report has no figures.`,
  noYear: () =>
    'The year of the merge is unknown: no unit’s report states its year. Fill in the year in the units’ reports (on the command line, --year gives it).',
  missing: (p, w) => `Missing units: ${w.names(p.names)} (listed in --expect, but no report of theirs was given)`,
  partialMatch: (p, w) =>
    `No unit is named exactly ${w.q(p.expected)} (listed in --expect); it was matched to ${w.names(p.units)} because the name contains it. Check that this is the same unit.`,
  unexpected: (p, w) => `These units are not listed in --expect and were merged: ${w.names(p.units)}`,
  otherYear: (p, w) =>
    p.year !== undefined
      ? `The report of ${w.q(p.unit)} is for ${p.year}, not ${p.mergeYear}: it was not merged (file ${w.file(p.file)}).`
      : `The report of ${w.q(p.unit)} states no year, so it cannot be taken as ${p.mergeYear}: it was not merged (file ${w.file(p.file)}).`,
  otherFormat: (p, w) =>
    `The report of ${w.q(p.unit)} uses ${FORMAT_EN[p.format]}, the merge ${FORMAT_EN[p.mergeFormat]}; the tables differ, so it was not merged (file ${w.file(p.file)}).`,
  noValues: (p, w) => `The report of ${w.q(p.unit)} holds no figures: it was not merged (file ${w.file(p.file)}).`,
  duplicate: (p, w) =>
    `${w.q(p.unit)} was given twice (${w.file(p.keptFile)}, ${w.file(p.file)}): only the first was merged.`,
  unitErrors: (p, w) => {
    const head = `${TABLE_EN[p.table]} of ${w.q(p.unit)} has ${p.errors} ${p.errors === 1 ? 'error' : 'errors'}`;
    if (p.totals.length === 0) return `${head}. Ask the unit to correct its report.`;
    const more = p.involved > p.totals.length ? ` (${p.involved} merged cells in all)` : '';
    return `${head}; these merged totals include its inconsistent figures: ${w.cells(p.format, p.totals)}${more}. Merge again once the unit has corrected them.`;
  },
  blanks: (p, w) =>
    `${p.keys.length} ${p.keys.length === 1 ? 'cell is' : 'cells are'} left blank in the merge because ${w.names(p.units)} left ${p.keys.length === 1 ? 'it' : 'them'} blank (or wrote text): ${w.cells(p.format, p.keys)}`,
  sameAsLastYear: (p, w) =>
    allTables(p.tables)
      ? `The figures of ${w.q(p.unit)} are exactly last year’s: its report was probably copied from last year’s.`
      : `The figures of ${w.q(p.unit)} in ${p.tables.map((t) => TABLE_EN[t]).join(', ')} are exactly last year’s: probably copied from last year’s report.`,
  previousMissing: (p, w) =>
    `${w.names(p.units)} gave no report of last year: the merge has no figures of last year, and the cross-year checks (carried over, documents in force) are not made.`,
  previousFormats: () =>
    'The units’ reports of last year use different formats: last year’s figures cannot be merged, and the cross-year checks are not made.',
  overflow: (p, w) =>
    `These totals exceed the largest figure a cell may hold and are left blank: ${w.cells(p.format, p.keys)}`,
};

const TEMPLATES: Readonly<Record<Locale, Templates>> = { 'zh-CN': zhCN, 'en-US': enUS };

/** Every note code, in the order the notes are given (for tests and lists). */
export const MERGE_NOTE_CODES: readonly MergeNoteCode[] = Object.keys(zhCN) as MergeNoteCode[];

/** The words of a merge note in a locale. */
export function describeMergeNote(note: MergeNote, locale: Locale = 'zh-CN'): string {
  const template = TEMPLATES[locale][note.code] as (p: MergeNote['params'], w: Words) => string;
  return template(note.params, words(locale));
}
