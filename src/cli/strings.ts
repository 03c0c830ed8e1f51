// Every text the command line prints, in zh-CN (default) and en-US. Texts from the user's files
// and arguments are passed through displayText/displayPath before they are put into a sentence.
import { cellLabel, type FormatVersion, type Locale } from '../format';
import type { Profile } from '../report';
import { formatBytes } from '../report';
import { displayPath, displayText } from '../report/display-text';
import { WORKBOOK_LIMITS } from '../xlsx/limits';
import { FILE_LIMITS } from './read-file';
import type { Severity, Summary } from '../rules';

export interface CliText {
  usage: string;
  profileLine(p: Profile): string;
  noFindings: string;
  groupTitle(group: 'report' | 's2' | 's3' | 's4'): string;
  severityMark(s: Severity): string;
  summary(s: Summary): string;
  manyBlanks(table: string, count: number, first: readonly string[], version: FormatVersion): string;
  previousUnreadable(file: string, reason: string): string;
  previousSeveral(file: string, count: number): string;
  previousYear(file: string, previousYear: number, year: number): string;
  previousWithEmbedded(file: string): string;
  unknownCommand(name: string): string;
  unknownOption(option: string, command: string): string;
  missingValue(option: string): string;
  noValueExpected(option: string): string;
  repeatedOption(option: string): string;
  unexpectedArgument(command: string, argument: string): string;
  badYear(value: string, problem: 'twoDigits' | 'notAYear'): string;
  badChoice(option: string, value: string, choices: readonly string[]): string;
  /** A usage error, then how to get help; said once. */
  withHelp(message: string): string;
  /** A failure of the program itself, not of the input: no stack trace, no English. */
  internalError: string;
  internalErrorHint: string;
  /** Why a file could not be written, from the system's error code. */
  writeReason(code: string): string;
  noFiles: string;
  notYet(command: string): string;
  templateWritten(file: string, versions: readonly string[], sheets: number, filled: boolean): string;
  templateExists(file: string): string;
  templateNotXlsx(file: string): string;
  templateUnwritable(file: string, reason: string): string;
  templateDataUnreadable(file: string, reason: string): string;
  templateDropped(count: number, first: readonly string[]): string;
  templateFormatForbidden(year: number, format: string, required: string): string;
}

/** What the help says about sizes: the limits themselves, so that the two cannot drift apart. */
const LIMITS = {
  json: FILE_LIMITS['.json'],
  xlsx: WORKBOOK_LIMITS.fileBytes,
  xlsxUnpacked: WORKBOOK_LIMITS.unpackedBytes,
} as const;

const file = (name: string): string => displayPath(name);
const arg = (text: string): string => displayText(text, 60);

const KIND_ZH: Record<string, string> = { government: '人民政府', office: '政府办公厅（室）', department: '政府部门' };

