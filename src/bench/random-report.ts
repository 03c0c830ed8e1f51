// Random reports for benchmarks and property tests: consistent ones, and ones broken in a chosen
// way. Seeded, so a run can be repeated.
import { getFormat, type FormatVersion } from '../format';
import type { RawValue, Report } from '../report';

/** A small, fast, seeded generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rand: () => number, max: number): number => Math.floor(rand() * (max + 1));

/** A report in which every identity of the version holds. */
export function randomValidReport(rand: () => number, version: FormatVersion = '2021'): Report {
  const format = getFormat(version);
  const values: Record<string, RawValue> = {};
  for (const cell of format.cells) {
    if (cell.table === 's2') {
      values[cell.key] =
        cell.unit === 'wanyuan' || cell.unit === 'decimal'
          ? Math.round(rand() * 1e6) / 100
          : cell.unit === 'signedCount'
            ? int(rand, 20) - 10
            : int(rand, rand() < 0.3 ? 100000 : 20);
    }
  }
  const outcomeRows = format.s3.rows.filter((r) => r.isOutcomeItem).map((r) => r.key);
  const parts = format.s3.columns.map((c) => c.key).filter((c) => c !== 'total');
  const rowSums = new Map<string, number>();
  const add = (row: string, column: string, value: number): void => {
    values[`s3.${row}.${column}`] = value;
    rowSums.set(row, (rowSums.get(row) ?? 0) + value);
  };
  for (const column of parts) {
    const quiet = rand() < 0.4;
    let total = 0;
    for (const row of outcomeRows) {
      const value = quiet || rand() < 0.6 ? 0 : int(rand, 30);
      add(row, column, value);
      total += value;
    }
    const carriedOver = quiet ? 0 : int(rand, 5);
    const carriedIn = quiet ? 0 : int(rand, Math.min(5, total + carriedOver));
    add('total', column, total);
    add('carriedOver', column, carriedOver);
    add('carriedIn', column, carriedIn);
    add('new', column, total + carriedOver - carriedIn);
  }
  for (const row of format.s3.rows) values[`s3.${row.key}.total`] = rowSums.get(row.key) ?? 0;
  for (const group of format.s4.groups) {
    let sum = 0;
    for (const result of ['upheld', 'corrected', 'other', 'pending']) {
      const value = rand() < 0.7 ? 0 : int(rand, 5);
      values[`s4.${group.key}.${result}`] = value;
      sum += value;
    }
    values[`s4.${group.key}.total`] = sum;
  }
  const year = version === '2021' ? 2021 + int(rand, 4) : 2019 + int(rand, 1);
  return {
    profile: { agency: '基准测试局', year, format: version, kind: 'department', canMakeRegulations: rand() < 0.5 },
    values,
  };
}

export type Breakage = 'none' | 'number' | 'blank' | 'text' | 'negative';

/** Breaks one random s3/s4 cell of a report in the given way (in place) and returns the key. */
export function breakReport(report: Report, rand: () => number, how: Breakage): string | undefined {
  if (how === 'none') return undefined;
  const keys = Object.keys(report.values).filter((k) => !k.startsWith('s2.'));
  const key = keys[Math.floor(rand() * keys.length)];
  const current = report.values[key];
  const n = typeof current === 'number' ? current : 0;
  report.values[key] =
    how === 'number' ? n + 1 + int(rand, 3) : how === 'blank' ? null : how === 'text' ? '约' + n : -1 - int(rand, 3);
  return key;
}
