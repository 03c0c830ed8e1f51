// The row guidance against the format and ../shared/spec/GUIDANCE.md: a text for every row of both
// versions and no other, the articles exactly as GUIDANCE.md cites them, Chinese that reads as Chinese.
import { readFileSync } from 'fs';
import { getFormat, FORMAT_VERSIONS, type FormatVersion, type Locale } from '../../src/format';
import { GUIDANCE, guidanceFor, type CellGuidance, type GuidanceStrings, type RowGuidance } from '../../src/i18n';
import { sharedPath } from '../support/shared';

const GUIDANCE_MD = readFileSync(sharedPath('spec', 'GUIDANCE.md'), 'utf8');
const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

/** An article of the 条例 as cited: 第十四条, 第十六条第二款, 第三十六条第（四）（五）项. */
const CITATION =
  /第[一二三四五六七八九十百]+条(?:第[一二三四五六七八九十]+款)?(?:第(?:（[一二三四五六七八九十]+）)+项)?/g;
/** Another document cited beside an article: 国办函〔2020〕109号. */
const DOCUMENT = /国办[\u4e00-\u9fff]*函〔\d{4}〕\d+号/g;

const citations = (text: string): string[] => [...new Set(text.match(CITATION) ?? [])];
const documents = (text: string): string[] => [...new Set(text.match(DOCUMENT) ?? [])];

/** GUIDANCE.md from a `## ` heading that starts with `title` to the next `## ` heading. */
function section(title: string): string {
  const start = GUIDANCE_MD.indexOf(`\n## ${title}`);
  if (start < 0) throw new Error(`GUIDANCE.md has no heading ## ${title}`);
  const rest = GUIDANCE_MD.slice(start + 1);
  const end = rest.indexOf('\n## ');
  return end < 0 ? rest : rest.slice(0, end);
}

