import { columnsAddress, rowsAddress, toRectangles } from '../../src/excel/a1';
import { cellA1 as cellAddress, columnName as columnLetters, rangeA1 } from '../../src/layout/a1';
import type { CellRange } from '../../src/layout/types';

const rangeAddress = (range: CellRange): string => rangeA1(range);

describe('A1 addresses', () => {
  it('names columns A…Z, then AA, AZ, BA, XFD', () => {
    expect([0, 25, 26, 51, 52, 16383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'XFD']);
  });

  it('gives one cell as B3 and a block as B3:D5', () => {
    expect(cellAddress(2, 1)).toBe('B3');
    expect(rangeAddress({ row: 2, col: 1, rows: 1, cols: 1 })).toBe('B3');
    expect(rangeAddress({ row: 2, col: 1, rows: 3, cols: 3 })).toBe('B3:D5');
  });

  it('gives whole columns and rows', () => {
    expect(columnsAddress(0, 3)).toBe('A:C');
    expect(rowsAddress(4, 1)).toBe('5:5');
  });

  it('refuses negative indexes and empty ranges', () => {
    expect(() => columnLetters(-1)).toThrow(RangeError);
    expect(() => rangeAddress({ row: 0, col: 0, rows: 0, cols: 1 })).toThrow(RangeError);
  });
});

describe('toRectangles', () => {
  const covered = (rects: ReturnType<typeof toRectangles>): string[] =>
    rects
      .flatMap((r) =>
        Array.from({ length: r.rows * r.cols }, (_, i) => `${r.row + Math.floor(i / r.cols)},${r.col + (i % r.cols)}`),
      )
      .sort();

  it('covers a full block with one rectangle', () => {
    const cells = [0, 1, 2].flatMap((row) => [3, 4].map((col) => ({ row, col })));
    expect(toRectangles(cells)).toEqual([{ row: 0, col: 3, rows: 3, cols: 2 }]);
  });

  it('covers exactly the given cells, each once, for a ragged shape', () => {
    const cells = [
      { row: 0, col: 0 },
      { row: 0, col: 1 },
      { row: 1, col: 1 },
      { row: 2, col: 0 },
      { row: 2, col: 1 },
      { row: 2, col: 5 },
      { row: 2, col: 1 },
    ];
    const rects = toRectangles(cells);
    expect(covered(rects)).toEqual(['0,0', '0,1', '1,1', '2,0', '2,1', '2,5']);
    expect(rects.length).toBeLessThanOrEqual(4);
  });
});
