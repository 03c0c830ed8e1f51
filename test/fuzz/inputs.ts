// Generated and mutated inputs for the `nianbao check` fuzz test: JSON reports (odd values and
// numbers, wrong types, duplicate keys, truncations, stray characters, every encoding) and
// workbooks (real templates from writeTemplate, truncated, bit-flipped, with damaged or replaced
// zip parts and XML). JSON cases are bytes; workbook cases are plans applied asynchronously.
import * as fc from 'fast-check';
import JSZip from 'jszip';
import { readFileSync } from 'fs';
import * as path from 'path';
import { getFormat } from '../../src/format';

const FIXTURES = path.join(__dirname, '../fixtures');
const FIXTURE_REPORTS = [
  'seed-002.json',
  'seed-003.json',
  'seed-004.json',
  'broken-column.json',
  'fee-unit.json',
  'xlsx-valid-2021.json',
  'xlsx-blanks-text-2019.json',
].map((name) => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as Record<string, unknown>);

const CELL_KEYS = [...new Set([...getFormat('2021').cells, ...getFormat('2019').cells].map((c) => c.key))];

/**
 * A position inside an input, as a share of its length. Not fc.double: its bias towards 0 and 1
 * would make most truncations empty files.
 */
const fraction: fc.Arbitrary<number> = fc.integer({ min: 1, max: 9999 }).map((n) => n / 10_000);

// ---- encodings -------------------------------------------------------------------------------

let gbkTable: Map<string, number[]> | undefined;

/** GBK bytes of a text, from a table built by decoding every two-byte sequence (unmapped: `?`). */
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0x3f;
    if (code < 0x80) out.push(code);
    else out.push(...(gbkTable.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(out);
}

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2 + (bom ? 2 : 0));
  let at = 0;
  if (bom) {
    out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
    at = 2;
  }
  for (let i = 0; i < text.length; i++, at += 2) {
    const unit = text.charCodeAt(i);
    out[at + (bigEndian ? 0 : 1)] = unit >> 8;
    out[at + (bigEndian ? 1 : 0)] = unit & 0xff;
  }
  return out;
}

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom' | 'utf-16le' | 'gbk' | 'latin1';

export function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return new TextEncoder().encode(`\uFEFF${text}`);
    case 'utf-16le-bom':
      return utf16(text, false, true);
    case 'utf-16be-bom':
      return utf16(text, true, true);
    case 'utf-16le':
      return utf16(text, false, false);
    case 'gbk':
      return encodeGbk(text);
    case 'latin1':
      return Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
  }
}

// ---- JSON reports -----------------------------------------------------------------------------

/** Number literals as written in the file, including ones JavaScript cannot hold. */
const NUMBER_LITERALS = [
  '1e308',
  '-1e308',
  '1e400',
  '-1e999',
  '5e-324',
  '1e-400',
  '-0',
  '9007199254740993',
  '123456789012345678901234567890',
  '0.1',
  '3.0',
  '1E5',
  '4294967296',
];

/** Texts people type into cells, and texts that are traps for printers and parsers. */
const ODD_TEXTS = [
  '',
  ' ',
  '约3件',
  '１２３',
  '1,234',
  '—',
  '-',
  '无',
  '3-5',
  '2022年',
  '二〇二二年',
  'NaN',
  'Infinity',
  '0x10',
  '=SUM(A1:A3)',
  '\u001b[2J\u001b[31m红字',
  '\u202e倒序',
  '\u0000',
  '\ud800',
  '\u2028',
  '𠀀',
];

const number: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -10, max: 1000 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(2 ** 53, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, 1e308, 1e21, 0.1 + 0.2, -0),
);

const text: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ODD_TEXTS),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer({ min: 2_000, max: 100_000 }).map((n) => '很'.repeat(n)),
);

