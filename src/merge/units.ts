// The units a file gives to a merge: a workbook may hold a unit's report and its report of last year
// (or a report may embed last year's); last year's then feeds that unit's cross-year checks and is no
// unit of its own.
import type { Report } from '../report';
import type { MergeUnit } from './types';

const withoutPrevious = (r: Report): Report => {
  const { previous: _p, ...rest } = r;
  void _p;
  return rest;
};

/** The units of one file's reports (`file` as the reader named each: `book.xlsx#<sheet>`). */
export function unitsOfFile(entries: readonly { readonly file: string; readonly report: Report }[]): MergeUnit[] {
  const years = entries.map((e) => e.report.profile.year);
  return entries.flatMap((entry, i): MergeUnit[] => {
    const year = years[i];
    // A sheet of last year beside this year's in the same file is that report's previous.
    if (year !== undefined && years.includes(year + 1)) return [];
    const previous =
      entry.report.previous ??
      (year !== undefined ? entries.find((e) => e.report.profile.year === year - 1)?.report : undefined);
    const report = withoutPrevious(entry.report);
    // One unit from a workbook of a report and last year's: named by the file, not the sheet.
    const file = entries.length > 1 && !previous ? entry.file : entry.file.replace(/#.*$/, '');
    return [{ file, report: previous ? { ...report, previous: withoutPrevious(previous) } : report }];
  });
}
