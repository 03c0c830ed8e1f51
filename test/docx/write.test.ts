// The .docx writer, read back with a real XML parser: figures and prompts in content controls whose
// properties follow the schema, every table figure in its own control, merges as w:gridSpan/w:vMerge,
// the GB/T 9704 page and styles, the snapshot as a well-formed custom XML part, and a document that
// reads back into the outline's own signature lines.
import { promises as fs } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { writeDocx } from '../../src/docx';
import { MAX_CONTROL_ID, RunContentControl } from '../../src/docx/content-control';
import { gridWidths, repeatedHeaderRows } from '../../src/docx/tables';
import { PAGE, TEXT_WIDTH } from '../../src/docx/styles';
import { buildOutline, outlineSignature, type Outline } from '../../src/outline';
import { buildSnapshotXml } from '../../src/outline/snapshot';
import { parseReportJson, type Report } from '../../src/report';
import {
  child,
  controlTag,
  descendants,
  docxSignature,
  elements,
  parseXml,
  textOf,
  type XmlElement,
} from '../support/docx-signature';
import { SAMPLE_SNAPSHOT, sampleOutline, s3Table } from './support/sample-outline';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const readReport = async (name: string): Promise<Report> =>
  parseReportJson(await fs.readFile(path.join(FIXTURES, name), 'utf8'));

/** CT_SdtPr's sequence, as far as the writer uses it. */
const SDT_PR_ORDER = [
  'w:rPr',
  'w:alias',
  'w:tag',
  'w:id',
  'w:lock',
  'w:placeholder',
  'w:temporary',
  'w:showingPlcHdr',
  'w:dataBinding',
  'w:label',
  'w:tabIndex',
  'w:text',
  'w:richText',
];

interface Package {
  readonly zip: JSZip;
  readonly document: XmlElement;
  readonly controls: XmlElement[];
  readonly part: (name: string) => Promise<string>;
}

async function open(bytes: Uint8Array): Promise<Package> {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string): Promise<string> => {
    const file = zip.file(name);
    if (!file) throw new Error(`no ${name} in the package`);
    return file.async('string');
  };
  const document = parseXml(await part('word/document.xml'));
  return { zip, document, controls: descendants(document, 'w:sdt'), part };
}

const sdtPr = (sdt: XmlElement): XmlElement => {
  const pr = child(sdt, 'w:sdtPr');
  if (!pr) throw new Error('w:sdt without w:sdtPr');
  return pr;
};
const prVal = (sdt: XmlElement, name: string): string | undefined => child(sdtPr(sdt), name)?.attributes['w:val'];
const byTag = (pkg: Package, tag: string): XmlElement[] => pkg.controls.filter((sdt) => controlTag(sdt) === tag);

const SEED_VALUES = { 's3.new.total': 3, 's2.license.decisions': 90025 } as const;

let sample: Outline;
let samplePkg: Package;
let seed: { report: Report; outline: Outline; snapshotXml: string; pkg: Package };

beforeAll(async () => {
  const seedReport = await readReport('seed-004.json');
  sample = sampleOutline(seedReport.values as Record<string, number | null>);
  samplePkg = await open(await writeDocx(sample, { snapshotXml: SAMPLE_SNAPSHOT }));
  const outline = buildOutline(seedReport);
  const snapshotXml = buildSnapshotXml({ report: seedReport, outline, generated: '2023-01-10T09:00:00.000Z' });
  seed = { report: seedReport, outline, snapshotXml, pkg: await open(await writeDocx(outline, { snapshotXml })) };
});

