// 简体中文的填报指引（../shared/spec/GUIDANCE.md）：光标停在数据单元格时，任务窗格说明该行统计什么、
// 依据《条例》哪一条（GUIDANCE.md 未给出的不写），以及表三的通用统计口径。
import type { GuidanceStrings, RowGuidance, RowGuidanceMap } from './types';

const REGULATION_POWER =
  '只有具有规章制定权的机关（省级人民政府、设区的市和自治州人民政府以及国务院部门）才制定规章；县级、乡镇机关通常填 0。';
const CHANGE_MAY_BE_NEGATIVE = '“本年增/减”填本年项目数量的增减变化，项目减少时可以填负数。';

/** 2019 年版格式第二十条第（五）（六）项的事项：上一年项目数量、本年增/减、处理决定数量。 */
const items2019 = (name: string, article?: string): RowGuidance => ({
  counts: `${name}的上一年项目数量、本年增/减数量和本年处理决定数量。`,
  ...(article ? { article } : {}),
  notes: [CHANGE_MAY_BE_NEGATIVE],
});

const S2_2021: RowGuidanceMap = {
  's2.regulation': {
    counts: '本年制发、本年废止的规章件数，以及截至年底现行有效的规章件数。',
    notes: [REGULATION_POWER],
  },
  's2.normative': {
    counts: '本年制发、本年废止的行政规范性文件件数，以及截至年底现行有效的行政规范性文件件数。',
    notes: ['现行有效件数 ＝ 上年现行有效件数 ＋ 本年制发件数 − 本年废止件数。'],
  },
  's2.license': { counts: '本年作出的行政许可处理决定数量。', article: '第二十条第（五）项' },
  's2.penalty': { counts: '本年作出的行政处罚决定数量。', article: '第二十条第（六）项' },
  's2.enforcement': { counts: '本年作出的行政强制决定数量。', article: '第二十条第（六）项' },
  's2.fee': {
    counts: '本年收取的行政事业性收费金额，单位为万元。',
    article: '第二十条第（八）项',
    notes: [
      '例如填 13.39，表示 13.39 万元，即 133900 元。',
      '填写的数额在 100000 以上的，几乎可以肯定是误按“元”填写的，请核对单位。',
    ],
  },
};

const S2_2019: RowGuidanceMap = {
  's2.regulation': {
    counts: '本年新制作的规章数量、本年新公开的规章数量，以及对外公开的规章总数量。',
    notes: [REGULATION_POWER],
  },
  's2.normative': {
    counts: '本年新制作的规范性文件数量、本年新公开的规范性文件数量，以及对外公开的规范性文件总数量。',
  },
  's2.license': items2019('行政许可事项', '第二十条第（五）项'),
  's2.otherService': items2019('其他对外管理服务事项'),
  's2.penalty': items2019('行政处罚事项', '第二十条第（六）项'),
  's2.enforcement': items2019('行政强制事项', '第二十条第（六）项'),
  's2.fee': {
    counts: '行政事业性收费的上一年项目数量和本年增/减数量。2019 年版格式此处统计收费项目数，不填收费金额。',
    article: '第二十条第（八）项',
    notes: [CHANGE_MAY_BE_NEGATIVE],
  },
  's2.procurement': {
    counts: '政府集中采购的采购项目数量和采购总金额。',
    notes: ['采购项目数量填整数；格式未规定采购总金额的单位，金额可以有小数。'],
  },
};

/** 表三中两个版本相同的行（（六）其他处理除外）。 */
const S3_HEAD: RowGuidanceMap = {
  's3.new': {
    counts: '本年度（1月1日至12月31日）收到的政府信息公开申请数量，包括当面、信函、网络、传真等各种渠道提交的申请。',
  },
  's3.carriedIn': {
    counts: '上年收到、截至1月1日仍在办理的申请数量。',
    notes: ['应等于上年度报告中“四、结转下年度继续办理”的数量。'],
  },
  's3.granted': {
    counts: '全部提供所申请信息的申请，包括告知申请人获取已公开信息的方式和途径的情形。',
    article: '第三十六条第（一）（二）项',
  },
  's3.partial': {
    counts: '经区分处理，部分信息予以提供、其余部分不予公开的申请。',
    article: '第三十七条',
    notes: ['这类申请只计入本行，不再计入其他情形。'],
  },
  's3.denied.secret': { counts: '因属于国家秘密而不予公开的申请。', article: '第十四条' },
  's3.denied.prohibited': { counts: '因其他法律、行政法规禁止公开而不予公开的申请。', article: '第十四条' },
  's3.denied.security': {
    counts: '因公开后可能危及国家安全、公共安全、经济安全、社会稳定而不予公开的申请。',
    article: '第十四条',
  },
  's3.denied.thirdParty': {
    counts: '为保护第三方合法权益，因涉及商业秘密、个人隐私而不予公开的申请。',
    article: '第十五条',
  },
  's3.denied.internal': {
    counts: '因属于人事管理、后勤管理、内部工作流程等内部事务信息而不予公开的申请。',
    article: '第十六条第一款',
  },
  's3.denied.process': {
    counts: '因属于讨论记录、过程稿、磋商信函、请示报告等过程性信息而不予公开的申请。',
    article: '第十六条第二款',
  },
  's3.denied.lawEnforcement': { counts: '因属于行政执法案卷信息而不予公开的申请。', article: '第十六条第二款' },
  's3.denied.query': {
    counts: '所申请信息的获取，法律、行政法规另有特别规定（如工商、不动产登记资料）的申请。',
    article: '第三十六条第（七）项',
  },
  's3.unable.notHeld': {
    counts: '经检索查找，本机关未掌握所申请信息（该信息不存在），或者该信息应由其他机关负责公开的申请。',
    article: '第三十六条第（四）（五）项',
  },
  's3.unable.needsCreation': {
    counts: '提供所申请信息需要对现有政府信息进行加工、分析的申请。',
    article: '第三十八条',
  },
  's3.unable.unclear': { counts: '申请人作出补正后，申请内容仍不明确的申请。', article: '第三十条' },
  's3.rejected.petition': {
    counts: '以政府信息公开申请的形式提出的信访、投诉、举报。',
    article: '第三十九条第一款',
  },
  's3.rejected.duplicate': {
    counts: '行政机关已作出答复后，申请人再次申请公开同一政府信息的申请。',
    article: '第三十六条第（六）项',
  },
  's3.rejected.publication': {
    counts: '要求提供政府公报、报刊、书籍等公开出版物的申请。',
    article: '第三十九条第二款',
  },
  's3.rejected.excessive': {
    counts: '申请公开政府信息的数量、频次明显超过合理范围，且无正当理由的申请。',
    article: '第三十五条',
  },
  's3.rejected.confirmation': { counts: '要求行政机关确认或者重新出具申请人已获取信息的申请。' },
};

