// The sheet map: every key of both layouts to its cell and back, merged data cells, the addresses
// Excel's change events give, tables moved apart by inserted rows, and what bad anchors do.
import { cellsOfTable, type FormatVersion } from '../../src/format';
import { rangeA1 } from '../../src/layout/a1';
import { buildLayout } from '../../src/layout/build';
import { NAMES } from '../../src/layout/names';
import { buildSheetMap, SheetMapError, type SheetMap } from '../../src/layout/sheet-map';
import type { CellRange, SheetLayout } from '../../src/layout/types';

const VERSIONS: readonly FormatVersion[] = ['2021', '2019'];

/** The anchors as the layout writes them, optionally moved or dropped. */
function anchorsOf(layout: SheetLayout, edit: (name: string, range: CellRange) => CellRange | null = (_, r) => r) {
  const anchors = new Map<string, CellRange>();
  for (const { name, range } of layout.names) {
    const edited = edit(name, range);
    if (edited) anchors.set(name, edited);
  }
  return anchors;
}

const down = (range: CellRange, rows: number): CellRange => ({ ...range, row: range.row + rows });

/** The keys whose cell meets a rectangle, found the slow way: what keysIn must equal. */
function bruteForce(map: SheetMap, range: CellRange): string[] {
  return map.keys.filter((key) => {
    const r = map.rectOf(key);
    if (!r) return false;
    return (
      r.row < range.row + range.rows &&
      range.row < r.row + r.rows &&
      r.col < range.col + range.cols &&
      range.col < r.col + r.cols
    );
  });
}

const errorOf = (build: () => unknown): SheetMapError => {
  try {
    build();
  } catch (error) {
    if (error instanceof SheetMapError) return error;
    throw error;
  }
  throw new Error('no SheetMapError');
};

describe.each(VERSIONS)('the %s layout where it was written', (version) => {
  const layout = buildLayout({ version });
  const map = buildSheetMap(layout, anchorsOf(layout));
  const keyed = layout.cells.filter((c) => c.key !== undefined);

  it('places every data cell and profile input, in layout order', () => {
    expect(map.keys).toEqual(keyed.map((c) => c.key));
    const dataKeys = (['s2', 's3', 's4'] as const).flatMap((t) => cellsOfTable(version, t).map((c) => c.key));
    expect([...map.keys].filter((k) => !k.startsWith('profile.')).sort()).toEqual([...dataKeys].sort());
  });

  it('gives each key its cell with the merge span, and every cell of that span back to the key', () => {
    for (const cell of keyed) {
      const rect = map.rectOf(cell.key ?? '');
      const merge = layout.merges.find((m) => m.row === cell.row && m.col === cell.col);
      expect(rect).toEqual({ row: cell.row, col: cell.col, rows: merge?.rows ?? 1, cols: merge?.cols ?? 1 });
      if (!rect) continue;
      for (let r = rect.row; r < rect.row + rect.rows; r++)
        for (let c = rect.col; c < rect.col + rect.cols; c++) expect(map.keyAt({ row: r, col: c })).toBe(cell.key);
    }
  });

  it('has no key at labels, headers, the title or outside the tables', () => {
    const unkeyed = layout.cells.filter((c) => c.key === undefined);
    expect(unkeyed.length).toBeGreaterThan(20);
    for (const cell of unkeyed) expect(map.keyAt(cell)).toBeUndefined();
    expect(map.keyAt({ row: layout.extent.rows + 3, col: 0 })).toBeUndefined();
    expect(map.rectOf('s3.nope.natural')).toBeUndefined();
  });
});

describe('merged data cells', () => {
  const layout = buildLayout({ version: '2021' });
  const map = buildSheetMap(layout, anchorsOf(layout));

  it('spans a 表二 figure over several columns and the agency over seven', () => {
    const fee = map.rectOf('s2.fee.amount');
    expect(fee?.cols).toBeGreaterThan(1);
    expect(fee?.rows).toBe(1);
    if (!fee) return;
    expect(map.keyAt({ row: fee.row, col: fee.col + fee.cols - 1 })).toBe('s2.fee.amount');
    expect(map.keyAt({ row: fee.row, col: fee.col + fee.cols })).not.toBe('s2.fee.amount');
    expect(map.rectOf('profile.agency')).toMatchObject({ rows: 1, cols: 7 });
    expect(map.rectOf('s3.new.natural')).toMatchObject({ rows: 1, cols: 1 });
  });

  it('names a merged cell when an edit touches only its last column', () => {
    const fee = map.rectOf('s2.fee.amount');
    if (!fee) throw new Error('no s2.fee.amount');
    const last = rangeA1({ row: fee.row, col: fee.col + fee.cols - 1, rows: 1, cols: 1 });
    expect(map.keysIn(last)).toEqual(['s2.fee.amount']);
  });
});

