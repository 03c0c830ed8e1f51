// 简体中文（产品的第一语言）：年报助手对用户说的每一句话。规则提示说明哪里不对、应为多少、实为多少、
// 怎样改，只用印制的表格标签定位单元格。
import { cellLabel, getFormat, type FormatVersion, type Unit } from '../format';
import type { Identity, TextNumberTarget } from '../rules';
import { MAX_FIGURE, type InputErrorParams } from '../report';
import { signed } from './kit';
import { count, formatBytes, over, pick, size } from './input-error-kit';
import { displayPath, displayText } from './display-text';
import type { CliLimits, CliStrings, InputErrorMessages, RuleMessages } from './types';

/**
 * The three kinds of agency (FORMAT.md profile.kind): the short label is what the sheet's list and
 * the command line show; the detail completes it where there is room (the task pane).
 */
import { KINDS } from './kinds';
import { taskpaneZhCN } from './taskpane/zh-CN';

const DOCS = {
  '2021': '2021 年版格式（国办公开办函〔2021〕30号）',
  '2019': '2019 年试行格式（国办公开办函〔2019〕60号）',
} as const;

/** What TEXT-NUMBERS compared a stated figure with, by printed labels: `表三 · 总计 · （三）不予公开各项之和`. */
function textTargets(targets: readonly TextNumberTarget[], version: FormatVersion): string {
  const rows = getFormat(version).s3.rows;
  const one = (t: TextNumberTarget): string => {
    if (t === 'review' || t === 'litigation' || t === 'litigationAfterReview')
      return `“${cellLabel(version, `s4.${t}.total`)}”`;
    if (t === 'litigationAll') return '“表四 · 行政诉讼”（未经复议直接起诉与复议后起诉）的总计之和';
    const row = rows.find((r) => r.key === t);
    if (row) return `“${cellLabel(version, `s3.${t}.total`)}”`;
    const group = rows.find((r) => r.key.startsWith(`${t}.`))?.group;
    return group ? `“表三 · 总计 · ${group.label.zh}”各项之和` : t;
  };
  return targets.length === 1 ? one(targets[0]) : `${targets.map(one).join('与')}之和`;
}

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
  'TEXT-SECTIONS': (f, k) => {
    const p = f.params;
    if ('old' in p)
      return `正文中有 2019 年以前格式的标题“${k.text(p.old)}”。现行格式的年报分为一至六共六个部分，没有“概述”“收费及减免”“咨询处理”等部分，请按六个部分重新组织。`;
    if ('order' in p)
      return `正文各部分的顺序不对：“${k.text(p.order)}”出现在“${k.text(p.after)}”之后。年报应依次包含一至六共六个部分，请调整顺序。`;
    return `正文缺少必备的部分：${p.missing}。年报应依次包含一至六共六个部分（标题可用官方格式的写法或常见的变体），请补齐。`;
  },
  'TEXT-PERIOD': (f, k) => {
    const p = f.params;
    const right = `“${p.year}年1月1日至${p.year}年12月31日”`;
    return p.problem === 'garbled'
      ? `正文中的统计期限有残缺的日期（“${k.text(p.found)}”）：年、月、日的数字或文字可能在转换 PDF 时丢失了。统计期限应为${right}，请核对原文并改正。`
      : `统计期限应为${right}，正文写的是“${k.text(p.found)}”。请改正。`;
  },
  'TEXT-CITATION': (f, k) => {
    const p = f.params;
    if (p.problem === 'pair')
      return `正文引用格式文件时，把一份文件的标题与另一份文件的文号写在了一起（“${k.text(p.found)}”）：《中华人民共和国政府信息公开工作年度报告格式》的文号是国办公开办函〔2021〕30号，《中华人民共和国政府信息公开工作年度报告格式（试行）》的文号是国办公开办函〔2019〕60号。请改正。`;
    return `${p.year !== undefined ? `${p.year} 年度` : '本'}报告引用了 2019 年的试行格式（“${k.text(p.found)}”）。2021 年度起的报告应依据《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号），请改正引用。`;
  },
  'TEXT-NUMBERS': (f, k) => {
    const p = f.params;
    const where = p.targets ? textTargets(p.targets, k.version) : k.cells(f.cells);
    const sentence = p.sentence?.trim() ? `（“${k.text(p.sentence)}”）` : '';
    return `正文中“${k.text(p.phrase)}”为 ${k.n(f.actual)} 件${sentence}，但表格中${where}为 ${k.n(f.expected)} 件${p.blanksAsZero ? '（表格中的空白按 0 计）' : ''}。请核对正文和表格，使两者一致。`;
  },
  'TEXT-FEE-STATEMENT': () =>
    '“六、其他需要报告的事项”中没有信息处理费的说明。即使没有收费，也应写明“本年度未收取信息处理费”。',
  'TEXT-GOVERNMENT-ITEMS': (f, k) => {
    const p = f.params;
    const where =
      p.section === 1
        ? '（写在“一、总体情况”的“（五）监督保障”中）'
        : p.section === 6
          ? '（写在“六、其他需要报告的事项”中）'
          : '';
    return `人民政府及其办公厅（室）的年报应包含“${k.text(p.missing)}”${where}，正文中没有找到。请补充。`;
  },
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
    REPAIR_API_UNSUPPORTED: (detail: string, sheet: string): string =>
      `此版本的 Excel 不支持修复表格所需的接口（${detail}）。请撤销对“${sheet}”的改动（Ctrl+Z），或插入新的年报表格后把数字粘贴过去。工作簿未做任何修改。`,
    REPAIR_FAILED: (detail: string, sheet: string): string =>
      `修复工作表“${sheet}”时出错：${detail}。请按 Ctrl+Z 撤销后重试。`,
  },
};

