// 简体中文（产品的第一语言）：年报助手对用户说的每一句话。规则提示说明哪里不对、应为多少、实为多少、
// 怎样改，只用印制的表格标签定位单元格。
import type { FormatVersion, Unit } from '../format';
import type { Identity } from '../rules';
import { MAX_FIGURE, type AgencyKind } from '../report';
import { signed } from './kit';
import type { RuleMessages } from './types';

/**
 * The three kinds of agency (FORMAT.md profile.kind): the short label is what the sheet's list and
 * the command line show; the detail completes it where there is room (the task pane).
 */
const KINDS: Readonly<Record<AgencyKind, { readonly label: string; readonly detail: string }>> = {
  government: { label: '人民政府', detail: '（含乡镇、街道）' },
  office: { label: '政府办公厅（室）', detail: '' },
  department: { label: '政府部门', detail: '及其他机关' },
};

const DOCS = {
  '2021': '2021 年版格式（国办公开办函〔2021〕30号）',
  '2019': '2019 年试行格式（国办公开办函〔2019〕60号）',
} as const;

const rules: RuleMessages = {
  'CELL-BLANK': (f, k) => {
    const { placeholder } = f.params;
    return `${k.cell(f.cells[0])}未填写${placeholder ? `（填的是“${k.text(placeholder)}”）` : ''}。官方格式要求每格都填数字，没有发生的请填 0。`;
  },
  'CELL-NOT-NUMBER': (f, k) => {
    const where = k.cell(f.cells[0]);
    const text = k.text(f.params.text);
    switch (f.params.problem) {
      case 'tooLarge':
        return `${where}填的“${text}”超出了有效数字的范围（绝对值不能超过 ${MAX_FIGURE}），无法参与核对。请核对后重新填写。`;
      case 'date':
        return `${where}是日期（${text}），不是数字：输入“3-5”“3/5”之类的内容时，Excel 会自动把它变成日期。请把该单元格的格式设为“常规”或“数值”，再重新填写数字。`;
      default:
        return `${where}填的“${text}”不是数字。请只填阿拉伯数字（如 12），需要说明的情况请写在正文中。`;
    }
  },
  'CELL-NEGATIVE': (f, k) => `${k.cell(f.cells[0])}为 ${k.n(f.actual)}，不能为负数。请核对后填写 0 或正数。`,
  'CELL-NOT-INTEGER': (f, k) => `${k.cell(f.cells[0])}为 ${k.n(f.actual)}，件数应为整数。请核对后填写整数。`,
  'CELL-PRECISION': (f, k) =>
    `${k.cell(f.cells[0])}为 ${k.n(f.actual)}，有 ${f.params.decimals} 位小数。以万元为单位最多保留 4 位小数（精确到元），请改为 ${k.n(f.fix?.value)}。`,
  'S3-BALANCE': (f, k) => {
    const p = f.params;
    return (
      `表三 · ${k.column(p.column)}：勾稽关系不符（第一项加第二项之和应等于第三项加第四项之和）。` +
      `按新收 ${k.n(p.new)} + 上年结转 ${k.n(p.carriedIn)} − 结转下年度 ${k.n(p.carriedOver)} 计算，` +
      `“（七）总计”应为 ${k.n(f.expected)}，实为 ${k.n(f.actual)}（差 ${signed(f.delta)}）。请核对该列的新收、结转和各项办理结果。`
    );
  },
  'S3-OUTCOME-TOTAL': (f, k) =>
    `表三 · ${k.column(f.params.scope)} · （七）总计应等于（一）至（六）各项办理结果之和 ${k.n(f.expected)}，实为 ${k.n(f.actual)}（差 ${signed(f.delta)}）。请核对各项办理结果，或将总计改为 ${k.n(f.expected)}。`,
  'S3-ROW-TOTAL': (f, k) =>
    `表三 · ${k.s3Row(f.params.scope)} · 总计应等于自然人与各类法人或其他组织之和 ${k.n(f.expected)}，实为 ${k.n(f.actual)}（差 ${signed(f.delta)}）。请核对该行各列，或将总计改为 ${k.n(f.expected)}。`,
  'S3-ZERO-YEAR': (f, k) => {
    const offenders = f.cells.slice(0, -2);
    return `表三 · ${k.column(f.params.column)}：本年新收和上年结转都是 0，办理结果和“四、结转下年度继续办理”也都应为 0，但${k.cells(offenders)}不为 0（合计应为 0，实为 ${k.n(f.actual)}）。请核对是漏填了新收申请数，还是误填了办理结果。`;
  },
  'S3-DOUBLE-COUNT': () =>
    '办理结果多于收到的申请：同一申请区分处理的，只计入“（二）部分公开”一次，不要在其他情形中重复计数。',
  'S3-CARRY-CONTINUITY': (f, k) =>
    `表三 · ${k.column(f.params.column)} · 二、上年结转为 ${k.n(f.actual)}，而上年报告的“四、结转下年度继续办理”为 ${k.n(f.expected)}，两者应一致。请核对上年结转数。`,
  'S3-SAME-AS-LAST-YEAR': (f, k) =>
    `${k.table(f.params.table)}的全部数字与上年报告完全相同，很可能沿用了上年的表格。请确认填写的是本年度的数据。`,
  'S4-GROUP-TOTAL': (f, k) =>
    `表四 · ${k.s4Group(f.params.scope)} · 总计应等于结果维持、结果纠正、其他结果、尚未审结之和 ${k.n(f.expected)}，实为 ${k.n(f.actual)}（差 ${signed(f.delta)}）。请核对，或将总计改为 ${k.n(f.expected)}。`,
  'S2-FEE-UNIT': (f, k) =>
    `${k.cell(f.cells[0])}为 ${k.n(f.actual)} 万元（即 ${k.n(f.params.yuanInYi)} 亿元），数额异常，很可能按“元”填写了。本栏单位是万元：${k.n(f.actual)} 元应填 ${k.n(f.fix?.value)}。`,
  'S2-REGULATION-AUTHORITY': (f, k) =>
    `表二 · 规章一行填了数字（${k.cells(f.cells)}），但${f.params.agency ? `“${k.text(f.params.agency)}”` : '本机关'}没有规章制定权（只有国务院部门和省、设区的市、自治州人民政府可以制定规章）。本机关制发的文件请填在“行政规范性文件”一行。`,
  'S2-VALID-STOCK': (f, k) =>
    `表二 · ${k.s2Row(f.params.row)} · 现行有效件数为 ${k.n(f.actual)}，但按上年现行有效 ${k.n(f.params.lastValid)} + 本年制发 ${k.n(f.params.issued)} − 本年废止 ${k.n(f.params.repealed)} 应为 ${k.n(f.expected)}。请核对。`,
  'S2-2019-DECISIONS': (f, k) =>
    `表二 · ${k.s2Row(f.params.row)} · 处理决定数量（${k.n(f.actual)}）恰好等于上一年项目数量加本年增/减，可能把事项数量填成了处理决定数量。请核对。`,
  'FORMAT-VERSION': (f, k) => {
    const p = f.params;
    switch (p.problem) {
      case 'year':
        return `${p.year} 年度报告应使用${DOCS[p.required]}，但表格使用的是${DOCS[p.used]}。请改用 ${p.required} 年版的表格。`;
      case 'foreignRow':
        return `表格中有只属于 ${p.other} 年版格式的单元格（${f.cells.join('、')}），与 ${p.used} 年版格式混用。请按 ${p.used} 年版格式填写。`;
      case 'missing':
        return `${k.table(p.table)}缺少官方格式的“${k.text(p.label)}”。请按官方格式补齐。`;
      case 'duplicated':
        return `${k.table(p.table)}中“${k.text(p.label)}”重复出现。请删除多余的一行。`;
      case 'renamed':
        return `${k.table(p.table)}中“${k.text(p.label)}”与官方格式的文字不一致。请使用官方格式的原文。`;
      case 'otherVersion':
        return `${k.table(p.table)}中“${k.text(p.label)}”属于另一版本的格式。请按本年度适用的格式填写。`;
    }
  },
  'PROFILE-YEAR': (f, k) => {
    const p = f.params;
    switch (p.problem) {
      case 'missing':
        return '未填写报告年度。请填写统计年度（如 2024），它决定适用哪一版表格格式。';
      case 'unreadable':
        return `报告年度填的“${k.text(p.text)}”无法识别为年份。请填写四位数字的统计年度，如 2024（也可写“2024年”或“二〇二四年”）。`;
      case 'range':
        return `报告年度“${k.n(f.actual)}”不合理：应为 2019 年至 ${p.max} 年之间的统计年度（不是发布年度）。`;
    }
  },
  'TEXT-SECTIONS': (f, k) =>
    'old' in f.params
      ? `正文中出现了 2019 年以前格式的标题“${k.text(f.params.old)}”。请按现行格式的六个部分组织报告。`
      : `正文缺少必备的部分或顺序不对：${k.text(f.params.missing)}。年报应依次包含一至六共六个部分。`,
  'TEXT-PERIOD': (f, k) =>
    `统计期限应为“${f.params.year}年1月1日至${f.params.year}年12月31日”，正文写的是“${k.text(f.params.found)}”。请改正。`,
  'TEXT-CITATION': (f, k) =>
    `正文引用的格式文件有误（“${k.text(f.params.found)}”）：${f.params.year} 年度报告应依据《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）。`,
  'TEXT-NUMBERS': (f, k) =>
    `正文中“${k.text(f.params.phrase)}”为 ${k.n(f.actual)} 件，但表格中${k.cell(f.cells[0])}为 ${k.n(f.expected)} 件${f.params.blanksAsZero ? '（表格中的空白按 0 计）' : ''}。请使正文与表格一致。`,
  'TEXT-FEE-STATEMENT': () =>
    '“六、其他需要报告的事项”中没有信息处理费的说明。即使没有收费，也应写明“本年度未收取信息处理费”。',
  'TEXT-GOVERNMENT-ITEMS': (f, k) => `人民政府及其办公厅（室）的年报应包含“${k.text(f.params.missing)}”。请补充。`,
};

