// Input that cannot be read as a report at all (as opposed to a report with faults, which are
// findings). One error class; the code says which condition, the message is in the user's language.
import type { Locale } from '../format';

export type InputErrorCode =
  | 'JSON_SYNTAX'
  | 'NOT_AN_OBJECT'
  | 'UNKNOWN_KEY'
  | 'UNKNOWN_CELL_KEY'
  | 'BAD_VALUE'
  | 'BAD_PROFILE_FIELD'
  | 'UNSUPPORTED_FILE'
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'WORKBOOK_NOT_XLSX'
  | 'WORKBOOK_NO_REPORT'
  | 'WORKBOOK_TABLE_RESIZED'
  | 'WORKBOOK_NEWER_LAYOUT'
  | 'WORKBOOK_UNKNOWN_FORMAT';

export type InputErrorParams = Readonly<Record<string, string | number>>;

type MessageTable = Readonly<Record<InputErrorCode, (p: InputErrorParams) => string>>;

const at = (p: InputErrorParams, zh: boolean): string =>
  p.path ? (zh ? `（位置：${p.path}）` : ` (at ${p.path})`) : '';

const MESSAGES: Readonly<Record<Locale, MessageTable>> = {
  'zh-CN': {
    JSON_SYNTAX: (p) => `不是有效的 JSON：${p.detail}`,
    NOT_AN_OBJECT: (p) => `${p.path} 应为 JSON 对象。`,
    UNKNOWN_KEY: (p) => `未知的字段“${p.key}”${at(p, true)}。允许的字段：${p.allowed}。请检查拼写，以免数据被忽略。`,
    UNKNOWN_CELL_KEY: (p) =>
      `未知的单元格键“${p.key}”${at(p, true)}：两种官方格式中都没有这个单元格。${p.suggestion ? `是否应为“${p.suggestion}”？` : ''}请改正后重试，以免该数字被忽略。`,
    BAD_VALUE: (p) => `单元格“${p.key}”的值必须是数字、null（空白）或文字，实际为 ${p.type}${at(p, true)}。`,
    BAD_PROFILE_FIELD: (p) => `报告信息字段“${p.key}”的值无效：${p.detail}${at(p, true)}。`,
    UNSUPPORTED_FILE: (p) => `暂不支持读取 ${p.ext} 文件（${p.file}）。目前支持：${p.supported}。`,
    FILE_NOT_FOUND: (p) => `找不到文件：${p.file}`,
    FILE_UNREADABLE: (p) => `无法读取文件 ${p.file}：${p.detail}`,
    WORKBOOK_NOT_XLSX: (p) =>
      `${p.file} 不是有效的 .xlsx 工作簿${p.detail ? `（${p.detail}）` : ''}。请在 Excel 或 WPS 中另存为“Excel 工作簿（*.xlsx）”后重试。`,
    WORKBOOK_NO_REPORT: (p) =>
      `${p.file} 中没有年报表格（找不到 NB_S2、NB_S3、NB_S4 等名称）。请用“年报助手”插入官方表格，或用 nianbao template 生成模板后填写。`,
    WORKBOOK_TABLE_RESIZED: (p) =>
      `${p.file} 的工作表“${p.sheet}”中，${p.name} 区域为 ${p.rows} 行 × ${p.cols} 列，官方表格应为 ${p.expectedRows} 行 × ${p.expectedCols} 列：表格内部插入或删除了行、列。请恢复官方表格的结构。`,
    WORKBOOK_NEWER_LAYOUT: (p) =>
      `${p.file} 的工作表“${p.sheet}”由更新版本的年报助手生成（布局版本 ${p.layoutVersion}）。请升级年报助手后再读取。`,
    WORKBOOK_UNKNOWN_FORMAT: (p) => `无法识别 ${p.file} 中工作表“${p.sheet}”的表格格式（2019 或 2021 年版）。`,
  },
  'en-US': {
    JSON_SYNTAX: (p) => `Not valid JSON: ${p.detail}`,
    NOT_AN_OBJECT: (p) => `${p.path} must be a JSON object.`,
    UNKNOWN_KEY: (p) =>
      `Unknown field "${p.key}"${at(p, false)}. Allowed fields: ${p.allowed}. Check the spelling so that no data is dropped.`,
    UNKNOWN_CELL_KEY: (p) =>
      `Unknown cell key "${p.key}"${at(p, false)}: neither official format has this cell.${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''} Correct it and try again, so that the figure is not dropped.`,
    BAD_VALUE: (p) =>
      `The value of cell "${p.key}" must be a number, null (blank) or text, not ${p.type}${at(p, false)}.`,
    BAD_PROFILE_FIELD: (p) => `Invalid value for profile field "${p.key}": ${p.detail}${at(p, false)}.`,
    UNSUPPORTED_FILE: (p) => `Reading ${p.ext} files (${p.file}) is not supported yet. Supported: ${p.supported}.`,
    FILE_NOT_FOUND: (p) => `File not found: ${p.file}`,
    FILE_UNREADABLE: (p) => `Cannot read file ${p.file}: ${p.detail}`,
    WORKBOOK_NOT_XLSX: (p) =>
      `${p.file} is not a valid .xlsx workbook${p.detail ? ` (${p.detail})` : ''}. Save it as "Excel Workbook (*.xlsx)" and try again.`,
    WORKBOOK_NO_REPORT: (p) =>
      `${p.file} holds no report tables (no names NB_S2, NB_S3, NB_S4). Insert the tables with the add-in, or start from nianbao template.`,
    WORKBOOK_TABLE_RESIZED: (p) =>
      `In sheet "${p.sheet}" of ${p.file}, ${p.name} is ${p.rows} × ${p.cols}; the official table is ${p.expectedRows} × ${p.expectedCols}: rows or columns were inserted or deleted inside the table. Restore the official structure.`,
    WORKBOOK_NEWER_LAYOUT: (p) =>
      `Sheet "${p.sheet}" of ${p.file} was made by a newer release (layout version ${p.layoutVersion}). Upgrade to read it.`,
    WORKBOOK_UNKNOWN_FORMAT: (p) => `Cannot tell the table format (2019 or 2021) of sheet "${p.sheet}" in ${p.file}.`,
  },
};

export class ReportInputError extends Error {
  readonly code: InputErrorCode;
  readonly params: InputErrorParams;

  /** `cause`: the underlying failure (a parser's error), kept for developers, not shown to users. */
  constructor(code: InputErrorCode, params: InputErrorParams, options?: { cause?: unknown }) {
    super(MESSAGES['en-US'][code](params), options);
    this.name = 'ReportInputError';
    this.code = code;
    this.params = params;
  }

  localized(locale: Locale): string {
    return MESSAGES[locale][this.code](this.params);
  }
}

/** For tests: every code has a message in every locale. */
export const INPUT_ERROR_MESSAGES = MESSAGES;
