// English, the second locale: the same facts as the Chinese, naming cells by their printed labels'
// glosses. Typed as the Chinese catalogue's shape, so a missing or extra entry fails to compile.
import { cellLabel, getFormat, type FormatVersion } from '../format';
import { MAX_FIGURE, type InputErrorParams } from '../report';
import { signed } from './kit';
import { count, formatBytes, over, pick, size } from './input-error-kit';
import { displayPath, displayText } from './display-text';
import type { CliLimits, CliStrings, InputErrorMessages, RuleMessages } from './types';
import type { TextNumberTarget } from '../rules';
import { zhCN, type CliCheckStrings, type CliDocxStrings, type CliMergeStrings, type CliTextLimits } from './zh-CN';

import { KINDS_EN } from './kinds';
import { taskpaneEnUS } from './taskpane/en-US';

const DOCS = {
  '2021': 'the 2021 format (国办公开办函〔2021〕30号)',
  '2019': 'the 2019 trial format (国办公开办函〔2019〕60号)',
} as const;

/** What TEXT-NUMBERS compared a stated figure with, by the glosses of the printed labels. */
function textTargets(targets: readonly TextNumberTarget[], version: FormatVersion): string {
  const rows = getFormat(version).s3.rows;
  const one = (t: TextNumberTarget): string => {
    if (t === 'review' || t === 'litigation' || t === 'litigationAfterReview')
      return cellLabel(version, `s4.${t}.total`, 'en-US');
    if (t === 'litigationAll') return 'the totals of both Table 4 · Litigation groups together';
    const row = rows.find((r) => r.key === t);
    if (row) return cellLabel(version, `s3.${t}.total`, 'en-US');
    const group = rows.find((r) => r.key.startsWith(`${t}.`))?.group;
    return group ? `the items of Table 3 · Total · ${group.label.en} together` : t;
  };
  return targets.length === 1 ? one(targets[0]) : `${targets.map(one).join(' plus ')}`;
}

