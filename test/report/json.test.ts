// The JSON interchange of INTERFACES.md: strict reading, clear errors, lossless round trip.
import { readFileSync } from 'fs';
import * as path from 'path';
import {
  effectiveFormat,
  INPUT_ERROR_MESSAGES,
  parseReportJson,
  reportToJson,
  ReportInputError,
} from '../../src/report';

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
    expect(err.localized('zh-CN')).toContain('s3.new.natual');
    expect(err.localized('zh-CN')).toContain('s3.new.natural');
    expect(err.localized('en-US')).toContain('s3.new.natual');
  });

  it('rejects unknown fields at the top and in the profile', () => {
    expect(inputError('{"profile":{},"values":{},"extra":1}').params.key).toBe('extra');
    expect(inputError('{"profile":{"agancy":"x"},"values":{}}').params.key).toBe('agancy');
  });

  it('rejects values that are neither number, null nor text', () => {
    const err = inputError('{"profile":{},"values":{"s3.new.natural":true}}');
    expect(err.code).toBe('BAD_VALUE');
    expect(err.localized('zh-CN')).toContain('s3.new.natural');
  });

  it('rejects a bad format, kind or year with the field named', () => {
    expect(inputError('{"profile":{"format":"2020"},"values":{}}').params.key).toBe('format');
    expect(inputError('{"profile":{"kind":"county"},"values":{}}').params.key).toBe('kind');
    expect(inputError('{"profile":{"year":"twenty"},"values":{}}').params.key).toBe('year');
  });

  it('explains broken JSON instead of throwing a bare SyntaxError', () => {
    const err = inputError('{"profile": ');
    expect(err.code).toBe('JSON_SYNTAX');
    expect(err.localized('zh-CN')).toMatch(/^不是有效的 JSON/);
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
    };
    for (const code of Object.keys(INPUT_ERROR_MESSAGES['zh-CN']) as (keyof (typeof INPUT_ERROR_MESSAGES)['zh-CN'])[]) {
      const err = new ReportInputError(code, params);
      for (const text of [err.localized('zh-CN'), err.localized('en-US')])
        expect(text).not.toMatch(/undefined|\[object/);
      expect(err.localized('zh-CN')).not.toBe(err.localized('en-US'));
    }
  });
});
