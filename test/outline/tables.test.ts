import { cellLabel, getFormat, type FormatVersion } from '../../src/format';
import { randomValidReport, seededRandom } from '../../src/bench/random-report';
import { buildOutline, figureText, outlineSignature, type TableBlock } from '../../src/outline';
import type { Report } from '../../src/report';
import { isTable, seed004, tableOf, zeroReport } from './helpers';

const VERSIONS: readonly FormatVersion[] = ['2021', '2019'];

/** The grid of a table: for each row, which cell (row, index) covers each column; throws on overlap or gap. */
function grid(table: TableBlock): string[][] {
  const rows = table.rows.map(() => Array<string>(table.columns).fill(''));
  table.rows.forEach((row, r) => {
    let col = 0;
    row.forEach((cell, i) => {
      while (col < table.columns && rows[r][col] !== '') col++;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) {
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) {
          const target = rows[r + dr];
          if (!target || col + dc >= table.columns) throw new Error(`cell ${r}/${i} of ${table.table} leaves the grid`);
          if (target[col + dc] !== '') throw new Error(`cell ${r}/${i} of ${table.table} overlaps ${target[col + dc]}`);
          target[col + dc] = `${r}/${i}`;
        }
      }
      col += cell.colSpan ?? 1;
    });
  });
  rows.forEach((row, r) => {
    if (row.includes('')) throw new Error(`row ${r} of ${table.table} has a gap`);
  });
  return rows;
}

const tableFigures = (report: Report): { key: string; text: string; alias: string }[] =>
  buildOutline(report)
    .blocks.filter(isTable)
    .flatMap((t) => t.rows.flat())
    .flatMap((c) =>
      c.figure ? [{ key: c.figure.tag.slice('nianbao:'.length), text: c.figure.text, alias: c.figure.alias }] : [],
    );

describe.each(VERSIONS)('the tables of the %s format', (version) => {
  const report = zeroReport(version);
  const outline = buildOutline(report);
  const format = getFormat(version);

  it('hold every data cell of the version exactly once, in printed order', () => {
    expect(tableFigures(report).map((f) => f.key)).toEqual(format.cells.map((c) => c.key));
  });

  it('title each figure with its printed labels', () => {
    for (const f of tableFigures(report)) expect(f.alias).toBe(cellLabel(version, f.key));
  });

  it.each(['s2', 's3', 's4'] as const)('lay %s out on a full grid: spans fill every row, none overlap', (id) => {
    const table = tableOf(outline, id);
    expect(() => grid(table)).not.toThrow();
    expect(table.widths).toHaveLength(table.columns);
  });

  it('print s3 with its three header rows and merged label columns', () => {
    const lines = outlineSignature(outline).filter((l) => l.startsWith('T s3 '));
    const rows = format.s3.rows;
    const outcomeRows = rows.filter((r) => r.underOutcome).length;
    expect(lines).toEqual(
      expect.arrayContaining([
        'T s3 grid 10',
        `T s3 r0c0 span3x3 "${format.s3.identityCaption}"`,
        'T s3 r0c3 span7x1 "申请人情况"',
        'T s3 r1c3 span1x2 "自然人"',
        'T s3 r1c4 span5x1 "法人或其他组织"',
        'T s3 r1c9 span1x2 "总计"',
        'T s3 r2c8 span1x1 "其他"',
        'T s3 r3c0 span3x1 "一、本年新收政府信息公开申请数量"',
        `T s3 r5c0 span1x${outcomeRows} "三、本年度办理结果"`,
        'T s3 r5c1 span2x1 "（一）予以公开"',
        'T s3 r7c1 span1x8 "（三）不予公开"',
        'T s3 r7c2 span1x1 "1.属于国家秘密"',
        'T s3 r15c1 span1x3 "（四）无法提供"',
        `T s3 r${3 + rows.length - 1}c0 span3x1 "四、结转下年度继续办理"`,
        `T s3 r${3 + rows.length - 2}c1 span2x1 "（七）总计"`,
      ]),
    );
  });

  it('print s4 with 行政复议 over 5 and 行政诉讼 over 10', () => {
    const lines = outlineSignature(outline).filter((l) => l.startsWith('T s4 '));
    expect(lines.slice(0, 4)).toEqual([
      'T s4 grid 15',
      'T s4 r0c0 span5x1 "行政复议"',
      'T s4 r0c5 span10x1 "行政诉讼"',
      'T s4 r1c0 span1x2 "结果维持"',
    ]);
    expect(lines).toContain('T s4 r1c5 span5x1 "未经复议直接起诉"');
    expect(lines).toContain('T s4 r1c10 span5x1 "复议后起诉"');
    expect(lines).toContain('T s4 r3c14 span1x1 [nianbao:s4.litigationAfterReview.total=0]');
  });
});

describe('table s2', () => {
  it('2021: block titles across the table, 信息内容 headers, single columns merged across 3', () => {
    const lines = outlineSignature(buildOutline(seed004())).filter((l) => l.startsWith('T s2 '));
    expect(lines.slice(0, 6)).toEqual([
      'T s2 grid 4',
      'T s2 r0c0 span4x1 "第二十条第（一）项"',
      'T s2 r1c0 span1x1 "信息内容"',
      'T s2 r1c1 span1x1 "本年制发件数"',
      'T s2 r1c2 span1x1 "本年废止件数"',
      'T s2 r1c3 span1x1 "现行有效件数"',
    ]);
    expect(lines).toContain('T s2 r6c1 span3x1 [nianbao:s2.license.decisions=90025]');
    expect(lines).toContain('T s2 r12c1 span3x1 "本年收费金额（单位：万元）"');
    expect(lines).toContain('T s2 r13c1 span3x1 [nianbao:s2.fee.amount=13.39]');
  });

  it('2019: 其他对外管理服务事项 and 政府集中采购 rows, two-column blocks widened over the rest', () => {
    const lines = outlineSignature(buildOutline(zeroReport('2019'))).filter((l) => l.startsWith('T s2 '));
    expect(lines).toContain('T s2 r1c1 span1x1 "本年新制作数量"');
    expect(lines).toContain('T s2 r7c0 span1x1 "其他对外管理服务事项"');
    expect(lines).toContain('T s2 r13c1 span1x1 "上一年项目数量"');
    expect(lines).toContain('T s2 r13c2 span2x1 "本年增/减"');
    expect(lines).toContain('T s2 r16c1 span1x1 "采购项目数量"');
    expect(lines).toContain('T s2 r17c2 span2x1 [nianbao:s2.procurement.amount=0]');
  });
});

describe('table figures of random reports', () => {
  it.each(VERSIONS)('show figureText of the value for every cell (%s)', (version) => {
    const rand = seededRandom(20240601);
    for (let i = 0; i < 40; i++) {
      const report = randomValidReport(rand, version);
      // Make some cells blank and some text, as real input has.
      const keys = Object.keys(report.values);
      for (let j = 0; j < 5; j++) {
        const key = keys[Math.floor(rand() * keys.length)];
        report.values[key] = rand() < 0.5 ? null : '见说明';
      }
      const format = getFormat(version);
      const figures = tableFigures(report);
      expect(figures).toHaveLength(format.cells.length);
      figures.forEach((f, n) => {
        const cell = format.cells[n];
        expect(f.key).toBe(cell.key);
        expect(f.text).toBe(figureText(report.values[cell.key], cell.unit));
      });
    }
  });
});
