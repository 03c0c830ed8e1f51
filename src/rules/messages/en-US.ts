// English messages: the same facts as the Chinese ones, naming cells by their printed labels.
import { signed, type MessageCatalogue } from './kit';

const DOCS: Readonly<Record<string, string>> = {
  '2021': 'the 2021 format (国办公开办函〔2021〕30号)',
  '2019': 'the 2019 trial format (国办公开办函〔2019〕60号)',
};

export const enUS: MessageCatalogue = {
  'CELL-BLANK': (f, k) => {
    const placeholder = k.p(f, 'placeholder');
    return `${k.cell(f.cells[0])} is blank${placeholder ? ` (it holds "${placeholder}")` : ''}. The format needs a number in every cell: enter 0 where there was nothing.`;
  },
  'CELL-NOT-NUMBER': (f, k) =>
    `${k.cell(f.cells[0])} holds "${k.p(f, 'text')}", which is not a number. Enter digits only (e.g. 12) and explain in the text.`,
  'CELL-NEGATIVE': (f, k) =>
    `${k.cell(f.cells[0])} is ${k.n(f.actual)}; it cannot be negative. Enter 0 or a positive number.`,
  'CELL-NOT-INTEGER': (f, k) => `${k.cell(f.cells[0])} is ${k.n(f.actual)}; a count must be a whole number.`,
  'CELL-PRECISION': (f, k) =>
    `${k.cell(f.cells[0])} is ${k.n(f.actual)} with ${k.p(f, 'decimals')} decimals. Amounts in 10,000 yuan keep at most 4 decimals (one yuan): round to ${k.n(f.fix?.value)}.`,
  'S3-BALANCE': (f, k) => {
    const col = k.column(k.p(f, 'column'));
    return (
      `Table 3 · ${col}: the printed identity fails (items I + II must equal items III + IV). ` +
      `From new ${k.p(f, 'new')} + carried in ${k.p(f, 'carriedIn')} − carried over ${k.p(f, 'carriedOver')}, ` +
      `"(7) Total" should be ${k.n(f.expected)} but is ${k.n(f.actual)} (difference ${signed(f.delta)}). Check this column's applications, carry-overs and outcomes.`
    );
  },
  'S3-OUTCOME-TOTAL': (f, k) =>
    `Table 3 · ${k.column(k.p(f, 'scope'))} · (7) Total should be the sum of outcomes (1)–(6), ${k.n(f.expected)}, but is ${k.n(f.actual)} (difference ${signed(f.delta)}). Check the outcomes or set the total to ${k.n(f.expected)}.`,
  'S3-ROW-TOTAL': (f, k) =>
    `Table 3 · ${k.s3Row(k.p(f, 'scope'))} · Total should be the sum of natural persons and all organisations, ${k.n(f.expected)}, but is ${k.n(f.actual)} (difference ${signed(f.delta)}). Check the row or set the total to ${k.n(f.expected)}.`,
  'S3-ZERO-YEAR': (f, k) => {
    const offenders = f.cells.slice(0, -2);
    return `Table 3 · ${k.column(k.p(f, 'column'))}: no new and no carried-in applications, so every outcome and the carry-over must be 0, but ${k.cells(offenders)} is not. Either the new applications are missing or the outcomes are wrong.`;
  },
  'S3-DOUBLE-COUNT': () =>
    'There are more outcomes than applications: an application handled in parts counts once, under "(2) Partly disclosed", and nowhere else.',
  'S3-CARRY-CONTINUITY': (f, k) =>
    `Table 3 · ${k.column(k.p(f, 'column'))} · II. Carried in is ${k.n(f.actual)}, but last year's report carried over ${k.n(f.expected)}. The two must match.`,
  'S3-SAME-AS-LAST-YEAR': (f, k) =>
    `Every figure in ${k.table(k.p(f, 'table'))} equals last year's report: the table was probably copied. Make sure this year's figures are entered.`,
  'S4-GROUP-TOTAL': (f, k) =>
    `Table 4 · ${k.s4Group(k.p(f, 'scope'))} · Total should be upheld + corrected + other + pending = ${k.n(f.expected)}, but is ${k.n(f.actual)} (difference ${signed(f.delta)}).`,
  'S2-FEE-UNIT': (f, k) =>
    `${k.cell(f.cells[0])} is ${k.n(f.actual)} × 10,000 yuan (${k.p(f, 'yuanInYi')} hundred million yuan): probably entered in yuan. The unit is 10,000 yuan, so ${k.n(f.actual)} yuan is ${k.n(f.fix?.value)}.`,
  'S2-REGULATION-AUTHORITY': (f, k) =>
    `Table 2 · Regulations has figures (${k.cells(f.cells)}), but this agency cannot make regulations (only State Council departments and the governments of provinces, districted cities and autonomous prefectures can). Report its documents under normative documents.`,
  'S2-VALID-STOCK': (f, k) =>
    `Table 2 · ${k.s2Row(k.p(f, 'row'))} · In force is ${k.n(f.actual)}, but last year's ${k.p(f, 'lastValid')} + issued ${k.p(f, 'issued')} − repealed ${k.p(f, 'repealed')} gives ${k.n(f.expected)}.`,
  'S2-2019-DECISIONS': (f, k) =>
    `Table 2 · ${k.s2Row(k.p(f, 'row'))} · Decisions (${k.n(f.actual)}) equal last year's items plus the change: items and decisions were probably confused.`,
  'FORMAT-VERSION': (f, k) => {
    const label = k.p(f, 'label');
    const table = k.table(k.p(f, 'table'));
    switch (k.p(f, 'problem')) {
      case 'year':
        return `A report for ${k.p(f, 'year')} must use ${DOCS[k.p(f, 'required')]}, but its tables use ${DOCS[k.p(f, 'used')]}. Use the ${k.p(f, 'required')} tables.`;
      case 'foreignRow':
        return `The tables hold cells of the ${k.p(f, 'other')} format only (${f.cells.join(', ')}), mixed into the ${k.p(f, 'used')} format.`;
      case 'missing':
        return `${table} lacks "${label}" of the official format.`;
      case 'duplicated':
        return `"${label}" appears twice in ${table}. Remove the extra row.`;
      case 'renamed':
        return `"${label}" in ${table} differs from the official wording. Use the official text.`;
      default:
        return `"${label}" in ${table} belongs to the other version of the format.`;
    }
  },
  'PROFILE-YEAR': (f, k) =>
    k.p(f, 'problem') === 'missing'
      ? 'The report year is missing. Enter the statistical year (e.g. 2024): it decides which format applies.'
      : `The report year "${k.n(f.actual)}" is not plausible: it must be a statistical year from 2019 to ${k.p(f, 'max')}.`,
  'TEXT-SECTIONS': (f, k) => {
    const old = k.p(f, 'old');
    if (old)
      return `The text has the pre-2019 heading "${old}". Organise the report in the six parts of the current format.`;
    return `Required parts are missing or out of order: ${k.p(f, 'missing')}. The report needs parts 一 to 六 in order.`;
  },
  'TEXT-PERIOD': (f, k) =>
    `The statistical period must be ${k.p(f, 'year')}-01-01 to ${k.p(f, 'year')}-12-31; the text says "${k.p(f, 'found')}".`,
  'TEXT-CITATION': (f, k) =>
    `The text cites the wrong format document ("${k.p(f, 'found')}"): a ${k.p(f, 'year')} report follows 国办公开办函〔2021〕30号.`,
  'TEXT-NUMBERS': (f, k) =>
    `The text says "${k.p(f, 'phrase')}" is ${k.n(f.actual)}, but the table's ${k.cell(f.cells[0])} is ${k.n(f.expected)}${k.p(f, 'blanksAsZero') ? ' (blank cells read as 0)' : ''}. Make the text match the tables.`,
  'TEXT-FEE-STATEMENT': () =>
    'Part 六 says nothing about information processing fees. Even with none, state "本年度未收取信息处理费".',
  'TEXT-GOVERNMENT-ITEMS': (f, k) => `A government or its general office must report "${k.p(f, 'missing')}".`,
};
