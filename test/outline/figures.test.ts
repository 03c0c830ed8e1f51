import { BLANK_FIGURE, figureText, figuresOf, numberText } from '../../src/outline';
import type { Outline } from '../../src/outline';

describe('figureText', () => {
  it('prints counts as plain integers, without thousands separators', () => {
    expect(figureText(90025, 'count')).toBe('90025');
    expect(figureText(0, 'count')).toBe('0');
    expect(figureText(1234567, 'count')).toBe('1234567');
  });

  it('keeps an amount in 万元 with the decimals it was given', () => {
    expect(figureText(13.39, 'wanyuan')).toBe('13.39');
    expect(figureText(0.5, 'wanyuan')).toBe('0.5');
    expect(figureText(120, 'wanyuan')).toBe('120');
    expect(figureText(0.0001, 'wanyuan')).toBe('0.0001');
  });

  it('never shows float noise: beyond 4 decimals the value is rounded and trailing zeros dropped', () => {
    expect(figureText(13.390000001, 'wanyuan')).toBe('13.39');
    expect(figureText(0.1 + 0.2, 'wanyuan')).toBe('0.3');
    expect(figureText(2.9999999999999996, 'count')).toBe('3');
    expect(figureText(1.23456, 'wanyuan')).toBe('1.2346');
  });

  it('keeps the decimals of a number typed as text (13.390 stays 13.390) and reads full-width digits', () => {
    expect(figureText('13.390', 'wanyuan')).toBe('13.390');
    expect(figureText('１２', 'count')).toBe('12');
    expect(figureText('1,234', 'count')).toBe('1234');
    expect(figureText('5件', 'count')).toBe('5');
  });

  it('shows a blank cell, an absent one and a placeholder as BLANK_FIGURE', () => {
    expect(figureText(null, 'count')).toBe(BLANK_FIGURE);
    expect(figureText(undefined, 'count')).toBe(BLANK_FIGURE);
    expect(figureText('  ', 'count')).toBe(BLANK_FIGURE);
    expect(figureText('—', 'count')).toBe(BLANK_FIGURE);
  });

  it('shows text that is not a number as typed', () => {
    expect(figureText('约5', 'count')).toBe('约5');
    expect(figureText(' 三 ', 'count')).toBe('三');
  });

  it('prints negative changes with a minus sign and never -0', () => {
    expect(figureText(-3, 'signedCount')).toBe('-3');
    expect(figureText(-0, 'signedCount')).toBe('0');
    expect(numberText(-0.00001, 2)).toBe('0.00');
  });
});

describe('figuresOf', () => {
  it('maps each tag to its text, the last one where a tag appears twice, and ignores prompts', () => {
    const outline: Outline = {
      title: 't',
      blocks: [
        {
          kind: 'paragraph',
          style: 'body',
          runs: [
            { kind: 'figure', tag: 'nianbao:s3.new.total', text: '3', alias: 'a' },
            { kind: 'prompt', tag: 'nianbao:prompt:x', text: '（请填写）', alias: 'p' },
          ],
        },
        {
          kind: 'table',
          table: 's3',
          columns: 1,
          widths: [1],
          rows: [[{ figure: { kind: 'figure', tag: 'nianbao:s3.new.total', text: '4', alias: 'a' } }]],
        },
      ],
    };
    expect([...figuresOf(outline)]).toEqual([['nianbao:s3.new.total', '4']]);
  });
});
