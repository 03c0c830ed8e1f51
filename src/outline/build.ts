// The Word skeleton of PROSE.md built from a report: title, opening, the six parts with their
// generated sentences and prompts, the three tables, the closing. Pure data (src/outline/types.ts);
// the .docx and live Word writers render it and decide nothing about the content.
//
// Wording follows the values. A figure known to be 0 drops out of a list ("作出行政许可决定90025件", not
// "…、行政处罚决定0件…"); a list whose figures are all 0 becomes its own sentence ("本年未制发、废止规章和
// 行政规范性文件"). A blank or text figure is never taken for 0: it stays in the sentence, showing
// BLANK_FIGURE (or the text as typed), so the sentence still reads and shows what is missing. With last
// year's report, the totals of 新收申请, 行政复议 and 行政诉讼 add a year-on-year phrase, when both years
// hold a number for the same cell (or the same sum of the same cells); the zero-case sentences state no
// figure and so carry no 同比 either. A profile without `kind` gets the items every agency reports (the
// department's set); 工作考核… and the four items of 六 are for `government` and `office`.
import { getCell, getFormat, SECTIONS, type FormatVersion } from '../format';
import { effectiveFormat, type Profile, type RawValue, type Report } from '../report';
import { numberText } from './figures';
import { addUp, amountOf, sumDef, sumValue, yoyAlias, type Amount } from './sums';
import { cellFigure, s2Table, s3Table, s4Table } from './tables';
import {
  BLANK_FIGURE,
  promptTag,
  sumTag,
  yoyTag,
  type Block,
  type FigureRun,
  type Outline,
  type ParagraphStyle,
  type PromptRun,
  type Run,
} from './types';

export interface BuildOutlineOptions {
  /** The document is Chinese whatever the UI locale; accepted so callers can pass theirs. */
  readonly locale?: 'zh-CN';
}

type Values = Readonly<Record<string, RawValue>>;

/** A figure with the number it stands for (undefined: blank or text, never taken for 0). */
interface Fig {
  readonly run: FigureRun;
  readonly amount: Amount | undefined;
}

const isZero = (fig: Fig): boolean => fig.amount?.value === 0;

class Context {
  readonly version: FormatVersion;
  readonly values: Values;
  readonly previous: { readonly version: FormatVersion; readonly values: Values } | undefined;
  readonly profile: Profile;

  constructor(report: Report) {
    this.profile = report.profile;
    this.version = effectiveFormat(report.profile);
    this.values = report.values;
    this.previous = report.previous
      ? { version: effectiveFormat(report.previous.profile), values: report.previous.values }
      : undefined;
  }

  cell(key: string): Fig {
    const cell = getCell(this.version, key);
    if (!cell) throw new Error(`format ${this.version} has no cell ${key}`);
    return { run: cellFigure(this.version, cell, this.values), amount: amountOf(this.values[key]) };
  }

  sum(name: string): Fig {
    const def = sumDef(name);
    if (!def) throw new Error(`no sum ${name}`);
    const parts = def.parts(this.version);
    if (!parts) throw new Error(`format ${this.version} has no sum ${name}`);
    const amount = addUp(this.values, parts);
    return {
      run: {
        kind: 'figure',
        tag: sumTag(name),
        text: amount ? numberText(amount.value, amount.decimals) : BLANK_FIGURE,
        alias: def.alias,
      },
      amount,
    };
  }

  /** Last year's value of a cell key or sum name, when last year's format has the same cells. */
  private previousAmount(subject: string): Amount | undefined {
    const previous = this.previous;
    if (!previous) return undefined;
    if (sumDef(subject)) return sumValue(previous.values, previous.version, subject);
    return getCell(previous.version, subject) ? amountOf(previous.values[subject]) : undefined;
  }

  /** `同比增加 N 件` / `同比减少 N 件` / `与上年持平`, or undefined when either year has no number. */
  yoy(subject: string, current: Fig, unit = '件'): FigureRun | undefined {
    const before = this.previousAmount(subject);
    const now = current.amount;
    if (!before || !now) return undefined;
    const decimals = Math.max(before.decimals, now.decimals);
    const change = Number(numberText(now.value - before.value, decimals));
    const size = numberText(Math.abs(change), decimals);
    const text = change > 0 ? `同比增加${size}${unit}` : change < 0 ? `同比减少${size}${unit}` : '与上年持平';
    return { kind: 'figure', tag: yoyTag(subject), text, alias: yoyAlias(this.version, subject) };
  }
}

/** A paragraph's runs, adjacent text merged. */
class Line {
  private readonly runs: Run[] = [];

