// Input that cannot be read as a report at all (as opposed to a report with faults, which are
// findings). One error class; the code says which condition, the message is in the user's language.
// Texts taken from the input (file and sheet names, keys) are escaped and shortened when printed.
import type { Locale } from '../format';
import { displayPath, displayText } from './display-text';

export type InputErrorCode =
  | 'JSON_SYNTAX'
  | 'JSON_TOO_DEEP'
  | 'DUPLICATE_KEY'
  | 'NOT_AN_OBJECT'
  | 'UNKNOWN_KEY'
  | 'UNKNOWN_CELL_KEY'
  | 'BAD_VALUE'
  | 'BAD_PROFILE_FIELD'
  | 'UNSUPPORTED_FILE'
  | 'FILE_NOT_FOUND'
  | 'FILE_IS_DIRECTORY'
  | 'FILE_NO_PERMISSION'
  | 'FILE_NOT_REGULAR'
  | 'FILE_TOO_LARGE'
  | 'FILE_EMPTY'
  | 'FILE_UNREADABLE'
  | 'TEXT_ENCODING'
  | 'WORKBOOK_NOT_XLSX'
  | 'WORKBOOK_LEGACY_OR_ENCRYPTED'
  | 'WORKBOOK_ZIP_DAMAGED'
  | 'WORKBOOK_UNPACKED_TOO_LARGE'
  | 'WORKBOOK_TOO_MANY_PARTS'
  | 'WORKBOOK_ZIP_BOMB'
  | 'WORKBOOK_NAMES_TOO_LARGE'
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

/** Parameters that hold a path (shortened in the middle) rather than a key or name (at the end). */
const PATH_PARAMS = new Set(['file']);

function printableParams(params: InputErrorParams): InputErrorParams {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] = typeof value !== 'string' ? value : PATH_PARAMS.has(name) ? displayPath(value) : displayText(value);
  }
  return out;
}

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

const lineCol = (p: InputErrorParams, zh: boolean): string =>
  zh ? `第 ${p.line} 行第 ${p.column} 列` : `line ${p.line}, column ${p.column}`;

/** Sizes as people read them in Explorer: MB of 1,048,576 bytes, one decimal below 10 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1).replace(/\.0$/, '') : Math.round(mb)} MB`;
}

const size = (n: string | number | undefined): string => (typeof n === 'number' ? formatBytes(n) : String(n));
/** A size over its limit, in bytes where rounding would make the two look equal. */
const over = (p: InputErrorParams): string =>
  size(p.size) === size(p.limit) && typeof p.size === 'number' ? `${p.size.toLocaleString('en-US')} B` : size(p.size);
const count = (n: string | number | undefined): string =>
  typeof n === 'number' ? n.toLocaleString('en-US') : String(n);

const JSON_PROBLEMS: Readonly<Record<Locale, Readonly<Record<string, (p: InputErrorParams) => string>>>> = {
  'zh-CN': {
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
  },
  'en-US': {
    empty: () => 'the file is empty (or only white space)',
    unexpectedEnd: () => 'the content ends unexpectedly; the file may be truncated',
    unexpectedChar: (p) => `unexpected character "${p.char}"`,
    quote: (p) => `"${p.char}" used here: JSON texts and field names take straight double quotes "`,
    fullWidth: (p) => `full-width punctuation "${p.char}" used here: JSON needs ASCII punctuation (, : ")`,
    badNumber: () => 'malformed number (JSON numbers look like 12, -3, 0.5, 1e6; no leading 0, no + sign)',
    nameExpected: () => 'a field name in double quotes is expected here',
    trailingComma: () => 'there is a comma after the last item',
    valueExpected: () => 'a value is expected here (number, text, true, false, null, object or array)',
    colonExpected: () => 'a colon : is missing after the field name',
    commaExpected: () => 'a comma , is missing between two items',
    closeBraceExpected: () => 'a closing brace } is missing',
    closeBracketExpected: () => 'a closing bracket ] is missing',
    endExpected: () => 'the JSON has ended but more content follows',
    comment: () => 'JSON does not allow comments',
    unterminatedString: () => 'a text lacks its closing double quote (or breaks across lines)',
    badUnicodeEscape: () => '\\u must be followed by 4 hexadecimal digits',
    badEscape: () => 'invalid escape after a backslash \\ (write a backslash in a text as \\\\)',
    controlInString: () => 'a text holds a control character (tab or line break); write it as \\t or \\n',
  },
};

