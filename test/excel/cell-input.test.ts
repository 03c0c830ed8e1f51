import { formulaEntry, needsTextPrefix } from '../../src/excel/cell-input';

describe('needsTextPrefix', () => {
  it.each([
    '12',
    '0012',
    '1,234',
    '1.5',
    '５',
    '5%',
    '1e3',
    '2024-01-05',
    '2024/1/5',
    '1/2',
    '12:30',
    '3月5日',
    '2024年3月',
    '1-Jan',
    'Jan 2024',
    'TRUE',
    'false',
    '=SUM(A1)',
    '+1',
    '-5',
    '-abc',
    '@x',
    '#N/A',
    "'quoted",
    '(12)',
    '$5',
    '¥5',
  ])('prefixes %p, which Excel would not keep as text', (text) => {
    expect(needsTextPrefix(text)).toBe(true);
  });

  it.each([
    '机关名称',
    '第二十条第（一）项',
    '1.属于国家秘密',
    '（七）总计',
    '本年新收政府信息公开申请数量',
    'ABC',
    '',
  ])('leaves plain text %p alone', (text) => {
    expect(needsTextPrefix(text)).toBe(false);
  });
});

describe('formulaEntry', () => {
  it('writes a formula with one leading =', () => {
    expect(formulaEntry(null, 'SUM(A1:A3)')).toBe('=SUM(A1:A3)');
    expect(formulaEntry(null, '=SUM(A1:A3)')).toBe('=SUM(A1:A3)');
  });

  it('writes numbers as numbers and blanks as empty strings', () => {
    expect(formulaEntry(3)).toBe(3);
    expect(formulaEntry(0)).toBe(0);
    expect(formulaEntry(null)).toBe('');
    expect(formulaEntry(undefined)).toBe('');
  });

  it("keeps text that looks like a number as text with Excel's apostrophe", () => {
    expect(formulaEntry('2024')).toBe("'2024");
    expect(formulaEntry('机关名称')).toBe('机关名称');
  });

  it('refuses a number Excel cannot store', () => {
    expect(() => formulaEntry(Number.NaN)).toThrow(RangeError);
    expect(() => formulaEntry(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
