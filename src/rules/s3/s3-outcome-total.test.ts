import { describeRule } from '../../../test/rules/harness';
import { busyReport, check, edit, zeroReport } from '../../../test/rules/support';
import { s3OutcomeTotal } from './s3-outcome-total';

describeRule(s3OutcomeTotal, {
  passes: [
    { name: 'a busy report', report: busyReport() },
    {
      name: '2019: the single （六）其他处理 row is summed',
      report: edit(zeroReport('2019'), {
        's3.new.natural': 1,
        's3.new.total': 1,
        's3.other.natural': 1,
        's3.other.total': 1,
        's3.total.natural': 1,
        's3.total.total': 1,
      }),
    },
    {
      name: 'a blank outcome makes the column not assessable',
      report: edit(busyReport(), { 's3.partial.natural': null, 's3.total.natural': 99 }),
    },
  ],
  fails: [
    {
      name: 'one outcome more than the total: the sum is offered as the fix, cells are the total then 21 outcomes',
      report: edit(busyReport(), { 's3.partial.natural': 3, 's3.partial.total': 3 }),
      findings: [
        {
          scope: 'natural',
          expected: 12,
          actual: 11,
          delta: -1,
          fix: { cell: 's3.total.natural', value: 12 },
          params: { scope: 'natural' },
        },
        { scope: 'total', expected: 16, actual: 15, fix: { cell: 's3.total.total', value: 16 } },
      ],
    },
    {
      name: '2019 sums 19 outcome rows',
      report: edit(zeroReport('2019'), { 's3.other.natural': 1 }),
      findings: [
        {
          scope: 'natural',
          expected: 1,
          actual: 0,
          cells: expect.arrayContaining(['s3.total.natural', 's3.other.natural']),
        },
      ],
    },
  ],
});

it('lists the total and every outcome row of the column', () => {
  const [f2021] = check(edit(zeroReport(), { 's3.partial.natural': 1 })).filter((f) => f.rule === 'S3-OUTCOME-TOTAL');
  expect(f2021.cells).toHaveLength(1 + 21);
  const [f2019] = check(edit(zeroReport('2019'), { 's3.other.natural': 1 })).filter(
    (f) => f.rule === 'S3-OUTCOME-TOTAL',
  );
  expect(f2019.cells).toHaveLength(1 + 19);
});
