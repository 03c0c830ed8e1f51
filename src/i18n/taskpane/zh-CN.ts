// The task pane's strings in zh-CN, apart from the other catalogues: the first screen's (./first-zh-CN.ts)
// and those only the lazy parts of the pane need.
import type { Severity } from '../../rules/types';
import { firstZhCN } from './first-zh-CN';
export const taskpaneZhCN = {
  ...firstZhCN,
  guidance: {
    title: (label: string): string => `当前单元格：${label}`,
    article: (article: string): string => `依据：《政府信息公开条例》${article}`,
    rules: '统计口径',
    findingsHere: (n: number): string => `本单元格涉及 ${n} 个问题：`,
    noFindingsHere: '本单元格未发现问题。',
  },
  live: {
    blanks: (n: number): string => `其中 ${n} 个单元格尚未填写（没有发生的请填 0）。`,
    dismissalsUnreadable: (sheet: string): string =>
      `工作簿中保存的“${sheet}”已忽略记录无法读取（可能被其他程序改动）。为免丢失，未作修改；本次忽略未保存。`,
    sheet: (name: string): string => `正在校验工作表“${name}”`,
    manualTitle: '此版本的 Excel 不能随输入自动校验',
    manual:
      '该 Excel 不支持更改事件（需要 ExcelApi 1.7）。填写后请点“重新校验”；表格右侧的“本表校验”仍会自动核对勾稽关系。',
    damagedTitle: '表格结构已被改动',
    damaged:
      '表格中插入或删除了行、列，或删除了标签行，官方格式已被破坏，暂停校验本表。请撤销该操作（Ctrl+Z），或点“修复表格”：按官方格式重建标签、名称和校验公式，已填的数字按行标签放回原处。',
    damagedRows: (labels: string): string => `找不到这些行：${labels}。`,
    repair: '修复表格',
    repairing: '正在修复…',
    repaired: (sheet: string, kept: number): string => `已按官方格式重建工作表“${sheet}”，放回 ${kept} 个已填的值。`,
    repairedLost: (cells: string): string => `被删除的行中的数字无法找回，这些单元格现为空白，请重新填写：${cells}。`,
    unrecognized: (sheet: string): string =>
      `工作表“${sheet}”中能认出的官方表格标签太少，无法按行标签放回数字，未作修改。请撤销改动（Ctrl+Z），或插入新的年报表格后把数字粘贴过去。`,
    ready: '可以发布',
    readyDetail: '各表的勾稽关系和填写规则均已核对，未发现问题。',
    problems: (errors: number, warnings: number): string =>
      [errors > 0 ? `${errors} 个错误` : '', warnings > 0 ? `${warnings} 个警告` : ''].filter(Boolean).join('、'),
    infos: (n: number): string => `另有 ${n} 条提示`,
    groupCounts: (errors: number, warnings: number, infos: number): string =>
      [errors > 0 ? `${errors} 错误` : '', warnings > 0 ? `${warnings} 警告` : '', infos > 0 ? `${infos} 提示` : '']
        .filter(Boolean)
        .join(' · '),
    severity: { error: '错误', warning: '警告', info: '提示' } satisfies Record<Severity, string>,
    locate: '定位',
    locateHint: '在表格中选中相关单元格',
    fix: (value: string): string => `修正为 ${value}`,
    fixHint: '把合计改为各分项之和（只改这一格）',
    dismiss: '忽略',
    dismissPrompt: '请说明忽略此警告的理由（将保存在工作簿中，相关数字变动后此警告会重新出现）：',
    dismissConfirm: '确认忽略',
    dismissCancel: '取消',
    reasonRequired: '请填写理由。',
    dismissedTitle: (n: number): string => `已忽略（${n}）`,
    dismissedReason: (reason: string): string => `理由：${reason}`,
    restore: '恢复',
    recheck: '重新校验',
  },
  merge: {
    title: '汇总下级单位',
    intro:
      '选择各下级单位报送的报告（工作簿、JSON、文本、网页或 Word 文稿，可一次多选），汇总为一份报告：每个单元格为各单位之和，某单位未填的单元格在汇总中留空。插入前会列出未计入和有错误的单位。',
    agencyLabel: '汇总报告的机关名称',
    agencyPlaceholder: '例如：某某县人民政府',
    pick: '选择下级单位的报告…',
    reading: '正在读取并汇总…',
    previewTitle: (included: number, received: number, year?: number): string =>
      `可汇总 ${included} 个单位${year ? `的 ${year} 年度报告` : ''}（共读到 ${received} 份报告）`,
    nothing: '没有可以汇总的单位报告。',
    unitsList: '各单位',
    notesList: '汇总说明',
    unit: (u: { name: string; file: string; included: boolean; errors: number; warnings: number }): string =>
      `${u.included ? '✔' : '✖'} ${u.name}（${u.file}）${u.errors + u.warnings > 0 ? `：${u.errors} 个错误、${u.warnings} 个警告` : ''}${u.included ? '' : '，未计入'}`,
    unreadable: (file: string, message: string): string => `✖ ${file} 无法读取，未计入：${message}`,
    andMore: (n: number): string => `……另有 ${n} 个单位`,
    mergedErrors: (n: number): string =>
      `汇总结果有 ${n} 个错误（多由上面列出的单位的错误而来），插入后可在表格中逐项核对。`,
    insert: '插入汇总表格',
    cancel: '取消',
    inserted: (sheet: string, detail: string): string =>
      `已插入汇总表格“${sheet}”和明细表“${detail}”（每个单位一列），并开始校验。`,
  },
  previous: {
    title: '上年报告',
    none: (year?: number): string =>
      `尚无上年度报告的数字。导入${year ? ` ${year - 1} 年度` : '上年度'}报告后，跨年度核对（上年结转与上年“结转下年度继续办理”一致等）和正文的同比表述都会用到它。`,
    currentImported: (source: string, year?: number): string =>
      `跨年度核对使用导入的上年度报告：${source}${year ? `（${year} 年度）` : ''}。`,
    currentSheet: (sheet: string): string => `跨年度核对使用本工作簿中的上年度工作表“${sheet}”。`,
    pick: '导入上年报告',
    paste: '粘贴报告文本',
    pasteLabel: '把上年度报告的全文（网页或 PDF 中复制的文字）粘贴到这里：',
    read: '读取',
    reading: '正在读取…',
    remove: '移除导入的上年报告',
    previewTitle: (source: string): string => `从“${source}”读到的内容`,
    previewProfile: (agency?: string, year?: number): string =>
      `机关：${agency ?? '（未读到）'}；年度：${year ?? '（未读到）'}`,
    yearMismatch: (year?: number): string =>
      year
        ? `注意：这不是 ${year - 1} 年度的报告，请确认是否选错了文件。`
        : '注意：未读到报告年度，请确认是否选错了文件。',
    tableName: { s2: '表二（主动公开）', s3: '表三（依申请公开）', s4: '表四（复议诉讼）' } as Record<
      's2' | 's3' | 's4',
      string
    >,
    tableRead: (table: string, read: number, total: number): string => `${table}：读到 ${read} / ${total} 个单元格`,
    notFound: (n: number): string => `${n} 个单元格未读到（不作猜测，核对时视为缺失）：`,
    tableMissing: (n: number): string => `，${n} 个未读到`,
    readList: (table: string): string => `${table}读到的数字`,
    blank: '（空白）',
    readCell: (label: string, value: string): string => `${label}：${value}`,
    andMore: (n: number): string => `……另有 ${n} 个`,
    confirm: '确认导入',
    cancel: '取消',
    stored: (source: string): string => `已把“${source}”的数字保存到本工作簿，跨年度核对已使用这些数字。`,
    pasted: '粘贴的文本',
    problems: {
      TABLE_NOT_FOUND: (table: string): string => `未找到${table}。`,
      ROW_NOT_FOUND: (table: string, label: string): string => `${table}中未找到“${label}”一行。`,
      ROW_UNSURE: (table: string, label: string): string =>
        `${table}“${label}”一行的数字无法确定各自属于哪一列，未读入（不作猜测）。`,
      VALUE_NOT_A_NUMBER: (cell: string, text: string): string => `${cell}：“${text}”不是数字，未读入。`,
      TRUNCATED: (table: string): string => `文本在${table}中途结束，其后的内容未读到。`,
      PROFILE_NOT_FOUND: (field: 'year' | 'agency'): string =>
        field === 'year' ? '未能从标题或统计期间读出报告年度。' : '未能从标题读出机关名称。',
      ROW_UNRECOGNISED: (table: string, text: string): string =>
        `${table}中有一行数字，但其名称不是官方表格中的任何一行（“${text}”），这些数字未读入。`,
      PROFILE_INFERRED: (text: string): string =>
        `标题和统计期间中没有年度，按落款日期（“${text}”）推定了报告年度，请核对。`,
      TAGGED_UNKNOWN: (key: string): string => `一个联动数字指向的单元格不存在（“${key}”），已忽略。`,
    },
  },
  document: {
    title: '联动文档',
    description:
      '按本表的数字生成年度报告正文的框架（.docx）：六个部分的标题和必备事项、随数字变化的句子、待本机关填写的提示。文中每个数字都与表格联动，表格改动后可在 Word 中用年报助手“刷新数据”。',
    generate: '生成 Word 文稿',
    generated: (file: string, figures: number, prompts: number): string =>
      `已生成“${file}”：${figures} 个与表格联动的数字，${prompts} 处待填写的提示（灰色文字，点击后直接输入即可替换）。请在浏览器或系统的“下载”中查看。`,
    withErrors: (errors: number): string =>
      `注意：表格还有 ${errors} 个错误，文稿中的数字按表格原样写入；改正后可在 Word 中刷新数据。`,
    noDownload:
      '此版本的 Excel（Mac 或移动设备上的桌面版）不允许加载项下载文件。请在命令行运行“nianbao docx 工作簿.xlsx”，或在 Word 中打开年报助手，用“从工作簿生成”。',
  },

  word: {
    ...firstZhCN.word,
    source: (source: string, previous: boolean): string =>
      `数据来源：${source}${previous ? '（含上年度表格，用于同比表述）' : ''}`,
    confirmErrorsTitle: '表格中还有错误',
    confirmErrors: (errors: number): string =>
      `表格有 ${errors} 个错误，文稿中的数字将按表格原样写入，发布前请改正后刷新数据。仍要生成吗？`,
    generateAnyway: '仍然生成',
    cancel: '取消',
    alreadyLinkedTitle: '文档中已有联动数字',
    alreadyLinked: (n: number): string =>
      `本文档已有 ${n} 个与表格联动的数字。更新数字请用“刷新数据”；如确需再插入一份框架，请点“再插入一份”。`,
    insertAgain: '再插入一份',
    generated: (figures: number, prompts: number, tables: number): string =>
      `已在文档末尾插入正文框架：${figures} 个联动数字、${tables} 张表格、${prompts} 处待填写的提示（灰色文字，点击后直接输入即可替换）。`,
    degradedIntro: '此版本的 Word 不支持以下功能，已改用替代做法：',
    degraded: {
      builtInStyles: '内置标题样式（需要 WordApi 1.3）：标题改用黑体、楷体直接设置，导航窗格中不显示。',
      tables: '表格（需要 WordApi 1.3）：每行以制表符分隔，可用“文本转换成表格”还原。',
      mergedCells: '合并单元格（需要 WordApi 1.4）：合并的标签只写在左上角的单元格中，可手动合并。',
      customXml: '在文档中保存生成记录（需要 WordApi 1.4）：改存在加载项的文档设置中。',
    } as Record<string, string>,
    refreshedTitle: '已刷新数据',
    refreshed: (updated: number, places: number, unchanged: number): string =>
      `更新了 ${updated} 个数字${places > updated ? `（共 ${places} 处）` : ''}，${unchanged} 处未变。`,
    updatedItem: (label: string, from: string, to: string): string => `${label}：${from} → ${to}`,
    handEditedTitle: (n: number): string => `${n} 个数字被手工改过，未覆盖`,
    handEditedItem: (label: string, text: string, now: string): string =>
      `${label}：文档中为“${text}”，表格中为“${now}”`,
    overwrite: '用表格中的数字覆盖',
    overwrittenItem: (label: string, text: string, now: string): string => `${label}：“${text}”已改为“${now}”`,
    lockedTitle: (n: number): string => `${n} 个数字被设为不可编辑，未更新`,
    orphanedTitle: (n: number): string => `${n} 个联动数字在表格中已没有对应项（保留原样）`,
    missingTitle: (n: number): string => `${n} 个数字不在文档中（可能被删除）`,
    noRecord: '文档中没有找到生成记录，与表格不同的数字都按“手工改过”处理，只有确认后才覆盖。',
    notLinked: '文档中没有与表格联动的数字。请先用“从工作簿生成”。',
    apiUnsupported:
      '此版本的 Word 不支持年报助手所需的接口（WordApi 1.1）。请使用 Microsoft 365、Word 2016 或更高版本、Word 网页版，或在命令行运行“nianbao docx 工作簿.xlsx”生成文稿。',
    batchFailed: (detail: string): string =>
      `Word 拒绝了写入：${detail}。已写入的部分保留在文档中；可按 Ctrl+Z 撤销后重试。`,
  },
};
