// A1 notation at the edge of the layout: columns, cells, ranges and the sheet-qualified areas
// that defined names refer to.
import {
  cellA1,
  columnIndex,
  columnName,
  parseCellA1,
  parseRangeA1,
  parseSheetRanges,
  rangeA1,
  sheetRangeA1,
} from '../../src/layout/a1';

describe('A1 notation', () => {
  it('names columns A…Z, AA…, and reads them back', () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnName)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
      'XFD',
    ]);
    for (const col of [0, 25, 26, 51, 52, 701, 702, 16383]) expect(columnIndex(columnName(col))).toBe(col);
    expect(columnIndex('xfd')).toBe(16383);
  });

  it('writes cells and ranges, relative or absolute', () => {
    expect(cellA1(6, 1)).toBe('B7');
    expect(cellA1(6, 1, true)).toBe('$B$7');
    expect(rangeA1({ row: 6, col: 1, rows: 3, cols: 3 })).toBe('B7:D9');
    expect(rangeA1({ row: 6, col: 1, rows: 1, cols: 1 }, true)).toBe('$B$7');
  });

  it('reads cells and ranges in any corner order', () => {
    expect(parseCellA1('$B$7')).toEqual({ row: 6, col: 1 });
    expect(parseRangeA1('D9:B7')).toEqual({ row: 6, col: 1, rows: 3, cols: 3 });
    expect(parseRangeA1('C3')).toEqual({ row: 2, col: 2, rows: 1, cols: 1 });
  });

  it('refuses what is not a cell', () => {
    expect(() => columnName(-1)).toThrow(RangeError);
    expect(() => parseCellA1('7B')).toThrow(RangeError);
    expect(() => parseCellA1('#REF!')).toThrow(RangeError);
  });

  it('quotes sheet names, doubling inner quotes, and reads them back from a defined name', () => {
    const range = { row: 26, col: 8, rows: 25, cols: 7 };
    const ref = sheetRangeA1("张三's 2024年 报表", range);
    expect(ref).toBe("'张三''s 2024年 报表'!$I$27:$O$51");
    expect(parseSheetRanges(ref)).toEqual([{ sheet: "张三's 2024年 报表", range }]);
  });

  it('reads several areas, unquoted names, and skips areas that are gone', () => {
    expect(parseSheetRanges("Sheet1!$A$1:$B$2,'b c'!$C$3,Sheet2!#REF!")).toEqual([
      { sheet: 'Sheet1', range: { row: 0, col: 0, rows: 2, cols: 2 } },
      { sheet: 'b c', range: { row: 2, col: 2, rows: 1, cols: 1 } },
    ]);
    expect(parseSheetRanges('=Sheet1!$A$1')).toEqual([
      { sheet: 'Sheet1', range: { row: 0, col: 0, rows: 1, cols: 1 } },
    ]);
    expect(parseSheetRanges('42')).toEqual([]);
  });
});
