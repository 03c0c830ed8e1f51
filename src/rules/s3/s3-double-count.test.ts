// S3-DOUBLE-COUNT is never a finding of its own: it is advice carried by S3-BALANCE findings.
import { formatMessage } from '../../i18n';
import { busyReport, check, edit, rulesOf } from '../../../test/rules/support';

const overCounted = edit(busyReport(), {
  's3.granted.natural': 6,
  's3.granted.total': 10,
  's3.total.natural': 12,
  's3.total.total': 16,
});

describe('S3-DOUBLE-COUNT (hint)', () => {
  it('is carried by the S3-BALANCE finding when outcomes exceed applications, never reported alone', () => {
    const findings = check(overCounted);
    expect(rulesOf(findings)).not.toContain('S3-DOUBLE-COUNT');
    const balance = findings.find((f) => f.rule === 'S3-BALANCE');
    expect(balance?.hints).toEqual(['S3-DOUBLE-COUNT']);
  });

  it('is not carried when outcomes fall short of applications', () => {
    const balance = check(edit(busyReport(), { 's3.new.business': 5, 's3.new.total': 15 })).find(
      (f) => f.rule === 'S3-BALANCE',
    );
    expect(balance?.hints).toEqual([]);
  });

  it('appends its advice to the balance message in both locales', () => {
    const balance = check(overCounted).find((f) => f.rule === 'S3-BALANCE');
    if (!balance) throw new Error('no S3-BALANCE finding');
    expect(formatMessage(balance, '2021', 'zh-CN')).toContain('只计入“（二）部分公开”一次');
    expect(formatMessage(balance, '2021', 'en-US')).toContain('counts once, under "(2) Partly disclosed"');
  });
});
