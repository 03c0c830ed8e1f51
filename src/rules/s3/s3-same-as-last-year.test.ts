import { describeRule } from '../../../test/rules/harness';
import { busyReport, edit, withPrevious, zeroReport } from '../../../test/rules/support';
import { s3SameAsLastYear } from './s3-same-as-last-year';

const copy = (): ReturnType<typeof busyReport> => ({
  ...busyReport(),
  profile: { ...busyReport().profile, year: 2023 },
});

describeRule(s3SameAsLastYear, {
  passes: [
    { name: 'both years all 0: nothing happened twice', report: withPrevious(zeroReport(), zeroReport('2021', 2023)) },
    {
      name: 'one cell of each table differs',
      report: withPrevious(
        busyReport(),
        edit(copy(), {
          's3.carriedOver.natural': 2,
          's3.carriedOver.total': 2,
          's2.fee.amount': 1,
          's4.review.pending': 0,
        }),
      ),
    },
    {
      name: 'only stocks equal (现行有效件数 stays when nothing was issued)',
      report: withPrevious(
        edit(zeroReport(), { 's2.normative.valid': 20, 's2.regulation.valid': 3 }),
        edit(zeroReport('2021', 2023), { 's2.normative.valid': 20, 's2.regulation.valid': 3, 's3.new.natural': 1 }),
      ),
    },
    {
      name: 'only the 2019 stocks equal (上一年项目数量, 对外公开总数量)',
      report: withPrevious(
        edit(zeroReport('2019'), { 's2.license.previous': 30, 's2.regulation.total': 12 }),
        edit(zeroReport('2019', 2019), { 's2.license.previous': 30, 's2.regulation.total': 12, 's3.new.natural': 1 }),
      ),
    },
    {
      name: 'a blank this year is not a copy',
      report: withPrevious(
        edit(busyReport(), { 's2.fee.amount': null }),
        edit(copy(), { 's3.new.natural': 9, 's4.review.upheld': 9 }),
      ),
    },
  ],
  fails: [
    {
      name: 's2 and s4 copied, s3 differs in one cell: each table judged on its own',
      report: withPrevious(busyReport(), edit(copy(), { 's3.carriedOver.natural': 2, 's3.carriedOver.total': 2 })),
      findings: [
        { scope: 's2', params: { table: 's2' } },
        { scope: 's4', params: { table: 's4' } },
      ],
    },
    {
      name: 'a 总计 of 表四 is a flow, not a stock',
      report: withPrevious(
        edit(zeroReport(), { 's4.review.total': 2 }),
        edit(zeroReport('2021', 2023), { 's4.review.total': 2, 's3.new.natural': 1 }),
      ),
      findings: [{ scope: 's4' }],
    },
    {
      name: 'every table copied',
      report: withPrevious(busyReport(), copy()),
      findings: [
        { scope: 's3', cells: expect.arrayContaining(['s3.new.natural', 's3.carriedOver.total']) },
        { scope: 's2' },
        { scope: 's4' },
      ],
    },
  ],
});

it('declares that it reads s3, s2 and s4', () => {
  expect(s3SameAsLastYear.tables).toEqual(['s3', 's2', 's4']);
});
