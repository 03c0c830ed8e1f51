// Every user-visible string of the live Excel writer, in zh-CN (the source of truth) and en-US. en-US is
// typed as zh-CN's shape: a missing or extra key fails to compile.
import type { Locale } from '../format';
import type { DegradedFeature } from './api-support';
import type { ExcelInsertErrorCode } from './errors';

const zhCN = {
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
  } satisfies Record<DegradedFeature, string>,
  errors: {
    API_UNSUPPORTED: (): string =>
      '此版本的 Excel 不支持年报助手所需的接口（ExcelApi 1.1）。请使用 Microsoft 365、Excel 2016 或更高版本、Excel 网页版，或用命令行“nianbao template”生成 .xlsx 文件。工作簿未做任何修改。',
    READ_FAILED: (detail: string): string => `读取工作簿中的工作表名称时出错：${detail}。工作簿未做任何修改。`,
    WRITE_FAILED: (detail: string, sheet: string): string =>
      `写入新工作表“${sheet}”时出错：${detail}。该工作表可能只写入了一部分，请删除后重试；工作簿中原有的内容没有改动。`,
    READ_API_UNSUPPORTED: (detail: string): string =>
      `此版本的 Excel 不支持读取年报表格所需的接口（${detail}）。请把工作簿另存为 .xlsx 文件，用命令行“nianbao check”检查。工作簿未做任何修改。`,
    REPORT_READ_FAILED: (detail: string): string => `读取年报表格时出错：${detail}。工作簿未做任何修改。`,
  } satisfies Record<ExcelInsertErrorCode, (detail: string, sheet: string) => string>,
};

/** The strings of one locale. */
export type ExcelStrings = typeof zhCN;

const enUS: ExcelStrings = {
  inserted: (sheet: string): string => `The official tables were inserted into the new worksheet "${sheet}".`,
  renamed: (wanted: string, sheet: string): string =>
    `The workbook already has a worksheet named "${wanted}", so the tables were inserted into "${sheet}"; the existing worksheet was not changed.`,
  degradedIntro:
    'This version of Excel does not support the following, so it was skipped; the figures and check formulas of the tables are not affected:',
  degraded: {
    mergesAndSizes:
      'Merged cells, column widths and row heights (needs ExcelApi 1.2): the layout differs slightly from the official format.',
    protection:
      'Sheet protection (needs ExcelApi 1.2): the tables are not protected, so take care not to change labels or formulas.',
    sheetNames:
      'Sheet-level names (needs ExcelApi 1.4): the cells are not named, so a linked document cannot find the figures by name.',
    customXml:
      'Saving the report details in the workbook (needs ExcelApi 1.5): year, format and agency are kept only in the table cells.',
    conditionalFormats:
      'Conditional formatting (needs ExcelApi 1.6): wrong figures are not highlighted; watch the status cell of each table.',
    dataValidation:
      'Data validation (needs ExcelApi 1.8): typing text or a negative number is not refused at once; watch the status cells.',
    gridlines: 'Hiding the gridlines (needs ExcelApi 1.8): the sheet still shows them; printing is not affected.',
    printSetup: 'Page setup (needs ExcelApi 1.9): set A4 paper, orientation and print area yourself before printing.',
  },
  errors: {
    API_UNSUPPORTED: (): string =>
      'This version of Excel lacks the interface the Annual Report Assistant needs (ExcelApi 1.1). Use Microsoft 365, Excel 2016 or later, or Excel on the web, or create an .xlsx file with the command "nianbao template". The workbook was not changed.',
    READ_FAILED: (detail: string): string =>
      `Could not read the worksheet names of the workbook: ${detail}. The workbook was not changed.`,
    WRITE_FAILED: (detail: string, sheet: string): string =>
      `Writing the new worksheet "${sheet}" failed: ${detail}. The worksheet may be incomplete; delete it and try again. Existing content of the workbook was not changed.`,
    READ_API_UNSUPPORTED: (detail: string): string =>
      `This version of Excel lacks the interface needed to read the report tables (${detail}). Save the workbook as an .xlsx file and check it with the command "nianbao check". The workbook was not changed.`,
    REPORT_READ_FAILED: (detail: string): string =>
      `Could not read the report tables: ${detail}. The workbook was not changed.`,
  },
};

export const EXCEL_STRINGS: Readonly<Record<Locale, ExcelStrings>> = { 'zh-CN': zhCN, 'en-US': enUS };

export function getExcelStrings(locale: Locale): ExcelStrings {
  return EXCEL_STRINGS[locale];
}
