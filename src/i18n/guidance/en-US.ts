// The row guidance in English (GUIDANCE.md's own text, tidied), with the same keys as the Chinese;
// article citations stay in Chinese, as the 条例 is cited.
import type { GuidanceStrings, RowGuidance, RowGuidanceMap } from './types';

const REGULATION_POWER =
  'Only bodies with rule-making power (provincial governments, the governments of 设区的市 and 自治州, and 国务院 departments) make 规章; a county or township body normally reports 0.';
const CHANGE_MAY_BE_NEGATIVE =
  '本年增/减 is the change in the number of items this year; a negative value is allowed there.';

/** 2019 items of 第二十条第（五）（六）项: items last year, change this year, decisions. */
const items2019 = (name: string, article?: string): RowGuidance => ({
  counts: `${name}: the number of items last year (上一年项目数量), the change this year (本年增/减) and the decisions made this year (处理决定数量).`,
  ...(article ? { article } : {}),
  notes: [CHANGE_MAY_BE_NEGATIVE],
});

const S2_2021: RowGuidanceMap = {
  's2.regulation': {
    counts: '规章 made this year (本年制发), repealed this year (本年废止) and in force at year end (现行有效).',
    notes: [REGULATION_POWER],
  },
  's2.normative': {
    counts: '行政规范性文件 made this year, repealed this year, and in force at year end.',
    notes: ['现行有效 = last year’s 现行有效 + 本年制发 − 本年废止.'],
  },
  's2.license': { counts: 'The number of 行政许可 decisions made this year.', article: '第二十条第（五）项' },
  's2.penalty': { counts: 'The number of 行政处罚 decisions made this year.', article: '第二十条第（六）项' },
  's2.enforcement': { counts: 'The number of 行政强制 decisions made this year.', article: '第二十条第（六）项' },
  's2.fee': {
    counts: 'The amount of 行政事业性收费 collected this year, in 万元.',
    article: '第二十条第（八）项',
    notes: [
      '13.39 means 133,900 元.',
      'An amount of 100,000 or more is almost certainly written in 元: check the unit.',
    ],
  },
};

const S2_2019: RowGuidanceMap = {
  's2.regulation': {
    counts:
      '规章 newly made this year (本年新制作), newly published this year (本年新公开), and the total published (对外公开总数量).',
    notes: [REGULATION_POWER],
  },
  's2.normative': {
    counts: '规范性文件 newly made this year, newly published this year, and the total published.',
  },
  's2.license': items2019('行政许可', '第二十条第（五）项'),
  's2.otherService': items2019('其他对外管理服务事项'),
  's2.penalty': items2019('行政处罚', '第二十条第（六）项'),
  's2.enforcement': items2019('行政强制', '第二十条第（六）项'),
  's2.fee': {
    counts:
      '行政事业性收费: the number of items last year (上一年项目数量) and the change this year (本年增/减). The 2019 format counts fee items here, not the amount collected.',
    article: '第二十条第（八）项',
    notes: [CHANGE_MAY_BE_NEGATIVE],
  },
  's2.procurement': {
    counts: '政府集中采购: the number of procurement items and their total amount.',
    notes: [
      'The number of items is a whole number; the format does not fix the unit of the total amount, which may have decimals.',
    ],
  },
};

