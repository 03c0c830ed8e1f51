// Every rule has a message in both locales, naming cells by their printed labels and the numbers.
import { MESSAGES, RULE_IDS, RULES, formatMessage, type Finding } from '../../src/rules';
import { INPUT_ERROR_MESSAGES } from '../../src/report';
import { busyReport, check, zeroReport } from './support';

const LOCALES = ['zh-CN', 'en-US'] as const;

describe('message catalogues', () => {
  it('the catalogue lists every rule id of RULES.md once', () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
  });

  it.each(LOCALES)('%s has a message for every rule id and nothing else', (locale) => {
    expect(Object.keys(MESSAGES[locale]).sort()).toEqual([...RULE_IDS].sort());
  });

  it('input errors have a message in both locales', () => {
    expect(Object.keys(INPUT_ERROR_MESSAGES['zh-CN']).sort()).toEqual(
      Object.keys(INPUT_ERROR_MESSAGES['en-US']).sort(),
    );
  });

  it.each(RULE_IDS)('%s renders in both locales without holes', (rule) => {
    const finding: Finding = {
      rule,
      severity: 'error',
      cells: ['s3.total.natural', 's3.new.natural', 's3.carriedIn.natural'],
      expected: 5,
      actual: 4,
      delta: -1,
      params: {
        column: 'natural',
        scope: 'natural',
        row: 'license',
        table: 's3',
        problem: 'year',
        year: 2022,
        used: '2019',
        required: '2021',
        text: 'x',
        placeholder: '—',
        missing: '六',
        found: 'y',
        phrase: '新收',
        yuanInYi: 31.6,
        decimals: 5,
        new: 5,
        carriedIn: 0,
        carriedOver: 0,
        lastValid: 1,
        issued: 1,
        repealed: 0,
        max: 2026,
      },
    };
    const zh = formatMessage(finding, '2021', 'zh-CN');
    const en = formatMessage(finding, '2021', 'en-US');
    for (const text of [zh, en]) {
      expect(text.length).toBeGreaterThan(15);
      expect(text).not.toMatch(/undefined|NaN|\[object/);
    }
    expect(zh).not.toBe(en);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('what the messages say', () => {
  it('S3-BALANCE names the column by its printed label, the numbers and how to fix', () => {
    const r = busyReport();
    r.values['s3.new.business'] = 5;
    r.values['s3.new.total'] = 15;
    const f = check(r).find((x) => x.rule === 'S3-BALANCE');
    if (!f) throw new Error('no finding');
    const zh = formatMessage(f, '2021', 'zh-CN');
    expect(zh).toContain('表三 · 商业企业');
    expect(zh).toContain('（七）总计”应为 5，实为 4（差 -1）');
    expect(zh).toContain('请核对');
    expect(formatMessage(f, '2021', 'en-US')).toContain('Table 3 · Businesses');
  });

  it('S3-DOUBLE-COUNT advice is appended to the balance message', () => {
    const r = busyReport();
    r.values['s3.granted.natural'] = 6;
    r.values['s3.granted.total'] = 10;
    r.values['s3.total.natural'] = 12;
    r.values['s3.total.total'] = 16;
    const f = check(r).find((x) => x.rule === 'S3-BALANCE');
    if (!f) throw new Error('no finding');
    expect(formatMessage(f, '2021', 'zh-CN')).toContain('只计入“（二）部分公开”一次');
  });

  it('CELL-BLANK names the cell as printed and says to enter 0', () => {
    const r = zeroReport();
    r.values['s3.denied.secret.total'] = '无';
    const [f] = check(r);
    expect(formatMessage(f, '2021', 'zh-CN')).toBe(
      '表三 · 总计 · （三）不予公开 · 1.属于国家秘密未填写（填的是“无”）。官方格式要求每格都填数字，没有发生的请填 0。',
    );
  });
});
