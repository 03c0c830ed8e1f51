// The identities of the format as data, derived from the tables: the printed 勾稽关系 of s3 per
// column, the outcome total per column, the applicant total per row, and the s4 group totals.
// The engine checks them; the layout compiles the same list into spreadsheet formulas.
import { getFormat, type FormatVersion } from '../format';
import type { Identity } from './types';

const OUTCOME_TERMS = (version: FormatVersion): string[] =>
  getFormat(version)
    .s3.rows.filter((r) => r.isOutcomeItem)
    .map((r) => r.key);

function build(version: FormatVersion): Identity[] {
  const format = getFormat(version);
  const ids: Identity[] = [];
  const columns = format.s3.columns.map((c) => c.key);
  for (const c of columns) {
    ids.push({
      rule: 'S3-BALANCE',
      table: 's3',
      scope: c,
      result: `s3.total.${c}`,
      terms: [
        { key: `s3.new.${c}`, sign: 1 },
        { key: `s3.carriedIn.${c}`, sign: 1 },
        { key: `s3.carriedOver.${c}`, sign: -1 },
      ],
    });
  }
  const outcomeRows = OUTCOME_TERMS(version);
  for (const c of columns) {
    ids.push({
      rule: 'S3-OUTCOME-TOTAL',
      table: 's3',
      scope: c,
      result: `s3.total.${c}`,
      terms: outcomeRows.map((r) => ({ key: `s3.${r}.${c}`, sign: 1 as const })),
    });
  }
  const parts = columns.filter((c) => c !== 'total');
  for (const row of format.s3.rows) {
    ids.push({
      rule: 'S3-ROW-TOTAL',
      table: 's3',
      scope: row.key,
      result: `s3.${row.key}.total`,
      terms: parts.map((c) => ({ key: `s3.${row.key}.${c}`, sign: 1 as const })),
    });
  }
  for (const group of format.s4.groups) {
    ids.push({
      rule: 'S4-GROUP-TOTAL',
      table: 's4',
      scope: group.key,
      result: `s4.${group.key}.total`,
      terms: ['upheld', 'corrected', 'other', 'pending'].map((r) => ({
        key: `s4.${group.key}.${r}`,
        sign: 1 as const,
      })),
    });
  }
  return ids;
}

const CACHE: Partial<Record<FormatVersion, readonly Identity[]>> = {};

/** Every linear identity of a version, in table order. */
export function identitiesOf(version: FormatVersion): readonly Identity[] {
  return (CACHE[version] ??= build(version));
}