/** The rows of 表三 that both versions share (all but （六）其他处理). */
const S3_HEAD: RowGuidanceMap = {
  's3.new': {
    counts:
      'Applications received this calendar year (1 January to 31 December), through every channel: 当面、信函、网络、传真…',
  },
  's3.carriedIn': {
    counts: 'Applications received last year and still open on 1 January.',
    notes: ['Equals last year’s 四、结转下年度继续办理.'],
  },
  's3.granted': {
    counts:
      'Information provided in full, including telling the applicant where already-published information can be found.',
    article: '第三十六条第（一）（二）项',
  },
  's3.partial': {
    counts: 'Part provided, part withheld after 区分处理.',
    article: '第三十七条',
    notes: ['Such an application counts only here, under no other outcome.'],
  },
  's3.denied.secret': { counts: 'Withheld as a state secret (国家秘密).', article: '第十四条' },
  's3.denied.prohibited': {
    counts: 'Withheld because another law or administrative regulation forbids disclosure.',
    article: '第十四条',
  },
  's3.denied.security': {
    counts: 'Withheld because disclosure may endanger 国家安全、公共安全、经济安全 or 社会稳定.',
    article: '第十四条',
  },
  's3.denied.thirdParty': {
    counts: 'Withheld to protect a third party’s lawful rights: 商业秘密、个人隐私.',
    article: '第十五条',
  },
  's3.denied.internal': {
    counts: 'Withheld as internal affairs information: 人事管理、后勤管理、内部工作流程.',
    article: '第十六条第一款',
  },
  's3.denied.process': {
    counts: 'Withheld as process information: 讨论记录、过程稿、磋商信函、请示报告.',
    article: '第十六条第二款',
  },
  's3.denied.lawEnforcement': { counts: 'Withheld as 行政执法案卷 information.', article: '第十六条第二款' },
  's3.denied.query': {
    counts:
      'Information whose access a law or administrative regulation governs separately, e.g. 工商、不动产登记资料.',
    article: '第三十六条第（七）项',
  },
  's3.unable.notHeld': {
    counts:
      'After searching, the information does not exist at this body, or another body is responsible for disclosing it.',
    article: '第三十六条第（四）（五）项',
  },
  's3.unable.needsCreation': {
    counts: 'Providing the information would need new processing or analysis of existing government information.',
    article: '第三十八条',
  },
  's3.unable.unclear': {
    counts: 'The applicant corrected the application and it is still unclear.',
    article: '第三十条',
  },
  's3.rejected.petition': {
    counts: 'A 信访、投诉 or 举报 made in the form of a disclosure application.',
    article: '第三十九条第一款',
  },
  's3.rejected.duplicate': {
    counts: 'The same information requested again after an answer was given.',
    article: '第三十六条第（六）项',
  },
  's3.rejected.publication': {
    counts: 'A request for 政府公报、报刊、书籍 or other publications.',
    article: '第三十九条第二款',
  },
  's3.rejected.excessive': {
    counts: 'Applications whose quantity or frequency is clearly beyond a reasonable range, without good reason.',
    article: '第三十五条',
  },
  's3.rejected.confirmation': {
    counts: 'A request to confirm, or to issue again, information the applicant already has.',
  },
};

const S3_TAIL: RowGuidanceMap = {
  's3.total': { counts: 'The sum of every outcome row above, （一） to （六）.' },
  's3.carriedOver': {
    counts: 'Applications still open on 31 December.',
    notes: ['They reappear in next year’s report as 二、上年结转.'],
  },
};

const S3_OTHER_2021: RowGuidanceMap = {
  's3.other.noCorrection': {
    counts: 'The applicant did not correct the application in time without good reason; it is no longer processed.',
    article: '第三十条',
  },
  's3.other.unpaidFee': {
    counts: 'The applicant did not pay a 信息处理费 notice in time; the application is no longer processed.',
    article: '第四十二条',
    notes: ['See also 国办函〔2020〕109号 on the fee.'],
  },
  's3.other.misc': {
    counts: 'Any other outcome not listed above.',
    notes: ['Say what it was in the prose.'],
  },
};

const S3_OTHER_2019: RowGuidanceMap = {
  's3.other': {
    counts: 'Any other outcome not listed above. In the 2019 format （六）其他处理 is this single row.',
    notes: [
      'The 2021 format splits it into three rows: no correction in time, fee not paid in time, and other.',
      'Say what it was in the prose.',
    ],
  },
};

const S4: RowGuidanceMap = {
  's4.review': { counts: '行政复议 cases brought about this body’s 政府信息公开 work.' },
  's4.litigation': {
    counts: '行政诉讼 cases about this body’s 政府信息公开 work filed directly, without a 行政复议 first.',
  },
  's4.litigationAfterReview': {
    counts: '行政诉讼 cases about this body’s 政府信息公开 work filed after a 行政复议 decision.',
  },
};

export const guidanceEnUS: GuidanceStrings = {
  general: [
    'Every application handled this year counts in exactly one outcome row of 三、本年度办理结果.',
    '（二）部分公开: an application answered partly (part given, part withheld — 区分处理, 第三十七条) counts once, here, and not also under 不予公开 or 无法提供. The row label itself says so.',
    'Per column: 一 (本年新收) + 二 (上年结转) = （七）总计 + 四 (结转下年度继续办理). The 总计 column is 自然人 plus the five 法人或其他组织 columns.',
    '上年结转 must equal last year’s 结转下年度继续办理 (the cross-year rule).',
    'Write 0 where nothing happened; a blank cell cannot be checked.',
  ],
  rows: {
    '2021': { ...S2_2021, ...S3_HEAD, ...S3_OTHER_2021, ...S3_TAIL, ...S4 },
    '2019': { ...S2_2019, ...S3_HEAD, ...S3_OTHER_2019, ...S3_TAIL, ...S4 },
  },
  tables: {
    s2: 'Table 2 counts the information this body disclosed proactively under 第二十条 of 《中华人民共和国政府信息公开条例》.',
    s4: 'Counts of 行政复议 and 行政诉讼 cases about this body’s 政府信息公开 work (not all its cases), by result: 结果维持 (upheld), 结果纠正 (corrected), 其他结果 (other), 尚未审结 (pending at year end); 总计 is their sum. 未经复议直接起诉 are suits filed directly; 复议后起诉 are suits filed after a 复议 decision.',
  },
};
