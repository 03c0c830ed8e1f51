// 从工作簿生成 on the fake Word host: what the user sees in the document afterwards — the headings in
// Word's heading styles, the 公文 fonts, every figure in a tagged control showing its value, every prompt
// showing its placeholder, the three tables with their merges — and what a smaller API level gives
// instead, in two syncs whatever the size of the report.
import {
  buildOutline,
  figureRunsOf,
  outlineSignature,
  PROMPT_PREFIX,
  type Outline,
  type TableBlock,
} from '../../src/outline';
import { planWordApi } from '../../src/word/api-support';
import { placeCells } from '../../src/word/grid';
import { renderOutline } from '../../src/word/render';
import {
  controlsOf,
  documentText,
  paragraphsOf,
  runWord,
  signatureOf,
  supportsFor,
  tablesOf,
  userTypesOver,
  type CellView,
  type FakeWord,
} from '../support/fake-word';
import { createWord, fixture, inputOf, portFor, seed } from './support';

const tablesIn = (outline: Outline): TableBlock[] => outline.blocks.filter((b): b is TableBlock => b.kind === 'table');

/** The spans of a table as the outline gives them, row by row (what the Word table must show). */
const outlineSpans = (table: TableBlock): string[][] =>
  table.rows.map((_, r) =>
    placeCells(table)
      .filter((p) => p.row === r)
      .map((p) => `${p.colSpan}x${p.rowSpan}`),
  );
const wordSpans = (table: CellView[][]): string[][] => table.map((row) => row.map((c) => `${c.colSpan}x${c.rowSpan}`));

async function generate(word: FakeWord, outline: Outline): ReturnType<typeof renderOutline> {
  const supports = supportsFor(word);
  const plan = planWordApi((set, version) => supports(set, version));
  return runWord(word, (context) => renderOutline(context as unknown as Word.RequestContext, outline, { plan }));
}

