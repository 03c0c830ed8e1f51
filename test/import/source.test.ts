// importSource: sources that know their tables (HTML, .docx) as SourceDocuments. The official
// tables with their spans are built by the outline (the same tables `nianbao docx` writes), so a round
// trip through them checks the span expansion and the label/column mapping; tagged figures win.
import fc from 'fast-check';
import { randomValidReport, seededRandom } from '../../src/bench/random-report';
import type { FormatVersion } from '../../src/format';
import { gridLines, importSource, type SourceDocument, type SourceTable } from '../../src/import';
import { s2Table, s3Table, s4Table } from '../../src/outline/tables';
import type { TableBlock } from '../../src/outline/types';
import type { Report } from '../../src/report';

const toSource = (table: TableBlock): SourceTable => ({
  rows: table.rows.map((row) =>
    row.map((cell) => ({
      text: cell.text ?? cell.figure?.text ?? '',
      ...(cell.colSpan ? { colSpan: cell.colSpan } : {}),
      ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}),
    })),
  ),
});

const text = (t: string): SourceDocument['blocks'][number] => ({ kind: 'text', text: t });
const table = (t: SourceTable): SourceDocument['blocks'][number] => ({ kind: 'table', table: t });

function documentOf(report: Report, version: FormatVersion, splitS2 = false): SourceDocument {
  const s2 = toSource(s2Table(version, report.values));
  // A Word draft often has 表二 as one table per block (title row, header row, rows).
  const s2Blocks: SourceTable[] = [];
  if (splitS2) {
    let current: SourceTable['rows'][number][] = [];
    for (const row of s2.rows) {
      if (row.length === 1 && current.length > 0) {
        s2Blocks.push({ rows: current });
        current = [];
      }
      current.push(row);
    }
    s2Blocks.push({ rows: current });
  }
  return {
    file: 'report.docx',
    blocks: [
      text(`${report.profile.agency}${report.profile.year}年政府信息公开工作年度报告`),
      text(`本年度报告中所列数据统计期限为${report.profile.year}年1月1日至${report.profile.year}年12月31日。`),
      text('一、总体情况'),
      text('本年度收到政府信息公开申请3件。'),
      text('二、主动公开政府信息情况'),
      ...(splitS2 ? s2Blocks.map(table) : [table(s2)]),
      text('三、收到和处理政府信息公开申请情况'),
      table(toSource(s3Table(version, report.values))),
      text('四、政府信息公开行政复议、行政诉讼情况'),
      table(toSource(s4Table(version, report.values))),
      text('五、存在的主要问题及改进情况'),
      text('六、其他需要报告的事项'),
    ],
  };
}

