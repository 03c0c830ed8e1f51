import { FEATURE_MIN_EXCEL_API, type DegradedFeature } from '../../src/excel/api-support';
import { ExcelInsertError } from '../../src/excel/errors';
import { EXCEL_STRINGS } from '../../src/excel/strings';

const shape = (value: unknown): unknown =>
  typeof value === 'object' && value !== null
    ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]))
    : typeof value;

describe('excel strings', () => {
  it('has the same keys in zh-CN and en-US', () => {
    expect(shape(EXCEL_STRINGS['en-US'])).toEqual(shape(EXCEL_STRINGS['zh-CN']));
  });

  it('explains every degraded feature in both locales, naming the API version it needs', () => {
    for (const feature of Object.keys(FEATURE_MIN_EXCEL_API) as DegradedFeature[]) {
      for (const locale of ['zh-CN', 'en-US'] as const) {
        expect(EXCEL_STRINGS[locale].degraded[feature]).toContain(`ExcelApi ${FEATURE_MIN_EXCEL_API[feature]}`);
      }
      expect(EXCEL_STRINGS['zh-CN'].degraded[feature]).toMatch(/[\u4e00-\u9fff]/);
      expect(EXCEL_STRINGS['en-US'].degraded[feature]).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('gives each error code a message in both locales that carries the detail and the sheet', () => {
    for (const code of ['API_UNSUPPORTED', 'READ_FAILED', 'WRITE_FAILED'] as const) {
      const error = new ExcelInsertError(code, 'DETAIL', { sheet: 'SHEET', syncs: 0 });
      expect(error.message).toBe(error.localized('zh-CN'));
      expect(error.localized('en-US')).not.toBe(error.localized('zh-CN'));
      if (code !== 'API_UNSUPPORTED') expect(error.localized('en-US')).toContain('DETAIL');
      if (code === 'WRITE_FAILED') expect(error.localized('zh-CN')).toContain('SHEET');
    }
  });
});
