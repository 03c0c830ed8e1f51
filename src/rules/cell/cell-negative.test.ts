import { describeRule } from '../../../test/rules/harness';
import { busyReport, edit, zeroReport } from '../../../test/rules/support';
import { cellNegative } from './cell-negative';

describeRule(cellNegative, {
  passes: [
    { name: 'a busy report', report: busyReport() },
    { name: '2019 本年增/减 may be negative', report: edit(zeroReport('2019'), { 's2.license.change': -5 }) },
    { name: '-0 is 0', report: edit(zeroReport(), { 's4.review.upheld': '-0' }) },
  ],
  fails: [
    {
      name: 'a negative count and a negative amount',
      report: edit(zeroReport(), { 's4.review.upheld': -1, 's4.review.total': -1, 's2.fee.amount': '-3.5' }),
      findings: [
        { scope: 's2.fee.amount', actual: -3.5 },
        { scope: 's4.review.upheld', actual: -1 },
        { scope: 's4.review.total', actual: -1 },
      ],
    },
    {
      name: 'other 2019 cells may not be negative (采购总金额)',
      report: edit(zeroReport('2019'), { 's2.procurement.amount': -1 }),
      findings: [{ scope: 's2.procurement.amount' }],
    },
  ],
});