// ---- input errors: a file or its content that cannot be read as a report at all ----------------

const JSON_PROBLEMS: Readonly<Record<string, (p: InputErrorParams) => string>> = {
  empty: () => '文件是空的（或只有空白）',
  unexpectedEnd: () => '内容意外结束，文件可能被截断了',
  unexpectedChar: (p) => `此处不应出现字符“${p.char}”`,
  quote: (p) => `此处用了“${p.char}”：JSON 的文字和字段名要用英文双引号 " 括起来`,
  fullWidth: (p) => `此处用了中文全角标点“${p.char}”：JSON 要用英文半角标点（, : " 等）`,
  badNumber: () => '数字的写法不对（JSON 的数字形如 12、-3、0.5、1e6，不能以 0 开头，也不能带 + 号）',
  nameExpected: () => '此处应为用双引号括起的字段名',
  trailingComma: () => '最后一项后面多了一个逗号',
  valueExpected: () => '此处应为一个值（数字、文字、true、false、null、对象或数组）',
  colonExpected: () => '字段名后面缺少冒号 :',
  commaExpected: () => '两项之间缺少逗号 ,',
  closeBraceExpected: () => '缺少右花括号 }',
  closeBracketExpected: () => '缺少右方括号 ]',
  endExpected: () => 'JSON 已经结束，后面还有多余的内容',
  comment: () => 'JSON 中不能有注释',
  unterminatedString: () => '文字缺少结尾的双引号（或在文字中间换了行）',
  badUnicodeEscape: () => '\\u 后应为 4 位十六进制数字',
  badEscape: () => '反斜杠 \\ 后的转义字符无效（文字中的反斜杠要写成 \\\\）',
  controlInString: () => '文字中有控制字符（如制表符或换行），应写成 \\t、\\n',
};

const TYPE_NAMES: Readonly<Record<string, string>> = {
  boolean: 'true/false（布尔值）',
  array: '数组',
  object: '对象',
  number: '数字',
  string: '文字',
  null: 'null',
};

const PROFILE_PROBLEMS: Readonly<Record<string, (p: InputErrorParams) => string>> = {
  notText: () => '应为文字（用双引号括起）',
  notBoolean: () => '应为 true 或 false',
  format: () => '应为 "2021" 或 "2019"',
  kind: () => '应为 "government"（人民政府）、"office"（政府办公厅（室））或 "department"（政府部门）',
  yearTwoDigits: (p) => `“${p.text}”只有两位数字，请写完整的四位统计年度，如 2022 或“2022年”`,
  yearNotAYear: (p) => `“${p.text}”不是年份，应为四位数字的统计年度，如 2022、“2022年”或“二〇二二年”`,
};

const NOT_REGULAR: Readonly<Record<string, string>> = {
  fifo: '命名管道（FIFO）',
  characterDevice: '字符设备',
  blockDevice: '块设备',
  socket: '套接字',
  other: '特殊文件',
};

const TEXT_PROBLEMS: Readonly<Record<string, string>> = {
  binary: '文件中有 NUL 字节，是二进制文件而不是文本',
  utf16WithoutBom: '文件似乎是 UTF-16 编码但没有字节顺序标记（BOM），无法确定字节顺序',
  badAfterBom: '文件开头的字节顺序标记（BOM）表明是 UTF 编码，但其后的内容不符合该编码',
  otherEncoding: '文件不是 UTF-8，按 GB18030/GBK 读出的大多是生僻字，应是其他编码（如 Big5 繁体、Shift-JIS 日文）',
  unknownEncoding: '文件既不是 UTF-8、UTF-16（带 BOM），也不是 GB18030/GBK 编码',
  gb18030Unsupported: '文件不是 UTF-8；当前的 Node.js 缺少 GB18030/GBK 解码（需要完整 ICU 的 Node.js 版本）',
};

const ZIP_PROBLEMS: Readonly<Record<string, string>> = {
  noDirectory: '找不到 zip 目录（文件可能被截断或不是 zip 格式）',
  badDirectory: 'zip 目录已损坏',
  badEntry: '部件的记录已损坏',
  overlap: '多个部件指向同一段数据',
  sizeMismatch: '部件解压后的大小与记录不符',
  inflate: '部件的压缩数据已损坏',
  method: '部件使用了不支持的压缩方式',
  encrypted: '部件已加密',
  duplicate: '有两个同名的部件',
};

