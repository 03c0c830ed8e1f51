// Each rule of RULES.md: reports that must pass it and reports that must fail it, with the
// numbers a user sees.
import { busyReport, check, rulesOf, zeroReport } from './support';

describe('a consistent report', () => {
  it.each([
    ['all zero, 2021', zeroReport('2021')],
    ['all zero, 2019', zeroReport('2019')],
    ['busy 2021', busyReport()],
  ])('%s has no findings', (_name, report) => {
    expect(check(report)).toEqual([]);
  });
});

describe('cell rules', () => {
  it('CELL-BLANK for null, missing and placeholder cells, with a fix to 0 for placeholders', () => {
    const r = zeroReport();
    r.values['s3.new.natural'] = null;
    delete r.values['s4.review.total'];
    r.values['s2.fee.amount'] = '—';
    const blanks = check(r).filter((f) => f.rule === 'CELL-BLANK');
    expect(blanks.map((f) => f.cells[0])).toEqual(['s2.fee.amount', 's3.new.natural', 's4.review.total']);
    expect(blanks[0].fix).toEqual({ cell: 's2.fee.amount', value: 0 });
    expect(blanks[1].fix).toBeUndefined();
  });

  it('CELL-NOT-NUMBER keeps the text for the message', () => {
    const r = zeroReport();
    r.values['s3.new.legal'] = '约3';
    const [f] = check(r);
    expect(f).toMatchObject({
      rule: 'CELL-NOT-NUMBER',
      severity: 'error',
      cells: ['s3.new.legal'],
      params: { text: '约3' },
    });
  });

  it('accepts full-width digits, separators and units without a finding', () => {
    const r = zeroReport();
    Object.assign(r.values, { 's2.license.decisions': '９０,０２５件', 's2.fee.amount': '13.39万元' });
    expect(check(r)).toEqual([]);
  });

  it('CELL-NEGATIVE, except 2019 本年增/减', () => {
    const r = zeroReport();
    r.values['s4.review.upheld'] = -1;
    r.values['s4.review.total'] = -1;
    expect(rulesOf(check(r))).toEqual(['CELL-NEGATIVE', 'CELL-NEGATIVE']);
    const r2019 = zeroReport('2019');
    r2019.values['s2.license.change'] = -5;
    expect(check(r2019)).toEqual([]);
  });

  it('CELL-NOT-INTEGER for counts, not for 万元', () => {
    const r = zeroReport();
    r.values['s2.penalty.decisions'] = 2.5;
    r.values['s2.fee.amount'] = 2.5;
    const findings = check(r);
    expect(rulesOf(findings)).toEqual(['CELL-NOT-INTEGER']);
    expect(findings[0].cells).toEqual(['s2.penalty.decisions']);
  });

  it('takes spreadsheet float noise for the number it is, not a fraction or a 5th decimal', () => {
    const r = zeroReport();
    r.values['s2.fee.amount'] = 0.1 + 0.2;
    r.values['s2.penalty.decisions'] = 0.7 * 10 * 3; // 21.000000000000004
    expect(check(r)).toEqual([]);
  });

  it('CELL-PRECISION warns past 4 decimals of 万元 and offers the rounded value', () => {
    const r = zeroReport();
    r.values['s2.fee.amount'] = '13.39123';
    const [f] = check(r);
    expect(f).toMatchObject({
      rule: 'CELL-PRECISION',
      severity: 'warning',
      fix: { cell: 's2.fee.amount', value: 13.3912 },
    });
    r.values['s2.fee.amount'] = '13.3912';
    expect(check(r)).toEqual([]);
  });
});

