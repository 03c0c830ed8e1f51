import { describeRule } from '../../../test/rules/harness';
import { busyReport, edit, zeroReport } from '../../../test/rules/support';
import { s4GroupTotal } from './s4-group-total';

describeRule(s4GroupTotal, {
  passes: [
    { name: 'a busy report', report: busyReport() },
    {
      name: 'a blank part: not assessable',
      report: edit(zeroReport(), { 's4.review.pending': null, 's4.review.total': 5 }),
    },
  ],
  fails: [
    {
      name: '行政诉讼 · 未经复议直接起诉: total short by 1, with the sum as fix',
      report: edit(zeroReport(), { 's4.litigation.upheld': 2, 's4.litigation.corrected': 1, 's4.litigation.total': 2 }),
      findings: [
        {
          scope: 'litigation',
          cells: [
            's4.litigation.total',
            's4.litigation.upheld',
            's4.litigation.corrected',
            's4.litigation.other',
            's4.litigation.pending',
          ],
          expected: 3,
          actual: 2,
          delta: -1,
          fix: { cell: 's4.litigation.total', value: 3 },
        },
      ],
    },
    {
      name: 'each group on its own, in printed order',
      report: edit(zeroReport(), { 's4.review.total': 1, 's4.litigationAfterReview.pending': 4 }),
      findings: [
        { scope: 'review', expected: 0, actual: 1 },
        { scope: 'litigationAfterReview', expected: 4, actual: 0 },
      ],
    },
  ],
});
