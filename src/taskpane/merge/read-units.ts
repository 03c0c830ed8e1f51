// 汇总下级单位's reading, host-free: the files the user picked (any kind 导入上年报告 reads) → the
// units, the merge, and what the user must see before inserting it: which units are merged, which are
// not and why, the merge's notes, and the files that could not be read, in the user's words.
import type { Locale } from '../../format';
import { describeMergeNote, mergeDetail, mergeReports, unitsOfFile, type MergeUnit } from '../../merge';
import { effectiveFormat, type Report } from '../../report';
import { validate } from '../../rules';
import type { MergePreview } from '../components/MergeSection';
import type { PickedSource } from '../components/PreviousSection';
import { readPicked, type PreviousReaders } from '../previous/read-previous';

/** Every report of one picked file, as the command line reads it. */
async function reportsOf(readers: PreviousReaders, file: PickedSource): Promise<{ file: string; report: Report }[]> {
  const read = await readPicked(readers, file);
  return 'imported' in read ? [{ file: file.name, report: read.imported.report }] : [...read.entries];
}

/** Reads the picked files and merges them, for the user to confirm. */
export async function readUnits(
  readers: PreviousReaders,
  files: readonly PickedSource[],
  options: { readonly agency: string; readonly currentYear: number; readonly locale: Locale },
  describe: (error: unknown) => string,
): Promise<MergePreview> {
  const { locale, currentYear } = options;
  const units: MergeUnit[] = [];
  const unreadable: { file: string; message: string }[] = [];
  for (const file of files) {
    try {
      units.push(...unitsOfFile(await reportsOf(readers, file)));
    } catch (error) {
      unreadable.push({ file: file.name, message: describe(error) });
    }
  }
  const agency = options.agency.trim();
  const result = mergeReports(units, {
    currentYear,
    ...(agency !== '' ? { agency } : {}),
  });
  const included = result.units.filter((u) => u.included).length;
  const findings = included > 0 ? validate(result.report, { currentYear }) : [];
  const year = result.report.profile.year;
  return {
    ...(year !== undefined ? { year } : {}),
    format: effectiveFormat(result.report.profile),
    received: units.length,
    included,
    units: result.units.map((u) => ({
      name: u.name,
      file: u.file,
      included: u.included,
      errors: u.errors,
      warnings: u.warnings,
    })),
    notes: result.notes.map((n) => ({ severity: n.severity, message: describeMergeNote(n, locale) })),
    unreadable,
    errors: findings.filter((f) => f.severity === 'error').length,
    merged: { report: result.report, detail: mergeDetail(result, locale) },
  };
}
