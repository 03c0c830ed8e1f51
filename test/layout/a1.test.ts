// A1 notation at the edge of the layout: columns, cells, ranges and the sheet-qualified areas
// that defined names refer to.
import {
  cellA1,
  columnIndex,
  columnName,
  parseAreas,
  parseCellA1,
  parseRangeA1,
  parseSheetRanges,
  rangeA1,
  sheetRangeA1,
  splitReference,
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

  it('reads whole columns and whole rows as the full height or width of the sheet', () => {
    expect(parseRangeA1('B:D')).toEqual({ row: 0, col: 1, rows: 1048576, cols: 3 });
    expect(parseRangeA1('$D:$B')).toEqual({ row: 0, col: 1, rows: 1048576, cols: 3 });
    expect(parseRangeA1('3:5')).toEqual({ row: 2, col: 0, rows: 3, cols: 16384 });
    expect(parseRangeA1('$7:$7')).toEqual({ row: 6, col: 0, rows: 1, cols: 16384 });
  });

  it('refuses what is not a cell, or lies outside the grid', () => {
    expect(() => columnName(-1)).toThrow(RangeError);
    expect(() => parseCellA1('7B')).toThrow(RangeError);
    expect(() => parseCellA1('#REF!')).toThrow(RangeError);
    expect(() => parseCellA1('XFE1')).toThrow(RangeError);
    expect(() => parseCellA1('A0')).toThrow(RangeError);
    expect(() => parseCellA1('A1048577')).toThrow(RangeError);
    expect(parseCellA1('XFD1048576')).toEqual({ row: 1048575, col: 16383 });
    expect(() => parseRangeA1('A1:B2:C3')).toThrow(RangeError);
    expect(() => parseRangeA1('A1:B')).toThrow(RangeError);
    expect(() => rangeA1({ row: 0, col: 0, rows: 0, cols: 1 })).toThrow(RangeError);
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

describe('references with several areas', () => {
  it('splits at commas with or without a space, keeping commas inside quoted sheet names', () => {
    expect(splitReference('A1:B2, D4')).toEqual([{ ref: 'A1:B2' }, { ref: 'D4' }]);
    expect(splitReference('A1:B2,D4')).toEqual([{ ref: 'A1:B2' }, { ref: 'D4' }]);
    expect(splitReference("'a, b'!A1,'it''s'!$B$2")).toEqual([
      { sheet: 'a, b', ref: 'A1' },
      { sheet: "it's", ref: '$B$2' },
    ]);
  });

  it('keeps what Excel writes for deleted cells, for the caller to judge', () => {
    expect(splitReference('=#REF!')).toEqual([{ sheet: '#REF', ref: '' }]);
    expect(splitReference("'年报'!#REF!")).toEqual([{ sheet: '年报', ref: '#REF!' }]);
    expect(splitReference('#REF!$B$7:$D$9')).toEqual([{ sheet: '#REF', ref: '$B$7:$D$9' }]);
  });

  it('does not split inside a formula or a string', () => {
    expect(splitReference('OFFSET(A1,1,1),"a,b"')).toEqual([{ ref: 'OFFSET(A1,1,1)' }, { ref: '"a,b"' }]);
  });

  it('parses the addresses of change events and Range.address, sheet-qualified or not', () => {
    expect(parseAreas("'年报 2024'!A1:B2, D4, C:C, 3:3")).toEqual([
      { sheet: '年报 2024', range: { row: 0, col: 0, rows: 2, cols: 2 } },
      { range: { row: 3, col: 3, rows: 1, cols: 1 } },
      { range: { row: 0, col: 2, rows: 1048576, cols: 1 } },
      { range: { row: 2, col: 0, rows: 1, cols: 16384 } },
    ]);
    expect(parseAreas('Sheet1!$A$1')).toEqual([{ sheet: 'Sheet1', range: { row: 0, col: 0, rows: 1, cols: 1 } }]);
    expect(() => parseAreas('A1, #REF!')).toThrow(RangeError);
    expect(() => parseAreas('')).toThrow(RangeError);
  });
});