const rules: RuleMessages = {
  'CELL-BLANK': (f, k) => {
    const { placeholder } = f.params;
    return `${k.cell(f.cells[0])} is blank${placeholder ? ` (it holds "${k.text(placeholder)}")` : ''}. The format needs a number in every cell: enter 0 where there was nothing.`;
  },
  'CELL-NOT-NUMBER': (f, k) => {
    const where = k.cell(f.cells[0]);
    const text = k.text(f.params.text);
    switch (f.params.problem) {
      case 'tooLarge':
        return `${where} holds "${text}", which is beyond the range of a valid figure (at most ${MAX_FIGURE} either way), so it cannot be checked. Check it and enter it again.`;
      case 'date':
        return `${where} is a date (${text}), not a number: Excel turns input such as "3-5" or "3/5" into a date. Set the cell's format to General or Number and enter the figure again.`;
      default:
        return `${where} holds "${text}", which is not a number. Enter digits only (e.g. 12) and explain in the text.`;
    }
  },
  'CELL-NEGATIVE': (f, k) =>
    `${k.cell(f.cells[0])} is ${k.n(f.actual)}; it cannot be negative. Enter 0 or a positive number.`,
  'CELL-NOT-INTEGER': (f, k) => `${k.cell(f.cells[0])} is ${k.n(f.actual)}; a count must be a whole number.`,
  'CELL-PRECISION': (f, k) =>
    `${k.cell(f.cells[0])} is ${k.n(f.actual)} with ${f.params.decimals} decimals. Amounts in 10,000 yuan keep at most 4 decimals (one yuan): round to ${k.n(f.fix?.value)}.`,
  'S3-BALANCE': (f, k) => {
    const p = f.params;
    return (
      `Table 3 · ${k.column(p.column)}: the printed identity fails (items I + II must equal items III + IV). ` +
      `From new ${k.n(p.new)} + carried in ${k.n(p.carriedIn)} − carried over ${k.n(p.carriedOver)}, ` +
      `"(7) Total" should be ${k.n(f.expected)} but is ${k.n(f.actual)} (difference ${signed(f.delta)}). Check this column's applications, carry-overs and outcomes.`
    );
  },
  'S3-OUTCOME-TOTAL': (f, k) =>
    `Table 3 · ${k.column(f.params.scope)} · (7) Total should be the sum of outcomes (1)–(6), ${k.n(f.expected)}, but is ${k.n(f.actual)} (difference ${signed(f.delta)}). Check the outcomes or set the total to ${k.n(f.expected)}.`,
  'S3-ROW-TOTAL': (f, k) =>
    `Table 3 · ${k.s3Row(f.params.scope)} · Total should be the sum of natural persons and all organisations, ${k.n(f.expected)}, but is ${k.n(f.actual)} (difference ${signed(f.delta)}). Check the row or set the total to ${k.n(f.expected)}.`,
  'S3-ZERO-YEAR': (f, k) => {
    const offenders = f.cells.slice(0, -2);
    return `Table 3 · ${k.column(f.params.column)}: no new and no carried-in applications, so every outcome and the carry-over must be 0, but ${k.cells(offenders)} is not (together they should be 0 and are ${k.n(f.actual)}). Either the new applications are missing or the outcomes are wrong.`;
  },
  'S3-DOUBLE-COUNT': () =>
    'There are more outcomes than applications: an application handled in parts counts once, under "(2) Partly disclosed", and nowhere else.',
  'S3-CARRY-CONTINUITY': (f, k) =>
    `Table 3 · ${k.column(f.params.column)} · II. Carried in is ${k.n(f.actual)}, but last year's report carried over ${k.n(f.expected)}. The two must match.`,
  'S3-SAME-AS-LAST-YEAR': (f, k) =>
    `Every figure in ${k.table(f.params.table)} equals last year's report: the table was probably copied. Make sure this year's figures are entered.`,
  'S4-GROUP-TOTAL': (f, k) =>
    `Table 4 · ${k.s4Group(f.params.scope)} · Total should be upheld + corrected + other + pending = ${k.n(f.expected)}, but is ${k.n(f.actual)} (difference ${signed(f.delta)}).`,
  'S2-FEE-UNIT': (f, k) =>
    `${k.cell(f.cells[0])} is ${k.n(f.actual)} × 10,000 yuan (${k.n(f.params.yuanInYi)} hundred million yuan): probably entered in yuan. The unit is 10,000 yuan, so ${k.n(f.actual)} yuan is ${k.n(f.fix?.value)}.`,
  'S2-REGULATION-AUTHORITY': (f, k) =>
    `Table 2 · Regulations has figures (${k.cells(f.cells)}), but ${f.params.agency ? `"${k.text(f.params.agency)}"` : 'this agency'} cannot make regulations (only State Council departments and the governments of provinces, districted cities and autonomous prefectures can). Report its documents under normative documents.`,
  'S2-VALID-STOCK': (f, k) =>
    `Table 2 · ${k.s2Row(f.params.row)} · In force is ${k.n(f.actual)}, but last year's ${k.n(f.params.lastValid)} + issued ${k.n(f.params.issued)} − repealed ${k.n(f.params.repealed)} gives ${k.n(f.expected)}.`,
  'S2-2019-DECISIONS': (f, k) =>
    `Table 2 · ${k.s2Row(f.params.row)} · Decisions (${k.n(f.actual)}) equal last year's items plus the change: items and decisions were probably confused.`,
  'FORMAT-VERSION': (f, k) => {
    const p = f.params;
    switch (p.problem) {
      case 'year':
        return `A report for ${p.year} must use ${DOCS[p.required]}, but its tables use ${DOCS[p.used]}. Use the ${p.required} tables.`;
      case 'foreignRow':
        return `The tables hold cells of the ${p.other} format only (${f.cells.join(', ')}), mixed into the ${p.used} format.`;
      case 'missing':
        return `${k.table(p.table)} lacks "${k.text(p.label)}" of the official format.`;
      case 'duplicated':
        return `"${k.text(p.label)}" appears twice in ${k.table(p.table)}. Remove the extra row.`;
      case 'renamed':
        return `"${k.text(p.label)}" in ${k.table(p.table)} differs from the official wording. Use the official text.`;
      case 'otherVersion':
        return `"${k.text(p.label)}" in ${k.table(p.table)} belongs to the other version of the format.`;
    }
  },
  'PROFILE-YEAR': (f, k) => {
    const p = f.params;
    switch (p.problem) {
      case 'missing':
        return 'The report year is missing. Enter the statistical year (e.g. 2024): it decides which format applies.';
      case 'unreadable':
        return `The report year "${k.text(p.text)}" cannot be read as a year. Enter the statistical year in four digits, e.g. 2024.`;
      case 'range':
        return `The report year "${k.n(f.actual)}" is not plausible: it must be a statistical year from 2019 to ${p.max}.`;
    }
  },
  'TEXT-SECTIONS': (f, k) => {
    const p = f.params;
    if ('old' in p)
      return `The text has the pre-2019 heading "${k.text(p.old)}". The current format has six parts, 一 to 六, and no 概述, 收费及减免 or 咨询处理: organise the report in those six parts.`;
    if ('order' in p)
      return `The parts are out of order: "${k.text(p.order)}" comes after "${k.text(p.after)}". The report needs parts 一 to 六 in order.`;
    return `Required parts are missing: ${p.missing}. The report needs parts 一 to 六 in order (the official headings or their usual variants).`;
  },
  'TEXT-PERIOD': (f, k) => {
    const p = f.params;
    const right = `${p.year}年1月1日至${p.year}年12月31日 (${p.year}-01-01 to ${p.year}-12-31)`;
    return p.problem === 'garbled'
      ? `The statistical period has a garbled date ("${k.text(p.found)}"): digits or the characters 年/月/日 were probably lost converting the PDF. It must be ${right}; check the original and correct it.`
      : `The statistical period must be ${right}; the text says "${k.text(p.found)}".`;
  },
  'TEXT-CITATION': (f, k) => {
    const p = f.params;
    if (p.problem === 'pair')
      return `The text pairs one format document's title with the other's number ("${k.text(p.found)}"): the 2021 format 《中华人民共和国政府信息公开工作年度报告格式》 is 国办公开办函〔2021〕30号, the 2019 trial format (…格式（试行）) is 国办公开办函〔2019〕60号.`;
    return `A ${p.year !== undefined ? `${p.year} ` : ''}report cites the 2019 trial format ("${k.text(p.found)}"). Reports for 2021 and later follow 《中华人民共和国政府信息公开工作年度报告格式》 (国办公开办函〔2021〕30号): correct the citation.`;
  },
  'TEXT-NUMBERS': (f, k) => {
    const p = f.params;
    const where = p.targets ? textTargets(p.targets, k.version) : k.cells(f.cells);
    const sentence = p.sentence?.trim() ? ` ("${k.text(p.sentence)}")` : '';
    return `The text says "${k.text(p.phrase)}" is ${k.n(f.actual)}${sentence}, but the tables give ${k.n(f.expected)} for ${where}${p.blanksAsZero ? ' (blank cells read as 0)' : ''}. Make the text and the tables agree.`;
  },
  'TEXT-FEE-STATEMENT': () =>
    'Part 六 says nothing about information processing fees. Even with none, state "本年度未收取信息处理费".',
  'TEXT-GOVERNMENT-ITEMS': (f, k) => {
    const p = f.params;
    const where =
      p.section === 1 ? ' (in 一、总体情况 · （五）监督保障)' : p.section === 6 ? ' (in 六、其他需要报告的事项)' : '';
    return `A government or its general office must report "${k.text(p.missing)}"${where}; the text has nothing on it.`;
  },
};

