import { describeRule } from '../../../test/rules/harness';
import { busyReport, edit, zeroReport } from '../../../test/rules/support';
import { cellPrecision } from './cell-precision';

describeRule(cellPrecision, {
  passes: [
    { name: 'two decimals', report: busyReport() },
    { name: 'exactly four decimals', report: edit(zeroReport(), { 's2.fee.amount': '13.3912' }) },
    { name: 'float noise is not a fifth decimal', report: edit(zeroReport(), { 's2.fee.amount': 0.1 + 0.2 }) },
    {
      name: 'trailing zeros as typed count, but 4 is allowed',
      report: edit(zeroReport(), { 's2.fee.amount': '1.2000' }),
    },
  ],
  fails: [
    {
      name: 'five decimals offers the value rounded to 4',
      report: edit(zeroReport(), { 's2.fee.amount': '13.39123' }),
      findings: [
        {
          scope: 's2.fee.amount',
          actual: 13.39123,
          params: { decimals: 5 },
          fix: { cell: 's2.fee.amount', value: 13.3912 },
        },
      ],
    },
    {
      name: 'a number value with 6 decimals',
      report: edit(zeroReport(), { 's2.fee.amount': 0.123456 }),
      findings: [{ params: { decimals: 6 }, fix: { value: 0.1235 } }],
    },
  ],
});
