// The format data against the golden source: counts, and every label compared with FORMAT.md as
// printed there (read from ../shared/spec at test time, so a drift in either shows up).
import { readFileSync } from 'fs';
import { cellLabel, cellLabelParts, cellsOfTable, formatForYear, getFormat, SECTIONS } from '../../src/format';
import { sharedPath } from '../support/shared';

const FORMAT_MD = readFileSync(sharedPath('spec', 'FORMAT.md'), 'utf8');

/** The markdown table rows under a heading (until the next heading), split into trimmed cells. */
function tableUnder(heading: string): string[][] {
  const start = FORMAT_MD.indexOf(heading);
  if (start < 0) throw new Error(`FORMAT.md has no heading ${heading}`);
  const rest = FORMAT_MD.slice(start + heading.length);
  const end = rest.search(/\n#{2,4} /);
  const section = end < 0 ? rest : rest.slice(0, end);
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .slice(1) // header row
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

const keyOf = (cell: string): string => (cell.match(/`([^`]+)`/) ?? ['', ''])[1];

describe('cell counts', () => {
  it.each([
    ['2021', 's2', 10],
    ['2021', 's3', 175],
    ['2021', 's4', 15],
    ['2019', 's2', 22],
    ['2019', 's3', 161],
    ['2019', 's4', 15],
  ] as const)('%s %s has %i cells', (version, table, count) => {
    expect(cellsOfTable(version, table)).toHaveLength(count);
  });

  it('has unique keys in each version', () => {
    for (const version of ['2021', '2019'] as const) {
      const keys = getFormat(version).cells.map((c) => c.key);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});

describe('labels match FORMAT.md', () => {
  it('s2 2021: every row label and column header of every key', () => {
    const rows = tableUnder('### Version 2021 (10 data cells)');
    expect(rows).toHaveLength(10);
    let block = '';
    for (const [blockCell, rowLabel, header, keyCell] of rows) {
      if (blockCell) block = blockCell;
      const key = keyOf(keyCell);
      expect(cellLabelParts('2021', key)).toEqual([rowLabel, header]);
      const def = getFormat('2021').s2.blocks.find((b) =>
        b.rows.some((r) => `s2.${r.key}` === key.split('.').slice(0, 2).join('.')),
      );
      expect(def?.title).toBe(block);
    }
  });

  it('s2 2019: blocks, row labels and columns with their keys', () => {
    const rows = tableUnder('### Version 2019\n');
    const blocks = getFormat('2019').s2.blocks;
    expect(rows.map((r) => r[0])).toEqual(blocks.map((b) => b.title));
    rows.forEach(([, rowLabels, columns], i) => {
      expect(rowLabels.split(' ; ')).toEqual(blocks[i].rows.map((r) => r.label.zh));
      const printed = columns
        .split(' ; ')
        .map((c) => ({ label: c.replace(/\s*`[^`]+`.*$/, '').trim(), key: keyOf(c) }));
      expect(printed).toEqual(blocks[i].columns.map((c) => ({ label: c.label.zh, key: c.key })));
    });
    const rowKeys = FORMAT_MD.match(/Row keys: ([^\n]+(?:\n[^\n]+)?)\./)?.[1] ?? '';
    for (const block of blocks) {
      for (const row of block.rows) expect(rowKeys).toContain(`${row.label.zh} \`${row.key}\``);
    }
  });

  it('s3 columns', () => {
    const rows = tableUnder('### Columns (7 data columns, both versions)');
    expect(rows.map(([label, key]) => [label, keyOf(key)])).toEqual(
      getFormat('2021').s3.columns.map((c) => [c.label.zh, c.key]),
    );
  });

  it.each(['2021', '2019'] as const)('s3 rows of %s: own label, group and order', (version) => {
    const rows = tableUnder('### Rows (2021: 25 rows; 2019: 23 rows)');
    const printed: { key: string; label: string; group?: string }[] = [];
    let group: string | undefined;
    for (const [, labelCell, keyCell] of rows) {
      const versionTag = keyCell.match(/\((20\d\d)\)/)?.[1];
      if (versionTag && versionTag !== version) continue;
      // `三、… / （一）予以公开`, `/ （三）不予公开 / 1.属于国家秘密`, `/ / 2.…`: an empty level repeats the one above.
      const parts = labelCell
        .replace(/\s*—.*$/, '')
        .split('/')
        .map((p) => p.trim());
      if (parts.length === 3) {
        if (parts[1] !== '') group = parts[1];
        printed.push({ key: keyOf(keyCell), label: parts[2], group });
      } else {
        printed.push({ key: keyOf(keyCell), label: parts[parts.length - 1] });
      }
    }
    const ours = getFormat(version).s3.rows.map((r) => ({ key: r.key, label: r.label.zh, group: r.group?.label.zh }));
    expect(printed.map((p) => p.key)).toEqual(ours.map((r) => r.key));
    expect(printed.map((p) => p.label)).toEqual(ours.map((r) => r.label));
    expect(printed.filter((p) => p.group).map((p) => [p.key, p.group])).toEqual(
      ours.filter((r) => r.group).map((r) => [r.key, r.group]),
    );
  });

  it('s3 header texts', () => {
    const s3 = getFormat('2021').s3;
    expect(FORMAT_MD).toContain(`\`${s3.identityCaption}\``);
    expect(FORMAT_MD).toContain(`\`${s3.applicantHeader.zh}\``);
    expect(FORMAT_MD).toContain(`\`${s3.orgHeader.zh}\``);
    expect(FORMAT_MD).toContain(`\`${s3.outcomeLabel.zh}\``);
  });

  it('s4 groups and results', () => {
    const rows = tableUnder('## Table s4');
    const s4 = getFormat('2021').s4;
    expect(rows.map((r) => keyOf(r[1]))).toEqual(s4.groups.map((g) => g.key));
    expect(rows.map((r) => r[0].split(' / ').pop())).toEqual(s4.groups.map((g) => g.label.zh));
    const results = rows[0][2].split(' ; ').map((c) => [c.replace(/\s*`.*$/, ''), keyOf(c)]);
    expect(results).toEqual(s4.results.map((r) => [r.label.zh, r.key]));
  });

  it('the six sections and their accepted variants', () => {
    const block = FORMAT_MD.match(/## The six sections[\s\S]*?```\n([\s\S]*?)```/)?.[1] ?? '';
    const headings = block
      .split('\n')
      .filter(Boolean)
      .map((line) => line.replace(/\s+\(table s\d\)\s*$/, '').trim());
    expect(headings).toEqual(SECTIONS.map((s) => s.heading));
    for (const variant of SECTIONS.flatMap((s) => s.variants)) expect(FORMAT_MD).toContain(`"${variant}"`);
  });
});

describe('look-ups', () => {
  it('chooses the 2019 format for 2019 and 2020, 2021 after', () => {
    expect([2019, 2020, 2021, 2025].map(formatForYear)).toEqual(['2019', '2019', '2021', '2021']);
  });

  it('names a cell by its printed labels', () => {
    expect(cellLabel('2021', 's3.total.natural')).toBe('表三 · 自然人 · （七）总计');
    expect(cellLabel('2021', 's3.denied.secret.total')).toBe('表三 · 总计 · （三）不予公开 · 1.属于国家秘密');
    expect(cellLabel('2021', 's4.litigationAfterReview.total')).toBe('表四 · 行政诉讼 · 复议后起诉 · 总计');
    expect(cellLabel('2021', 's2.fee.amount')).toBe('表二 · 行政事业性收费 · 本年收费金额（单位：万元）');
    expect(cellLabel('2021', 'previous.s3.carriedOver.natural')).toBe('上年表三 · 自然人 · 四、结转下年度继续办理');
    expect(cellLabel('2021', 's3.total.natural', 'en-US')).toBe('Table 3 · Natural persons · (7) Total');
  });
});
