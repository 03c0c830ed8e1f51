// The merge, case by case: what is left out and why, blanks, inconsistent units, 万元 sums, last
// year's reports, and the edges (no unit, another format).
import { cellLabel, getFormat } from '../../src/format';
import type { Report } from '../../src/report';
import { validate } from '../../src/rules';
import {
  describeMergeNote,
  exactSum,
  mergeReports,
  normalizeName,
  type MergeNote,
  type MergeUnit,
} from '../../src/merge';
import { busyReport, CURRENT_YEAR, edit, zeroReport } from '../rules/support';

const named = (report: Report, agency: string, file = `${agency}.xlsx`): MergeUnit => ({
  file,
  report: { ...report, profile: { ...report.profile, agency } },
});

const merge = (units: readonly MergeUnit[], extra: Partial<Parameters<typeof mergeReports>[1]> = {}) =>
  mergeReports(units, { currentYear: CURRENT_YEAR, ...extra });

const notesOf = (notes: readonly MergeNote[], code: MergeNote['code']): MergeNote[] =>
  notes.filter((n) => n.code === code);
const zh = (notes: readonly MergeNote[], code: MergeNote['code']): string[] =>
  notesOf(notes, code).map((n) => describeMergeNote(n, 'zh-CN'));

const errorsOf = (report: Report): string[] =>
  validate(report, { currentYear: CURRENT_YEAR })
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.rule} ${f.cells.join(',')}`);

describe('mergeReports', () => {
  it('sums two consistent units into a consistent report of a government', () => {
    const result = merge([named(busyReport(), '甲局'), named(busyReport(), '乙局')], {
      agency: '某县人民政府（汇总）',
    });
    const { report } = result;
    expect(report.profile).toEqual({
      agency: '某县人民政府（汇总）',
      year: 2024,
      format: '2021',
      kind: 'government',
      canMakeRegulations: false,
    });
    expect(report.values['s3.new.natural']).toBe(20);
    expect(report.values['s3.total.total']).toBe(30);
    expect(report.values['s2.fee.amount']).toBe(26.78);
    expect(Object.keys(report.values)).toEqual(getFormat('2021').cells.map((c) => c.key));
    expect(errorsOf(report)).toEqual([]);
    expect(result.cells['s3.new.natural']).toEqual([
      { unit: '甲局', value: 10 },
      { unit: '乙局', value: 10 },
    ]);
    expect(result.notes).toEqual([]);
    expect(result.units.map((u) => [u.name, u.included, u.errors, u.warnings])).toEqual([
      ['甲局', true, 0, 0],
      ['乙局', true, 0, 0],
    ]);
  });

  it('names the expected unit that sent no report', () => {
    const result = merge([named(busyReport(), '甲局'), named(zeroReport(), '乙局')], {
      expect: ['甲局', ' 乙局 ', '丙局'],
    });
    expect(result.missing).toEqual(['丙局']);
    expect(result.expected.map((e) => e.match)).toEqual(['exact', 'exact', 'none']);
    expect(zh(result.notes, 'missing')).toEqual(['缺少下级单位：“丙局”（--expect 中列出，但没有收到其报告）']);
    expect(describeMergeNote(notesOf(result.notes, 'missing')[0], 'en-US')).toContain('丙局');
    // The units that were sent are still merged.
    expect(result.report.values['s3.new.natural']).toBe(10);
  });

  it('matches expected names across full-width brackets and spaces, exactly before partly', () => {
    expect(normalizeName(' 某县（教育局）　')).toBe(normalizeName('某县(教育局)'));
    const units = [
      named(zeroReport(), '某县(教育 局)', 'a.xlsx'),
      named(busyReport(), '某县人民政府办公室', 'b.xlsx'),
      named(busyReport(), '县财政局', 'c.xlsx'),
      named(busyReport(), '财政局', 'd.xlsx'),
    ];
    const result = merge(units, { expect: ['某县（教育局）', '政府办公室', '财政局'] });
    expect(result.missing).toEqual([]);
    expect(result.expected).toEqual([
      { expected: '某县（教育局）', match: 'exact', units: ['某县(教育 局)'] },
      { expected: '政府办公室', match: 'partial', units: ['某县人民政府办公室'] },
      // 财政局 is a unit of its own: 县财政局 is not claimed by it.
      { expected: '财政局', match: 'exact', units: ['财政局'] },
    ]);
    expect(zh(result.notes, 'partialMatch')[0]).toContain(
      '“政府办公室”没有名称完全相同的单位，按名称包含关系对应到“某县人民政府办公室”',
    );
    expect(notesOf(result.notes, 'unexpected').map((n) => n.params)).toEqual([{ units: ['县财政局'] }]);
  });

  it('counts an agency sent twice once, naming both files', () => {
    const result = merge([
      named(busyReport(), '甲局', 'a.xlsx'),
      named(busyReport(), '乙局', 'b.xlsx'),
      named(busyReport(), '甲局 ', 'dir/c.xlsx'),
    ]);
    expect(result.units.map((u) => u.excluded)).toEqual([undefined, undefined, 'duplicate']);
    expect(result.duplicates).toEqual([{ name: '甲局', file: 'dir/c.xlsx', keptFile: 'a.xlsx' }]);
    expect(result.report.values['s3.new.natural']).toBe(20);
    expect(zh(result.notes, 'duplicate')).toEqual(['“甲局”出现了两次（a.xlsx、dir/c.xlsx），只计入第一份']);
  });

  it('leaves out a report of another year, and names it', () => {
    const old = named(edit(busyReport(), {}, { profile: { year: 2023 } }), '丙局');
    const result = merge([named(busyReport(), '甲局'), old, named(busyReport(), '乙局')]);
    expect(result.report.profile.year).toBe(2024);
    expect(result.units[1]).toMatchObject({ name: '丙局', included: false, excluded: 'otherYear', year: 2023 });
    expect(result.report.values['s3.new.natural']).toBe(20);
    expect(zh(result.notes, 'otherYear')).toEqual([
      '单位“丙局”的报告是 2023 年度，不是 2024 年度，未计入汇总（文件 丙局.xlsx）',
    ]);
    // A report without a year is not taken for the merge's year either.
    const noYear = named(edit(busyReport(), {}, { profile: { year: undefined } }), '丁局');
    const second = merge([named(busyReport(), '甲局'), noYear]);
    expect(second.units[1].excluded).toBe('otherYear');
    expect(zh(second.notes, 'otherYear')[0]).toContain('没有写明年度');
  });

  it('takes the most common year of the units, the latest on a tie, unless one is given', () => {
    const of = (year: number, agency: string): MergeUnit =>
      named(
        edit(
          zeroReport(),
          {
            's3.new.natural': 1,
            's3.new.total': 1,
            's3.granted.natural': 1,
            's3.granted.total': 1,
            's3.total.natural': 1,
            's3.total.total': 1,
          },
          { profile: { year } },
        ),
        agency,
      );
    expect(merge([of(2023, 'a'), of(2024, 'b'), of(2023, 'c')]).report.profile.year).toBe(2023);
    expect(merge([of(2023, 'a'), of(2024, 'b')]).report.profile.year).toBe(2024);
    expect(merge([of(2023, 'a'), of(2024, 'b')], { year: 2023 }).units.map((u) => u.included)).toEqual([true, false]);
  });

  it('still merges a unit with a broken column, counts its errors and lists the totals that include them', () => {
    const broken = named(edit(busyReport(), { 's3.total.natural': 12 }), '乙局');
    const result = merge([named(busyReport(), '甲局'), broken]);
    const unit = result.units[1];
    expect(unit.included).toBe(true);
    expect(unit.errors).toBeGreaterThan(0);
    expect(unit.errors).toBe(unit.findings.filter((f) => f.severity === 'error').length);
    expect(result.report.values['s3.total.natural']).toBe(23);
    const keys = result.inconsistent.map((c) => c.key);
    expect(keys).toContain('s3.total.natural');
    expect(keys).toContain('s3.new.natural');
    expect(keys).toContain('s3.total.total');
    for (const entry of result.inconsistent) expect(entry.units).toEqual(['乙局']);
    const [errorNote] = notesOf(result.notes, 'unitErrors');
    expect(errorNote.params).toMatchObject({
      unit: '乙局',
      table: 's3',
      totals: ['s3.total.natural', 's3.total.total'],
    });
    const text = describeMergeNote(errorNote, 'zh-CN');
    expect(text).toBe(
      `单位“乙局”的表三有 ${unit.errors} 个错误，汇总结果中以下合计含有该单位的不一致数字：` +
        `${cellLabel('2021', 's3.total.natural')}、${cellLabel('2021', 's3.total.total')}` +
        `（共涉及汇总表中 ${result.inconsistent.length} 个单元格）。请该单位更正后重新汇总。`,
    );
    // The merge is not consistent, and the rules say so on the merged report.
    expect(errorsOf(result.report).length).toBeGreaterThan(0);
    expect(result.notes.find((n) => n.code === 'unitErrors')?.severity).toBe('error');
  });

  it('keeps a cell blank that any unit left blank, and names the unit', () => {
    const blank = named(edit(busyReport(), { 's3.new.business': null, 's4.review.upheld': '约1' }), '乙局');
    const result = merge([named(busyReport(), '甲局'), blank, named(busyReport(), '丙局')]);
    expect(result.report.values['s3.new.business']).toBeNull();
    expect(result.report.values['s4.review.upheld']).toBeNull();
    expect(result.blanks).toEqual([
      { key: 's3.new.business', units: ['乙局'] },
      { key: 's4.review.upheld', units: ['乙局'] },
    ]);
    expect(result.cells['s3.new.business'].map((c) => c.value)).toEqual([4, null, 4]);
    expect(result.cells['s4.review.upheld'].map((c) => c.value)).toEqual([1, '约1', 1]);
    expect(zh(result.notes, 'blanks')).toEqual([
      `2 个单元格因 “乙局” 未填写（或填的不是数字）而在汇总中留空：${cellLabel('2021', 's3.new.business')}、${cellLabel('2021', 's4.review.upheld')}`,
    ]);
    // A blank is not counted as an inconsistency of the merge: it is not assessable.
    expect(result.inconsistent.map((c) => c.key)).not.toContain('s3.new.business');
  });

  it('sums 万元 without float drift', () => {
    const fee = (amount: number, agency: string): MergeUnit =>
      named(edit(zeroReport(), { 's2.fee.amount': amount }), agency);
    const result = merge([fee(13.39, '甲局'), fee(0.01, '乙局'), fee(100.6, '丙局')]);
    expect(result.report.values['s2.fee.amount']).toBe(114);
    expect(merge([fee(13.39, '甲'), fee(0.1, '乙')]).report.values['s2.fee.amount']).toBe(13.49);
    expect(merge([fee(0.1, '甲'), fee(0.2, '乙')]).report.values['s2.fee.amount']).toBe(0.3);
    expect(merge([fee(0.0001, '甲'), fee(1234.5678, '乙')]).report.values['s2.fee.amount']).toBe(1234.5679);
    // Text as written in a cell (`13.39万元`) is read like the number.
    const written = named(edit(zeroReport(), { 's2.fee.amount': '13.39万元' }), '丁局');
    expect(merge([written, fee(0.1, '乙')]).report.values['s2.fee.amount']).toBe(13.49);
  });

  it('exactSum: decimals, signs, and sums beyond the largest figure', () => {
    expect(exactSum([])).toEqual({ kind: 'sum', value: 0 });
    expect(exactSum([1.5, -2.25])).toEqual({ kind: 'sum', value: -0.75 });
    expect(exactSum([-0.1, 0.3])).toEqual({ kind: 'sum', value: 0.2 });
    expect(exactSum([-3, 1, -0.5])).toEqual({ kind: 'sum', value: -2.5 });
    expect(exactSum([0.1, 0.2, 0.3, 0.4])).toEqual({ kind: 'sum', value: 1 });
    expect(exactSum([-0.1, 0.1])).toEqual({ kind: 'sum', value: 0 });
    expect(exactSum([Number.MAX_SAFE_INTEGER, 1])).toEqual({ kind: 'overflow' });
    expect(exactSum([Number.MAX_SAFE_INTEGER - 1, 0.5, 0.5])).toEqual({ kind: 'sum', value: Number.MAX_SAFE_INTEGER });
  });

  it('flags a unit whose figures are last year’s, and merges last year’s reports', () => {
    const copied = busyReport();
    copied.previous = edit(busyReport(), {}, { profile: { year: 2023 } });
    const fresh = busyReport();
    const lastYear = { 's2.license.decisions': 900, 's3.carriedOver.natural': 2, 's3.carriedOver.total': 6 };
    fresh.previous = edit(
      busyReport(),
      { ...lastYear, 's4.review.upheld': 0, 's4.review.total': 1 },
      { profile: { year: 2023 } },
    );
    const result = merge([named(copied, '甲局'), named(fresh, '乙局')]);
    expect(result.units.map((u) => u.sameAsLastYear)).toEqual([true, false]);
    expect(result.units[0].sameTables).toEqual(['s2', 's3', 's4']);
    expect(zh(result.notes, 'sameAsLastYear')).toEqual(['单位“甲局”的数字与上年完全相同，可能直接沿用了上年报告']);
    const previous = result.report.previous;
    expect(previous?.profile).toMatchObject({ year: 2023, format: '2021' });
    expect(previous?.values['s2.license.decisions']).toBe(2100);
    expect(previous?.values['s3.carriedOver.natural']).toBe(3);
    // The cross-year rules run on the merge: carried in 2 + 2 is not last year's carried over 1 + 2.
    const rules = validate(result.report, { currentYear: CURRENT_YEAR }).map((f) => f.rule);
    expect(rules).toContain('S3-CARRY-CONTINUITY');
    // One table the same as last year (S3-SAME-AS-LAST-YEAR on 表四): said for that table.
    const partly = busyReport();
    partly.previous = edit(busyReport(), lastYear, { profile: { year: 2023 } });
    const one = merge([named(partly, '乙局')]);
    expect(one.units[0]).toMatchObject({ sameAsLastYear: true, sameTables: ['s4'] });
    expect(zh(one.notes, 'sameAsLastYear')).toEqual(['单位“乙局”的表四数字与上年完全相同，可能直接沿用了上年报告']);
    // A unit without previous: it has no sameAsLastYear.
    const third = merge([named(busyReport(), '丙局'), named(copied, '甲局')]);
    expect(third.units[0].sameAsLastYear).toBeUndefined();
    expect(third.report.previous).toBeUndefined();
    expect(notesOf(third.notes, 'previousMissing').map((n) => n.params)).toEqual([{ units: ['丙局'] }]);
  });

  it('merges last year’s reports so that the cross-year rules hold on the merge of consistent units', () => {
    const unit = (agency: string, carried: number): MergeUnit => {
      const report = busyReport();
      report.previous = edit(
        zeroReport(),
        { 's3.carriedOver.natural': carried, 's3.carriedOver.total': carried, 's2.normative.valid': 17 },
        { profile: { year: 2023 } },
      );
      report.values['s3.carriedIn.natural'] = carried;
      report.values['s3.carriedIn.total'] = carried;
      report.values['s3.new.natural'] = 12 - carried;
      report.values['s3.new.total'] = 16 - carried;
      return named(report, agency);
    };
    const units = [unit('甲局', 2), unit('乙局', 5)];
    for (const u of units) expect(validate(u.report, { currentYear: CURRENT_YEAR }).map((f) => f.rule)).toEqual([]);
    const result = merge(units);
    expect(result.report.previous?.values['s3.carriedOver.natural']).toBe(7);
    expect(result.report.previous?.values['s2.normative.valid']).toBe(34);
    expect(validate(result.report, { currentYear: CURRENT_YEAR }).map((f) => f.rule)).toEqual([]);
  });

  it('gives a clear result for no unit at all', () => {
    const result = merge([]);
    expect(result.units).toEqual([]);
    expect(result.report.profile).toEqual({ format: '2021', kind: 'government' });
    expect(Object.values(result.report.values).every((v) => v === null)).toBe(true);
    expect(result.blanks).toEqual([]);
    expect(result.notes.map((n) => n.code)).toEqual(['noUnits', 'noYear']);
    expect(describeMergeNote(result.notes[0])).toBe('没有收到任何下级单位的报告，无法汇总。');
    const given = merge([], { year: 2024, expect: ['甲局'] });
    expect(given.report.profile.year).toBe(2024);
    expect(given.missing).toEqual(['甲局']);
  });

  it('leaves out a 2019-format unit from a 2021 merge', () => {
    const old = named(zeroReport('2019', 2024), '乙局');
    old.report.values['s3.new.natural'] = 1;
    const result = merge([named(busyReport(), '甲局'), old, named(busyReport(), '丙局')]);
    expect(result.report.profile.format).toBe('2021');
    expect(result.units[1]).toMatchObject({ included: false, excluded: 'otherFormat', format: '2019', year: 2024 });
    expect(result.report.values['s3.new.natural']).toBe(20);
    expect(zh(result.notes, 'otherFormat')[0]).toMatch(/^单位“乙局”的报告使用2019 年试行格式/);
  });

  it('leaves out a report with no figures, and says when nothing was merged', () => {
    const empty: Report = { profile: { agency: '空局', year: 2024, format: '2021' }, values: {} };
    const result = merge([{ file: 'empty.json', report: empty }]);
    expect(result.units[0]).toMatchObject({ name: '空局', included: false, excluded: 'noValues' });
    expect(result.notes.map((n) => n.code)).toEqual(['noneIncluded', 'noValues']);
    expect(Object.values(result.report.values).every((v) => v === null)).toBe(true);
  });

  it('names a unit without an agency by its file, and keeps the authority to make 规章', () => {
    const unnamed = edit(busyReport(), {}, { profile: { agency: undefined, canMakeRegulations: true } });
    const result = merge([{ file: 'reports/乙县.xlsx#2024', report: unnamed }, named(zeroReport(), '甲局')]);
    expect(result.units[0].name).toBe('乙县.xlsx#2024');
    expect(result.report.profile.canMakeRegulations).toBe(true);
    expect(merge([named(busyReport(), '甲局')], { kind: 'department' }).report.profile.kind).toBe('department');
    // Two files of the same name without an agency are two units, named by their paths; the same file twice is one.
    const bare = edit(busyReport(), {}, { profile: { agency: undefined } });
    const twoFolders = merge([
      { file: 'a/报告.json', report: bare },
      { file: 'b/报告.json', report: bare },
      { file: 'a/报告.json', report: bare },
    ]);
    expect(twoFolders.units.map((u) => [u.name, u.excluded])).toEqual([
      ['a/报告.json', undefined],
      ['b/报告.json', undefined],
      ['a/报告.json', 'duplicate'],
    ]);
    expect(twoFolders.report.values['s3.new.natural']).toBe(20);
  });
});
