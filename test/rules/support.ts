// Small builders for rule tests: a consistent report to break one thing in.
import { readFileSync } from 'fs';
import * as path from 'path';
import { getFormat, type FormatVersion } from '../../src/format';
import { parseReportJson, type RawValue, type Report } from '../../src/report';
import { validate, validateText, type Finding } from '../../src/rules';

export const CURRENT_YEAR = 2026;

export function loadFixture(name: string): Report {
  return parseReportJson(readFileSync(path.join(__dirname, '../fixtures', name), 'utf8'));
}

/** Every cell 0: a valid report of an agency that had nothing to report. */
export function zeroReport(version: FormatVersion = '2021', year = version === '2021' ? 2024 : 2020): Report {
  const values: Record<string, RawValue> = {};
  for (const cell of getFormat(version).cells) values[cell.key] = 0;
  return {
    profile: { agency: '测试局', year, format: version, kind: 'department', canMakeRegulations: false },
    values,
  };
}

/**
 * A consistent 2021 report with activity in several columns: 自然人 new 10 + carried 2 = granted 5 +
 * partial 2 + notHeld 3 + petition 1 (total 11) + carriedOver 1; 商业企业 new 4 = granted 4.
 */
export function busyReport(): Report {
  const r = zeroReport('2021');
  const set = (row: string, natural: number, business: number): void => {
    r.values[`s3.${row}.natural`] = natural;
    r.values[`s3.${row}.business`] = business;
    r.values[`s3.${row}.total`] = natural + business;
  };
  set('new', 10, 4);
  set('carriedIn', 2, 0);
  set('granted', 5, 4);
  set('partial', 2, 0);
  set('unable.notHeld', 3, 0);
  set('rejected.petition', 1, 0);
  set('total', 11, 4);
  set('carriedOver', 1, 0);
  Object.assign(r.values, {
    's4.review.upheld': 1,
    's4.review.pending': 1,
    's4.review.total': 2,
    's2.normative.issued': 3,
    's2.normative.valid': 20,
    's2.license.decisions': 1200,
    's2.fee.amount': 13.39,
  });
  return r;
}

export function check(report: Report): Finding[] {
  return validate(report, { currentYear: CURRENT_YEAR });
}

/** The findings of the text rules (none for a report without a text). */
export function checkText(report: Report): Finding[] {
  return validateText(report, { currentYear: CURRENT_YEAR });
}

export const rulesOf = (findings: readonly Finding[]): string[] => findings.map((f) => f.rule);

/** A copy of a report with some values changed (`undefined` deletes the key), and optional extras. */
export function edit(
  base: Report,
  values: Readonly<Record<string, RawValue | undefined>>,
  extra: Partial<Omit<Report, 'values'>> = {},
): Report {
  const next: Record<string, RawValue> = { ...base.values };
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return { ...base, ...extra, profile: { ...base.profile, ...extra.profile }, values: next };
}

/** The report with last year's report beside it. */
export function withPrevious(report: Report, previous: Report): Report {
  return { ...report, previous };
}
