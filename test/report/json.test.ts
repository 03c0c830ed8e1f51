// The JSON interchange of INTERFACES.md: strict reading, clear errors, lossless round trip.
import { readFileSync } from 'fs';
import * as path from 'path';
import { effectiveFormat, parseReportJson, reportToJson, ReportInputError } from '../../src/report';
import { describeInputError, strings } from '../../src/i18n';
import type { InputErrorCode } from '../../src/report';

const fixture = (name: string): string => readFileSync(path.join(__dirname, '../fixtures', name), 'utf8');

function inputError(text: string): ReportInputError {
  try {
    parseReportJson(text);
  } catch (err) {
    if (err instanceof ReportInputError) return err;
    throw err;
  }
  throw new Error('expected a ReportInputError');
}

describe('parseReportJson', () => {
  it('reads the example of INTERFACES.md', () => {
    const report = parseReportJson(
      JSON.stringify({
        profile: {
          agency: '河东区行政审批服务局',
          year: 2022,
          format: '2021',
          kind: 'department',
          canMakeRegulations: false,
        },
        values: { 's2.license.decisions': 90025, 's2.fee.amount': 13.39, 's3.new.natural': 3 },
        previous: { profile: { year: 2021 }, values: { 's3.carriedOver.natural': 0 } },
      }),
    );
    expect(report.profile.agency).toBe('河东区行政审批服务局');
    expect(report.values['s2.fee.amount']).toBe(13.39);
    expect(report.previous?.profile.year).toBe(2021);
    expect(report.previous?.values['s3.carriedOver.natural']).toBe(0);
  });

  it('rejects an unknown cell key, naming it and suggesting the right one', () => {
    const err = inputError(fixture('error.unknown-key.json'));
    expect(err.code).toBe('UNKNOWN_CELL_KEY');
    expect(describeInputError(err, 'zh-CN')).toContain('s3.new.natual');
    expect(describeInputError(err, 'zh-CN')).toContain('s3.new.natural');
    expect(describeInputError(err, 'en-US')).toContain('s3.new.natual');
  });

  it('rejects unknown fields at the top and in the profile', () => {
    expect(inputError('{"profile":{},"values":{},"extra":1}').params.key).toBe('extra');
    expect(inputError('{"profile":{"agancy":"x"},"values":{}}').params.key).toBe('agancy');
  });

  it('rejects values that are neither number, null nor text', () => {
    const err = inputError('{"profile":{},"values":{"s3.new.natural":true}}');
    expect(err.code).toBe('BAD_VALUE');
    expect(describeInputError(err, 'zh-CN')).toContain('s3.new.natural');
  });

  it('rejects a bad format, kind or year with the field named', () => {
    expect(inputError('{"profile":{"format":"2020"},"values":{}}').params.key).toBe('format');
    expect(inputError('{"profile":{"kind":"county"},"values":{}}').params.key).toBe('kind');
    expect(inputError('{"profile":{"year":"twenty"},"values":{}}').params.key).toBe('year');
  });

  it('explains broken JSON instead of throwing a bare SyntaxError', () => {
    const err = inputError('{"profile": ');
    expect(err.code).toBe('JSON_SYNTAX');
    expect(describeInputError(err, 'zh-CN')).toMatch(/^不是有效的 JSON/);
  });

  it.each([
    ['{"profile": ', 1, 13, '内容意外结束，文件可能被截断了'],
    ['', 1, 1, '文件是空的'],
    ['{\n  "profile": {},\n}', 3, 1, '最后一项后面多了一个逗号'],
    ['{\n  "profile": {}\n  "values": {}\n}', 3, 3, '两项之间缺少逗号'],
    ["{'profile': {}}", 1, 2, '要用英文双引号'],
    ['{“profile”: {}}', 1, 2, '要用英文双引号'],
    ['{"profile"：{}}', 1, 11, '中文全角标点“：”'],
    ['{"profile": {}, "values": {"s3.new.natural": 01}}', 1, 47, '数字的写法不对'],
    ['{"profile": {}, "values": {"s3.new.natural": NaN}}', 1, 46, '数字的写法不对'],
    ['{"profile": {} /* note */}', 1, 16, '不能有注释'],
    ['{"profile": {"agency": "河东区\t"}}', 1, 24, '控制字符'],
    ['{"profile": {}}\n{"profile": {}}', 2, 1, '后面还有多余的内容'],
    ['{"profile": {"agency": "河东区}}', 1, 24, '缺少结尾的双引号'],
  ])('says where and what in Chinese for %j', (text, line, column, what) => {
    const err = inputError(text);
    expect(err.code).toBe('JSON_SYNTAX');
    expect(err.params).toMatchObject({ line, column });
    expect(describeInputError(err, 'zh-CN')).toContain(`第 ${line} 行第 ${column} 列`);
    expect(describeInputError(err, 'zh-CN')).toContain(what);
    // No words from the JavaScript engine, in either language.
    for (const locale of ['zh-CN', 'en-US'] as const)
      expect(describeInputError(err, locale)).not.toMatch(/Unexpected token|in JSON at|position \d|SyntaxError/);
  });

  it('counts columns in characters, so a Chinese line points at the right place', () => {
    expect(inputError('{"profile": {"agency": "河东区" "year": 2022}}').params).toMatchObject({ line: 1, column: 30 });
  });

  it('refuses a key given twice, naming it and where', () => {
    const err = inputError('{"profile": {},\n "values": {"s3.new.natural": 1,\n  "s3.new.natural": 2}}');
    expect(err.code).toBe('DUPLICATE_KEY');
    expect(err.params).toMatchObject({ key: 's3.new.natural', path: 'values', line: 3, column: 3 });
    expect(describeInputError(err, 'zh-CN')).toBe(
      '字段“s3.new.natural”出现了两次（第 3 行第 3 列，位置：values）。请删去重复的一项，以免用错数字。',
    );
    expect(inputError('{"profile": {"year": 2022, "year": 2023}}').params).toMatchObject({
      key: 'year',
      path: 'profile',
    });
  });

  it('refuses nesting deeper than any report, without overflowing the stack', () => {
    const err = inputError('['.repeat(200_000));
    expect(err.code).toBe('JSON_TOO_DEEP');
    expect(describeInputError(err, 'zh-CN')).toContain('嵌套层数超过 32 层');
  });

  it('treats __proto__ as a plain (unknown) key', () => {
    expect(inputError('{"__proto__": {"profile": 1}, "profile": {}}').params.key).toBe('__proto__');
    expect(inputError('{"profile": {}, "values": {"__proto__": 1}}').code).toBe('UNKNOWN_CELL_KEY');
  });

  it('keeps a number literal beyond the double range as its text, so it is never Infinity or null', () => {
    const report = parseReportJson('{"profile": {}, "values": {"s3.new.natural": 1e400, "s3.new.business": -1e999}}');
    expect(report.values['s3.new.natural']).toBe('1e400');
    expect(report.values['s3.new.business']).toBe('-1e999');
    // A 30-digit count parses as the (large) number it is; the cell rules judge it.
    expect(
      parseReportJson('{"profile": {}, "values": {"s3.new.natural": 123456789012345678901234567890}}').values[
        's3.new.natural'
      ],
    ).toBe(1.2345678901234568e29);
  });

  it.each([
    ['"2022年"', 2022],
    ['"二〇二二年"', 2022],
    ['"２０２２"', 2022],
    ['"2022年度"', 2022],
    ['2022', 2022],
    ['"2022"', 2022],
  ])('reads the year %s', (year, expected) => {
    expect(parseReportJson(`{"profile": {"year": ${year}}}`).profile.year).toBe(expected);
  });

  it.each([
    ['"22年"', 'yearTwoDigits', '“22年”只有两位数字'],
    ['"二二年"', 'yearTwoDigits', '“二二年”只有两位数字'],
    ['"去年"', 'yearNotAYear', '“去年”不是年份'],
    ['2022.5', 'yearNotAYear', '“2022.5”不是年份'],
    ['true', 'yearNotAYear', '“true”不是年份'],
    ['{"value": 2022}', 'yearNotAYear', '“{…}”不是年份'],
  ])('refuses the year %s saying why', (year, problem, why) => {
    const err = inputError(`{"profile": {"year": ${year}}}`);
    expect(err.code).toBe('BAD_PROFILE_FIELD');
    expect(err.params).toMatchObject({ key: 'year', problem });
    expect(describeInputError(err, 'zh-CN')).toContain(why);
  });

  it('reads a blank year text as no year (PROFILE-YEAR then says it is missing)', () => {
    expect(parseReportJson('{"profile": {"year": "  "}}').profile.year).toBeUndefined();
  });

  it('says what a bad profile field should be in one language at a time', () => {
    const cases = [
      '{"profile": {"agency": 12}}',
      '{"profile": {"format": "2020"}}',
      '{"profile": {"kind": "county"}}',
      '{"profile": {"canMakeRegulations": "yes"}}',
      '{"profile": {"published": 20230131}}',
    ];
    for (const text of cases) {
      const err = inputError(text);
      expect(describeInputError(err, 'zh-CN')).not.toMatch(/[a-z]{4,} expected|whole number/);
      expect(describeInputError(err, 'en-US')).not.toMatch(/[\u4e00-\u9fff]{2}/);
    }
    expect(describeInputError(inputError(cases[0]), 'zh-CN')).toContain('应为文字');
    expect(describeInputError(inputError(cases[3]), 'zh-CN')).toContain('应为 true 或 false');
  });

  it('names value types in the user’s language', () => {
    expect(describeInputError(inputError('{"profile":{},"values":{"s3.new.natural":[1]}}'), 'zh-CN')).toContain(
      '实际为数组',
    );
    expect(describeInputError(inputError('{"profile":{},"values":{"s3.new.natural":true}}'), 'en-US')).toContain(
      'not true/false',
    );
  });

  it('keeps text and blanks exactly as given, and round-trips', () => {
    const text = JSON.stringify({
      profile: { year: 2023 },
      values: { 's3.new.natural': '约3件', 's3.new.business': null },
    });
    const report = parseReportJson(text);
    expect(report.values['s3.new.natural']).toBe('约3件');
    expect(report.values['s3.new.business']).toBeNull();
    expect(reportToJson(report)).toEqual(JSON.parse(text));
  });

  it('derives the format from the year unless set', () => {
    expect(effectiveFormat({ year: 2020 })).toBe('2019');
    expect(effectiveFormat({ year: 2022 })).toBe('2021');
    expect(effectiveFormat({ year: 2022, format: '2019' })).toBe('2019');
    expect(effectiveFormat({})).toBe('2021');
  });
});

