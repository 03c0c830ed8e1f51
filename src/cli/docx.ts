// `nianbao docx`: writes the linked Word skeleton of PROSE.md from any readable report file, with
// last year's figures from --previous for the year-on-year wording. A workbook holding several report
// sheets gives one document per sheet, `<out>-<sheet>.docx`. Never overwrites a file without --force:
// the document is where the agency writes its report. Exit 0 when written; 2 for a usage error, an
// unreadable file, an existing or unwritable output.
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Locale } from '../format';
import type { Report } from '../report';
import { validate } from '../rules';
import { reportDocument } from '../docx';
import { displayText, UNPRINTABLE_CLASS } from '../i18n';
import { errorText } from './check';
import { readReportFile, type ReadEntry } from './read-file';
import { cliText } from './strings';
import type { CliIo } from './io';

export interface DocxCommandOptions {
  readonly file: string;
  readonly out?: string;
  readonly previous?: string;
  readonly force: boolean;
  readonly locale: Locale;
  /** Where a relative -o is resolved; the working directory unless a test says otherwise. */
  readonly cwd?: string;
  /** The generation time recorded in the document; now unless a test says otherwise. */
  readonly now?: Date;
}

/** `<input without extension>.docx` beside the input. */
export function defaultDocxName(input: string): string {
  const parsed = path.parse(input);
  return path.join(parsed.dir, `${parsed.name}.docx`);
}

/** A sheet name as part of a file name: no characters Windows forbids, no white space, at most 60. */
function fileNamePart(name: string): string {
  const cleaned = name.replace(new RegExp(`[\\\\/:*?"<>|\\s${UNPRINTABLE_CLASS}]+`, 'gu'), '_');
  return Array.from(cleaned).slice(0, 60).join('') || 'sheet';
}

/** The output of each entry: `out`, or `out-<sheet>.docx` for each sheet of a workbook of several. */
function outputsFor(entries: readonly ReadEntry[], out: string): string[] {
  if (entries.length === 1) return [out];
  const parsed = path.parse(out);
  const used = new Set<string>();
  return entries.map(({ file }) => {
    const sheet = fileNamePart(file.slice(file.lastIndexOf('#') + 1));
    let name = path.join(parsed.dir, `${parsed.name}-${sheet}${parsed.ext}`);
    for (let n = 2; used.has(name.toLowerCase()); n++)
      name = path.join(parsed.dir, `${parsed.name}-${sheet}-${n}${parsed.ext}`);
    used.add(name.toLowerCase());
    return name;
  });
}

/** Last year's report, or the message why it cannot be used with `report`. */
async function previousFor(
  options: DocxCommandOptions,
  entries: readonly ReadEntry[],
): Promise<{ report: Report } | { error: string } | undefined> {
  if (!options.previous) return undefined;
  const t = cliText(options.locale);
  let read: ReadEntry[];
  try {
    read = await readReportFile(options.previous);
  } catch (err) {
    return { error: t.previousUnreadable(options.previous, errorText(err, options.locale)) };
  }
  if (read.length !== 1) return { error: t.previousSeveral(options.previous, read.length) };
  const previous = read[0].report;
  for (const { file, report } of entries) {
    if (report.previous) return { error: t.previousWithEmbedded(file) };
    const year = report.profile.year;
    const previousYear = previous.profile.year;
    if (year !== undefined && previousYear !== undefined && previousYear !== year - 1) {
      return { error: t.previousYear(options.previous, previousYear, year) };
    }
  }
  return { report: previous };
}

export async function runDocx(options: DocxCommandOptions, io: CliIo): Promise<number> {
  const { locale } = options;
  const t = cliText(locale);
  let entries: ReadEntry[];
  try {
    entries = await readReportFile(options.file);
  } catch (err) {
    io.err(`${t.docxInputUnreadable(options.file, errorText(err, locale))}\n`);
    return 2;
  }
  const previous = await previousFor(options, entries);
  if (previous && 'error' in previous) {
    io.err(`${displayText(previous.error, 1000)}\n`);
    return 2;
  }
  const out = path.resolve(options.cwd ?? process.cwd(), options.out ?? defaultDocxName(options.file));
  if (path.extname(out).toLowerCase() !== '.docx') {
    io.err(`${t.docxNotDocx(out)}\n`);
    return 2;
  }
  const outputs = outputsFor(entries, out);
  // A Word draft read as the input is the agency's own text: never the file written over, --force or not.
  const input = path.resolve(options.cwd ?? process.cwd(), options.file);
  if (outputs.some((target) => target === input)) {
    io.err(`${t.docxSameAsInput(input)}\n`);
    return 2;
  }
  const generated = options.now ?? new Date();
  let exit = 0;
  for (const [i, { file, report }] of entries.entries()) {
    const target = outputs[i];
    const full: Report = previous ? { ...report, previous: previous.report } : report;
    const errors = validate(full).filter((f) => f.severity === 'error').length;
    if (errors > 0) io.err(`${t.docxReportErrors(file, errors)}\n`);
    const { bytes, figures, prompts } = await reportDocument(full, generated);
    try {
      // 'wx' fails if the file exists, with no window between the check and the write.
      await fs.writeFile(target, bytes, { flag: options.force ? 'w' : 'wx' });
    } catch (err) {
      const code = String((err as NodeJS.ErrnoException).code);
      io.err(`${code === 'EEXIST' ? t.docxExists(target) : t.docxUnwritable(target, t.writeReason(code))}\n`);
      exit = 2;
      continue;
    }
    io.out(`${t.docxWritten(target, figures, prompts)}\n`);
  }
  return exit;
}
