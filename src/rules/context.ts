// The context every check reads: each cell of the report read once (number, blank or text), the
// numbers in a flat array by cell index, and last year's report where given.
import { getFormat, type FormatDef, type FormatVersion } from '../format';
import { effectiveFormat, readCell, type CellReading, type Report } from '../report';
import type { PreviousView, RuleContext } from './types';

export interface ValidateOptions {
  /** Overrides the clock for PROFILE-YEAR (tests, back-dated checks). */
  readonly currentYear?: number;
}

const INDEX: Partial<Record<FormatVersion, ReadonlyMap<string, number>>> = {};

function indexOf(format: FormatDef): ReadonlyMap<string, number> {
  return (INDEX[format.version] ??= new Map(format.cells.map((c) => [c.key, c.index])));
}

function previousView(previous: Report): PreviousView {
  return {
    format: effectiveFormat(previous.profile),
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
  // Preallocated: filled by index in one pass.
  const readings: CellReading[] = new Array<CellReading>(format.cells.length);
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
    num: (key) => {
      const i = index.get(key);
      return i === undefined ? NaN : nums[i];
    },
    ...(report.previous ? { previous: previousView(report.previous) } : {}),
    currentYear: options.currentYear ?? new Date().getFullYear(),
    ...(report.text ? { text: report.text } : {}),
  };
}
