// The engine over whole reports: consistent reports pass every rule, findings come in catalogue
// order, blanks are never read as 0, and finding keys are stable across values and distinct.
import { getFormat } from '../../src/format';
import { MAX_FIGURE } from '../../src/report';
import { findingKey, RULE_IDS, summarize, validateText } from '../../src/rules';
import { busyReport, check, edit, rulesOf, withPrevious, zeroReport } from './support';
import { editLines, textReport } from './text-support';

/** Computed once with the first release of findingKey; never to change. */
const PINNED_MULTI = 'S3-BALANCE|natural|e22f451f';
const PINNED_ONE = 'CELL-BLANK|s3.new.legal|c5387f30';

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

  it('never states a sum beyond the largest exact figure, however the terms cancel', () => {
    const findings = check(
      edit(zeroReport(), { 's3.new.natural': MAX_FIGURE, 's3.carriedIn.natural': MAX_FIGURE, 's3.total.natural': 1 }),
    );
    expect(findings.some((f) => f.rule === 'S3-BALANCE' && f.scope === 'natural')).toBe(false);
    expect(findings.every((f) => f.expected === undefined || Math.abs(f.expected) <= MAX_FIGURE)).toBe(true);
  });

  it('still judges a figure exactly at the limit', () => {
    const findings = check(edit(zeroReport(), { 's3.new.natural': MAX_FIGURE }));
    expect(findings.find((f) => f.rule === 'S3-ROW-TOTAL' && f.scope === 'new')).toMatchObject({ actual: 0 });
  });

  it('gives a finding only the fields it has: no key holds undefined', () => {
    const findings = check(edit(busyReport(), { 's3.total.natural': 12, 's2.fee.amount': 'abc', 's3.new.legal': -1 }));
    expect(findings.length).toBeGreaterThan(2);
    for (const f of findings) {
      for (const [field, value] of Object.entries(f))
        expect([f.rule, field, value === undefined]).toEqual([f.rule, field, false]);
    }
  });
});

describe('summarize', () => {
  it('counts errors, warnings and notes', () => {
    const findings = check(
      withPrevious(
        edit(busyReport(), { 's3.total.natural': 12, 's3.new.legal': -1, 's2.fee.amount': 200000 }),
        edit(zeroReport('2021', 2023), { 's3.carriedOver.natural': 5 }),
      ),
    );
    const count = (severity: string): number => findings.filter((f) => f.severity === severity).length;
    expect(count('error')).toBeGreaterThan(1);
    expect(count('warning')).toBeGreaterThan(0);
    expect(summarize(findings)).toEqual({ errors: count('error'), warnings: count('warning'), infos: count('info') });
    expect(summarize([])).toEqual({ errors: 0, warnings: 0, infos: 0 });
    const note = { ...findings[0], severity: 'info' } as (typeof findings)[number];
    expect(summarize([note, note])).toEqual({ errors: 0, warnings: 0, infos: 2 });
  });
});

describe('findingKey', () => {
  it('is pinned: keys stored with dismissals in last year’s workbooks still match', () => {
    expect(findingKey('S3-BALANCE', 'natural', ['s3.total.natural', 's3.carriedOver.natural'])).toBe(PINNED_MULTI);
    expect(findingKey('CELL-BLANK', 's3.new.legal', ['s3.new.legal'])).toBe(PINNED_ONE);
  });

  it('hashes the cells: 8 hex digits, different for each cell and for each split of a list', () => {
    const keys = new Set<string>();
    for (const version of ['2021', '2019'] as const) {
      for (const cell of getFormat(version).cells) {
        const key = findingKey('CELL-BLANK', 'x', [cell.key]);
        expect(key).toMatch(/^CELL-BLANK\|x\|[0-9a-f]{8}$/);
        keys.add(key);
      }
    }
    expect(keys.size).toBe(new Set([...getFormat('2021').cells, ...getFormat('2019').cells].map((c) => c.key)).size);
    expect(findingKey('R', 's', ['ab', 'c'])).not.toBe(findingKey('R', 's', ['a', 'bc']));
    expect(findingKey('R', 's', ['a', 'b'])).not.toBe(findingKey('R', 's', ['b', 'a']));
    expect(findingKey('R', 's', ['a', 'b'])).toMatch(/^R\|s\|[0-9a-f]{8}$/);
  });

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

describe('validateText', () => {
  it('judges nothing without a text (the live pane’s reports never have one)', () => {
    expect(validateText(busyReport(), { currentYear: 2026 })).toEqual([]);
    expect(validateText(zeroReport('2019'), { currentYear: 2026 })).toEqual([]);
  });

  it('leaves validate as it was: the text rules run only in validateText', () => {
    const report = textReport(editLines({ 2: undefined, 18: undefined }), { figures: [['新收', 99]] });
    expect(check(report).filter((f) => f.rule.startsWith('TEXT-'))).toEqual([]);
    expect(rulesOf(validateText(report, { currentYear: 2026 }))).toEqual([
      'TEXT-SECTIONS',
      'TEXT-NUMBERS',
      'TEXT-FEE-STATEMENT',
    ]);
  });

  it('after validate, keeps the catalogue’s order', () => {
    const report = textReport(editLines({ 2: undefined }), { figures: [['新收', 99]] });
    const broken = edit(report, { 's3.new.legal': 'x' }, { text: report.text });
    const ids = [...check(broken), ...validateText(broken, { currentYear: 2026 })].map((f) => RULE_IDS.indexOf(f.rule));
    expect(ids.length).toBeGreaterThan(2);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });
});
