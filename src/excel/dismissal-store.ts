// Reads and writes the dismissals part of a report sheet (dismissal-xml.ts) in the open workbook:
// read-modify-write of one custom XML part per sheet (ExcelApi 1.5). A part that cannot be read is
// never overwritten: the pane says so and the user's earlier dismissals stay in the file.
import type { Dismissal } from '../rules';
import {
  buildDismissalsXml,
  DISMISSALS_NAMESPACE,
  parseDismissalsXml,
  type DismissalsXmlProblem,
  type ParseXml,
} from './dismissal-xml';

export const DISMISSALS_EXCEL_API = '1.5';

export class DismissalsUnreadableError extends Error {
  constructor(
    readonly sheet: string,
    readonly problem: DismissalsXmlProblem,
  ) {
    super(`The dismissals of ${sheet} cannot be read: ${problem}`);
    this.name = 'DismissalsUnreadableError';
  }
}

interface FoundPart {
  readonly part: Excel.CustomXmlPart;
  readonly dismissals: readonly Dismissal[];
}

/** The part holding a sheet's dismissals, with them; undefined when there is none. Two syncs. */
async function findPart(context: Excel.RequestContext, sheet: string, parse: ParseXml): Promise<FoundPart | undefined> {
  const parts = context.workbook.customXmlParts.getByNamespace(DISMISSALS_NAMESPACE).load('items');
  await context.sync();
  const xmls = parts.items.map((part) => ({ part, xml: part.getXml() }));
  await context.sync();
  let unreadable: DismissalsXmlProblem | undefined;
  for (const { part, xml } of xmls) {
    const parsed = parseDismissalsXml(xml.value, parse);
    if (!parsed.ok) {
      unreadable ??= parsed.problem;
      continue;
    }
    if (parsed.value.sheet === sheet) return { part, dismissals: parsed.value.dismissals };
  }
  // A broken part might be this sheet's: refuse rather than write a second one beside it.
  if (unreadable) throw new DismissalsUnreadableError(sheet, unreadable);
  return undefined;
}

export async function readDismissals(
  context: Excel.RequestContext,
  sheet: string,
  parse: ParseXml,
): Promise<Dismissal[]> {
  return [...((await findPart(context, sheet, parse))?.dismissals ?? [])];
}

/** Replaces the sheet's dismissals (creating the part on the first one). */
export async function writeDismissals(
  context: Excel.RequestContext,
  sheet: string,
  dismissals: readonly Dismissal[],
  parse: ParseXml,
): Promise<void> {
  const found = await findPart(context, sheet, parse);
  const xml = buildDismissalsXml({ sheet, dismissals });
  if (found) found.part.setXml(xml);
  else context.workbook.customXmlParts.add(xml);
  await context.sync();
}
