import { ExcelInsertError } from '../../src/excel/errors';
import { insertTemplate } from '../../src/excel/insert-template';
import { PROFILE_NAMESPACE } from '../../src/excel/profile-xml';
import { createFakeExcel, parseXmlElements, type FakeRequestContext } from '../support/fake-excel';
import { upTo } from './small-layout';

type Globals = { Excel?: unknown; Office?: unknown };
const globals = globalThis as unknown as Globals;

/** Stands in for office.js: Excel.run hands the fake context to the batch; isSetSupported answers from `supports`. */
function installOffice(ctx: FakeRequestContext, supports: (set: string, version: string) => boolean): void {
  globals.Excel = { run: <T>(batch: (context: unknown) => Promise<T>) => batch(ctx) };
  globals.Office = { context: { requirements: { isSetSupported: supports } } };
}

afterEach(() => {
  delete globals.Excel;
  delete globals.Office;
});

describe('insertTemplate', () => {
  it('inserts the layout with its profile part and says where, in Chinese', async () => {
    const ctx = createFakeExcel();
    installOffice(ctx, upTo('1.17') as (set: string, version: string) => boolean);
    const result = await insertTemplate({ version: '2021', year: 2024, agency: '某某局', kind: 'office' }, 'zh-CN');
    expect(result).toMatchObject({ sheetName: '2024年报表格', syncs: 2, degraded: [], intent: 'success' });
    expect(result.message).toBe('已在新工作表“2024年报表格”中插入官方表格。');
    const fields = Object.fromEntries(parseXmlElements(ctx.state.customXmlParts[0].xml).map((e) => [e.path, e.text]));
    expect(ctx.state.customXmlParts[0].namespaceUri).toBe(PROFILE_NAMESPACE);
    expect(fields).toMatchObject({
      'nianbao/report/sheet': '2024年报表格',
      'nianbao/report/layoutVersion': '1',
      'nianbao/report/format': '2021',
      'nianbao/report/year': '2024',
      'nianbao/report/agency': '某某局',
      'nianbao/report/kind': 'office',
    });
    expect(Number.isNaN(Date.parse(fields['nianbao/report/inserted']))).toBe(false);
  });

  it('asks Office which API sets exist and reports the renamed sheet and what was skipped, in English', async () => {
    const ctx = createFakeExcel([{ name: '2024年报表格' }]);
    const asked: string[] = [];
    installOffice(ctx, (set, version) => {
      asked.push(`${set} ${version}`);
      return upTo('1.7')('ExcelApi', version);
    });
    const result = await insertTemplate({ version: '2021', year: 2024 }, 'en-US');
    expect(asked).toEqual(expect.arrayContaining(['ExcelApi 1.1', 'ExcelApi 1.8', 'ExcelApi 1.9']));
    expect(result.intent).toBe('warning');
    expect(result.message).toContain('already has a worksheet named "2024年报表格"');
    expect(result.message).toContain('"2024年报表格 (2)"');
    expect(result.message).toContain('Data validation (needs ExcelApi 1.8)');
  });

  it('refuses with a clear message when ExcelApi 1.1 is missing, without calling Excel.run', async () => {
    const ctx = createFakeExcel();
    installOffice(ctx, () => false);
    const run = jest.fn();
    (globals.Excel as { run: unknown }).run = run;
    const failure = insertTemplate({ version: '2019' }, 'en-US');
    await expect(failure).rejects.toBeInstanceOf(ExcelInsertError);
    await expect(failure).rejects.toThrow('lacks the interface the Annual Report Assistant needs (ExcelApi 1.1)');
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses the same way outside Office, where there is no Excel object at all', async () => {
    await expect(insertTemplate({ version: '2021' }, 'zh-CN')).rejects.toMatchObject({ code: 'API_UNSUPPORTED' });
  });
});