const TYPE_NAMES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  'zh-CN': {
    boolean: 'true/false（布尔值）',
    array: '数组',
    object: '对象',
    number: '数字',
    string: '文字',
    null: 'null',
  },
  'en-US': {
    boolean: 'true/false (a boolean)',
    array: 'an array',
    object: 'an object',
    number: 'a number',
    string: 'text',
    null: 'null',
  },
};

const PROFILE_PROBLEMS: Readonly<Record<Locale, Readonly<Record<string, (p: InputErrorParams) => string>>>> = {
  'zh-CN': {
    notText: () => '应为文字（用双引号括起）',
    notBoolean: () => '应为 true 或 false',
    format: () => '应为 "2021" 或 "2019"',
    kind: () => '应为 "government"（人民政府）、"office"（政府办公厅（室））或 "department"（政府部门）',
    yearTwoDigits: (p) => `“${p.text}”只有两位数字，请写完整的四位统计年度，如 2022 或“2022年”`,
    yearNotAYear: (p) => `“${p.text}”不是年份，应为四位数字的统计年度，如 2022、“2022年”或“二〇二二年”`,
  },
  'en-US': {
    notText: () => 'text (in double quotes) expected',
    notBoolean: () => 'true or false expected',
    format: () => '"2021" or "2019" expected',
    kind: () => '"government", "office" or "department" expected',
    yearTwoDigits: (p) => `"${p.text}" has two digits only; write the full four-digit statistical year, e.g. 2022`,
    yearNotAYear: (p) => `"${p.text}" is not a year; a four-digit statistical year is expected, e.g. 2022 or "2022年"`,
  },
};

const NOT_REGULAR: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  'zh-CN': {
    fifo: '命名管道（FIFO）',
    characterDevice: '字符设备',
    blockDevice: '块设备',
    socket: '套接字',
    other: '特殊文件',
  },
  'en-US': {
    fifo: 'a named pipe (FIFO)',
    characterDevice: 'a character device',
    blockDevice: 'a block device',
    socket: 'a socket',
    other: 'a special file',
  },
};

const TEXT_PROBLEMS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  'zh-CN': {
    binary: '文件中有 NUL 字节，是二进制文件而不是文本',
    utf16WithoutBom: '文件似乎是 UTF-16 编码但没有字节顺序标记（BOM），无法确定字节顺序',
    badAfterBom: '文件开头的字节顺序标记（BOM）表明是 UTF 编码，但其后的内容不符合该编码',
    otherEncoding: '文件不是 UTF-8，按 GB18030/GBK 读出的大多是生僻字，应是其他编码（如 Big5 繁体、Shift-JIS 日文）',
    unknownEncoding: '文件既不是 UTF-8、UTF-16（带 BOM），也不是 GB18030/GBK 编码',
    gb18030Unsupported: '文件不是 UTF-8；当前的 Node.js 缺少 GB18030/GBK 解码（需要完整 ICU 的 Node.js 版本）',
  },
  'en-US': {
    binary: 'the file holds NUL bytes: it is binary, not text',
    utf16WithoutBom: 'the file looks like UTF-16 without a byte order mark (BOM), so its byte order is unknown',
    badAfterBom: 'the byte order mark (BOM) says UTF, but the bytes after it are not valid in that encoding',
    otherEncoding:
      'the file is not UTF-8, and read as GB18030/GBK it gives mostly rare characters: another encoding (Big5, Shift-JIS, …)',
    unknownEncoding: 'the file is neither UTF-8, UTF-16 (with BOM) nor GB18030/GBK',
    gb18030Unsupported:
      'the file is not UTF-8, and this Node.js has no GB18030/GBK decoder (it needs a full-ICU build)',
  },
};