/**
 * The report sheet: the official form is Chinese, so every locale shows these (en-US reuses them).
 * The labels of the tables themselves are the format's data (src/format), not strings of ours.
 */
const sheet = {
  defaultSheetName: '年报表格',
  sheetName: (year: number): string => `${year}年报表格`,
  /** The title is a formula: agency & year & this. */
  titleYear: '年',
  titleSuffix: '政府信息公开工作年度报告',
  profileLabels: {
    agency: '机关名称',
    year: '报告年度',
    kind: '机关类型',
    format: '格式版本',
    regulations: '可制定规章',
  },
  regulations: { yes: '是', no: '否' },
  /** The filling instructions; `rules` are those of the units the version has. */
  note: (rules: readonly string[]): string =>
    '填写说明：白色单元格为填写处，灰色为表头。每格都要填数字，没有发生的填 0，不要留空；' +
    `${rules.join('，')}。各表右侧的“本表校验”自动核对勾稽关系，显示“校验通过”即无误。` +
    '打印时只打印各表，本说明、机关信息和“本表校验”不打印。',
  noteRules: {
    count: '件数填整数',
    signedCount: '本年增/减减少的填负数',
    wanyuan: '收费金额以万元为单位、最多保留 4 位小数',
    decimal: '金额不能为负数',
  } satisfies Record<Unit, string>,
  statusLabel: '本表校验',
  /** Exact: readers and tests compare with it. */
  statusPass: '校验通过',
  /** A cell problem, `{n}` being how many cells have it. */
  cellStatus: {
    blank: '✖ 有 {n} 个单元格未填写',
    text: '✖ 有 {n} 个单元格不是数字',
    negative: '✖ 有 {n} 个单元格为负数',
    fraction: '✖ 有 {n} 个件数不是整数',
  },
  /** How each identity rule is named in a status, followed by the failing scopes. */
  identityHeadings: {
    'S3-BALANCE': '勾稽关系不符',
    'S3-OUTCOME-TOTAL': '（七）总计不等于各项之和',
    'S3-ROW-TOTAL': '总计不等于各类申请人之和',
    'S4-GROUP-TOTAL': '总计不等于各项之和',
  } satisfies Record<Identity['rule'], string>,
  /** Between a failing scope and its difference: `自然人 差 +1`, as the rule messages write it. */
  deltaWord: ' 差 ',
  /** Data validation texts: title at most 32 characters, message 225, prompt 255 (Excel's limits). */
  validation: {
    count: {
      title: '请填写件数',
      message: '这里填写件数：0 或正整数。没有发生的请填 0，不要留空。',
      prompt: '填写件数（整数），没有的填 0',
    },
    signedCount: {
      title: '请填写整数',
      message: '本年增/减：填写整数，减少时填负数（如 -2），没有变化填 0。',
      prompt: '填写整数，减少的填负数',
    },
    wanyuan: {
      title: '请填写金额',
      message: '这里填写金额，单位为万元，不能为负数，最多保留 4 位小数。没有的填 0。',
      prompt: '单位：万元，最多 4 位小数，没有的填 0',
    },
    decimal: {
      title: '请填写金额',
      message: '这里填写金额，不能为负数。没有的填 0。',
      prompt: '填写金额（不能为负数），没有的填 0',
    },
    year: {
      title: '请填写年度',
      message: '报告年度是统计年度（不是发布年度），填写四位数字，如 2024。',
      prompt: '统计年度，如 2024',
    },
    kind: {
      title: '请从列表中选择',
      message: (kinds: readonly string[]): string => `机关类型只能是：${kinds.join('、')}。`,
      prompt: '选择本机关的类型',
    },
    format: {
      title: '请从列表中选择',
      message: '格式版本：2021（2021 年度及以后），或 2019（2019、2020 年度）。',
      prompt: '2021 年度起用 2021 年版格式',
    },
    regulations: {
      title: '请从列表中选择',
      message: '填“是”或“否”。国务院部门和省、设区的市、自治州人民政府有规章制定权。',
      prompt: '本机关有无规章制定权',
    },
  },
};

