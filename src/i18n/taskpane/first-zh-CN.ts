// The task pane's first-screen strings in zh-CN (header, banners, the insert form, the Word view's
// buttons): all the pane loads before its first render. The rest are in ./zh-CN.ts.
import type { FormatVersion } from '../../format/types';
import type { AgencyKind } from '../../report/report';
import { KINDS } from '../kinds';

export const firstZhCN = {
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
  word: {
    description:
      '在 Word 中撰写年度报告正文：按 Excel 中填好的年报表格生成正文框架，文中每个数字都与表格联动；表格改动后刷新数据，只更新数字，不动已撰写的文字。',
    generate: '从工作簿生成',
    generateHint: '选择填好年报表格的工作簿（.xlsx，或 nianbao 的 .json），在文档末尾插入六个部分的框架。',
    refresh: '刷新数据',
    refreshHint: '再次选择工作簿，把文档中的联动数字更新为表格中的数字。',
    pickFile: '选择工作簿',
    reading: '正在读取…',
  },
  notInOffice: '需要在 Excel 或 Word 中打开年报助手才能执行此操作。',
};