const SYSTEM_REASONS: Readonly<Record<string, string>> = {
  ELOOP: '符号链接形成了循环',
  ENAMETOOLONG: '文件名太长',
  EIO: '磁盘读写出错',
  EMFILE: '同时打开的文件太多',
  ENFILE: '同时打开的文件太多',
  EBUSY: '文件正被其他程序占用',
  ENXIO: '设备不存在',
  EAGAIN: '文件暂时无法读取',
};

const at = (p: InputErrorParams): string => (p.path ? `（位置：${p.path}）` : '');
/** Where a workbook problem is: `book.xlsx 的工作表“X”`, or the file alone. */
const where = (p: InputErrorParams): string => (p.sheet ? `${p.file} 的工作表“${p.sheet}”` : `${p.file}`);
const TABLE_NUMBER: Readonly<Record<string, string>> = { s2: '表二', s3: '表三', s4: '表四' };
const tableOf = (p: InputErrorParams): string =>
  TABLE_NUMBER[String(p.table)] ? `（${TABLE_NUMBER[String(p.table)]}）` : '';
const lineCol = (p: InputErrorParams): string => `第 ${p.line} 行第 ${p.column} 列`;
const reason = (code: string | number | undefined): string => {
  const text = SYSTEM_REASONS[String(code)];
  return text ? `${text}，${code}` : String(code);
};

