// What the docx library's package lacks, added in one JSZip pass over the zip it wrote: the custom
// XML part holding the report's snapshot (ECMA-376 Part 1 §22.5: customXml/itemN.xml, its properties
// part customXml/itemPropsN.xml with a datastore item id and the schema reference, the properties'
// relationship, the properties' content type, and the main document's customXml relationship) and a
// font table naming the Chinese faces with the alternates Word substitutes when one is missing.
import JSZip from 'jszip';
import { FONT_TABLE } from './styles';

/** The schema the snapshot part declares, so that the live Word writer can find it among others. */
export const SNAPSHOT_SCHEMA = 'urn:nianbao:document:1';

const NS = {
  relationships: 'http://schemas.openxmlformats.org/package/2006/relationships',
  customXml: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml',
  customXmlProps: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps',
  datastore: 'http://schemas.openxmlformats.org/officeDocument/2006/customXml',
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
} as const;

const PROPS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

const escapeAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A GUID as Word writes datastore item ids: `{XXXXXXXX-XXXX-4XXX-YXXX-XXXXXXXXXXXX}`. */
export function newItemId(): string {
  return `{${globalThis.crypto.randomUUID().toUpperCase()}}`;
}

export function itemPropsXml(itemId: string): string {
  return (
    `${XML_DECLARATION}<ds:datastoreItem ds:itemID="${escapeAttribute(itemId)}" xmlns:ds="${NS.datastore}">` +
    `<ds:schemaRefs><ds:schemaRef ds:uri="${SNAPSHOT_SCHEMA}"/></ds:schemaRefs></ds:datastoreItem>`
  );
}

export function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (font) =>
      `<w:font w:name="${escapeAttribute(font.name)}">` +
      (font.altName ? `<w:altName w:val="${escapeAttribute(font.altName)}"/>` : '') +
      `<w:charset w:val="${font.charset}"/><w:family w:val="${font.family}"/><w:pitch w:val="${font.pitch}"/>` +
      `</w:font>`,
  ).join('');
  return `${XML_DECLARATION}<w:fonts xmlns:w="${NS.w}">${fonts}</w:fonts>`;
}

/** A relationship id not yet used in a .rels part. */
function freeRelationshipId(rels: string): string {
  const used = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** Inserts `element` before the closing tag of the root element `root`. */
function appendToRoot(xml: string, root: string, element: string): string {
  const close = `</${root}>`;
  const at = xml.lastIndexOf(close);
  if (at < 0) throw new Error(`${root} has no closing tag`);
  return `${xml.slice(0, at)}${element}${xml.slice(at)}`;
}

async function text(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`the package has no ${name}`);
  return file.async('string');
}

export interface PackageAdditions {
  /** The custom XML part's content (a whole XML document). */
  readonly snapshotXml: string;
  /** The datastore item id; a new GUID when absent. */
  readonly itemId?: string;
}

/** The package with the snapshot part and the font table added; `bytes` is the library's zip. */
export async function addPackageParts(bytes: Uint8Array, additions: PackageAdditions): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  // The first free item number (the library itself writes customXml/item1.xml for a bibliography).
  let n = 1;
  while (zip.file(`customXml/item${n}.xml`)) n++;
  const item = `customXml/item${n}.xml`;
  const props = `itemProps${n}.xml`;
  const snapshot = additions.snapshotXml.trimStart();
  zip.file(item, snapshot.startsWith('<?xml') ? snapshot : `${XML_DECLARATION}${snapshot}`);
  zip.file(`customXml/${props}`, itemPropsXml(additions.itemId ?? newItemId()));
  zip.file(
    `customXml/_rels/item${n}.xml.rels`,
    `${XML_DECLARATION}<Relationships xmlns="${NS.relationships}">` +
      `<Relationship Id="rId1" Type="${NS.customXmlProps}" Target="${props}"/></Relationships>`,
  );

  const types = await text(zip, '[Content_Types].xml');
  // The item itself is plain XML: the package's default for .xml, or an override saying so.
  const itemType = /<Default\b[^>]*\bExtension="xml"/i.test(types)
    ? ''
    : `<Override PartName="/${item}" ContentType="application/xml"/>`;
  zip.file(
    '[Content_Types].xml',
    appendToRoot(
      types,
      'Types',
      `${itemType}<Override PartName="/customXml/${props}" ContentType="${PROPS_CONTENT_TYPE}"/>`,
    ),
  );

  const relsName = 'word/_rels/document.xml.rels';
  const rels = await text(zip, relsName);
  zip.file(
    relsName,
    appendToRoot(
      rels,
      'Relationships',
      `<Relationship Id="${freeRelationshipId(rels)}" Type="${NS.customXml}" Target="../${item}"/>`,
    ),
  );

  zip.file('word/fontTable.xml', fontTableXml());
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