/** A JSON value of any type, as `values` or a profile field might wrongly hold. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: number },
  { weight: 3, arbitrary: text },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.array(number, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 5 }), number, { maxKeys: 2 }) },
);

const year: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 2017, max: 2030 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '2022年',
      '二〇二二年',
      '２０２２',
      '2022年度',
      '22',
      '二二年',
      '去年',
      2022.5,
      1e308,
      -1,
      '',
      true,
    ),
  },
  { weight: 1, arbitrary: anyValue },
);

const profile: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    agency: fc.oneof(
      { weight: 4, arbitrary: fc.oneof(fc.constantFrom('河东区行政审批服务局', '某某县人民政府办公室'), text) },
      { weight: 1, arbitrary: anyValue },
    ),
    year,
    format: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('2021', '2019', 2021, 2019) },
      { weight: 1, arbitrary: fc.constant('2020') },
      { weight: 1, arbitrary: anyValue },
    ),
    kind: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('government', 'office', 'department') },
      { weight: 1, arbitrary: fc.constant('county') },
      { weight: 1, arbitrary: anyValue },
    ),
    canMakeRegulations: fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: anyValue }),
    published: fc.oneof({ weight: 4, arbitrary: fc.constant('2023-01-31') }, { weight: 1, arbitrary: anyValue }),
  },
  { requiredKeys: [] },
);

/** Sometimes a mistyped field, which must be refused by name. */
const profileMaybeTypo: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(profile, fc.integer({ min: 0, max: 9 }))
  .map(([p, n]) => (n === 0 ? { ...p, agancy: 'typo' } : p));

const cellKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 60, arbitrary: fc.constantFrom(...CELL_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom('s3.new.natual', 's9.x', '__proto__', 'constructor', '') },
);

/** What a cell holds: mostly figures and text as people type them, sometimes a wrong JSON type. */
const cellValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: fc.oneof(fc.integer({ min: 0, max: 50 }), number) },
  { weight: 6, arbitrary: text },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: anyValue },
);

const values: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(cellKey, cellValue, { maxKeys: 40 });

/** A report object: a fixture with some fields changed, or one built from scratch. */
const report: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...FIXTURE_REPORTS), fc.option(profileMaybeTypo, { nil: undefined }), values)
    .map(([base, p, v]) => ({
      ...base,
      ...(p ? { profile: { ...(base.profile as object), ...p } } : {}),
      values: { ...(base.values as object), ...v },
    })),
  fc.record(
    {
      profile: fc.oneof({ weight: 6, arbitrary: profileMaybeTypo }, { weight: 1, arbitrary: anyValue }),
      values: fc.oneof(values, anyValue),
      previous: fc.oneof(
        { weight: 4, arbitrary: fc.record({ profile, values }, { requiredKeys: [] }) },
        { weight: 1, arbitrary: anyValue },
      ),
    },
    { requiredKeys: [] },
  ),
);

type TextEdit =
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'literal'; key: string; literal: string }
  | { kind: 'duplicateKey'; key: string };

const STRAY = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  '\n',
  '，',
  '：',
  '“',
  "'",
  '\u0000',
  '/*',
  'é',
  '\uFEFF',
  ' NaN',
];

const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fraction,
    length: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fraction,
    text: fc.oneof(fc.constantFrom(...STRAY), fc.string({ maxLength: 4 })),
  }),
  fc.record({
    kind: fc.constant('literal' as const),
    key: fc.constantFrom(...CELL_KEYS),
    literal: fc.constantFrom(...NUMBER_LITERALS, '01', '1.', '.5', '+1', 'NaN', '1e', '"\\ud800"', '"\\u0000"', '[]'),
  }),
  fc.record({ kind: fc.constant('duplicateKey' as const), key: fc.constantFrom(...CELL_KEYS, 'year', 'profile') }),
);

function applyEdit(source: string, edit: TextEdit): string {
  const at = (f: number): number => Math.floor(f * source.length);
  switch (edit.kind) {
    case 'truncate':
      return source.slice(0, at(edit.at));
    case 'delete':
      return source.slice(0, at(edit.at)) + source.slice(at(edit.at) + edit.length);
    case 'insert':
      return source.slice(0, at(edit.at)) + edit.text + source.slice(at(edit.at));
    case 'literal': {
      const marker = `"${edit.key}":`;
      const i = source.indexOf('"values":');
      if (i < 0) return source;
      const open = source.indexOf('{', i);
      return open < 0 ? source : `${source.slice(0, open + 1)}${marker}${edit.literal},${source.slice(open + 1)}`;
    }
    case 'duplicateKey': {
      const marker = `"${edit.key}":`;
      const i = source.indexOf(marker);
      if (i < 0) return source;
      const open = source.lastIndexOf('{', i);
      return `${source.slice(0, open + 1)}${marker}1,${source.slice(open + 1)}`;
    }
  }
}