describe('input error messages', () => {
  it('every code reads in both locales without holes', () => {
    const params = {
      file: 'a.xlsx',
      sheet: '2024年报表格',
      name: 'NB_S3',
      rows: 26,
      cols: 7,
      expectedRows: 25,
      expectedCols: 7,
      layoutVersion: 2,
      key: 'k',
      path: 'values',
      allowed: 'x',
      type: 'boolean',
      detail: 'd',
      ext: '.doc',
      supported: '.json',
      target: '旧表',
      other: 'NB_S4',
      cell: 'I27',
      table: 's3',
      line: 3,
      column: 7,
      problem: 'x',
      char: '，',
      limit: 10,
      size: 2048,
      count: 5,
      reason: 'EIO',
      part: 'xl/workbook.xml',
      ratio: 900,
      kind: 'merge',
      where: 'Sheet1',
      ref: 'A1:B2',
      cells: 4,
      text: '22年',
    };
    for (const code of Object.keys(strings('zh-CN').inputErrors) as InputErrorCode[]) {
      const err = new ReportInputError(code, params);
      for (const text of [describeInputError(err, 'zh-CN'), describeInputError(err, 'en-US')])
        expect(text).not.toMatch(/undefined|\[object/);
      expect(describeInputError(err, 'zh-CN')).not.toBe(describeInputError(err, 'en-US'));
    }
  });

  it('escapes control characters and shortens long texts taken from the input', () => {
    const err = new ReportInputError('UNKNOWN_CELL_KEY', { key: `s3.\u001b[2J${'x'.repeat(10_000)}`, path: 'values' });
    const text = describeInputError(err, 'zh-CN');
    expect(text).toContain('s3.\\x1b[2J');
    expect(text).not.toContain('\u001b');
    expect(text.length).toBeLessThan(300);
    const file = describeInputError(
      new ReportInputError('FILE_NOT_FOUND', { file: `/tmp/${'a'.repeat(500)}/年报\n.json` }),
      'zh-CN',
    );
    expect(file).toMatch(/^找不到文件：\/tmp\/a+…a+\/年报\\n\.json$/);
  });
});
