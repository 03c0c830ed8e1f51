import { describeRule } from '../../../test/rules/harness';
import { busyReport, check, edit, zeroReport } from '../../../test/rules/support';
import { s3ZeroYear } from './s3-zero-year';

const grantedOutOfNothing = edit(zeroReport(), {
  's3.granted.research': 2,
  's3.granted.total': 2,
  's3.total.research': 2,
  's3.total.total': 2,
});

describeRule(s3ZeroYear, {
  passes: [
    { name: 'all zero', report: zeroReport() },
    { name: 'a busy report', report: busyReport() },
    {
      name: 'only last year’s applications, handled this year: nothing new, but something came in',
      report: edit(zeroReport(), {
        's3.carriedIn.legal': 2,
        's3.carriedIn.total': 2,
        's3.granted.legal': 2,
        's3.granted.total': 2,
        's3.total.legal': 2,
        's3.total.total': 2,
      }),
    },
    {
      name: 'not assessable when the balance is not (a blank total)',
      report: edit(zeroReport(), { 's3.granted.research': 2, 's3.total.research': null }),
    },
  ],
  fails: [
    {
      name: 'outcomes out of nothing: the offenders first, then 新收 and 上年结转',
      report: grantedOutOfNothing,
      findings: [
        {
          scope: 'research',
          cells: ['s3.granted.research', 's3.total.research', 's3.new.research', 's3.carriedIn.research'],
          expected: 0,
          actual: 2,
          delta: 2,
          params: { column: 'research' },
        },
        { scope: 'total', actual: 2 },
      ],
    },
    {
      name: 'a carry-over out of nothing',
      report: edit(zeroReport(), { 's3.carriedOver.legal': 1, 's3.carriedOver.total': 1 }),
      findings: [
        { scope: 'legal', cells: ['s3.carriedOver.legal', 's3.new.legal', 's3.carriedIn.legal'], actual: 1 },
        { scope: 'total' },
      ],
    },
  ],
});

it('reports one or the other: S3-BALANCE is silent on the columns S3-ZERO-YEAR reports', () => {
  expect(check(grantedOutOfNothing).map((f) => f.rule)).toEqual(['S3-ZERO-YEAR', 'S3-ZERO-YEAR']);
});

it('keys the finding by the column, not by which cells happen to be wrong', () => {
  const one = check(grantedOutOfNothing).find((f) => f.rule === 'S3-ZERO-YEAR' && f.scope === 'research');
  const other = check(
    edit(zeroReport(), {
      's3.partial.research': 1,
      's3.partial.total': 1,
      's3.total.research': 1,
      's3.total.total': 1,
    }),
  ).find((f) => f.rule === 'S3-ZERO-YEAR' && f.scope === 'research');
  expect(one?.cells).not.toEqual(other?.cells);
  expect(one?.findingKey).toBe(other?.findingKey);
});
