// Every text the command line prints, in zh-CN (default) and en-US.
import { cellLabel, type FormatVersion, type Locale } from '../format';
import type { Profile } from '../report';
import type { Severity, Summary } from '../rules';

export interface CliText {
  usage: string;
  profileLine(p: Profile): string;
  noFindings: string;
  groupTitle(group: 'report' | 's2' | 's3' | 's4'): string;
  severityMark(s: Severity): string;
  summary(s: Summary): string;
  manyBlanks(table: string, count: number, first: readonly string[], version: FormatVersion): string;
  previousUnreadable(file: string): string;
  unknownCommand(name: string): string;
  badOption(detail: string): string;
  noFiles: string;
  notYet(command: string): string;
  templateWritten(file: string, versions: readonly string[], sheets: number, filled: boolean): string;
  templateExists(file: string): string;
  templateNotXlsx(file: string): string;
  templateUnwritable(file: string): string;
  templateDataUnreadable(file: string): string;
  templateDropped(count: number, first: readonly string[]): string;
}

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

退出码：0 没有错误；1 有错误类问题；2 用法错误或文件无法读取。
`,
  profileLine: (p) =>
    [
      p.agency ?? '（未填机关名称）',
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
  previousUnreadable: (file) => `无法读取上年报告 ${file}`,
  unknownCommand: (name) => `未知的命令“${name}”。可用命令：check、template、docx。运行 nianbao --help 查看用法。`,
  badOption: (detail) => `参数有误：${detail}。运行 nianbao --help 查看用法。`,
  noFiles: '请指定要检查的文件，例如：nianbao check 年报.json',
  notYet: (command) => `“${command}”命令尚未提供，将在后续版本中加入。`,
  templateWritten: (file, versions, sheets, filled) =>
    `已写入 ${file}（${versions.map((v) => `${v} 年版格式`).join('、')}，${sheets} 个表格工作表${filled ? '，已填入数据' : ''}）。各表右侧的“本表校验”会自动核对勾稽关系（不会打印）。`,
  templateExists: (file) =>
    `文件已存在：${file}。为免覆盖已填写的内容，未写入。如确需覆盖，请加 --force，或用 -o 指定其他文件名。`,
  templateNotXlsx: (file) => `输出文件名应以 .xlsx 结尾：${file}`,
  templateUnwritable: (file) => `无法写入 ${file}`,
  templateDataUnreadable: (file) => `无法读取数据文件 ${file}`,
  templateDropped: (count, first) =>
    `注意：有 ${count} 个数值属于另一版本的表格（如 ${first.join('、')}），本模板中没有对应单元格，未写入。请检查年度和 --format 是否正确。`,
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

Exit status: 0 no errors; 1 errors found; 2 usage error or unreadable file.
`,
  profileLine: (p) =>
    [
      p.agency ?? '(no agency)',
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
  previousUnreadable: (file) => `Cannot read last year's report ${file}`,
  unknownCommand: (name) => `Unknown command "${name}". Commands: check, template, docx. See nianbao --help.`,
  badOption: (detail) => `Bad arguments: ${detail}. See nianbao --help.`,
  noFiles: 'Name the files to check, e.g. nianbao check report.json',
  notYet: (command) => `The "${command}" command is not available yet; it comes in a later release.`,
  templateWritten: (file, versions, sheets, filled) =>
    `Wrote ${file} (${versions.map((v) => `${v} format`).join(', ')}, ${sheets} report sheet${sheets === 1 ? '' : 's'}${filled ? ', filled with the data' : ''}). The status cell beside each table checks the totals as you type (it does not print).`,
  templateExists: (file) =>
    `File exists: ${file}. Nothing was written, so that no filled-in work is overwritten. Add --force to overwrite it, or choose another name with -o.`,
  templateNotXlsx: (file) => `The output file name must end in .xlsx: ${file}`,
  templateUnwritable: (file) => `Cannot write ${file}`,
  templateDataUnreadable: (file) => `Cannot read the data file ${file}`,
  templateDropped: (count, first) =>
    `Note: ${count} values belong to the other format version (e.g. ${first.join(', ')}) and have no cell in this template; they were not written. Check the year and --format.`,
};

export function cliText(locale: Locale): CliText {
  return locale === 'zh-CN' ? zh : en;
}
