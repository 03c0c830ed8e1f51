import { MAX_FIGURE } from '../../report';
import { describeRule } from '../../../test/rules/harness';
import { busyReport, edit, zeroReport } from '../../../test/rules/support';
import { cellNotNumber } from './cell-not-number';

describeRule(cellNotNumber, {
  passes: [
    { name: 'a busy report', report: busyReport() },
    {
      name: 'full-width digits, thousands separators, spaces and a trailing unit are numbers',
      report: edit(zeroReport(), {
        's2.license.decisions': '９０,０２５件',
        's2.fee.amount': ' 13.39万元 ',
        's2.penalty.decisions': '1 234',
      }),
    },
    {
      name: 'the largest exact figure is still a figure',
      report: edit(zeroReport(), { 's2.license.decisions': MAX_FIGURE }),
    },
  ],
  fails: [
    {
      name: 'text keeps what was typed for the message',
      report: edit(zeroReport(), { 's3.new.legal': '约3' }),
      findings: [{ scope: 's3.new.legal', cells: ['s3.new.legal'], params: { text: '约3' } }],
    },
    {
      name: '`1,2` is more likely a typo for 1.2 than a figure',
      report: edit(zeroReport(), { 's2.penalty.decisions': '1,2' }),
      findings: [{ scope: 's2.penalty.decisions', params: { text: '1,2' } }],
    },
    {
      name: 'a count beyond 2^53, typed or as a number, and 1e308 are not valid figures',
      report: edit(zeroReport(), {
        's3.new.natural': '123456789012345678901234567890',
        's3.new.total': 1e308,
        's2.license.decisions': MAX_FIGURE + 2,
      }),
      findings: [
        { scope: 's2.license.decisions', params: { problem: 'tooLarge' } },
        { scope: 's3.new.natural', params: { text: '123456789012345678901234567890', problem: 'tooLarge' } },
        { scope: 's3.new.total', params: { text: '1e+308', problem: 'tooLarge' } },
      ],
    },
    {
      name: 'a cell the workbook formatted as a date says it is a date',
      report: edit(zeroReport(), { 's3.new.natural': '2024-03-05' }, { dateCells: ['s3.new.natural'] }),
      findings: [{ scope: 's3.new.natural', params: { text: '2024-03-05', problem: 'date' } }],
    },
  ],
});