const excel: (typeof zhCN)['excel'] = {
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
    REPAIR_API_UNSUPPORTED: (detail: string, sheet: string): string =>
      `This version of Excel lacks the interface needed to repair the tables (${detail}). Undo the change to "${sheet}" (Ctrl+Z), or insert new report tables and paste the figures there. The workbook was not changed.`,
    REPAIR_FAILED: (detail: string, sheet: string): string =>
      `Repairing the worksheet "${sheet}" failed: ${detail}. Undo with Ctrl+Z and try again.`,
  },
};

// ---- input errors: a file or its content that cannot be read as a report at all ----------------

const JSON_PROBLEMS: Readonly<Record<string, (p: InputErrorParams) => string>> = {
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
};

const TYPE_NAMES: Readonly<Record<string, string>> = {
  boolean: 'true/false (a boolean)',
  array: 'an array',
  object: 'an object',
  number: 'a number',
  string: 'text',
  null: 'null',
};

const PROFILE_PROBLEMS: Readonly<Record<string, (p: InputErrorParams) => string>> = {
  notText: () => 'text (in double quotes) expected',
  notBoolean: () => 'true or false expected',
  format: () => '"2021" or "2019" expected',
  kind: () => '"government", "office" or "department" expected',
  yearTwoDigits: (p) => `"${p.text}" has two digits only; write the full four-digit statistical year, e.g. 2022`,
  yearNotAYear: (p) => `"${p.text}" is not a year; a four-digit statistical year is expected, e.g. 2022 or "2022年"`,
};