describe('generating into an empty document (WordApi 1.4 and later)', () => {
  const input = inputOf(seed());
  let word: FakeWord;
  let result: Awaited<ReturnType<typeof renderOutline>>;
  beforeAll(async () => {
    word = createWord();
    result = await portFor(word).generate(input);
  });

  it('writes the document the outline describes, line for line (the parity the .docx writer is held to)', () => {
    expect(signatureOf(word)).toEqual(outlineSignature(input.outline));
  });

  it('leaves no blank paragraph between or after the blocks (not even the one Word keeps after a table)', () => {
    const blank = paragraphsOf(word).filter((p) => !p.inTable && p.text === '');
    expect(blank).toEqual([]);
  });

  it('takes the place of the empty paragraph: the title is the first line, nothing blank before it', () => {
    expect(result.replacedEmpty).toBe(true);
    expect(documentText(word).split('\n')[0]).toBe('河东区行政审批服务局2022年政府信息公开工作年度报告');
    expect(word.doc.properties.title).toBe(input.outline.title);
  });

  it('puts every figure in a control tagged with what it shows, titled with its labels, showing its value', () => {
    const runs = figureRunsOf(input.outline);
    const figures = controlsOf(word).filter((c) => !c.tag.startsWith(PROMPT_PREFIX));
    expect(figures.map((c) => [c.tag, c.title, c.text])).toEqual(runs.map((r) => [r.tag, r.alias, r.text]));
    expect(result.figures).toBe(runs.length);
    expect(figures.every((c) => c.appearance === 'BoundingBox' && !c.showingPlaceholder && !c.cannotEdit)).toBe(true);
    // Plain-text controls, as the .docx writer makes them (WordApi 1.5); prompts are rich text.
    expect(
      new Set(controlsOf(word).map((c) => `${c.tag.startsWith(PROMPT_PREFIX) ? 'prompt' : 'figure'} ${c.type}`)),
    ).toEqual(new Set(['figure PlainText', 'prompt RichText']));
    // The license decisions read 90025 in the sentence and in 表二.
    expect(controlsOf(word, 'nianbao:s2.license.decisions').map((c) => [c.text, c.inTable])).toEqual([
      ['90025', false],
      ['90025', true],
    ]);
  });

  it('leaves every prompt empty, showing its placeholder, for the agency to type over', () => {
    const prompts = controlsOf(word).filter((c) => c.tag.startsWith(PROMPT_PREFIX));
    expect(prompts.length).toBe(result.prompts);
    expect(prompts.length).toBeGreaterThan(5);
    for (const p of prompts) {
      expect(p.showingPlaceholder).toBe(true);
      expect(p.text).toBe(p.placeholderText);
      expect(p.placeholderText).not.toBe('');
    }
    userTypesOver(word, prompts[0].tag, '本机关通过门户网站主动公开。');
    const typed = controlsOf(word, prompts[0].tag)[0];
    expect([typed.text, typed.showingPlaceholder]).toEqual(['本机关通过门户网站主动公开。', false]);
  });

  it('gives the six parts Heading 1 in 黑体 and their items Heading 2 in 楷体, black, indented two characters', () => {
    const paragraphs = paragraphsOf(word).filter((p) => !p.inTable);
    const h1 = paragraphs.filter((p) => p.styleBuiltIn === 'Heading1');
    const h2 = paragraphs.filter((p) => p.styleBuiltIn === 'Heading2');
    expect(h1.map((p) => p.text)).toEqual(
      input.outline.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [b.text] : [])),
    );
    expect(h1[0].text).toBe('一、总体情况');
    expect(h2[0].text).toBe('（一）主动公开');
    for (const p of h1)
      expect([p.font.name, p.font.size, p.font.color, p.firstLineIndent]).toEqual(['黑体', 16, '#000000', 32]);
    for (const p of h2) expect([p.font.name, p.font.size, p.font.color]).toEqual(['楷体', 16, '#000000']);
  });

  it('centres the title in 二号小标宋, sets the body in 三号仿宋 indented two characters, and right-aligns the closing', () => {
    const paragraphs = paragraphsOf(word).filter((p) => !p.inTable && p.text !== '');
    const [title, opening] = paragraphs;
    expect([title.alignment, title.font.name, title.font.size, title.styleBuiltIn]).toEqual([
      'Centered',
      '方正小标宋简体',
      22,
      'Normal',
    ]);
    expect([opening.alignment, opening.font.name, opening.font.size, opening.firstLineIndent]).toEqual([
      'Justified',
      '仿宋',
      16,
      32,
    ]);
    const closing = paragraphs.slice(-2);
    expect(closing[0].text).toBe('河东区行政审批服务局');
    for (const p of closing) expect([p.alignment, p.firstLineIndent, p.font.name]).toEqual(['Right', 0, '仿宋']);
  });

  it('builds the three tables with the merged cells of the official format, headers bold, figures linked', () => {
    const outlineTables = tablesIn(input.outline);
    const tables = tablesOf(word);
    expect(tables).toHaveLength(3);
    tables.forEach((table, i) => expect(wordSpans(table)).toEqual(outlineSpans(outlineTables[i])));
    const s3 = tables[1];
    expect(s3[0][0]).toMatchObject({ colSpan: 3, rowSpan: 3, bold: true });
    expect(s3[0][1]).toMatchObject({ text: '申请人情况', colSpan: 7, rowSpan: 1, bold: true });
    const newRow = s3.find((row) => row[0].text.startsWith('一、本年新收'));
    expect(newRow?.map((c) => c.tags[0] ?? c.text)).toEqual([
      '一、本年新收政府信息公开申请数量',
      'nianbao:s3.new.natural',
      'nianbao:s3.new.business',
      'nianbao:s3.new.research',
      'nianbao:s3.new.nonprofit',
      'nianbao:s3.new.legal',
      'nianbao:s3.new.otherOrg',
      'nianbao:s3.new.total',
    ]);
    expect(newRow?.[1].bold).toBe(false);
  });

  it("fills the width of the text block with the outline's relative column widths", () => {
    const s2 = tablesOf(word)[0];
    const row = s2.find((r) => r.length === 4 && r[1].tags.length > 0);
    const widths = row?.map((c) => c.columnWidth ?? 0) ?? [];
    expect(widths[0]).toBeCloseTo(2 * widths[1], 0);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(442.2, 0);
  });

  it('makes two syncs, and stores the snapshot in the custom XML part', () => {
    expect(result.syncs).toBe(2);
    expect(word.host.syncs).toBe(2);
    expect(result.degraded).toEqual([]);
    expect(result.snapshot).toEqual({ customXml: true, settings: false });
    expect(word.doc.savedSettings.size).toBe(0);
  });
});

describe('generating into a document the user has started', () => {
  it("appends after the user's text and leaves it as it was", async () => {
    const word = createWord({ paragraphs: ['关于印发年报的说明', '', '（正文待补）'], title: '我的草稿' });
    const result = await portFor(word).generate(inputOf(seed()));
    expect(result.replacedEmpty).toBe(false);
    expect(documentText(word).split('\n').slice(0, 4)).toEqual([
      '关于印发年报的说明',
      '',
      '（正文待补）',
      '河东区行政审批服务局2022年政府信息公开工作年度报告',
    ]);
    expect(word.doc.properties.title).toBe('我的草稿');
  });

  it('writes nothing into a document that is already linked, unless asked again with force', async () => {
    const word = createWord();
    const port = portFor(word);
    await port.generate(inputOf(seed()));
    const before = documentText(word);
    word.host.syncs = 0;
    const again = await port.generate(inputOf(seed()));
    expect(again).toMatchObject({ outcome: 'alreadyLinked', figures: 0, syncs: 1 });
    expect(again.linkedBefore).toBe(controlsOf(word).filter((c) => !c.tag.startsWith(PROMPT_PREFIX)).length);
    expect(documentText(word)).toBe(before);
    const forced = await port.generate(inputOf(seed()), { force: true });
    expect(forced.outcome).toBe('generated');
    expect(documentText(word).startsWith(before)).toBe(true);
    expect(documentText(word).length).toBeGreaterThan(2 * before.length - 10);
  });

  it('makes the same two syncs for a report three times as long', async () => {
    const outline = buildOutline(seed());
    const long: Outline = { ...outline, blocks: [...outline.blocks, ...outline.blocks, ...outline.blocks] };
    const word = createWord();
    const result = await generate(word, long);
    expect(result.syncs).toBe(2);
    expect(result.tables).toBe(9);
    expect(controlsOf(word)).toHaveLength(3 * controlsOf(await generatedOnce()).length);
  });

  it('renders the 2019 format the outline gives, line for line', async () => {
    const input = inputOf(fixture('xlsx-valid-2019.json'));
    const word = createWord();
    await portFor(word).generate(input);
    expect(signatureOf(word)).toEqual(outlineSignature(input.outline));
  });
});

