// The .docx draft reader (docxSource) with the importer (importSource): a document `nianbao docx`
// wrote is read back exactly (every figure through its tagged control, and through the tables alone);
// a draft the agency wrote itself (here with the docx library, and three written by LibreOffice) through
// its tables with their merges and its paragraphs; a tagged figure the agency edited is taken over what
// the table text says; WordprocessingML's details (tracked changes, fields, breaks, merges, controls,
// layout tables, text boxes); and every way a file can be refused, with its own code and nothing else
// thrown, also on mutated bytes.
import { promises as fs } from 'fs';
import * as path from 'path';
import {
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';
import fc from 'fast-check';
import JSZip from 'jszip';
import { docxSource, DOCX_LIMITS, reportDocument } from '../../src/docx';
import { RunContentControl } from '../../src/docx/content-control';
import { getFormat } from '../../src/format';
import { describeInputError } from '../../src/i18n';
import { importSource, type ImportResult, type SourceDocument } from '../../src/import';
import { effectiveFormat, ReportInputError, type RawValue, type Report } from '../../src/report';
import { busyReport, edit, loadFixture, zeroReport } from '../rules/support';
import { buildZip } from '../support/zip-bytes';

const MB = 1024 * 1024;
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const FIXTURES = path.join(__dirname, '..', 'fixtures');
const GENERATED = new Date('2025-01-15T08:00:00Z');

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The file docxSource refuses, and how: fails the test on anything but a ReportInputError. */
async function refusal(bytes: Uint8Array, limits = DOCX_LIMITS): Promise<ReportInputError> {
  try {
    await docxSource(bytes, 'draft.docx', limits);
  } catch (err) {
    if (err instanceof ReportInputError) return err;
    throw new Error(`not a ReportInputError: ${String(err)}`);
  }
  throw new Error('expected the file to be refused');
}

// ---- hand-written WordprocessingML ------------------------------------------------------------

const CONTENT_TYPES = (main: string): string =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
  '</Types>';
const RELS = (main: string): string =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main}"/>` +
  '</Relationships>';