const NOT_REGULAR: Readonly<Record<string, string>> = {
  fifo: 'a named pipe (FIFO)',
  characterDevice: 'a character device',
  blockDevice: 'a block device',
  socket: 'a socket',
  other: 'a special file',
};

const TEXT_PROBLEMS: Readonly<Record<string, string>> = {
  binary: 'the file holds NUL bytes: it is binary, not text',
  utf16WithoutBom: 'the file looks like UTF-16 without a byte order mark (BOM), so its byte order is unknown',
  badAfterBom: 'the byte order mark (BOM) says UTF, but the bytes after it are not valid in that encoding',
  otherEncoding:
    'the file is not UTF-8, and read as GB18030/GBK it gives mostly rare characters: another encoding (Big5, Shift-JIS, …)',
  unknownEncoding: 'the file is neither UTF-8, UTF-16 (with BOM) nor GB18030/GBK',
  gb18030Unsupported: 'the file is not UTF-8, and this Node.js has no GB18030/GBK decoder (it needs a full-ICU build)',
};

const ZIP_PROBLEMS: Readonly<Record<string, string>> = {
  noDirectory: 'no zip directory found (the file may be truncated, or is not a zip)',
  badDirectory: 'the zip directory is damaged',
  badEntry: 'a part record is damaged',
  overlap: 'several parts point at the same data',
  sizeMismatch: 'a part unpacks to a size other than recorded',
  inflate: 'the compressed data of a part is damaged',
  method: 'a part uses an unsupported compression method',
  encrypted: 'a part is encrypted',
  duplicate: 'two parts have the same name',
};

const SYSTEM_REASONS: Readonly<Record<string, string>> = {
  ELOOP: 'the symbolic links form a loop',
  ENAMETOOLONG: 'the file name is too long',
  EIO: 'a disk input/output error',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EBUSY: 'the file is in use by another program',
  ENXIO: 'no such device',
  EAGAIN: 'the file cannot be read right now',
};

const at = (p: InputErrorParams): string => (p.path ? ` (at ${p.path})` : '');
/** Where a workbook problem is: `sheet "X" of book.xlsx`, or the file alone. */
const where = (p: InputErrorParams): string => (p.sheet ? `sheet "${p.sheet}" of ${p.file}` : `${p.file}`);
const TABLE_NUMBER: Readonly<Record<string, string>> = { s2: 'table 2', s3: 'table 3', s4: 'table 4' };
const tableOf = (p: InputErrorParams): string =>
  TABLE_NUMBER[String(p.table)] ? ` (${TABLE_NUMBER[String(p.table)]})` : '';
