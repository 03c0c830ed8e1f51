// The fake Word host itself, held to what Office documents (learn.microsoft.com/javascript/api/word, the
// `[Api set: WordApi x.y]` remarks in @types/office-js) and to ../shared/design/OFFICE-FACTS.md: calls
// queued until a sync, load before read, requirement sets, text that takes its neighbour's formatting,
// content controls and their locks, tables and Word's merge model, custom XML parts, settings, and the
// drivers and readers the Word tests use.
import {
  controlsOf,
  createFakeWord,
  documentText,
  FakeWordError,
  fakeWordGlobals,
  paragraphsOf,
  reopenIn,
  runWord,
  signatureOf,
  tablesOf,
  userAddsParagraph,
  userDeletesControl,
  userFormatsControl,
  userTypesOver,
  userTypesProse,
  UserActionRefused,
  type FakeWord,
  type FakeWordContext,
} from './fake-word';

/** A ClientResult's value (read through a function, as the add-in lint cannot follow the sync before it). */
const valueOf = <T>(result: { readonly value: T }): T => result.value;

async function rejection(promise: Promise<unknown>): Promise<FakeWordError> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as FakeWordError,
  );
}

/** A paragraph "本年新收申请 [3] 件" with the figure in a control tagged t, at the end of the body. */
async function withFigure(word: FakeWord, ctx: FakeWordContext = word.context()): Promise<void> {
  const p = ctx.document.body.insertParagraph('本年新收申请', 'End');
  const figure = p.insertText('3', 'End');
  p.insertText('件', 'End');
  const control = figure.insertContentControl();
  control.tag = 't';
  control.title = '新收申请';
  await ctx.sync();
}

