// The two version ids and which one a year requires, apart from the tables: the task pane's first
// screen needs these without loading the tables of both versions.
import type { FormatVersion } from './types';

/** A value that names one of the two versions. */
export function isFormatVersion(value: unknown): value is FormatVersion {
  return value === '2021' || value === '2019';
}

/** The version an agency must use for a statistical year: 2019 and 2020 use 2019, later years 2021. */
export function formatForYear(year: number): FormatVersion {
  return year <= 2020 ? '2019' : '2021';
}
