import { describeRule } from '../../../test/rules/harness';
import { busyReport, edit } from '../../../test/rules/support';
import { s3RowTotal } from './s3-row-total';

describeRule(s3RowTotal, {
  passes: [
    { name: 'a busy report', report: busyReport() },
    {
      name: 'a blank part makes the row not assessable',
      report: edit(busyReport(), { 's3.new.legal': null, 's3.new.total': 99 }),
    },
  ],
  fails: [
    {
      name: 'the row total of 一、新收 one short, with the sum as fix',
      report: edit(busyReport(), { 's3.new.total': 13 }),
      findings: [
        {
          scope: 'new',
          cells: [
            's3.new.total',
            's3.new.natural',
            's3.new.business',
            's3.new.research',
            's3.new.nonprofit',
            's3.new.legal',
            's3.new.otherOrg',
          ],
          expected: 14,
          actual: 13,
          delta: -1,
          fix: { cell: 's3.new.total', value: 14 },
          params: { scope: 'new' },
        },
      ],
    },
    {
      name: 'a grouped row names its group in the message scope',
      report: edit(busyReport(), { 's3.denied.secret.research': 1 }),
      findings: [{ scope: 'denied.secret', expected: 1, actual: 0 }],
    },
  ],
});
