import { describeRule } from '../../../test/rules/harness';
import { CURRENT_YEAR, edit, zeroReport } from '../../../test/rules/support';
import { profileYear } from './profile-year';

const withYear = (year: number | undefined, unread?: string): ReturnType<typeof zeroReport> => {
  const report = zeroReport('2021');
  if (year === undefined) delete report.profile.year;
  else report.profile.year = year;
  if (unread !== undefined) report.unreadProfile = { year: unread };
  return report;
};

describeRule(profileYear, {
  passes: [
    { name: '2019, the first year of the format', report: zeroReport('2019', 2019) },
    { name: 'the current year', report: zeroReport('2021', CURRENT_YEAR) },
    { name: '2024', report: edit(zeroReport(), {}) },
  ],
  fails: [
    {
      name: 'missing',
      report: withYear(undefined),
      findings: [{ scope: 'year', cells: ['profile.year'], params: { problem: 'missing' } }],
    },
    {
      name: 'written so that it cannot be read (the text is named)',
      report: withYear(undefined, '二二年'),
      findings: [{ params: { problem: 'unreadable', text: '二二年' } }],
    },
    {
      name: 'before 2019',
      report: withYear(2018),
      findings: [
        { scope: 'year', cells: ['profile.year'], actual: 2018, params: { problem: 'range', max: CURRENT_YEAR } },
      ],
    },
    { name: 'after this year', report: withYear(CURRENT_YEAR + 1), findings: [{ params: { problem: 'range' } }] },
    { name: 'two digits', report: withYear(22), findings: [{ actual: 22, params: { problem: 'range' } }] },
  ],
});
