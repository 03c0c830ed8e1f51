// A report: the profile (who, which year, which format) and the raw values by cell key.
import type { FormatVersion } from '../format';
import { formatForYear } from '../format/version';
import type { RawValue } from './cell-value';
import type { ReportText } from './text';

export type AgencyKind = 'government' | 'office' | 'department';
export const AGENCY_KINDS: readonly AgencyKind[] = ['government', 'office', 'department'];

export interface Profile {
  agency?: string;
  /** The statistical year (not the publication year). */
  year?: number;
  /** Set explicitly, or derived from the year. */
  format?: FormatVersion;
  kind?: AgencyKind;
  canMakeRegulations?: boolean;
  /** Publication date, as written (ISO date preferred). */
  published?: string;
}

/** A problem with the table layout found while reading a source (text import, workbook). */
export interface StructureIssue {
  readonly kind: 'missing' | 'duplicated' | 'renamed' | 'otherVersion';
  readonly table: 's2' | 's3' | 's4';
  /** The printed label (or cell key) concerned. */
  readonly label: string;
}

export interface Report {
  profile: Profile;
  /** Raw values by cell key. A key that is absent was not found in the source. */
  values: Record<string, RawValue>;
  /** Last year's report, for the cross-year rules. */
  previous?: Report;
  /** The layout the source was written in, where a reader could tell (text, workbook). */
  sourceFormat?: FormatVersion;
  /** Layout problems a reader found (missing, duplicated or renamed rows). */
  structureIssues?: StructureIssue[];
  /**
   * Profile fields the source holds but a reader could not read, as written (a year cell holding
   * `二二年`), so that the rules say what is wrong instead of "missing".
   */
  unreadProfile?: { year?: string };
  /**
   * Data cells the source formatted as dates (Excel turns a typed `3-5` into 5 March). Their raw
   * value is the date as text; the cell rules say that it is a date.
   */
  dateCells?: string[];
  /** The text around the tables, where the source is a report's text (src/import): for the text rules. */
  text?: ReportText;
}

/** The version the report is checked against: the profile's, else the one its year requires. */
export function effectiveFormat(profile: Profile): FormatVersion {
  if (profile.format) return profile.format;
  if (typeof profile.year === 'number' && Number.isFinite(profile.year)) return formatForYear(profile.year);
  return '2021';
}
