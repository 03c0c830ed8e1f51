import { describeRule } from '../../../test/rules/harness';
import { busyReport, edit, withPrevious, zeroReport } from '../../../test/rules/support';
import { s2ValidStock } from './s2-valid-stock';

/** busyReport: 行政规范性文件 issued 3, repealed 0, valid 20; so last year's 17 continues. */
const lastYear = edit(zeroReport('2021', 2023), {
  's2.normative.valid': 17,
  's3.carriedOver.natural': 2,
  's3.carriedOver.total': 2,
});

describeRule(s2ValidStock, {
  passes: [
    { name: 'no last year', report: busyReport() },
    { name: '17 + 3 − 0 = 20', report: withPrevious(busyReport(), lastYear) },
    {
      name: 'last year used the 2019 format: its figures are not read, even under 2021 keys',
      report: withPrevious(busyReport(), edit(zeroReport('2019', 2020), { 's2.normative.valid': 18 })),
    },
    {
      name: 'a 2020 report (2019 format by its year) is not continued from, even with 2021 keys',
      report: withPrevious(busyReport(), {
        profile: { year: 2020 },
        values: { 's2.normative.valid': 18, 's2.regulation.valid': 0 },
      }),
    },
    {
      name: '17 + 3 − 2 = 18: what was repealed leaves the stock',
      report: withPrevious(edit(busyReport(), { 's2.normative.repealed': 2, 's2.normative.valid': 18 }), lastYear),
    },
    {
      name: 'a blank this year (CELL-BLANK says so)',
      report: withPrevious(edit(busyReport(), { 's2.normative.issued': null }), lastYear),
    },
    {
      name: "last year's figure blank",
      report: withPrevious(busyReport(), edit(lastYear, { 's2.normative.valid': null })),
    },
  ],
  fails: [
    {
      name: 'in force = last year + issued − repealed, per row',
      report: withPrevious(busyReport(), edit(lastYear, { 's2.normative.valid': 18 })),
      findings: [
        {
          scope: 'normative',
          cells: ['s2.normative.valid', 'previous.s2.normative.valid', 's2.normative.issued', 's2.normative.repealed'],
          expected: 21,
          actual: 20,
          delta: -1,
          params: { row: 'normative', lastValid: 18, issued: 3, repealed: 0 },
        },
      ],
    },
    {
      name: 'repealed counted as issued: 17 + 3 − 2 is 18, not 22',
      report: withPrevious(edit(busyReport(), { 's2.normative.repealed': 2, 's2.normative.valid': 22 }), lastYear),
      findings: [{ scope: 'normative', expected: 18, actual: 22, delta: 4 }],
    },
    {
      name: '规章 too',
      report: withPrevious(busyReport(), edit(lastYear, { 's2.regulation.valid': 1 })),
      findings: [{ scope: 'regulation', expected: 1, actual: 0 }],
    },
  ],
});