const inputErrors: InputErrorMessages = {
  JSON_SYNTAX: (p) =>
    `不是有效的 JSON（${lineCol(p)}）：${(JSON_PROBLEMS[String(p.problem)] ?? JSON_PROBLEMS.unexpectedChar)(p)}。`,
  JSON_TOO_DEEP: (p) => `JSON 嵌套层数超过 ${p.limit} 层（${lineCol(p)}），不是年报数据文件。`,
  DUPLICATE_KEY: (p) =>
    `字段“${p.key}”出现了两次（${lineCol(p)}${p.path ? `，位置：${p.path}` : ''}）。请删去重复的一项，以免用错数字。`,
  NOT_AN_OBJECT: (p) =>
    p.path ? `${p.path} 应为 JSON 对象（用 { } 括起）。` : '文件内容应为一个 JSON 对象（用 { } 括起）。',
  UNKNOWN_KEY: (p) => `未知的字段“${p.key}”${at(p)}。允许的字段：${p.allowed}。请检查拼写，以免数据被忽略。`,
  UNKNOWN_CELL_KEY: (p) =>
    `未知的单元格键“${p.key}”${at(p)}：两种官方格式中都没有这个单元格。${p.suggestion ? `是否应为“${p.suggestion}”？` : ''}请改正后重试，以免该数字被忽略。`,
  BAD_VALUE: (p) => `单元格“${p.key}”的值必须是数字、null（空白）或文字，实际为${pick(TYPE_NAMES, p.type)}${at(p)}。`,
  BAD_PROFILE_FIELD: (p) =>
    `报告信息字段“${p.key}”的值无效：${(PROFILE_PROBLEMS[String(p.problem)] ?? (() => String(p.problem)))(p)}${at(p)}。`,
  UNSUPPORTED_FILE: (p) => `暂不支持读取 ${p.ext} 文件（${p.file}）。目前支持：${p.supported}。`,
  FILE_NOT_FOUND: (p) => `找不到文件：${p.file}`,
  FILE_IS_DIRECTORY: (p) => `${p.file} 是文件夹，不是文件。请指定其中的报告文件。`,
  FILE_NO_PERMISSION: (p) => `没有读取 ${p.file} 的权限。请检查文件权限，或把文件复制到自己的文件夹后重试。`,
  FILE_NOT_REGULAR: (p) => `${p.file} 是${pick(NOT_REGULAR, p.type)}，不是普通文件，未读取。`,
  FILE_TOO_LARGE: (p) =>
    `${p.file} 有 ${over(p)}，超过 ${p.ext} 文件的上限 ${size(p.limit)}，未读取。年报文件通常远小于此；请确认选对了文件。`,
  FILE_EMPTY: (p) => `${p.file} 是空文件（0 字节）。`,
  FILE_UNREADABLE: (p) => `无法读取文件 ${p.file}（系统错误：${reason(p.reason)}）。`,
  TEXT_ENCODING: (p) =>
    `无法读取 ${p.file} 的文字：${pick(TEXT_PROBLEMS, p.problem)}。请用记事本或 WPS 打开，另存为“UTF-8”编码后重试。`,
  WORKBOOK_NOT_XLSX: (p) =>
    `${p.file} 不是有效的 .xlsx 工作簿${p.detail ? `（${p.detail}）` : ''}。请在 Excel 或 WPS 中另存为“Excel 工作簿（*.xlsx）”后重试。`,
  WORKBOOK_LEGACY_OR_ENCRYPTED: (p) =>
    `${p.file} 不是 .xlsx 格式：它是旧版 .xls 工作簿，或设置了打开密码。请在 Excel 或 WPS 中取消密码并另存为“Excel 工作簿（*.xlsx）”后重试。`,
  WORKBOOK_ZIP_DAMAGED: (p) =>
    `${p.file} 已损坏，无法作为 .xlsx 读取：${pick(ZIP_PROBLEMS, p.problem)}${p.part ? `（${p.part}）` : ''}。请在 Excel 或 WPS 中打开（必要时使用“打开并修复”），另存后重试。`,
  WORKBOOK_UNPACKED_TOO_LARGE: (p) =>
    `${p.file} 解压后有 ${over(p)}，超过 .xlsx 工作簿解压后的上限 ${size(p.limit)}，未读取。请把年报工作表复制到一个新工作簿中再检查。`,
  WORKBOOK_TOO_MANY_PARTS: (p) =>
    `${p.file} 含有 ${count(p.count)} 个部件，超过上限 ${count(p.limit)}，未读取。请把年报工作表复制到一个新工作簿中再检查。`,
  WORKBOOK_ZIP_BOMB: (p) =>
    `${p.file} 中的部件 ${p.part} 压缩比为 ${p.ratio}:1，超过上限 ${p.limit}:1，疑为“压缩炸弹”，未读取。`,
  WORKBOOK_NAMES_TOO_LARGE: (p) =>
    `${p.file} 中的名称（公式 → 名称管理器）合计指向 ${count(p.cells)} 个单元格，超过可读取的上限 ${count(p.limit)} 个（最大的是名称“${p.name}”：${p.ref}），未读取。请删除或缩小这些名称（指向整列请写成 $A:$A），或把年报工作表复制到新工作簿中再检查。`,
  WORKBOOK_NO_REPORT: (p) =>
    `${p.file} 中没有年报表格（找不到 NB_S2、NB_S3、NB_S4 等名称）。请用“年报助手”插入官方表格，或用 nianbao template 生成模板后填写。`,
  WORKBOOK_TABLE_RESIZED: (p) =>
    `${p.file} 的工作表“${p.sheet}”中，${p.name} 区域为 ${p.rows} 行 × ${p.cols} 列，官方表格应为 ${p.expectedRows} 行 × ${p.expectedCols} 列：表格内部插入或删除了行、列。请恢复官方表格的结构。`,
  WORKBOOK_NEWER_LAYOUT: (p) =>
    `${p.file} 的工作表“${p.sheet}”由更新版本的年报助手生成（布局版本 ${p.layoutVersion}）。请升级年报助手后再读取。`,
  WORKBOOK_UNKNOWN_FORMAT: (p) => `无法识别 ${p.file} 中工作表“${p.sheet}”的表格格式（2019 或 2021 年版）。`,
  WORKBOOK_DAMAGED: (p) =>
    `${p.file}：这个工作簿已损坏，无法读取（文件内容不完整，或被其他程序写坏了）。请先用 Excel 或 WPS 打开它：能打开的，另存为新的“Excel 工作簿（*.xlsx）”后重试；打不开的，请改用备份，或用 nianbao template 重新生成表格后填写。`,
  WORKBOOK_NAME_SHEET_MISSING: (p) =>
    `${where(p)}中，名称 ${p.name} 指向不存在的工作表“${p.target}”（该表可能已被删除或改名），无法找到这张表格。请在“公式 → 名称管理器”中把 ${p.name} 改为指向年报表格所在的工作表，或重新插入官方表格后填入数据。`,
  WORKBOOK_NAME_BROKEN: (p) =>
    `${where(p)}中，名称 ${p.name} 的引用已失效（#REF!）：它所指的单元格已被删除，无法找到这张表格。请撤销删除，或重新插入官方表格后填入数据。`,
  WORKBOOK_TABLE_MISSING: (p) =>
    `${where(p)}中缺少名称 ${p.name}${tableOf(p)}：年报助手靠这个名称找到表格，它被删除了，这张表格无法读取。请在“公式 → 名称管理器”中恢复它，或重新插入官方表格后填入数据。`,
  WORKBOOK_NAMES_OVERLAP: (p) =>
    `${where(p)}中，名称 ${p.name} 和 ${p.other} 指向重叠的单元格（${p.cell}），无法分清两张表格。请在“公式 → 名称管理器”中改正它们，或重新插入官方表格。`,
  HTML_TOO_COMPLEX: (p) =>
    `${p.file} 的网页${p.what === 'depth' ? `嵌套了 ${count(p.count)} 层，超过上限 ${count(p.limit)} 层` : `有 ${count(p.count)} 个元素，超过上限 ${count(p.limit)} 个`}，不像年报页面，未读取。请在浏览器中打开该页面，复制年报正文粘贴为文字后重试。`,
  DOCX_NOT_DOCX: (p) =>
    `${p.file} 不是有效的 Word 文档（.docx）${p.detail ? `（${p.detail}）` : ''}。请在 Word 或 WPS 中另存为“Word 文档（*.docx）”后重试。`,
  DOCX_LEGACY_OR_ENCRYPTED: (p) =>
    `${p.file} 不是 .docx 格式：它是旧版 .doc 文档，或设置了打开密码。请在 Word 或 WPS 中取消密码并另存为“Word 文档（*.docx）”后重试。`,
  DOCX_ZIP_DAMAGED: (p) =>
    `${p.file} 已损坏，无法作为 .docx 读取：${pick(ZIP_PROBLEMS, p.problem)}${p.part ? `（${p.part}）` : ''}。请在 Word 或 WPS 中打开（必要时使用“打开并修复”），另存后重试。`,
  DOCX_UNPACKED_TOO_LARGE: (p) =>
    `${p.file}${p.part ? ` 中的部件 ${p.part}` : ''} 解压后有 ${over(p)}，超过 .docx 文档解压后的上限 ${size(p.limit)}，未读取。年报文稿通常远小于此：请删去其中的大图片或嵌入对象后重试。`,
  DOCX_DAMAGED: (p) =>
    `${p.file} 已损坏：其中的 ${p.part} 不是有效的 XML，无法读取。请在 Word 或 WPS 中打开并另存后重试。`,
};