describe('importSource', () => {
  it('reads back the official tables with their spans, blanks as null, in both versions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom<FormatVersion>('2021', '2019'),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.boolean(),
        (seed, version, blanks, splitS2) => {
          const rand = seededRandom(seed);
          const report = randomValidReport(rand, version);
          for (const key of Object.keys(report.values)) if (rand() < blanks) report.values[key] = null;
          const result = importSource(documentOf(report, version, splitS2));
          expect(result.report.values).toEqual(report.values);
          expect(result.notFound).toEqual([]);
          expect(result.problems).toEqual([]);
          expect(result.report.profile).toMatchObject({
            agency: report.profile.agency,
            year: report.profile.year,
            format: version,
          });
          expect(result.report.sourceFormat).toBe(version);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads the prose of the text blocks: headings, period, figures; the tables are not prose', () => {
    const report = randomValidReport(seededRandom(7), '2021');
    const result = importSource(documentOf(report, '2021'));
    const t = result.report.text;
    expect(t?.headings.filter((h) => h.level === 1).map((h) => h.section)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t?.period).toBe(`${report.profile.year}年1月1日至${report.profile.year}年12月31日`);
    expect(t?.figures.map((f) => [f.phrase, f.value])).toEqual([['收到', 3]]);
    for (const h of t?.headings ?? []) expect(t?.lines[h.line]).toBe(h.text);
    expect(t?.lines.some((l) => l.includes('属于国家秘密'))).toBe(false);
  });

  it('takes tagged figures exactly, over the tables', () => {
    const report = randomValidReport(seededRandom(11), '2021');
    const doc = documentOf(report, '2021');
    const tagged = new Map<string, string>([
      ['nianbao:s3.new.natural', '１,２３４'],
      ['s2.fee.amount', '13.3900'],
      ['s3.carriedOver.total', '＿＿'],
      ['s3.granted.natural', '约5'],
      ['nianbao:sum:s3.denied', '7'],
      ['s9.nothing', '1'],
    ]);
    const result = importSource({ ...doc, tagged });
    expect(result.report.values['s3.new.natural']).toBe(1234);
    expect(result.report.values['s2.fee.amount']).toBe(13.39);
    expect(result.report.values['s3.carriedOver.total']).toBeNull();
    expect(result.report.values['s3.granted.natural']).toBe('约5');
    expect(result.report.values['s3.new.business']).toBe(report.values['s3.new.business']);
    expect(result.problems).toEqual([{ code: 'TAGGED_UNKNOWN', key: 's9.nothing' }]);
  });

  it('reads a document of tagged figures alone, in the version its keys name', () => {
    const tagged = new Map([
      ['s2.regulation.made', '1'],
      ['s3.other.total', '2'],
    ]);
    const result = importSource({ file: 'x.docx', blocks: [text('某局2020年政府信息公开工作年度报告')], tagged });
    expect(result.report.values).toEqual({ 's2.regulation.made': 1, 's3.other.total': 2 });
    expect(result.report.profile.format).toBe('2019');
  });

  it('reads 表三 by its column headers: a stray empty column after 总计 changes nothing', () => {
    const report = randomValidReport(seededRandom(5), '2021');
    const doc = documentOf(report, '2021');
    const blocks = doc.blocks.map((b) =>
      b.kind === 'table' && b.table.rows.some((r) => r.some((c) => c.text === '申请人情况'))
        ? { ...b, table: { rows: b.table.rows.map((r) => [...r, { text: '' }]) } }
        : b,
    );
    const result = importSource({ ...doc, blocks });
    expect(result.report.values).toEqual(report.values);
    expect(result.problems).toEqual([]);
  });

  it('an extra column of figures in 表三 (合计 before 总计): its rows are left out, none misplaced', () => {
    const report = randomValidReport(seededRandom(9), '2021');
    const doc = documentOf(report, '2021');
    const blocks = doc.blocks.map((b) => {
      if (!(b.kind === 'table' && b.table.rows.some((r) => r.some((c) => c.text === '申请人情况')))) return b;
      const rows = b.table.rows.map((r, i) => {
        if (i === 0) return r.map((c) => (c.text === '申请人情况' ? { ...c, colSpan: 8 } : c));
        if (i === 1) return [...r.slice(0, -1), { text: '合计', rowSpan: 2 }, r[r.length - 1]];
        if (i === 2) return r;
        return [...r.slice(0, -1), { text: '99' }, r[r.length - 1]];
      });
      return { ...b, table: { rows } };
    });
    const result = importSource({ ...doc, blocks });
    for (const [key, value] of Object.entries(result.report.values)) expect(value).toBe(report.values[key]);
    expect(Object.keys(result.report.values).some((k) => k.startsWith('s3.'))).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'ROW_UNSURE', table: 's3' }));
  });

  it('expands spans into a grid, each position a span covers marked', () => {
    const grid = gridLines({
      rows: [
        [
          { text: 'A', rowSpan: 2 },
          { text: 'B', colSpan: 2 },
        ],
        [{ text: 'c' }, { text: 'd' }],
        [{ text: 'e' }, { text: 'f\tg\nh' }, { text: 'i' }],
      ],
    });
    const covered = '\ue000';
    expect(grid).toEqual([`A\tB\t${covered}`, `${covered}\tc\td`, 'e\tf g h\ti']);
  });

  it('never throws on a damaged source', () => {
    const cell = fc.record(
      {
        text: fc.oneof(
          fc.string({ maxLength: 8 }),
          fc.constantFrom('0', '12', '规章', '总计', '行政复议', '（七）总计'),
        ),
        colSpan: fc.oneof(fc.integer({ min: -5, max: 100000 }), fc.constant(Number.NaN)),
        rowSpan: fc.integer({ min: -5, max: 100000 }),
      },
      { requiredKeys: ['text'] },
    );
    const tableArb = fc.record({ rows: fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 30 }) });
    const block = fc.oneof(
      fc.record({ kind: fc.constant('text' as const), text: fc.string({ maxLength: 40 }) }),
      fc.record({ kind: fc.constant('table' as const), table: tableArb }),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 8 }), (blocks) => {
        const result = importSource({ file: 'junk', blocks });
        expect(result.report).toBeDefined();
      }),
      { numRuns: 200 },
    );
    // Not even the shape is right.
    expect(() =>
      importSource({
        file: 'x',
        blocks: [null, { kind: 'table' }, { kind: 'text', text: 5 }],
      } as unknown as SourceDocument),
    ).not.toThrow();
    expect(() => importSource({} as unknown as SourceDocument)).not.toThrow();
  });
});