/** The live Excel writer and reader (src/excel): what was inserted, what was skipped, what failed. */
const excel = {
  inserted: (sheet: string): string => `已在新工作表“${sheet}”中插入官方表格。`,
  renamed: (wanted: string, sheet: string): string =>
    `工作簿中已有名为“${wanted}”的工作表，新表格插入到“${sheet}”，原有工作表未做任何改动。`,
  degradedIntro: '当前 Excel 版本不支持以下功能，已跳过，表格的数字和校验公式不受影响：',
  degraded: {
    mergesAndSizes: '合并单元格和列宽、行高（需要 ExcelApi 1.2）：表格排版会与官方格式略有不同。',
    protection: '工作表保护（需要 ExcelApi 1.2）：表格未加保护，请注意不要改动标签和公式。',
    sheetNames: '工作表级名称（需要 ExcelApi 1.4）：单元格未命名，联动文档无法按名称找到这些数字。',
    customXml: '在工作簿中保存报告信息（需要 ExcelApi 1.5）：年度、格式和机关名称只保存在表格单元格中。',
    conditionalFormats: '条件格式（需要 ExcelApi 1.6）：数据有误的单元格不会自动标色，请查看各表的校验状态单元格。',
    dataValidation: '数据验证（需要 ExcelApi 1.8）：输入非数字或负数时不会立即提示，请留意校验状态单元格。',
    gridlines: '隐藏网格线（需要 ExcelApi 1.8）：工作表仍显示网格线，打印不受影响。',
    printSetup: '页面设置（需要 ExcelApi 1.9）：打印前请自行设置 A4 纸张、方向和打印区域。',
  },
  errors: {
    API_UNSUPPORTED: (): string =>
      '此版本的 Excel 不支持年报助手所需的接口（ExcelApi 1.1）。请使用 Microsoft 365、Excel 2016 或更高版本、Excel 网页版，或用命令行“nianbao template”生成 .xlsx 文件。工作簿未做任何修改。',
    READ_FAILED: (detail: string): string => `读取工作簿中的工作表名称时出错：${detail}。工作簿未做任何修改。`,
    WRITE_FAILED: (detail: string, sheet: string): string =>
      `写入新工作表“${sheet}”时出错：${detail}。该工作表可能只写入了一部分，请删除后重试；工作簿中原有的内容没有改动。`,
    READ_API_UNSUPPORTED: (detail: string): string =>
      `此版本的 Excel 不支持读取年报表格所需的接口（${detail}）。请把工作簿另存为 .xlsx 文件，用命令行“nianbao check”检查。工作簿未做任何修改。`,
    REPORT_READ_FAILED: (detail: string): string => `读取年报表格时出错：${detail}。工作簿未做任何修改。`,
  },
};

