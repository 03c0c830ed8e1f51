import { busyReport, check, edit, withPrevious, zeroReport } from '../../test/rules/support';
import { dismiss, fingerprintOf, isDismissable, partitionFindings, restore } from './dismissals';
import type { Finding } from './finding';

/** busyReport with a 规章 it cannot make: one S2-REGULATION-AUTHORITY warning. */
const withRegulation = (issued: number | string) =>
  edit(busyReport(), { 's2.regulation.issued': issued, 's2.regulation.valid': 1 });
const warningOf = (report: ReturnType<typeof busyReport>): Finding => {
  const found = check(report).find((f) => f.rule === 'S2-REGULATION-AUTHORITY');
  if (!found) throw new Error('expected the warning');
  return found;
};
const AT = '2025-01-10T09:00:00Z';

describe('dismissals', () => {
  it('hide a dismissed warning, with its reason, while its values stay', () => {
    const report = withRegulation(2);
    const store = dismiss([], warningOf(report), report, '本单位为设区的市政府，有规章制定权', AT);
    const { active, dismissed } = partitionFindings(check(report), store, report);
    expect(active.map((f) => f.rule)).not.toContain('S2-REGULATION-AUTHORITY');
    expect(dismissed).toEqual([
      expect.objectContaining({ dismissal: expect.objectContaining({ reason: '本单位为设区的市政府，有规章制定权' }) }),
    ]);
  });

  it('survive re-validation and values written differently but read the same (1,200 and 1200)', () => {
    const report = withRegulation(1200);
    const store = dismiss([], warningOf(report), report, '有制定权', AT);
    const again = withRegulation('1,200');
    expect(partitionFindings(check(again), store, again).dismissed).toHaveLength(1);
  });

  it('lapse when a value the warning involves changes, and the warning shows again', () => {
    const report = withRegulation(2);
    const store = dismiss([], warningOf(report), report, '有制定权', AT);
    const changed = withRegulation(3);
    const { active, dismissed } = partitionFindings(check(changed), store, changed);
    expect(dismissed).toEqual([]);
    expect(active.map((f) => f.rule)).toContain('S2-REGULATION-AUTHORITY');
  });

  it('do not lapse when a cell the warning does not involve changes', () => {
    const report = withRegulation(2);
    const store = dismiss([], warningOf(report), report, '有制定权', AT);
    const elsewhere = edit(report, { 's4.review.upheld': 2, 's4.review.total': 3 });
    expect(partitionFindings(check(elsewhere), store, elsewhere).dismissed).toHaveLength(1);
  });

  it('read last year’s cells too: a cross-year warning lapses when last year’s figure changes', () => {
    const last = (carried: number) => edit(zeroReport('2021', 2023), { 's3.carriedOver.natural': carried });
    const report = withPrevious(busyReport(), last(5));
    const warning = check(report).find((f) => f.rule === 'S3-CARRY-CONTINUITY');
    expect(warning).toBeDefined();
    const store = dismiss([], warning as Finding, report, '上年数字有误，已更正', AT);
    expect(partitionFindings(check(report), store, report).dismissed).toHaveLength(1);
    const corrected = withPrevious(busyReport(), last(4));
    expect(partitionFindings(check(corrected), store, corrected).dismissed).toEqual([]);
  });

  it('never hide an error, even with a stored entry for its key', () => {
    const report = edit(busyReport(), { 's3.total.natural': 12, 's3.total.total': 16 });
    const error = check(report).find((f) => f.severity === 'error') as Finding;
    expect(isDismissable(error)).toBe(false);
    const forged = [{ findingKey: error.findingKey, fingerprint: fingerprintOf(error, report), reason: 'x', at: AT }];
    expect(partitionFindings(check(report), forged, report).active).toContainEqual(error);
  });

  it('replace an earlier dismissal of the same finding, and restore removes it', () => {
    const report = withRegulation(2);
    const warning = warningOf(report);
    const once = dismiss([], warning, report, '第一次', AT);
    const twice = dismiss(once, warning, report, '第二次', AT);
    expect(twice.map((d) => d.reason)).toEqual(['第二次']);
    expect(restore(twice, warning.findingKey)).toEqual([]);
    expect(partitionFindings(check(report), restore(twice, warning.findingKey), report).dismissed).toEqual([]);
  });

  it('tell a blank from 0 and from text, reading placeholders (-, 无) as the rules do: blank', () => {
    const cells = { cells: ['s3.new.legal'] };
    const prints = [null, 0, '-', '无', '待填'].map((v) =>
      fingerprintOf(cells, edit(zeroReport(), { 's3.new.legal': v })),
    );
    expect(new Set(prints).size).toBe(3);
    expect(prints[2]).toBe(prints[0]);
    expect(prints[3]).toBe(prints[0]);
    expect(prints[1]).not.toBe(prints[0]);
    expect(prints[4]).not.toBe(prints[0]);
  });
});
