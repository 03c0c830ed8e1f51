import { busyReport, check, edit, withPrevious, zeroReport } from '../../../test/rules/support';
import { dismiss, partitionFindings, type Finding } from '../../rules';
import { buildPaneModel, findingsAt, offeredFix } from './pane-model';

const model = (report: ReturnType<typeof busyReport>, store = [] as Parameters<typeof partitionFindings>[1]) =>
  buildPaneModel(partitionFindings(check(report), store, report), '2021', 'zh-CN');

describe('the pane model', () => {
  it('a clean report is ready to publish', () => {
    expect(model(busyReport())).toMatchObject({ ready: true, errors: 0, warnings: 0, groups: [], dismissed: [] });
  });

  it('groups findings by printed table in printed order, errors first, with counts', () => {
    const report = edit(busyReport(), {
      's3.total.natural': 12, // S3-OUTCOME-TOTAL and S3-BALANCE: errors in 表三
      's2.regulation.issued': 1, // S2-REGULATION-AUTHORITY: a warning in 表二
      's2.regulation.valid': 1,
      's4.review.total': 3, // S4-GROUP-TOTAL: an error in 表四
    });
    const m = model(report);
    expect(m.groups.map((g) => g.table)).toEqual(['s2', 's3', 's4']);
    expect(m.groups[0]).toMatchObject({ errors: 0, warnings: 1 });
    expect(m.groups[1].findings.map((f) => f.severity)).toEqual(
      [...m.groups[1].findings.map((f) => f.severity)].sort((a, b) => (a === b ? 0 : a === 'error' ? -1 : 1)),
    );
    expect(m).toMatchObject({ ready: false, errors: m.groups.reduce((n, g) => n + g.errors, 0), warnings: 1 });
    expect(m.groups[2].findings[0]).toMatchObject({
      rule: 'S4-GROUP-TOTAL',
      cells: expect.arrayContaining(['s4.review.total']),
    });
    expect(m.groups[2].findings[0].message).toMatch(/表四/);
  });

  it('offers 修正 only for a total, with the sum of its parts', () => {
    const report = edit(busyReport(), { 's4.review.total': 3, 's2.fee.amount': 200000 });
    const found = check(report);
    const total = found.find((f) => f.rule === 'S4-GROUP-TOTAL') as Finding;
    const fee = found.find((f) => f.rule === 'S2-FEE-UNIT') as Finding;
    expect(fee.fix).toBeDefined(); // the rule knows a likely fix …
    expect(offeredFix(fee)).toBeUndefined(); // … but the unit is the agency's call
    expect(offeredFix(total)).toEqual({ cell: 's4.review.total', value: 2 });
    const shown = model(report).groups.flatMap((g) => g.findings);
    expect(shown.filter((f) => f.fix).map((f) => f.rule)).toEqual(['S4-GROUP-TOTAL']);
  });

  it('lets only warnings be dismissed, and lists dismissed ones with their reason', () => {
    const report = edit(busyReport(), { 's2.regulation.issued': 1, 's2.regulation.valid': 1, 's4.review.total': 3 });
    const warning = check(report).find((f) => f.rule === 'S2-REGULATION-AUTHORITY') as Finding;
    const m = model(report, dismiss([], warning, report, '有规章制定权', '2025-01-10T09:00:00Z'));
    expect(m.groups.flatMap((g) => g.findings).every((f) => f.dismissable === (f.severity === 'warning'))).toBe(true);
    expect(m.warnings).toBe(0);
    expect(m.dismissed).toMatchObject([{ reason: '有规章制定权', finding: { rule: 'S2-REGULATION-AUTHORITY' } }]);
  });

  it('puts a cross-year finding in the table of its cell', () => {
    const lastYear = edit(zeroReport('2021', 2023), { 's3.carriedOver.natural': 5, 's2.normative.valid': 17 });
    const report = withPrevious(busyReport(), lastYear);
    const m = model(report);
    expect(m.groups.map((g) => g.table)).toEqual(['s3']);
    expect(m.groups[0].findings[0].rule).toBe('S3-CARRY-CONTINUITY');
  });

  it('lists a fresh template’s blank cells as one finding per table, counting each', () => {
    const blank = edit(zeroReport(), Object.fromEntries(Object.keys(zeroReport().values).map((k) => [k, null])));
    const m = model(blank);
    const cells = Object.keys(zeroReport().values).length;
    expect(m.errors).toBe(cells);
    expect(m.blanks).toBe(cells);
    expect(m.groups.map((g) => g.findings.length)).toEqual([1, 1, 1]);
    const s3 = m.groups[1].findings[0];
    expect(s3).toMatchObject({ rule: 'CELL-BLANK', severity: 'error', dismissable: false });
    expect(s3.cells).toHaveLength(m.groups[1].errors);
    expect(s3.message).toMatch(/有 \d+ 个单元格未填写/);
    // A few blanks are listed one by one.
    const few = model(edit(busyReport(), { 's3.new.legal': null, 's3.new.total': null }));
    expect(few.groups[0].findings.map((f) => f.cells[0])).toEqual(['s3.new.legal', 's3.new.total']);
  });

  it('finds the findings that involve a selected cell', () => {
    const m = model(edit(busyReport(), { 's4.review.total': 3 }));
    expect(findingsAt(m, 's4.review.upheld').map((f) => f.rule)).toEqual(['S4-GROUP-TOTAL']);
    expect(findingsAt(m, 's3.new.natural')).toEqual([]);
  });

  it('speaks the pane’s language', () => {
    const report = edit(busyReport(), { 's4.review.total': 3 });
    const en = buildPaneModel(partitionFindings(check(report), [], report), '2021', 'en-US');
    expect(en.groups[0].findings[0].message).not.toMatch(/[\u4e00-\u9fff]{4}/);
  });
});
