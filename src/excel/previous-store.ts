// Last year's report of a report sheet (src/report/previous-part.ts) in the open workbook: one custom
// XML part per sheet (ExcelApi 1.5), replaced on each import, removed on request.
import { buildPreviousXml, PREVIOUS_NAMESPACE, previousFromFields, type StoredPrevious } from '../report';
import type { ParseXml } from './dismissal-xml';

export const PREVIOUS_EXCEL_API = '1.5';

function fieldsOf(xml: string, parse: ParseXml): StoredPrevious | undefined {
  let doc: Document;
  try {
    doc = parse(xml);
  } catch {
    return undefined;
  }
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== PREVIOUS_NAMESPACE || root.localName !== 'nianbao') return undefined;
  const text = (name: string): string | undefined =>
    Array.from(root.childNodes).find((n): n is Element => n.nodeType === 1 && (n as Element).localName === name)
      ?.textContent ?? undefined;
  return previousFromFields({
    sheet: text('sheet'),
    source: text('source'),
    imported: text('imported'),
    report: text('report'),
  });
}

/** Every stored previous report of the workbook, with its part (two syncs). */
async function parts(
  context: Excel.RequestContext,
  parse: ParseXml,
): Promise<{ part: Excel.CustomXmlPart; stored: StoredPrevious }[]> {
  const found = context.workbook.customXmlParts.getByNamespace(PREVIOUS_NAMESPACE).load('items');
  await context.sync();
  const xmls = found.items.map((part) => ({ part, xml: part.getXml() }));
  await context.sync();
  return xmls.flatMap(({ part, xml }) => {
    const stored = fieldsOf(xml.value, parse);
    return stored ? [{ part, stored }] : [];
  });
}

/** Last year's report stored for each report sheet, by sheet name. */
export async function readPreviousReports(
  context: Excel.RequestContext,
  parse: ParseXml,
): Promise<Map<string, StoredPrevious>> {
  return new Map((await parts(context, parse)).map(({ stored }) => [stored.sheet, stored]));
}

/** Stores (replaces) last year's report of a sheet; `undefined` removes it. */
export async function writePreviousReport(
  context: Excel.RequestContext,
  sheet: string,
  stored: StoredPrevious | undefined,
  parse: ParseXml,
): Promise<void> {
  const existing = (await parts(context, parse)).filter((p) => p.stored.sheet === sheet);
  for (const { part } of existing.slice(stored ? 1 : 0)) part.delete();
  if (stored) {
    const xml = buildPreviousXml(stored);
    if (existing[0]) existing[0].part.setXml(xml);
    else context.workbook.customXmlParts.add(xml);
  }
  await context.sync();
}
