// The document's own record of what it was generated from, as a custom XML part that both renderers
// embed: the profile, the report's values (last year's too) and the text of every figure as generated.
// A refresh compares a content control's text against its <f> to tell a hand-edited figure from one
// that is still as generated. Pure: builds and reads XML text; the platform's DOMParser is passed in.
//
// Shape (namespace urn:nianbao:document:1):
//
//   <nianbao xmlns="urn:nianbao:document:1" version="1" generated="2025-01-10T09:00:00.000Z">
//     <profile agency="河东区行政审批服务局" year="2022" format="2021" kind="department" canMakeRegulations="false"/>
//     <v key="s3.new.total">3</v>            a number, as JavaScript prints it (round-trips exactly)
//     <v key="s3.new.legal" blank="true"/>    a blank cell (null)
//     <v key="s2.fee.amount" text="true">约13万</v>   a raw value that is text, as typed
//     <previous><profile year="2021"/><v key="s3.new.total">11</v></previous>
//     <f tag="nianbao:s3.new.total">3</f>     one per distinct tag, the last text generated for it
//   </nianbao>
//
// Profile attributes appear only for the fields the profile has. Characters XML 1.0 cannot carry
// (control characters other than tab and line breaks, lone surrogates) are dropped.
import { AGENCY_KINDS, type AgencyKind, type Profile, type RawValue, type Report } from '../report';
import { isFormatVersion } from '../format';
import { figuresOf } from './figures';
import { TAG_PREFIX, type FigureTag, type Outline } from './types';

export const SNAPSHOT_NAMESPACE = 'urn:nianbao:document:1';
export const SNAPSHOT_VERSION = '1';

export interface Snapshot {
  readonly version: 1;
  /** When the document was generated (ISO time, as given to buildSnapshotXml). */
  readonly generated: string;
  /** The profile and values the document was generated from (with `previous` when it had one). */
  readonly report: Report;
  /** Tag → text of every figure as generated. */
  readonly figures: ReadonlyMap<FigureTag, string>;
}

export type SnapshotXmlProblem =
  'notWellFormed' | 'unsupportedVersion' | 'noGenerated' | 'badProfile' | 'badValue' | 'duplicateValue' | 'badFigure';

/** A part in our namespace that cannot be read: the document's record is damaged. */
export class SnapshotXmlError extends Error {
  readonly problem: SnapshotXmlProblem;
  readonly detail: string;

  constructor(problem: SnapshotXmlProblem, detail = '', options?: { cause?: unknown }) {
    super(`snapshot part: ${problem}${detail ? ` (${detail})` : ''}`, options);
    this.name = 'SnapshotXmlError';
    this.problem = problem;
    this.detail = detail;
  }
}

// ---- writing -----------------------------------------------------------------------------------

const isXmlChar = (code: number): boolean =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  (code >= 0x10000 && code <= 0x10ffff);

function escape(text: string, attribute: boolean): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (!isXmlChar(code)) continue;
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '\r') out += '&#13;';
    else if (attribute && ch === '"') out += '&quot;';
    else if (attribute && ch === '\n') out += '&#10;';
    else if (attribute && ch === '\t') out += '&#9;';
    else out += ch;
  }
  return out;
}

export const escapeXmlText = (text: string): string => escape(text, false);
export const escapeXmlAttribute = (text: string): string => escape(text, true);

