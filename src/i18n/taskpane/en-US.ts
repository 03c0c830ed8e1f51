// The task pane's strings in en-US (the same shape as zh-CN's).
import type { FormatVersion } from '../../format/types';
import type { AgencyKind } from '../../report/report';
import { KINDS_EN } from '../kinds';
import type { taskpaneZhCN } from './zh-CN';

export const taskpaneEnUS: typeof taskpaneZhCN = {
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
    loading: 'Loading…',
    loadFailed:
      'Part of the Annual Report Assistant could not be loaded (the network may be down). Check the connection, then close and reopen the task pane.',
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
  guidance: {
    title: (label: string): string => `Selected cell: ${label}`,
    article: (article: string): string => `Basis: Regulations on Open Government Information, ${article}`,
    rules: 'Counting rules',
    findingsHere: (n: number): string => `${n} finding${n === 1 ? '' : 's'} involve this cell:`,
    noFindingsHere: 'Nothing is wrong with this cell.',
  },
  live: {
    blanks: (n: number): string => `${n} of them are blank cells (write 0 where nothing happened). `,
    dismissalsUnreadable: (sheet: string): string =>
      `The dismissals saved in this workbook for “${sheet}” cannot be read (another program may have changed them). To lose nothing they were left as they are; this dismissal was not saved.`,
    sheet: (name: string): string => `Checking the sheet “${name}”`,
    manualTitle: 'This Excel cannot check as you type',
    manual:
      'This Excel has no change events (they need ExcelApi 1.7). Click “Check again” after filling in; the “本表校验” checks beside each table still work by themselves.',
    damagedTitle: 'The structure of the tables was changed',
    damaged:
      'Rows or columns were inserted or deleted in the tables, or a label row was deleted: the official layout is broken and this sheet is not checked. Undo that change (Ctrl+Z), or click “Repair tables”: labels, names and checks are rebuilt in the official layout and every figure goes back to its row by the row labels.',
    damagedRows: (labels: string): string => `Rows not found: ${labels}.`,
    repair: 'Repair tables',
    repairing: 'Repairing…',
    repaired: (sheet: string, kept: number): string =>
      `The worksheet "${sheet}" was rebuilt in the official layout; ${kept} filled values were put back.`,
    repairedLost: (cells: string): string =>
      `The figures of the deleted rows cannot be recovered; these cells are now blank, fill them in again: ${cells}.`,
    unrecognized: (sheet: string): string =>
      `Too few labels of the official tables are left on "${sheet}" to put the figures back by their rows; nothing was changed. Undo the change (Ctrl+Z), or insert new report tables and paste the figures there.`,
    ready: 'Ready to publish',
    readyDetail: 'Every identity and filling rule of the tables has been checked; nothing is wrong.',
    problems: (errors: number, warnings: number): string =>
      [
        errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : '',
        warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
      ]
        .filter(Boolean)
        .join(', '),
    infos: (n: number): string => `and ${n} note${n === 1 ? '' : 's'}`,
    groupCounts: (errors: number, warnings: number, infos: number): string =>
      [
        errors > 0 ? `${errors} errors` : '',
        warnings > 0 ? `${warnings} warnings` : '',
        infos > 0 ? `${infos} notes` : '',
      ]
        .filter(Boolean)
        .join(' · '),
    severity: { error: 'Error', warning: 'Warning', info: 'Note' },
    locate: 'Go to',
    locateHint: 'Select the cells involved in the sheet',
    fix: (value: string): string => `Set to ${value}`,
    fixHint: 'Set the total to the sum of its parts (this cell only)',
    dismiss: 'Dismiss',
    dismissPrompt:
      'Why does this warning not apply? (Saved in the workbook; the warning returns if a figure it involves changes.)',
    dismissConfirm: 'Dismiss warning',
    dismissCancel: 'Cancel',
    reasonRequired: 'Please give a reason.',
    dismissedTitle: (n: number): string => `Dismissed (${n})`,
    dismissedReason: (reason: string): string => `Reason: ${reason}`,
    restore: 'Restore',
    recheck: 'Check again',
  },
  document: {
    title: 'Linked document',
    description:
      'Generates the skeleton of the report’s text (.docx) from this sheet’s figures: the headings and required items of the six parts, sentences that follow the figures, and prompts where the agency writes. Every figure is linked to the tables: after the tables change, use “Refresh figures” of the Annual Report Assistant in Word.',
    generate: 'Generate Word document',
    generated: (file: string, figures: number, prompts: number): string =>
      `Generated “${file}”: ${figures} figures linked to the tables, ${prompts} prompts to fill in (grey text: click and type to replace it). Find it in your browser’s or system’s downloads.`,
    withErrors: (errors: number): string =>
      `Note: the tables still have ${errors} errors; the document shows the figures as they are. After correcting them, refresh the figures in Word.`,
    noDownload:
      'This Excel (desktop Excel on a Mac or a mobile device) does not let add-ins download files. Run “nianbao docx workbook.xlsx” on the command line, or open the Annual Report Assistant in Word and use “Generate from workbook”.',
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