const lineCol = (p: InputErrorParams): string => `line ${p.line}, column ${p.column}`;
const reason = (code: string | number | undefined): string => {
  const text = SYSTEM_REASONS[String(code)];
  return text ? `${text}, ${code}` : String(code);
};

const inputErrors: InputErrorMessages = {
  JSON_SYNTAX: (p) =>
    `Not valid JSON (${lineCol(p)}): ${(JSON_PROBLEMS[String(p.problem)] ?? JSON_PROBLEMS.unexpectedChar)(p)}.`,
  JSON_TOO_DEEP: (p) => `The JSON nests deeper than ${p.limit} levels (${lineCol(p)}): not a report data file.`,
  DUPLICATE_KEY: (p) =>
    `Field "${p.key}" appears twice (${lineCol(p)}${p.path ? `, at ${p.path}` : ''}). Delete one of them so that the right figure is used.`,
  NOT_AN_OBJECT: (p) =>
    p.path ? `${p.path} must be a JSON object ({ … }).` : 'The file must hold one JSON object ({ … }).',
  UNKNOWN_KEY: (p) =>
    `Unknown field "${p.key}"${at(p)}. Allowed fields: ${p.allowed}. Check the spelling so that no data is dropped.`,
  UNKNOWN_CELL_KEY: (p) =>
    `Unknown cell key "${p.key}"${at(p)}: neither official format has this cell.${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''} Correct it and try again, so that the figure is not dropped.`,
  BAD_VALUE: (p) =>
    `The value of cell "${p.key}" must be a number, null (blank) or text, not ${pick(TYPE_NAMES, p.type)}${at(p)}.`,
  BAD_PROFILE_FIELD: (p) =>
    `Invalid value for profile field "${p.key}": ${(PROFILE_PROBLEMS[String(p.problem)] ?? (() => String(p.problem)))(p)}${at(p)}.`,
  UNSUPPORTED_FILE: (p) => `Reading ${p.ext} files (${p.file}) is not supported yet. Supported: ${p.supported}.`,
  FILE_NOT_FOUND: (p) => `File not found: ${p.file}`,
  FILE_IS_DIRECTORY: (p) => `${p.file} is a folder, not a file. Name the report file inside it.`,
  FILE_NO_PERMISSION: (p) => `No permission to read ${p.file}. Check its permissions, or copy it to your own folder.`,
  FILE_NOT_REGULAR: (p) => `${p.file} is ${pick(NOT_REGULAR, p.type)}, not a regular file; not read.`,
  FILE_TOO_LARGE: (p) =>
    `${p.file} is ${over(p)}, over the limit of ${size(p.limit)} for ${p.ext} files; not read. Report files are far smaller: check that this is the right file.`,
  FILE_EMPTY: (p) => `${p.file} is empty (0 bytes).`,
  FILE_UNREADABLE: (p) => `Cannot read ${p.file} (system error: ${reason(p.reason)}).`,
  TEXT_ENCODING: (p) =>
    `Cannot read the text of ${p.file}: ${pick(TEXT_PROBLEMS, p.problem)}. Open it in a text editor and save it as UTF-8.`,
  WORKBOOK_NOT_XLSX: (p) =>
    `${p.file} is not a valid .xlsx workbook${p.detail ? ` (${p.detail})` : ''}. Save it as "Excel Workbook (*.xlsx)" and try again.`,
  WORKBOOK_LEGACY_OR_ENCRYPTED: (p) =>
    `${p.file} is not an .xlsx file: it is an old .xls workbook, or it has a password to open. Remove the password and save it as "Excel Workbook (*.xlsx)".`,
  WORKBOOK_ZIP_DAMAGED: (p) =>
    `${p.file} is damaged and cannot be read as .xlsx: ${pick(ZIP_PROBLEMS, p.problem)}${p.part ? ` (${p.part})` : ''}. Open it in Excel or WPS (with "Open and Repair" if needed) and save it again.`,
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
    `In ${where(p)}, the name ${p.name} refers to the sheet "${p.target}", which does not exist (it may have been deleted or renamed), so the tables cannot be found. In Formulas → Name Manager, point ${p.name} at the sheet holding the report tables, or insert the official tables again and fill them in.`,
  WORKBOOK_NAME_BROKEN: (p) =>
    `In ${where(p)}, the name ${p.name} no longer refers to any cells (#REF!): they were deleted, so the tables cannot be found. Undo the deletion, or insert the official tables again and fill them in.`,
  WORKBOOK_TABLE_MISSING: (p) =>
    `The name ${p.name}${tableOf(p)} is missing from ${where(p)}: it is how the tables are found, and without it this table cannot be read. Restore it in Formulas → Name Manager, or insert the official tables again and fill them in.`,
  WORKBOOK_NAMES_OVERLAP: (p) =>
    `In ${where(p)}, the names ${p.name} and ${p.other} refer to overlapping cells (${p.cell}), so the two tables cannot be told apart. Correct them in Formulas → Name Manager, or insert the official tables again.`,
  HTML_TOO_COMPLEX: (p) =>
    `The web page ${p.file} ${p.what === 'depth' ? `is nested ${count(p.count)} levels deep, beyond the limit of ${count(p.limit)}` : `has ${count(p.count)} elements, beyond the limit of ${count(p.limit)}`}; it does not look like a report page and was not read. Open it in a browser, copy the report's text and paste it as text instead.`,
  DOCX_NOT_DOCX: (p) =>
    `${p.file} is not a valid Word document (.docx)${p.detail ? ` (${p.detail})` : ''}. Save it as "Word Document (*.docx)" in Word or WPS and try again.`,
  DOCX_LEGACY_OR_ENCRYPTED: (p) =>
    `${p.file} is not in .docx format: it is an old .doc document, or has a password to open. Remove the password and save it as "Word Document (*.docx)" in Word or WPS, then try again.`,
  DOCX_ZIP_DAMAGED: (p) =>
    `${p.file} is damaged and cannot be read as .docx: ${pick(ZIP_PROBLEMS, p.problem)}${p.part ? ` (${p.part})` : ''}. Open it in Word or WPS (with "Open and Repair" if needed) and save it again.`,
  DOCX_UNPACKED_TOO_LARGE: (p) =>
    `${p.file}${p.part ? `, part ${p.part},` : ''} unpacks to ${over(p)}, beyond the limit of ${size(p.limit)} for a .docx document, and was not read. A report draft is far smaller: remove large pictures or embedded objects and try again.`,
  DOCX_DAMAGED: (p) =>
    `${p.file} is damaged: its ${p.part} is not valid XML and cannot be read. Open it in Word or WPS and save it again.`,
};

