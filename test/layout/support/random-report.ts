// Random reports for the formula-agreement tests: consistent ones, and ones broken on purpose in
// each identity (S3 balance, outcome total, row total, S4 group total) or in their cells (blank,
// text, placeholders, negatives, fractions). Deterministic: a seed gives the same reports.
import { cellsOfTable, getFormat, type CellDef, type FormatVersion } from '../../../src/format';
import { seededRandom } from '../../../src/bench/random-report';
import type { RawValue, Report } from '../../../src/report';

export type Rand = () => number;

/** The bench's seeded generator, so a seed means the same sequence everywhere. */
export const seeded = (seed: number): Rand => seededRandom(seed);

export const int = (rand: Rand, min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));
export const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)];

/** Text no reader takes for a number (the sheet and the engine both call it text). */
export const TEXTS = ['abc', '约3', '见附件', '三件', 'N/A', '12 件左右', '=1+1'];
/** Placeholders: the engine reads them as blank, the sheet as text; both say the table is not done. */
export const PLACEHOLDERS = ['—', '-', '/', '无', '  '];

export type Values = Record<string, RawValue>;

const num = (values: Values, key: string): number => {
  const v = values[key];
  return typeof v === 'number' ? v : 0;
};
const add = (values: Values, key: string, d: number): void => {
  values[key] = num(values, key) + d;
};

function s3Parts(version: FormatVersion): string[] {
  return getFormat(version)
    .s3.columns.map((c) => c.key)
    .filter((c) => c !== 'total');
}

/** Makes the 总计 column the sum of the applicant columns, row by row. */
function fixRowTotals(version: FormatVersion, values: Values): void {
  for (const row of getFormat(version).s3.rows) {
    values[`s3.${row.key}.total`] = s3Parts(version).reduce((s, c) => s + num(values, `s3.${row.key}.${c}`), 0);
  }
}

function s2Value(rand: Rand, cell: CellDef): number {
  switch (cell.unit) {
    case 'count':
      return rand() < 0.3 ? 0 : int(rand, 0, 500);
    case 'signedCount':
      return int(rand, -20, 20);
    case 'wanyuan':
    case 'decimal':
      return int(rand, 0, 2_000_000) / 10_000;
  }
}

/** A report whose every identity holds and every cell is a proper number. */
export function validValues(version: FormatVersion, rand: Rand): Values {
  const format = getFormat(version);
  const values: Values = {};
  for (const cell of cellsOfTable(version, 's2')) values[cell.key] = s2Value(rand, cell);
  const outcomes = format.s3.rows.filter((r) => r.isOutcomeItem).map((r) => r.key);
  for (const c of s3Parts(version)) {
    const empty = rand() < 0.2; // a column with no applications at all (S3-ZERO-YEAR's ground)
    let total = 0;
    for (const r of outcomes) {
      const v = empty || rand() < 0.6 ? 0 : int(rand, 0, 40);
      values[`s3.${r}.${c}`] = v;
      total += v;
    }
    const carriedOver = empty || rand() < 0.5 ? 0 : int(rand, 0, 6);
    const carriedIn = int(rand, 0, Math.min(total + carriedOver, 6));
    values[`s3.total.${c}`] = total;
    values[`s3.carriedOver.${c}`] = carriedOver;
    values[`s3.carriedIn.${c}`] = carriedIn;
    values[`s3.new.${c}`] = total + carriedOver - carriedIn;
  }
  fixRowTotals(version, values);
  for (const g of format.s4.groups) {
    let total = 0;
    for (const r of ['upheld', 'corrected', 'other', 'pending']) {
      const v = rand() < 0.5 ? 0 : int(rand, 0, 5);
      values[`s4.${g.key}.${r}`] = v;
      total += v;
    }
    values[`s4.${g.key}.total`] = total;
  }
  return values;
}

