// importText on each layout real texts come in, one fixture each under test/fixtures/import/, written
// by hand: the same consistent 2021 report (base-2021.expected.json) printed as PDF text flattened into
// tabs with broken and damaged labels, one cell per line, one cell per line each followed by an empty
// line with blanks, a Markdown pipe table with blanks, full-width digits and figures after spaces; a
// 2019 report; a text cut off inside 表三; a text without tables; junk.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIGURE_PHRASES, figureTargets, importText, type ImportResult } from '../../src/import';
import type { RawValue } from '../../src/report';

const DIR = path.join(__dirname, '../fixtures/import');
const read = (file: string): ImportResult => importText(readFileSync(path.join(DIR, file), 'utf8'), { file });
const expected = (file: string): Record<string, RawValue> =>
  (JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as { values: Record<string, RawValue> }).values;

const BASE = expected('base-2021.expected.json');
/** The base report with some cells printed empty. */
const withBlanks = (test: (key: string) => boolean): Record<string, RawValue> =>
  Object.fromEntries(Object.entries(BASE).map(([k, v]) => [k, test(k) ? null : v]));

const sections = (result: ImportResult): (number | undefined)[] =>
  (result.report.text?.headings ?? []).filter((h) => h.level === 1).map((h) => h.section);

describe.each([
  ['pdf-tabs.txt', BASE],
  ['cell-per-line.txt', BASE],
  ['fullwidth-spaces.txt', BASE],
  ['pipe-table.md', withBlanks((k) => k.startsWith('s2.regulation.') || k.startsWith('s3.other.unpaidFee.'))],
  [
    'spaced-blanks.txt',
    withBlanks(
      (k) => k.startsWith('s2.regulation.') || k.startsWith('s3.denied.') || k.startsWith('s4.litigationAfterReview.'),
    ),
  ],
])('%s', (file, values) => {
  const result = read(file);

  it('reads every cell exactly (a blank printed as an empty cell is null), with nothing to say', () => {
    expect(result.report.values).toEqual(values);
    expect(result.notFound).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('reads the profile, the 2021 format and the six parts', () => {
    expect(result.report.profile).toMatchObject({ agency: '某某县市场监督管理局', year: 2023, format: '2021' });
    expect(result.report.sourceFormat).toBe('2021');
    expect(sections(result)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('layout details', () => {
  it('PDF tabs: labels broken, cut short and OCR-damaged are matched; junk digits are no figures', () => {
    const result = read('pdf-tabs.txt');
    // 属於 (OCR) for 属于, 7. 属于行政执法案 cut short, 行政规范 / 性文件 and 行政事业性 / 收费 broken over lines.
    expect(result.report.values['s3.denied.secret.total']).toBe(0);
    expect(result.report.values['s3.denied.lawEnforcement.natural']).toBe(0);
    expect(result.report.values['s2.normative.valid']).toBe(12);
    expect(result.report.values['s2.fee.amount']).toBe(2.5);
    // （二）部分公开 broken over two lines, its figures on the second.
    expect(result.report.values['s3.partial.natural']).toBe(2);
    expect(result.report.text?.period).toBe('2023年1月1日起至2023年12月31日');
    expect(result.report.profile.published).toBe('2024-01-20');
  });

  it('PDF tabs: the prose figures, with the phrases TEXT-NUMBERS compares', () => {
    const figures = read('pdf-tabs.txt').report.text?.figures.map((f) => [f.phrase, f.value]);
    expect(figures).toEqual([
      ['收到', 26],
      ['予以公开', 12],
      ['部分公开', 2],
      ['不予公开', 2],
      ['无法提供', 7],
      ['不予处理', 1],
      ['其他处理', 2],
      ['上年结转', 2],
      ['结转下年度', 2],
      ['行政复议', 2],
      ['行政诉讼', 1],
    ]);
  });

  it('full-width digits, 1，234 and mixed brackets; headings with accepted variants', () => {
    const result = read('fullwidth-spaces.txt');
    expect(result.report.values['s2.license.decisions']).toBe(1234);
    expect(result.report.values['s3.new.total']).toBe(26);
    const headings = result.report.text?.headings.map((h) => h.text);
    expect(headings).toContain('四、因政府信息公开工作被申请行政复议、提起行政诉讼情况');
    expect(headings).toContain('五、政府信息公开工作存在的主要问题及改进情况');
    expect(result.report.text?.period).toBe('２０２３年１月１日至２０２３年１２月３１日');
  });

  it('Markdown pipes: 1,234 and the variants 四…和… / 五…改进措施', () => {
    const result = read('pipe-table.md');
    expect(result.report.values['s2.license.decisions']).toBe(1234);
    expect(result.report.text?.headings.map((h) => h.text)).toEqual(
      expect.arrayContaining(['四、政府信息公开行政复议和行政诉讼情况', '五、存在的主要问题及改进措施']),
    );
  });

  it('a 2019 report: its tables, negative 本年增/减, one （六）其他处理 row, decimals kept', () => {
    const result = read('report-2019.txt');
    expect(result.report.values).toEqual(expected('report-2019.expected.json'));
    expect(result.report.profile).toMatchObject({ year: 2020, format: '2019' });
    expect(result.report.sourceFormat).toBe('2019');
    expect(result.report.values['s2.license.change']).toBe(-3);
    expect(result.report.values['s2.procurement.amount']).toBe(125.6);
    expect(result.problems).toEqual([]);
  });

  it('a text cut off inside 表三 reads what is there and says the rest is cut off', () => {
    const result = read('truncated.txt');
    const base = Object.keys(BASE);
    const upTo = base.indexOf('s3.denied.process.total');
    for (const key of base.slice(0, upTo + 1)) expect(result.report.values[key]).toBe(BASE[key]);
    for (const key of base.slice(upTo + 1)) expect(result.notFound).toContain(key);
    expect(Object.keys(result.report.values)).toHaveLength(upTo + 1);
    expect(result.problems).toEqual([
      { code: 'TRUNCATED', table: 's3' },
      { code: 'TABLE_NOT_FOUND', table: 's4' },
    ]);
  });

  it('a text without tables: nothing read, every table not found, the headings still read (old ones too)', () => {
    const result = read('no-tables.txt');
    expect(result.report.values).toEqual({});
    expect(result.notFound).toHaveLength(200);
    expect(result.problems.filter((p) => p.code === 'TABLE_NOT_FOUND').map((p) => 'table' in p && p.table)).toEqual([
      's2',
      's3',
      's4',
    ]);
    const level1 = (result.report.text?.headings ?? []).filter((h) => h.level === 1);
    expect(level1.map((h) => [h.text, h.section])).toEqual([
      ['一、概述', undefined],
      ['二、主动公开政府信息情况', 2],
      ['三、收到和处理政府信息公开申请情况', 3],
      ['四、收费及减免情况', undefined],
      ['五、咨询处理情况', undefined],
      ['六、存在的主要问题及改进措施', 5],
      ['七、其他需要报告的事项', 6],
    ]);
    expect(result.report.text?.headings).toContainEqual(
      expect.objectContaining({ level: 2, text: '（一）规章和规范性文件' }),
    );
    expect(result.report.text?.figures.map((f) => [f.phrase, f.value])).toEqual([
      ['新收', 12],
      ['予以公开', 8],
      ['部分公开', 2],
      ['无法提供', 2],
      ['上年结转', 0],
      ['行政复议', 1],
      ['行政诉讼', 0],
    ]);
  });

  it('junk: no figure read, the tables and the profile said not found', () => {
    const result = read('junk.txt');
    expect(result.report.values).toEqual({});
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { code: 'PROFILE_NOT_FOUND', field: 'agency' },
        { code: 'PROFILE_NOT_FOUND', field: 'year' },
        { code: 'TABLE_NOT_FOUND', table: 's3' },
      ]),
    );
  });
});

describe('never a number in a wrong cell', () => {
  const report = (rows: string): string =>
    `某局2023年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n\n${rows}\n\n四、政府信息公开行政复议、行政诉讼情况\n\n五、存在的主要问题及改进情况\n`;

  it('a row with fewer figures than columns is left out (ROW_UNSURE), not shifted', () => {
    const result = importText(report('（一）予以公开\t\t3\t0\t0\t0\t3\t\t\n（二）部分公开\t1\t0\t0\t0\t0\t0\t1'));
    expect(Object.keys(result.report.values).filter((k) => k.startsWith('s3.granted.'))).toEqual([]);
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'ROW_UNSURE', label: '（一）予以公开' }));
    expect(result.report.values['s3.partial.total']).toBe(1);
  });

  it('a row with more figures than columns is left out', () => {
    const result = importText(report('（一）予以公开\t1\t2\t3\t4\t5\t6\t7\t8'));
    expect(result.report.values).toEqual({});
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'ROW_UNSURE', table: 's3' }));
  });

  it('two rows claiming one label with different figures: neither is read', () => {
    const result = importText(report('（一）予以公开\t1\t0\t0\t0\t0\t0\t1\n（一）予以公开\t2\t0\t0\t0\t0\t0\t2'));
    expect(result.report.values).toEqual({});
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'ROW_UNSURE', label: '（一）予以公开' }));
  });

  it('an empty field of a ragged tab layout is no blank cell', () => {
    // Rows of different widths (trailing tabs): the empty field may be an artefact.
    const result = importText(
      report(
        '一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1\t\n二、上年结转政府信息公开申请数量\t0\t\t0\t0\t0\t0\t0',
      ),
    );
    expect(result.report.values['s3.new.natural']).toBe(1);
    expect(Object.keys(result.report.values).some((k) => k.startsWith('s3.carriedIn.'))).toBe(false);
  });

  it('an empty field of an exact tab layout is a blank cell (null)', () => {
    const result = importText(
      report(
        '一、本年新收政府信息公开申请数量\t1\t\t0\t0\t0\t0\t1\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0',
      ),
    );
    expect(result.report.values['s3.new.business']).toBeNull();
    expect(result.report.values['s3.new.total']).toBe(1);
  });

  it('a label too far from every row, or as near to two, is no row', () => {
    const result = importText(report('行政\t1\t0\t0\t0\t0\t0\t1\n本年\t1\t0\t0\t0\t0\t0\t1'));
    expect(result.report.values).toEqual({});
    expect(result.problems.filter((p) => p.code === 'ROW_UNRECOGNISED')).toHaveLength(2);
  });

  it('decimal amounts of 万元 keep their decimals; a text in a figure’s place is kept as text and said', () => {
    const text =
      '某局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t0.0125\n三、收到和处理政府信息公开申请情况\n';
    expect(importText(text).report.values['s2.fee.amount']).toBe(0.0125);
    const pipes = '| 第二十条第（五）项 | | | |\n| 信息内容 | 本年处理决定数量 | | |\n| 行政许可 | 约5 | | |\n';
    const result = importText(
      `某局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n${pipes}\n三、收到和处理政府信息公开申请情况\n`,
    );
    expect(result.report.values['s2.license.decisions']).toBe('约5');
    expect(result.problems).toContainEqual({ code: 'VALUE_NOT_A_NUMBER', key: 's2.license.decisions', text: '约5' });
  });
});

