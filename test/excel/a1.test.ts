// The live writer's own address helpers: whole columns and rows, and cells grouped into rectangles
// (A1 basics are tested once, in test/layout/a1.test.ts).
import { columnsAddress, rowsAddress, toRectangles } from '../../src/excel/a1';

describe('whole columns and rows', () => {
  it('gives whole columns as B:D and whole rows as 3:5', () => {
    expect(columnsAddress(0, 3)).toBe('A:C');
    expect(columnsAddress(25, 2)).toBe('Z:AA');
    expect(rowsAddress(4, 1)).toBe('5:5');
    expect(rowsAddress(2, 3)).toBe('3:5');
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
