// Property checks of the merge over random consistent reports: the merge of consistent units is
// consistent, and every merged cell is the sum of the units' cells, computed here by a plain loop.
import fc from 'fast-check';
import { breakReport, randomValidReport, seededRandom } from '../../src/bench/random-report';
import { getFormat, type FormatVersion } from '../../src/format';
import type { Report } from '../../src/report';
import { validate } from '../../src/rules';
import { mergeReports, type MergeUnit } from '../../src/merge';

const CURRENT_YEAR = 2026;
const YEAR: Readonly<Record<FormatVersion, number>> = { '2021': 2023, '2019': 2020 };

/** Consistent reports of distinct agencies, all of the version's year. */
function unitsOf(version: FormatVersion, seeds: readonly number[]): MergeUnit[] {
  return seeds.map((seed, i) => {
    const report = randomValidReport(seededRandom(seed), version);
    report.profile = { ...report.profile, agency: `测试单位${i + 1}`, year: YEAR[version] };
    return { file: `unit-${i + 1}.json`, report };
  });
}

/** The sums, by a plain loop over the format's cells (independent of src/merge). */
function plainSums(version: FormatVersion, reports: readonly Report[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const cell of getFormat(version).cells) {
    let total = 0;
    for (const report of reports) total += report.values[cell.key] as number;
    sums.set(cell.key, total);
  }
  return sums;
}

function expectSums(version: FormatVersion, merged: Report, reports: readonly Report[]): void {
  const sums = plainSums(version, reports);
  for (const cell of getFormat(version).cells) {
    const expected = sums.get(cell.key) ?? NaN;
    const actual = merged.values[cell.key];
    if (cell.unit === 'wanyuan' || cell.unit === 'decimal') {
      // Random amounts have 2 decimals: the merge's sum is the 2-decimal figure exactly.
      expect(actual).toBe(Number(expected.toFixed(2)));
    } else {
      expect(actual).toBe(expected);
    }
  }
}

const version = fc.constantFrom<FormatVersion>('2021', '2019');
const seeds = fc.array(fc.integer(), { minLength: 1, maxLength: 12 });

describe('mergeReports over random consistent units', () => {
  it('gives a report with no error whose every cell is the sum of the units’ cells', () => {
    fc.assert(
      fc.property(version, seeds, (v, s) => {
        const units = unitsOf(v, s);
        const result = mergeReports(units, { currentYear: CURRENT_YEAR, agency: '测试县人民政府（汇总）' });
        expect(result.units.every((u) => u.included)).toBe(true);
        expect(result.report.profile).toMatchObject({ year: YEAR[v], format: v, kind: 'government' });
        const errors = validate(result.report, { currentYear: CURRENT_YEAR }).filter((f) => f.severity === 'error');
        expect(errors).toEqual([]);
        expectSums(
          v,
          result.report,
          units.map((u) => u.report),
        );
        expect(result.blanks).toEqual([]);
        expect(result.inconsistent).toEqual([]);
        expect(result.notes.filter((n) => n.severity === 'error')).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of the units', () => {
    fc.assert(
      fc.property(version, seeds, (v, s) => {
        const units = unitsOf(v, s);
        const forward = mergeReports(units, { currentYear: CURRENT_YEAR });
        const backward = mergeReports([...units].reverse(), { currentYear: CURRENT_YEAR });
        expect(backward.report.values).toEqual(forward.report.values);
      }),
      { numRuns: 200 },
    );
  });

  it('a unit of another year changes nothing but is named as left out', () => {
    fc.assert(
      fc.property(version, seeds, fc.integer(), (v, s, extra) => {
        const units = unitsOf(v, s);
        const other = randomValidReport(seededRandom(extra), v);
        other.profile = { ...other.profile, agency: '另一年度的单位', year: YEAR[v] - 1 };
        const result = mergeReports([...units, { file: 'other.json', report: other }], {
          currentYear: CURRENT_YEAR,
          year: YEAR[v],
        });
        expectSums(
          v,
          result.report,
          units.map((u) => u.report),
        );
        const left = result.units[result.units.length - 1];
        expect(left).toMatchObject({ name: '另一年度的单位', included: false, excluded: 'otherYear' });
      }),
      { numRuns: 200 },
    );
  });

  it('a unit with one wrong figure is summed as it is, and the merged cells it touches are inconsistent', () => {
    fc.assert(
      fc.property(version, seeds, fc.integer(), (v, s, seed) => {
        const units = unitsOf(v, s);
        const rand = seededRandom(seed);
        const victim = Math.floor(rand() * units.length);
        const key = breakReport(units[victim].report, rand, 'number') ?? '';
        const result = mergeReports(units, { currentYear: CURRENT_YEAR });
        const name = `测试单位${victim + 1}`;
        expect(result.units[victim].errors).toBeGreaterThan(0);
        expect(result.inconsistent.find((c) => c.key === key)?.units).toEqual([name]);
        for (const entry of result.inconsistent) expect(entry.units).toEqual([name]);
        expectSums(
          v,
          result.report,
          units.map((u) => u.report),
        );
        expect(result.notes.some((n) => n.code === 'unitErrors' && n.params.unit === name)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
