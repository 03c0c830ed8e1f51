// The task pane's strings in zh-CN, apart from the other catalogues: the pane's first screen loads these
// and nothing else of src/i18n.
import type { FormatVersion } from '../../format/types';
import type { Severity } from '../../rules/types';
import type { AgencyKind } from '../../report/report';
import { KINDS } from '../kinds';

export const taskpaneZhCN = {
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
    loading: '正在加载…',
    loadFailed: '年报助手的部分程序未能加载（可能是网络中断）。请检查网络后关闭并重新打开任务窗格。',
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
    description: '在 Word 中撰写年度报告正文。',
    linkedDocumentTitle: '联动文档即将推出',
    linkedDocument:
      '后续版本将在这里生成报告正文的框架，并与 Excel 中的统计表格联动：表格中的数字更新后，正文中的对应数字随之更新。目前请先在 Excel 中填写表格。',
  },
  notInOffice: '需要在 Excel 或 Word 中打开年报助手才能执行此操作。',
};