describe('keysIn: the addresses Excel gives', () => {
  const layout = buildLayout({ version: '2021' });
  const map = buildSheetMap(layout, anchorsOf(layout), { sheetName: '年报 2024' });
  const s3 = layout.names.find((n) => n.name === NAMES.table('s3'))?.range;
  if (!s3) throw new Error('no NB_S3');
  const first = map.rectOf('s3.new.natural');
  if (!first) throw new Error('no s3.new.natural');
  const firstA1 = rangeA1(first);

  it('reads a single cell, relative or absolute', () => {
    expect(map.keysIn(firstA1)).toEqual(['s3.new.natural']);
    expect(map.keysIn(rangeA1(first, true))).toEqual(['s3.new.natural']);
  });

  it('reads a range: the whole of 表三 is every 表三 key', () => {
    const keys = map.keysIn(rangeA1(s3, true));
    expect(keys).toEqual(
      cellsOfTable('2021', 's3')
        .map((c) => c.key)
        .filter((k) => keys.includes(k)),
    );
    expect(keys).toHaveLength(cellsOfTable('2021', 's3').length);
  });

  it('reads multi-area addresses with either separator, without repeating a key', () => {
    const fee = rangeA1(map.rectOf('s2.fee.amount') ?? first);
    const expected = ['s2.fee.amount', 's3.new.natural'];
    expect(map.keysIn(`${firstA1}, ${fee}`)).toEqual(expected);
    expect(map.keysIn(`${firstA1},${fee}`)).toEqual(expected);
    expect(map.keysIn(`${firstA1}, ${firstA1}:${firstA1}, ${fee}`)).toEqual(expected);
  });

  it('reads whole columns and whole rows', () => {
    const column = rangeA1({ row: 0, col: first.col, rows: 1, cols: 1 }).replace(/\d+$/, '');
    const columns = map.keysIn(`${column}:${column}`);
    expect(columns).toEqual(bruteForce(map, { row: 0, col: first.col, rows: 1048576, cols: 1 }));
    expect(columns).toContain('s3.new.natural');
    expect(columns).toContain('profile.agency'); // the agency's merged cell crosses this column
    const rows = map.keysIn(`${first.row + 1}:${first.row + 3}`);
    expect(rows).toEqual(bruteForce(map, { row: first.row, col: 0, rows: 3, cols: 16384 }));
    expect(rows).toHaveLength(3 * layout.checks[1].data.cols);
    expect(map.keysIn(`$${first.row + 1}:$${first.row + 1}`)).toHaveLength(layout.checks[1].data.cols);
  });

  it('reads the whole sheet at once without walking its 17 billion cells', () => {
    const start = Date.now();
    expect(map.keysIn('1:1048576')).toEqual(map.keys);
    expect(map.keysIn('A:XFD')).toEqual(map.keys);
    expect(map.keysIn('A1:XFD1048576')).toEqual(map.keys);
    expect(Date.now() - start).toBeLessThan(500);
  });

  it('reads addresses qualified with this sheet (any case) and ignores other sheets', () => {
    expect(map.keysIn(`'年报 2024'!${firstA1}`)).toEqual(['s3.new.natural']);
    expect(map.keysIn(`'年报 2024'!${firstA1}, '年报 2024'!A1`)).toEqual(['s3.new.natural']);
    expect(map.keysIn(`Sheet2!${firstA1}`)).toEqual([]);
    const latin = buildSheetMap(layout, anchorsOf(layout), { sheetName: 'Report' });
    expect(latin.keysIn(`REPORT!${firstA1}`)).toEqual(['s3.new.natural']);
  });

  it('finds nothing in cells that hold no key, and refuses what is not an address', () => {
    expect(map.keysIn('A1')).toEqual([]);
    expect(map.keysIn(`A${layout.extent.rows + 5}:Z${layout.extent.rows + 9}`)).toEqual([]);
    expect(() => map.keysIn('not an address')).toThrow(RangeError);
    expect(() => map.keysIn('A1:B2,')).toThrow(RangeError);
  });
});

