// The words of every merge note, in both locales: never empty, cells by their printed labels,
// names from the user's files made printable.
import { cellLabel } from '../../src/format';
import {
  describeMergeNote,
  MERGE_NOTE_CODES,
  type MergeNote,
  type MergeNoteCode,
  type MergeNoteParams,
} from '../../src/merge';

/** One example of each note's parameters: a new code fails to compile until it has one here. */
const SAMPLES: { readonly [C in MergeNoteCode]: readonly MergeNoteParams[C][] } = {
  noUnits: [{}],
  noneIncluded: [{ count: 3 }],
  noYear: [{}],
  missing: [{ names: ['丙局'] }, { names: Array.from({ length: 12 }, (_, i) => `第${i + 1}局`) }],
  partialMatch: [
    { expected: '教育局', units: ['某县教育局'] },
    { expected: '局', units: ['甲局', '乙局'] },
  ],
  unexpected: [{ units: ['丁局'] }],
  otherYear: [
    { unit: '丙局', file: 'c.xlsx', year: 2022, mergeYear: 2023 },
    { unit: '丙局', file: 'c.xlsx', mergeYear: 2023 },
  ],
  otherFormat: [{ unit: '乙局', file: 'b.json', format: '2019', mergeFormat: '2021' }],
  noValues: [{ unit: '空局', file: 'empty.json' }],
  duplicate: [{ unit: '甲局', keptFile: 'a.xlsx', file: 'b.xlsx' }],
  unitErrors: [
    { unit: '乙局', table: 's3', errors: 3, format: '2021', totals: ['s3.total.natural'], involved: 4 },
    { unit: '乙局', table: 's4', errors: 1, format: '2021', totals: ['s4.review.total'], involved: 1 },
    { unit: '乙局', table: 'report', errors: 1, format: '2021', totals: [], involved: 0 },
  ],
  blanks: [
    { format: '2021', keys: ['s3.new.business'], units: ['乙局'] },
    { format: '2019', keys: ['s3.other.natural', 's2.fee.change'], units: ['乙局', '丙局'] },
  ],
  sameAsLastYear: [
    { unit: '甲局', tables: ['s2', 's3', 's4'] },
    { unit: '甲局', tables: ['s4'] },
  ],
  previousMissing: [{ units: ['丙局'] }],
  previousFormats: [{}],
  overflow: [{ format: '2021', keys: ['s2.license.decisions'] }],
};

const notesOf = <C extends MergeNoteCode>(code: C): MergeNote[] =>
  SAMPLES[code].map((params) => ({ code, severity: 'warning', params }) as unknown as MergeNote);

describe('describeMergeNote', () => {
  it('lists every code', () => {
    expect([...MERGE_NOTE_CODES].sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  it.each(MERGE_NOTE_CODES.map((code) => [code]))('%s has a zh-CN and an en-US text', (code) => {
    for (const note of notesOf(code)) {
      const zh = describeMergeNote(note, 'zh-CN');
      const en = describeMergeNote(note, 'en-US');
      expect(zh.trim().length).toBeGreaterThan(0);
      expect(en.trim().length).toBeGreaterThan(0);
      expect(zh).not.toContain('undefined');
      expect(en).not.toContain('undefined');
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).toMatch(/[A-Za-z]{3}/);
      // The English text is English apart from the names it quotes, the labels and the document names.
      expect(en).not.toMatch(/[。，：；]/);
      expect(zh).toBe(describeMergeNote(note)); // zh-CN is the default
    }
  });

  it('gives the texts of the brief', () => {
    const [missing] = notesOf('missing');
    expect(describeMergeNote(missing)).toBe('缺少下级单位：“丙局”（--expect 中列出，但没有收到其报告）');
    const [otherYear] = notesOf('otherYear');
    expect(describeMergeNote(otherYear)).toBe(
      '单位“丙局”的报告是 2022 年度，不是 2023 年度，未计入汇总（文件 c.xlsx）',
    );
    expect(describeMergeNote(notesOf('duplicate')[0])).toBe('“甲局”出现了两次（a.xlsx、b.xlsx），只计入第一份');
    expect(describeMergeNote(notesOf('sameAsLastYear')[0])).toBe(
      '单位“甲局”的数字与上年完全相同，可能直接沿用了上年报告',
    );
  });

  it('names cells by their printed labels in the locale', () => {
    const [note] = notesOf('unitErrors');
    expect(describeMergeNote(note, 'zh-CN')).toContain(cellLabel('2021', 's3.total.natural', 'zh-CN'));
    expect(describeMergeNote(note, 'en-US')).toContain(cellLabel('2021', 's3.total.natural', 'en-US'));
    const blanks = notesOf('blanks')[1];
    expect(describeMergeNote(blanks)).toContain(cellLabel('2019', 's3.other.natural'));
  });

  it('counts the names past ten', () => {
    const long = notesOf('missing')[1];
    expect(describeMergeNote(long)).toContain('等 12 个单位');
    expect(describeMergeNote(long, 'en-US')).toContain('and 2 more');
  });

  it('makes names and files from the user printable', () => {
    const note = {
      code: 'duplicate',
      severity: 'warning',
      params: { unit: '甲\u202e局\n', keptFile: 'a\u0007.xlsx', file: 'b.xlsx' },
    } as const;
    const text = describeMergeNote(note);
    expect([...text].some((ch) => ch.charCodeAt(0) < 0x20 || ch === '\u202e')).toBe(false);
    expect(text).toContain('\\u202e');
  });
});