const ZIP_PROBLEMS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  'zh-CN': {
    noDirectory: '找不到 zip 目录（文件可能被截断或不是 zip 格式）',
    badDirectory: 'zip 目录已损坏',
    badEntry: '部件的记录已损坏',
    overlap: '多个部件指向同一段数据',
    sizeMismatch: '部件解压后的大小与记录不符',
    inflate: '部件的压缩数据已损坏',
    method: '部件使用了不支持的压缩方式',
    encrypted: '部件已加密',
    duplicate: '有两个同名的部件',
  },
  'en-US': {
    noDirectory: 'no zip directory found (the file may be truncated, or is not a zip)',
    badDirectory: 'the zip directory is damaged',
    badEntry: 'a part record is damaged',
    overlap: 'several parts point at the same data',
    sizeMismatch: 'a part unpacks to a size other than recorded',
    inflate: 'the compressed data of a part is damaged',
    method: 'a part uses an unsupported compression method',
    encrypted: 'a part is encrypted',
    duplicate: 'two parts have the same name',
  },
};

const SYSTEM_REASONS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  'zh-CN': {
    ELOOP: '符号链接形成了循环',
    ENAMETOOLONG: '文件名太长',
    EIO: '磁盘读写出错',
    EMFILE: '同时打开的文件太多',
    ENFILE: '同时打开的文件太多',
    EBUSY: '文件正被其他程序占用',
    ENXIO: '设备不存在',
    EAGAIN: '文件暂时无法读取',
  },
  'en-US': {
    ELOOP: 'the symbolic links form a loop',
    ENAMETOOLONG: 'the file name is too long',
    EIO: 'a disk input/output error',
    EMFILE: 'too many open files',
    ENFILE: 'too many open files',
    EBUSY: 'the file is in use by another program',
    ENXIO: 'no such device',
    EAGAIN: 'the file cannot be read right now',
  },
};

const reason = (locale: Locale, code: string | number | undefined): string => {
  const text = SYSTEM_REASONS[locale][String(code)];
  return text ? `${text}，${code}` : String(code);
};

const pick = (table: Readonly<Record<string, string>>, key: string | number | undefined): string =>
  table[String(key)] ?? String(key);