function profileXml(profile: Profile): string {
  const attributes: [string, string | undefined][] = [
    ['agency', profile.agency],
    ['year', profile.year === undefined ? undefined : String(profile.year)],
    ['format', profile.format],
    ['kind', profile.kind],
    ['canMakeRegulations', profile.canMakeRegulations === undefined ? undefined : String(profile.canMakeRegulations)],
    ['published', profile.published],
  ];
  const written = attributes
    .filter((a): a is [string, string] => a[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`)
    .join('');
  return `<profile${written}/>`;
}

function valueXml(key: string, raw: RawValue): string {
  const k = escapeXmlAttribute(key);
  if (raw === null) return `<v key="${k}" blank="true"/>`;
  if (typeof raw === 'string') return `<v key="${k}" text="true">${escapeXmlText(raw)}</v>`;
  return `<v key="${k}">${Object.is(raw, -0) ? '0' : String(raw)}</v>`;
}

const valuesXml = (values: Readonly<Record<string, RawValue>>): string =>
  Object.entries(values)
    .filter((entry): entry is [string, RawValue] => entry[1] !== undefined)
    .map(([key, raw]) => valueXml(key, raw))
    .join('');

export interface SnapshotInput {
  readonly report: Report;
  readonly outline: Outline;
  /** ISO time of generation. */
  readonly generated: string;
}

/** The custom XML part of a generated document. */
export function buildSnapshotXml({ report, outline, generated }: SnapshotInput): string {
  const previous = report.previous
    ? `<previous>${profileXml(report.previous.profile)}${valuesXml(report.previous.values)}</previous>`
    : '';
  const figures = [...figuresOf(outline)]
    .map(([tag, text]) => `<f tag="${escapeXmlAttribute(tag)}">${escapeXmlText(text)}</f>`)
    .join('');
  return (
    `<nianbao xmlns="${SNAPSHOT_NAMESPACE}" version="${SNAPSHOT_VERSION}" generated="${escapeXmlAttribute(generated)}">` +
    `${profileXml(report.profile)}${valuesXml(report.values)}${previous}${figures}</nianbao>`
  );
}

// ---- reading -----------------------------------------------------------------------------------

export type ParseXml = (xml: string) => Document;

const elements = (parent: Element, name: string): Element[] =>
  Array.from(parent.childNodes).filter(
    (n): n is Element =>
      n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === SNAPSHOT_NAMESPACE,
  );

function readProfile(parent: Element): Profile {
  const element = elements(parent, 'profile')[0];
  const profile: Profile = {};
  if (!element) return profile;
  const attr = (name: string): string | undefined =>
    element.hasAttribute(name) ? (element.getAttribute(name) ?? '') : undefined;
  const agency = attr('agency');
  if (agency !== undefined) profile.agency = agency;
  const year = attr('year');
  if (year !== undefined) {
    if (!/^-?\d+$/.test(year)) throw new SnapshotXmlError('badProfile', `year="${year}"`);
    profile.year = Number(year);
  }
  const format = attr('format');
  if (format !== undefined) {
    if (!isFormatVersion(format)) throw new SnapshotXmlError('badProfile', `format="${format}"`);
    profile.format = format;
  }
  const kind = attr('kind');
  if (kind !== undefined) {
    if (!AGENCY_KINDS.includes(kind as AgencyKind)) throw new SnapshotXmlError('badProfile', `kind="${kind}"`);
    profile.kind = kind as AgencyKind;
  }
  const regulations = attr('canMakeRegulations');
  if (regulations !== undefined) {
    if (regulations !== 'true' && regulations !== 'false')
      throw new SnapshotXmlError('badProfile', `canMakeRegulations="${regulations}"`);
    profile.canMakeRegulations = regulations === 'true';
  }
  const published = attr('published');
  if (published !== undefined) profile.published = published;
  return profile;
}

const NUMBER_TEXT = /^-?(?:\d+(?:\.\d+)?(?:e[+-]?\d+)?|Infinity)$/i;

function readValues(parent: Element): Record<string, RawValue> {
  const values: Record<string, RawValue> = {};
  for (const v of elements(parent, 'v')) {
    const key = v.getAttribute('key') ?? '';
    if (key === '') throw new SnapshotXmlError('badValue', 'a value without its key');
    if (Object.prototype.hasOwnProperty.call(values, key)) throw new SnapshotXmlError('duplicateValue', key);
    const text = v.textContent ?? '';
    if (v.getAttribute('blank') === 'true') values[key] = null;
    else if (v.getAttribute('text') === 'true') values[key] = text;
    else {
      if (!NUMBER_TEXT.test(text.trim())) throw new SnapshotXmlError('badValue', `${key}: "${text}"`);
      values[key] = Number(text.trim());
    }
  }
  return values;
}

/**
 * Reads a part written by buildSnapshotXml. Undefined when the part is not ours (another namespace or
 * root); SnapshotXmlError when it is ours but not readable (not XML, another version, bad content).
 */
export function parseSnapshotXml(xml: string, parseXml: ParseXml): Snapshot | undefined {
  let doc: Document;
  try {
    doc = parseXml(xml);
  } catch (cause) {
    throw new SnapshotXmlError('notWellFormed', '', { cause });
  }
  const root = doc.documentElement;
  if (!root || root.localName === 'parsererror' || doc.getElementsByTagName('parsererror').length > 0) {
    // A parser that reports errors in the document: ours only if the text says so.
    if (xml.includes(SNAPSHOT_NAMESPACE)) throw new SnapshotXmlError('notWellFormed');
    return undefined;
  }
  if (root.namespaceURI !== SNAPSHOT_NAMESPACE || root.localName !== 'nianbao') return undefined;
  const version = root.getAttribute('version');
  if (version !== SNAPSHOT_VERSION) throw new SnapshotXmlError('unsupportedVersion', String(version));
  const generated = root.getAttribute('generated');
  if (!generated) throw new SnapshotXmlError('noGenerated');
  const report: Report = { profile: readProfile(root), values: readValues(root) };
  const previous = elements(root, 'previous')[0];
  if (previous) report.previous = { profile: readProfile(previous), values: readValues(previous) };
  const figures = new Map<FigureTag, string>();
  for (const f of elements(root, 'f')) {
    const tag = f.getAttribute('tag') ?? '';
    if (!tag.startsWith(TAG_PREFIX) || tag.length === TAG_PREFIX.length) throw new SnapshotXmlError('badFigure', tag);
    figures.set(tag as FigureTag, f.textContent ?? '');
  }
  return { version: 1, generated, report, figures };
}
