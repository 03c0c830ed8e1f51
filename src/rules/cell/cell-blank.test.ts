import { busyReport, check, edit, zeroReport } from '../../../test/rules/support';
import { describeRule } from '../../../test/rules/harness';
import { cellBlank } from './cell-blank';

describeRule(cellBlank, {
  passes: [
    { name: 'every cell 0 (2021)', report: zeroReport('2021') },
    { name: 'every cell 0 (2019)', report: zeroReport('2019') },
    { name: 'a busy report', report: busyReport() },
    { name: 'text is not blank (CELL-NOT-NUMBER says it)', report: edit(zeroReport(), { 's3.new.legal': '约3' }) },
  ],
  fails: [
    {
      name: 'null, a missing key and a placeholder, in printed order; the placeholder gets a fix to 0',
      report: edit(zeroReport(), { 's3.new.natural': null, 's4.review.total': undefined, 's2.fee.amount': '—' }),
      findings: [
        {
          scope: 's2.fee.amount',
          cells: ['s2.fee.amount'],
          params: { placeholder: '—' },
          fix: { cell: 's2.fee.amount', value: 0 },
        },
        { scope: 's3.new.natural', cells: ['s3.new.natural'], params: {} },
        { scope: 's4.review.total', cells: ['s4.review.total'], params: {} },
      ],
    },
    {
      name: 'every placeholder people write: 无, 空, /, -, 不适用, full-width ／',
      report: edit(zeroReport(), {
        's3.granted.natural': '无',
        's3.granted.business': '空',
        's3.granted.research': '/',
        's3.granted.nonprofit': '-',
        's3.granted.legal': '不适用',
        's3.granted.otherOrg': '／',
      }),
      findings: ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg'].map((c) => ({
        scope: `s3.granted.${c}`,
        fix: { value: 0 },
      })),
    },
    {
      name: 'a blank stays a blank in a 2019 report (no 0 is assumed)',
      report: edit(zeroReport('2019'), { 's2.procurement.amount': '  ' }),
      findings: [{ scope: 's2.procurement.amount' }],
    },
  ],
});

it('an empty cell gets no fix: the user may simply not have filled it in yet', () => {
  const [finding] = check(edit(zeroReport(), { 's3.new.natural': null })).filter((f) => f.rule === 'CELL-BLANK');
  expect(finding).toBeDefined();
  expect(finding.fix).toBeUndefined();
});
