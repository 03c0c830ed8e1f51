import { buildOutline, outlineSignature, type Outline } from '../../src/outline';
import { seed004, withValues } from './helpers';

describe('outlineSignature', () => {
  const outline = buildOutline(seed004());
  const lines = outlineSignature(outline);

  it('is the same for the same report, built twice', () => {
    expect(outlineSignature(buildOutline(seed004()))).toEqual(lines);
  });

  it('starts with the title, then the title paragraph and the opening', () => {
    expect(lines[0]).toBe('TITLE 河东区行政审批服务局2022年政府信息公开工作年度报告');
    expect(lines[1]).toBe('P title 河东区行政审批服务局2022年政府信息公开工作年度报告');
    expect(lines[2]).toMatch(
      /^P body 根据《中华人民共和国政府信息公开条例》.*\[nianbao:prompt:opening\.site=（网站名称及网址）\]/,
    );
  });

  it('writes headings, figures with tag and text, and table cells with grid position and span', () => {
    expect(lines).toContain('H1 一、总体情况');
    expect(lines).toContain('H2 （一）主动公开');
    expect(lines).toContain(
      'P body 本年新收政府信息公开申请[nianbao:s3.new.total=3]件（自然人[nianbao:s3.new.natural=3]件），无上年结转申请。' +
        '办结[nianbao:sum:s3.closed.total=3]件，其中予以公开[nianbao:s3.granted.total=2]件、无法提供[nianbao:sum:s3.unable.total=1]件；无结转下年度继续办理的申请。',
    );
    expect(lines).toContain('T s3 r3c3 span1x1 [nianbao:s3.new.natural=3]');
    expect(lines).toContain('T s3 r3c9 span1x1 [nianbao:s3.new.total=3]');
    expect(lines).toContain('P closing 2023年1月[nianbao:prompt:closing.day=＿＿日]');
  });

  it('changes when a figure changes, and only on the lines that show it', () => {
    const changed = outlineSignature(buildOutline(withValues(seed004(), { 's2.license.decisions': 90026 })));
    const diff = changed.filter((line, i) => line !== lines[i]);
    expect(changed).toHaveLength(lines.length);
    expect(diff).toEqual([
      'P body 本年未制发、废止规章和行政规范性文件；作出行政许可决定[nianbao:s2.license.decisions=90026]件；收取行政事业性收费[nianbao:s2.fee.amount=13.39]万元。',
      'T s2 r6c1 span3x1 [nianbao:s2.license.decisions=90026]',
    ]);
  });

  it('merges adjacent text runs, so how a renderer splits runs does not matter', () => {
    const split: Outline = {
      title: 't',
      blocks: [
        {
          kind: 'paragraph',
          style: 'body',
          runs: [
            { kind: 'text', text: '本年' },
            { kind: 'text', text: '新收' },
          ],
        },
      ],
    };
    expect(outlineSignature(split)).toEqual(['TITLE t', 'P body 本年新收']);
  });

  it('counts a cell’s grid column past the row spans above it', () => {
    const table: Outline = {
      title: 't',
      blocks: [
        {
          kind: 'table',
          table: 's3',
          columns: 3,
          widths: [1, 1, 1],
          rows: [
            [
              { text: 'a', rowSpan: 2 },
              { text: 'b', colSpan: 2 },
            ],
            [{ text: 'c' }, { text: 'd' }],
          ],
        },
      ],
    };
    expect(outlineSignature(table)).toEqual([
      'TITLE t',
      'T s3 grid 3',
      'T s3 r0c0 span1x2 "a"',
      'T s3 r0c1 span2x1 "b"',
      'T s3 r1c1 span1x1 "c"',
      'T s3 r1c2 span1x1 "d"',
    ]);
  });
});