/** A package of one main part (word/document.xml unless said), with its content types and relationships. */
async function packageOf(documentXml: string | Uint8Array, main = 'word/document.xml'): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES(main));
  zip.file('_rels/.rels', RELS(main));
  zip.file(main, documentXml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const documentXml = (body: string, ns = W): string =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  `<w:document xmlns:w="${ns}" xmlns:mc="${MC}"><w:body>${body}<w:sectPr/></w:body></w:document>`;
const run = (text: string): string => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (...content: string[]): string => `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${content.join('')}</w:p>`;
const cell = (text: string, tcPr = ''): string => `<w:tc><w:tcPr>${tcPr}</w:tcPr>${para(run(text))}</w:tc>`;
const row = (cells: string, trPr = ''): string => `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ''}${cells}</w:tr>`;
const table = (...rows: string[]): string => `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join('')}</w:tbl>`;
const control = (tag: string, content: string, placeholder = false): string =>
  `<w:sdt><w:sdtPr><w:alias w:val="x"/><w:tag w:val="${tag}"/><w:id w:val="1"/>` +
  `${placeholder ? '<w:showingPlcHdr/>' : ''}<w:text/></w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;

const read = async (body: string): Promise<SourceDocument> =>
  docxSource(await packageOf(documentXml(body)), 'draft.docx');
const texts = (doc: SourceDocument): string[] =>
  doc.blocks.map((b) => (b.kind === 'text' ? b.text : `[table of ${b.table.rows.length} rows]`));

describe('WordprocessingML as the importer’s blocks', () => {
  it('paragraphs: runs joined, a tab a space, a break a new line; deleted and moved text, field codes left out', async () => {
    const doc = await read(
      [
        para(run('一、'), '<w:r><w:tab/></w:r>', run('总体情况')),
        // A tab stop of the paragraph's properties is no tab in its text.
        `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${run('甲')}<w:r><w:br/><w:t>乙</w:t></w:r></w:p>`,
        para(
          run('本年度收到申请'),
          '<w:del w:id="1" w:author="a" w:date="2025-01-01T00:00:00Z"><w:r><w:delText>99</w:delText></w:r></w:del>',
          '<w:ins w:id="2" w:author="a" w:date="2025-01-01T00:00:00Z"><w:r><w:t>14</w:t></w:r></w:ins>',
          '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>（旧）</w:t></w:r></w:moveFrom>',
          run('件。'),
        ),
        para(
          run('第'),
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
          run('3'),
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
          `<w:fldSimple w:instr="NUMPAGES">${run('9')}</w:fldSimple>`,
          run('页'),
          '<w:r><w:noBreakHyphen/><w:softHyphen/></w:r>',
        ),
        '<w:p/>',
        para(run('   ')),
        para(run('a&amp;b&lt;c'), '<w:r><w:t><![CDATA[<d>]]></w:t></w:r>'),
      ].join(''),
    );
    expect(doc.blocks).toEqual([
      { kind: 'text', text: '一、 总体情况' },
      { kind: 'text', text: '甲\n乙' },
      { kind: 'text', text: '本年度收到申请14件。' },
      { kind: 'text', text: '第39页-' },
      { kind: 'text', text: 'a&b<c<d>' },
    ]);
    expect(doc.tagged).toBeUndefined();
  });

  it('text boxes are paragraphs of their own, read once (mc:Choice, not its mc:Fallback)', async () => {
    const box = `<w:txbxContent>${para(run('框中'))}</w:txbxContent>`;
    const doc = await read(
      para(
        run('前'),
        `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>${box}</w:drawing></mc:Choice>` +
          `<mc:Fallback><w:pict>${box}</w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
        run('后'),
      ),
    );
    expect(texts(doc)).toEqual(['框中', '前后']);
  });

  it('tables: gridSpan, vMerge restart/continue, gridBefore, hMerge; deleted rows and old properties left out', async () => {
    const doc = await read(
      table(
        row(cell('A', '<w:gridSpan w:val="2"/>') + cell('B', '<w:vMerge w:val="restart"/>')),
        row(cell('C') + cell('D') + cell('', '<w:vMerge/>')),
        row(cell('E') + cell('', '<w:vMerge w:val="continue"/>'), '<w:gridBefore w:val="1"/>'),
        row(cell('X') + cell('Y') + cell('Z'), '<w:del w:id="4" w:author="a"/>'),
        row(
          cell('F', '<w:hMerge w:val="restart"/>') +
            cell('', '<w:hMerge/>') +
            // The cell spanned 3 columns before a tracked change: its old properties are no merge.
            cell('G', '<w:tcPrChange w:id="5" w:author="a"><w:tcPr><w:gridSpan w:val="3"/></w:tcPr></w:tcPrChange>'),
        ),
        // A continuation with nothing above to continue starts a merge of its own.
        row(cell('H') + cell('I') + cell('J', '<w:vMerge/>')),
        row(cell('K') + cell('L') + cell('', '<w:vMerge/>')),
      ),
    );
    expect(doc.blocks).toEqual([
      {
        kind: 'table',
        table: {
          rows: [
            [
              { text: 'A', colSpan: 2 },
              { text: 'B', rowSpan: 3 },
            ],
            [{ text: 'C' }, { text: 'D' }],
            [{ text: '' }, { text: 'E' }],
            [{ text: 'F', colSpan: 2 }, { text: 'G' }],
            [{ text: 'H' }, { text: 'I' }, { text: 'J', rowSpan: 2 }],
            [{ text: 'K' }, { text: 'L' }],
          ],
        },
      },
    ]);
  });

  it('a cell’s paragraphs are its lines; a table in a cell makes the outer one a layout table, unwrapped', async () => {
    const inner = table(row(cell('自然人') + cell('10')));
    const doc = await read(
      table(row(`<w:tc>${para(run('第一行'))}${para(run('第二行'))}</w:tc>` + cell('x'))) +
        table(row(`<w:tc>${para(run('一、总体情况'))}${inner}${para(run('二、主动公开'))}</w:tc>`), row(cell('末'))),
    );
    expect(doc.blocks).toEqual([
      { kind: 'table', table: { rows: [[{ text: '第一行\n第二行' }, { text: 'x' }]] } },
      { kind: 'text', text: '一、总体情况' },
      { kind: 'table', table: { rows: [[{ text: '自然人' }, { text: '10' }]] } },
      { kind: 'text', text: '二、主动公开' },
      { kind: 'text', text: '末' },
    ]);
  });

  it('content controls: read as content, and those tagged nianbao:<cell key> as figures', async () => {
    const doc = await read(
      [
        para(
          run('新收'),
          control('nianbao:s3.new.total', run('14')),
          run('件，办结'),
          control('nianbao:sum:handled', run('13')),
          run('件。'),
          control('nianbao:prompt:channels', run('（请填写渠道。）'), true),
          // Word's own placeholder of an emptied figure: a blank, and no text of the document.
          control('nianbao:s3.new.legal', run('单击此处输入文字。'), true),
        ),
        // A block-level control around a paragraph; the same tag again: the first one stands.
        control('nianbao:s4.review.total', para(run('2'))),
        para(control('nianbao:s4.review.total', run('7'))),
        // A figure said in a sentence and again in the table: the table's control stands.
        para(control('nianbao:s3.new.natural', run('9'))),
        table(
          row(
            cell('自然人') +
              `<w:sdt><w:sdtPr><w:tag w:val="nianbao:s3.new.natural"/></w:sdtPr><w:sdtContent>${cell('10')}</w:sdtContent></w:sdt>` +
              `<w:tc>${para(control('nianbao:s3.new.business', run('1,234')))}</w:tc>`,
          ),
        ),
        para(control('nianbao:s3.new.business', run('5'))),
        para(control('nianbao:not.a.key', run('1')), control('other:tag', run('2'))),
      ].join(''),
    );
    expect(texts(doc)).toEqual(['新收14件，办结13件。', '2', '7', '9', '[table of 1 rows]', '5', '12']);
    expect(doc.blocks[4]).toEqual({
      kind: 'table',
      table: { rows: [[{ text: '自然人' }, { text: '10' }, { text: '1,234' }]] },
    });
    expect(doc.tagged).toEqual(
      new Map([
        ['nianbao:s3.new.total', '14'],
        ['nianbao:s3.new.legal', ''],
        ['nianbao:s4.review.total', '2'],
        ['nianbao:s3.new.natural', '10'],
        ['nianbao:s3.new.business', '1,234'],
        ['nianbao:not.a.key', '1'],
      ]),
    );
    const { report, problems } = importSource(doc);
    expect(report.values).toMatchObject({ 's3.new.total': 14, 's3.new.legal': null, 's3.new.business': 1234 });
    expect(problems).toContainEqual({ code: 'TAGGED_UNKNOWN', key: 'nianbao:not.a.key' });
  });

  it('a control’s paragraphs are lines of its text; nested figure controls each keep their own', async () => {
    const doc = await read(
      control('nianbao:s2.fee.amount', para(run('13.39')) + para(control('nianbao:s2.license.decisions', run('90')))),
    );
    expect(doc.tagged?.get('nianbao:s2.fee.amount')).toBe('13.39\n90');
    expect(doc.tagged?.get('nianbao:s2.license.decisions')).toBe('90');
  });

  it('finds the main part the package relationships name; reads ISO 29500 Strict and UTF-16', async () => {
    const moved = await docxSource(await packageOf(documentXml(para(run('正文'))), 'word/document2.xml'), 'a.docx');
    expect(texts(moved)).toEqual(['正文']);
    const strictXml = documentXml(para(run('严格')), 'http://purl.oclc.org/ooxml/wordprocessingml/main');
    const strict = await docxSource(await packageOf(strictXml), 'b.docx');
    expect(texts(strict)).toEqual(['严格']);
    const xml16 = documentXml(para(run('十六位'))).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const utf16 = new Uint8Array(Buffer.from(`\uFEFF${xml16}`, 'utf16le'));
    expect(texts(await docxSource(await packageOf(utf16), 'c.docx'))).toEqual(['十六位']);
    // A part name differing only in case, as OPC compares names.
    const zip = new JSZip();
    zip.file('_rels/.rels', RELS('word/document.xml'));
    zip.file('Word/Document.xml', documentXml(para(run('大小写'))));
    const cased = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(texts(await docxSource(cased, 'd.docx'))).toEqual(['大小写']);
    // Relationships that are damaged, or name a part that is not there: the document where Word keeps it.
    for (const rels of ['<Relationships><Relationship', RELS('word/missing.xml')]) {
      const fallback = buildZip([
        { name: '_rels/.rels', data: encode(rels) },
        { name: 'word/document.xml', data: encode(documentXml(para(run('默认')))) },
      ]);
      expect(texts(await docxSource(fallback, 'e.docx'))).toEqual(['默认']);
    }
  });
});

