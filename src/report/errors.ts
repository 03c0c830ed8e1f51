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
  | 'WORKBOOK_UNKNOWN_FORMAT'
  | 'WORKBOOK_DAMAGED'
  | 'WORKBOOK_NAME_SHEET_MISSING'
  | 'WORKBOOK_NAME_BROKEN'
  | 'WORKBOOK_TABLE_MISSING'
  | 'WORKBOOK_NAMES_OVERLAP';

export type InputErrorParams = Readonly<Record<string, string | number>>;

type MessageTable = Readonly<Record<InputErrorCode, (p: InputErrorParams) => string>>;

const at = (p: InputErrorParams, zh: boolean): string =>
  p.path ? (zh ? `（位置：${p.path}）` : ` (at ${p.path})`) : '';

/** Where a workbook problem is: `book.xlsx 的工作表“X”` / `sheet "X" of book.xlsx`, or the file alone. */
const where = (p: InputErrorParams, zh: boolean): string =>
  p.sheet ? (zh ? `${p.file} 的工作表“${p.sheet}”` : `sheet "${p.sheet}" of ${p.file}`) : `${p.file}`;

const TABLE_NUMBER: Readonly<Record<string, { zh: string; en: string }>> = {
  s2: { zh: '表二', en: 'table 2' },
  s3: { zh: '表三', en: 'table 3' },
  s4: { zh: '表四', en: 'table 4' },
};
const tableOf = (p: InputErrorParams, zh: boolean): string => {
  const t = TABLE_NUMBER[String(p.table)];
  return t ? (zh ? `（${t.zh}）` : ` (${t.en})`) : '';
};

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
    WORKBOOK_DAMAGED: (p) =>
      `${p.file}：这个工作簿已损坏，无法读取（文件内容不完整，或被其他程序写坏了）。请先用 Excel 或 WPS 打开它：能打开的，另存为新的“Excel 工作簿（*.xlsx）”后重试；打不开的，请改用备份，或用 nianbao template 重新生成表格后填写。`,
    WORKBOOK_NAME_SHEET_MISSING: (p) =>
      `${where(p, true)}中，名称 ${p.name} 指向不存在的工作表“${p.target}”（该表可能已被删除或改名），无法找到这张表格。请在“公式 → 名称管理器”中把 ${p.name} 改为指向年报表格所在的工作表，或重新插入官方表格后填入数据。`,
    WORKBOOK_NAME_BROKEN: (p) =>
      `${where(p, true)}中，名称 ${p.name} 的引用已失效（#REF!）：它所指的单元格已被删除，无法找到这张表格。请撤销删除，或重新插入官方表格后填入数据。`,
    WORKBOOK_TABLE_MISSING: (p) =>
      `${where(p, true)}中缺少名称 ${p.name}${tableOf(p, true)}：年报助手靠这个名称找到表格，它被删除了，这张表格无法读取。请在“公式 → 名称管理器”中恢复它，或重新插入官方表格后填入数据。`,
    WORKBOOK_NAMES_OVERLAP: (p) =>
      `${where(p, true)}中，名称 ${p.name} 和 ${p.other} 指向重叠的单元格（${p.cell}），无法分清两张表格。请在“公式 → 名称管理器”中改正它们，或重新插入官方表格。`,
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
    WORKBOOK_DAMAGED: (p) =>
      `${p.file}: this workbook is damaged and cannot be read (its content is incomplete, or another program wrote it wrongly). Open it in Excel or WPS first: if it opens, save it as a new "Excel Workbook (*.xlsx)" and try again; if not, use a backup, or make the tables again with nianbao template and fill them in.`,
    WORKBOOK_NAME_SHEET_MISSING: (p) =>
      `In ${where(p, false)}, the name ${p.name} refers to the sheet "${p.target}", which does not exist (it may have been deleted or renamed), so the tables cannot be found. In Formulas → Name Manager, point ${p.name} at the sheet holding the report tables, or insert the official tables again and fill them in.`,
    WORKBOOK_NAME_BROKEN: (p) =>
      `In ${where(p, false)}, the name ${p.name} no longer refers to any cells (#REF!): they were deleted, so the tables cannot be found. Undo the deletion, or insert the official tables again and fill them in.`,
    WORKBOOK_TABLE_MISSING: (p) =>
      `The name ${p.name}${tableOf(p, false)} is missing from ${where(p, false)}: it is how the tables are found, and without it this table cannot be read. Restore it in Formulas → Name Manager, or insert the official tables again and fill them in.`,
    WORKBOOK_NAMES_OVERLAP: (p) =>
      `In ${where(p, false)}, the names ${p.name} and ${p.other} refer to overlapping cells (${p.cell}), so the two tables cannot be told apart. Correct them in Formulas → Name Manager, or insert the official tables again.`,
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
