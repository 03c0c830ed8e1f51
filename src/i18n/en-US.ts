// English, the second locale: the same facts as the Chinese, naming cells by their printed labels'
// glosses. Typed as the Chinese catalogue's shape, so a missing or extra entry fails to compile.
import type { FormatVersion } from '../format';
import { MAX_FIGURE, type AgencyKind } from '../report';
import { signed } from './kit';
import type { RuleMessages } from './types';
import { zhCN } from './zh-CN';

const KINDS_EN: Readonly<Record<AgencyKind, { readonly label: string; readonly detail: string }>> = {
  government: { label: 'People’s government', detail: ' (incl. townships and sub-districts)' },
  office: { label: 'General office of a government', detail: '' },
  department: { label: 'Government department', detail: ' or other body' },
};

const DOCS = {
  '2021': 'the 2021 format (国办公开办函〔2021〕30号)',
  '2019': 'the 2019 trial format (国办公开办函〔2019〕60号)',
} as const;

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
  'TEXT-SECTIONS': (f, k) =>
    'old' in f.params
      ? `The text has the pre-2019 heading "${k.text(f.params.old)}". Organise the report in the six parts of the current format.`
      : `Required parts are missing or out of order: ${k.text(f.params.missing)}. The report needs parts 一 to 六 in order.`,
  'TEXT-PERIOD': (f, k) =>
    `The statistical period must be ${f.params.year}-01-01 to ${f.params.year}-12-31; the text says "${k.text(f.params.found)}".`,
  'TEXT-CITATION': (f, k) =>
    `The text cites the wrong format document ("${k.text(f.params.found)}"): a ${f.params.year} report follows 国办公开办函〔2021〕30号.`,
  'TEXT-NUMBERS': (f, k) =>
    `The text says "${k.text(f.params.phrase)}" is ${k.n(f.actual)}, but the table's ${k.cell(f.cells[0])} is ${k.n(f.expected)}${f.params.blanksAsZero ? ' (blank cells read as 0)' : ''}. Make the text match the tables.`,
  'TEXT-FEE-STATEMENT': () =>
    'Part 六 says nothing about information processing fees. Even with none, state "本年度未收取信息处理费".',
  'TEXT-GOVERNMENT-ITEMS': (f, k) => `A government or its general office must report "${k.text(f.params.missing)}".`,
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
  },
};

const taskpane: (typeof zhCN)['taskpane'] = {
  common: {
    title: 'Annual Report Assistant',
    subtitle: 'Annual report on government information disclosure',
    outsideOfficeTitle: 'Open this inside Excel or Word',
    outsideOffice:
      'This page is an Office add-in and works only inside Excel or Word. In a browser you can preview the interface; the buttons change no document.',
    unsupportedHostTitle: 'This application is not supported',
    unsupportedHost: (hostName: string): string =>
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
    formatHint: (year: number, version: FormatVersion): string => `Reports for ${year} use the ${version} format.`,
    yearLabel: 'Report year',
    yearInvalid: (min: number, max: number): string => `Enter a year from ${min} to ${max}.`,
    agencyLabel: 'Agency name',
    agencyPlaceholder: 'e.g. General Office of the City People’s Government',
    kindLabel: 'Kind of agency',
    kindHint:
      'Governments and their general offices also report on assessments, the annual work priorities and other items.',
    kindOption: (kind: AgencyKind): string => `${KINDS_EN[kind].label}${KINDS_EN[kind].detail}`,
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

// The sheet is the official Chinese form in every locale.
export const enUS: typeof zhCN = { kinds: KINDS_EN, rules, sheet: zhCN.sheet, excel, taskpane };
