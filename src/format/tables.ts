// The printed tables of both official versions, label for label as in FORMAT.md. Every string
// here is the official text (full-width brackets, Chinese commas); never "tidy" one.
import type { Label, S2Block, S2Table, S3Column, S3Group, S3Row, S3Table, S4Table, SectionDef } from './types';

const l = (zh: string, en: string): Label => ({ zh, en });

// ---- s2 ----------------------------------------------------------------------------------------

const S2_2021_BLOCKS: readonly S2Block[] = [
  {
    title: '第二十条第（一）项',
    rows: [
      { key: 'regulation', label: l('规章', 'Regulations') },
      { key: 'normative', label: l('行政规范性文件', 'Administrative normative documents') },
    ],
    columns: [
      { key: 'issued', label: l('本年制发件数', 'Issued this year'), unit: 'count' },
      { key: 'repealed', label: l('本年废止件数', 'Repealed this year'), unit: 'count' },
      { key: 'valid', label: l('现行有效件数', 'Currently in force'), unit: 'count' },
    ],
  },
  {
    title: '第二十条第（五）项',
    rows: [{ key: 'license', label: l('行政许可', 'Administrative licensing') }],
    columns: [{ key: 'decisions', label: l('本年处理决定数量', 'Decisions this year'), unit: 'count' }],
  },
  {
    title: '第二十条第（六）项',
    rows: [
      { key: 'penalty', label: l('行政处罚', 'Administrative penalties') },
      { key: 'enforcement', label: l('行政强制', 'Administrative enforcement') },
    ],
    columns: [{ key: 'decisions', label: l('本年处理决定数量', 'Decisions this year'), unit: 'count' }],
  },
  {
    title: '第二十条第（八）项',
    rows: [{ key: 'fee', label: l('行政事业性收费', 'Administrative fees') }],
    columns: [
      {
        key: 'amount',
        label: l('本年收费金额（单位：万元）', 'Fees collected this year (unit: 10,000 yuan)'),
        unit: 'wanyuan',
      },
    ],
  },
];

const ITEMS_2019 = [
  { key: 'previous', label: l('上一年项目数量', 'Items last year'), unit: 'count' },
  { key: 'change', label: l('本年增/减', 'Change this year'), unit: 'signedCount' },
  { key: 'decisions', label: l('处理决定数量', 'Decisions'), unit: 'count' },
] as const;

const S2_2019_BLOCKS: readonly S2Block[] = [
  {
    title: '第二十条第（一）项',
    rows: [
      { key: 'regulation', label: l('规章', 'Regulations') },
      { key: 'normative', label: l('规范性文件', 'Normative documents') },
    ],
    columns: [
      { key: 'made', label: l('本年新制作数量', 'Newly made this year'), unit: 'count' },
      { key: 'published', label: l('本年新公开数量', 'Newly published this year'), unit: 'count' },
      { key: 'total', label: l('对外公开总数量', 'Total published'), unit: 'count' },
    ],
  },
  {
    title: '第二十条第（五）项',
    rows: [
      { key: 'license', label: l('行政许可', 'Administrative licensing') },
      { key: 'otherService', label: l('其他对外管理服务事项', 'Other external management services') },
    ],
    columns: ITEMS_2019,
  },
  {
    title: '第二十条第（六）项',
    rows: [
      { key: 'penalty', label: l('行政处罚', 'Administrative penalties') },
      { key: 'enforcement', label: l('行政强制', 'Administrative enforcement') },
    ],
    columns: ITEMS_2019,
  },
  {
    title: '第二十条第（八）项',
    rows: [{ key: 'fee', label: l('行政事业性收费', 'Administrative fees') }],
    columns: ITEMS_2019.slice(0, 2),
  },
  {
    title: '第二十条第（九）项',
    rows: [{ key: 'procurement', label: l('政府集中采购', 'Centralised government procurement') }],
    columns: [
      { key: 'count', label: l('采购项目数量', 'Procurement items'), unit: 'count' },
      { key: 'amount', label: l('采购总金额', 'Total procurement amount'), unit: 'decimal' },
    ],
  },
];

