import {
  MAX_SHEET_NAME_LENGTH,
  sanitizeSheetName,
  sheetNameProblem,
  uniqueSheetName,
} from '../../src/layout/sheet-name';

describe('uniqueSheetName', () => {
  it('keeps a free name', () => {
    expect(uniqueSheetName('2024年报表格', ['Sheet1'])).toBe('2024年报表格');
  });

  it('numbers a taken name from (2)', () => {
    expect(uniqueSheetName('2024年报表格', ['2024年报表格'])).toBe('2024年报表格 (2)');
    expect(uniqueSheetName('2024年报表格', ['2024年报表格', '2024年报表格 (2)'])).toBe('2024年报表格 (3)');
  });

  it('compares names without regard to case, as Excel does', () => {
    expect(uniqueSheetName('Report', ['REPORT'])).toBe('Report (2)');
    expect(uniqueSheetName('Report', ['REPORT', 'report (2)'])).toBe('Report (3)');
  });

  it('shortens the base so that a numbered name stays within 31 characters', () => {
    const long = '某某省某某市某某区人民政府办公室二〇二四年度政府信息公开年报';
    expect(long.length).toBe(30);
    const name = uniqueSheetName(long, [long]);
    expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
    expect(name.endsWith(' (2)')).toBe(true);
    expect(long.startsWith(name.slice(0, -4))).toBe(true);
  });

  it('replaces characters Excel forbids and never returns a refused name', () => {
    const name = uniqueSheetName("'报表[2024]/草稿:*?\\'", []);
    expect(name).toBe('报表_2024__草稿____');
    expect(sheetNameProblem(name)).toBeNull();
  });

  it('does not split a surrogate pair when shortening', () => {
    const name = sanitizeSheetName('😀'.repeat(20));
    expect(name.length).toBe(30);
    expect([...name].every((ch) => ch === '😀')).toBe(true);
  });

  it('falls back to a default for an empty or reserved name', () => {
    expect(sanitizeSheetName('   ')).toBe('年报表格');
    expect(sanitizeSheetName('history')).toBe('年报表格');
  });
});

describe('sheetNameProblem', () => {
  it('names what Excel refuses', () => {
    expect(sheetNameProblem('')).toBe('empty');
    expect(sheetNameProblem('x'.repeat(32))).toBe('tooLong');
    expect(sheetNameProblem('a/b')).toBe('forbiddenCharacter');
    expect(sheetNameProblem("'a")).toBe('apostrophe');
    expect(sheetNameProblem('History')).toBe('reserved');
    expect(sheetNameProblem('2024年报表格 (2)')).toBeNull();
  });
});