describe('content controls', () => {
  it('puts a figure in a control tagged with its cell key, titled, with its number as the content', () => {
    const [control] = byTag(samplePkg, 'nianbao:s3.new.total');
    expect(control).toBeDefined();
    expect(prVal(control, 'w:alias')).toBe('本年新收政府信息公开申请数量 · 总计');
    expect(Number(prVal(control, 'w:id'))).toBeGreaterThan(0);
    const content = child(control, 'w:sdtContent');
    expect(content && elements(content).map((e) => e.name)).toEqual(['w:r']);
    expect(content && textOf(content)).toBe(String(SEED_VALUES['s3.new.total']));
    expect(child(sdtPr(control), 'w:text')).toBeDefined();
    expect(child(sdtPr(control), 'w:showingPlcHdr')).toBeUndefined();
  });

  it('gives every control a w:id of its own, within Word’s signed 32-bit range', () => {
    for (const pkg of [samplePkg, seed.pkg]) {
      const ids = pkg.controls.map((sdt) => Number(prVal(sdt, 'w:id')));
      expect(ids.every((id) => Number.isInteger(id) && id >= 1 && id <= MAX_CONTROL_ID)).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('writes w:sdtPr children in the order of CT_SdtPr, then w:sdtContent', () => {
    for (const sdt of seed.pkg.controls) {
      expect(elements(sdt).map((e) => e.name)).toEqual(['w:sdtPr', 'w:sdtContent']);
      const names = elements(sdtPr(sdt)).map((e) => e.name);
      const positions = names.map((n) => SDT_PR_ORDER.indexOf(n));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(names.filter((n) => n !== 'w:rPr').slice(0, 3)).toEqual(['w:alias', 'w:tag', 'w:id']);
    }
  });

  it('writes no control but the figures’ and prompts’, all tagged nianbao:', () => {
    const tags = seed.pkg.controls.map(controlTag);
    expect(tags.every((t) => t?.startsWith('nianbao:'))).toBe(true);
  });

  it('puts every table figure in its own control inside its cell’s paragraph', () => {
    for (const tbl of descendants(seed.pkg.document, 'w:tbl')) {
      for (const tc of descendants(tbl, 'w:tc')) {
        const controls = descendants(tc, 'w:sdt');
        expect(controls.length).toBeLessThanOrEqual(1);
        for (const sdt of controls) {
          // Run-level: a child of the cell's paragraph, holding one run.
          expect(elements(tc, 'w:p').some((p) => elements(p, 'w:sdt').includes(sdt))).toBe(true);
          expect(elements(child(sdt, 'w:sdtContent') ?? sdt).map((e) => e.name)).toEqual(['w:r']);
        }
      }
    }
    const tableFigures = seed.outline.blocks.flatMap((b) =>
      b.kind === 'table' ? b.rows.flatMap((row) => row.filter((c) => c.figure)) : [],
    );
    const tableControls = descendants(seed.pkg.document, 'w:tbl').flatMap((tbl) => descendants(tbl, 'w:sdt'));
    expect(tableControls.length).toBe(tableFigures.length);
    // 表二 10, 表三 25 rows × 7, 表四 15.
    expect(tableControls.length).toBe(10 + 25 * 7 + 15);
  });

  it('shows each prompt as placeholder text: w:showingPlcHdr, content in the Placeholder Text style', () => {
    const prompts = seed.pkg.controls.filter((sdt) => controlTag(sdt)?.startsWith('nianbao:prompt:'));
    const expected = seed.outline.blocks.flatMap((b) =>
      b.kind === 'paragraph' ? b.runs.filter((r) => r.kind === 'prompt') : [],
    );
    expect(prompts.length).toBe(expected.length);
    for (const sdt of prompts) {
      expect(child(sdtPr(sdt), 'w:showingPlcHdr')).toBeDefined();
      expect(child(sdtPr(sdt), 'w:text')).toBeUndefined();
      // What the user types takes these run properties: none, so not the placeholder's grey.
      expect(child(sdtPr(sdt), 'w:rPr')?.children).toEqual([]);
      const runs = descendants(child(sdt, 'w:sdtContent') ?? sdt, 'w:r');
      expect(runs.length).toBeGreaterThan(0);
      for (const r of runs)
        expect(child(child(r, 'w:rPr') ?? r, 'w:rStyle')?.attributes['w:val']).toBe('PlaceholderText');
    }
  });

  it('puts every control inside a paragraph, also a prompt that is the whole paragraph', () => {
    const body = child(seed.pkg.document, 'w:body');
    expect(body && elements(body, 'w:sdt')).toEqual([]);
    const paragraphs = body ? elements(body, 'w:p') : [];
    const whole = paragraphs.find((p) =>
      elements(p, 'w:sdt').some((c) => controlTag(c) === 'nianbao:prompt:s1.active'),
    );
    expect(whole && elements(whole).map((e) => e.name)).toEqual(['w:pPr', 'w:sdt']);
    for (const sdt of seed.pkg.controls) expect(descendants(sdt, 'w:p')).toHaveLength(0);
  });

  it('refuses a w:id outside Word’s range', () => {
    expect(() => new RunContentControl({ kind: 'figure', alias: 'a', tag: 'nianbao:x', id: 0 }, [])).toThrow(
      RangeError,
    );
    expect(
      () => new RunContentControl({ kind: 'figure', alias: 'a', tag: 'nianbao:x', id: MAX_CONTROL_ID + 1 }, []),
    ).toThrow(RangeError);
  });
});

describe('tables', () => {
  it('merges as the outline says: w:gridSpan across, w:vMerge restart and continue down', () => {
    const [, s3] = descendants(samplePkg.document, 'w:tbl');
    const rows = elements(s3, 'w:tr');
    const first = elements(rows[0], 'w:tc')[0];
    const pr = child(first, 'w:tcPr');
    expect(pr && child(pr, 'w:gridSpan')?.attributes['w:val']).toBe('3');
    expect(pr && child(pr, 'w:vMerge')?.attributes['w:val']).toBe('restart');
    for (const r of [1, 2]) {
      const cont = child(elements(rows[r], 'w:tc')[0], 'w:tcPr');
      // ST_Merge: "continue" is also what an absent w:val means.
      expect(cont && child(cont, 'w:vMerge')?.attributes['w:val']).toBe('continue');
      expect(cont && child(cont, 'w:gridSpan')?.attributes['w:val']).toBe('3');
    }
    // Every row fills the grid.
    const grid = elements(child(s3, 'w:tblGrid') ?? s3, 'w:gridCol').length;
    expect(grid).toBe(10);
    for (const tr of rows) {
      const width = elements(tr, 'w:tc').reduce(
        (n, tc) => n + Number(child(child(tc, 'w:tcPr') ?? tc, 'w:gridSpan')?.attributes['w:val'] ?? 1),
        0,
      );
      expect(width).toBe(grid);
    }
  });

  it('sets header cells bold and centred', () => {
    const [, s3] = descendants(samplePkg.document, 'w:tbl');
    const firstRow = elements(s3, 'w:tr')[0];
    const p = descendants(firstRow, 'w:p')[0];
    expect(child(child(p, 'w:pPr') ?? p, 'w:jc')?.attributes['w:val']).toBe('center');
    const run = descendants(p, 'w:r')[0];
    expect(child(child(run, 'w:rPr') ?? run, 'w:b')).toBeDefined();
  });

  it('repeats 表三’s header rows on each page, and none of 表二’s (each of its blocks has its own)', () => {
    const tables = seed.outline.blocks.filter((b) => b.kind === 'table');
    expect(tables.map((t) => repeatedHeaderRows(t))).toEqual([0, 3, 3]);
    const [, s3] = descendants(seed.pkg.document, 'w:tbl');
    const headers = elements(s3, 'w:tr').map((tr) => Boolean(child(child(tr, 'w:trPr') ?? tr, 'w:tblHeader')));
    expect(headers.slice(0, 4)).toEqual([true, true, true, false]);
  });

  it('sizes the grid to the text width exactly', () => {
    const widths = gridWidths(s3Table({}).widths, TEXT_WIDTH);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(gridWidths([1, 1, 1], 1000)).toEqual([334, 333, 333]);
    for (const tbl of descendants(seed.pkg.document, 'w:tbl')) {
      const cols = elements(child(tbl, 'w:tblGrid') ?? tbl, 'w:gridCol').map((c) => Number(c.attributes['w:w']));
      expect(cols.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    }
  });
});

describe('page and styles', () => {
  it('is A4 with the GB/T 9704 margins (top 37, bottom 35, left 28, right 26 mm)', () => {
    const sectPr = descendants(seed.pkg.document, 'w:sectPr')[0];
    const size = child(sectPr, 'w:pgSz');
    const margin = child(sectPr, 'w:pgMar');
    expect(size?.attributes).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    const mm = (twips: string | undefined): number => Math.round((Number(twips) * 25.4) / 1440);
    expect(
      [
        margin?.attributes['w:top'],
        margin?.attributes['w:bottom'],
        margin?.attributes['w:left'],
        margin?.attributes['w:right'],
      ].map(mm),
    ).toEqual([37, 35, 28, 26]);
    expect(PAGE.width - PAGE.margin.left - PAGE.margin.right).toBe(TEXT_WIDTH);
  });

  it('uses the built-in heading styles with outline levels, in 黑体 and 楷体', async () => {
    const styles = parseXml(await seed.pkg.part('word/styles.xml'));
    const style = (id: string): XmlElement | undefined =>
      elements(styles, 'w:style').find((s) => s.attributes['w:styleId'] === id);
    const eastAsia = (id: string): string | undefined =>
      descendants(style(id) ?? styles, 'w:rFonts')[0]?.attributes['w:eastAsia'];
    const outlineLevel = (id: string): string | undefined =>
      descendants(style(id) ?? styles, 'w:outlineLvl')[0]?.attributes['w:val'];
    expect([eastAsia('Heading1'), outlineLevel('Heading1')]).toEqual(['黑体', '0']);
    expect([eastAsia('Heading2'), outlineLevel('Heading2')]).toEqual(['楷体_GB2312', '1']);
    expect(eastAsia('NianbaoBody')).toBe('仿宋_GB2312');
    expect(descendants(style('NianbaoBody') ?? styles, 'w:sz')[0]?.attributes['w:val']).toBe('32');
    expect(descendants(style('Title') ?? styles, 'w:sz')[0]?.attributes['w:val']).toBe('44');
    expect(descendants(style('PlaceholderText') ?? styles, 'w:color')[0]?.attributes['w:val']).toBe('808080');
    const headings = descendants(seed.pkg.document, 'w:pStyle').map((s) => s.attributes['w:val']);
    expect(headings.filter((s) => s === 'Heading1')).toHaveLength(6);
  });

  it('names the fallback face of each Chinese font in the font table', async () => {
    const fonts = elements(parseXml(await seed.pkg.part('word/fontTable.xml')), 'w:font');
    const alt = (name: string): string | undefined =>
      child(fonts.find((f) => f.attributes['w:name'] === name) ?? fonts[0], 'w:altName')?.attributes['w:val'];
    expect(alt('仿宋_GB2312')).toBe('仿宋');
    expect(alt('楷体_GB2312')).toBe('楷体');
    expect(alt('方正小标宋简体')).toBe('宋体');
  });
});

describe('the custom XML part', () => {
  it('holds the snapshot as customXml/item1.xml, well formed, with the report’s values', async () => {
    const item = await seed.pkg.part('customXml/item1.xml');
    expect(item).toContain(seed.snapshotXml);
    const root = parseXml(item);
    expect(root.name).toBe('nianbao');
    expect(root.attributes.xmlns).toBe('urn:nianbao:document:1');
    const value = elements(root, 'v').find((v) => v.attributes.key === 's3.new.total');
    expect(value?.children).toEqual(['3']);
    const figureText = elements(root, 'f').find((f) => f.attributes.tag === 'nianbao:s2.fee.amount');
    expect(figureText?.children).toEqual(['13.39']);
  });

  it('declares its properties part: a datastore item id and the nianbao schema', async () => {
    const props = parseXml(await seed.pkg.part('customXml/itemProps1.xml'));
    expect(props.name).toBe('ds:datastoreItem');
    expect(props.attributes['ds:itemID']).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
    expect(descendants(props, 'ds:schemaRef').map((r) => r.attributes['ds:uri'])).toEqual(['urn:nianbao:document:1']);
    const rels = parseXml(await seed.pkg.part('customXml/_rels/item1.xml.rels'));
    expect(elements(rels, 'Relationship').map((r) => [r.attributes.Type, r.attributes.Target])).toEqual([
      ['http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps', 'itemProps1.xml'],
    ]);
  });

  it('is related from the main document and has its content types', async () => {
    const rels = elements(parseXml(await seed.pkg.part('word/_rels/document.xml.rels')), 'Relationship');
    const custom = rels.filter(
      (r) => r.attributes.Type === 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml',
    );
    expect(custom.map((r) => r.attributes.Target)).toEqual(['../customXml/item1.xml']);
    expect(new Set(rels.map((r) => r.attributes.Id)).size).toBe(rels.length);
    const types = parseXml(await seed.pkg.part('[Content_Types].xml'));
    const override = elements(types, 'Override').find((o) => o.attributes.PartName === '/customXml/itemProps1.xml');
    expect(override?.attributes.ContentType).toBe(
      'application/vnd.openxmlformats-officedocument.customXmlProperties+xml',
    );
    // item1.xml is plain XML, by the package's default for .xml.
    expect(elements(types, 'Default').find((d) => d.attributes.Extension === 'xml')?.attributes.ContentType).toBe(
      'application/xml',
    );
  });

  it('uses the datastore item id it is given', async () => {
    const itemId = '{11111111-2222-4333-8444-555555555555}';
    const pkg = await open(await writeDocx(sample, { snapshotXml: SAMPLE_SNAPSHOT, itemId }));
    expect(parseXml(await pkg.part('customXml/itemProps1.xml')).attributes['ds:itemID']).toBe(itemId);
  });
});

describe('read back', () => {
  it('gives the outline’s signature lines for the hand-made outline', async () => {
    const bytes = await writeDocx(sample, { snapshotXml: SAMPLE_SNAPSHOT });
    expect(await docxSignature(bytes)).toEqual(outlineSignature(sample));
  });

  it.each(['seed-002.json', 'seed-003.json', 'seed-004.json'])(
    'gives the outline’s signature lines for %s',
    async (name) => {
      const report = await readReport(name);
      const outline = buildOutline(report);
      const bytes = await writeDocx(outline, { snapshotXml: buildSnapshotXml({ report, outline, generated: 'now' }) });
      expect(await docxSignature(bytes)).toEqual(outlineSignature(outline));
    },
  );
});