  t(text: string): this {
    if (text === '') return this;
    const last = this.runs[this.runs.length - 1];
    if (last && last.kind === 'text' && !last.bold)
      this.runs[this.runs.length - 1] = { kind: 'text', text: last.text + text };
    else this.runs.push({ kind: 'text', text });
    return this;
  }

  f(fig: Fig | FigureRun): this {
    this.runs.push('run' in fig ? fig.run : fig);
    return this;
  }

  p(prompt: PromptRun): this {
    this.runs.push(prompt);
    return this;
  }

  /** Items `<before><figure><after>` joined by `sep`, skipping those known to be 0. */
  list(items: readonly Item[], sep = '、'): this {
    shown(items).forEach((item, i) => {
      if (i > 0) this.t(sep);
      this.t(item.before).f(item.fig).t(item.after);
    });
    return this;
  }

  get empty(): boolean {
    return this.runs.length === 0;
  }

  block(style: ParagraphStyle = 'body'): Block {
    return { kind: 'paragraph', style, runs: [...this.runs] };
  }
}

interface Item {
  readonly before: string;
  readonly fig: Fig;
  readonly after: string;
}

const item = (before: string, fig: Fig, after = '件'): Item => ({ before, fig, after });
const shown = (items: readonly Item[]): Item[] => items.filter((i) => !isZero(i.fig));
const anyShown = (items: readonly Item[]): boolean => shown(items).length > 0;

const prompt = (id: string, text: string, alias: string): PromptRun => ({
  kind: 'prompt',
  tag: promptTag(id),
  text,
  alias,
});

const heading = (level: 1 | 2, text: string): Block => ({ kind: 'heading', level, text });
const promptParagraph = (id: string, text: string, alias: string): Block =>
  new Line().p(prompt(id, text, alias)).block();

// ---- title and opening -------------------------------------------------------------------------

const TITLE_TAIL = '政府信息公开工作年度报告';
const LAW = '《中华人民共和国政府信息公开条例》';

/** `<agency><year>年政府信息公开工作年度报告`, leaving out what the profile does not give. */
export function outlineTitle(profile: Profile): string {
  const agency = profile.agency?.trim() ?? '';
  const year = typeof profile.year === 'number' ? `${profile.year}年` : '';
  return `${agency}${year}${TITLE_TAIL}`;
}

function titleBlock(profile: Profile): Block {
  const line = new Line();
  const agency = profile.agency?.trim();
  if (agency) line.t(agency);
  else line.p(prompt('title.agency', '（机关名称）', '机关名称'));
  if (typeof profile.year === 'number') line.t(`${profile.year}年`);
  else line.p(prompt('title.year', '＿＿＿＿', '报告年度（四位数字）')).t('年');
  return line.t(TITLE_TAIL).block('title');
}

/** `《title》（文号）` from the format's document, e.g. 国办公开办函〔2021〕30号《…》. */
function formatCitation(version: FormatVersion): string {
  const document = getFormat(version).document;
  const match = /^(.*号)(《.*》)$/.exec(document);
  return match ? `${match[2]}（${match[1]}）` : document;
}

/** The six parts by name, without their numbers. */
const PART_NAMES = SECTIONS.map((s) => s.heading.replace(/^[一二三四五六]、/, ''));

function openingBlock(c: Context): Block {
  const agency = c.profile.agency?.trim() || '本机关';
  const year = typeof c.profile.year === 'number' ? String(c.profile.year) : BLANK_FIGURE;
  return new Line()
    .t(`根据${LAW}（以下简称《条例》）和${formatCitation(c.version)}要求，${agency}编制本报告。`)
    .t(`本报告由${PART_NAMES.join('、')}六个部分组成。`)
    .t(`本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`)
    .t('本报告电子版可在')
    .p(prompt('opening.site', '（网站名称及网址）', '报告电子版的查阅网站及网址'))
    .t('查阅或下载。如对本报告有疑问，请与')
    .p(prompt('opening.contact', '（联系部门、地址、邮编及电话）', '联系部门、地址、邮编及电话'))
    .t('联系。')
    .block();
}

// ---- 一、总体情况 --------------------------------------------------------------------------------

