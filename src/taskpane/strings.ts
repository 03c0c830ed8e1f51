// Every user-visible string of the task pane, in zh-CN (the source of truth) and en-US, and the choice
// of locale from Office's display language. en-US is typed as zh-CN's shape: a missing or extra key fails to compile.
import type { FormatVersion, Locale } from '../format';
import type { AgencyKind } from '../report';

const zhCN = {
  common: {
    title: '年报助手',
    subtitle: '政府信息公开工作年度报告',
    outsideOfficeTitle: '请在 Excel 或 Word 中打开',
    outsideOffice:
      '本页面是 Office 加载项，需要在 Excel 或 Word 中打开才能使用。在浏览器中只能预览界面，按钮不会修改任何文档。',
    unsupportedHostTitle: '不支持此应用',
    unsupportedHost: (hostName: string) => `年报助手只能在 Excel 和 Word 中使用（当前应用：${hostName}）。`,
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
    formatHint: (year: number, version: FormatVersion) => `${year} 年度的报告应使用 ${version} 格式。`,
    yearLabel: '报告年度',
    yearInvalid: (min: number, max: number) => `请输入 ${min} 至 ${max} 之间的年份。`,
    agencyLabel: '机关名称',
    agencyPlaceholder: '例如：某某市人民政府办公室',
    kindLabel: '机关类别',
    kindHint: '人民政府及其办公厅（室）的年报还须报告考核评议、政务公开工作要点落实等事项。',
    kindOption: {
      government: '人民政府（含乡镇、街道）',
      office: '政府办公厅（室）',
      department: '政府部门及其他机关',
    } satisfies Record<AgencyKind, string>,
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

/** The strings of one locale. */
export type TaskpaneStrings = typeof zhCN;

const enUS: TaskpaneStrings = {
  common: {
    title: 'Annual Report Assistant',
    subtitle: 'Annual report on government information disclosure',
    outsideOfficeTitle: 'Open this inside Excel or Word',
    outsideOffice:
      'This page is an Office add-in and works only inside Excel or Word. In a browser you can preview the interface; the buttons change no document.',
    unsupportedHostTitle: 'This application is not supported',
    unsupportedHost: (hostName: string) =>
      `The Annual Report Assistant works only in Excel and Word (current application: ${hostName}).`,
    errorTitle: 'Something went wrong',
    successTitle: 'Done',
    noticeTitle: 'Note',
    dismiss: 'Dismiss',
    working: 'Working…',
  },
  excel: {
    description:
      'Insert the official tables (parts 2, 3 and 4) into this workbook and check the figures against each other as you type.',
    formatLabel: 'Report format',
    formatOption: {
      '2021': '2021 format (General Office letter [2021] No. 30)',
      '2019': '2019 format (General Office letter [2019] No. 60)',
    },
    formatHint: (year: number, version: FormatVersion) => `Reports for ${year} use the ${version} format.`,
    yearLabel: 'Report year',
    yearInvalid: (min: number, max: number) => `Enter a year from ${min} to ${max}.`,
    agencyLabel: 'Agency name',
    agencyPlaceholder: 'e.g. General Office of the City People’s Government',
    kindLabel: 'Kind of agency',
    kindHint:
      'Governments and their general offices also report on assessments, the annual work priorities and other items.',
    kindOption: {
      government: 'People’s government (incl. townships and sub-districts)',
      office: 'General office of a government',
      department: 'Government department or other body',
    },
    insertTemplate: 'Insert official tables',
    inserted: 'The official tables have been inserted.',
  },
  word: {
    description: 'Write the text of the annual report in Word.',
    linkedDocumentTitle: 'Linked document coming soon',
    linkedDocument:
      'A later version will create the outline of the report here and link it to the tables in Excel: when a figure changes in the table, the matching figure in the text follows. For now, fill in the tables in Excel.',
  },
  notInOffice: 'Open the Annual Report Assistant inside Excel or Word to do this.',
};

const STRINGS: Readonly<Record<Locale, TaskpaneStrings>> = { 'zh-CN': zhCN, 'en-US': enUS };

/** Office's display language (e.g. `en-GB`, `zh-CN`) to our locale: any English is en-US, everything else zh-CN. */
export function pickLocale(displayLanguage: string | null | undefined): Locale {
  return displayLanguage && /^en(?:-|_|$)/i.test(displayLanguage) ? 'en-US' : 'zh-CN';
}

export function getStrings(locale: Locale): TaskpaneStrings {
  return STRINGS[locale];
}
