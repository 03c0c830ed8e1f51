// The unprintable characters are written out as ranges (the pane's ES2017 engines have no \p{…}):
// they must be exactly the Unicode categories Cc, Cf, Zl, Zp and Cs of the Node that runs the tests.
import { UNPRINTABLE_CLASS, escapeUnprintable } from '../../src/i18n';

it('the ranges are exactly Cc, Cf, Zl, Zp and Cs, code point by code point', () => {
  const properties = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]$/u;
  const ranges = new RegExp(`^[${UNPRINTABLE_CLASS}]$`, 'u');
  const differ: string[] = [];
  for (let cp = 0; cp < 0x110000; cp++) {
    const ch = String.fromCodePoint(cp);
    if (properties.test(ch) !== ranges.test(ch)) differ.push(cp.toString(16));
  }
  expect(differ).toEqual([]);
});

it('escapes a bidi override and a zero-width space, keeps Chinese and emoji', () => {
  expect(escapeUnprintable('年报\u202e\u200b😀')).toBe('年报\\u202e\\u200b😀');
});