async function generatedOnce(): Promise<FakeWord> {
  const word = createWord();
  await generate(word, buildOutline(seed()));
  return word;
}

describe('Office 2019 and 2021 (WordApi 1.3): no merged cells, snapshot in the settings', () => {
  const input = inputOf(seed());
  let word: FakeWord;
  let result: Awaited<ReturnType<typeof renderOutline>>;
  beforeAll(async () => {
    word = createWord({ wordApi: '1.3' });
    result = await portFor(word).generate(input);
  });

  it('says what it did without', () => {
    expect(result.degraded).toEqual(['mergedCells', 'customXml']);
    expect(result.syncs).toBe(2);
    expect(result.snapshot).toEqual({ customXml: false, settings: true });
    expect(word.doc.customXmlParts).toEqual([]);
  });

  it('makes the figures rich-text controls (the plain-text type needs WordApi 1.5)', () => {
    expect(new Set(controlsOf(word).map((c) => c.type))).toEqual(new Set(['RichText']));
  });

  it('keeps the headings in their built-in styles', () => {
    expect(
      paragraphsOf(word)
        .filter((p) => p.styleBuiltIn === 'Heading1')
        .map((p) => p.text)[0],
    ).toBe('一、总体情况');
  });

  it('writes every cell of the grid, a merged label in its top-left cell and the cells it covers empty', () => {
    const s3 = tablesOf(word)[1];
    const outlineS3 = tablesIn(input.outline)[1];
    expect(
      s3.every((row) => row.length === outlineS3.columns && row.every((c) => c.colSpan === 1 && c.rowSpan === 1)),
    ).toBe(true);
    expect(s3[0].slice(0, 4).map((c) => c.text)).toEqual([outlineS3.rows[0][0].text, '', '', '申请人情况']);
    expect(s3[1].slice(0, 3).map((c) => c.text)).toEqual(['', '', '']);
    // Every figure is still in its cell and linked.
    const figures = outlineS3.rows.flatMap((row) => row.flatMap((c) => (c.figure ? [c.figure.tag] : [])));
    expect(s3.flatMap((row) => row.flatMap((c) => c.tags))).toEqual(figures);
  });
});

describe('Office 2016 (WordApi 1.1): no styles, no tables, still a usable linked document', () => {
  const input = inputOf(seed());
  let word: FakeWord;
  let result: Awaited<ReturnType<typeof renderOutline>>;
  beforeAll(async () => {
    word = createWord({ wordApi: '1.1' });
    result = await portFor(word).generate(input);
  });

  it('says what it did without, in two syncs, and asks no API above 1.1', () => {
    expect(result.degraded).toEqual(['builtInStyles', 'tables', 'customXml']);
    expect(result.syncs).toBe(2);
    expect(result.snapshot).toEqual({ customXml: false, settings: true });
  });

  it('formats the headings by font alone: 黑体 and 楷体, in the Normal style', () => {
    const h1 = paragraphsOf(word).find((p) => p.text === '一、总体情况');
    const h2 = paragraphsOf(word).find((p) => p.text === '（一）主动公开');
    expect([h1?.styleBuiltIn, h1?.font.name, h1?.font.size]).toEqual(['Normal', '黑体', 16]);
    expect([h2?.styleBuiltIn, h2?.font.name]).toEqual(['Normal', '楷体']);
  });

  it('writes each table row as a paragraph of tab-separated cells that 文字转换成表格 turns into the grid', () => {
    expect(tablesOf(word)).toEqual([]);
    const lines = documentText(word).split('\n');
    const s4 = tablesIn(input.outline)[2];
    const header = lines.find((l) => l.startsWith('行政复议'));
    expect(header?.split('\t')).toHaveLength(s4.columns);
    expect(header?.split('\t').slice(0, 6)).toEqual(['行政复议', '', '', '', '', '行政诉讼']);
    const rowTexts = lines.filter((l) => l.split('\t').length === s4.columns);
    expect(rowTexts).toHaveLength(s4.rows.length);
  });

  it('links every figure all the same, tables included', () => {
    const figures = controlsOf(word).filter((c) => !c.tag.startsWith(PROMPT_PREFIX));
    expect(figures.map((c) => [c.tag, c.text])).toEqual(figureRunsOf(input.outline).map((f) => [f.tag, f.text]));
  });
});