// ---- documents nianbao docx wrote -------------------------------------------------------------

/** The values a reading has, against a report's. */
function expectExact(result: ImportResult, report: Report): void {
  expect(result.report.values).toEqual(report.values);
  expect(result.notFound).toEqual([]);
  expect(result.problems).toEqual([]);
  expect(result.report.profile).toMatchObject({
    agency: report.profile.agency,
    year: report.profile.year,
    format: effectiveFormat(report.profile),
  });
}

describe('a document nianbao docx wrote, read back', () => {
  const reports: [string, () => Report][] = [
    ['a busy 2021 report', busyReport],
    ['with blanks', () => edit(busyReport(), { 's3.new.legal': null, 's2.fee.amount': null, 's4.review.other': null })],
    ['seed 002', () => loadFixture('seed-002.json')],
    ['seed 003', () => loadFixture('seed-003.json')],
    ['seed 004', () => loadFixture('seed-004.json')],
    ['a 2019 report', () => edit(zeroReport('2019'), { 's2.license.change': -3, 's2.procurement.amount': 125.6 })],
  ];

  it.each(reports)(
    '%s: every figure through its tagged control, and through the tables alone',
    async (_label, make) => {
      const report = make();
      const made = await reportDocument(report, GENERATED);
      const source = await docxSource(made.bytes, 'report.docx');
      const cells = getFormat(effectiveFormat(report.profile)).cells.map((c) => `nianbao:${c.key}`);
      expect([...(source.tagged?.keys() ?? [])].sort()).toEqual([...cells].sort());
      expectExact(importSource(source), report);
      // Without the tags (a word processor that drops content controls), the tables say the same.
      expectExact(importSource({ file: source.file, blocks: source.blocks }), report);
    },
  );

  it('the prose: the title, the six parts and the period in the report’s text', async () => {
    const source = await docxSource((await reportDocument(busyReport(), GENERATED)).bytes, 'report.docx');
    const { report } = importSource(source);
    expect(report.text?.headings.filter((h) => h.level === 1).map((h) => h.section)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(report.text?.lines[0]).toBe('测试局2024年政府信息公开工作年度报告');
    // The prompts show their placeholder text: no words of the agency's yet.
    expect(report.text?.lines.join('\n')).not.toContain('请填写');
  });
});

// ---- a draft the agency wrote ---------------------------------------------------------------

const S3_COLUMNS = ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'] as const;

const S3_ITEM_LABELS: Readonly<Record<string, string>> = {
  'denied.secret': '属于国家秘密',
  'denied.prohibited': '其他法律行政法规禁止公开',
  'denied.security': '危及“三安全一稳定”',
  'denied.thirdParty': '保护第三方合法权益',
  'denied.internal': '属于三类内部事务信息',
  'denied.process': '属于四类过程性信息',
  'denied.lawEnforcement': '属于行政执法案卷',
  'denied.query': '属于行政查询事项',
  'unable.notHeld': '本机关不掌握相关政府信息',
  'unable.needsCreation': '没有现成信息需要另行制作',
  'unable.unclear': '补正后申请内容仍不明确',
  'rejected.petition': '信访举报投诉类申请',
  'rejected.duplicate': '重复申请',
  'rejected.publication': '要求提供公开出版物',
  'rejected.excessive': '无正当理由大量反复申请',
  'rejected.confirmation': '要求行政机关确认或重新出具已获取信息',
};

/** The groups of 表三 with items: the group's label, the row keys' prefix, the items. */
const S3_GROUPS: readonly (readonly [string, string, readonly string[]])[] = [
  [
    '（三）不予公开',
    'denied',
    ['secret', 'prohibited', 'security', 'thirdParty', 'internal', 'process', 'lawEnforcement', 'query'],
  ],
  ['（四）无法提供', 'unable', ['notHeld', 'needsCreation', 'unclear']],
  ['（五）不予处理', 'rejected', ['petition', 'duplicate', 'publication', 'excessive', 'confirmation']],
];

/** 表三 of the 2021 format as a draft has it, but for （六）其他处理, which this draft leaves out. */
const S3_DRAFT_ROWS: { key: string; labels: { text: string; span?: number; merge?: 'restart' | 'continue' }[] }[] = [
  { key: 'new', labels: [{ text: '一、本年新收政府信息公开申请数量', span: 3 }] },
  { key: 'carriedIn', labels: [{ text: '二、上年结转政府信息公开申请数量', span: 3 }] },
  {
    key: 'granted',
    labels: [
      { text: '三、本年度办理结果', merge: 'restart' },
      { text: '（一）予以公开', span: 2 },
    ],
  },
  {
    key: 'partial',
    labels: [
      { text: '', merge: 'continue' },
      { text: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', span: 2 },
    ],
  },
  ...S3_GROUPS.flatMap(([group, prefix, items]) =>
    items.map((item, i) => ({
      key: `${prefix}.${item}`,
      labels: [
        { text: '', merge: 'continue' as const },
        i === 0 ? { text: group, merge: 'restart' as const } : { text: '', merge: 'continue' as const },
        { text: `${i + 1}.${S3_ITEM_LABELS[`${prefix}.${item}`]}` },
      ],
    })),
  ),
  {
    key: 'total',
    labels: [
      { text: '', merge: 'continue' },
      { text: '（七）总计', span: 2 },
    ],
  },
  { key: 'carriedOver', labels: [{ text: '四、结转下年度继续办理', span: 3 }] },
];

const S4_GROUPS = ['review', 'litigation', 'litigationAfterReview'] as const;
const S4_RESULTS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
const S4_HEADERS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/** The draft's figures: each cell its own number, so that one read into a wrong cell shows. */
function draftValues(): Record<string, RawValue> {
  const values: Record<string, RawValue> = {};
  S3_DRAFT_ROWS.forEach(({ key }, r) =>
    S3_COLUMNS.forEach((col, c) => (values[`s3.${key}.${col}`] = (r + 1) * 10 + c)),
  );
  S4_GROUPS.forEach((group, g) =>
    S4_RESULTS.forEach((result, i) => (values[`s4.${group}.${result}`] = 100 + g * 5 + i)),
  );
  // Printed as the agency types them: thousands separated, one left empty.
  values['s3.granted.natural'] = 1234;
  values['s3.partial.research'] = null;
  return values;
}

const printed = (value: RawValue): string =>
  value === null ? '' : typeof value === 'number' ? value.toLocaleString('en-US') : value;

const textCell = (text: string, options: { span?: number; merge?: 'restart' | 'continue'; bold?: boolean } = {}) =>
  new TableCell({
    children: [new Paragraph({ children: text ? [new TextRun({ text, bold: options.bold ?? false })] : [] })],
    ...(options.span ? { columnSpan: options.span } : {}),
    ...(options.merge
      ? { verticalMerge: options.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }
      : {}),
  });

function s3DraftTable(values: Record<string, RawValue>): Table {
  const header = [
    new TableRow({
      children: [
        textCell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { span: 3, merge: 'restart' }),
        textCell('申请人情况', { span: 7, bold: true }),
      ],
    }),
    new TableRow({
      children: [
        textCell('', { span: 3, merge: 'continue' }),
        textCell('自然人', { merge: 'restart' }),
        textCell('法人或其他组织', { span: 5 }),
        textCell('总计', { merge: 'restart' }),
      ],
    }),
    new TableRow({
      children: [
        textCell('', { span: 3, merge: 'continue' }),
        textCell('', { merge: 'continue' }),
        ...['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t) => textCell(t)),
        textCell('', { merge: 'continue' }),
      ],
    }),
  ];
  const body = S3_DRAFT_ROWS.map(
    ({ key, labels }) =>
      new TableRow({
        children: [
          ...labels.map((l) => textCell(l.text, l)),
          ...S3_COLUMNS.map((col) => textCell(printed(values[`s3.${key}.${col}`]))),
        ],
      }),
  );
  return new Table({ rows: [...header, ...body], width: { size: 100, type: WidthType.PERCENTAGE } });
}

function s4DraftTable(values: Record<string, RawValue>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ children: [textCell('行政复议', { span: 5 }), textCell('行政诉讼', { span: 10 })] }),
      new TableRow({
        children: [
          ...S4_HEADERS.map((h) => textCell(h, { merge: 'restart' })),
          textCell('未经复议直接起诉', { span: 5 }),
          textCell('复议后起诉', { span: 5 }),
        ],
      }),
      new TableRow({
        children: [
          ...S4_HEADERS.map(() => textCell('', { merge: 'continue' })),
          ...S4_HEADERS.map((h) => textCell(h)),
          ...S4_HEADERS.map((h) => textCell(h)),
        ],
      }),
      new TableRow({
        children: S4_GROUPS.flatMap((group) =>
          S4_RESULTS.map((result) => textCell(printed(values[`s4.${group}.${result}`]))),
        ),
      }),
    ],
  });
}