export interface JsonCase {
  readonly bytes: Uint8Array;
  readonly note: string;
}

const encoding: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 12, arbitrary: fc.constant('utf-8' as const) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Encoding>('utf-8-bom', 'utf-16le-bom', 'utf-16be-bom', 'utf-16le', 'gbk', 'latin1'),
  },
);

type ByteEdit = { kind: 'flip'; at: number; value: number } | { kind: 'truncate'; at: number };

const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: fraction,
    value: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
);

function applyBytes(bytes: Uint8Array, edits: readonly ByteEdit[]): Uint8Array {
  let out = bytes;
  for (const edit of edits) {
    const at = Math.floor(edit.at * out.length);
    if (edit.kind === 'truncate') out = out.subarray(0, at);
    else if (out.length > 0) {
      out = Uint8Array.from(out);
      out[at] = edit.value;
    }
  }
  return out;
}

export const jsonCase: fc.Arbitrary<JsonCase> = fc.oneof(
  // A fixture as it is, in each encoding a Chinese office might save it in.
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...FIXTURE_REPORTS),
        fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom', 'gbk'),
      )
      .map(([r, enc]) => ({ bytes: encode(JSON.stringify(r, null, 2), enc), note: `fixture in ${enc}` })),
  },
  // A report object, serialised, maybe edited as text, encoded, maybe edited as bytes.
  {
    weight: 9,
    arbitrary: fc
      .tuple(
        report,
        fc.boolean(),
        fc.oneof(
          { weight: 3, arbitrary: fc.constant([]) },
          { weight: 1, arbitrary: fc.array(textEdit, { minLength: 1, maxLength: 3 }) },
        ),
        encoding,
        fc.oneof(
          { weight: 6, arbitrary: fc.constant([]) },
          { weight: 1, arbitrary: fc.array(byteEdit, { minLength: 1, maxLength: 2 }) },
        ),
      )
      .map(([r, pretty, edits, enc, bytesEdits]) => {
        let source = JSON.stringify(r, null, pretty ? 2 : undefined) ?? 'null';
        for (const edit of edits) source = applyEdit(source, edit);
        const bytes = applyBytes(encode(source, enc), bytesEdits);
        return { bytes, note: `${enc} ${edits.map((e) => e.kind).join(',')} ${bytesEdits.length} byte edits` };
      }),
  },
  // Bytes that were never JSON.
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 2000 }).map((bytes) => ({ bytes, note: 'random bytes' })),
  },
);

// ---- workbooks --------------------------------------------------------------------------------

type XmlEdit =
  | { kind: 'deleteSlice'; at: number; length: number }
  | { kind: 'duplicateSlice'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'values'; value: string; every: number }
  | { kind: 'types'; type: string }
  | { kind: 'refs'; ref: string; every: number };

const ODD_CELL_VALUES = [
  '1e308',
  '-1e308',
  '1.7976931348623157e309',
  'NaN',
  'Infinity',
  '-0',
  '123456789012345678901234567890',
  '9007199254740993',
  '5e-324',
  '',
  'abc',
  '44927',
  '&#27;[2J',
  '&#x202e;',
  '很'.repeat(5000),
];

const RANGE: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'A1',
    'A1:B2',
    '#REF!',
    '',
    'XFD1048576',
    'A1:XFD1048576',
    'A:A',
    '1:1',
    "'x'!A1",
    'ZZZZ9',
    'A0',
    '$A$1:$B$2,$C$3',
  ),
  fc
    .tuple(
      fc.constantFrom('A', 'B', 'O', 'Z', 'AA', 'XFD'),
      fc.integer({ min: 1, max: 2_000_000 }),
      fc.constantFrom('A', 'C', 'P', 'AZ', 'XFD'),
      fc.integer({ min: 1, max: 2_000_000 }),
    )
    .map(([c1, r1, c2, r2]) => `${c1}${r1}:${c2}${r2}`),
);