/** The rows of a section's table: `table.rowKey` → what it counts (the second column). */
function tableRows(title: string, table: 's2' | 's3'): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of section(title).split('\n')) {
    const match = /^\| `([^`]+)` [^|]*\| (.+) \|$/.exec(line);
    if (match) rows.set(`${table}.${match[1]}`, match[2]);
  }
  return rows;
}

const SPEC_ROWS = new Map([...tableRows('Table 二', 's2'), ...tableRows('Table 三', 's3')]);

/** The article GUIDANCE.md gives a row, or undefined where it gives none (or has no such row). */
function specArticle(rowId: string): string | undefined {
  const text = SPEC_ROWS.get(rowId);
  if (text === undefined) return undefined;
  const found = citations(text);
  if (found.length > 1) throw new Error(`GUIDANCE.md cites more than one article for ${rowId}: ${found.join(', ')}`);
  return found[0];
}

/** Every distinct `table.row` of a version's data cells. */
const rowsOf = (version: FormatVersion): string[] => [
  ...new Set(getFormat(version).cells.map((c) => `${c.table}.${c.row}`)),
];

const rowTexts = (row: RowGuidance): string[] => [row.counts, ...(row.notes ?? [])];

/** Every text of a locale: the general rules, the table texts, and every row's counts and notes. */
function allTexts(strings: GuidanceStrings): string[] {
  const rows = FORMAT_VERSIONS.flatMap((v) => Object.values(strings.rows[v]).flatMap(rowTexts));
  return [...strings.general, ...Object.values(strings.tables), ...rows];
}

const textOf = (g: CellGuidance | undefined): string => (g ? [...rowTexts(g.row), g.table ?? ''].join('\n') : '');

describe('every row has guidance, and only the rows of the format', () => {
  it('each version has 34 rows with data cells (6 + 25 + 3 in 2021, 8 + 23 + 3 in 2019)', () => {
    expect(rowsOf('2021')).toHaveLength(34);
    expect(rowsOf('2019')).toHaveLength(34);
  });

  it.each(FORMAT_VERSIONS.flatMap((v) => LOCALES.map((l) => [v, l] as const)))(
    '%s %s: exactly the rows of getFormat(version).cells',
    (version, locale) => {
      expect(Object.keys(GUIDANCE[locale].rows[version]).sort()).toEqual(rowsOf(version).sort());
    },
  );

  it('no guidance for a row that is in neither format (no stale keys)', () => {
    const known = new Set([...rowsOf('2021'), ...rowsOf('2019')]);
    for (const locale of LOCALES) {
      for (const version of FORMAT_VERSIONS) {
        const stale = Object.keys(GUIDANCE[locale].rows[version]).filter((key) => !known.has(key));
        expect(stale).toEqual([]);
      }
    }
  });

  it('every text is a non-empty sentence', () => {
    for (const locale of LOCALES) {
      for (const text of allTexts(GUIDANCE[locale])) expect(text.trim().length).toBeGreaterThan(5);
      expect(GUIDANCE[locale].general).toHaveLength(5);
    }
  });
});

describe('articles are exactly those GUIDANCE.md cites', () => {
  it('the parser reads GUIDANCE.md: 6 rows of 表二 and 25 of 表三, 23 of them with one article', () => {
    expect([...SPEC_ROWS.keys()].filter((k) => k.startsWith('s2.'))).toHaveLength(6);
    expect([...SPEC_ROWS.keys()].filter((k) => k.startsWith('s3.'))).toHaveLength(25);
    expect([...SPEC_ROWS.keys()].filter((k) => specArticle(k) !== undefined)).toHaveLength(23);
    expect(specArticle('s3.unable.notHeld')).toBe('第三十六条第（四）（五）项');
    expect(specArticle('s3.denied.internal')).toBe('第十六条第一款');
    expect(specArticle('s3.rejected.confirmation')).toBeUndefined();
  });

  it.each(FORMAT_VERSIONS)("%s: each zh-CN row's article is GUIDANCE.md's, and none where it gives none", (version) => {
    for (const rowId of rowsOf(version)) {
      const row = GUIDANCE['zh-CN'].rows[version][rowId];
      expect([rowId, row.article]).toEqual([rowId, specArticle(rowId)]);
    }
  });

  it.each(FORMAT_VERSIONS)('%s: en-US cites the same Chinese strings', (version) => {
    for (const rowId of rowsOf(version)) {
      const article = GUIDANCE['en-US'].rows[version][rowId].article;
      expect([rowId, article]).toEqual([rowId, GUIDANCE['zh-CN'].rows[version][rowId].article]);
    }
  });

  it('a document cited beside an article (国办函〔2020〕109号) is in the row’s text in both locales', () => {
    const cited = [...SPEC_ROWS].filter(([, text]) => documents(text).length > 0);
    expect(cited.map(([rowId]) => rowId)).toEqual(['s3.other.unpaidFee']);
    for (const [rowId, text] of cited) {
      for (const locale of LOCALES) {
        const row = GUIDANCE[locale].rows['2021'][rowId];
        for (const doc of documents(text)) expect(rowTexts(row).join('\n')).toContain(doc);
      }
    }
  });

  it('no text cites an article GUIDANCE.md does not give it', () => {
    const generalSpec = citations(section('General counting rules'));
    const tableSpec = { s2: citations(section('Table 二').split('\n')[0]), s3: [], s4: [] };
    for (const locale of LOCALES) {
      const strings = GUIDANCE[locale];
      for (const version of FORMAT_VERSIONS) {
        for (const [rowId, row] of Object.entries(strings.rows[version])) {
          const inText = citations(rowTexts(row).join('\n')).filter((c) => c !== row.article);
          expect([locale, rowId, inText]).toEqual([locale, rowId, []]);
          expect(documents(rowTexts(row).join('\n'))).toEqual(documents(SPEC_ROWS.get(rowId) ?? ''));
        }
      }
      for (const text of strings.general) {
        for (const c of citations(text)) expect(generalSpec).toContain(c);
      }
      for (const [table, text] of Object.entries(strings.tables)) {
        for (const c of citations(text)) expect(tableSpec[table as keyof typeof tableSpec]).toContain(c);
      }
    }
    expect(citations(strings('zh-CN').tables.s2 ?? '')).toEqual(['第二十条']);
  });
});

function strings(locale: Locale): GuidanceStrings {
  return GUIDANCE[locale];
}

describe('the Chinese reads as Chinese, the English as English', () => {
  it('every zh-CN sentence contains Chinese and none is ASCII only', () => {
    for (const text of allTexts(GUIDANCE['zh-CN'])) {
      const sentences = text
        .split(/[。；！？\n]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
      expect(sentences.length).toBeGreaterThan(0);
      for (const sentence of sentences) {
        expect([sentence, /\p{Script=Han}/u.test(sentence)]).toEqual([sentence, true]);
        expect([sentence, /^[\x20-\x7e]+$/.test(sentence)]).toEqual([sentence, false]);
      }
    }
  });

  it('zh-CN uses Chinese punctuation and ends each text with 。', () => {
    for (const text of allTexts(GUIDANCE['zh-CN'])) {
      expect([text, /[,;:()?!"']/.test(text)]).toEqual([text, false]);
      expect([text, text.endsWith('。')]).toEqual([text, true]);
    }
  });

  it('every en-US text has English words in it', () => {
    for (const text of allTexts(GUIDANCE['en-US'])) expect([text, /[A-Za-z]{3,}/.test(text)]).toEqual([text, true]);
  });
});

describe('guidanceFor', () => {
  it.each(FORMAT_VERSIONS)('%s s3.denied.secret.natural: 国家秘密, 第十四条, with the general rules', (version) => {
    const zh = guidanceFor(version, 's3.denied.secret.natural', 'zh-CN');
    expect(zh?.row.counts).toContain('国家秘密');
    expect(zh?.row.article).toBe('第十四条');
    expect(zh?.general).toEqual(GUIDANCE['zh-CN'].general);
    expect(zh?.general.join('')).toContain('部分公开');
    expect(zh?.table).toBeUndefined();
    const en = guidanceFor(version, 's3.denied.secret.natural', 'en-US');
    expect(en?.row.counts).toContain('state secret');
    expect(en?.general.join('')).toContain('exactly one');
  });

  it('a row key with a dot is found whole: s3.unable.notHeld.legal, s3.rejected.duplicate.total', () => {
    expect(guidanceFor('2021', 's3.unable.notHeld.legal', 'zh-CN')?.row.article).toBe('第三十六条第（四）（五）项');
    expect(guidanceFor('2019', 's3.rejected.duplicate.total', 'zh-CN')?.row.article).toBe('第三十六条第（六）项');
  });

  it('2021 s2.fee.amount: in 万元, 第二十条第（八）项, no general rules, the 表二 text', () => {
    const zh = guidanceFor('2021', 's2.fee.amount', 'zh-CN');
    expect(zh?.row.counts).toContain('万元');
    expect(zh?.row.article).toBe('第二十条第（八）项');
    expect(zh?.general).toEqual([]);
    expect(zh?.table).toContain('主动公开');
    expect(textOf(guidanceFor('2021', 's2.fee.amount', 'en-US'))).toContain('万元');
  });

  it('2019 s2.license.change: a negative value is allowed; 2021 s2.license.decisions says nothing of it', () => {
    const zh = guidanceFor('2019', 's2.license.change', 'zh-CN');
    expect(textOf(zh)).toContain('负数');
    expect(zh?.row.article).toBe('第二十条第（五）项');
    expect(textOf(guidanceFor('2019', 's2.license.change', 'en-US'))).toContain('negative');
    expect(textOf(guidanceFor('2021', 's2.license.decisions', 'zh-CN'))).not.toContain('负数');
  });

  it('2019 s2 rows count what the 2019 columns hold: 本年新制作, items of 收费, 政府集中采购 without an article', () => {
    expect(guidanceFor('2019', 's2.regulation.made', 'zh-CN')?.row.counts).toContain('新制作');
    expect(guidanceFor('2021', 's2.regulation.issued', 'zh-CN')?.row.counts).toContain('制发');
    const fee = guidanceFor('2019', 's2.fee.previous', 'zh-CN');
    expect(fee?.row.counts).toContain('项目数');
    expect(fee?.row.counts).not.toContain('万元');
    const procurement = guidanceFor('2019', 's2.procurement.amount', 'zh-CN');
    expect(procurement?.row.counts).toContain('政府集中采购');
    expect(procurement?.row.article).toBeUndefined();
    expect(guidanceFor('2019', 's2.otherService.decisions', 'zh-CN')?.row.article).toBeUndefined();
  });

  it('（六）其他处理: three rows in 2021, one in 2019, and neither version answers for the other’s', () => {
    const unpaid = guidanceFor('2021', 's3.other.unpaidFee.total', 'zh-CN');
    expect(unpaid?.row.article).toBe('第四十二条');
    expect(unpaid?.row.counts).toContain('缴纳费用');
    const other2019 = guidanceFor('2019', 's3.other.natural', 'zh-CN');
    expect(other2019?.row.counts).toContain('其他办理结果');
    expect(other2019?.row.article).toBeUndefined();
    expect(guidanceFor('2021', 's3.other.natural', 'zh-CN')).toBeUndefined();
    expect(guidanceFor('2019', 's3.other.misc.natural', 'zh-CN')).toBeUndefined();
    expect(guidanceFor('2021', 's2.procurement.amount', 'zh-CN')).toBeUndefined();
    expect(guidanceFor('2021', 's2.regulation.made', 'zh-CN')).toBeUndefined();
  });

  it.each(FORMAT_VERSIONS)('%s s4.review.upheld: 行政复议, the 表四 text, no general rules', (version) => {
    const zh = guidanceFor(version, 's4.review.upheld', 'zh-CN');
    expect(zh?.row.counts).toContain('行政复议');
    expect(zh?.row.article).toBeUndefined();
    expect(zh?.general).toEqual([]);
    expect(zh?.table).toContain('结果维持');
    expect(zh?.table).toContain('尚未审结');
    expect(guidanceFor(version, 's4.litigation.total', 'zh-CN')?.row.counts).toContain('未经行政复议');
    expect(guidanceFor(version, 's4.litigationAfterReview.pending', 'en-US')?.table).toContain('复议后起诉');
  });

  it('every data cell of both versions maps to its own row; general rules exactly for 表三', () => {
    for (const version of FORMAT_VERSIONS) {
      for (const cell of getFormat(version).cells) {
        for (const locale of LOCALES) {
          const g = guidanceFor(version, cell.key, locale);
          expect(g?.row).toBe(GUIDANCE[locale].rows[version][`${cell.table}.${cell.row}`]);
          expect([cell.key, (g?.general.length ?? 0) > 0]).toEqual([cell.key, cell.table === 's3']);
        }
      }
    }
  });

  it('undefined for a key that is no data cell of the version', () => {
    for (const key of [
      's9.x.y',
      's3.denied.secret',
      's3.denied',
      's2.fee',
      '',
      's3.new.natural.x',
      'previous.s2.fee.amount',
    ]) {
      for (const version of FORMAT_VERSIONS) expect(guidanceFor(version, key, 'zh-CN')).toBeUndefined();
    }
  });
});
