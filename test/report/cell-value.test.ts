// Raw cell input as people type it in real reports (RULES.md, CELL-NOT-NUMBER's accepted forms).
import { readCell } from '../../src/report';

describe('readCell', () => {
  it.each([
    [12, 12],
    ['12', 12],
    ['１２', 12],
    ['1,234', 1234],
    ['1，234', 1234],
    ['12,345,678', 12345678],
    ['  7  ', 7],
    ['\u3000７\u3000', 7],
    ['3件', 3],
    ['3 件', 3],
    ['706条', 706],
    ['13.39万元', 13.39],
    ['１３．３９', 13.39],
    ['0', 0],
    ['-3', -3],
    ['－3', -3],
    ['+5', 5],
    ['−3', -3],
    ['＋５', 5],
    ['０', 0],
    ['９', 9],
    ['13。39', 13.39],
    ['1\u00a0234', 1234],
    ['\u2009\u202f8\u00a0', 8],
  ])('reads %p as the number %p', (raw, value) => {
    const reading = readCell(raw);
    expect(reading).toMatchObject({ kind: 'number', value });
  });

  it.each([null, undefined, '', '   ', '—', '——', '-', '/', '／', '无', '空', ' — '])('reads %p as blank', (raw) => {
    expect(readCell(raw).kind).toBe('blank');
  });

  it('keeps the placeholder that was typed, so the message can quote it', () => {
    expect(readCell('无')).toEqual({ kind: 'blank', placeholder: '无' });
  });

  it.each(['abc', '约3', '3-5', '1,2', '12元', '3.4.5', '见附件', 'NaN', 'Infinity', '1e5'])(
    'keeps %p as text, unchanged',
    (raw) => {
      expect(readCell(raw)).toEqual({ kind: 'text', text: raw });
    },
  );

  it('counts decimals as written, for the 4-decimal rule on 万元', () => {
    expect(readCell('13.39000')).toMatchObject({ value: 13.39, decimals: 5 });
    expect(readCell(13.39)).toMatchObject({ decimals: 2 });
    expect(readCell(0.123456)).toMatchObject({ decimals: 6 });
    expect(readCell(1e-7)).toMatchObject({ decimals: 7 });
  });

  it('does not count float noise from spreadsheet arithmetic as decimals', () => {
    expect(readCell(0.1 + 0.2)).toMatchObject({ decimals: 1 });
    expect(readCell(13.39 * 3 - 26.78)).toMatchObject({ decimals: 2 });
    expect(readCell(123456.7891)).toMatchObject({ decimals: 4 });
    expect(readCell(1.5e-5)).toMatchObject({ decimals: 6 });
  });

  it('reads -0 as 0, typed or as a number', () => {
    for (const raw of ['-0', -0]) {
      const reading = readCell(raw);
      expect(reading.kind === 'number' && Object.is(reading.value, 0)).toBe(true);
    }
  });

  it('counts the decimals of a number written with an exponent', () => {
    expect(readCell(1.23e-10)).toMatchObject({ decimals: 12 });
    expect(readCell(2.5e-3)).toMatchObject({ decimals: 4 });
    expect(readCell(1.5e15)).toMatchObject({ decimals: 0 });
  });

  it('keeps a number beyond 2^53 as text marked too large, typed or as a number', () => {
    expect(readCell(2 ** 53 + 2)).toEqual({ kind: 'text', text: String(2 ** 53 + 2), tooLarge: true });
    expect(readCell('-123456789012345678901')).toEqual({
      kind: 'text',
      text: '-123456789012345678901',
      tooLarge: true,
    });
    expect(readCell(Number.MAX_SAFE_INTEGER)).toMatchObject({ kind: 'number', value: Number.MAX_SAFE_INTEGER });
    expect(readCell(-Number.MAX_SAFE_INTEGER)).toMatchObject({ kind: 'number' });
  });

  it('treats a non-finite number as text, never as a figure', () => {
    expect(readCell(Number.NaN)).toEqual({ kind: 'text', text: 'NaN' });
    expect(readCell(Number.POSITIVE_INFINITY)).toEqual({ kind: 'text', text: 'Infinity', tooLarge: true });
    expect(readCell('1e999')).toEqual({ kind: 'text', text: '1e999', tooLarge: true });
    expect(readCell('2.5e20')).toEqual({ kind: 'text', text: '2.5e20', tooLarge: true });
  });
});