/** The first cell of every block's header row. */
const CONTENT_HEADER = l('信息内容', 'Information');

export const S2_2021: S2Table = { id: 's2', blocks: S2_2021_BLOCKS, width: 3, contentHeader: CONTENT_HEADER };
export const S2_2019: S2Table = { id: 's2', blocks: S2_2019_BLOCKS, width: 3, contentHeader: CONTENT_HEADER };

// ---- s3 ----------------------------------------------------------------------------------------

export const S3_COLUMNS: readonly S3Column[] = [
  { key: 'natural', label: l('自然人', 'Natural persons') },
  { key: 'business', label: l('商业企业', 'Businesses') },
  { key: 'research', label: l('科研机构', 'Research institutions') },
  { key: 'nonprofit', label: l('社会公益组织', 'Non-profit organisations') },
  { key: 'legal', label: l('法律服务机构', 'Legal service providers') },
  { key: 'otherOrg', label: l('其他', 'Other organisations') },
  { key: 'total', label: l('总计', 'Total') },
];

const G_DENIED: S3Group = { key: 'denied', label: l('（三）不予公开', '(3) Not disclosed') };
const G_UNABLE: S3Group = { key: 'unable', label: l('（四）无法提供', '(4) Unable to provide') };
const G_REJECTED: S3Group = { key: 'rejected', label: l('（五）不予处理', '(5) Not processed') };
const G_OTHER: S3Group = { key: 'other', label: l('（六）其他处理', '(6) Other handling') };

const outcome = (key: string, label: Label, group?: S3Group): S3Row =>
  group
    ? { key, label, group, underOutcome: true, isOutcomeItem: true }
    : { key, label, underOutcome: true, isOutcomeItem: true };

const HEAD_ROWS: readonly S3Row[] = [
  {
    key: 'new',
    label: l('一、本年新收政府信息公开申请数量', 'I. New applications this year'),
    underOutcome: false,
    isOutcomeItem: false,
  },
  {
    key: 'carriedIn',
    label: l('二、上年结转政府信息公开申请数量', 'II. Applications carried over from last year'),
    underOutcome: false,
    isOutcomeItem: false,
  },
];

const COMMON_OUTCOMES: readonly S3Row[] = [
  outcome('granted', l('（一）予以公开', '(1) Disclosed')),
  outcome(
    'partial',
    l(
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '(2) Partly disclosed (count split handling here only)',
    ),
  ),
  outcome('denied.secret', l('1.属于国家秘密', '1. State secret'), G_DENIED),
  outcome('denied.prohibited', l('2.其他法律行政法规禁止公开', '2. Prohibited by other laws or regulations'), G_DENIED),
  outcome(
    'denied.security',
    l('3.危及“三安全一稳定”', '3. Endangers the "three securities and one stability"'),
    G_DENIED,
  ),
  outcome('denied.thirdParty', l('4.保护第三方合法权益', "4. Protects a third party's lawful rights"), G_DENIED),
  outcome('denied.internal', l('5.属于三类内部事务信息', '5. Internal affairs information'), G_DENIED),
  outcome('denied.process', l('6.属于四类过程性信息', '6. Process information'), G_DENIED),
  outcome('denied.lawEnforcement', l('7.属于行政执法案卷', '7. Administrative enforcement files'), G_DENIED),
  outcome('denied.query', l('8.属于行政查询事项', '8. Administrative query matters'), G_DENIED),
  outcome('unable.notHeld', l('1.本机关不掌握相关政府信息', '1. Not held by this agency'), G_UNABLE),
  outcome('unable.needsCreation', l('2.没有现成信息需要另行制作', '2. Would have to be created'), G_UNABLE),
  outcome('unable.unclear', l('3.补正后申请内容仍不明确', '3. Still unclear after correction'), G_UNABLE),
  outcome('rejected.petition', l('1.信访举报投诉类申请', '1. Petitions, reports and complaints'), G_REJECTED),
  outcome('rejected.duplicate', l('2.重复申请', '2. Duplicate applications'), G_REJECTED),
  outcome('rejected.publication', l('3.要求提供公开出版物', '3. Requests for published material'), G_REJECTED),
  outcome(
    'rejected.excessive',
    l('4.无正当理由大量反复申请', '4. Excessive repeated applications without good reason'),
    G_REJECTED,
  ),
  outcome(
    'rejected.confirmation',
    l('5.要求行政机关确认或重新出具已获取信息', '5. Requests to confirm or reissue information already obtained'),
    G_REJECTED,
  ),
];