const S3_TAIL: RowGuidanceMap = {
  's3.total': { counts: '（一）至（六）各项办理结果之和。' },
  's3.carriedOver': {
    counts: '截至12月31日仍在办理的申请数量。',
    notes: ['这些申请在下一年度报告中计入“二、上年结转政府信息公开申请数量”。'],
  },
};

const S3_OTHER_2021: RowGuidanceMap = {
  's3.other.noCorrection': {
    counts: '申请人无正当理由逾期不补正，行政机关不再处理的申请。',
    article: '第三十条',
  },
  's3.other.unpaidFee': {
    counts: '申请人逾期未按信息处理费收费通知要求缴纳费用，行政机关不再处理的申请。',
    article: '第四十二条',
    notes: ['信息处理费的收取另见国办函〔2020〕109号。'],
  },
  's3.other.misc': {
    counts: '以上各项以外的其他办理结果。',
    notes: ['具体是何种情形，请在正文中说明。'],
  },
};

const S3_OTHER_2019: RowGuidanceMap = {
  's3.other': {
    counts: '以上各项以外的其他办理结果。2019 年版格式中“（六）其他处理”只有这一行。',
    notes: [
      '2021 年版格式将其细分为“申请人无正当理由逾期不补正”“申请人逾期未按收费通知要求缴纳费用”和“其他”三项。',
      '具体是何种情形，请在正文中说明。',
    ],
  },
};

const S4: RowGuidanceMap = {
  's4.review': { counts: '因本机关政府信息公开工作被申请行政复议的案件数量。' },
  's4.litigation': { counts: '因本机关政府信息公开工作被提起行政诉讼、且未经行政复议直接起诉的案件数量。' },
  's4.litigationAfterReview': {
    counts: '因本机关政府信息公开工作被提起行政诉讼、且在行政复议决定作出后起诉的案件数量。',
  },
};

export const guidanceZhCN: GuidanceStrings = {
  general: [
    '本年度办理的每一件申请，在“三、本年度办理结果”中都必须计入一个办理结果行，且只能计入一行。',
    '“（二）部分公开”：部分提供、部分不予提供的申请（区分处理，第三十七条）只在此行计一次，不再同时计入“不予公开”或“无法提供”。这一要求就写在该行的标签中。',
    '每一列都应满足：一（本年新收）＋ 二（上年结转）＝（七）总计 ＋ 四（结转下年度继续办理）。“总计”列为“自然人”与五类“法人或其他组织”各列之和。',
    '“上年结转”应等于上年度报告中的“结转下年度继续办理”（跨年度核对）。',
    '没有发生的请填 0；空白单元格无法核对。',
  ],
  rows: {
    '2021': { ...S2_2021, ...S3_HEAD, ...S3_OTHER_2021, ...S3_TAIL, ...S4 },
    '2019': { ...S2_2019, ...S3_HEAD, ...S3_OTHER_2019, ...S3_TAIL, ...S4 },
  },
  tables: {
    s2: '表二统计本机关依照《中华人民共和国政府信息公开条例》第二十条主动公开政府信息的情况。',
    s4: '表四统计因本机关政府信息公开工作被申请行政复议、被提起行政诉讼的案件（不是本机关的全部复议、诉讼案件），按结果分列：结果维持、结果纠正、其他结果、尚未审结（截至年底尚未审结），总计为以上四项之和。未经复议直接起诉，指未经行政复议直接提起的行政诉讼；复议后起诉，指行政复议决定作出后提起的行政诉讼。',
  },
};