// ---- the command line ----------------------------------------------------------------------

const file = (name: string): string => displayPath(name);
const arg = (text: string): string => displayText(text, 60);

/**
 * The texts of `nianbao docx`, beside the CliStrings of ./types: this catalogue's `cli` is typed with
 * both, and the English one with the same, so that neither can miss one.
 */
export interface CliDocxStrings {
  docxNoFile: string;
  docxInputUnreadable(file: string, reason: string): string;
  docxNotDocx(file: string): string;
  /** The output would overwrite the .docx draft that is the input. */
  docxSameAsInput(file: string): string;
  docxExists(file: string): string;
  docxUnwritable(file: string, reason: string): string;
  docxWritten(file: string, figures: number, prompts: number): string;
  docxReportErrors(file: string, errors: number): string;
}

/** The texts of `nianbao merge` (汇总), beside the others; the merge's own notes are src/merge's. */
export interface CliMergeStrings {
  mergeNoFiles: string;
  mergeNoOut: string;
  mergeNotXlsx(file: string): string;
  mergeExpectUnreadable(file: string, reason: string): string;
  mergeUnreadable(file: string, reason: string): string;
  /** A unit of the merge, as listed: its name, file, year, errors and warnings, and why it was left out. */
  mergeUnit(u: {
    readonly name: string;
    readonly file: string;
    readonly included: boolean;
    readonly errors: number;
    readonly warnings: number;
  }): string;
  mergeUnitsTitle: string;
  mergeNotesTitle: string;
  mergeResultTitle: string;
  mergeWritten(file: string, units: number, received: number): string;
  mergeNothing: string;
  /** The merged report's agency when none is given: `某某（汇总）`. */
  mergeAgency(first: string | undefined): string;
}

/** The limits of the kinds read as a report's text (the command line's help states them). */
export interface CliTextLimits {
  readonly txt: number;
  /** Absent while the command line has no reader of the kind. */
  readonly html?: number;
  readonly docx?: number;
}

/**
 * What a reader of a report's text (.txt, .html, .docx) could not read, or read with doubt: the
 * importer's problems (src/import/types.ts ImportProblem, which this mirrors: i18n does not import
 * the importer), each said to the user as a note.
 */
export type ReadProblem =
  | { readonly code: 'TABLE_NOT_FOUND'; readonly table: 's2' | 's3' | 's4' }
  | { readonly code: 'ROW_NOT_FOUND'; readonly table: 's2' | 's3' | 's4'; readonly label: string }
  | { readonly code: 'ROW_UNSURE'; readonly table: 's2' | 's3' | 's4'; readonly label: string; readonly text: string }
  | { readonly code: 'VALUE_NOT_A_NUMBER'; readonly key: string; readonly text: string }
  | { readonly code: 'TRUNCATED'; readonly table: 's2' | 's3' | 's4' }
  | { readonly code: 'PROFILE_NOT_FOUND'; readonly field: 'year' | 'agency' }
  | { readonly code: 'ROW_UNRECOGNISED'; readonly table: 's2' | 's3' | 's4'; readonly text: string }
  | { readonly code: 'PROFILE_INFERRED'; readonly field: 'year'; readonly from: 'published'; readonly text: string }
  | { readonly code: 'TAGGED_UNKNOWN'; readonly key: string };

/** The end of a run over several files. */
export interface RunSummary {
  /** Reports checked (a workbook may hold several). */
  readonly reports: number;
  readonly withErrors: number;
  /** Reports with warnings and no error. */
  readonly withWarningsOnly: number;
  /** Files (or sheets) that could not be read or checked. */
  readonly unreadable: number;
  /** Reports read from a text with something not read (see their notes). */
  readonly withNotes: number;
  readonly errors: number;
  readonly warnings: number;
}

