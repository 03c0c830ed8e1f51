// The task pane's strings in en-US (the same shape as zh-CN's).
import type { taskpaneZhCN } from './zh-CN';
import { firstEnUS } from './first-en-US';

export const taskpaneEnUS: typeof taskpaneZhCN = {
  ...firstEnUS,
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
  merge: {
    title: 'Merge unit reports',
    intro:
      'Pick the reports of the subordinate units (workbooks, JSON, text, web pages or Word drafts; several at once) to merge them into one report: every cell is the units’ sum, and a cell a unit left blank stays blank. The units left out and those with errors are listed before anything is inserted.',
    agencyLabel: 'Agency of the merged report',
    agencyPlaceholder: 'e.g. 某某县人民政府',
    pick: 'Pick the units’ reports…',
    reading: 'Reading and merging…',
    previewTitle: (included: number, received: number, year?: number): string =>
      `${included} units can be merged${year ? ` for ${year}` : ''} (${received} reports read)`,
    nothing: 'No unit report can be merged.',
    unitsList: 'Units',
    notesList: 'About the merge',
    unit: (u: { name: string; file: string; included: boolean; errors: number; warnings: number }): string =>
      `${u.included ? '✔' : '✖'} ${u.name} (${u.file})${u.errors + u.warnings > 0 ? `: ${u.errors} errors, ${u.warnings} warnings` : ''}${u.included ? '' : ', not merged'}`,
    unreadable: (file: string, message: string): string => `✖ ${file} cannot be read and is not merged: ${message}`,
    andMore: (n: number): string => `… and ${n} more units`,
    mergedErrors: (n: number): string =>
      `The merged report has ${n} errors (mostly from the units listed above); check them in the sheet once inserted.`,
    insert: 'Insert the merged tables',
    cancel: 'Cancel',
    inserted: (sheet: string, detail: string): string =>
      `Inserted the merged report “${sheet}” and its breakdown “${detail}” (one column per unit); checking it now.`,
  },
  previous: {
    title: 'Last year’s report',
    none: (year?: number): string =>
      `No figures of last year’s report yet. Import ${year ? `the ${year - 1} report` : 'last year’s report'}: the cross-year checks (this year’s carried-in against last year’s carried-over, …) and the document’s year-on-year wording use it.`,
    currentImported: (source: string, year?: number): string =>
      `The cross-year checks use the imported report ${source}${year ? ` (${year})` : ''}.`,
    currentSheet: (sheet: string): string => `The cross-year checks use last year’s sheet “${sheet}” of this workbook.`,
    pick: 'Import last year’s report',
    paste: 'Paste the report’s text',
    pasteLabel: 'Paste the whole text of last year’s report (copied from the web page or the PDF):',
    read: 'Read',
    reading: 'Reading…',
    remove: 'Remove the imported report',
    previewTitle: (source: string): string => `What was read from “${source}”`,
    previewProfile: (agency?: string, year?: number): string =>
      `Agency: ${agency ?? '(not found)'}; year: ${year ?? '(not found)'}`,
    yearMismatch: (year?: number): string =>
      year
        ? `Note: this is not the ${year - 1} report; check that you picked the right file.`
        : 'Note: the report’s year was not found; check that you picked the right file.',
    tableName: {
      s2: 'Table 2 (proactive disclosure)',
      s3: 'Table 3 (requests)',
      s4: 'Table 4 (reviews and suits)',
    } as Record<'s2' | 's3' | 's4', string>,
    tableRead: (table: string, read: number, total: number): string => `${table}: ${read} of ${total} cells read`,
    notFound: (n: number): string => `${n} cells not found (nothing guessed; the checks treat them as missing): `,
    tableMissing: (n: number): string => `, ${n} not found`,
    readList: (table: string): string => `Figures read from ${table}`,
    blank: '(blank)',
    readCell: (label: string, value: string): string => `${label}: ${value}`,
    andMore: (n: number): string => ` … and ${n} more`,
    confirm: 'Import',
    cancel: 'Cancel',
    stored: (source: string): string =>
      `The figures of “${source}” are stored in this workbook; the cross-year checks use them.`,
    pasted: 'pasted text',
    problems: {
      TABLE_NOT_FOUND: (table: string): string => `${table} was not found.`,
      ROW_NOT_FOUND: (table: string, label: string): string => `${table}: the row “${label}” was not found.`,
      ROW_UNSURE: (table: string, label: string): string =>
        `${table}: the figures of the row “${label}” cannot be placed in their columns with certainty; not read (nothing guessed).`,
      VALUE_NOT_A_NUMBER: (cell: string, text: string): string => `${cell}: “${text}” is not a figure; not read.`,
      TRUNCATED: (table: string): string => `The text ends inside ${table}; what follows was not found.`,
      PROFILE_NOT_FOUND: (field: 'year' | 'agency'): string =>
        field === 'year'
          ? 'The report’s year was not found in the title or the statistical period.'
          : 'The agency was not found in the title.',
      ROW_UNRECOGNISED: (table: string, text: string): string =>
        `${table}: a row with figures whose label is no row of the official table (“${text}”); its figures were not read.`,
      PROFILE_INFERRED: (text: string): string =>
        `The year is not in the title or the statistical period; it was taken from the date the report is signed (“${text}”). Please check it.`,
      TAGGED_UNKNOWN: (key: string): string => `A linked figure names no cell of the tables (“${key}”); ignored.`,
    },
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
    ...firstEnUS.word,
    source: (source: string, previous: boolean): string =>
      `From: ${source}${previous ? ' (with last year’s tables, for the year-on-year wording)' : ''}`,
    confirmErrorsTitle: 'The tables still have errors',
    confirmErrors: (errors: number): string =>
      `The tables have ${errors} errors; the document will show the figures as they are. Correct them and refresh before publishing. Generate anyway?`,
    generateAnyway: 'Generate anyway',
    cancel: 'Cancel',
    alreadyLinkedTitle: 'The document already has linked figures',
    alreadyLinked: (n: number): string =>
      `This document already has ${n} figures linked to the tables. To update them use “Refresh figures”; to insert a second skeleton anyway, click “Insert again”.`,
    insertAgain: 'Insert again',
    generated: (figures: number, prompts: number, tables: number): string =>
      `The skeleton was inserted at the end of the document: ${figures} linked figures, ${tables} tables, ${prompts} prompts to fill in (grey text: click and type to replace it).`,
    degradedIntro: 'This Word lacks some features; something else was done instead:',
    degraded: {
      builtInStyles:
        'Built-in heading styles (WordApi 1.3): headings are formatted directly and do not show in the navigation pane.',
      tables: 'Tables (WordApi 1.3): each row is a tab-separated line; Convert Text to Table restores them.',
      mergedCells: 'Merged cells (WordApi 1.4): a merged label is in its top-left cell only; merge by hand.',
      customXml:
        'Keeping the generation record in the document (WordApi 1.4): kept in the add-in’s document settings instead.',
    } as Record<string, string>,
    refreshedTitle: 'Figures refreshed',
    refreshed: (updated: number, places: number, unchanged: number): string =>
      `${updated} figures updated${places > updated ? ` (${places} places)` : ''}, ${unchanged} places unchanged.`,
    updatedItem: (label: string, from: string, to: string): string => `${label}: ${from} → ${to}`,
    handEditedTitle: (n: number): string => `${n} figures were edited by hand and were not overwritten`,
    handEditedItem: (label: string, text: string, now: string): string =>
      `${label}: the document says “${text}”, the tables “${now}”`,
    overwrite: 'Overwrite with the tables’ figures',
    overwrittenItem: (label: string, text: string, now: string): string => `${label}: “${text}” became “${now}”`,
    lockedTitle: (n: number): string => `${n} figures are locked against editing and were not updated`,
    orphanedTitle: (n: number): string =>
      `${n} linked figures have no counterpart in the tables any more (left as they are)`,
    missingTitle: (n: number): string => `${n} figures are not in the document (perhaps deleted)`,
    noRecord:
      'The document holds no record of what was generated: every figure that differs from the tables counts as edited by hand and is overwritten only if you confirm.',
    notLinked: 'The document has no figures linked to the tables. Use “Generate from workbook” first.',
    apiUnsupported:
      'This version of Word lacks the interface the Annual Report Assistant needs (WordApi 1.1). Use Microsoft 365, Word 2016 or later, or Word on the web, or run “nianbao docx workbook.xlsx” on the command line.',
    batchFailed: (detail: string): string =>
      `Word refused a write: ${detail}. What was written stays in the document; undo with Ctrl+Z and try again.`,
  },
};