const INSERTS = [
  '<mergeCell ref="AA1:AB3"/>',
  '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
  '<c r="A1" t="s"><v>99999</v></c>',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
  '&b;',
  '<definedName name="NB_S3">Sheet1!$A$1:$B$2</definedName>',
  '<sheet name="x" sheetId="9" r:id="rId99"/>',
  '\u0000',
  '<',
  ']]>',
];

const xmlEdit: fc.Arbitrary<XmlEdit> = fc.oneof(
  fc.record({
    kind: fc.constant('deleteSlice' as const),
    at: fraction,
    length: fc.integer({ min: 1, max: 200 }),
  }),
  fc.record({
    kind: fc.constant('duplicateSlice' as const),
    at: fraction,
    length: fc.integer({ min: 1, max: 200 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fraction,
    text: fc.oneof(fc.constantFrom(...INSERTS), fc.string({ maxLength: 6 })),
  }),
  fc.record({
    kind: fc.constant('values' as const),
    value: fc.constantFrom(...ODD_CELL_VALUES),
    every: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({
    kind: fc.constant('types' as const),
    type: fc.constantFrom('s', 'b', 'e', 'd', 'str', 'inlineStr', 'n', 'zz'),
  }),
  fc.record({ kind: fc.constant('refs' as const), ref: RANGE, every: fc.integer({ min: 1, max: 20 }) }),
);

function applyXml(xml: string, edit: XmlEdit): string {
  const at = (f: number): number => Math.floor(f * xml.length);
  switch (edit.kind) {
    case 'deleteSlice':
      return xml.slice(0, at(edit.at)) + xml.slice(at(edit.at) + edit.length);
    case 'duplicateSlice':
      return xml.slice(0, at(edit.at) + edit.length) + xml.slice(at(edit.at));
    case 'insert':
      return xml.slice(0, at(edit.at)) + edit.text + xml.slice(at(edit.at));
    case 'values': {
      let n = 0;
      return xml.replace(/<v>[^<]*<\/v>/g, (m) => (n++ % edit.every === 0 ? `<v>${edit.value}</v>` : m));
    }
    case 'types':
      return xml.replace(/<c r="([A-Z]+\d+)"( s="\d+")?>/g, `<c r="$1"$2 t="${edit.type}">`);
    case 'refs': {
      let n = 0;
      const ref = edit.ref.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
      return xml
        .replace(/\b(ref|sqref)="[^"]*"/g, (m, attr: string) => (n++ % edit.every === 0 ? `${attr}="${ref}"` : m))
        .replace(/(<definedName\b[^>]*>)([^<]*)</g, (m, open: string) =>
          n++ % edit.every === 0 ? `${open}${ref}<` : m,
        );
    }
  }
}

type PartChange =
  | { kind: 'remove' }
  | { kind: 'truncate'; at: number }
  | { kind: 'random'; bytes: Uint8Array }
  | { kind: 'xml'; edits: XmlEdit[] }
  | { kind: 'rename'; name: string };

type WorkbookOp =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; edits: { at: number; value: number }[]; region: 'anywhere' | 'directory' | 'start' }
  | { kind: 'part'; which: number; preferXml: boolean; change: PartChange }
  | { kind: 'addPart'; name: string; bytes: Uint8Array }
  | { kind: 'garbage'; atStart: boolean; bytes: Uint8Array };

export interface WorkbookPlan {
  readonly base: number;
  readonly store: boolean;
  readonly ops: readonly WorkbookOp[];
}

const partChange: fc.Arbitrary<PartChange> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'remove' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fraction }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('random' as const), bytes: fc.uint8Array({ maxLength: 300 }) }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('xml' as const),
      edits: fc.array(xmlEdit, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('rename' as const),
      name: fc.constantFrom('xl/worksheets/sheet2.xml', 'xl/Workbook.xml', '/xl/workbook.xml', 'x', ''),
    }),
  },
);

const workbookOp: fc.Arbitrary<WorkbookOp> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fraction }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('flip' as const),
      edits: fc.array(fc.record({ at: fraction, value: fc.integer({ min: 0, max: 255 }) }), {
        minLength: 1,
        maxLength: 16,
      }),
      region: fc.constantFrom('anywhere' as const, 'directory' as const, 'start' as const),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('part' as const),
      which: fraction,
      preferXml: fc.boolean(),
      change: partChange,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('addPart' as const),
      name: fc.constantFrom('xl/worksheets/sheet9.xml', 'xl/media/image1.png', 'junk.bin', 'xl/sharedStrings.xml'),
      bytes: fc.uint8Array({ maxLength: 200 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('garbage' as const),
      atStart: fc.boolean(),
      bytes: fc.uint8Array({ maxLength: 100 }),
    }),
  },
);

