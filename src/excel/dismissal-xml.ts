// The dismissed warnings of one report sheet as a custom XML part of the workbook, so that a
// dismissal travels with the file (to a colleague, to next week) and survives reload. Pure: builds
// and reads the XML text; the platform's DOMParser is passed in (the task pane has one; tests use
// jsdom's).
//
// Shape (namespace `urn:nianbao:dismissals:1`), one part per report sheet:
//
//   <nianbao xmlns="urn:nianbao:dismissals:1">
//     <sheet>2024年报表格</sheet>
//     <dismissal key="S2-REGULATION-AUTHORITY|regulation|1a2b3c4d"
//                fingerprint="s2.regulation.issued=n2;…" at="2025-01-10T09:00:00Z">本单位有规章制定权</dismissal>
//   </nianbao>
//
// Read-modify-write: the pane reads the part, changes the list, and writes the whole part back.
import type { Dismissal } from '../rules';
import { escapeXmlText } from './profile-xml';

export const DISMISSALS_NAMESPACE = 'urn:nianbao:dismissals:1';

export interface SheetDismissals {
  readonly sheet: string;
  readonly dismissals: readonly Dismissal[];
}

/** The part for one sheet's dismissals. */
export function buildDismissalsXml({ sheet, dismissals }: SheetDismissals): string {
  const items = dismissals
    .map(
      (d) =>
        `<dismissal key="${escapeXmlText(d.findingKey)}" fingerprint="${escapeXmlText(d.fingerprint)}" at="${escapeXmlText(d.at)}">${escapeXmlText(d.reason)}</dismissal>`,
    )
    .join('');
  return `<nianbao xmlns="${DISMISSALS_NAMESPACE}"><sheet>${escapeXmlText(sheet)}</sheet>${items}</nianbao>`;
}

export type ParseXml = (xml: string) => Document;

export type DismissalsXmlProblem = 'notWellFormed' | 'otherNamespace' | 'noSheet';

export type ParsedDismissals =
  | { readonly ok: true; readonly value: SheetDismissals; readonly skipped: number }
  | { readonly ok: false; readonly problem: DismissalsXmlProblem };

/**
 * Reads a part written by buildDismissalsXml. An entry without its key or fingerprint is skipped and
 * counted (the pane says so rather than dropping it silently); a part that is not ours, or not XML,
 * is a problem the caller reports.
 */
export function parseDismissalsXml(xml: string, parse: ParseXml): ParsedDismissals {
  let doc: Document;
  try {
    doc = parse(xml);
  } catch {
    return { ok: false, problem: 'notWellFormed' };
  }
  const root = doc.documentElement;
  if (!root || root.getElementsByTagName('parsererror').length > 0 || root.localName === 'parsererror') {
    return { ok: false, problem: 'notWellFormed' };
  }
  if (root.namespaceURI !== DISMISSALS_NAMESPACE || root.localName !== 'nianbao') {
    return { ok: false, problem: 'otherNamespace' };
  }
  const children = Array.from(root.childNodes).filter((n): n is Element => n.nodeType === 1);
  const sheet = children.find((e) => e.localName === 'sheet')?.textContent ?? '';
  if (sheet === '') return { ok: false, problem: 'noSheet' };
  const dismissals: Dismissal[] = [];
  let skipped = 0;
  for (const e of children) {
    if (e.localName !== 'dismissal') continue;
    const findingKey = e.getAttribute('key') ?? '';
    const fingerprint = e.getAttribute('fingerprint');
    if (findingKey === '' || fingerprint === null) {
      skipped += 1;
      continue;
    }
    dismissals.push({ findingKey, fingerprint, at: e.getAttribute('at') ?? '', reason: e.textContent ?? '' });
  }
  return { ok: true, value: { sheet, dismissals }, skipped };
}
