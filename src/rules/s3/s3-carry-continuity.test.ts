import { describeRule } from '../../../test/rules/harness';
import { busyReport, check, edit, withPrevious, zeroReport } from '../../../test/rules/support';
import { s3CarryContinuity } from './s3-carry-continuity';

/** Last year's report whose 结转下年度 matches busyReport's 上年结转 (自然人 2). */
const lastYear = edit(zeroReport('2021', 2023), { 's3.carriedOver.natural': 2, 's3.carriedOver.total': 2 });

describeRule(s3CarryContinuity, {
  passes: [
    { name: 'no last year: nothing to compare', report: busyReport() },
    { name: 'carried in = carried over last year', report: withPrevious(busyReport(), lastYear) },
    {
      name: "last year's cell blank: not comparable",
      report: withPrevious(busyReport(), edit(lastYear, { 's3.carriedOver.natural': null })),
    },
    {
      name: 'this year blank: CELL-BLANK says it',
      report: withPrevious(edit(busyReport(), { 's3.carriedIn.total': null }), lastYear),
    },
  ],
  fails: [
    {
      name: 'per column, with last year as the fix',
      report: withPrevious(busyReport(), edit(lastYear, { 's3.carriedOver.natural': 3, 's3.carriedOver.total': 3 })),
      findings: [
        {
          scope: 'natural',
          cells: ['s3.carriedIn.natural', 'previous.s3.carriedOver.natural'],
          expected: 3,
          actual: 2,
          delta: -1,
          fix: { cell: 's3.carriedIn.natural', value: 3 },
        },
        { scope: 'total', expected: 3, actual: 2 },
      ],
    },
    {
      name: 'from a 2019 report into a 2021 one (the s3 columns are the same)',
      report: withPrevious(busyReport(), edit(zeroReport('2019', 2023), { 's3.carriedOver.business': 1 })),
      findings: [
        { scope: 'natural', expected: 0, actual: 2 },
        { scope: 'business', expected: 1, actual: 0 },
        { scope: 'total' },
      ],
    },
  ],
});

it('does not run without last year even when carried-in figures are there', () => {
  expect(check(busyReport()).some((f) => f.rule === 'S3-CARRY-CONTINUITY')).toBe(false);
});