export const MUTATIONS = [
  'balance',
  'outcome',
  'row',
  'pureRow',
  's4',
  'bump',
  'consistent',
  'zeroYear',
  'blank',
  'text',
  'placeholder',
  'negative',
  'fraction',
  'precision',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

/** Changes a valid report in one way; `consistent` and `precision` keep every identity. */
export function mutate(version: FormatVersion, values: Values, kind: Mutation, rand: Rand): void {
  const format = getFormat(version);
  const parts = s3Parts(version);
  const d = pick(rand, [1, 2, 3, -1]);
  const outcomes = format.s3.rows.filter((r) => r.isOutcomeItem).map((r) => r.key);
  // A table first, then a cell: s2 has few cells but must be broken as often as the others.
  const anyCell = (): CellDef => pick(rand, cellsOfTable(version, pick(rand, ['s2', 's3', 's4'] as const)));
  switch (kind) {
    case 'balance': {
      const c = pick(rand, parts);
      add(values, `s3.carriedOver.${c}`, Math.abs(d));
      add(values, 's3.carriedOver.total', Math.abs(d));
      return;
    }
    case 'outcome': {
      const c = pick(rand, parts);
      const r = pick(rand, outcomes);
      add(values, `s3.${r}.${c}`, Math.abs(d));
      add(values, `s3.${r}.total`, Math.abs(d));
      return;
    }
    case 'row':
      add(values, `s3.${pick(rand, format.s3.rows).key}.total`, Math.abs(d));
      return;
    case 'pureRow':
      // new.total and carriedOver.total up by the same amount: only the two row totals break.
      add(values, 's3.new.total', Math.abs(d));
      add(values, 's3.carriedOver.total', Math.abs(d));
      return;
    case 's4': {
      const g = pick(rand, format.s4.groups).key;
      add(values, `s4.${g}.${pick(rand, format.s4.results).key}`, Math.abs(d));
      return;
    }
    case 'bump': {
      const cell = pick(rand, [...cellsOfTable(version, 's3'), ...cellsOfTable(version, 's4')]);
      values[cell.key] = Math.max(0, num(values, cell.key) + d);
      return;
    }
    case 'consistent': {
      const c = pick(rand, parts);
      const r = pick(rand, outcomes);
      for (const key of [
        `s3.${r}.${c}`,
        `s3.${r}.total`,
        `s3.total.${c}`,
        's3.total.total',
        `s3.new.${c}`,
        's3.new.total',
      ]) {
        add(values, key, 7);
      }
      return;
    }
    case 'zeroYear': {
      const c = pick(rand, parts);
      for (const row of format.s3.rows) values[`s3.${row.key}.${c}`] = 0;
      values[`s3.${pick(rand, outcomes)}.${c}`] = Math.abs(d);
      if (rand() < 0.5) values[`s3.total.${c}`] = Math.abs(d); // then only the balance breaks
      fixRowTotals(version, values);
      return;
    }
    case 'blank':
      values[anyCell().key] = null;
      return;
    case 'text':
      values[anyCell().key] = pick(rand, TEXTS);
      return;
    case 'placeholder':
      values[anyCell().key] = pick(rand, PLACEHOLDERS);
      return;
    case 'negative': {
      const cell = pick(
        rand,
        format.cells.filter((c) => c.unit !== 'signedCount'),
      );
      values[cell.key] = -int(rand, 1, 5);
      return;
    }
    case 'fraction': {
      const cell = pick(
        rand,
        format.cells.filter((c) => c.unit === 'count' || c.unit === 'signedCount'),
      );
      values[cell.key] = num(values, cell.key) + 0.5;
      return;
    }
    case 'precision':
      if (version === '2021') values['s2.fee.amount'] = 12.34567;
      else values['s2.procurement.amount'] = 12.34567;
      return;
  }
}

/** A random report: valid, or changed by one to three mutations. */
export function randomReport(version: FormatVersion, rand: Rand): { report: Report; mutations: Mutation[] } {
  const values = validValues(version, rand);
  const mutations: Mutation[] = [];
  if (rand() >= 0.3) {
    const n = int(rand, 1, 3);
    for (let i = 0; i < n; i++) {
      const m = pick(rand, MUTATIONS);
      mutate(version, values, m, rand);
      mutations.push(m);
    }
  }
  const year = version === '2021' ? 2024 : 2020;
  return { report: { profile: { year, format: version, agency: '测试机关', kind: 'department' }, values }, mutations };
}
