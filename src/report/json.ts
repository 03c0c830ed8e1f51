// The JSON interchange of INTERFACES.md: read strictly (an unknown key or a key given twice is an
// error, so that a typo never silently drops a figure), write exactly what was read. Syntax errors
// say line, column and what is wrong in the user's language, never the JavaScript engine's words.
import { printParseErrorCode, visit, type ParseErrorCode } from 'jsonc-parser';
import { getFormat, isFormatVersion, isKnownCellKey } from '../format';
import type { RawValue } from './cell-value';
import { ReportInputError } from './errors';
import { AGENCY_KINDS, type AgencyKind, type Profile, type Report } from './report';
import { readYear } from './year';

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
  const bad = (key: string, problem: string, text?: string): ReportInputError =>
    new ReportInputError('BAD_PROFILE_FIELD', {
      key,
      problem,
      path: `${path}.${key}`,
      ...(text !== undefined ? { text } : {}),
    });
  const present = (v: unknown): boolean => v !== undefined && v !== null;
  if (present(value.agency)) {
    if (typeof value.agency !== 'string') throw bad('agency', 'notText');
    profile.agency = value.agency;
  }
  if (present(value.year)) {
    const raw = value.year;
    const reading =
      typeof raw === 'string' || typeof raw === 'number'
        ? readYear(raw)
        : ({
            ok: false,
            problem: 'notAYear',
            text: typeof raw === 'boolean' ? String(raw) : Array.isArray(raw) ? '[…]' : '{…}',
          } as const);
    // A blank text (`"year": ""`) reads as no year, as an empty cell would: PROFILE-YEAR says so.
    if (reading && !reading.ok)
      throw bad('year', reading.problem === 'twoDigits' ? 'yearTwoDigits' : 'yearNotAYear', reading.text);
    if (reading) profile.year = reading.year;
  }
  if (present(value.format)) {
    const format = typeof value.format === 'number' ? String(value.format) : value.format;
    if (!isFormatVersion(format)) throw bad('format', 'format');
    profile.format = format;
  }
  if (present(value.kind)) {
    if (typeof value.kind !== 'string' || !AGENCY_KINDS.includes(value.kind as AgencyKind)) throw bad('kind', 'kind');
    profile.kind = value.kind as AgencyKind;
  }
  if (present(value.canMakeRegulations)) {
    if (typeof value.canMakeRegulations !== 'boolean') throw bad('canMakeRegulations', 'notBoolean');
    profile.canMakeRegulations = value.canMakeRegulations;
  }
  if (present(value.published)) {
    if (typeof value.published !== 'string') throw bad('published', 'notText');
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
  if (!isObject(value)) throw new ReportInputError('NOT_AN_OBJECT', { path });
  checkKeys(value, isPrevious ? ['profile', 'values'] : TOP_KEYS, path);
  const report: Report = {
    profile: readProfile(value.profile, path ? `${path}.profile` : 'profile', isPrevious),
    values: readValues(value.values, path ? `${path}.values` : 'values'),
  };
  if (!isPrevious && value.previous !== undefined && value.previous !== null) {
    report.previous = readReportObject(value.previous, 'previous', true);
  }
  return report;
}

// ---- strict JSON text → value ------------------------------------------------------------------

/** Deeper than any report (root → previous → values): nesting beyond this is not our data. */
export const JSON_MAX_DEPTH = 32;

/** Line and column (1-based, columns in characters) of an offset, as an editor shows them. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = Array.from(text.slice(lineStart, offset).replace(/\r$/, '')).length + 1;
  return { line, column };
}

const QUOTES = new Set(["'", '‘', '’', '“', '”', '`']);
const FULL_WIDTH = new Set(['，', '：', '｛', '｝', '［', '］', '　', '＂']);

/** What is wrong at a parser error, as one of the JSON_SYNTAX problems of errors.ts. */
function syntaxProblem(text: string, code: string, offset: number): { problem: string; char?: string } {
  const rest = text.slice(offset);
  const char = String.fromCodePoint(text.codePointAt(offset) ?? 0x20);
  const atEnd = rest.trim() === '';
  const before = text.slice(0, offset).trimEnd();
  if (text.trim() === '') return { problem: 'empty' };
  switch (code) {
    case 'InvalidSymbol':
      if (QUOTES.has(char)) return { problem: 'quote', char };
      if (FULL_WIDTH.has(char)) return { problem: 'fullWidth', char };
      if (/^[-+.]|^(NaN|Infinity)/.test(rest)) return { problem: 'badNumber' };
      return { problem: 'unexpectedChar', char };
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return { problem: 'badNumber' };
    case 'PropertyNameExpected':
    case 'ValueExpected':
      if (atEnd) return { problem: 'unexpectedEnd' };
      if (before.endsWith(',') && /^[}\]]/.test(rest)) return { problem: 'trailingComma' };
      if (QUOTES.has(char)) return { problem: 'quote', char };
      if (FULL_WIDTH.has(char)) return { problem: 'fullWidth', char };
      return { problem: code === 'ValueExpected' ? 'valueExpected' : 'nameExpected' };
    case 'CommaExpected':
    case 'CloseBraceExpected':
    case 'CloseBracketExpected':
    case 'ColonExpected':
      if (atEnd) return { problem: 'unexpectedEnd' };
      if (FULL_WIDTH.has(char)) return { problem: 'fullWidth', char };
      if (/\d$/.test(before) && /^\d/.test(rest)) return { problem: 'badNumber' }; // 01
      return {
        problem: {
          CommaExpected: 'commaExpected',
          CloseBraceExpected: 'closeBraceExpected',
          CloseBracketExpected: 'closeBracketExpected',
          ColonExpected: 'colonExpected',
        }[code],
      };
    case 'EndOfFileExpected':
      return { problem: 'endExpected' };
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return { problem: 'comment' };
    case 'UnexpectedEndOfString':
      return { problem: 'unterminatedString' };
    case 'InvalidUnicode':
      return { problem: 'badUnicodeEscape' };
    case 'InvalidEscapeCharacter':
      return { problem: 'badEscape' };
    case 'InvalidCharacter':
      return { problem: 'controlInString' };
    default:
      return { problem: 'unexpectedChar', char };
  }
}

