// `nianbao template`: writes the official tables as a workbook, the layout the add-in inserts with
// its in-sheet checks; `--data` fills it (values and profile) from any readable report file.
// Exit 0 when written; 2 for a usage error, an unreadable --data file or an existing output.
import { promises as fs } from 'fs';
import * as path from 'path';
import { formatForYear, getFormat, type Locale } from '../format';
import { effectiveFormat, ReportInputError, type Profile, type RawValue, type Report } from '../report';
import { layoutOfProfile, safeSheetName } from '../layout';
import { writeTemplate, type TemplateSheet } from '../xlsx/write';
import { readReportFile } from './read-file';
import { describeInputError, strings, UNPRINTABLE_CLASS } from '../i18n';
import { cliText } from './strings';
import type { CliIo } from './io';

export interface TemplateOptions {
  readonly out?: string;
  readonly data?: string;
  /** --year, --format, --agency, --kind: override what --data says. */
  readonly overrides: Partial<Profile>;
  readonly force: boolean;
  readonly locale: Locale;
  /** Where a default output name is placed; the working directory unless a test says otherwise. */
  readonly cwd?: string;
}

/** `<agency><year>年政府信息公开工作年度报告.xlsx`, or `nianbao-template.xlsx` with neither known. */
export function defaultOutputName(profile: Profile): string {
  // Characters Windows forbids in names, white space and invisible characters; at most 60 kept.
  const cleaned = (profile.agency ?? '').replace(new RegExp(`[\\\\/:*?"<>|\\s${UNPRINTABLE_CLASS}]+`, 'gu'), '');
  const agency = Array.from(cleaned).slice(0, 60).join('');
  const sheet = strings('zh-CN').sheet; // the report's title, in Chinese as printed
  const year = profile.year ? `${profile.year}${sheet.titleYear}` : '';
  if (!agency && !year) return 'nianbao-template.xlsx';
  return `${agency}${year}${sheet.titleSuffix}.xlsx`;
}

interface PlannedSheet {
  readonly sheet: TemplateSheet;
  /** Values of the other format version, which this layout has no cell for. */
  readonly dropped: readonly string[];
}

function planSheet(report: Report, overrides: Partial<Profile>, sheetName: string | undefined): PlannedSheet {
  const profile: Profile = { ...report.profile, ...overrides };
  const version = effectiveFormat(profile);
  const layout = layoutOfProfile(profile, sheetName ? safeSheetName(sheetName) : undefined);
  const keys = new Set(getFormat(version).cells.map((c) => c.key));
  const values: Record<string, RawValue> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(report.values)) {
    if (keys.has(key)) values[key] = value;
    else if (value !== null) dropped.push(key);
  }
  return { sheet: { layout, values }, dropped };
}

const errorText = (err: unknown, locale: Locale): string =>
  err instanceof ReportInputError ? describeInputError(err, locale) : cliText(locale).internalError;

/** A layout the year forbids (2019 tables for a 2024 report): the first one found, if any. */
function forbiddenFormat(profiles: readonly Profile[]): { year: number; format: string; required: string } | undefined {
  for (const p of profiles) {
    if (p.year === undefined || p.format === undefined || !Number.isInteger(p.year)) continue;
    const required = formatForYear(p.year);
    if (p.format !== required) return { year: p.year, format: p.format, required };
  }
  return undefined;
}

export async function runTemplate(options: TemplateOptions, io: CliIo): Promise<number> {
  const t = cliText(options.locale);
  let reports: { file: string; report: Report }[] = [{ file: '', report: { profile: {}, values: {} } }];
  if (options.data) {
    try {
      reports = await readReportFile(options.data);
    } catch (err) {
      io.err(`${t.templateDataUnreadable(options.data, errorText(err, options.locale))}\n`);
      return 2;
    }
  }
  // --force also stands for "yes, the other layout": a back-filled or deliberately old table.
  const forbidden = forbiddenFormat(reports.map(({ report }) => ({ ...report.profile, ...options.overrides })));
  if (forbidden && !options.force) {
    io.err(`${t.templateFormatForbidden(forbidden.year, forbidden.format, forbidden.required)}\n`);
    return 2;
  }
  // A workbook read sheet by sheet (`book.xlsx#<sheet>`) keeps its sheet names.
  const planned = reports.map(({ file, report }) =>
    planSheet(report, options.overrides, reports.length > 1 ? file.slice(file.lastIndexOf('#') + 1) : undefined),
  );
  const first = { ...reports[0].report.profile, ...options.overrides };
  const out = path.resolve(options.cwd ?? process.cwd(), options.out ?? defaultOutputName(first));
  if (path.extname(out).toLowerCase() !== '.xlsx') {
    io.err(`${t.templateNotXlsx(out)}\n`);
    return 2;
  }
  for (const { dropped } of planned) {
    if (dropped.length > 0) io.err(`${t.templateDropped(dropped.length, dropped.slice(0, 3))}\n`);
  }
  const bytes = await writeTemplate(planned.map((p) => p.sheet));
  try {
    // 'wx' fails if the file exists, with no window between the check and the write.
    await fs.writeFile(out, bytes, { flag: options.force ? 'w' : 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      io.err(`${t.templateExists(out)}\n`);
      return 2;
    }
    io.err(`${t.templateUnwritable(out, t.writeReason(String((err as NodeJS.ErrnoException).code)))}\n`);
    return 2;
  }
  const versions = [...new Set(planned.map((p) => p.sheet.layout.version))];
  io.out(`${t.templateWritten(out, versions, planned.length, options.data !== undefined)}\n`);
  return 0;
}
