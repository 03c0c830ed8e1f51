// One engine runs every table and report rule over a report: read each cell once, then the checks.
import { getFormat, type FormatDef, type FormatVersion } from '../format';
import { effectiveFormat, readCell, type CellReading, type Report } from '../report';
import { checkCells, checkCrossYear, checkFormatVersion, checkIdentities, checkProfile, checkS2 } from './checks';
import type { Finding, PreviousView, RuleContext } from './types';

export interface ValidateOptions {
  /** Overrides the clock for PROFILE-YEAR (tests, back-dated checks). */
  readonly currentYear?: number;
}

const INDEX: Partial<Record<FormatVersion, ReadonlyMap<string, number>>> = {};

function indexOf(format: FormatDef): ReadonlyMap<string, number> {
  return (INDEX[format.version] ??= new Map(format.cells.map((c) => [c.key, c.index])));
}

function previousView(previous: Report): PreviousView {
  const format = effectiveFormat(previous.profile);
  return {
    format,
    profile: previous.profile,
    has: (key) => key in previous.values,
    num: (key) => {
      const reading = readCell(previous.values[key]);
      return reading.kind === 'number' ? reading.value : undefined;
    },
  };
}

/** Build the context the checks read. Exposed for the live validator, which re-runs parts. */
export function createContext(report: Report, options: ValidateOptions = {}): RuleContext {
  const format = getFormat(effectiveFormat(report.profile));
  const index = indexOf(format);
  const readings: CellReading[] = new Array(format.cells.length);
  const nums = new Float64Array(format.cells.length);
  for (const cell of format.cells) {
    const reading = readCell(report.values[cell.key]);
    readings[cell.index] = reading;
    nums[cell.index] = reading.kind === 'number' ? reading.value : NaN;
  }
  return {
    format,
    report,
    profile: report.profile,
    readings,
    nums,
    index: (key) => index.get(key) ?? -1,
    ...(report.previous ? { previous: previousView(report.previous) } : {}),
    currentYear: options.currentYear ?? new Date().getFullYear(),
  };
}

/** Every finding of every table and report rule, in catalogue order (report, cells, s3, s4, s2, cross-year). */
export function validate(report: Report, options: ValidateOptions = {}): Finding[] {
  const ctx = createContext(report, options);
  const out: Finding[] = [];
  checkProfile(ctx, out);
  checkFormatVersion(ctx, out);
  checkCells(ctx, out);
  checkIdentities(ctx, out);
  checkS2(ctx, out);
  checkCrossYear(ctx, out);
  return out;
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
}

export function summarize(findings: readonly Finding[]): Summary {
  const summary: Summary = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}
