import { describeRule } from '../../../test/rules/harness';
import { edit, zeroReport } from '../../../test/rules/support';
import { s2Decisions2019 } from './s2-2019-decisions';

const license = { 's2.license.previous': 148, 's2.license.change': 2, 's2.license.decisions': 150 };

describeRule(s2Decisions2019, {
  passes: [
    { name: 'all zero', report: zeroReport('2019') },
    {
      name: 'decisions unrelated to items',
      report: edit(zeroReport('2019'), { ...license, 's2.license.decisions': 3200 }),
    },
    { name: 'the 2021 format has no item counts', report: zeroReport('2021') },
    {
      name: 'a blank cell: not comparable',
      report: edit(zeroReport('2019'), { ...license, 's2.license.change': null }),
    },
  ],
  fails: [
    {
      name: 'decisions = last year’s items + change',
      report: edit(zeroReport('2019'), license),
      findings: [
        {
          scope: 'license',
          cells: ['s2.license.decisions', 's2.license.previous', 's2.license.change'],
          actual: 150,
          params: { row: 'license' },
        },
      ],
    },
    {
      name: 'every item gone and no decision: 5 − 5 = 0 still has non-zero values',
      report: edit(zeroReport('2019'), { 's2.enforcement.previous': 5, 's2.enforcement.change': -5 }),
      findings: [{ scope: 'enforcement', actual: 0 }],
    },
    {
      name: 'with a negative change, in each row',
      report: edit(zeroReport('2019'), {
        's2.penalty.previous': 10,
        's2.penalty.change': -3,
        's2.penalty.decisions': 7,
      }),
      findings: [{ scope: 'penalty', actual: 7 }],
    },
  ],
});
