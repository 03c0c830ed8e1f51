// The profile of an inserted report sheet as a custom XML part of the workbook, so that later releases
// know which sheets are reports, in which format and layout version. Pure: builds the XML text only.
//
// Shape (namespace `urn:nianbao:report:1`):
//
//   <nianbao xmlns="urn:nianbao:report:1">
//     <report>
//       <sheet>2024年报表格</sheet>            the worksheet name at insertion
//       <layoutVersion>1</layoutVersion>       SheetLayout.layoutVersion
//       <format>2021</format>                  2021 | 2019
//       <year>2024</year>                      optional
//       <agency>某某市人民政府办公室</agency>   optional
//       <kind>office</kind>                    optional: government | office | department
//       <inserted>2025-01-05T08:00:00Z</inserted>  optional, ISO 8601
//     </report>
//   </nianbao>
//
// Several report sheets: every insertion adds a new part with one <report>; existing parts are never
// rewritten (the add-in does not overwrite what is in the workbook). A reader collects every <report> of
// every part in the namespace — a part may hold several — and, for one sheet name, the latest <inserted> wins.
import type { FormatVersion } from '../format';
import type { AgencyKind } from '../report';

export const PROFILE_NAMESPACE = 'urn:nianbao:report:1';

export interface SheetProfile {
  readonly sheet: string;
  readonly layoutVersion: number;
  readonly format: FormatVersion;
  readonly year?: number;
  readonly agency?: string;
  readonly kind?: AgencyKind;
  /** ISO 8601 time of insertion. */
  readonly inserted?: string;
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/**
 * Text as XML character data: markup characters escaped, a carriage return kept as a character reference
 * (a parser would turn a raw one into a line feed), and characters XML 1.0 cannot carry at all (most
 * control characters, lone surrogates, U+FFFE/U+FFFF) dropped.
 */
export function escapeXmlText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (!isXmlChar(code)) continue;
    switch (ch) {
      case '&':
        out += '&amp;';
        break;
      case '<':
        out += '&lt;';
        break;
      case '>':
        out += '&gt;';
        break;
      case '"':
        out += '&quot;';
        break;
      case "'":
        out += '&apos;';
        break;
      case '\r':
        out += '&#xD;';
        break;
      default:
        out += ch;
    }
  }
  return out;
}

/** The custom XML part for one inserted report sheet. */
export function buildProfileXml(profile: SheetProfile): string {
  const fields: [string, string | number | undefined][] = [
    ['sheet', profile.sheet],
    ['layoutVersion', profile.layoutVersion],
    ['format', profile.format],
    ['year', profile.year],
    ['agency', profile.agency],
    ['kind', profile.kind],
    ['inserted', profile.inserted],
  ];
  const body = fields
    .filter((field): field is [string, string | number] => field[1] !== undefined && field[1] !== '')
    .map(([name, value]) => `<${name}>${escapeXmlText(String(value))}</${name}>`)
    .join('');
  return `<nianbao xmlns="${PROFILE_NAMESPACE}"><report>${body}</report></nianbao>`;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Character data back to text: the five named entities and numeric references. */
function unescapeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? whole;
  });
}

/**
 * The sheets and formats a profile part names, read from the XML buildProfileXml writes (and from a
 * part another tool rewrote with the same elements). For hosts that cannot read defined names' formulas.
 */
export function reportSheetsOfProfileXml(xml: string): { sheet: string; format: FormatVersion }[] {
  if (!xml.includes(PROFILE_NAMESPACE)) return [];
  const out: { sheet: string; format: FormatVersion }[] = [];
  for (const [, body] of xml.matchAll(/<(?:\w+:)?report\b[^>]*>([\s\S]*?)<\/(?:\w+:)?report>/g)) {
    const field = (name: string): string | undefined => {
      const m = new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>([\\s\\S]*?)</(?:\\w+:)?${name}>`).exec(body);
      return m ? unescapeXmlText(m[1]) : undefined;
    };
    const sheet = field('sheet');
    const format = field('format');
    if (sheet && (format === '2021' || format === '2019')) out.push({ sheet, format });
  }
  return out;
}