// ---- the command line ----------------------------------------------------------------------

const file = (name: string): string => displayPath(name);
const arg = (text: string): string => displayText(text, 60);

const TABLE_EN: Readonly<Record<'s2' | 's3' | 's4', string>> = { s2: 'Table 2', s3: 'Table 3', s4: 'Table 4' };

function usageEn(limits: CliLimits, text?: CliTextLimits): string {
  const textLimits = text
    ? [
        `; .txt ${formatBytes(text.txt)}`,
        text.html !== undefined ? `; .html/.htm ${formatBytes(text.html)}` : '',
        text.docx !== undefined ? `; .docx ${formatBytes(text.docx)}` : '',
      ].join('')
    : '';
  return `nianbao — checks and templates for the government information disclosure annual report

Usage:
  nianbao check FILE… [--json] [--previous FILE] [--year N] [--format 2019|2021] [--kind government|office|department]
  nianbao template [-o OUT.xlsx] [--year N] [--format 2019|2021] [--agency NAME] [--kind government|office|department] [--data FILE] [--force]
  nianbao docx FILE [-o OUT.docx] [--previous FILE] [--force]
  nianbao merge FILE… -o OUT.xlsx [--expect UNITS.txt] [--json] [--year N] [--format 2019|2021] [--agency NAME] [--force]

Options:
  --json        print one JSON document (for scripts)
  --data        template: fill the template with the data and profile of this report file (.json, .xlsx, …)
  -o            template, docx: the output file; docx writes beside the report file by default, same name, .docx
  --previous    check, docx: last year's report file, for the year-on-year checks and wording
  --force       template, docx, merge: overwrite the output file if it exists
  --expect      merge: the units that must report (one name a line); the missing ones are named
  --lang        message language: zh-CN (default) or en-US; or set NIANBAO_LANG
  -h, --help    show this help

merge adds up the reports of subordinate units: every cell is the units' sum (a cell a unit left blank is
blank in the sum); it writes the official tables (with their in-sheet checks) and a 汇总明细 sheet (one
column per unit), and names the units missing, repeated, of another year or format, or with errors.

docx writes the report's Word skeleton: the headings of every part, the sentences made from the tables'
figures and the three tables, every figure linked to the tables, grey prompts where the agency writes
its own words. A workbook with several report sheets gives one file per sheet: OUT-<sheet>.docx.

check reads: .json (report data), .xlsx (a workbook holding the report tables), .txt / .html / .htm (the
full text of a published report, copied from a web page or extracted from a PDF), .docx (a report draft).
For a full text it also checks the text: the six part headings, the statistical period, the format
document cited, the figures of the prose against the tables; what could not be read is listed under
"Reading notes", and those cells are not checked.

File limits: .json ${formatBytes(limits.json)}; .xlsx ${formatBytes(limits.xlsx)} (${formatBytes(limits.xlsxUnpacked)} unpacked)${textLimits}.
Text encodings: UTF-8 (with or without BOM), UTF-16 (with BOM), GB18030/GBK.
Exit status: 0 no errors; 1 errors found; 2 usage error or unreadable file.
`;
}