/** （一）主动公开, 2021 format. */
function activeSentence2021(c: Context): Block {
  const l = new Line();
  const pair = (col: string): Item[] => [
    item('规章', c.cell(`s2.regulation.${col}`)),
    item('行政规范性文件', c.cell(`s2.normative.${col}`)),
  ];
  const issued = pair('issued');
  const repealed = pair('repealed');
  const valid = pair('valid');
  if (!anyShown(issued) && !anyShown(repealed)) l.t('本年未制发、废止规章和行政规范性文件');
  else {
    l.t('本年');
    if (anyShown(issued)) l.t('制发').list(issued);
    if (anyShown(issued) && anyShown(repealed)) l.t('，');
    if (anyShown(repealed)) l.t('废止').list(repealed);
  }
  if (anyShown(valid)) l.t('，现行有效').list(valid);
  l.t('；');
  const decisions = [
    item('行政许可决定', c.cell('s2.license.decisions')),
    item('行政处罚决定', c.cell('s2.penalty.decisions')),
    item('行政强制决定', c.cell('s2.enforcement.decisions')),
  ];
  if (anyShown(decisions)) l.t('作出').list(decisions);
  else l.t('未作出行政许可、行政处罚和行政强制决定');
  l.t('；');
  const fee = c.cell('s2.fee.amount');
  if (isZero(fee)) l.t('未收取行政事业性收费');
  else l.t('收取行政事业性收费').f(fee).t('万元');
  return l.t('。').block();
}

/** （一）主动公开, 2019 format: 新制作/新公开/对外公开总数, 处理决定, 收费项目, 政府集中采购. */
function activeSentence2019(c: Context): Block {
  const l = new Line();
  const pair = (col: string): Item[] => [
    item('规章', c.cell(`s2.regulation.${col}`)),
    item('规范性文件', c.cell(`s2.normative.${col}`)),
  ];
  const made = pair('made');
  const published = pair('published');
  const total = pair('total');
  if (!anyShown(made) && !anyShown(published)) l.t('本年未新制作、新公开规章和规范性文件');
  else {
    l.t('本年');
    if (anyShown(made)) l.t('新制作').list(made);
    if (anyShown(made) && anyShown(published)) l.t('，');
    if (anyShown(published)) l.t('新公开').list(published);
  }
  if (anyShown(total)) l.t('，累计对外公开').list(total);
  l.t('；');
  const decisions = [
    item('行政许可处理决定', c.cell('s2.license.decisions')),
    item('其他对外管理服务事项处理决定', c.cell('s2.otherService.decisions')),
    item('行政处罚决定', c.cell('s2.penalty.decisions')),
    item('行政强制决定', c.cell('s2.enforcement.decisions')),
  ];
  if (anyShown(decisions)) l.t('作出').list(decisions);
  else l.t('未作出行政许可、其他对外管理服务事项、行政处罚和行政强制处理决定');
  l.t('；');
  const feeItems = [item('上一年', c.cell('s2.fee.previous'), '项'), item('本年增/减', c.cell('s2.fee.change'), '项')];
  if (anyShown(feeItems)) l.t('行政事业性收费项目').list(feeItems, '，');
  else l.t('无行政事业性收费项目');
  l.t('；');
  const count = c.cell('s2.procurement.count');
  const amount = c.cell('s2.procurement.amount');
  if (isZero(count) && isZero(amount)) l.t('未开展政府集中采购');
  else {
    l.t('政府集中采购项目').f(count).t('项，采购总金额').f(amount);
    l.p(prompt('s2.procurementUnit', '（金额单位）', '政府集中采购总金额的单位，如万元'));
  }
  return l.t('。').block();
}

/** （二）依申请公开. */
function requestSentence(c: Context): Block {
  const l = new Line();
  const received = c.cell('s3.new.total');
  const carriedIn = c.cell('s3.carriedIn.total');
  if (isZero(received) && isZero(carriedIn)) return l.t('本年度未收到政府信息公开申请，无上年结转申请。').block();
  if (isZero(received)) l.t('本年度未收到新的政府信息公开申请');
  else {
    l.t('本年新收政府信息公开申请').f(received).t('件');
    const applicants = [item('自然人', c.cell('s3.new.natural')), item('法人或其他组织', c.sum('s3.new.org'))];
    if (anyShown(applicants)) l.t('（').list(applicants, '，').t('）');
    const yoy = c.yoy('s3.new.total', received);
    if (yoy) l.t('，').f(yoy);
  }
  if (isZero(carriedIn)) l.t('，无上年结转申请。');
  else l.t('，上年结转').f(carriedIn).t('件。');

  const closed = c.sum('s3.closed.total');
  if (isZero(closed)) l.t('本年度未办结申请');
  else {
    l.t('办结').f(closed).t('件');
    const outcomes = [
      item('予以公开', c.cell('s3.granted.total')),
      item('部分公开', c.cell('s3.partial.total')),
      item('不予公开', c.sum('s3.denied.total')),
      item('无法提供', c.sum('s3.unable.total')),
      item('不予处理', c.sum('s3.rejected.total')),
      item('其他处理', c.version === '2021' ? c.sum('s3.other.total') : c.cell('s3.other.total')),
    ];
    if (anyShown(outcomes)) l.t('，其中').list(outcomes);
  }
  const carriedOver = c.cell('s3.carriedOver.total');
  if (isZero(carriedOver)) l.t('；无结转下年度继续办理的申请。');
  else l.t('；结转下年度继续办理').f(carriedOver).t('件。');
  return l.block();
}

