import { FEATURE_MIN_EXCEL_API, type DegradedFeature } from '../../src/excel/api-support';
import { ExcelInsertError } from '../../src/excel/errors';
import { strings } from '../../src/i18n';

// That both locales have every key is the compiler's job (en-US is typed as zh-CN's shape); these
// tests check what it cannot: what the texts say.
const EXCEL_STRINGS = { 'zh-CN': strings('zh-CN').excel, 'en-US': strings('en-US').excel } as const;

describe('excel strings', () => {
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
    for (const code of Object.keys(
      EXCEL_STRINGS['zh-CN'].errors,
    ) as (keyof (typeof EXCEL_STRINGS)['zh-CN']['errors'])[]) {
      const error = new ExcelInsertError(code, 'DETAIL', { sheet: 'SHEET', syncs: 0 });
      expect(error.message).toBe(error.localized('zh-CN'));
      expect(error.localized('en-US')).not.toBe(error.localized('zh-CN'));
      if (code !== 'API_UNSUPPORTED') expect(error.localized('en-US')).toContain('DETAIL');
      if (code !== 'API_UNSUPPORTED') expect(error.localized('zh-CN')).toContain('DETAIL');
      if (code === 'WRITE_FAILED') expect(error.localized('zh-CN')).toContain('SHEET');
    }
  });
});