describe('table s3', () => {
  it('S3-BALANCE: one finding per broken column, the total cell first, expected/actual/delta', () => {
    const r = busyReport();
    // 商业企业 gets one more new application that was never handled.
    r.values['s3.new.business'] = 5;
    r.values['s3.new.total'] = 15;
    const balance = check(r).filter((f) => f.rule === 'S3-BALANCE');
    expect(balance.map((f) => f.params?.column)).toEqual(['business', 'total']);
    expect(balance[0]).toMatchObject({
      severity: 'error',
      cells: ['s3.total.business', 's3.new.business', 's3.carriedIn.business', 's3.carriedOver.business'],
      expected: 5,
      actual: 4,
      delta: -1,
      hints: [],
    });
  });

  it('S3-DOUBLE-COUNT is a hint on S3-BALANCE when outcomes exceed applications', () => {
    const r = busyReport();
    r.values['s3.granted.natural'] = 6;
    r.values['s3.granted.total'] = 10;
    r.values['s3.total.natural'] = 12;
    r.values['s3.total.total'] = 16;
    const balance = check(r).filter((f) => f.rule === 'S3-BALANCE');
    expect(balance[0]).toMatchObject({ expected: 11, actual: 12, delta: 1, hints: ['S3-DOUBLE-COUNT'] });
    expect(rulesOf(check(r))).not.toContain('S3-DOUBLE-COUNT');
  });

  it('S3-OUTCOME-TOTAL per column, offering the sum as the fix', () => {
    const r = busyReport();
    r.values['s3.partial.natural'] = 3;
    r.values['s3.partial.total'] = 3;
    const outcome = check(r).filter((f) => f.rule === 'S3-OUTCOME-TOTAL');
    expect(outcome.map((f) => f.params?.scope)).toEqual(['natural', 'total']);
    expect(outcome[0]).toMatchObject({
      expected: 12,
      actual: 11,
      delta: -1,
      fix: { cell: 's3.total.natural', value: 12 },
    });
    expect(outcome[0].cells[0]).toBe('s3.total.natural');
    expect(outcome[0].cells).toHaveLength(1 + 21);
  });

  it('S3-OUTCOME-TOTAL sums the single （六）其他处理 row in 2019', () => {
    const r = zeroReport('2019');
    r.values['s3.other.natural'] = 1;
    const outcome = check(r).filter((f) => f.rule === 'S3-OUTCOME-TOTAL');
    expect(outcome[0].cells).toContain('s3.other.natural');
    expect(outcome[0].cells).toHaveLength(1 + 19);
  });

  it('S3-ROW-TOTAL per row', () => {
    const r = busyReport();
    r.values['s3.new.total'] = 13;
    const rows = check(r).filter((f) => f.rule === 'S3-ROW-TOTAL');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      cells: expect.arrayContaining(['s3.new.total']),
      expected: 14,
      actual: 13,
      fix: { value: 14 },
    });
    expect(rows[0].params?.scope).toBe('new');
  });

  it('S3-ZERO-YEAR replaces S3-BALANCE when nothing came in', () => {
    const r = zeroReport();
    r.values['s3.granted.research'] = 2;
    r.values['s3.granted.total'] = 2;
    r.values['s3.total.research'] = 2;
    r.values['s3.total.total'] = 2;
    const findings = check(r);
    expect(rulesOf(findings)).toEqual(['S3-ZERO-YEAR', 'S3-ZERO-YEAR']);
    expect(findings[0]).toMatchObject({
      cells: ['s3.granted.research', 's3.total.research', 's3.new.research', 's3.carriedIn.research'],
      expected: 0,
      actual: 2,
    });
  });

  it('S3-ZERO-YEAR also catches a carry-over out of nothing', () => {
    const r = zeroReport();
    r.values['s3.carriedOver.legal'] = 1;
    r.values['s3.carriedOver.total'] = 1;
    expect(rulesOf(check(r))).toEqual(['S3-ZERO-YEAR', 'S3-ZERO-YEAR']);
  });

  it('never reads a blank as 0: identities with a blank input stay silent', () => {
    const r = busyReport();
    r.values['s3.new.business'] = null;
    r.values['s3.total.business'] = 99;
    const findings = check(r);
    // 商业企业's balance and the 一、新收 row total need the blank: not assessable. The outcome total
    // of 商业企业 and the row total of （七）总计 do not, and both fail.
    expect(rulesOf(findings)).toEqual(['CELL-BLANK', 'S3-OUTCOME-TOTAL', 'S3-ROW-TOTAL']);
    expect(findings[1].params?.scope).toBe('business');
    expect(findings[2].params?.scope).toBe('total');
  });
});

describe('table s4', () => {
  it('S4-GROUP-TOTAL per group with a fix', () => {
    const r = zeroReport();
    Object.assign(r.values, { 's4.litigation.upheld': 2, 's4.litigation.corrected': 1, 's4.litigation.total': 2 });
    const [f] = check(r);
    expect(f).toMatchObject({
      rule: 'S4-GROUP-TOTAL',
      cells: [
        's4.litigation.total',
        's4.litigation.upheld',
        's4.litigation.corrected',
        's4.litigation.other',
        's4.litigation.pending',
      ],
      expected: 3,
      actual: 2,
      delta: -1,
      fix: { cell: 's4.litigation.total', value: 3 },
    });
  });
});

describe('table s2', () => {
  it('S2-FEE-UNIT at 100000 万元 and above, offering the amount divided by 10000', () => {
    const r = zeroReport();
    r.values['s2.fee.amount'] = 316441;
    const [f] = check(r);
    expect(f).toMatchObject({ rule: 'S2-FEE-UNIT', severity: 'warning', actual: 316441, fix: { value: 31.6441 } });
    r.values['s2.fee.amount'] = 99999.9999;
    expect(check(r)).toEqual([]);
  });

  it('S2-REGULATION-AUTHORITY when a body without the power reports 规章', () => {
    const r = zeroReport();
    r.values['s2.regulation.valid'] = 2;
    expect(rulesOf(check(r))).toEqual(['S2-REGULATION-AUTHORITY']);
    r.profile.canMakeRegulations = true;
    expect(check(r)).toEqual([]);
    delete r.profile.canMakeRegulations;
    expect(check(r)).toEqual([]);
  });

  it('S2-2019-DECISIONS when decisions equal items plus change', () => {
    const r = zeroReport('2019');
    Object.assign(r.values, { 's2.license.previous': 148, 's2.license.change': 2, 's2.license.decisions': 150 });
    expect(rulesOf(check(r))).toEqual(['S2-2019-DECISIONS']);
    r.values['s2.license.decisions'] = 3200;
    expect(check(r)).toEqual([]);
  });
});

