// The seeds' values, transcribed by hand into test/fixtures, give what RULES.md's examples say.
import { formatMessage } from '../../src/i18n';
import { check, loadFixture, rulesOf } from './support';

describe('RULES.md examples on the seeds', () => {
  it('seed 004 (2022, 2021 format) is consistent', () => {
    const report = loadFixture('seed-004.json');
    expect(report.values['s3.new.natural']).toBe(3);
    expect(report.values['s2.license.decisions']).toBe(90025);
    expect(report.values['s2.fee.amount']).toBe(13.39);
    expect(check(report)).toEqual([]);
  });

  it('seed 002 (2021) is consistent', () => {
    expect(check(loadFixture('seed-002.json'))).toEqual([]);
  });

  it('seed 003 (2020, 2019 format): CELL-BLANK on every blank, no identity assessable', () => {
    const report = loadFixture('seed-003.json');
    const blanks = Object.entries(report.values)
      .filter(([, v]) => v === null)
      .map(([k]) => k);
    const findings = check(report);
    expect(new Set(rulesOf(findings))).toEqual(new Set(['CELL-BLANK']));
    expect(findings.map((f) => f.cells[0]).sort()).toEqual(blanks.sort());
    expect(blanks.length).toBeGreaterThan(150);
    // The 2720 信访举报投诉类申请 sit in s3 although 新收 is blank: not judged as an identity.
    expect(findings.some((f) => f.cells.includes('s3.rejected.petition.natural'))).toBe(false);
  });

  it('one broken column gives exactly one S3-BALANCE for that column', () => {
    const findings = check(loadFixture('broken-column.json'));
    const natural = findings.filter((f) => f.rule === 'S3-BALANCE' && f.scope === 'natural');
    expect(natural).toHaveLength(1);
    expect(natural[0]).toMatchObject({
      severity: 'error',
      cells: ['s3.total.natural', 's3.new.natural', 's3.carriedIn.natural', 's3.carriedOver.natural'],
      expected: 5,
      actual: 4,
      delta: -1,
    });
    // The 总计 column repeats the same shortfall; nothing else is wrong.
    expect(findings.map((f) => [f.rule, f.scope])).toEqual([
      ['S3-BALANCE', 'natural'],
      ['S3-BALANCE', 'total'],
    ]);
    expect(formatMessage(natural[0], '2021')).toContain('表三 · 自然人');
  });

  it('a 2025 city report with 316441 万元 of fees gets S2-FEE-UNIT', () => {
    expect(rulesOf(check(loadFixture('fee-unit.json')))).toEqual(['S2-FEE-UNIT']);
  });
});
