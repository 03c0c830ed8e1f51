// htmlSource: saved web pages of published reports (issue 9), read with their tables' spans. Fixtures
// under test/fixtures/import/, written for the test: a county bureau's 2021 page as a CMS serves it (a
// layout table around the article, a nested one for the title, nav, scripts, styles, <noscript>, a
// <select>, Word-exported tables with &nbsp; blanks, full-width digits, 1,234, <br> in cells) and the
// same page in GBK (declared gb2312); a 2019 page (表二 with its block titles merged down, 表三 typed by
// hand without </td> or </tr>, 表四 with <thead>/<th>, stray end tags); the 2021 page cut off inside
// 表三; a page without tables (a two-column layout); a page nested too deep. The seeds' figures are
// also rendered into pages here and read back cell by cell.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { randomValidReport, seededRandom } from '../../src/bench/random-report';
import { getFormat, type FormatVersion } from '../../src/format';
import { describeInputError } from '../../src/i18n';
import {
  decodeHtml,
  htmlSource,
  HTML_LIMITS,
  importSource,
  type ImportResult,
  type SourceDocument,
  type SourceTable,
} from '../../src/import';
import { s2Table, s3Table, s4Table } from '../../src/outline/tables';
import type { TableBlock } from '../../src/outline/types';
import { ReportInputError, type RawValue } from '../../src/report';
import { FILE_LIMITS, readReportBytes } from '../../src/xlsx/report-file';
import { encodeGbk } from '../fuzz/inputs';

const DIR = path.join(__dirname, '../fixtures/import');
const bytesOf = (file: string): Uint8Array => new Uint8Array(readFileSync(path.join(DIR, file)));
const read = (file: string): ImportResult => importSource(htmlSource(bytesOf(file), file));
const encoder = new TextEncoder();
const page = (html: string): SourceDocument => htmlSource(encoder.encode(html), 'page.html');
const expected = (file: string): Record<string, RawValue> =>
  (JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as { values: Record<string, RawValue> }).values;

const tablesOf = (doc: SourceDocument): SourceTable[] =>
  doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
const textsOf = (doc: SourceDocument): string[] => doc.blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
const cellTexts = (table: SourceTable): string[][] => table.rows.map((row) => row.map((c) => c.text));
const sections = (result: ImportResult): (number | undefined)[] =>
  (result.report.text?.headings ?? []).filter((h) => h.level === 1).map((h) => h.section);
/** What an HTML reader failure says: its code and parameters. */
function failure(run: () => unknown): ReportInputError {
  try {
    run();
  } catch (err) {
    if (err instanceof ReportInputError) return err;
    throw err;
  }
  throw new Error('did not throw');
}

/** base-2021's report as html-2021.html prints it: 规章's row left empty (&nbsp;). */
const BASE_2021: Record<string, RawValue> = Object.fromEntries(
  Object.entries(expected('base-2021.expected.json')).map(([k, v]) => [k, k.startsWith('s2.regulation.') ? null : v]),
);