describe('batches', () => {
  it('queues every call until the sync, and counts syncs of every context', async () => {
    const word = createFakeWord();
    const ctx = word.context();
    ctx.document.body.insertParagraph('一', 'End');
    expect(ctx.pending).toBe(1);
    expect(documentText(word)).toBe('');
    await ctx.sync();
    expect(documentText(word)).toBe('\n一');
    await word.context().sync();
    expect([ctx.pending, word.host.syncs, ctx.syncCount]).toEqual([0, 2, 2]);
  });

  it('takes the round-trip time for each sync', async () => {
    const word = createFakeWord({ roundTripMs: 30 });
    const started = Date.now();
    await word.context().sync();
    await word.context().sync();
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('rejects a sync at its first failing call: earlier calls stay, later ones are dropped', async () => {
    const word = createFakeWord();
    const ctx = word.context();
    ctx.document.body.insertParagraph('一', 'End');
    ctx.document.body.insertParagraph('二', 'Before');
    ctx.document.body.insertParagraph('三', 'End');
    const error = await rejection(ctx.sync());
    expect(error).toMatchObject({ name: 'RichApi.Error', code: 'InvalidArgument' });
    expect(documentText(word)).toBe('\n一');
    expect(ctx.pending).toBe(0);
  });

  it('runs Word.run batches on new contexts of the same document, and answers isSetSupported', async () => {
    const word = createFakeWord({ wordApi: '1.3' });
    const globals = fakeWordGlobals(word);
    await globals.Word.run(async (context) => {
      (context as FakeWordContext).document.body.insertParagraph('经 Word.run', 'End');
      await (context as FakeWordContext).sync();
    });
    expect(documentText(word)).toContain('经 Word.run');
    const supported = globals.Office.context.requirements.isSetSupported;
    expect([
      supported('WordApi', '1.1'),
      supported('WordApi', '1.3'),
      supported('WordApi', '1.4'),
      supported('ExcelApi', '1.1'),
    ]).toEqual([true, true, false, false]);
    expect(supported('WordApi')).toBe(true);
  });
});

describe('load before read', () => {
  it("throws Office's PropertyNotLoaded before a load and a sync, and holds the value of that sync", async () => {
    const word = createFakeWord({ paragraphs: ['甲'] });
    const ctx = word.context();
    const paragraphs = ctx.document.body.paragraphs;
    expect(() => paragraphs.items).toThrow(/The property 'items' is not available/);
    paragraphs.load('items/text');
    expect(() => paragraphs.items).toThrow(FakeWordError);
    await ctx.sync();
    const [first] = paragraphs.items;
    expect(first.text).toBe('甲');
    expect(() => first.alignment).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    userTypesProse(word, 0, '乙');
    expect(first.text).toBe('甲');
  });

  it('loads every property the level has with load(), and refuses a property there is not', async () => {
    const word = createFakeWord({ wordApi: '1.1' });
    const ctx = word.context();
    const paragraphs = ctx.document.body.paragraphs.load('items/text');
    await ctx.sync();
    const item = paragraphs.items[0];
    item.load();
    await ctx.sync();
    expect(item.alignment).toBe('Left');
    expect(() => item.styleBuiltIn).toThrow(/not available/);
    ctx.document.body.load('colour');
    expect(await rejection(ctx.sync())).toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('requirement sets', () => {
  it.each([
    [
      'styleBuiltIn',
      '1.1',
      (ctx: FakeWordContext) => (ctx.document.body.insertParagraph('x', 'End').styleBuiltIn = 'Heading1'),
    ],
    ['insertTable', '1.1', (ctx: FakeWordContext) => ctx.document.body.insertTable(1, 1, 'End', [['x']])],
    ['paragraphs.getFirst', '1.1', (ctx: FakeWordContext) => ctx.document.body.paragraphs.getFirst().load('text')],
    ['customXmlParts', '1.3', (ctx: FakeWordContext) => ctx.document.customXmlParts.add('<a xmlns="urn:a"/>')],
    ['document.properties', '1.1', (ctx: FakeWordContext) => ctx.document.properties.load('title')],
    [
      'a content control type',
      '1.4',
      (ctx: FakeWordContext) =>
        ctx.document.body.insertParagraph('', 'End').insertText('3', 'End').insertContentControl('PlainText'),
    ],
  ])('refuses %s at the sync on WordApi %s with ApiNotFound', async (_, wordApi, call) => {
    const word = createFakeWord({ wordApi });
    const ctx = word.context();
    call(ctx);
    const error = await rejection(ctx.sync());
    expect(error.code).toBe('ApiNotFound');
    expect(error.message).toContain('It may be available in a newer version of Word.');
    expect(error.message).toContain(`this host has ${wordApi}`);
  });

  it('refuses Table.mergeCells below WordApi 1.4, and has it from 1.4', async () => {
    for (const [wordApi, ok] of [
      ['1.3', false],
      ['1.4', true],
    ] as const) {
      const word = createFakeWord({ wordApi });
      const ctx = word.context();
      ctx.document.body
        .insertTable(2, 2, 'End', [
          ['a', ''],
          ['b', 'c'],
        ])
        .mergeCells(0, 0, 0, 1);
      if (ok) await ctx.sync();
      else expect((await rejection(ctx.sync())).code).toBe('ApiNotFound');
    }
  });
});

describe('paragraphs and text', () => {
  it('gives a new paragraph the style, alignment and indents of the one it was inserted beside', async () => {
    const word = createFakeWord();
    const ctx = word.context();
    const heading = ctx.document.body.insertParagraph('一、总体情况', 'End');
    heading.styleBuiltIn = 'Heading1';
    heading.firstLineIndent = 32;
    heading.insertParagraph('正文', 'After');
    await ctx.sync();
    expect(paragraphsOf(word).map((p) => [p.text, p.styleBuiltIn, p.firstLineIndent])).toEqual([
      ['', 'Normal', 0],
      ['一、总体情况', 'Heading1', 32],
      ['正文', 'Heading1', 32],
    ]);
  });

  it('gives inserted text the formatting of the character before it, and Replace that of the first replaced', async () => {
    const word = createFakeWord();
    const ctx = word.context();
    const p = ctx.document.body.insertParagraph('甲', 'End');
    p.font.name = '仿宋';
    const bold = p.insertText('乙', 'End');
    bold.font.bold = true;
    p.insertText('丙', 'End');
    await ctx.sync();
    expect(word.doc.body.blocks[1]).toMatchObject({
      inlines: [
        { text: '甲', format: { name: '仿宋' } },
        { text: '乙', format: { name: '仿宋', bold: true } },
        { text: '丙', format: { name: '仿宋', bold: true } },
      ],
    });
    const again = word.context();
    again.document.body.paragraphs.getFirst().insertText('首', 'Replace');
    await again.sync();
    expect(paragraphsOf(word)[0].text).toBe('首');
  });

  it('reads a font property the characters do not share as null', async () => {
    const word = createFakeWord();
    const ctx = word.context();
    const p = ctx.document.body.insertParagraph('甲', 'End');
    p.insertText('乙', 'End').font.bold = true;
    p.font.load('bold,name');
    await ctx.sync();
    expect([p.font.bold, p.font.name]).toEqual([null, null]);
  });

  it('keeps the last paragraph of the body: deleting it clears it', async () => {
    const word = createFakeWord({ paragraphs: ['甲', '乙'] });
    const ctx = word.context();
    ctx.document.body.paragraphs.getFirst().delete();
    ctx.document.body.paragraphs.getLast().delete();
    await ctx.sync();
    expect(word.doc.body.blocks).toHaveLength(1);
    expect(documentText(word)).toBe('');
  });

  it('refuses a paragraph break inside inserted text, which it does not model', async () => {
    const ctx = createFakeWord().context();
    ctx.document.body.insertParagraph('一\n二', 'End');
    expect((await rejection(ctx.sync())).code).toBe('NotImplemented');
  });
});

describe('content controls', () => {
  it('wraps a range: tag, title, appearance, found by tag, its text read after a load', async () => {
    const word = createFakeWord();
    await withFigure(word);
    const ctx = word.context();
    const found = ctx.document.contentControls.getByTag('t').load('items/text,items/title,items/appearance,items/tag');
    const none = ctx.document.body.contentControls.getByTag('T').load('items');
    await ctx.sync();
    expect(found.items.map((c) => [c.tag, c.title, c.text, c.appearance])).toEqual([
      ['t', '新收申请', '3', 'BoundingBox'],
    ]);
    expect(none.items).toEqual([]);
    expect(paragraphsOf(word)[1].text).toBe('本年新收申请3件');
  });

  it("replaces a control's text keeping its formatting, and nothing around it", async () => {
    const word = createFakeWord();
    await withFigure(word);
    userFormatsControl(word, 't', { bold: true, color: '#C00000' });
    const ctx = word.context();
    const items = ctx.document.contentControls.load('items');
    await ctx.sync();
    items.items[0].insertText('30', 'Replace');
    await ctx.sync();
    expect(controlsOf(word, 't')[0]).toMatchObject({ text: '30', format: { bold: true, color: '#C00000' } });
    expect(paragraphsOf(word)[1].text).toBe('本年新收申请30件');
    expect(word.doc.ops.at(-1)).toEqual({ op: 'contentControl.insertText', tag: 't' });
  });

  it('shows the placeholder of an empty control until text is typed into it', async () => {
    const word = createFakeWord();
    const ctx = word.context();
    const prompt = ctx.document.body.insertParagraph('', 'End').insertText('（请填写）', 'End').insertContentControl();
    prompt.tag = 'p';
    prompt.placeholderText = '（请填写）';
    prompt.clear();
    prompt.load('text');
    await ctx.sync();
    expect(prompt.text).toBe('（请填写）');
    expect(controlsOf(word, 'p')[0]).toMatchObject({ showingPlaceholder: true, text: '（请填写）' });
    userTypesOver(word, 'p', '本机关网站');
    expect(controlsOf(word, 'p')[0]).toMatchObject({ showingPlaceholder: false, text: '本机关网站' });
  });

  it('deletes a control with or without its text', async () => {
    const word = createFakeWord();
    await withFigure(word);
    await withFigure(word);
    const ctx = word.context();
    const items = ctx.document.contentControls.load('items');
    await ctx.sync();
    items.items[0].delete(true);
    items.items[1].delete(false);
    await ctx.sync();
    expect(controlsOf(word)).toEqual([]);
    expect(documentText(word)).toBe('\n本年新收申请3件\n本年新收申请件');
  });

  it('refuses to edit a cannotEdit control and to delete a cannotDelete one, from the add-in and from the user', async () => {
    const word = createFakeWord();
    await withFigure(word);
    const ctx = word.context();
    const items = ctx.document.contentControls.load('items');
    await ctx.sync();
    items.items[0].cannotEdit = true;
    items.items[0].cannotDelete = true;
    await ctx.sync();
    items.items[0].insertText('4', 'Replace');
    expect((await rejection(ctx.sync())).code).toBe('AccessDenied');
    items.items[0].delete(false);
    expect((await rejection(ctx.sync())).code).toBe('AccessDenied');
    expect(() => userTypesOver(word, 't', '4')).toThrow(UserActionRefused);
    expect(() => userDeletesControl(word, 't')).toThrow(UserActionRefused);
    expect(controlsOf(word, 't')[0].text).toBe('3');
  });

  it('binds an object to the document where the batch reaches the call that made it', async () => {
    const word = createFakeWord();
    await withFigure(word);
    const ctx = word.context();
    const before = ctx.document.contentControls.getByTag('t').load('items');
    const p = ctx.document.body.insertParagraph('', 'End');
    const second = p.insertText('5', 'End').insertContentControl();
    second.tag = 't';
    const after = ctx.document.contentControls.getByTag('t').load('items');
    await ctx.sync();
    expect([before.items.length, after.items.length]).toEqual([1, 2]);
  });
});

describe('tables', () => {
  async function grid(word: FakeWord, rows: number, columns: number): Promise<FakeWordContext> {
    const ctx = word.context();
    const values = Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => `${r}${c}`));
    ctx.document.body.insertTable(rows, columns, 'End', values);
    await ctx.sync();
    return ctx;
  }

  it('inserts a table with its values, an empty paragraph after it when it is last, and refuses values of another size', async () => {
    const word = createFakeWord();
    await grid(word, 2, 3);
    expect(tablesOf(word)[0].map((row) => row.map((c) => c.text))).toEqual([
      ['00', '01', '02'],
      ['10', '11', '12'],
    ]);
    expect(word.doc.body.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    const ctx = word.context();
    ctx.document.body.insertTable(2, 2, 'End', [['a', 'b']]);
    expect((await rejection(ctx.sync())).code).toBe('InvalidArgument');
  });

  it('merges across and down as Word does, counting cells in their row, keeping the texts of the cells merged', async () => {
    const word = createFakeWord();
    const ctx = await grid(word, 3, 4);
    const table = ctx.document.body.tables.getFirst();
    table.mergeCells(0, 2, 0, 3);
    table.mergeCells(1, 0, 2, 1);
    const cell = table.getCell(0, 2).load('value,cellIndex');
    await ctx.sync();
    expect(cell.value).toBe('02\r03');
    expect(tablesOf(word)[0].map((row) => row.map((c) => `${c.text}:${c.colSpan}x${c.rowSpan}`))).toEqual([
      ['00:1x1', '01:1x1', '02\r03:2x1'],
      ['10\r11\r20\r21:2x2', '12:1x1', '13:1x1'],
      ['22:1x1', '23:1x1'],
    ]);
    // After a merge across, the cells after it have moved down one index.
    const moved = table.getCell(0, 2).load('cellIndex');
    const rows = table.rows.load('items/cellCount');
    await ctx.sync();
    expect(moved.cellIndex).toBe(2);
    expect(rows.items.map((r) => r.cellCount)).toEqual([3, 3, 3]);
  });

  it('refuses a merge that is not a rectangle or cuts through another merge', async () => {
    const word = createFakeWord();
    const ctx = await grid(word, 3, 3);
    const table = ctx.document.body.tables.getFirst();
    table.mergeCells(0, 0, 1, 0);
    await ctx.sync();
    table.mergeCells(1, 0, 2, 0);
    expect((await rejection(ctx.sync())).message).toContain('cut through a vertical merge');
    table.mergeCells(0, 1, 0, 2);
    await ctx.sync();
    table.mergeCells(0, 1, 1, 1);
    expect((await rejection(ctx.sync())).message).toContain('must form a rectangle');
  });
});

describe('custom XML parts (WordApi 1.4)', () => {
  it('adds, finds by namespace, reads, replaces and deletes parts, and refuses XML that is not well-formed', async () => {
    const word = createFakeWord();
    const ctx = word.context();
    ctx.document.customXmlParts.add('<a xmlns="urn:a">1</a>');
    ctx.document.customXmlParts.add('<b xmlns="urn:b"/>');
    const scoped = ctx.document.customXmlParts.getByNamespace('urn:a').load('items/id');
    await ctx.sync();
    expect(scoped.items).toHaveLength(1);
    const content = scoped.items[0].getXml();
    expect(() => valueOf(content)).toThrow(/has not been loaded yet/);
    await ctx.sync();
    expect(valueOf(content)).toBe('<a xmlns="urn:a">1</a>');
    scoped.items[0].setXml('<a xmlns="urn:a">2</a>');
    await ctx.sync();
    expect(word.doc.customXmlParts[0].xml).toBe('<a xmlns="urn:a">2</a>');
    scoped.items[0].delete();
    await ctx.sync();
    expect(word.doc.customXmlParts.map((p) => p.namespaceUri)).toEqual(['urn:b']);
    ctx.document.customXmlParts.add('<a xmlns="urn:a">');
    expect((await rejection(ctx.sync())).code).toBe('InvalidArgument');
  });
});

describe('document settings (the common API)', () => {
  it('keep set values in memory; only saveAsync puts them in the document that a reopened Word reads', async () => {
    const word = createFakeWord();
    const settings = word.host.settings;
    settings.set('k', '一');
    expect(settings.get('k')).toBe('一');
    word.reopen();
    expect(settings.get('k')).toBeNull();
    settings.set('k', '二');
    const status = await new Promise((resolve) => settings.saveAsync((r) => resolve(r.status)));
    expect(status).toBe('succeeded');
    expect(reopenIn(word, { wordApi: '1.1' }).host.settings.get('k')).toBe('二');
    settings.failSaves = true;
    settings.set('k', '三');
    const failed = await new Promise<{ status: string }>((resolve) => settings.saveAsync((r) => resolve(r)));
    expect(failed.status).toBe('failed');
    expect(reopenIn(word).host.settings.get('k')).toBe('二');
  });
});

describe('what the user does and sees', () => {
  it('types prose around controls and new paragraphs, outside every control', async () => {
    const word = createFakeWord();
    await withFigure(word);
    userTypesProse(word, 1, '（含转办）', { after: 't' });
    userTypesProse(word, 1, '全年', { before: 't' });
    userAddsParagraph(word, '补充说明。');
    expect(documentText(word).split('\n')).toEqual(['', '本年新收申请全年3（含转办）件', '补充说明。']);
    expect(controlsOf(word, 't')[0].text).toBe('3');
  });

  it('reads the document back as outline signature lines', async () => {
    const word = createFakeWord({ title: '某局2024年政府信息公开工作年度报告' });
    await runWord(word, async (ctx) => {
      const h = ctx.document.body.insertParagraph('一、总体情况', 'End');
      h.styleBuiltIn = 'Heading1';
      const p = h.insertParagraph('', 'After');
      p.styleBuiltIn = 'Normal';
      p.alignment = 'Justified';
      p.insertText('新收', 'End');
      const figure = p.insertText('3', 'End').insertContentControl();
      figure.tag = 'nianbao:s3.new.total';
      const closing = p.insertParagraph('某局', 'After');
      closing.alignment = 'Right';
      const table = closing.insertTable(2, 2, 'After', [
        ['表头', ''],
        ['', ''],
      ]);
      table.mergeCells(0, 0, 0, 1);
      table.getCell(1, 1).body.insertText('7', 'Start').insertContentControl().tag = 'nianbao:s4.x.y';
      await ctx.sync();
    });
    expect(signatureOf(word)).toEqual([
      'TITLE 某局2024年政府信息公开工作年度报告',
      'H1 一、总体情况',
      'P body 新收[nianbao:s3.new.total=3]',
      'P closing 某局',
      'T s4 grid 2',
      'T s4 r0c0 span2x1 "表头"',
      'T s4 r1c0 span1x1 ""',
      'T s4 r1c1 span1x1 [nianbao:s4.x.y=7]',
    ]);
  });
});
