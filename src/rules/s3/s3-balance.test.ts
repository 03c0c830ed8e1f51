import { describeRule } from '../../../test/rules/harness';
import { busyReport, edit, loadFixture, zeroReport } from '../../../test/rules/support';
import { s3Balance } from './s3-balance';

const balanceCells = (c: string): string[] => [
  `s3.total.${c}`,
  `s3.new.${c}`,
  `s3.carriedIn.${c}`,
  `s3.carriedOver.${c}`,
];

describeRule(s3Balance, {
  passes: [
    { name: 'all zero', report: zeroReport() },
    { name: 'a busy report', report: busyReport() },
    { name: 'seed 004', report: loadFixture('seed-004.json') },
    {
      name: 'a blank input makes the column not assessable (never read as 0)',
      report: edit(busyReport(), { 's3.new.business': null, 's3.new.total': null }),
    },
    {
      name: 'nothing came in: S3-ZERO-YEAR speaks instead',
      report: edit(zeroReport(), {
        's3.granted.research': 2,
        's3.granted.total': 2,
        's3.total.research': 2,
        's3.total.total': 2,
      }),
    },
  ],
  fails: [
    {
      name: 'one more new application that was never handled: 商业企业 and 总计, total cell first',
      report: edit(busyReport(), { 's3.new.business': 5, 's3.new.total': 15 }),
      findings: [
        {
          scope: 'business',
          cells: balanceCells('business'),
          expected: 5,
          actual: 4,
          delta: -1,
          hints: [],
          params: { column: 'business', new: 5, carriedIn: 0, carriedOver: 0 },
        },
        { scope: 'total', cells: balanceCells('total'), expected: 16, actual: 15, delta: -1 },
      ],
    },
    {
      name: 'more outcomes than applications carries the S3-DOUBLE-COUNT advice',
      report: edit(busyReport(), {
        's3.granted.natural': 6,
        's3.granted.total': 10,
        's3.total.natural': 12,
        's3.total.total': 16,
      }),
      findings: [
        { scope: 'natural', expected: 11, actual: 12, delta: 1, hints: ['S3-DOUBLE-COUNT'] },
        { scope: 'total', expected: 15, actual: 16, delta: 1, hints: ['S3-DOUBLE-COUNT'] },
      ],
    },
    {
      name: 'the hand-made broken-column fixture: 自然人 short by 1',
      report: loadFixture('broken-column.json'),
      findings: [{ scope: 'natural', expected: 5, actual: 4, delta: -1 }, { scope: 'total' }],
    },
  ],
});
