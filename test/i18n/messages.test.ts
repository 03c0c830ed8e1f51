// Messages per locale: they name cells by their printed labels and the
// numbers, the user's own text is quoted safely, and text rules (run by the importer) render too.
import { formatMessage, quoteUserText, TEXT_LIMIT } from '../../src/i18n';
import { findingKey, type Finding, type ParamsOf, type RuleId } from '../../src/rules';
import { expectNoHoles } from '../rules/harness';
import { busyReport, check, edit, zeroReport } from '../rules/support';

// That every rule has a message in every locale is the compiler's job (RuleMessages is a mapped type
// over the catalogue's ids); these tests check what the messages say.

/** A finding of a text rule as the importer will report it (the table engine never does). */
function textFinding<R extends RuleId>(rule: R, params: ParamsOf<R>, numbers: Partial<Finding> = {}): Finding {
  return {
    rule,
    severity: 'warning',
    findingKey: findingKey(rule, 'text', []),
    scope: 'text',
    cells: ['s3.new.total'],
    params,
    ...numbers,
  } as Finding;
}

describe('text rules render in both locales', () => {
  it.each([
    textFinding('TEXT-SECTIONS', { missing: '五、存在的主要问题及改进情况' }),
    textFinding('TEXT-SECTIONS', { old: '概述' }),
    textFinding('TEXT-PERIOD', { year: 2024, found: '202411日至2024年12月31日' }),
    textFinding('TEXT-CITATION', { year: 2024, found: '格式（试行）' }),
    textFinding('TEXT-NUMBERS', { phrase: '予以公开', blanksAsZero: true }, { expected: 275, actual: 258 }),
    textFinding('TEXT-FEE-STATEMENT', {}),
    textFinding('TEXT-GOVERNMENT-ITEMS', { missing: '政务公开工作要点落实情况' }),
  ])('%#: $rule', (finding) => {
    for (const locale of ['zh-CN', 'en-US'] as const) expectNoHoles(formatMessage(finding, '2021', locale));
    if (finding.rule === 'TEXT-NUMBERS') {
      const zh = formatMessage(finding, '2021', 'zh-CN');
      expect(zh).toContain('“予以公开”为 258 件');
      expect(zh).toContain('为 275 件（表格中的空白按 0 计）');
    }
  });
});

describe('what the messages say', () => {
  it('S3-BALANCE names the column by its printed label, the numbers and how to fix', () => {
    const f = check(edit(busyReport(), { 's3.new.business': 5, 's3.new.total': 15 })).find(
      (x) => x.rule === 'S3-BALANCE',
    );
    if (!f) throw new Error('no finding');
    const zh = formatMessage(f, '2021', 'zh-CN');
    expect(zh).toContain('表三 · 商业企业');
    expect(zh).toContain('按新收 5 + 上年结转 0 − 结转下年度 0 计算');
    expect(zh).toContain('（七）总计”应为 5，实为 4（差 -1）');
    expect(formatMessage(f, '2021', 'en-US')).toContain('Table 3 · Businesses');
  });

  it('CELL-BLANK names the cell as printed and says to enter 0', () => {
    const [f] = check(edit(zeroReport(), { 's3.denied.secret.total': '无' }));
    expect(formatMessage(f, '2021', 'zh-CN')).toBe(
      '表三 · 总计 · （三）不予公开 · 1.属于国家秘密未填写（填的是“无”）。官方格式要求每格都填数字，没有发生的请填 0。',
    );
  });

  it('CELL-NOT-NUMBER says a date is a date and a huge count is out of range', () => {
    const [date] = check(edit(zeroReport(), { 's3.new.natural': '2024-03-05' }, { dateCells: ['s3.new.natural'] }));
    expect(formatMessage(date, '2021', 'zh-CN')).toMatch(
      /^表三 · 自然人 · 一、本年新收政府信息公开申请数量是日期（2024-03-05），不是数字/,
    );
    const [huge] = check(edit(zeroReport(), { 's3.new.natural': 1e308 }));
    expect(formatMessage(huge, '2021', 'zh-CN')).toContain('超出了有效数字的范围');
    expect(formatMessage(huge, '2021', 'zh-CN')).not.toContain('Infinity');
  });

  it('PROFILE-YEAR says what the unreadable year was', () => {
    const report = zeroReport();
    delete report.profile.year;
    report.unreadProfile = { year: '二二年' };
    const f = check(report).find((x) => x.rule === 'PROFILE-YEAR');
    if (!f) throw new Error('no finding');
    expect(formatMessage(f, '2021', 'zh-CN')).toContain('报告年度填的“二二年”无法识别为年份');
  });
});

describe("the user's own text in a message", () => {
  it('is shortened past the limit, head and tail kept, with the length said', () => {
    const long = `约${'很'.repeat(5000)}尾巴`;
    const [f] = check(edit(zeroReport(), { 's3.new.legal': long }));
    expect(f.rule).toBe('CELL-NOT-NUMBER');
    // Kept whole in the data…
    expect(f.params).toEqual({ text: long });
    // …shortened in the message.
    const zh = formatMessage(f, '2021', 'zh-CN');
    expect(zh.length).toBeLessThan(200);
    expect(zh).toContain('很尾巴（共 5003 个字符）');
    expect(quoteUserText('x'.repeat(TEXT_LIMIT), 'zh-CN')).toBe('x'.repeat(TEXT_LIMIT));
  });

  it('has its control characters escaped, so a terminal or the pane shows them instead of obeying them', () => {
    const [f] = check(edit(zeroReport(), { 's3.new.legal': 'a\u001b[31mb\nc\u0007' }));
    const zh = formatMessage(f, '2021', 'zh-CN');
    expect(zh).toContain('a\\x1b[31mb\\nc\\x07');
    // eslint-disable-next-line no-control-regex
    expect(zh).not.toMatch(/[\u0000-\u001f]/);
  });
});