const OTHER_2021: readonly S3Row[] = [
  outcome(
    'other.noCorrection',
    l(
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '1. Applicant did not correct in time; no longer processed',
    ),
    G_OTHER,
  ),
  outcome(
    'other.unpaidFee',
    l(
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '2. Applicant did not pay the fee in time; no longer processed',
    ),
    G_OTHER,
  ),
  outcome('other.misc', l('3.其他', '3. Other'), G_OTHER),
];

const OTHER_2019: readonly S3Row[] = [outcome('other', G_OTHER.label)];

const TAIL_ROWS: readonly S3Row[] = [
  { key: 'total', label: l('（七）总计', '(7) Total'), underOutcome: true, isOutcomeItem: false },
  {
    key: 'carriedOver',
    label: l('四、结转下年度继续办理', 'IV. Carried over to next year'),
    underOutcome: false,
    isOutcomeItem: false,
  },
];

const s3 = (other: readonly S3Row[]): S3Table => ({
  id: 's3',
  columns: S3_COLUMNS,
  rows: [...HEAD_ROWS, ...COMMON_OUTCOMES, ...other, ...TAIL_ROWS],
  outcomeLabel: l('三、本年度办理结果', 'III. Outcomes this year'),
  identityCaption: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  applicantHeader: l('申请人情况', 'Applicants'),
  orgHeader: l('法人或其他组织', 'Legal persons or other organisations'),
});

export const S3_2021: S3Table = s3(OTHER_2021);
export const S3_2019: S3Table = s3(OTHER_2019);

// ---- s4 ----------------------------------------------------------------------------------------

const LITIGATION = l('行政诉讼', 'Administrative litigation');

export const S4: S4Table = {
  id: 's4',
  groups: [
    { key: 'review', label: l('行政复议', 'Administrative review') },
    { key: 'litigation', label: l('未经复议直接起诉', 'Sued directly'), parent: LITIGATION },
    { key: 'litigationAfterReview', label: l('复议后起诉', 'Sued after review'), parent: LITIGATION },
  ],
  results: [
    { key: 'upheld', label: l('结果维持', 'Upheld') },
    { key: 'corrected', label: l('结果纠正', 'Corrected') },
    { key: 'other', label: l('其他结果', 'Other result') },
    { key: 'pending', label: l('尚未审结', 'Pending') },
    { key: 'total', label: l('总计', 'Total') },
  ],
};

// ---- sections ----------------------------------------------------------------------------------

export const SECTIONS: readonly SectionDef[] = [
  { number: 1, heading: '一、总体情况', variants: [], en: 'I. Overview' },
  { number: 2, heading: '二、主动公开政府信息情况', variants: [], table: 's2', en: 'II. Proactive disclosure' },
  {
    number: 3,
    heading: '三、收到和处理政府信息公开申请情况',
    variants: [],
    table: 's3',
    en: 'III. Applications received and handled',
  },
  {
    number: 4,
    heading: '四、政府信息公开行政复议、行政诉讼情况',
    variants: ['四、政府信息公开行政复议和行政诉讼情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
    table: 's4',
    en: 'IV. Administrative review and litigation',
  },
  {
    number: 5,
    heading: '五、存在的主要问题及改进情况',
    variants: ['五、政府信息公开工作存在的主要问题及改进情况', '五、存在的主要问题及改进措施'],
    en: 'V. Main problems and improvements',
  },
  { number: 6, heading: '六、其他需要报告的事项', variants: [], en: 'VI. Other matters to report' },
];

/** Table names as users say them: the table of section 三 is 表三. */
export const TABLE_NAMES: Readonly<Record<'s2' | 's3' | 's4', Label>> = {
  s2: l('表二', 'Table 2'),
  s3: l('表三', 'Table 3'),
  s4: l('表四', 'Table 4'),
};