const taskpane = {
  common: {
    title: '年报助手',
    subtitle: '政府信息公开工作年度报告',
    outsideOfficeTitle: '请在 Excel 或 Word 中打开',
    outsideOffice:
      '本页面是 Office 加载项，需要在 Excel 或 Word 中打开才能使用。在浏览器中只能预览界面，按钮不会修改任何文档。',
    unsupportedHostTitle: '不支持此应用',
    unsupportedHost: (hostName: string): string => `年报助手只能在 Excel 和 Word 中使用（当前应用：${hostName}）。`,
    errorTitle: '操作失败',
    successTitle: '完成',
    noticeTitle: '提示',
    dismiss: '关闭',
    working: '正在处理…',
  },
  excel: {
    description: '在当前工作簿中插入官方格式的统计表格（第二、三、四部分），填写时实时校验数据之间的勾稽关系。',
    formatLabel: '报告格式',
    formatOption: {
      '2021': '2021 格式（国办公开办函〔2021〕30号）',
      '2019': '2019 格式（国办公开办函〔2019〕60号）',
    } satisfies Record<FormatVersion, string>,
    formatHint: (year: number, version: FormatVersion): string => `${year} 年度的报告应使用 ${version} 格式。`,
    yearLabel: '报告年度',
    yearInvalid: (min: number, max: number): string => `请输入 ${min} 至 ${max} 之间的年份。`,
    agencyLabel: '机关名称',
    agencyPlaceholder: '例如：某某市人民政府办公室',
    kindLabel: '机关类别',
    kindHint: '人民政府及其办公厅（室）的年报还须报告考核评议、政务公开工作要点落实等事项。',
    kindOption: (kind: AgencyKind): string => `${KINDS[kind].label}${KINDS[kind].detail}`,
    insertTemplate: '插入官方表格',
    inserted: '已插入官方表格。',
  },
  word: {
    description: '在 Word 中撰写年度报告正文。',
    linkedDocumentTitle: '联动文档即将推出',
    linkedDocument:
      '后续版本将在这里生成报告正文的框架，并与 Excel 中的统计表格联动：表格中的数字更新后，正文中的对应数字随之更新。目前请先在 Excel 中填写表格。',
  },
  notInOffice: '需要在 Excel 或 Word 中打开年报助手才能执行此操作。',
};

export const zhCN = { kinds: KINDS, rules, sheet, excel, taskpane };
