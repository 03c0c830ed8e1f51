// The engine over whole reports: consistent reports pass every rule, findings come in catalogue
// order, blanks are never read as 0, and finding keys are stable across values and distinct.
import { busyReport, check, edit, rulesOf, withPrevious, zeroReport } from './support';

describe('validate', () => {
  it.each([
    ['all zero, 2021', zeroReport('2021')],
    ['all zero, 2019', zeroReport('2019')],
    ['busy 2021', busyReport()],
  ])('%s has no findings', (_name, report) => {
    expect(check(report)).toEqual([]);
  });

  it('never reads a blank as 0: identities with a blank input stay silent, the others still judge', () => {
    const findings = check(edit(busyReport(), { 's3.new.business': null, 's3.total.business': 99 }));
    // 商业企业's balance and the 一、新收 row total need the blank: not assessable. The outcome total
    // of 商业企业 and the row total of （七）总计 do not, and both fail.
    expect(rulesOf(findings)).toEqual(['CELL-BLANK', 'S3-OUTCOME-TOTAL', 'S3-ROW-TOTAL']);
    expect(findings.map((f) => f.scope)).toEqual(['s3.new.business', 'business', 'total']);
  });

  it('reports in catalogue order: report, cells, s3, s4, s2, then cross-year', () => {
    const report = edit(zeroReport('2021', 2030), {
      's3.new.legal': 'x',
      's3.new.natural': 3,
      's3.granted.natural': 1,
      's3.total.natural': 2,
      's4.review.total': 1,
      's2.fee.amount': 200000,
    });
    const previous = edit(zeroReport('2021', 2029), { 's3.carriedOver.natural': 4 });
    expect([...new Set(rulesOf(check(withPrevious(report, previous))))]).toEqual([
      'PROFILE-YEAR',
      'CELL-NOT-NUMBER',
      'S3-BALANCE',
      'S3-OUTCOME-TOTAL',
      'S3-ROW-TOTAL',
      'S4-GROUP-TOTAL',
      'S2-FEE-UNIT',
      'S3-CARRY-CONTINUITY',
    ]);
  });

  it('cross-year rules do nothing without last year', () => {
    expect(check(edit(busyReport(), { 's3.carriedIn.natural': 7 })).some((f) => f.rule.startsWith('S3-CARRY'))).toBe(
      false,
    );
  });

  it('does not overflow: identities over figures near 2^53 are not assessable rather than wrong', () => {
    const big = 2 ** 52;
    const findings = check(
      edit(zeroReport(), { 's3.new.natural': big, 's3.carriedIn.natural': big, 's3.total.natural': 2 * big }),
    );
    expect(findings.some((f) => f.rule === 'S3-BALANCE' && f.scope === 'natural')).toBe(false);
    expect(
      findings.every((f) => [f.expected, f.actual, f.delta].every((n) => n === undefined || Number.isFinite(n))),
    ).toBe(true);
  });
});

describe('findingKey', () => {
  it('is the same whatever the values, for the same rule, scope and cells', () => {
    const a = check(edit(busyReport(), { 's3.new.business': 5, 's3.new.total': 15 }));
    const b = check(edit(busyReport(), { 's3.new.business': 9, 's3.new.total': 19 }));
    const key = (list: typeof a): string | undefined =>
      list.find((f) => f.rule === 'S3-BALANCE' && f.scope === 'business')?.findingKey;
    expect(key(a)).toMatch(/^S3-BALANCE\|business\|[0-9a-f]{8}$/);
    expect(key(a)).toBe(key(b));
  });

  it('differs between the findings of one report', () => {
    const report = edit(zeroReport(), {});
    for (const key of Object.keys(report.values)) report.values[key] = null;
    const findings = check(edit(report, {}, { profile: { year: 2018 } }));
    expect(findings.length).toBeGreaterThan(150);
    expect(new Set(findings.map((f) => f.findingKey)).size).toBe(findings.length);
  });

  it('differs between rules with the same scope and cells', () => {
    const outcome = check(edit(busyReport(), { 's3.total.natural': 12, 's3.total.total': 16 }));
    const keys = outcome.filter((f) => f.scope === 'natural').map((f) => f.findingKey);
    expect(keys.length).toBe(2);
    expect(new Set(keys).size).toBe(2);
  });
});
