import { describeRule } from '../../../test/rules/harness';
import { check, edit, zeroReport } from '../../../test/rules/support';
import { formatVersion } from './format-version';

describeRule(formatVersion, {
  passes: [
    { name: '2024 in the 2021 format', report: zeroReport('2021', 2024) },
    { name: '2020 in the 2019 format', report: zeroReport('2019', 2020) },
    { name: '2021, the first year of the 2021 format', report: zeroReport('2021', 2021) },
    { name: 'no year: PROFILE-YEAR says so', report: { ...zeroReport(), profile: { format: '2021' } } },
    { name: 'a year before 2019: PROFILE-YEAR says so, not a wrong layout', report: zeroReport('2021', 2018) },
    { name: 'a year that is no whole number: PROFILE-YEAR says so', report: zeroReport('2019', 2020.5) },
  ],
  fails: [
    {
      name: 'a 2019 layout in a 2022 report',
      report: zeroReport('2019', 2022),
      findings: [
        {
          scope: 'year',
          cells: ['profile.format'],
          params: { problem: 'year', year: 2022, used: '2019', required: '2021' },
        },
      ],
    },
    {
      name: 'the 2021 layout in a 2020 report',
      report: zeroReport('2021', 2020),
      findings: [{ params: { problem: 'year', used: '2021', required: '2019' } }],
    },
    {
      name: 'the 2021 layout in a 2019 report, the first year of the 2019 format',
      report: zeroReport('2021', 2019),
      findings: [{ params: { problem: 'year', year: 2019, used: '2021', required: '2019' } }],
    },
    {
      name: 'cells of the 2021 format in a 2019 report',
      report: edit(zeroReport('2019'), { 's2.fee.amount': 3 }),
      findings: [{ scope: 'foreignRow:s2.fee', cells: ['s2.fee.amount'], params: { used: '2019', other: '2021' } }],
    },
    {
      name: 'what the reader saw wins over the profile',
      report: { ...zeroReport('2021', 2024), sourceFormat: '2019' },
      findings: [{ params: { used: '2019' } }],
    },
    {
      name: 'cells of the other version mixed in, one finding per row',
      report: edit(zeroReport('2021'), { 's3.other.natural': 0, 's3.other.total': 0, 's2.license.previous': 1 }),
      findings: [
        {
          scope: 'foreignRow:s2.license',
          cells: ['s2.license.previous'],
          params: { problem: 'foreignRow', used: '2021', other: '2019' },
        },
        { scope: 'foreignRow:s3.other', cells: ['s3.other.natural', 's3.other.total'] },
      ],
    },
    {
      name: 'layout problems a reader found',
      report: { ...zeroReport(), structureIssues: [{ kind: 'missing', table: 's3', label: '（四）无法提供' }] },
      findings: [
        {
          scope: 'missing:s3:（四）无法提供',
          cells: [],
          params: { problem: 'missing', table: 's3', label: '（四）无法提供' },
        },
      ],
    },
  ],
});

it('keys a mixed-in row by the row, whichever of its cells are filled', () => {
  const key = (values: Record<string, number>): string | undefined =>
    check(edit(zeroReport('2021'), values)).find((f) => f.rule === 'FORMAT-VERSION')?.findingKey;
  const one = key({ 's3.other.natural': 1 });
  expect(one).toBeDefined();
  expect(key({ 's3.other.total': 4, 's3.other.legal': 1 })).toBe(one);
  expect(key({ 's2.license.previous': 1 })).not.toBe(one);
});