const heading = (number: string, title: string): Paragraph =>
  new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ children: [number, new Tab(), title] })] });
const body = (text: string): Paragraph => new Paragraph({ children: [new TextRun(text)] });

/** A draft as an agency writes it in Word: no controls, 表二 not yet in, （六）其他处理 left out of 表三. */
async function handDraft(values: Record<string, RawValue>, extra: Paragraph[] = []): Promise<Uint8Array> {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            children: [new TextRun('测试县民政局2024年政府信息公开工作年度报告')],
          }),
          body('本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。'),
          heading('一、', '总体情况'),
          new Paragraph({
            children: [
              new TextRun('本年度共收到政府信息公开申请'),
              new DeletedTextRun({ text: '99', id: 1, author: '办公室', date: '2025-01-10T09:00:00Z' }),
              new InsertedTextRun({ text: '12', id: 2, author: '办公室', date: '2025-01-10T09:00:00Z' }),
              new TextRun('件。'),
              new TextRun({ text: '全部按时答复。', break: 1 }),
            ],
          }),
          ...extra,
          heading('二、', '主动公开政府信息情况'),
          body('（表二待补充）'),
          heading('三、', '收到和处理政府信息公开申请情况'),
          s3DraftTable(values),
          heading('四、', '政府信息公开行政复议、行政诉讼情况'),
          s4DraftTable(values),
          heading('五、', '存在的主要问题及改进情况'),
          body('存在的主要问题是公开内容不够全面。'),
          heading('六、', '其他需要报告的事项'),
          body('本年度未收取信息处理费。'),
        ],
      },
    ],
  });
  return Packer.pack(document, 'uint8array');
}