describe('html-2021.html: a 2021 report on a county site (layout table, scripts, nav, Word tables)', () => {
  const result = read('html-2021.html');
  const doc = htmlSource(bytesOf('html-2021.html'), 'html-2021.html');

  it('reads every cell exactly (&nbsp; is a blank), with nothing to say', () => {
    expect(result.report.values).toEqual(BASE_2021);
    expect(result.notFound).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('reads figures as printed: full-width digits, 1,234, bold, decimals', () => {
    const v = result.report.values;
    expect(v['s3.new.natural']).toBe(20); // ２０
    expect(v['s3.new.total']).toBe(26); // ２６
    expect(v['s2.license.decisions']).toBe(1234); // 1,234
    expect(v['s4.review.total']).toBe(2); // <b>2</b>
    expect(v['s2.fee.amount']).toBe(2.5);
    expect(v['s3.granted.total']).toBe(12);
    expect(v['s3.partial.natural']).toBe(2);
    expect(v['s3.unable.notHeld.total']).toBe(6);
    expect(v['s3.other.misc.total']).toBe(2);
    expect(v['s3.carriedOver.otherOrg']).toBe(1);
    expect(v['s2.regulation.issued']).toBeNull();
  });

  it('reads the profile from the <title>, the period, the date and the six parts', () => {
    expect(result.report.profile).toEqual({
      agency: '某某县市场监督管理局',
      year: 2023,
      published: '2024-01-20',
      format: '2021',
    });
    expect(result.report.sourceFormat).toBe('2021');
    expect(result.report.text?.period).toBe('２０２３年１月１日起至２０２３年１２月３１日');
    expect(sections(result)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(result.report.text?.figures.map((f) => [f.phrase, f.value])).toEqual([
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

  it('the <title> is the first block; scripts, styles, <noscript> and <select> are no text', () => {
    const texts = textsOf(doc);
    expect(texts[0]).toBe('某某县市场监督管理局2023年政府信息公开工作年度报告_某某县人民政府');
    const all = texts.join('\n');
    for (const junk of ['document.write', '_hmt', 'fontZoom', 'TRS_Editor', '不支持JavaScript', '中国政府网', '99'])
      expect(all).not.toContain(junk);
    // The page's own lines are kept in order: nav and crumbs, the title, the prose, the signature.
    expect(texts).toEqual(
      expect.arrayContaining([
        '当前位置：首页 > 政府信息公开 > 政府信息公开年报',
        '发布日期：2024-01-20 来源：县市场监督管理局 【字体：大 中 小】',
        '（一）主动公开。全年通过门户网站主动公开政府信息 312 条。',
        '（二）依申请公开。严格按照法定时限答复。',
        '2024年1月20日',
      ]),
    );
  });

  it('unwraps the layout tables: the three report tables are its only tables, with their spans', () => {
    const tables = tablesOf(doc);
    expect(tables).toHaveLength(3);
    const [s2, s3, s4] = tables;
    expect(s2.rows[0]).toEqual([{ text: '第二十条第（一）项', colSpan: 4 }]);
    expect(cellTexts(s2)[3]).toEqual(['行政规范性文件', '5', '1', '12']);
    expect(s2.rows[12][1]).toEqual({ text: '本年收费金额 （单位：万元）', colSpan: 3 });
    // 表三: 3 header rows and 25 rows; the caption 3 × 3, 三、本年度办理结果 down 22 rows, （三） down 8.
    expect(s3.rows).toHaveLength(28);
    expect(s3.rows[0][0]).toMatchObject({ colSpan: 3, rowSpan: 3 });
    expect(s3.rows[0][0].text).toBe('（本列数据的勾稽关系为：第一项加第二项之和， 等于第三项加第四项之和）');
    expect(s3.rows[1]).toEqual([
      { text: '自然人', rowSpan: 2 },
      { text: '法人或其他组织', colSpan: 5 },
      { text: '总计', rowSpan: 2 },
    ]);
    expect(s3.rows[5].slice(0, 2)).toEqual([
      { text: '三、本年度办理结果', rowSpan: 22 },
      { text: '（一）予以公开', colSpan: 2 },
    ]);
    expect(s3.rows[7][0]).toEqual({ text: '（三）不予公开', rowSpan: 8 });
    expect(cellTexts(s3)[8]).toEqual(['2.其他法律行政法规禁止公开', '0', '0', '0', '0', '0', '0', '0']);
    expect(s4.rows.map((r) => r.length)).toEqual([2, 7, 10, 15]);
  });
});

describe('html-2021-gbk.html: the same page in GBK, declared gb2312', () => {
  it('decodes as GB18030, as the page declares', () => {
    const decoded = decodeHtml(bytesOf('html-2021-gbk.html'));
    expect(decoded).toMatchObject({ ok: true, encoding: 'gb18030', declared: 'gb2312' });
    const utf8 = readFileSync(path.join(DIR, 'html-2021.html'), 'utf8').replace('charset=utf-8', 'charset=gb2312');
    expect(decoded.ok && decoded.text).toBe(utf8);
  });

  it('reads as its UTF-8 original: the same values, profile, notes and prose', () => {
    const gbk = read('html-2021-gbk.html');
    const utf8 = read('html-2021.html');
    expect(gbk.report.values).toEqual(utf8.report.values);
    expect(gbk.report.profile).toEqual(utf8.report.profile);
    expect(gbk.problems).toEqual([]);
    expect(gbk.report.text?.lines).toEqual(utf8.report.text?.lines);
  });
});

describe('html-2019.html: a 2019 report, hand-typed markup', () => {
  const result = read('html-2019.html');

  it('reads every cell exactly: 表二 with its block titles merged down, 表三 without </td>, 表四 in <thead>', () => {
    expect(result.report.values).toEqual(expected('report-2019.expected.json'));
    expect(result.notFound).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('reads the 2019 format, negative and signed changes, decimals, and the profile', () => {
    const v = result.report.values;
    expect(v['s2.license.change']).toBe(-3);
    expect(v['s2.otherService.change']).toBe(2); // printed +2
    expect(v['s2.procurement.amount']).toBe(125.6);
    expect(v['s3.other.total']).toBe(2);
    expect(v['s3.new.natural']).toBe(20); // in an unclosed <span><b>
    expect(result.report.profile).toEqual({
      agency: '某某县市场监督管理局',
      year: 2020,
      published: '2021-01-28',
      format: '2019',
    });
    expect(result.report.sourceFormat).toBe('2019');
    expect(sections(result)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('a stray </td></tr></div> after 表三 closes nothing: 表四 and the prose after it are read', () => {
    const texts = textsOf(htmlSource(bytesOf('html-2019.html'), 'html-2019.html'));
    expect(texts.slice(-5)).toEqual([
      '五、存在的主要问题及改进情况',
      '无。',
      '六、其他需要报告的事项',
      '无。',
      '版权所有：某某县人民政府 © 2021',
    ]);
  });
});

describe('html-truncated.html: the 2021 page cut off inside 表三 (inside a tag)', () => {
  const result = read('html-truncated.html');
  const keys = Object.keys(BASE_2021);
  const upTo = keys.indexOf('s3.denied.process.total');

  it('reads what is there; the row being cut and everything after it are not found', () => {
    for (const key of keys.slice(0, upTo + 1)) expect(result.report.values[key]).toBe(BASE_2021[key]);
    expect(Object.keys(result.report.values)).toHaveLength(upTo + 1);
    // The row cut after two of its figures is not read (its other cells would have read as blank).
    expect(result.notFound).toEqual(keys.slice(upTo + 1));
    expect(result.notFound).toContain('s3.denied.lawEnforcement.research');
  });

  it('says the page ends inside 表三 (one note, not a note per row cut off), and 表四 was not found', () => {
    const s3Rows = getFormat('2021').s3.rows;
    const first = s3Rows.findIndex((r) => r.key === 'denied.lawEnforcement');
    expect(htmlSource(bytesOf('html-truncated.html'), 'html-truncated.html').truncated).toBe(true);
    expect(result.problems).toEqual([
      { code: 'TRUNCATED', table: 's3' },
      { code: 'TABLE_NOT_FOUND', table: 's4' },
    ]);
    // The rows cut off are still each not found (absent), nothing guessed.
    for (const row of s3Rows.slice(first)) expect(result.notFound).toContain(`s3.${row.key}.total`);
    expect(result.report.profile).toMatchObject({ agency: '某某县市场监督管理局', year: 2023 });
  });
});

describe('html-no-tables.html: a report without tables, in a two-column layout table', () => {
  const result = read('html-no-tables.html');
  const doc = htmlSource(bytesOf('html-no-tables.html'), 'html-no-tables.html');

  it('nothing read; every table not found; the layout table unwrapped into its lines', () => {
    expect(result.report.values).toEqual({});
    expect(result.notFound).toHaveLength(200);
    expect(result.problems.filter((p) => p.code === 'TABLE_NOT_FOUND').map((p) => 'table' in p && p.table)).toEqual([
      's2',
      's3',
      's4',
    ]);
    expect(tablesOf(doc)).toEqual([]);
    expect(textsOf(doc).slice(0, 3)).toEqual([
      '某某县市场监督管理局2023年政府信息公开工作年度报告',
      '信息公开目录',
      '信息公开指南',
    ]);
    // An image's alt text is not the page's text.
    expect(textsOf(doc)).toContain('见上文。（表格以图片形式发布：）');
  });

  it('reads the headings (old ones too), the figures of the prose (split by <BR>) and the profile', () => {
    expect(result.report.profile).toMatchObject({ agency: '某某县市场监督管理局', year: 2023 });
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
});

describe('pages too complex for a report: HTML_TOO_COMPLEX', () => {
  it('html-deep.html: nested deeper than the limit, said in the user’s words', () => {
    const err = failure(() => htmlSource(bytesOf('html-deep.html'), 'html-deep.html'));
    expect(err.code).toBe('HTML_TOO_COMPLEX');
    expect(err.params).toEqual({ file: 'html-deep.html', what: 'depth', count: 257, limit: HTML_LIMITS.depth });
    expect(describeInputError(err, 'zh-CN')).toContain('嵌套了 257 层，超过上限 256 层');
    expect(describeInputError(err, 'en-US')).toContain('nested 257 levels deep');
  });

  it('more elements than the limit: all of them counted', () => {
    const err = failure(() => page(`<p>${'<i></i>'.repeat(HTML_LIMITS.elements + 5)}</p>`));
    expect(err.params).toEqual({ file: 'page.html', what: 'elements', count: 200_006, limit: 200_000 });
  });

  it('unclosed <p>, <li>, <a> and a <td> outside any table nest nothing', () => {
    const doc = page(
      '<p>a'.repeat(2000) + '<ul>' + '<li>b'.repeat(2000) + '</ul>' + '<a>c'.repeat(2000) + '<td>1'.repeat(2000),
    );
    expect(textsOf(doc)).toHaveLength(2000 + 2000 + 1 + 2000);
  });

  it('nested tables are counted too', () => {
    expect(failure(() => page('<table><tr><td>'.repeat(100))).params).toMatchObject({ what: 'depth' });
  });
});

describe('decodeHtml', () => {
  const zhong = [0xd6, 0xd0]; // 中 in GBK
  const rong = [0xe9, 0x46]; // 镕: GBK, outside GB2312
  const ascii = (s: string): number[] => Array.from(encoder.encode(s));

  it('honours <meta charset=gbk> and <meta http-equiv … charset=gb2312>, trusting rare characters', () => {
    const body = [...rong, ...rong, ...rong, ...zhong];
    for (const meta of ['<meta charset=gbk>', '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=GB2312">']) {
      const decoded = decodeHtml(new Uint8Array([...ascii(`<html><head>${meta}</head><body>`), ...body]));
      expect(decoded).toMatchObject({ ok: true, encoding: 'gb18030' });
      expect(decoded.ok && decoded.text.endsWith('<body>镕镕镕中')).toBe(true);
    }
    // Undeclared, the same bytes look like another legacy encoding to decodeText, and are refused.
    expect(decodeHtml(new Uint8Array([...ascii('<p>'), ...body]))).toEqual({ ok: false, problem: 'otherEncoding' });
  });

  it('reads an XML declaration’s encoding; a charset in the first 4 KB only', () => {
    const xml = decodeHtml(
      new Uint8Array([...ascii('<?xml version="1.0" encoding="gb18030"?><p>'), ...rong, ...zhong]),
    );
    expect(xml).toMatchObject({ ok: true, encoding: 'gb18030', declared: 'gb18030' });
    const late = new Uint8Array([...ascii(`<p>${' '.repeat(5000)}<meta charset="gbk">`), ...rong, ...rong, ...zhong]);
    expect(decodeHtml(late)).toEqual({ ok: false, problem: 'otherEncoding' });
  });

  it('valid UTF-8 is UTF-8 whatever the page declares; a BOM decides', () => {
    const utf8 = encoder.encode('<meta charset="gb2312"><p>某某局</p>');
    expect(decodeHtml(utf8)).toMatchObject({
      ok: true,
      encoding: 'utf-8',
      declared: 'gb2312',
      text: '<meta charset="gb2312"><p>某某局</p>',
    });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodeHtml(bom)).toMatchObject({
      ok: true,
      encoding: 'utf-8',
      text: '<meta charset="gb2312"><p>某某局</p>',
    });
    expect(decodeHtml(bom)).not.toHaveProperty('declared');
  });

  it('GBK bytes declared as utf-8 (or not at all) are found by decodeText’s detection', () => {
    const gbk = encodeGbk('<meta charset="utf-8"><p>某某县市场监督管理局2023年政府信息公开工作年度报告</p>');
    expect(decodeHtml(gbk)).toMatchObject({
      ok: true,
      encoding: 'gb18030',
      text: '<meta charset="utf-8"><p>某某县市场监督管理局2023年政府信息公开工作年度报告</p>',
    });
  });

  it('bytes that are no text: TEXT_ENCODING from htmlSource, as from a .txt', () => {
    const err = failure(() => htmlSource(new Uint8Array([0x3c, 0x70, 0x3e, 0, 0, 0xff, 1, 2]), 'x.html'));
    expect(err.code).toBe('TEXT_ENCODING');
    expect(err.params).toEqual({ file: 'x.html', problem: 'binary' });
    const declaredBad = new Uint8Array([...ascii('<meta charset=gbk>'), 0x81, 0x20, 0xff]);
    expect(failure(() => htmlSource(declaredBad, 'y.html')).params).toEqual({
      file: 'y.html',
      problem: 'unknownEncoding',
    });
  });
});

describe('the markup, as browsers read it', () => {
  it('colspan and rowspan leniently: " 2 ", "2px", "+3"; junk, 0 and negatives are 1', () => {
    const doc = page(
      '<table><tr><td colspan=" 2 ">a</td><td colspan="2px">b</td><td rowspan="+3">c</td>' +
        '<td colspan="x">d</td><td colspan="0">e</td><td rowspan="-2">f</td><td colspan>g</td></tr></table>',
    );
    expect(tablesOf(doc)[0].rows[0]).toEqual([
      { text: 'a', colSpan: 2 },
      { text: 'b', colSpan: 2 },
      { text: 'c', rowSpan: 3 },
      { text: 'd' },
      { text: 'e' },
      { text: 'f' },
      { text: 'g' },
    ]);
  });

  it('tolerates cells without <tr>, unclosed cells and rows, stray end tags, and </div> inside a cell', () => {
    const doc = page(
      '<div><table><td>a<td>b<tr><td>c<td><span>d<td>e</td></td></td></tr></tr>' +
        '<tr><td>f</div>g<td>h</table></div><p>after</p></td>',
    );
    expect(tablesOf(doc).map(cellTexts)).toEqual([
      [
        ['a', 'b'],
        ['c', 'd', 'e'],
        // The </div> of a div outside the table is ignored inside the cell, as browsers ignore it.
        ['fg', 'h'],
      ],
    ]);
    expect(textsOf(doc)).toEqual(['after']);
  });

  it('<thead>, <tbody>, <tfoot> are wrappers; <th> is a cell; a <caption> and text between cells come before the table', () => {
    const doc = page(
      '<p>表四</p><table><caption>政府信息公开行政复议、行政诉讼情况</caption><thead><tr><th>x</th><th>y</th></thead>' +
        '<tbody><tr><td>1<td>2</tbody>注：单位为件<tfoot><tr><td>3</td><td>4</td></tr></tfoot></table>',
    );
    expect(textsOf(doc)).toEqual(['表四', '政府信息公开行政复议、行政诉讼情况', '注：单位为件']);
    expect(tablesOf(doc).map(cellTexts)).toEqual([
      [
        ['x', 'y'],
        ['1', '2'],
        ['3', '4'],
      ],
    ]);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['text', 'text', 'text', 'table']);
  });

  it('a table in a cell: the outer table is layout — its cells’ text are lines, the inner tables tables', () => {
    const doc = page(
      '<table><tr><td>导航</td><td><p>标题</p><table><tr><td>规章</td><td>1</td></tr></table>说明<br>两行</td></tr>' +
        '<tr><td>页脚</td><td>备案号</td></tr></table>',
    );
    expect(doc.blocks).toEqual([
      { kind: 'text', text: '导航' },
      { kind: 'text', text: '标题' },
      { kind: 'table', table: { rows: [[{ text: '规章' }, { text: '1' }]] } },
      { kind: 'text', text: '说明' },
      { kind: 'text', text: '两行' },
      { kind: 'text', text: '页脚' },
      { kind: 'text', text: '备案号' },
    ]);
  });

  it('a one-column table, and a cell of prose, are layout; a data cell keeps its <p>/<br> lines as spaces', () => {
    const single = page('<table><tr><td><p>一、总体情况</p><p>正文</p></td></tr><tr><td>尾</td></tr></table>');
    expect(single.blocks).toEqual([
      { kind: 'text', text: '一、总体情况' },
      { kind: 'text', text: '正文' },
      { kind: 'text', text: '尾' },
    ]);
    const prose = Array.from({ length: 8 }, (_, i) => `<p>第${i + 1}段。</p>`).join('');
    expect(tablesOf(page(`<table><tr><td>左</td><td>${prose}</td></tr></table>`))).toEqual([]);
    const data = page('<table><tr><td><p>（二）部分公开</p><p>（区分处理的）</p></td><td>1<br>2</td></tr></table>');
    expect(tablesOf(data).map(cellTexts)).toEqual([[['（二）部分公开 （区分处理的）', '1 2']]]);
  });

  it('a data table stays one: a label written downwards, a note of several sentences among its figures', () => {
    const downwards = '三<br>、<br>本<br>年<br>度<br>办<br>理<br>结<br>果';
    const figures = Array.from({ length: 12 }, (_, i) => `<td>${i}</td>`).join('');
    const note = '<p>注：1.本表单位为件。</p><p>2.空格表示无。</p><p>3.数据截至年底。</p>';
    const doc = page(
      `<table><tr><td rowspan=2>${downwards}</td>${figures}</tr><tr><td colspan=12>${note}</td></tr></table>`,
    );
    expect(tablesOf(doc).map((t) => t.rows.map((r) => r.length))).toEqual([[13, 1]]);
    expect(tablesOf(doc)[0].rows[0][0]).toEqual({ text: '三 、 本 年 度 办 理 结 果', rowSpan: 2 });
    // The same note beside a few figures is a layout: the page's prose.
    expect(tablesOf(page(`<table><tr><td>1</td><td>${note}</td></tr></table>`))).toEqual([]);
  });

  it('whitespace collapsed, entities decoded (&nbsp; a space), ideographic indents trimmed, comments skipped', () => {
    const doc = page(
      '<p>\u3000\u3000本年度&nbsp;&nbsp;收到\n   申请&#x31;&#50;件&amp;&lt;无&gt;<!-- 注释 <p>不是正文</p> -->。</p>' +
        '<h2>二、主动<span>公开</span>政府信息情况</h2>一<br/>二</br>三<hr>四<div/>五<pre>甲\t1\t2\n乙\t3\t4</pre>',
    );
    expect(textsOf(doc)).toEqual([
      '本年度 收到 申请12件&<无>。',
      '二、主动公开政府信息情况',
      '一',
      '二',
      '三',
      '四',
      '五',
      '甲\t1\t2',
      '乙\t3\t4',
    ]);
  });

  it('the first <title> only, and only its text; without a <title> the body comes first', () => {
    const doc = page(
      '<title>某局&amp;2023年报</title><body><svg><title>图标</title></svg><p>正文</p><title>第二个</title></body>',
    );
    expect(textsOf(doc)).toEqual(['某局&2023年报', '正文']);
    expect(textsOf(page('<p>正文</p>'))).toEqual(['正文']);
    expect(page('').blocks).toEqual([]);
  });

  it('<script>, <style> and <template> hold no text, even with tags in them', () => {
    const doc = page('<script>var a = "<p>x</p>";</script><style>p{}</style><template><p>t</p></template><p>y</p>');
    expect(textsOf(doc)).toEqual(['y']);
  });

  it('a page cut off inside a table leaves out the row being written; a complete page keeps a short last row', () => {
    const table = '<table><tr><td>规章</td><td>1</td><td>2</td></tr><tr><td>行政规范性文件</td><td>3</td>';
    expect(tablesOf(page(table)).map(cellTexts)).toEqual([[['规章', '1', '2']]]);
    expect(tablesOf(page(`${table}</body></html>`)).map(cellTexts)).toEqual([
      [
        ['规章', '1', '2'],
        ['行政规范性文件', '3'],
      ],
    ]);
    // Cut inside the page's layout table: its content is kept.
    expect(textsOf(page('<table><tr><td><table><tr><td>a</td><td>b</td></tr></table><p>正文'))).toEqual(['正文']);
  });
});

/** A report's tables as HTML, as a CMS might write them: blanks as &nbsp;, some cells unclosed, <th> headers. */
function tableHtml(block: TableBlock, values: Readonly<Record<string, RawValue>>, messy: boolean): string {
  const rows = block.rows.map((row) => {
    const cells = row.map((cell) => {
      const attrs = `${cell.colSpan ? ` colspan="${cell.colSpan}"` : ''}${cell.rowSpan ? ` rowspan=${cell.rowSpan}` : ''}`;
      let text = cell.text ?? '';
      if (cell.figure) {
        const value = values[cell.figure.tag.replace(/^nianbao:/, '')];
        text = value === null || value === undefined ? '&nbsp;' : String(value);
      }
      const tag = cell.header && messy ? 'th' : 'td';
      return messy ? `<${tag}${attrs}><p><span>${text}</span></p>` : `<${tag}${attrs}>${text}</${tag}>\n`;
    });
    return `<tr>${cells.join('')}${messy ? '' : '</tr>'}\n`;
  });
  return `<table border="1"><tbody>\n${rows.join('')}</tbody></table>\n`;
}

function reportPage(
  agency: string,
  year: number,
  version: FormatVersion,
  values: Readonly<Record<string, RawValue>>,
  messy = false,
): string {
  const has = (table: string): boolean => Object.keys(values).some((k) => k.startsWith(`${table}.`));
  const table = (name: string, block: TableBlock): string => (has(name) ? tableHtml(block, values, messy) : '');
  return (
    `<html><head><meta charset="utf-8"><title>${agency}${year}年政府信息公开工作年度报告</title></head><body>` +
    `<table class="layout"><tr><td><p>本报告所列数据的统计期限为${year}年1月1日至${year}年12月31日。</p>` +
    '<p>一、总体情况</p><p>二、主动公开政府信息情况</p>' +
    table('s2', s2Table(version, values)) +
    '<p>三、收到和处理政府信息公开申请情况</p>' +
    table('s3', s3Table(version, values)) +
    '<p>四、政府信息公开行政复议、行政诉讼情况</p>' +
    table('s4', s4Table(version, values)) +
    '<p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p></td></tr></table></body></html>'
  );
}

describe('the seeds’ figures as web pages, cell by cell', () => {
  const goldens = readdirSync(path.join(__dirname, '../fixtures/seeds'))
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map(
      (f) =>
        JSON.parse(readFileSync(path.join(__dirname, '../fixtures/seeds', f), 'utf8')) as {
          file: string;
          profile: { agency: string; year: number };
          format: FormatVersion;
          values: Record<string, RawValue>;
        },
    );

  it.each(goldens.map((g) => [g.file, g] as const))('%s', (_file, golden) => {
    for (const messy of [false, true]) {
      const html = reportPage(golden.profile.agency, golden.profile.year, golden.format, golden.values, messy);
      const result = importSource(page(html));
      expect(result.report.values).toEqual(golden.values);
      expect(result.report.profile).toMatchObject({ ...golden.profile, format: golden.format });
      const cells = getFormat(golden.format).cells.map((c) => c.key);
      expect(result.notFound).toEqual(cells.filter((k) => !(k in golden.values)));
    }
  });

  it('random reports of both versions, with blanks, read back exactly through clean and messy markup', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom<FormatVersion>('2021', '2019'),
        fc.boolean(),
        (seed, version, messy) => {
          const rand = seededRandom(seed);
          const report = randomValidReport(rand, version);
          for (const key of Object.keys(report.values)) if (rand() < 0.1) report.values[key] = null;
          const { agency = '某某局', year = 2023 } = report.profile;
          const result = importSource(page(reportPage(agency, year, version, report.values, messy)));
          expect(result.report.values).toEqual(report.values);
          expect(result.notFound).toEqual([]);
          expect(result.problems).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('report-file reads .html and .htm (the command line and the task pane)', () => {
  it('one imported entry, with what was not found and the problems', async () => {
    for (const name of ['html-2021.html', 'PAGE.HTM']) {
      const entries = await readReportBytes(name, bytesOf('html-2021.html'));
      expect(entries).toHaveLength(1);
      expect(entries[0].file).toBe(name);
      expect(entries[0].report.values).toEqual(BASE_2021);
      expect(entries[0].imported).toEqual({ notFound: [], problems: [] });
    }
    const [none] = await readReportBytes('none.htm', bytesOf('html-no-tables.html'));
    expect(none.imported?.notFound).toHaveLength(200);
  });

  it('a limit of 20 MB; failures are input errors in the user’s words', async () => {
    expect(FILE_LIMITS['.html']).toBe(20 * 1024 * 1024);
    expect(FILE_LIMITS['.htm']).toBe(20 * 1024 * 1024);
    await expect(readReportBytes('big.html', new Uint8Array(20 * 1024 * 1024 + 1))).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
    });
    await expect(readReportBytes('bin.html', new Uint8Array([0x3c, 0, 0, 0x3e]))).rejects.toMatchObject({
      code: 'TEXT_ENCODING',
    });
    await expect(readReportBytes('deep.htm', bytesOf('html-deep.html'))).rejects.toMatchObject({
      code: 'HTML_TOO_COMPLEX',
    });
  });
});