describe('the statistical period and the year', () => {
  const textWith = (opening: string): ImportResult =>
    importText(`某局政府信息公开工作年度报告\n\n${opening}\n\n一、总体情况\n`);

  it('takes the year from the period when the title has none', () => {
    const result = textWith('本报告统计期限为2021年1月1日至2021年12月31日。');
    expect(result.report.profile.year).toBe(2021);
    expect(result.report.text?.period).toBe('2021年1月1日至2021年12月31日');
    expect(result.problems).not.toContainEqual({ code: 'PROFILE_NOT_FOUND', field: 'year' });
  });

  it('keeps a garbled period as printed, for TEXT-PERIOD', () => {
    expect(textWith('本报告统计期限为2021年1月1日至202111日。').report.text?.period).toBe('2021年1月1日至202111日');
  });

  it('says when the year is nowhere', () => {
    expect(textWith('本报告如下。').problems).toContainEqual({ code: 'PROFILE_NOT_FOUND', field: 'year' });
  });
});

describe('the phrase vocabulary', () => {
  it('names for each phrase the 总计 cells it is compared with', () => {
    expect(figureTargets('新收', '2021')).toEqual(['s3.new.total']);
    expect(figureTargets('收到', '2021')).toEqual(['s3.new.total']);
    expect(figureTargets('上年结转', '2021')).toEqual(['s3.carriedIn.total']);
    expect(figureTargets('结转下年度', '2019')).toEqual(['s3.carriedOver.total']);
    expect(figureTargets('不予公开', '2021')).toHaveLength(8);
    expect(figureTargets('无法提供', '2021')).toEqual([
      's3.unable.notHeld.total',
      's3.unable.needsCreation.total',
      's3.unable.unclear.total',
    ]);
    expect(figureTargets('其他处理', '2021')).toEqual([
      's3.other.noCorrection.total',
      's3.other.unpaidFee.total',
      's3.other.misc.total',
    ]);
    expect(figureTargets('其他处理', '2019')).toEqual(['s3.other.total']);
    expect(figureTargets('予以公开及部分公开', '2021')).toEqual(['s3.granted.total', 's3.partial.total']);
    expect(figureTargets('行政复议', '2021')).toEqual(['s4.review.total']);
    expect(figureTargets('行政诉讼', '2021')).toEqual(['s4.litigation.total', 's4.litigationAfterReview.total']);
    expect(figureTargets('办结', '2021')).toEqual(['s3.total.total']);
    expect(figureTargets('复议后起诉', '2021')).toEqual(['s4.litigationAfterReview.total']);
    expect(figureTargets('结转', '2021')).toEqual([]);
    for (const p of FIGURE_PHRASES) expect(figureTargets(p.phrase, '2021').length).toBeGreaterThan(0);
  });

  it('reads 收到/受理 only of applications, and a figure only with its unit', () => {
    const text = (line: string) =>
      importText(`某局2023年政府信息公开工作年度报告\n一、总体情况\n${line}\n`).report.text?.figures.map((f) => [
        f.phrase,
        f.value,
      ]);
    expect(text('全年收到12345热线群众诉求4件。')).toEqual([]);
    expect(text('共受理2720件，办结2680件。')).toEqual([]);
    expect(text('本年度共收到政府信息公开申请1,234件，同比减少72.73%。')).toEqual([['收到', 1234]]);
    expect(text('予以公开及部分公开258件，无法提供265件。')).toEqual([
      ['予以公开及部分公开', 258],
      ['无法提供', 265],
    ]);
    expect(text('不予公开的申请比例为3%。')).toEqual([]);
    expect(text('热线受理2720件，办结2680件。')).toEqual([]);
    expect(text('本年度办结政府信息公开申请25件。')).toEqual([['办结', 25]]);
  });
});