function overview(c: Context): Block[] {
  const government = c.profile.kind === 'government' || c.profile.kind === 'office';
  const oversight: Block[] = [
    promptParagraph(
      's1.oversight',
      '（请填写监督保障情况，如组织领导、制度建设、业务培训、监督检查等。）',
      '监督保障情况',
    ),
  ];
  if (government) {
    oversight.push(
      new Line()
        .t('工作考核、社会评议和责任追究结果情况：')
        .p(
          prompt(
            's1.assessment',
            '（请填写本年度政务公开工作考核、社会评议和责任追究的结果情况。）',
            '工作考核、社会评议和责任追究结果情况',
          ),
        )
        .block(),
    );
  }
  return [
    heading(1, SECTIONS[0].heading),
    heading(2, '（一）主动公开'),
    c.version === '2021' ? activeSentence2021(c) : activeSentence2019(c),
    promptParagraph(
      's1.active',
      '（请填写本年度主动公开政府信息的渠道和重点内容，如政府网站、政务新媒体发布信息情况，重点领域信息公开和政策解读情况等。）',
      '主动公开的渠道和重点内容',
    ),
    heading(2, '（二）依申请公开'),
    requestSentence(c),
    promptParagraph(
      's1.requests',
      '（请填写依申请公开工作的做法和成效，如申请渠道、办理流程、答复规范等。）',
      '依申请公开工作情况',
    ),
    heading(2, '（三）政府信息管理'),
    promptParagraph(
      's1.management',
      '（请填写政府信息管理情况，如公开属性认定、保密审查、政策文件清理、信息动态更新等。）',
      '政府信息管理情况',
    ),
    heading(2, '（四）政府信息公开平台建设'),
    promptParagraph(
      's1.platform',
      '（请填写政府信息公开平台建设情况，如政府网站、政务新媒体、政务公开专区等平台的建设和运行。）',
      '政府信息公开平台建设情况',
    ),
    heading(2, '（五）监督保障'),
    ...oversight,
  ];
}

// ---- 四、行政复议、行政诉讼 ---------------------------------------------------------------------------

const S4_RESULTS = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
] as const;

function s4Sentence(c: Context): Block {
  const l = new Line();
  const review = c.cell('s4.review.total');
  const litigation = c.sum('s4.litigationAll.total');
  if (isZero(review) && isZero(litigation)) {
    return l.t('本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。').block();
  }
  const results = (group: string): Item[] => S4_RESULTS.map(([key, name]) => item(name, c.cell(`s4.${group}.${key}`)));
  if (isZero(review)) l.t('本年度未发生因政府信息公开工作被申请行政复议的情况');
  else {
    l.t('本年度因政府信息公开工作被申请行政复议').f(review).t('件');
    const reviewResults = results('review');
    if (anyShown(reviewResults)) l.t('（').list(reviewResults).t('）');
    const yoy = c.yoy('s4.review.total', review);
    if (yoy) l.t('，').f(yoy);
  }
  l.t('；');
  if (isZero(litigation)) l.t('未被提起行政诉讼');
  else {
    l.t('被提起行政诉讼').f(litigation).t('件');
    const yoy = c.yoy('s4.litigationAll.total', litigation);
    if (yoy) l.t('，').f(yoy);
    const groups = [
      ['litigation', '未经复议直接起诉'],
      ['litigationAfterReview', '复议后起诉'],
    ] as const;
    const parts = groups.map(([key, name]) => ({ name, total: c.cell(`s4.${key}.total`), results: results(key) }));
    const shownParts = parts.filter((p) => !isZero(p.total));
    shownParts.forEach((part, i) => {
      l.t(i === 0 ? '，其中' : '，')
        .t(part.name)
        .f(part.total)
        .t('件');
      if (anyShown(part.results)) l.t('（').list(part.results).t('）');
    });
  }
  return l.t('。').block();
}

// ---- 五、六、closing ------------------------------------------------------------------------------

function problems(): Block[] {
  return [
    heading(1, SECTIONS[4].heading),
    promptParagraph('s5.rectification', '（请填写上年度存在问题的整改情况。）', '上年度存在问题的整改情况'),
    promptParagraph('s5.problems', '（请填写本年度政府信息公开工作存在的主要问题。）', '本年度存在的主要问题'),
    promptParagraph('s5.measures', '（请针对上述问题逐项填写改进措施。）', '改进措施（每个问题一项）'),
  ];
}

