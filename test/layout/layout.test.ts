// The pure layout of a report sheet: official labels in place, every data cell located once,
// merges that do not overlap, names, validations, protection flags and formulas that every
// spreadsheet program can read.
import { cellsOfTable, getFormat, SECTIONS, type FormatVersion } from '../../src/format';
import {
  buildLayout,
  compactRanges,
  KIND_LABELS,
  locateCells,
  NAMES,
  type CellRange,
  type SheetLayout,
} from '../../src/layout';
import { identitiesOf } from '../../src/rules';
import { paginate } from './support/page-fill';

const rangeName = (r: CellRange): string => `${r.row},${r.col} ${r.rows}×${r.cols}`;

const VERSIONS: readonly FormatVersion[] = ['2021', '2019'];

const inside = (r: CellRange, row: number, col: number): boolean =>
  row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;

const texts = (layout: SheetLayout): string[] => layout.cells.map((c) => (typeof c.value === 'string' ? c.value : ''));

describe.each(VERSIONS)('the %s layout', (version) => {
  const layout = buildLayout({ version, year: 2024, agency: '某某市某某局', kind: 'department' });
  const format = getFormat(version);

  it('prints the section headings 二、三、四 and every label of the three tables exactly', () => {
    const all = texts(layout);
    for (const n of [2, 3, 4]) expect(all).toContain(SECTIONS[n - 1].heading);
    for (const block of format.s2.blocks) {
      expect(all).toContain(block.title);
      for (const row of block.rows) expect(all).toContain(row.label.zh);
      for (const col of block.columns) expect(all).toContain(col.label.zh);
    }
    for (const row of format.s3.rows) expect(all).toContain(row.label.zh);
    for (const col of format.s3.columns) expect(all).toContain(col.label.zh);
    for (const text of [
      format.s3.identityCaption,
      format.s3.outcomeLabel.zh,
      format.s3.applicantHeader.zh,
      format.s3.orgHeader.zh,
    ]) {
      expect(all).toContain(text);
    }
    for (const group of format.s4.groups) expect(all).toContain(group.label.zh);
    expect(all).toContain('行政诉讼');
    expect(all.filter((t) => t === '信息内容')).toHaveLength(format.s2.blocks.length);
  });

  it('places every data cell of the format exactly once, unlocked, with the number format of its unit', () => {
    const data = layout.cells.filter((c) => c.role === 'data');
    expect(data.map((c) => c.key)).toEqual(format.cells.map((c) => c.key));
    for (const cell of data) {
      const def = format.cells.find((c) => c.key === cell.key);
      const style = layout.styles[cell.style];
      expect(style.locked).toBe(false);
      expect(style.numberFormat).toBe(def?.unit === 'count' || def?.unit === 'signedCount' ? '0' : '0.00##');
    }
  });

  it('locks every label and formula cell and leaves the profile inputs open', () => {
    for (const cell of layout.cells) {
      const locked = layout.styles[cell.style].locked;
      expect([cell.role, cell.value, locked]).toEqual([
        cell.role,
        cell.value,
        !(cell.role === 'data' || cell.role === 'profileInput'),
      ]);
    }
    const inputs = layout.cells.filter((c) => c.role === 'profileInput').map((c) => [c.key, c.value]);
    expect(inputs).toEqual([
      ['profile.agency', '某某市某某局'],
      ['profile.year', 2024],
      ['profile.kind', KIND_LABELS.department],
      ['profile.format', Number(version)],
      ['profile.canMakeRegulations', null],
    ]);
  });

  it('keeps every cell inside the extent, one cell per position, and merges that never overlap', () => {
    const seen = new Set<string>();
    for (const cell of layout.cells) {
      expect(inside(layout.extent, cell.row, cell.col)).toBe(true);
      const at = `${cell.row},${cell.col}`;
      expect(seen.has(at)).toBe(false);
      seen.add(at);
    }
    const covered = new Set<string>();
    for (const m of layout.merges) {
      for (let r = m.row; r < m.row + m.rows; r++) {
        for (let c = m.col; c < m.col + m.cols; c++) {
          const at = `${r},${c}`;
          expect(covered.has(at)).toBe(false);
          covered.add(at);
          // Only the top-left cell of a merge holds content.
          if (r !== m.row || c !== m.col) expect(seen.has(at)).toBe(false);
        }
      }
      expect(inside(layout.extent, m.row + m.rows - 1, m.col + m.cols - 1)).toBe(true);
    }
  });

  it('merges the s3 header as printed: caption 3 × 3 label columns, 自然人 and 总计 two rows high', () => {
    const merge = (text: string): CellRange | undefined => {
      const cell = layout.cells.find((c) => c.value === text);
      return cell && layout.merges.find((m) => m.row === cell.row && m.col === cell.col);
    };
    const caption = merge(format.s3.identityCaption);
    expect(caption?.rows).toBe(3);
    expect(merge('申请人情况')?.cols).toBe(7);
    expect(merge('法人或其他组织')?.cols).toBe(5);
    const natural = layout.cells.find((c) => c.value === '自然人');
    expect(layout.merges.find((m) => m.row === natural?.row && m.col === natural?.col)?.rows).toBe(2);
    const outcome = merge(format.s3.outcomeLabel.zh);
    expect(outcome?.rows).toBe(format.s3.rows.filter((r) => r.underOutcome).length);
    const denied = merge('（三）不予公开');
    expect(denied?.rows).toBe(8);
    // 一、二、四 span the whole label area; （一）（二）（七） its two inner columns.
    const first = merge(format.s3.rows[0].label.zh);
    const granted = merge('（一）予以公开');
    expect(first?.cols).toBe(caption?.cols);
    expect(granted && caption ? granted.col + granted.cols : -1).toBe(caption ? caption.col + caption.cols : 0);
    expect(granted?.col).toBeGreaterThan(first?.col ?? 0);
  });

  it('merges the s4 header as printed: 行政复议 over 5, 行政诉讼 over 10, result headers of 行政复议 two rows high', () => {
    const merge = (text: string): CellRange | undefined => {
      const cell = layout.cells.find((c) => c.value === text);
      return cell && layout.merges.find((m) => m.row === cell.row && m.col === cell.col);
    };
    expect(merge('行政复议')?.cols).toBe(5);
    expect(merge('行政诉讼')?.cols).toBe(10);
    expect(merge('未经复议直接起诉')?.cols).toBe(5);
    expect(merge('复议后起诉')?.cols).toBe(5);
    expect(layout.cells.filter((c) => c.value === '结果维持')).toHaveLength(3);
    const first = layout.cells.find((c) => c.value === '结果维持');
    expect(layout.merges.find((m) => m.row === first?.row && m.col === first?.col)?.rows).toBe(2);
  });

  it('names every table block, status, profile field and the layout, each once, covering its cells', () => {
    const names = layout.names.map((n) => n.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of [
      NAMES.layout(1),
      NAMES.tables(version),
      NAMES.profile,
      NAMES.agency,
      NAMES.year,
      NAMES.kind,
      NAMES.format,
    ]) {
      expect(names).toContain(name);
    }
    const positions = locateCells(layout);
    for (const table of ['s2', 's3', 's4'] as const) {
      const block = layout.names.find((n) => n.name === NAMES.table(table))?.range;
      expect(block).toBeDefined();
      for (const cell of cellsOfTable(version, table)) {
        const p = positions.get(cell.key);
        expect(block && p && inside(block, p.row, p.col)).toBe(true);
      }
      const status = layout.names.find((n) => n.name === NAMES.status(table))?.range;
      const check = layout.checks.find((c) => c.table === table);
      if (!status || !check) throw new Error(`no status name or check for ${table}`);
      expect([status.row, status.col, status.rows, status.cols]).toEqual([check.status.row, check.status.col, 1, 1]);
      expect(layout.cells.find((c) => c.row === status.row && c.col === status.col)?.role).toBe('status');
    }
    expect(layout.names.find((n) => n.name === NAMES.table('s3'))?.range.rows).toBe(format.s3.rows.length);
    for (const n of names) expect(n).toMatch(/^NB_[A-Z0-9_]+$/);
  });

  it('never lets two validations reach the same cell', () => {
    const seen = new Set<string>();
    for (const v of layout.validations) {
      for (let r = v.range.row; r < v.range.row + v.range.rows; r++) {
        for (let c = v.range.col; c < v.range.col + v.range.cols; c++) {
          expect([r, c, seen.has(`${r},${c}`)]).toEqual([r, c, false]);
          seen.add(`${r},${c}`);
        }
      }
    }
  });

  it('validates every data cell once, by unit, with a zh-CN message', () => {
    const positions = locateCells(layout);
    for (const cell of format.cells) {
      const p = positions.get(cell.key);
      const specs = layout.validations.filter((v) => p && inside(v.range, p.row, p.col));
      expect(specs).toHaveLength(1);
      const expected = {
        count: 'wholeNonNegative',
        signedCount: 'wholeAny',
        wanyuan: 'decimalNonNegative',
        decimal: 'decimalNonNegative',
      }[cell.unit];
      expect([cell.key, specs[0].kind]).toEqual([cell.key, expected]);
      expect(specs[0].errorMessage).toMatch(/[\u4e00-\u9fff]/);
    }
    const year = positions.get('profile.year');
    expect(layout.validations.find((v) => year && inside(v.range, year.row, year.col))?.kind).toBe('year');
    const kind = positions.get('profile.kind');
    expect(layout.validations.find((v) => kind && inside(v.range, kind.row, kind.col))?.list).toEqual(
      Object.values(KIND_LABELS),
    );
  });

  it('has one conditional fill per identity, on its result cell, plus red/green on each status', () => {
    const identities = identitiesOf(version);
    const positions = locateCells(layout);
    const identityFills = layout.conditionalFills.filter((f) => f.formula.startsWith('AND(COUNT('));
    expect(identityFills).toHaveLength(identities.length);
    identities.forEach((identity, i) => {
      const p = positions.get(identity.result);
      expect([identityFills[i].range.row, identityFills[i].range.col]).toEqual([p?.row, p?.col]);
    });
    expect(layout.conditionalFills.length).toBe(identities.length + 6);
  });

  it('writes formulas every spreadsheet program reads: short enough for Excel, no newer functions', () => {
    const formulas = [
      ...layout.cells.flatMap((c) => (c.formula ? [c.formula] : [])),
      ...layout.conditionalFills.map((f) => f.formula),
    ];
    expect(formulas.length).toBeGreaterThan(3);
    for (const f of formulas) {
      expect(f.length).toBeLessThan(8192);
      expect(f).not.toMatch(/\b(TEXTJOIN|LET|LAMBDA|IFS|CONCAT|XLOOKUP|FILTER|SWITCH)\(/);
      expect(f).not.toMatch(/^=/);
      expect(f.split('(').length).toBe(f.split(')').length);
    }
  });

  describe('in print', () => {
    const print = layout.print;
    if (!print) throw new Error('no print setup');
    const { area } = print;
    const printed = (c: { row: number; col: number }): boolean => inside(area, c.row, c.col);
    const rowOf = (text: string): number => layout.cells.find((c) => c.value === text)?.row ?? -1;

    it('is A4 portrait fit to the page width, one area from 二 to the end of 表四, over the table columns', () => {
      expect(print).toMatchObject({ paper: 'A4', orientation: 'portrait', fitToWidth: true });
      expect(area.row).toBe(rowOf(SECTIONS[1].heading));
      expect(area.col).toBe(0);
      const s4 = locateCells(layout).get(cellsOfTable(version, 's4')[0].key);
      expect(area.row + area.rows - 1).toBe(s4?.row);
      const tableCells = layout.cells.filter((c) => ['header', 'rowLabel', 'data', 'sectionHeading'].includes(c.role));
      expect(tableCells.length).toBeGreaterThan(200);
      for (const cell of tableCells)
        expect([cell.value, cell.key, printed(cell)]).toEqual([cell.value, cell.key, true]);
      // Nothing right of the tables' last column is printed.
      const right = Math.max(...layout.merges.filter((m) => printed(m)).map((m) => m.col + m.cols));
      expect(area.col + area.cols).toBe(right);
    });

    it('leaves out the title, the profile, the filling instructions and every 本表校验', () => {
      const out = layout.cells.filter((c) =>
        ['title', 'profileLabel', 'profileInput', 'status', 'note'].includes(c.role),
      );
      expect(out.map((c) => c.role)).toEqual(expect.arrayContaining(['title', 'profileInput', 'status', 'note']));
      for (const cell of out) expect([cell.role, cell.value, printed(cell)]).toEqual([cell.role, cell.value, false]);
      // No merged area straddles the edge of the print area.
      for (const m of layout.merges) {
        const corners = [0, m.rows - 1].flatMap((dr) =>
          [0, m.cols - 1].map((dc) => printed({ row: m.row + dr, col: m.col + dc })),
        );
        expect([rangeName(m), corners.some(Boolean) && !corners.every(Boolean)]).toEqual([rangeName(m), false]);
      }
    });

    it("shows each status beside its table, right of the printed columns, from the table's first row", () => {
      for (const check of layout.checks) {
        expect(check.status.col).toBeGreaterThan(area.col + area.cols);
        const heading = rowOf(SECTIONS[{ s2: 1, s3: 2, s4: 3 }[check.table]].heading);
        expect([check.table, check.status.row]).toEqual([check.table, heading + 1]);
        const label = layout.cells.find((c) => c.row === heading && c.col === check.status.col);
        expect(label?.value).toBe('本表校验');
        const merge = layout.merges.find((m) => m.row === check.status.row && m.col === check.status.col);
        expect(merge && merge.row + merge.rows - 1).toBeGreaterThanOrEqual(check.data.row + check.data.rows - 1);
      }
    });

    it('gives every printed row an explicit height, so the page fill is known', () => {
      const heights = new Set(layout.rowHeights.map((r) => r.row));
      for (let row = area.row; row < area.row + area.rows; row++) expect([row, heights.has(row)]).toEqual([row, true]);
    });

    it("repeats 表三's three header rows, and breaks once, inside 表三 between two groups of rows", () => {
      const s3Top = locateCells(layout).get('s3.new.natural')?.row ?? -1;
      expect(print.titleRows).toEqual({ row: s3Top - 3, rows: 3 });
      expect(layout.cells.find((c) => c.row === s3Top - 3 && c.col === 0)?.value).toBe(format.s3.identityCaption);
      expect(layout.pageBreaks).toHaveLength(1);
      const row = (layout.pageBreaks ?? [])[0];
      const index = row - s3Top;
      expect(index).toBeGreaterThan(0);
      expect(index).toBeLessThan(format.s3.rows.length);
      const [before, after] = [format.s3.rows[index - 1], format.s3.rows[index]];
      // No inner group (（三）不予公开 …) is cut in two.
      expect(before.group === undefined || before.group.key !== after.group?.key).toBe(true);
    });

    it.each([0.6, 0.66, 0.7, 0.75, 0.8, 0.85, 0.89, 0.92])(
      "at %p scale: two pages, page 1 at least half full, 表四 after 表三's last rows on page 2",
      (scale) => {
        const pages = paginate(layout, scale);
        expect(pages).toHaveLength(2);
        const [one, two] = pages;
        expect(one.filled).toBeGreaterThanOrEqual(0.5);
        expect(one.titled).toBe(false);
        expect(one.rows[0]).toBe(rowOf(SECTIONS[1].heading));
        // Page 2 starts inside 表三, under its repeated header, and holds the whole of 表四.
        expect(two.titled).toBe(true);
        const s3 = layout.names.find((n) => n.name === NAMES.table('s3'))?.range;
        expect(s3 && inside(s3, two.rows[0], s3.col)).toBe(true);
        expect(two.rows).toContain(rowOf(SECTIONS[3].heading));
        expect(two.rows[two.rows.length - 1]).toBe(area.row + area.rows - 1);
      },
    );
  });
});

describe('the filling instructions', () => {
  const note = (version: FormatVersion): string =>
    String(buildLayout({ version }).cells.find((c) => c.role === 'note' && c.style === 'note')?.value);

  it('name the units each version has: 收费金额 in 2021 only, 本年增/减 in 2019 only', () => {
    expect(note('2021')).toContain('收费金额以万元为单位');
    expect(note('2021')).not.toContain('本年增/减');
    expect(note('2019')).not.toContain('收费金额');
    expect(note('2019')).toContain('本年增/减减少的填负数');
    for (const version of VERSIONS) {
      expect(note(version)).toContain('各表右侧的“本表校验”');
      expect(note(version)).toContain('不打印');
    }
  });
});

describe('buildLayout options', () => {
  it('names the sheet after the year unless told, and cleans names Excel refuses', () => {
    expect(buildLayout({ version: '2021', year: 2024 }).sheetName).toBe('2024年报表格');
    expect(buildLayout({ version: '2021' }).sheetName).toBe('年报表格');
    expect(buildLayout({ version: '2021', sheetName: 'a/b:c*[d]?' }).sheetName).toBe('a_b_c__d__');
    expect(buildLayout({ version: '2021', sheetName: 'x'.repeat(40) }).sheetName).toHaveLength(31);
  });

  it('is the same for the same options (pure)', () => {
    expect(buildLayout({ version: '2019', year: 2020 })).toEqual(buildLayout({ version: '2019', year: 2020 }));
  });

  it('merges the last data column over the rest in 2019 blocks with fewer than 3 columns', () => {
    const layout = buildLayout({ version: '2019' });
    const positions = locateCells(layout);
    const width = (key: string): number | undefined => {
      const p = positions.get(key);
      return layout.merges.find((m) => m.row === p?.row && m.col === p?.col)?.cols;
    };
    expect(width('s2.fee.change')).toBe(2 * (width('s2.fee.previous') ?? 0));
    expect(width('s2.procurement.amount')).toBe(2 * (width('s2.procurement.count') ?? 0));
    expect(width('s2.license.decisions')).toBe(width('s2.license.previous'));
  });
});

describe('compactRanges', () => {
  const cover = (ranges: CellRange[]): string[] =>
    ranges
      .flatMap((r) =>
        Array.from({ length: r.rows * r.cols }, (_, i) => `${r.row + Math.floor(i / r.cols)},${r.col + (i % r.cols)}`),
      )
      .sort();

  it('covers a block with one rectangle and a ragged set exactly, each cell once', () => {
    const block = [0, 1, 2].flatMap((row) => [4, 5, 6].map((col) => ({ row, col })));
    expect(compactRanges(block)).toEqual([{ row: 0, col: 4, rows: 3, cols: 3 }]);
    const ragged = [
      { row: 0, col: 0 },
      { row: 1, col: 0 },
      { row: 1, col: 1 },
      { row: 5, col: 3 },
      { row: 0, col: 0 },
    ];
    expect(cover(compactRanges(ragged))).toEqual(['0,0', '1,0', '1,1', '5,3']);
  });
});