/** The texts of `nianbao check` over reports read from their text, and over many files. */
export interface CliCheckStrings {
  /** The help: usage, options and every limit, those of the text kinds included. */
  help(limits: CliLimits & CliTextLimits): string;
  /** The group of the findings on the text itself (TEXT-*). */
  textGroupTitle: string;
  /** Above the notes on what a reader could not read. */
  notesTitle: string;
  note(problem: ReadProblem, version: FormatVersion): string;
  /** Cells of the tables not found in the text: absent, so not checked. */
  notFound(count: number, first: readonly string[], version: FormatVersion): string;
  runSummary(s: RunSummary): string;
  /** A .docx its reader could not make sense of in a way it has no message for: the file's fault. */
  docxDamaged(file: string): string;
}

const TABLE_CN: Readonly<Record<'s2' | 's3' | 's4', string>> = { s2: '表二', s3: '表三', s4: '表四' };

function usageZh(limits: CliLimits, text?: CliTextLimits): string {
  const textLimits = text
    ? [
        `；.txt ${formatBytes(text.txt)}`,
        text.html !== undefined ? `；.html/.htm ${formatBytes(text.html)}` : '',
        text.docx !== undefined ? `；.docx ${formatBytes(text.docx)}` : '',
      ].join('')
    : '';
  return `年报助手 nianbao — 政府信息公开工作年度报告的检查与模板

用法：
  nianbao check 文件… [--json] [--previous 文件] [--year 年度] [--format 2019|2021] [--kind government|office|department]
  nianbao template [-o 输出.xlsx] [--year 年度] [--format 2019|2021] [--agency 机关名称] [--kind government|office|department] [--data 文件] [--force]
  nianbao docx 文件 [-o 输出.docx] [--previous 文件] [--force]
  nianbao merge 文件… -o 输出.xlsx [--expect 单位名单.txt] [--json] [--year 年度] [--format 2019|2021] [--agency 机关名称] [--force]

选项：
  --json        输出一个 JSON 文档（供脚本使用）
  --data        template：用该报告文件（.json、.xlsx 等）的数据和机关信息填写模板
  -o            template、docx：输出文件名；docx 默认写在报告文件旁，同名、扩展名为 .docx
  --previous    check、docx：上年的报告文件，用于同比核对和“同比增加/减少”的表述
  --force       template、docx、merge：输出文件已存在时覆盖
  --expect      merge：应当报送的单位名单（每行一个单位名称），汇总时列出未收到的单位
  --lang        提示语言：zh-CN（默认）或 en-US；也可设置环境变量 NIANBAO_LANG
  -h, --help    显示本帮助

merge 汇总下级单位的报告：每个单元格为各单位之和（某单位未填的单元格在汇总中留空），写出官方表格
（含表内校验）和“汇总明细”工作表（每个单位一列）；列出缺报、重复、年度或格式不符、数字有误的单位。

docx 生成报告正文框架（Word）：各部分标题、由表格数字生成的语句和三张表格，数字与表格联动，
需要本机关撰写的地方是灰色提示文字。工作簿中有多个报告表格时，每个表格生成一个文件：输出名-表格名.docx。

check 读取的文件：.json（年报数据）、.xlsx（含年报表格的工作簿）、.txt / .html / .htm（从网页复制或从 PDF
提取的年报全文）、.docx（年报文稿）。读取全文时还检查正文：六个部分的标题、统计期限、引用的格式文件、
正文中的数字与表格是否一致等；未能读取的内容列在“读取说明”中，这些单元格不参与检查。

文件上限：.json ${formatBytes(limits.json)}；.xlsx ${formatBytes(limits.xlsx)}（解压后 ${formatBytes(limits.xlsxUnpacked)}）${textLimits}。
文字编码：UTF-8（可带 BOM）、UTF-16（带 BOM）、GB18030/GBK。
退出码：0 没有错误；1 有错误类问题；2 用法错误或文件无法读取。
`;
}