describe('a draft the agency wrote in Word (the docx library)', () => {
  let result: ImportResult;
  const values = draftValues();
  beforeAll(async () => {
    result = importSource(await docxSource(await handDraft(values), '民政局年报.docx'));
  });

  it('reads 表三 and 表四 through their merged headers, cell by cell', () => {
    expect(result.report.values['s3.new.natural']).toBe(10);
    expect(result.report.values['s3.new.total']).toBe(16);
    expect(result.report.values['s3.granted.natural']).toBe(1234);
    expect(result.report.values['s3.partial.research']).toBeNull();
    expect(result.report.values['s3.denied.secret.total']).toBe(56);
    expect(result.report.values['s3.rejected.confirmation.otherOrg']).toBe(205);
    expect(result.report.values['s3.carriedOver.legal']).toBe(224);
    expect(result.report.values['s4.review.upheld']).toBe(100);
    expect(result.report.values['s4.litigation.pending']).toBe(108);
    expect(result.report.values['s4.litigationAfterReview.total']).toBe(114);
    expect(result.report.values).toEqual(values);
  });

  it('the profile from the title and the period; the six headings and the prose in the text', () => {
    expect(result.report.profile).toMatchObject({ agency: '测试县民政局', year: 2024, format: '2021' });
    const headings = result.report.text?.headings.filter((h) => h.level === 1) ?? [];
    expect(headings.map((h) => h.section)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(headings[0].text).toBe('一、 总体情况');
    const lines = result.report.text?.lines ?? [];
    // The tracked deletion is gone, the insertion in; the line break is a line of its own.
    expect(lines).toEqual(expect.arrayContaining(['本年度共收到政府信息公开申请12件。', '全部按时答复。']));
    expect(result.report.text?.figures).toContainEqual(expect.objectContaining({ value: 12 }));
  });

  it('says what it left out: 表二, and 表三’s （六）其他处理', () => {
    const format = getFormat('2021');
    const s2 = format.cells.filter((c) => c.key.startsWith('s2.')).map((c) => c.key);
    const other = format.cells.filter((c) => c.key.startsWith('s3.other.')).map((c) => c.key);
    expect(result.notFound).toEqual([...s2, ...other]);
    expect(result.problems).toContainEqual({ code: 'TABLE_NOT_FOUND', table: 's2' });
    expect(result.problems.filter((p) => p.code === 'ROW_NOT_FOUND').length).toBeGreaterThan(0);
  });
});

describe('a figure the agency edited in its control', () => {
  it('the tagged figure is taken exactly, over what the table says (the importer’s contract)', async () => {
    const values = draftValues();
    const tagged = new Paragraph({
      children: [
        new TextRun('本年新收自然人申请'),
        new RunContentControl({ kind: 'figure', alias: '自然人', tag: 'nianbao:s3.new.natural', id: 1 }, [
          new TextRun('12'),
        ]).asParagraphChild(),
        new TextRun('件。'),
      ],
    });
    const source = await docxSource(await handDraft(values, [tagged]), 'draft.docx');
    expect(source.tagged).toEqual(new Map([['nianbao:s3.new.natural', '12']]));
    const { report, problems } = importSource(source);
    expect(report.values['s3.new.natural']).toBe(12);
    expect(report.values['s3.new.business']).toBe(values['s3.new.business']);
    expect(problems.filter((p) => p.code === 'VALUE_NOT_A_NUMBER')).toEqual([]);
  });

  it('edited in the table of a generated document: the table’s control, over the old figure in a sentence', async () => {
    const report = busyReport();
    const zip = await JSZip.loadAsync((await reportDocument(report, GENERATED)).bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const tag = '<w:tag w:val="nianbao:s3.new.natural"/>';
    // The sentence of 一（二） says 10 first; the table's cell comes last.
    expect(xml.split(tag).length - 1).toBe(2);
    const at = xml.lastIndexOf(tag);
    const edited = xml.slice(0, at) + xml.slice(at).replace('>10</w:t>', '>12</w:t>');
    zip.file('word/document.xml', edited);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const result = importSource(await docxSource(bytes, 'edited.docx'));
    expect(result.report.values).toEqual({ ...report.values, 's3.new.natural': 12 });
    // The sentence still says 10, as the agency left it: for the text rules to see.
    expect(result.report.text?.lines.join('\n')).toContain('自然人10件');
  });
});

describe('drafts written by LibreOffice (test/fixtures/docx: no content controls; its own merges)', () => {
  const fixture = async (name: string): Promise<ImportResult> =>
    importSource(await docxSource(new Uint8Array(await fs.readFile(path.join(FIXTURES, 'docx', name))), name));
  const expected = async (name: string): Promise<Record<string, RawValue>> =>
    (JSON.parse(await fs.readFile(path.join(FIXTURES, 'import', name), 'utf8')) as { values: Record<string, RawValue> })
      .values;

  it('seed 004’s generated document, saved again by LibreOffice 7.4: the tables alone, exactly', async () => {
    const result = await fixture('seed-004.libreoffice.docx');
    expectExact(result, loadFixture('seed-004.json'));
  });

  it('the 2019 web page saved as .docx: the 2019 tables, negative changes, one （六） row', async () => {
    const result = await fixture('html-2019.libreoffice.docx');
    expect(result.report.values).toEqual(await expected('report-2019.expected.json'));
    expect(result.report.profile).toMatchObject({ agency: '某某县市场监督管理局', year: 2020, format: '2019' });
    expect(result.notFound).toEqual([]);
  });

  it('the 2021 web page saved as .docx: a layout table for its title, blanks (&nbsp;) as blanks', async () => {
    const result = await fixture('html-2021.libreoffice.docx');
    const base = await expected('base-2021.expected.json');
    const blanks = Object.fromEntries(
      Object.entries(base).map(([k, v]) => [k, k.startsWith('s2.regulation.') ? null : v]),
    );
    expect(result.report.values).toEqual(blanks);
    expect(result.report.profile).toMatchObject({ agency: '某某县市场监督管理局', year: 2023, format: '2021' });
    expect(result.notFound).toEqual([]);
  });
});

// ---- refusals -----------------------------------------------------------------------------------

describe('files refused, each with its own code', () => {
  let generated: Uint8Array;
  beforeAll(async () => {
    generated = (await reportDocument(busyReport(), GENERATED)).bytes;
  });

  it('states its limits', () => {
    expect(DOCX_LIMITS).toEqual({
      fileBytes: 50 * MB,
      unpackedBytes: 100 * MB,
      documentBytes: 30 * MB,
      parts: 2000,
      ratio: 100,
      ratioFloorBytes: 1 * MB,
    });
  });

  it('a truncated zip, random bytes, a text, an old .doc (or encrypted .docx)', async () => {
    const truncated = await refusal(generated.subarray(0, generated.length - 30));
    expect(truncated.code).toBe('DOCX_ZIP_DAMAGED');
    expect(truncated.params.problem).toBe('noDirectory');
    expect(describeInputError(truncated, 'zh-CN')).toContain('draft.docx 已损坏，无法作为 .docx 读取：找不到 zip 目录');
    let seed = 7;
    const random = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    random[0] = 0x00;
    expect((await refusal(random)).code).toBe('DOCX_NOT_DOCX');
    const text = await refusal(encode('本年度收到申请3件。'));
    expect(text.code).toBe('DOCX_NOT_DOCX');
    expect(describeInputError(text, 'zh-CN')).toBe(
      'draft.docx 不是有效的 Word 文档（.docx）。请在 Word 或 WPS 中另存为“Word 文档（*.docx）”后重试。',
    );
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const legacy = await refusal(ole);
    expect(legacy.code).toBe('DOCX_LEGACY_OR_ENCRYPTED');
    expect(describeInputError(legacy, 'zh-CN')).toContain('它是旧版 .doc 文档，或设置了打开密码');
  });

  it('a zip without a Word document: no word/document.xml, or a workbook renamed', async () => {
    const noDocument = buildZip([{ name: '[Content_Types].xml', data: encode(CONTENT_TYPES('word/document.xml')) }]);
    expect((await refusal(noDocument)).code).toBe('DOCX_NOT_DOCX');
    const workbook = buildZip([
      { name: '_rels/.rels', data: encode(RELS('xl/workbook.xml')) },
      {
        name: 'xl/workbook.xml',
        data: encode('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'),
      },
    ]);
    expect((await refusal(workbook)).code).toBe('DOCX_NOT_DOCX');
    const empty = buildZip([]);
    expect((await refusal(empty)).code).toBe('DOCX_NOT_DOCX');
  });

  it('malformed XML, bytes that are no UTF-8, elements nested beyond any document: damaged, naming the part', async () => {
    for (const xml of [
      documentXml(para(run('未闭合'))).replace('</w:p>', ''),
      documentXml(para(run('&nbsp;'))),
      documentXml('<x:p>unbound prefix</x:p>'),
      `${documentXml('')}<trailing/>`,
      '',
    ]) {
      const err = await refusal(await packageOf(xml));
      expect(err.code).toBe('DOCX_DAMAGED');
      expect(err.params.part).toBe('word/document.xml');
    }
    const latin1 = Uint8Array.from([...encode(documentXml(para(run('X')))).slice(0, 60), 0xff, 0xfe, 0x41]);
    expect((await refusal(await packageOf(latin1))).code).toBe('DOCX_DAMAGED');
    const deep = documentXml(`${'<w:sdt><w:sdtContent>'.repeat(20_000)}${'</w:sdtContent></w:sdt>'.repeat(20_000)}`);
    const started = Date.now();
    const err = await refusal(await packageOf(deep));
    expect(err.code).toBe('DOCX_DAMAGED');
    expect(describeInputError(err, 'zh-CN')).toBe(
      'draft.docx 已损坏：其中的 word/document.xml 不是有效的 XML，无法读取。请在 Word 或 WPS 中打开并另存后重试。',
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('zip bombs: a document stating more than the cap, one lying about its size, one compressed beyond the ratio', async () => {
    const honest = await refusal(buildZip([{ name: 'word/document.xml', data: new Uint8Array(31 * MB) }]));
    expect(honest.code).toBe('DOCX_UNPACKED_TOO_LARGE');
    expect(honest.params).toMatchObject({ part: 'word/document.xml', size: 31 * MB, limit: 30 * MB });
    expect(describeInputError(honest, 'zh-CN')).toContain(
      'draft.docx 中的部件 word/document.xml 解压后有 31 MB，超过 .docx 文档解压后的上限 30 MB',
    );
    // States 1,000 bytes, inflates to 40 MB: stopped at the cap, not read to the end.
    const liar = await refusal(
      buildZip([{ name: 'word/document.xml', data: new Uint8Array(40 * MB), statedSize: 1000 }]),
    );
    expect(liar.code).toBe('DOCX_UNPACKED_TOO_LARGE');
    expect(liar.params).toMatchObject({ part: 'word/document.xml', limit: 30 * MB });
    // 2 MB of one repeated paragraph: under the cap, but 100 times smaller packed than unpacked.
    const repeated = documentXml('<w:p/>'.repeat((2 * MB) / 6));
    const ratio = await refusal(buildZip([{ name: 'word/document.xml', data: encode(repeated) }]));
    expect(ratio.code).toBe('DOCX_UNPACKED_TOO_LARGE');
    expect(Number(ratio.params.limit)).toBeLessThan(2 * MB);
    // Pictures stating more than the unpacked limit: refused before anything is unpacked.
    const pictures = await refusal(
      buildZip([
        { name: 'word/document.xml', data: encode(documentXml('')) },
        { name: 'word/media/image1.png', data: new Uint8Array(10), statedSize: 101 * MB },
      ]),
    );
    expect(pictures.code).toBe('DOCX_UNPACKED_TOO_LARGE');
    expect(pictures.params.part).toBeUndefined();
  });

  it('a part smaller than it states, a file over the size limit, too many parts', async () => {
    const short = await refusal(
      buildZip([{ name: 'word/document.xml', data: encode(documentXml(para(run('x')))), statedSize: 5000 }]),
    );
    expect(short.params).toMatchObject({ problem: 'sizeMismatch', part: 'word/document.xml' });
    const big = await refusal(generated, { ...DOCX_LIMITS, fileBytes: 1000 });
    expect(big.code).toBe('FILE_TOO_LARGE');
    expect(big.params).toMatchObject({ limit: 1000, ext: '.docx' });
    const many = Array.from({ length: 2001 }, (_, i) => ({ name: `p${i}`, data: new Uint8Array(0), method: 0 }));
    expect((await refusal(buildZip(many))).code).toBe('DOCX_NOT_DOCX');
  });

  it.each([
    ['an encrypted part', { flags: 1 }, 'encrypted'],
    ['an unsupported compression method', { method: 12 }, 'method'],
  ])('a zip with %s: damaged, with the zip problem', async (_label, spec, problem) => {
    const err = await refusal(buildZip([{ name: 'word/document.xml', data: encode(documentXml('')), ...spec }]));
    expect(err.code).toBe('DOCX_ZIP_DAMAGED');
    expect(err.params).toMatchObject({ problem, part: 'word/document.xml' });
  });

  it('damaged compressed data of the document', async () => {
    const bytes = buildZip([{ name: 'word/document.xml', data: encode(documentXml(para(run('数据')).repeat(200))) }]);
    // Inside the deflated data of the only part (its local header is 30 + 17 bytes).
    for (let i = 60; i < 90; i++) bytes[i] ^= 0x5a;
    const err = await refusal(bytes);
    expect(err.code).toBe('DOCX_ZIP_DAMAGED');
    expect(err.params.problem).toMatch(/inflate|sizeMismatch/);
  });
});

describe('mutated bytes: a SourceDocument or a DOCX_* refusal, never anything else, never a hang', () => {
  const CODES = new Set([
    'DOCX_NOT_DOCX',
    'DOCX_LEGACY_OR_ENCRYPTED',
    'DOCX_ZIP_DAMAGED',
    'DOCX_UNPACKED_TOO_LARGE',
    'DOCX_DAMAGED',
  ]);
  let generated: Uint8Array;
  let xml: string;
  beforeAll(async () => {
    generated = (await reportDocument(busyReport(), GENERATED)).bytes;
    xml = await (await JSZip.loadAsync(generated)).file('word/document.xml')!.async('string');
  });

  async function readsOrRefuses(bytes: Uint8Array): Promise<void> {
    try {
      const source = await docxSource(bytes, 'fuzz.docx');
      expect(Array.isArray(source.blocks)).toBe(true);
      importSource(source);
    } catch (err) {
      if (!(err instanceof ReportInputError) || !CODES.has(err.code)) throw err;
    }
  }

  it('bytes of the file flipped, cut or repeated', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (flips, cut) => {
          const bytes = generated.slice(0, cut === undefined ? undefined : cut % generated.length);
          for (const [at, value] of flips) bytes[at % Math.max(1, bytes.length)] = value;
          await readsOrRefuses(bytes);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the document’s XML cut, spliced and sprinkled with markup', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.nat({ max: 400 }),
            fc.constantFrom(
              '',
              '<',
              '>',
              '&',
              '"',
              '</w:tc>',
              '<w:tr>',
              '<w:vMerge/>',
              '<w:gridSpan w:val="99999"/>',
              '<w:sdt>',
            ),
          ),
          { minLength: 1, maxLength: 5 },
        ),
        async (edits) => {
          let text = xml;
          for (const [at, length, insert] of edits) {
            const start = at % text.length;
            text = text.slice(0, start) + insert + text.slice(start + length);
          }
          await readsOrRefuses(await packageOf(text));
        },
      ),
      { numRuns: 60 },
    );
  });
});