const zh: CliText = {
  usage: `年报助手 nianbao — 政府信息公开工作年度报告的检查与模板

用法：
  nianbao check 文件… [--json] [--previous 文件] [--year 年度] [--format 2019|2021] [--kind government|office|department]
  nianbao template [-o 输出.xlsx] [--year 年度] [--format 2019|2021] [--agency 机关名称] [--kind government|office|department] [--data 文件] [--force]
  nianbao docx 文件 [-o 输出.docx] [--previous 文件]

选项：
  --json        输出一个 JSON 文档（供脚本使用）
  --data        template：用该报告文件（.json、.xlsx 等）的数据和机关信息填写模板
  --force       template：输出文件已存在时覆盖
  --lang        提示语言：zh-CN（默认）或 en-US；也可设置环境变量 NIANBAO_LANG
  -h, --help    显示本帮助

文件上限：.json ${formatBytes(LIMITS.json)}；.xlsx ${formatBytes(LIMITS.xlsx)}（解压后 ${formatBytes(LIMITS.xlsxUnpacked)}）。
文字编码：UTF-8（可带 BOM）、UTF-16（带 BOM）、GB18030/GBK。
退出码：0 没有错误；1 有错误类问题；2 用法错误或文件无法读取。
`,
  profileLine: (p) =>
    [
      p.agency !== undefined ? displayText(p.agency, 60) : '（未填机关名称）',
      p.year ? `${p.year} 年度` : '（未填年度）',
      p.format ? `${p.format} 年版格式` : '',
      p.kind ? KIND_ZH[p.kind] : '',
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
};

const en: CliText = {
  usage: `nianbao — checks and templates for the government information disclosure annual report

Usage:
  nianbao check FILE… [--json] [--previous FILE] [--year N] [--format 2019|2021] [--kind government|office|department]
  nianbao template [-o OUT.xlsx] [--year N] [--format 2019|2021] [--agency NAME] [--kind government|office|department] [--data FILE] [--force]
  nianbao docx FILE [-o OUT.docx] [--previous FILE]

Options:
  --json        print one JSON document (for scripts)
  --data        template: fill the template with the data and profile of this report file (.json, .xlsx, …)
  --force       template: overwrite the output file if it exists
  --lang        message language: zh-CN (default) or en-US; or set NIANBAO_LANG
  -h, --help    show this help

File limits: .json ${formatBytes(LIMITS.json)}; .xlsx ${formatBytes(LIMITS.xlsx)} (${formatBytes(LIMITS.xlsxUnpacked)} unpacked).
Text encodings: UTF-8 (with or without BOM), UTF-16 (with BOM), GB18030/GBK.
Exit status: 0 no errors; 1 errors found; 2 usage error or unreadable file.
`,
  profileLine: (p) =>
    [
      p.agency !== undefined ? displayText(p.agency, 60) : '(no agency)',
      p.year ? `year ${p.year}` : '(no year)',
      p.format ? `${p.format} format` : '',
      p.kind ?? '',
    ]
      .filter(Boolean)
      .join(' · '),
  noFindings: 'No problems found.',
  groupTitle: (g) =>
    ({
      report: 'Report',
      s2: 'Table 2 · Proactive disclosure',
      s3: 'Table 3 · Applications',
      s4: 'Table 4 · Review and litigation',
    })[g],
  severityMark: (s) => ({ error: '✖ error', warning: '⚠ warning', info: 'ℹ info' })[s],
  summary: (s) => `${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos.`,
  manyBlanks: (_table, count, first, version) =>
    `${count} cells are blank (e.g. ${first.map((k) => cellLabel(version, k, 'en-US')).join('; ')}). Enter 0 where there was nothing.`,
  previousUnreadable: (f, reason) => `Cannot read last year's report ${file(f)}: ${reason}`,
  previousSeveral: (f, n) => `Last year's report ${file(f)} holds ${n} report sheets; keep only last year's one.`,
  previousYear: (f, previousYear, year) =>
    `${file(f)}, given as --previous, is the report for ${previousYear}, but this report is for ${year}: last year's report must be for ${year - 1}.`,
  previousWithEmbedded: (f) =>
    `${file(f)} already holds last year's data (previous); --previous cannot add another. Drop --previous, or remove previous from the file.`,
  unknownCommand: (name) => `Unknown command "${arg(name)}". Commands: check, template, docx.`,
  unknownOption: (option, command) => `The ${command} command has no option ${arg(option)}.`,
  missingValue: (option) => `Option ${option} needs a value.`,
  noValueExpected: (option) => `Option ${option} takes no value.`,
  repeatedOption: (option) => `Option ${option} may be given only once.`,
  unexpectedArgument: (command, argument) => `The ${command} command takes no argument "${arg(argument)}".`,
  badYear: (value, problem) =>
    problem === 'twoDigits'
      ? `--year ${arg(value)} has two digits only; write the four-digit statistical year, e.g. --year 2024.`
      : `--year ${arg(value)} is not a year; write the four-digit statistical year, e.g. --year 2024.`,
  badChoice: (option, value, choices) => `${option} ${arg(value)} is not valid; use one of ${choices.join(', ')}.`,
  withHelp: (message) => `${message} See nianbao --help.`,
  internalError: 'nianbao internal error: the program failed unexpectedly (not because of your file or arguments).',
  internalErrorHint: 'Run again with NIANBAO_DEBUG=1 to see the details, and report them to the developers.',
  writeReason: (code) =>
    ({
      EACCES: 'no permission to write',
      EPERM: 'no permission to write',
      ENOENT: 'the folder does not exist',
      ENOTDIR: 'the folder does not exist',
      EISDIR: 'it is a folder',
      ENOSPC: 'the disk is full',
      EROFS: 'the disk is read-only',
      ENAMETOOLONG: 'the file name is too long',
      EBUSY: 'the file is in use by another program',
    })[code] ?? `system error ${code}`,
  noFiles: 'Name the files to check, e.g. nianbao check report.json.',
  notYet: (command) => `The "${command}" command is not available yet; it comes in a later release.`,
  templateWritten: (f, versions, sheets, filled) =>
    `Wrote ${file(f)} (${versions.map((v) => `${v} format`).join(', ')}, ${sheets} report sheet${sheets === 1 ? '' : 's'}${filled ? ', filled with the data' : ''}). The status cell beside each table checks the totals as you type (it does not print).`,
  templateExists: (f) =>
    `File exists: ${file(f)}. Nothing was written, so that no filled-in work is overwritten. Add --force to overwrite it, or choose another name with -o.`,
  templateNotXlsx: (f) => `The output file name must end in .xlsx: ${file(f)}`,
  templateUnwritable: (f, reason) => `Cannot write ${file(f)}: ${reason}`,
  templateDataUnreadable: (f, reason) => `Cannot read the data file ${file(f)}: ${reason}`,
  templateDropped: (count, first) =>
    `Note: ${count} values belong to the other format version (e.g. ${first.join(', ')}) and have no cell in this template; they were not written. Check the year and --format.`,
  templateFormatForbidden: (year, format, required) =>
    `A report for ${year} takes the ${required} format, not ${format}; nothing was written. Drop --format or use --format ${required}; add --force if you do need the ${format} tables.`,
};

export function cliText(locale: Locale): CliText {
  return locale === 'zh-CN' ? zh : en;
}