const cli: CliStrings & CliDocxStrings & CliCheckStrings & CliMergeStrings = {
  mergeNoFiles: '请指定要汇总的下级单位报告文件，例如：nianbao merge 单位1.xlsx 单位2.xlsx -o 汇总.xlsx。',
  mergeNoOut: '请用 -o 指定汇总结果的文件名（.xlsx），例如：-o 汇总.xlsx。',
  mergeNotXlsx: (f) => `汇总结果只能写成 .xlsx 工作簿：${file(f)}。`,
  mergeExpectUnreadable: (f, reason) => `无法读取 --expect 指定的单位名单 ${file(f)}：${reason}`,
  mergeUnreadable: (f, reason) => `${file(f)} 未计入汇总：${reason}`,
  mergeUnit: (u) =>
    `${u.included ? '✔' : '✖'} ${displayText(u.name, 60)}（${file(u.file)}）${
      u.errors + u.warnings > 0 ? `：${u.errors} 个错误、${u.warnings} 个警告` : ''
    }${u.included ? '' : '，未计入'}`,
  mergeUnitsTitle: '下级单位',
  mergeNotesTitle: '汇总说明',
  mergeResultTitle: '汇总结果的检查',
  mergeWritten: (f, units, received) => `已汇总 ${units} 个单位（共收到 ${received} 份报告），写入 ${file(f)}。`,
  mergeNothing: '没有可以汇总的单位报告，未写出文件。',
  mergeAgency: (first) => (first ? `${first}（汇总）` : '汇总'),
  usage: (limits) => usageZh(limits),
  help: (limits) => usageZh(limits, limits),
  textGroupTitle: '正文',
  notesTitle: '读取说明',
  note: (p, version) => {
    switch (p.code) {
      case 'TABLE_NOT_FOUND':
        return `正文中没有找到${TABLE_CN[p.table]}，该表的单元格未检查。`;
      case 'ROW_NOT_FOUND':
        return `${TABLE_CN[p.table]}中没有找到“${displayText(p.label, 60)}”一行，该行的单元格未检查。`;
      case 'ROW_UNSURE':
        return `${TABLE_CN[p.table]}“${displayText(p.label, 60)}”一行的数字（“${displayText(p.text, 60)}”）无法确定各属哪一格，未读取。请核对原文。`;
      case 'VALUE_NOT_A_NUMBER':
        return `${cellLabel(version, p.key, 'zh-CN')}的“${displayText(p.text, 60)}”不是数字。`;
      case 'TRUNCATED':
        return `正文在${TABLE_CN[p.table]}中间结束，其后的内容没有找到（文件可能不完整）。`;
      case 'PROFILE_NOT_FOUND':
        return p.field === 'year'
          ? '无法从标题和统计期限中读出报告年度。请用 --year 指定年度。'
          : '无法从标题中读出机关名称。';
      case 'ROW_UNRECOGNISED':
        return `${TABLE_CN[p.table]}中有一行无法识别（“${displayText(p.text, 60)}”），未读取。请核对原文。`;
      case 'PROFILE_INFERRED':
        return `标题和统计期限中没有写明报告年度，已按落款日期“${displayText(p.text, 40)}”推定。如不正确，请用 --year 指定。`;
      case 'TAGGED_UNKNOWN':
        return `文稿中标记为“nianbao:${displayText(p.key, 60)}”的数字不对应任何单元格，已忽略。`;
      default:
        return `读取正文时有无法确定的内容（${displayText(String((p as { code?: unknown }).code), 40)}），相关单元格未检查。`;
    }
  },
  notFound: (count, first, version) =>
    `共有 ${count} 个单元格未在正文中找到（如 ${first.map((k) => cellLabel(version, k, 'zh-CN')).join('；')}），未检查。`,
  runSummary: (s) =>
    [
      `共检查 ${s.reports} 份报告：${s.withErrors} 份有错误，${s.withWarningsOnly} 份只有警告`,
      s.unreadable > 0 ? `，${s.unreadable} 个文件无法读取` : '',
      `；合计 ${s.errors} 个错误、${s.warnings} 个警告。`,
      s.withNotes > 0 ? `${s.withNotes} 份报告有未能读取的内容，见其“读取说明”。` : '',
    ].join(''),
  docxDamaged: (f) =>
    `${file(f)} 不是有效的 .docx 文档（文件已损坏，或不是 Word 文档）。请在 Word 或 WPS 中打开，另存为“Word 文档（*.docx）”后重试。`,
  profileLine: (p) =>
    [
      p.agency !== undefined ? displayText(p.agency, 60) : '（未填机关名称）',
      p.year ? `${p.year} 年度` : '（未填年度）',
      p.format ? `${p.format} 年版格式` : '',
      p.kind ? KINDS[p.kind].label : '',
    ]
      .filter(Boolean)
      .join(' · '),
  noFindings: '未发现问题。',
  groupTitle: (g) =>
    ({
      report: '报告',
      s2: '表二 · 主动公开政府信息情况',
      s3: '表三 · 收到和处理政府信息公开申请情况',
      s4: '表四 · 政府信息公开行政复议、行政诉讼情况',
    })[g],
  severityMark: (s) => ({ error: '✖ 错误', warning: '⚠ 警告', info: 'ℹ 提示' })[s],
  summary: (s) => `共 ${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 个提示。`,
  manyBlanks: (_table, count, first, version) =>
    `有 ${count} 个单元格未填写（如 ${first.map((k) => cellLabel(version, k, 'zh-CN')).join('；')}）。官方格式要求每格都填数字，没有发生的请填 0。`,
  previousUnreadable: (f, reason) => `无法读取上年报告 ${file(f)}：${reason}`,
  previousSeveral: (f, n) => `上年报告 ${file(f)} 中有 ${n} 个报告表格，无法确定用哪一个。请只保留上年的一个报告表格。`,
  previousYear: (f, previousYear, year) =>
    `--previous 指定的 ${file(f)} 是 ${previousYear} 年度的报告，而本报告是 ${year} 年度：上年报告应为 ${year - 1} 年度。请指定正确的上年报告。`,
  previousWithEmbedded: (f) =>
    `${file(f)} 已含有上年数据（previous），不能再用 --previous 指定另一份上年报告。请去掉 --previous，或删去文件中的 previous。`,
  unknownCommand: (name) => `未知的命令“${arg(name)}”。可用命令：check、template、docx。`,
  unknownOption: (option, command) => `${command} 命令没有选项 ${arg(option)}。`,
  missingValue: (option) => `选项 ${option} 后面缺少值。`,
  noValueExpected: (option) => `选项 ${option} 不带值。`,
  repeatedOption: (option) => `选项 ${option} 只能指定一次。`,
  unexpectedArgument: (command, argument) => `${command} 命令不接受参数“${arg(argument)}”。`,
  badYear: (value, problem) =>
    problem === 'twoDigits'
      ? `--year ${arg(value)} 只有两位数字，请写完整的四位统计年度，如 --year 2024。`
      : `--year ${arg(value)} 不是年份，应为四位数字的统计年度，如 --year 2024。`,
  badChoice: (option, value, choices) => `${option} ${arg(value)} 无效，应为 ${choices.join('、')} 之一。`,
  withHelp: (message) => `${message}运行 nianbao --help 查看用法。`,
  internalError: 'nianbao 内部错误：程序出现了意外问题（不是您的文件或参数有误），未能完成。',
  internalErrorHint: '设置环境变量 NIANBAO_DEBUG=1 后重新运行可看到详细信息，请将其反馈给开发者。',
  writeReason: (code) =>
    ({
      EACCES: '没有写入权限',
      EPERM: '没有写入权限',
      ENOENT: '所在的文件夹不存在',
      ENOTDIR: '所在的文件夹不存在',
      EISDIR: '这是一个文件夹',
      ENOSPC: '磁盘空间不足',
      EROFS: '磁盘是只读的',
      ENAMETOOLONG: '文件名太长',
      EBUSY: '文件正被其他程序占用',
    })[code] ?? `系统错误 ${code}`,
  noFiles: '请指定要检查的文件，例如：nianbao check 年报.json。',
  notYet: (command) => `“${command}”命令尚未提供，将在后续版本中加入。`,
  templateWritten: (f, versions, sheets, filled) =>
    `已写入 ${file(f)}（${versions.map((v) => `${v} 年版格式`).join('、')}，${sheets} 个表格工作表${filled ? '，已填入数据' : ''}）。各表右侧的“本表校验”会自动核对勾稽关系（不会打印）。`,
  templateExists: (f) =>
    `文件已存在：${file(f)}。为免覆盖已填写的内容，未写入。如确需覆盖，请加 --force，或用 -o 指定其他文件名。`,
  templateNotXlsx: (f) => `输出文件名应以 .xlsx 结尾：${file(f)}`,
  templateUnwritable: (f, reason) => `无法写入 ${file(f)}：${reason}`,
  templateDataUnreadable: (f, reason) => `无法读取数据文件 ${file(f)}：${reason}`,
  templateDropped: (count, first) =>
    `注意：有 ${count} 个数值属于另一版本的表格（如 ${first.join('、')}），本模板中没有对应单元格，未写入。请检查年度和 --format 是否正确。`,
  templateFormatForbidden: (year, format, required) =>
    `${year} 年度的报告应使用 ${required} 年版格式，而指定的是 ${format} 年版，未写入。请去掉 --format 或改为 --format ${required}；如确需 ${format} 年版的表格，请加 --force。`,
  docxNoFile: '请指定报告文件，例如：nianbao docx 年报.json。',
  docxInputUnreadable: (f, reason) => `无法读取报告文件 ${file(f)}：${reason}`,
  docxSameAsInput: (f) =>
    `输出文件就是输入的文稿 ${file(f)}，未写入（以免覆盖已撰写的正文）。请用 -o 指定其他文件名，如 -o 年报-框架.docx。`,
  docxNotDocx: (f) => `输出文件名应以 .docx 结尾：${file(f)}`,
  docxExists: (f) =>
    `文件已存在：${file(f)}。为免覆盖已撰写的正文，未写入。如确需覆盖，请加 --force，或用 -o 指定其他文件名。`,
  docxUnwritable: (f, reason) => `无法写入 ${file(f)}：${reason}`,
  docxWritten: (f, figures, prompts) =>
    `已写入 ${file(f)}：${figures} 个与表格联动的数字，${prompts} 处待本机关填写的提示（灰色文字，点击后直接输入即可替换）。`,
  docxReportErrors: (f, errors) =>
    `注意：${file(f)} 的表格有 ${errors} 个错误类问题，文档中的数字按表格原样写入。请运行 nianbao check 查看，改正后重新生成。`,
};

export const zhCN = { kinds: KINDS, rules, sheet, excel, inputErrors, cli, taskpane: taskpaneZhCN };
