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
  | 'FILE_UNREADABLE';

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
  },
};

export class ReportInputError extends Error {
  readonly code: InputErrorCode;
  readonly params: InputErrorParams;

  constructor(code: InputErrorCode, params: InputErrorParams) {
    super(MESSAGES['en-US'][code](params));
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