type Container =
  { kind: 'object'; value: JsonObject; keys: Set<string>; key?: string } | { kind: 'array'; value: unknown[] };

/**
 * RFC 8259 JSON, strictly: no comments, no trailing commas, one value; a key given twice in one
 * object is an error naming it. Objects have no prototype, so a key `__proto__` is only a key.
 * A number literal beyond the double range (`1e400`) is kept as its text, so that nothing the user
 * wrote turns into Infinity or, written back, into null.
 */
export function parseStrictJson(text: string): unknown {
  const stack: Container[] = [];
  let root: unknown;
  let done = false;
  const fail = (offset: number, code: ReportInputError['code'], params: Record<string, string | number>): never => {
    throw new ReportInputError(code, { ...params, ...position(text, offset) });
  };
  const pathOf = (): string =>
    stack
      .map((c) => (c.kind === 'object' ? c.key : String(c.value.length)))
      .filter((k): k is string => k !== undefined)
      .slice(0, -1)
      .join('.');
  const add = (value: unknown): void => {
    const parent = stack[stack.length - 1];
    if (!parent) {
      root = value;
      done = true;
    } else if (parent.kind === 'array') parent.value.push(value);
    else if (parent.key !== undefined) parent.value[parent.key] = value;
  };
  const open = (container: Container, offset: number): void => {
    if (stack.length >= JSON_MAX_DEPTH) fail(offset, 'JSON_TOO_DEEP', { limit: JSON_MAX_DEPTH });
    add(container.value);
    done = false;
    stack.push(container);
  };
  const close = (): void => {
    stack.pop();
    done = stack.length === 0;
  };
  visit(
    text,
    {
      onObjectBegin: (offset) =>
        open({ kind: 'object', value: Object.create(null) as JsonObject, keys: new Set() }, offset),
      onObjectEnd: close,
      onArrayBegin: (offset) => open({ kind: 'array', value: [] }, offset),
      onArrayEnd: close,
      onObjectProperty: (property, offset) => {
        const parent = stack[stack.length - 1];
        if (parent?.kind !== 'object') return;
        if (parent.keys.has(property)) {
          parent.key = property;
          fail(offset, 'DUPLICATE_KEY', { key: property, path: pathOf() });
        }
        parent.keys.add(property);
        parent.key = property;
      },
      onLiteralValue: (value: unknown, offset, length) => {
        add(typeof value === 'number' && !Number.isFinite(value) ? text.slice(offset, offset + length) : value);
      },
      onError: (error: ParseErrorCode, offset) => {
        // Anything after a complete value is "more content", whatever the scanner calls it.
        const code = done ? 'EndOfFileExpected' : printParseErrorCode(error);
        fail(offset, 'JSON_SYNTAX', syntaxProblem(text, code, offset));
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (!done) fail(text.length, 'JSON_SYNTAX', { problem: text.trim() === '' ? 'empty' : 'unexpectedEnd' });
  return root;
}

/** Parse the interchange JSON. Throws ReportInputError (never a bare SyntaxError). */
export function parseReportJson(text: string): Report {
  return readReportObject(parseStrictJson(text.replace(/^\uFEFF/, '')), '', false);
}

/** The interchange object of a report (what `parseReportJson` reads back unchanged). */
export function reportToJson(report: Report): JsonObject {
  const out: JsonObject = { profile: { ...report.profile }, values: { ...report.values } };
  if (report.previous)
    out.previous = { profile: { ...report.previous.profile }, values: { ...report.previous.values } };
  return out;
}
