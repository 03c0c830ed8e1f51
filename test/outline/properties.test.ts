import { getFormat, type FormatVersion } from '../../src/format';
import { randomValidReport, seededRandom } from '../../src/bench/random-report';
import { buildOutline, figureRunsOf, SUM_PREFIX, SUMS, YOY_PREFIX, type FigureRun } from '../../src/outline';
import type { Report } from '../../src/report';
import { isTable } from './helpers';

const VERSIONS: readonly FormatVersion[] = ['2021', '2019'];

function roughen(report: Report, rand: () => number): Report {
  const keys = Object.keys(report.values);
  for (let j = 0; j < 4; j++) {
    const key = keys[Math.floor(rand() * keys.length)];
    report.values[key] = rand() < 0.5 ? null : '见说明';
  }
  return report;
}

describe.each(VERSIONS)('every figure of random %s reports', (version) => {
  const rand = seededRandom(7);
  const reports = Array.from({ length: 60 }, (_, i) => {
    const report = randomValidReport(rand, version);
    if (i % 2 === 1) roughen(report, rand);
    if (i % 3 === 0)
      report.previous = {
        profile: { year: (report.profile.year ?? 2022) - 1 },
        values: randomValidReport(rand, version).values,
      };
    if (i % 5 === 0) report.profile.kind = 'government';
    return report;
  });
  const keys = new Set(getFormat(version).cells.map((c) => c.key));
  const sums = new Set(SUMS.map((s) => s.name));

  it('is tagged with a cell of the version, a known sum or a year-on-year phrase', () => {
    for (const report of reports) {
      for (const run of figureRunsOf(buildOutline(report))) {
        const tag = run.tag;
        if (tag.startsWith(YOY_PREFIX)) expect(run.text).toMatch(/^(同比(增加|减少)\d+(\.\d+)?件|与上年持平)$/);
        else if (tag.startsWith(SUM_PREFIX)) expect(sums.has(tag.slice(SUM_PREFIX.length))).toBe(true);
        else expect(keys.has(tag.slice('nianbao:'.length))).toBe(true);
        expect(run.alias).not.toBe('');
      }
    }
  });

  it('shows one text per tag, so the sentence and the table never disagree on a cell', () => {
    for (const report of reports) {
      const texts = new Map<string, Set<string>>();
      for (const run of figureRunsOf(buildOutline(report))) {
        texts.set(run.tag, (texts.get(run.tag) ?? new Set()).add(run.text));
      }
      for (const [tag, set] of texts) expect([tag, [...set]]).toEqual([tag, [...set].slice(0, 1)]);
    }
  });

  it('states 办结 equal to the table’s （七）总计 when the table is consistent', () => {
    let compared = 0;
    for (const report of reports.filter((_, i) => i % 2 === 0)) {
      const runs = figureRunsOf(buildOutline(report));
      const find = (tag: string): FigureRun | undefined => runs.find((r) => r.tag === tag);
      const closed = find('nianbao:sum:s3.closed.total');
      if (closed) {
        expect(closed.text).toBe(find('nianbao:s3.total.total')?.text);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('never prints undefined or NaN, in the text or the tables', () => {
    for (const report of reports) {
      const outline = buildOutline(report);
      expect(JSON.stringify(outline)).not.toMatch(/undefined|NaN/);
      expect(outline.blocks.filter(isTable)).toHaveLength(3);
    }
  });
});
