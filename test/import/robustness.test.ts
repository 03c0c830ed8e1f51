// No input throws, and none takes long: a megabyte of junk of every shape the patterns could choke on
// reads in well under a second (no catastrophic backtracking, no quadratic scans).
import { seededRandom } from '../../src/bench/random-report';
import { importSource, importText } from '../../src/import';

const MB = 1024 * 1024;
const fill = (unit: string): string => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);

const JUNK: readonly [string, string][] = [
  ['one line of spaces', fill(' ')],
  ['one line of digits', fill('1234567890')],
  ['one line of a date and spaces', `2022年1月1日${fill(' ')}`],
  ['lines of dates', fill('2022年1月1日    至\n')],
  ['a year followed by spaces, per line', fill(`2022${' '.repeat(400)}\n`)],
  ['numbering without end', fill('（一）一、1.')],
  ['lines of numbering', fill('一、（一）1. \n')],
  ['tabs', fill('\t')],
  ['lines of tabs and zeros', fill('0\t\t0\t\t0\n')],
  ['pipes', fill('|')],
  ['rows of a table, repeated', fill('（一）予以公开\t1\t0\t0\t0\t0\t0\t1\n')],
  ['headings, repeated', fill('三、收到和处理政府信息公开申请情况\n行政复议\n')],
  ['a cell per line', fill('0\n\n\u00a0\n\n')],
  ['phrases without figures', fill('收到予以公开部分公开不予公开')],
  ['phrases with figures', fill('收到申请1件，予以公开1件。')],
  ['commas and digits', fill('1,1,1,1，1，')],
  ['CJK without breaks', fill('政府信息公开工作年度报告')],
  [
    'random',
    (() => {
      const rand = seededRandom(7);
      const chars = '0123456789 \t\n\n|,.，。、（）()一二三四五六七八九十年月日至收到申请件规章总计其他';
      const out: string[] = [];
      for (let i = 0; i < MB; i++) out.push(chars[Math.floor(rand() * chars.length)]);
      return out.join('');
    })(),
  ],
];

describe('junk in, problems out', () => {
  it.each(JUNK)('%s: a megabyte read in under a second, without throwing', (_name, text) => {
    const start = performance.now();
    const result = importText(text);
    const elapsed = performance.now() - start;
    expect(result.report).toBeDefined();
    expect(elapsed).toBeLessThan(1000);
  });

  it('a megabyte cell in a source table, and a source of many tables', () => {
    const start = performance.now();
    importSource({
      file: 'x',
      blocks: [{ kind: 'table', table: { rows: [[{ text: fill('1 ') }, { text: fill('（') }]] } }],
    });
    importSource({
      file: 'y',
      blocks: Array.from({ length: 2000 }, () => ({
        kind: 'table' as const,
        table: { rows: [[{ text: '行政复议' }, { text: '0' }]] },
      })),
    });
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('values that are no text', () => {
    expect(() => importText(undefined as unknown as string)).not.toThrow();
    expect(() => importText(42 as unknown as string)).not.toThrow();
    expect(importText('').notFound).toHaveLength(200);
  });
});