describe('tables found by their own anchors', () => {
  const layout = buildLayout({ version: '2021' });

  it('moves only the tables below rows inserted between 表二 and 表三', () => {
    const inserted = 5;
    const moved = (name: string): boolean => name.startsWith('NB_S3') || name.startsWith('NB_S4');
    const map = buildSheetMap(
      layout,
      anchorsOf(layout, (name, range) => (moved(name) ? down(range, inserted) : range)),
    );
    const written = buildSheetMap(layout, anchorsOf(layout));
    for (const key of written.keys) {
      const was = written.rectOf(key);
      const shift = key.startsWith('s3.') || key.startsWith('s4.') ? inserted : 0;
      expect(map.rectOf(key)).toEqual(was && down(was, shift));
    }
    const s3 = written.rectOf('s3.new.natural');
    if (!s3) throw new Error('no s3.new.natural');
    expect(map.keyAt(down(s3, inserted))).toBe('s3.new.natural');
    expect(map.keyAt(s3)).not.toBe('s3.new.natural');
  });

  it('follows a table moved sideways (columns inserted to its left)', () => {
    const map = buildSheetMap(
      layout,
      anchorsOf(layout, (name, range) => (name === NAMES.table('s4') ? { ...range, col: range.col + 2 } : range)),
    );
    const written = buildSheetMap(layout, anchorsOf(layout));
    const cell = written.rectOf('s4.review.upheld');
    expect(map.rectOf('s4.review.upheld')).toEqual(cell && { ...cell, col: cell.col + 2 });
  });

  it('finds a profile input by its own name before the profile block, and leaves it out with neither', () => {
    const noOwnNames = (name: string, range: CellRange): CellRange | null =>
      name.startsWith('NB_P_') ? null : name === NAMES.profile ? down(range, 2) : range;
    const byBlock = buildSheetMap(layout, anchorsOf(layout, noOwnNames));
    const written = buildSheetMap(layout, anchorsOf(layout));
    const year = written.rectOf('profile.year');
    expect(byBlock.rectOf('profile.year')).toEqual(year && down(year, 2));

    const ownMoved = buildSheetMap(
      layout,
      anchorsOf(layout, (name, range) => (name === NAMES.year ? down(range, 9) : range)),
    );
    expect(ownMoved.rectOf('profile.year')).toEqual(year && down(year, 9));
    expect(ownMoved.rectOf('profile.agency')).toEqual(written.rectOf('profile.agency'));

    const none = buildSheetMap(
      layout,
      anchorsOf(layout, (name, range) => (name.startsWith('NB_P') ? null : range)),
    );
    expect(none.keys.filter((k) => k.startsWith('profile.'))).toEqual([]);
    expect(none.rectOf('profile.year')).toBeUndefined();
  });
});

describe('bad anchors', () => {
  const layout = buildLayout({ version: '2019' });

  it('refuses a sheet without one of its tables', () => {
    const error = errorOf(() =>
      buildSheetMap(
        layout,
        anchorsOf(layout, (name, range) => (name === NAMES.table('s3') ? null : range)),
      ),
    );
    expect(error.problem).toEqual({ kind: 'missing', name: 'NB_S3' });
  });

  it('refuses a table block that shrank or grew, saying both sizes', () => {
    const s3 = layout.names.find((n) => n.name === NAMES.table('s3'))?.range;
    if (!s3) throw new Error('no NB_S3');
    const shrunk = { ...s3, rows: s3.rows - 1 };
    const error = errorOf(() =>
      buildSheetMap(
        layout,
        anchorsOf(layout, (name, range) => (name === NAMES.table('s3') ? shrunk : range)),
      ),
    );
    expect(error.problem).toEqual({ kind: 'resized', name: 'NB_S3', found: shrunk, expected: s3 });
    const wide = errorOf(() =>
      buildSheetMap(
        layout,
        anchorsOf(layout, (name, range) => (name === NAMES.year ? { ...range, cols: 2 } : range)),
      ),
    );
    expect(wide.problem).toMatchObject({ kind: 'resized', name: 'NB_P_YEAR' });
  });

  it('checks the profile block only when an input has no name of its own', () => {
    const reshaped = (name: string, range: CellRange): CellRange =>
      name === NAMES.profile ? { ...range, rows: 3 } : range;
    expect(buildSheetMap(layout, anchorsOf(layout, reshaped)).rectOf('profile.year')).toBeDefined();
    const error = errorOf(() =>
      buildSheetMap(
        layout,
        anchorsOf(layout, (name, range) => (name === NAMES.year ? null : reshaped(name, range))),
      ),
    );
    expect(error.problem).toMatchObject({ kind: 'resized', name: 'NB_PROFILE' });
  });

  it('refuses two tables on the same cells', () => {
    const s3 = layout.names.find((n) => n.name === NAMES.table('s3'))?.range;
    if (!s3) throw new Error('no NB_S3');
    const error = errorOf(() =>
      buildSheetMap(
        layout,
        anchorsOf(layout, (name, range) =>
          name === NAMES.table('s4') ? { ...range, row: s3.row, col: s3.col } : range,
        ),
      ),
    );
    expect(error.problem).toMatchObject({
      kind: 'overlap',
      name: 'NB_S4',
      other: 'NB_S3',
      at: { row: s3.row, col: s3.col },
    });
  });
});