describe('report-level rules', () => {
  it('FORMAT-VERSION: a 2019 layout in a 2021+ report and the reverse', () => {
    const r = zeroReport('2019', 2022);
    expect(check(r)).toEqual([
      expect.objectContaining({
        rule: 'FORMAT-VERSION',
        params: expect.objectContaining({ used: '2019', required: '2021' }),
      }),
    ]);
    const back = zeroReport('2021', 2020);
    expect(rulesOf(check(back))).toEqual(['FORMAT-VERSION']);
  });

  it('FORMAT-VERSION: rows of the other version mixed in', () => {
    const r = zeroReport('2021');
    r.values['s3.other.natural'] = 0;
    r.values['s3.other.total'] = 0;
    const findings = check(r);
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'FORMAT-VERSION', cells: ['s3.other.natural', 's3.other.total'] }),
    ]);
  });

  it('FORMAT-VERSION: layout problems a reader found', () => {
    const r = zeroReport('2021');
    r.structureIssues = [{ kind: 'missing', table: 's3', label: '（四）无法提供' }];
    expect(check(r)).toEqual([
      expect.objectContaining({ rule: 'FORMAT-VERSION', params: expect.objectContaining({ problem: 'missing' }) }),
    ]);
  });

  it.each([
    [undefined, 'missing'],
    [2018, 'range'],
    [2027, 'range'],
    [22, 'range'],
  ])('PROFILE-YEAR for year %p', (year, problem) => {
    const r = zeroReport('2021');
    if (year === undefined) delete r.profile.year;
    else r.profile.year = year;
    expect(check(r).find((f) => f.rule === 'PROFILE-YEAR')?.params?.problem).toBe(problem);
  });

  it('PROFILE-YEAR accepts 2019 and the current year', () => {
    expect(check(zeroReport('2019', 2019))).toEqual([]);
    expect(check(zeroReport('2021', 2026))).toEqual([]);
  });
});

describe('cross-year rules', () => {
  it('do nothing without last year', () => {
    expect(check(busyReport())).toEqual([]);
  });

  it('S3-CARRY-CONTINUITY per column', () => {
    const r = busyReport();
    const last = zeroReport('2021', 2023);
    last.values['s3.carriedOver.natural'] = 3;
    last.values['s3.carriedOver.total'] = 3;
    r.previous = last;
    const findings = check(r).filter((f) => f.rule === 'S3-CARRY-CONTINUITY');
    expect(findings.map((f) => f.params?.column)).toEqual(['natural', 'total']);
    expect(findings[0]).toMatchObject({
      cells: ['s3.carriedIn.natural', 'previous.s3.carriedOver.natural'],
      expected: 3,
      actual: 2,
      delta: -1,
    });
  });

  it('S3-SAME-AS-LAST-YEAR when a table with figures is copied, not when both are all 0', () => {
    const r = busyReport();
    r.previous = { ...busyReport(), profile: { year: 2023 } };
    r.previous.values['s3.carriedOver.natural'] = 2; // continuity holds, s3 differs in one cell
    r.previous.values['s3.carriedOver.total'] = 2;
    const findings = check(r).filter((f) => f.rule === 'S3-SAME-AS-LAST-YEAR');
    expect(findings.map((f) => f.params?.table)).toEqual(['s2', 's4']);
    const zero = zeroReport();
    zero.previous = zeroReport('2021', 2023);
    expect(check(zero)).toEqual([]);
  });

  it('S2-VALID-STOCK: in force = last year + issued − repealed', () => {
    const r = busyReport();
    r.previous = zeroReport('2021', 2023);
    r.previous.values['s2.normative.valid'] = 18;
    r.previous.values['s3.carriedOver.natural'] = 2;
    r.previous.values['s3.carriedOver.total'] = 2;
    const [f] = check(r).filter((x) => x.rule === 'S2-VALID-STOCK');
    expect(f).toMatchObject({ expected: 21, actual: 20, delta: -1, params: { row: 'normative' } });
  });

  it('S2-VALID-STOCK is skipped when last year used the 2019 format', () => {
    const r = busyReport();
    r.previous = zeroReport('2019', 2020);
    expect(rulesOf(check(r))).not.toContain('S2-VALID-STOCK');
  });
});