export function workbookPlan(bases: number): fc.Arbitrary<WorkbookPlan> {
  return fc.record({
    base: fc.integer({ min: 0, max: bases - 1 }),
    store: fc.boolean(),
    ops: fc.array(workbookOp, { minLength: 0, maxLength: 3 }),
  });
}

function endOfDirectory(bytes: Uint8Array): number {
  for (let i = bytes.length - 22; i >= 0; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return i;
  }
  return -1;
}

const PARTS = new WeakMap<Uint8Array, Map<string, Uint8Array>>();

/** A fresh JSZip of a base workbook, from its parts unpacked once (inflating costs more than the check). */
async function unpacked(base: Uint8Array): Promise<JSZip> {
  let parts = PARTS.get(base);
  if (!parts) {
    const source = await JSZip.loadAsync(base);
    parts = new Map();
    for (const name of Object.keys(source.files)) {
      if (!source.files[name].dir) parts.set(name, await source.file(name)!.async('uint8array'));
    }
    PARTS.set(base, parts);
  }
  const zip = new JSZip();
  for (const [name, content] of parts) zip.file(name, content);
  return zip;
}

/** The bytes of a plan: part-level changes through JSZip first, byte-level ones after. */
export async function applyWorkbookPlan(bases: readonly Uint8Array[], plan: WorkbookPlan): Promise<Uint8Array> {
  const partOps = plan.ops.filter((op) => op.kind === 'part' || op.kind === 'addPart');
  let bytes = bases[plan.base];
  if (partOps.length > 0 || plan.store) {
    const zip = await unpacked(bytes);
    for (const op of partOps) {
      if (op.kind === 'addPart') {
        zip.file(op.name, op.bytes);
        continue;
      }
      if (op.kind !== 'part') continue;
      const all = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
      const xml = all.filter((n) => /workbook\.xml$|worksheets\/|sharedStrings/.test(n));
      const names = op.preferXml && xml.length > 0 ? xml : all;
      if (names.length === 0) continue;
      const name = names[Math.floor(op.which * names.length)];
      const content = await zip.file(name)!.async('uint8array');
      const change = op.change;
      switch (change.kind) {
        case 'remove':
          zip.remove(name);
          break;
        case 'truncate':
          zip.file(name, content.subarray(0, Math.floor(change.at * content.length)));
          break;
        case 'random':
          zip.file(name, change.bytes);
          break;
        case 'xml': {
          let source = new TextDecoder().decode(content);
          for (const edit of change.edits) source = applyXml(source, edit);
          zip.file(name, source);
          break;
        }
        case 'rename':
          zip.remove(name);
          if (change.name) zip.file(change.name, content);
          break;
      }
    }
    bytes = await zip.generateAsync({
      type: 'uint8array',
      compression: plan.store ? 'STORE' : 'DEFLATE',
      compressionOptions: { level: 1 },
    });
  }
  for (const op of plan.ops) {
    if (op.kind === 'truncate') bytes = bytes.subarray(0, Math.floor(op.at * bytes.length));
    else if (op.kind === 'garbage') {
      const out = new Uint8Array(bytes.length + op.bytes.length);
      out.set(op.atStart ? op.bytes : bytes, 0);
      out.set(op.atStart ? bytes : op.bytes, op.atStart ? op.bytes.length : bytes.length);
      bytes = out;
    } else if (op.kind === 'flip' && bytes.length > 0) {
      bytes = Uint8Array.from(bytes);
      const eocd = endOfDirectory(bytes);
      const [from, to] =
        op.region === 'directory' && eocd > 0
          ? [Math.max(0, eocd - 600), bytes.length]
          : op.region === 'start'
            ? [0, Math.min(bytes.length, 200)]
            : [0, bytes.length];
      for (const edit of op.edits) bytes[from + Math.floor(edit.at * (to - from))] = edit.value;
    }
  }
  return bytes;
}
