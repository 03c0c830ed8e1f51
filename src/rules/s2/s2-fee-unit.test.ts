import { describeRule } from '../../../test/rules/harness';
import { busyReport, edit, loadFixture, zeroReport } from '../../../test/rules/support';
import { s2FeeUnit } from './s2-fee-unit';

describeRule(s2FeeUnit, {
  passes: [
    { name: '13.39 万元', report: busyReport() },
    { name: 'just under 10亿元', report: edit(zeroReport(), { 's2.fee.amount': 99999.9999 }) },
    { name: 'the 2019 format has no 万元 cell', report: edit(zeroReport('2019'), { 's2.procurement.amount': 316441 }) },
  ],
  fails: [
    {
      name: 'the 2025 city report: 316441 万元 is 31.6441 万元 written in 元',
      report: loadFixture('fee-unit.json'),
      findings: [
        {
          scope: 'fee',
          cells: ['s2.fee.amount'],
          actual: 316441,
          params: { yuanInYi: 31.6441 },
          fix: { cell: 's2.fee.amount', value: 31.6441 },
        },
      ],
    },
    {
      name: 'exactly 100000',
      report: edit(zeroReport(), { 's2.fee.amount': 100000 }),
      findings: [{ fix: { value: 10 } }],
    },
  ],
});