const FEE_CHARGED = '本年度依据《政府信息公开信息处理费管理办法》共发出收费通知＿＿件，总金额＿＿元，实际收取＿＿元。';
const FEE_NONE = '本年度未收取信息处理费。';
const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * The 信息处理费 prompt holds both statements; the one offered first follows the table: applications
 * dropped for an unpaid fee (s3.other.unpaidFee, 2021) mean fee notices went out.
 */
function feePrompt(c: Context): PromptRun {
  const unpaid = c.version === '2021' ? amountOf(c.values['s3.other.unpaidFee.total']) : undefined;
  const text =
    unpaid && unpaid.value > 0
      ? `${FEE_CHARGED}（未收取的，请改为：${FEE_NONE}）`
      : `${FEE_NONE}（发出过收费通知的，请改为：${FEE_CHARGED}）`;
  return prompt('s6.fee', text, '信息处理费的收取情况');
}

function otherMatters(c: Context): Block[] {
  const government = c.profile.kind === 'government' || c.profile.kind === 'office';
  const items: [string, Block][] = [
    ['依据《政府信息公开信息处理费管理办法》收取信息处理费的情况', new Line().p(feePrompt(c)).block()],
  ];
  if (government) {
    items.push(
      [
        '本行政机关落实上级年度政务公开工作要点情况',
        promptParagraph(
          's6.keyPoints',
          '（请填写落实上级年度政务公开工作要点的情况。）',
          '落实上级年度政务公开工作要点情况',
        ),
      ],
      [
        '本行政机关人大代表建议和政协提案办理结果公开情况',
        promptParagraph(
          's6.proposals',
          '（请填写人大代表建议和政协提案办理结果的公开情况。）',
          '人大代表建议和政协提案办理结果公开情况',
        ),
      ],
      [
        '本行政机关年度政务公开工作创新情况',
        promptParagraph('s6.innovation', '（请填写本年度政务公开工作的创新做法。）', '年度政务公开工作创新情况'),
      ],
      [
        '本行政机关政府信息公开工作年度报告数据统计需要说明的事项',
        promptParagraph(
          's6.statistics',
          '（请填写数据统计需要说明的事项，如统计口径；没有的，请填写“无”。）',
          '数据统计需要说明的事项',
        ),
      ],
    );
  }
  items.push([
    '其他需要报告的事项',
    promptParagraph('s6.other', '（请填写其他需要报告的事项；没有的，请填写“无”。）', '其他需要报告的事项'),
  ]);
  return [
    heading(1, SECTIONS[5].heading),
    ...items.flatMap(([title, body], i) => [heading(2, `（${CHINESE_ORDINALS[i]}）${title}`), body]),
  ];
}

/** `2023-01-20` (or with a time) → `2023年1月20日`; anything else as written. */
function dateText(published: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(published.trim());
  return iso ? `${iso[1]}年${Number(iso[2])}月${Number(iso[3])}日` : published.trim();
}

/**
 * The agency and the date. Without a publication date: January of the next year (条例第四十九条: the
 * report is published by 31 January), the day left as a prompt.
 */
function closing(profile: Profile): Block[] {
  const agency = profile.agency?.trim();
  const name = agency ? new Line().t(agency) : new Line().p(prompt('closing.agency', '（机关名称）', '机关名称'));
  const date = new Line();
  if (profile.published?.trim()) date.t(dateText(profile.published));
  else if (typeof profile.year === 'number')
    date.t(`${profile.year + 1}年1月`).p(prompt('closing.day', '＿＿日', '发布日期（日）'));
  else date.p(prompt('closing.date', '＿＿＿＿年＿＿月＿＿日', '发布日期'));
  return [name.block('closing'), date.block('closing')];
}

/** The document of PROSE.md for a report (and its `previous`, for the year-on-year phrases). */
export function buildOutline(report: Report, options: BuildOutlineOptions = {}): Outline {
  void options;
  const c = new Context(report);
  const blocks: Block[] = [
    titleBlock(report.profile),
    openingBlock(c),
    ...overview(c),
    heading(1, SECTIONS[1].heading),
    s2Table(c.version, c.values),
    heading(1, SECTIONS[2].heading),
    s3Table(c.version, c.values),
    heading(1, SECTIONS[3].heading),
    s4Table(c.version, c.values),
    s4Sentence(c),
    ...problems(),
    ...otherMatters(c),
    ...closing(report.profile),
  ];
  return { title: outlineTitle(report.profile), blocks };
}
