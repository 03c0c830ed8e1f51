import { describeRule } from '../../../test/rules/harness';
import { busyReport, edit, zeroReport } from '../../../test/rules/support';
import { cellNotInteger } from './cell-not-integer';

describeRule(cellNotInteger, {
  passes: [
    { name: 'a busy report', report: busyReport() },
    { name: '万元 may have decimals', report: edit(zeroReport(), { 's2.fee.amount': 2.5 }) },
    { name: '2019 采购总金额 may have decimals', report: edit(zeroReport('2019'), { 's2.procurement.amount': 12.75 }) },
    {
      name: 'spreadsheet float noise is the whole number it is',
      report: edit(zeroReport(), { 's2.penalty.decisions': 0.7 * 10 * 3 }),
    },
  ],
  fails: [
    {
      name: 'a count with a fraction gets the rounded value as fix',
      report: edit(zeroReport(), { 's2.penalty.decisions': 2.5, 's2.fee.amount': 2.5 }),
      findings: [{ scope: 's2.penalty.decisions', actual: 2.5, fix: { cell: 's2.penalty.decisions', value: 3 } }],
    },
    {
      name: 'a signed 2019 change with a fraction',
      report: edit(zeroReport('2019'), { 's2.license.change': '-1.4' }),
      findings: [{ scope: 's2.license.change', fix: { value: -1 } }],
    },
  ],
});