const MESSAGES: Readonly<Record<Locale, MessageTable>> = {
  'zh-CN': {
    JSON_SYNTAX: (p) =>
      `不是有效的 JSON（${lineCol(p, true)}）：${(JSON_PROBLEMS['zh-CN'][String(p.problem)] ?? JSON_PROBLEMS['zh-CN'].unexpectedChar)(p)}。`,
    JSON_TOO_DEEP: (p) => `JSON 嵌套层数超过 ${p.limit} 层（${lineCol(p, true)}），不是年报数据文件。`,
    DUPLICATE_KEY: (p) =>
      `字段“${p.key}”出现了两次（${lineCol(p, true)}${p.path ? `，位置：${p.path}` : ''}）。请删去重复的一项，以免用错数字。`,
    NOT_AN_OBJECT: (p) =>
      p.path ? `${p.path} 应为 JSON 对象（用 { } 括起）。` : '文件内容应为一个 JSON 对象（用 { } 括起）。',
    UNKNOWN_KEY: (p) => `未知的字段“${p.key}”${at(p, true)}。允许的字段：${p.allowed}。请检查拼写，以免数据被忽略。`,
    UNKNOWN_CELL_KEY: (p) =>
      `未知的单元格键“${p.key}”${at(p, true)}：两种官方格式中都没有这个单元格。${p.suggestion ? `是否应为“${p.suggestion}”？` : ''}请改正后重试，以免该数字被忽略。`,
    BAD_VALUE: (p) =>
      `单元格“${p.key}”的值必须是数字、null（空白）或文字，实际为${pick(TYPE_NAMES['zh-CN'], p.type)}${at(p, true)}。`,
    BAD_PROFILE_FIELD: (p) =>
      `报告信息字段“${p.key}”的值无效：${(PROFILE_PROBLEMS['zh-CN'][String(p.problem)] ?? (() => String(p.problem)))(p)}${at(p, true)}。`,
    UNSUPPORTED_FILE: (p) => `暂不支持读取 ${p.ext} 文件（${p.file}）。目前支持：${p.supported}。`,
    FILE_NOT_FOUND: (p) => `找不到文件：${p.file}`,
    FILE_IS_DIRECTORY: (p) => `${p.file} 是文件夹，不是文件。请指定其中的报告文件。`,
    FILE_NO_PERMISSION: (p) => `没有读取 ${p.file} 的权限。请检查文件权限，或把文件复制到自己的文件夹后重试。`,
    FILE_NOT_REGULAR: (p) => `${p.file} 是${pick(NOT_REGULAR['zh-CN'], p.type)}，不是普通文件，未读取。`,
    FILE_TOO_LARGE: (p) =>
      `${p.file} 有 ${over(p)}，超过 ${p.ext} 文件的上限 ${size(p.limit)}，未读取。年报文件通常远小于此；请确认选对了文件。`,
    FILE_EMPTY: (p) => `${p.file} 是空文件（0 字节）。`,
    FILE_UNREADABLE: (p) => `无法读取文件 ${p.file}（系统错误：${reason('zh-CN', p.reason)}）。`,
    TEXT_ENCODING: (p) =>
      `无法读取 ${p.file} 的文字：${pick(TEXT_PROBLEMS['zh-CN'], p.problem)}。请用记事本或 WPS 打开，另存为“UTF-8”编码后重试。`,
    WORKBOOK_NOT_XLSX: (p) =>
      `${p.file} 不是有效的 .xlsx 工作簿${p.detail ? `（${p.detail}）` : ''}。请在 Excel 或 WPS 中另存为“Excel 工作簿（*.xlsx）”后重试。`,
    WORKBOOK_LEGACY_OR_ENCRYPTED: (p) =>
      `${p.file} 不是 .xlsx 格式：它是旧版 .xls 工作簿，或设置了打开密码。请在 Excel 或 WPS 中取消密码并另存为“Excel 工作簿（*.xlsx）”后重试。`,
    WORKBOOK_ZIP_DAMAGED: (p) =>
      `${p.file} 已损坏，无法作为 .xlsx 读取：${pick(ZIP_PROBLEMS['zh-CN'], p.problem)}${p.part ? `（${p.part}）` : ''}。请在 Excel 或 WPS 中打开（必要时使用“打开并修复”），另存后重试。`,
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
      `${where(p, true)}中，名称 ${p.name} 指向不存在的工作表“${p.target}”（该表可能已被删除或改名），无法找到这张表格。请在“公式 → 名称管理器”中把 ${p.name} 改为指向年报表格所在的工作表，或重新插入官方表格后填入数据。`,
    WORKBOOK_NAME_BROKEN: (p) =>
      `${where(p, true)}中，名称 ${p.name} 的引用已失效（#REF!）：它所指的单元格已被删除，无法找到这张表格。请撤销删除，或重新插入官方表格后填入数据。`,
    WORKBOOK_TABLE_MISSING: (p) =>
      `${where(p, true)}中缺少名称 ${p.name}${tableOf(p, true)}：年报助手靠这个名称找到表格，它被删除了，这张表格无法读取。请在“公式 → 名称管理器”中恢复它，或重新插入官方表格后填入数据。`,
    WORKBOOK_NAMES_OVERLAP: (p) =>
      `${where(p, true)}中，名称 ${p.name} 和 ${p.other} 指向重叠的单元格（${p.cell}），无法分清两张表格。请在“公式 → 名称管理器”中改正它们，或重新插入官方表格。`,
  },
  'en-US': {
    JSON_SYNTAX: (p) =>
      `Not valid JSON (${lineCol(p, false)}): ${(JSON_PROBLEMS['en-US'][String(p.problem)] ?? JSON_PROBLEMS['en-US'].unexpectedChar)(p)}.`,
    JSON_TOO_DEEP: (p) =>
      `The JSON nests deeper than ${p.limit} levels (${lineCol(p, false)}): not a report data file.`,
    DUPLICATE_KEY: (p) =>
      `Field "${p.key}" appears twice (${lineCol(p, false)}${p.path ? `, at ${p.path}` : ''}). Delete one of them so that the right figure is used.`,
    NOT_AN_OBJECT: (p) =>
      p.path ? `${p.path} must be a JSON object ({ … }).` : 'The file must hold one JSON object ({ … }).',
    UNKNOWN_KEY: (p) =>
      `Unknown field "${p.key}"${at(p, false)}. Allowed fields: ${p.allowed}. Check the spelling so that no data is dropped.`,
    UNKNOWN_CELL_KEY: (p) =>
      `Unknown cell key "${p.key}"${at(p, false)}: neither official format has this cell.${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''} Correct it and try again, so that the figure is not dropped.`,
    BAD_VALUE: (p) =>
      `The value of cell "${p.key}" must be a number, null (blank) or text, not ${pick(TYPE_NAMES['en-US'], p.type)}${at(p, false)}.`,
    BAD_PROFILE_FIELD: (p) =>
      `Invalid value for profile field "${p.key}": ${(PROFILE_PROBLEMS['en-US'][String(p.problem)] ?? (() => String(p.problem)))(p)}${at(p, false)}.`,
    UNSUPPORTED_FILE: (p) => `Reading ${p.ext} files (${p.file}) is not supported yet. Supported: ${p.supported}.`,
    FILE_NOT_FOUND: (p) => `File not found: ${p.file}`,
    FILE_IS_DIRECTORY: (p) => `${p.file} is a folder, not a file. Name the report file inside it.`,
    FILE_NO_PERMISSION: (p) => `No permission to read ${p.file}. Check its permissions, or copy it to your own folder.`,
    FILE_NOT_REGULAR: (p) => `${p.file} is ${pick(NOT_REGULAR['en-US'], p.type)}, not a regular file; not read.`,
    FILE_TOO_LARGE: (p) =>
      `${p.file} is ${over(p)}, over the limit of ${size(p.limit)} for ${p.ext} files; not read. Report files are far smaller: check that this is the right file.`,
    FILE_EMPTY: (p) => `${p.file} is empty (0 bytes).`,
    FILE_UNREADABLE: (p) => `Cannot read ${p.file} (system error: ${reason('en-US', p.reason).replace('，', ', ')}).`,
    TEXT_ENCODING: (p) =>
      `Cannot read the text of ${p.file}: ${pick(TEXT_PROBLEMS['en-US'], p.problem)}. Open it in a text editor and save it as UTF-8.`,
    WORKBOOK_NOT_XLSX: (p) =>
      `${p.file} is not a valid .xlsx workbook${p.detail ? ` (${p.detail})` : ''}. Save it as "Excel Workbook (*.xlsx)" and try again.`,
    WORKBOOK_LEGACY_OR_ENCRYPTED: (p) =>
      `${p.file} is not an .xlsx file: it is an old .xls workbook, or it has a password to open. Remove the password and save it as "Excel Workbook (*.xlsx)".`,
    WORKBOOK_ZIP_DAMAGED: (p) =>
      `${p.file} is damaged and cannot be read as .xlsx: ${pick(ZIP_PROBLEMS['en-US'], p.problem)}${p.part ? ` (${p.part})` : ''}. Open it in Excel or WPS (with "Open and Repair" if needed) and save it again.`,
    WORKBOOK_UNPACKED_TOO_LARGE: (p) =>
      `${p.file} unpacks to ${over(p)}, over the limit of ${size(p.limit)} for an .xlsx workbook; not read. Copy the report sheet into a new workbook and check that.`,
    WORKBOOK_TOO_MANY_PARTS: (p) =>
      `${p.file} has ${count(p.count)} parts, over the limit of ${count(p.limit)}; not read. Copy the report sheet into a new workbook and check that.`,
    WORKBOOK_ZIP_BOMB: (p) =>
      `Part ${p.part} of ${p.file} is compressed ${p.ratio}:1, over the limit of ${p.limit}:1: a suspected zip bomb; not read.`,
    WORKBOOK_NAMES_TOO_LARGE: (p) =>
      `The defined names of ${p.file} (Formulas → Name Manager) refer to ${count(p.cells)} cells in all, over the limit of ${count(p.limit)} (the largest: "${p.name}": ${p.ref}); not read. Delete or narrow them (write a whole column as $A:$A), or copy the report sheet into a new workbook.`,
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
    super(MESSAGES['en-US'][code](printableParams(params)), options);
    this.name = 'ReportInputError';
    this.code = code;
    this.params = params;
  }

  localized(locale: Locale): string {
    return MESSAGES[locale][this.code](printableParams(this.params));
  }
}

/** For tests: every code has a message in every locale. */
export const INPUT_ERROR_MESSAGES = MESSAGES;
