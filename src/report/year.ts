// Reading a report year as people write it: `2022`, `２０２２`, `2022年`, `2022年度`, `二〇二二年`.
// A year that cannot be read says why, so that the user sees the problem instead of "no year".

/** A year read, or why it could not be. The plausible range is PROFILE-YEAR's concern, not this. */
export type YearReading =
  | { readonly ok: true; readonly year: number }
  | { readonly ok: false; readonly problem: 'twoDigits' | 'notAYear'; readonly text: string };

const CHINESE_DIGITS: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  '○': '0',
  Ｏ: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

function normalise(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xfee0);
    else out += CHINESE_DIGITS[ch] ?? ch;
  }
  return out.replace(/[\s\u3000]+/g, '');
}

/**
 * The year in a profile field. Numbers must be whole; text may carry full-width or Chinese digits
 * (`二〇二二`, digit by digit as years are written) and a trailing 年 or 年度.
 */
export function readYear(raw: unknown): YearReading | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'number') {
    return Number.isInteger(raw) ? { ok: true, year: raw } : { ok: false, problem: 'notAYear', text: String(raw) };
  }
  if (typeof raw !== 'string') return { ok: false, problem: 'notAYear', text: String(raw) };
  const text = raw.trim();
  if (text === '') return undefined;
  const bare = normalise(text).replace(/年度?$/, '');
  if (/^\d{4}$/.test(bare)) return { ok: true, year: Number(bare) };
  if (/^\d{2}$/.test(bare)) return { ok: false, problem: 'twoDigits', text };
  return { ok: false, problem: 'notAYear', text };
}
