// PROFILE-YEAR: the report year is missing, unreadable as written, or not a plausible statistical
// year (2019 ≤ year ≤ the current year).
import { defineRule } from '../define';
import type { Reporter } from '../types';

export type ProfileYearParams =
  | { readonly problem: 'missing' }
  /** The year cell holds text that is not a year (`二二年`, `明年`). */
  | { readonly problem: 'unreadable'; readonly text: string }
  | { readonly problem: 'range'; readonly max: number };

export const FIRST_REPORT_YEAR = 2019;

export const profileYear = defineRule({
  id: 'PROFILE-YEAR',
  severity: 'error',
  tables: [],
  input: 'values',
  clause: 'The report year is missing or not a plausible year (2019 ≤ year ≤ the current year).',
  reads: () => ['profile.year'],
  check(ctx, report: Reporter<ProfileYearParams>) {
    const year = ctx.profile.year;
    const cells = ['profile.year'];
    if (year === undefined) {
      const text = ctx.report.unreadProfile?.year;
      report({
        scope: 'year',
        cells,
        params: text !== undefined ? { problem: 'unreadable', text } : { problem: 'missing' },
      });
    } else if (!Number.isInteger(year) || year < FIRST_REPORT_YEAR || year > ctx.currentYear) {
      report({ scope: 'year', cells, actual: year, params: { problem: 'range', max: ctx.currentYear } });
    }
  },
});
