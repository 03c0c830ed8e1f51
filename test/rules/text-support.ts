// Hand-made report texts for the text rules' tests: what the importer fills into `report.text`
// (ReportText), built from lines as a published report prints them. Headings are found as a reader
// would (一、… level 1, （一）… level 2) and left without `section` unless asked, so the rules' own
// recognition of the six parts is tested too.
import type { Report, ReportText, StatedFigure, TextHeading } from '../../src/report';
import { busyReport, edit } from './support';

const LEVEL1 = /^#*\s*[一二三四五六七八九十]+\s*[、.．]/;
const LEVEL2 = /^\s*[（(][一二三四五六七八九十]+[）)]/;

export interface TextOptions {
  /** Figures the prose states: `[phrase, value]`, each found in the first line holding the phrase. */
  readonly figures?: readonly (readonly [string, number])[];
  readonly period?: string;
  /** Give each level-1 heading the part number the importer would (1–6 in order of FORMAT.md). */
  readonly sections?: Readonly<Record<string, number>>;
}

/** A ReportText of these lines. */
export function reportText(lines: readonly string[], options: TextOptions = {}): ReportText {
  const headings: TextHeading[] = [];
  lines.forEach((text, line) => {
    if (text.length > 60) return;
    const level = LEVEL1.test(text) ? 1 : LEVEL2.test(text) ? 2 : undefined;
    if (!level) return;
    const section = options.sections?.[text.trim()];
    headings.push({ text: text.trim(), level, line, ...(section !== undefined ? { section } : {}) });
  });
  const figures: StatedFigure[] = (options.figures ?? []).map(([phrase, value]) => {
    const line = Math.max(
      0,
      lines.findIndex((l) => l.includes(phrase)),
    );
    return { phrase, value, sentence: lines[line] ?? '', line };
  });
  return { headings, lines: [...lines], figures, ...(options.period !== undefined ? { period: options.period } : {}) };
}

/**
 * The text of a complete 2024 report consistent with busyReport(), of a people's government: every
 * part, the period, the 2021 format cited, the figures, the fee statement and the government items.
 */
export const GOOD_LINES: readonly string[] = [
  '测试县人民政府2024年政府信息公开工作年度报告',
  '本报告依据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制。本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。',
  '一、总体情况',
  '（一）主动公开',
  '本年制发行政规范性文件3件，作出行政许可决定1200件。',
  '（二）依申请公开',
  '本年新收政府信息公开申请14件，上年结转2件；予以公开9件，部分公开2件，无法提供3件，不予处理1件；结转下年度继续办理1件。',
  '（三）政府信息管理',
  '（四）政府信息公开平台建设',
  '（五）监督保障',
  '本年度开展政务公开工作考核、社会评议和责任追究，结果已通报。',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '本年度因政府信息公开工作被申请行政复议2件（维持1件、尚未审结1件），未被提起行政诉讼。',
  '五、存在的主要问题及改进情况',
  '本年度政策解读形式单一，下一步将丰富解读形式。',
  '六、其他需要报告的事项',
  '（一）本年度未收取信息处理费。',
  '（二）本行政机关落实上级年度政务公开工作要点情况：已逐项落实。',
  '（三）人大代表建议和政协提案办理结果公开情况：办理结果已全部公开。',
];

export const GOOD_FIGURES: readonly (readonly [string, number])[] = [
  ['新收', 14],
  ['上年结转', 2],
  ['予以公开', 9],
  ['部分公开', 2],
  ['无法提供', 3],
  ['不予处理', 1],
  ['结转下年度', 1],
  ['行政复议', 2],
  ['行政诉讼', 0],
];

/** busyReport() as a people's government's report with a text. */
export function textReport(lines: readonly string[] = GOOD_LINES, options: TextOptions = {}, base?: Report): Report {
  const report = base ?? edit(busyReport(), {}, { profile: { agency: '测试县人民政府', kind: 'government' } });
  return { ...report, text: reportText(lines, { figures: GOOD_FIGURES, ...options }) };
}

/** The good lines with some replaced (by index; undefined deletes) or added after an index. */
export function editLines(
  changes: Readonly<Record<number, string | undefined>>,
  lines: readonly string[] = GOOD_LINES,
): string[] {
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (!(i in changes)) out.push(line);
    else if (changes[i] !== undefined) out.push(changes[i] as string);
  });
  return out;
}
