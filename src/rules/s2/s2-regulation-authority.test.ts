import { describeRule } from '../../../test/rules/harness';
import { check, edit, zeroReport } from '../../../test/rules/support';
import { s2RegulationAuthority } from './s2-regulation-authority';

const withRegulations = edit(zeroReport(), { 's2.regulation.valid': 2 });

describeRule(s2RegulationAuthority, {
  passes: [
    { name: 'no 规章', report: zeroReport() },
    { name: 'a body that can make them', report: edit(withRegulations, {}, { profile: { canMakeRegulations: true } }) },
    {
      name: 'unknown whether it can: no warning',
      report: { ...withRegulations, profile: { agency: '测试局', year: 2024, format: '2021', kind: 'department' } },
    },
  ],
  fails: [
    {
      name: 'a department without the power reports 规章',
      report: withRegulations,
      findings: [{ scope: 'regulation', cells: ['s2.regulation.valid'], actual: 2, params: { agency: '测试局' } }],
    },
    {
      name: '2019 format too',
      report: edit(zeroReport('2019'), { 's2.regulation.made': 1, 's2.regulation.total': 4 }),
      findings: [{ cells: ['s2.regulation.made', 's2.regulation.total'], actual: 1 }],
    },
  ],
});

it('is keyed by the row, not by which cells hold figures', () => {
  const a = check(withRegulations).find((f) => f.rule === 'S2-REGULATION-AUTHORITY');
  const b = check(edit(zeroReport(), { 's2.regulation.issued': 1 })).find((f) => f.rule === 'S2-REGULATION-AUTHORITY');
  expect(a?.findingKey).toBeDefined();
  expect(a?.findingKey).toBe(b?.findingKey);
});
