// Reports that break many rules at once, for the pinned finding keys (finding-keys.test.ts).
import type { Report } from '../../src/report';
import { busyReport, edit, withPrevious, zeroReport } from './support';

const lastYear = edit(zeroReport('2021', 2023), { 's3.carriedOver.natural': 5, 's2.normative.valid': 10 });

export const KITCHEN: Readonly<Record<string, Report>> = {
  /** Totals, a balance, cells and 表二 warnings of a 2021 report, beside last year's. */
  '2021 with last year': withPrevious(
    edit(busyReport(), {
      's3.total.natural': 12,
      's3.new.legal': -1,
      's3.new.research': 1.5,
      's3.new.nonprofit': 'abc',
      's3.new.otherOrg': null,
      's4.review.total': 3,
      's2.regulation.issued': 1,
      's2.regulation.valid': 1,
      's2.fee.amount': 200000.12345,
    }),
    lastYear,
  ),
  /** Outcomes out of nothing, and a row of the other format mixed in. */
  'zero year and mixed layouts': edit(zeroReport('2021'), {
    's3.granted.research': 2,
    's3.granted.total': 2,
    's3.total.research': 2,
    's3.total.total': 2,
    's3.other.natural': 1,
  }),
  /** The 2019 format: decisions = items + change, in a 2022 report. */
  '2019 layout in 2022': edit(zeroReport('2019', 2022), {
    's2.license.previous': 148,
    's2.license.change': 2,
    's2.license.decisions': 150,
  }),
  /** A copied table. */
  'copied from last year': withPrevious(busyReport(), {
    ...busyReport(),
    profile: { ...busyReport().profile, year: 2023 },
  }),
};