const cli: CliStrings & CliDocxStrings & CliCheckStrings & CliMergeStrings = {
  mergeNoFiles: 'Name the unit report files to merge, e.g. nianbao merge unit1.xlsx unit2.xlsx -o merged.xlsx.',
  mergeNoOut: 'Name the merged workbook with -o (an .xlsx file), e.g. -o merged.xlsx.',
  mergeNotXlsx: (f) => `The merged report is written as an .xlsx workbook only: ${file(f)}.`,
  mergeExpectUnreadable: (f, reason) => `The list of units given with --expect, ${file(f)}, cannot be read: ${reason}`,
  mergeUnreadable: (f, reason) => `${file(f)} is not in the merge: ${reason}`,
  mergeUnit: (u) =>
    `${u.included ? '✔' : '✖'} ${displayText(u.name, 60)} (${file(u.file)})${
      u.errors + u.warnings > 0 ? `: ${u.errors} errors, ${u.warnings} warnings` : ''
    }${u.included ? '' : ', not merged'}`,
  mergeUnitsTitle: 'Units',
  mergeNotesTitle: 'About the merge',
  mergeResultTitle: 'Checks of the merged report',
  mergeWritten: (f, units, received) => `Merged ${units} units (${received} reports received) into ${file(f)}.`,
  mergeNothing: 'No unit report can be merged; no file written.',
  mergeAgency: (first) => (first ? `${first} (merged)` : 'Merged report'),
  usage: (limits) => usageEn(limits),
  help: (limits) => usageEn(limits, limits),
  textGroupTitle: 'Text',
  notesTitle: 'Reading notes',
  note: (p, version) => {
    switch (p.code) {
      case 'TABLE_NOT_FOUND':
        return `${TABLE_EN[p.table]} was not found in the text; its cells are not checked.`;
      case 'ROW_NOT_FOUND':
        return `The row "${displayText(p.label, 60)}" of ${TABLE_EN[p.table]} was not found; its cells are not checked.`;
      case 'ROW_UNSURE':
        return `The figures of the row "${displayText(p.label, 60)}" of ${TABLE_EN[p.table]} ("${displayText(p.text, 60)}") cannot be placed in their cells with certainty; not read. Check the original.`;
      case 'VALUE_NOT_A_NUMBER':
        return `${cellLabel(version, p.key, 'en-US')} holds "${displayText(p.text, 60)}", which is not a number.`;
      case 'TRUNCATED':
        return `The text ends inside ${TABLE_EN[p.table]}: what follows was not found (the file may be incomplete).`;
      case 'PROFILE_NOT_FOUND':
        return p.field === 'year'
          ? 'The report year could not be read from the title or the statistical period. Give it with --year.'
          : 'The agency could not be read from the title.';
      case 'ROW_UNRECOGNISED':
        return `A row of ${TABLE_EN[p.table]} could not be recognised ("${displayText(p.text, 60)}"); not read. Check the original.`;
      case 'PROFILE_INFERRED':
        return `The title and the statistical period do not state the report year; it was taken from the date signed ("${displayText(p.text, 40)}"). If that is wrong, give it with --year.`;
      case 'TAGGED_UNKNOWN':
        return `A figure tagged "nianbao:${displayText(p.key, 60)}" in the draft names no cell; ignored.`;
      default:
        return `Something in the text could not be read with certainty (${displayText(String((p as { code?: unknown }).code), 40)}); the cells concerned are not checked.`;
    }
  },
  notFound: (count, first, version) =>
    `${count} cells were not found in the text (e.g. ${first.map((k) => cellLabel(version, k, 'en-US')).join('; ')}); they are not checked.`,
  runSummary: (s) =>
    [
      `Checked ${s.reports} report${s.reports === 1 ? '' : 's'}: ${s.withErrors} with errors, ${s.withWarningsOnly} with warnings only`,
      s.unreadable > 0 ? `, ${s.unreadable} unreadable` : '',
      `; ${s.errors} errors and ${s.warnings} warnings in all.`,
      s.withNotes > 0 ? ` ${s.withNotes} had parts that could not be read: see their reading notes.` : '',
    ].join(''),
  docxDamaged: (f) =>
    `${file(f)} is not a valid .docx document (it is damaged, or not a Word document). Open it in Word or WPS, save it as "Word Document (*.docx)" and try again.`,
  profileLine: (p) =>
    [
      p.agency !== undefined ? displayText(p.agency, 60) : '(no agency)',
      p.year ? `year ${p.year}` : '(no year)',
      p.format ? `${p.format} format` : '',
      p.kind ? KINDS_EN[p.kind].label : '',
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
  docxNoFile: 'Name the report file, e.g. nianbao docx report.json.',
  docxInputUnreadable: (f, reason) => `Cannot read the report file ${file(f)}: ${reason}`,
  docxSameAsInput: (f) =>
    `The output file is the input draft ${file(f)}; nothing was written, so that its text is not overwritten. Choose another name with -o, e.g. -o report-skeleton.docx.`,
  docxNotDocx: (f) => `The output file name must end in .docx: ${file(f)}`,
  docxExists: (f) =>
    `File exists: ${file(f)}. Nothing was written, so that no text already written in it is overwritten. Add --force to overwrite it, or choose another name with -o.`,
  docxUnwritable: (f, reason) => `Cannot write ${file(f)}: ${reason}`,
  docxWritten: (f, figures, prompts) =>
    `Wrote ${file(f)}: ${figures} figure${figures === 1 ? '' : 's'} linked to the tables, ${prompts} prompt${prompts === 1 ? '' : 's'} for the agency's own words (grey text: click and type to replace it).`,
  docxReportErrors: (f, errors) =>
    `Note: the tables of ${file(f)} have ${errors} error${errors === 1 ? '' : 's'}; the document shows the figures as they are. Run nianbao check, correct them and generate again.`,
};

export const enUS: typeof zhCN = {
  kinds: KINDS_EN,
  rules,
  sheet: zhCN.sheet,
  excel,
  inputErrors,
  cli,
  taskpane: taskpaneEnUS,
};
