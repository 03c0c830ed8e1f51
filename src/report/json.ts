// The JSON interchange of INTERFACES.md: read strictly (an unknown key is an error, so that a typo
// never silently drops a figure), write exactly what was read.
import { getFormat, isFormatVersion, isKnownCellKey } from '../format';
import type { RawValue } from './cell-value';
import { ReportInputError } from './errors';
import { AGENCY_KINDS, type AgencyKind, type Profile, type Report } from './report';

const TOP_KEYS = ['profile', 'values', 'previous'] as const;
const PROFILE_KEYS = ['agency', 'year', 'format', 'kind', 'canMakeRegulations', 'published'] as const;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  return value === null ? 'null' : typeof value;
}

function checkKeys(obj: JsonObject, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      throw new ReportInputError('UNKNOWN_KEY', { key, path, allowed: allowed.join(', ') });
    }
  }
}

/** Edit distance, for "did you mean" on a mistyped cell key. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

let allKeys: string[] | undefined;
function suggestKey(key: string): string | undefined {
  allKeys ??= [...new Set([...getFormat('2021').cells, ...getFormat('2019').cells].map((c) => c.key))];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allKeys) {
    const d = distance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 5)) ? best : undefined;
}

function readProfile(value: unknown, path: string, partial: boolean): Profile {
  if (value === undefined && partial) return {};
  if (!isObject(value)) throw new ReportInputError('NOT_AN_OBJECT', { path });
  checkKeys(value, PROFILE_KEYS, path);
  const profile: Profile = {};
  const bad = (key: string, detail: string): ReportInputError =>
    new ReportInputError('BAD_PROFILE_FIELD', { key, detail, path: `${path}.${key}` });
  if (value.agency !== undefined && value.agency !== null) {
    if (typeof value.agency !== 'string') throw bad('agency', 'string expected / 应为文字');
    profile.agency = value.agency;
  }
  if (value.year !== undefined && value.year !== null) {
    const year = typeof value.year === 'string' && /^\d{4}$/.test(value.year.trim()) ? Number(value.year) : value.year;
    if (typeof year !== 'number' || !Number.isInteger(year)) throw bad('year', 'whole number expected / 应为整数年份');
    profile.year = year;
  }
  if (value.format !== undefined && value.format !== null) {
    const format = typeof value.format === 'number' ? String(value.format) : value.format;
    if (!isFormatVersion(format)) throw bad('format', '"2021" or "2019"');
    profile.format = format;
  }
  if (value.kind !== undefined && value.kind !== null) {
    if (typeof value.kind !== 'string' || !AGENCY_KINDS.includes(value.kind as AgencyKind)) {
      throw bad('kind', AGENCY_KINDS.join(' | '));
    }
    profile.kind = value.kind as AgencyKind;
  }
  if (value.canMakeRegulations !== undefined && value.canMakeRegulations !== null) {
    if (typeof value.canMakeRegulations !== 'boolean') throw bad('canMakeRegulations', 'true or false');
    profile.canMakeRegulations = value.canMakeRegulations;
  }
  if (value.published !== undefined && value.published !== null) {
    if (typeof value.published !== 'string') throw bad('published', 'string expected / 应为文字');
    profile.published = value.published;
  }
  return profile;
}

function readValues(value: unknown, path: string): Record<string, RawValue> {
  if (value === undefined) return {};
  if (!isObject(value)) throw new ReportInputError('NOT_AN_OBJECT', { path });
  const values: Record<string, RawValue> = {};
  for (const [key, raw] of Object.entries(value)) {
    if (!isKnownCellKey(key)) {
      const suggestion = suggestKey(key);
      throw new ReportInputError('UNKNOWN_CELL_KEY', suggestion ? { key, path, suggestion } : { key, path });
    }
    if (raw !== null && typeof raw !== 'number' && typeof raw !== 'string') {
      throw new ReportInputError('BAD_VALUE', { key, type: typeName(raw), path: `${path}.${key}` });
    }
    values[key] = raw;
  }
  return values;
}

function readReportObject(value: unknown, path: string, isPrevious: boolean): Report {
  if (!isObject(value)) throw new ReportInputError('NOT_AN_OBJECT', { path: path || '(root)' });
  checkKeys(value, isPrevious ? ['profile', 'values'] : TOP_KEYS, path || '(root)');
  const report: Report = {
    profile: readProfile(value.profile, path ? `${path}.profile` : 'profile', isPrevious),
    values: readValues(value.values, path ? `${path}.values` : 'values'),
  };
  if (!isPrevious && value.previous !== undefined && value.previous !== null) {
    report.previous = readReportObject(value.previous, 'previous', true);
  }
  return report;
}

/** Parse the interchange JSON. Throws ReportInputError (never a bare SyntaxError). */
export function parseReportJson(text: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ReportInputError('JSON_SYNTAX', { detail: err instanceof Error ? err.message : String(err) });
  }
  return readReportObject(data, '', false);
}

/** The interchange object of a report (what `parseReportJson` reads back unchanged). */
export function reportToJson(report: Report): JsonObject {
  const out: JsonObject = { profile: { ...report.profile }, values: { ...report.values } };
  if (report.previous)
    out.previous = { profile: { ...report.previous.profile }, values: { ...report.previous.values } };
  return out;
}
