// The dismissals part in the open workbook (fake host): read-modify-write of one part per sheet,
// other sheets' parts and the profile parts left alone, and a part it cannot read never overwritten.
import { JSDOM } from 'jsdom';
import { DismissalsUnreadableError, readDismissals, writeDismissals } from '../../src/excel/dismissal-store';
import { DISMISSALS_NAMESPACE } from '../../src/excel/dismissal-xml';
import { buildProfileXml } from '../../src/excel/profile-xml';
import { createFakeExcel, runExcel, type FakeRequestContext } from '../support/fake-excel';

const { DOMParser } = new JSDOM('').window;
const parse = (xml: string): Document => new DOMParser().parseFromString(xml, 'application/xml');
const entry = (findingKey: string, reason = '理由') => ({
  findingKey,
  fingerprint: 'f',
  reason,
  at: '2025-01-10T09:00:00Z',
});

const run = <T>(ctx: FakeRequestContext, batch: (c: Excel.RequestContext) => Promise<T>): Promise<T> =>
  runExcel(ctx, (c) => batch(c as unknown as Excel.RequestContext));

describe('the dismissal store', () => {
  it('reads nothing from a workbook without dismissals', async () => {
    const ctx = createFakeExcel();
    expect(await run(ctx, (c) => readDismissals(c, 'A', parse))).toEqual([]);
  });

  it('writes one part per sheet, replaces it on the next write, and leaves others alone', async () => {
    const ctx = createFakeExcel();
    await run(ctx, async (c) => {
      c.workbook.customXmlParts.add(buildProfileXml({ sheet: 'A', layoutVersion: 1, format: '2021' }));
      await c.sync();
    });
    await run(ctx, (c) => writeDismissals(c, 'A', [entry('k1')], parse));
    await run(ctx, (c) => writeDismissals(c, 'B', [entry('k2')], parse));
    await run(ctx, (c) => writeDismissals(c, 'A', [entry('k1', '新理由'), entry('k3')], parse));
    const ours = ctx.state.customXmlParts.filter((p) => p.namespaceUri === DISMISSALS_NAMESPACE);
    expect(ours).toHaveLength(2);
    expect(ctx.state.customXmlParts).toHaveLength(3);
    expect(await run(ctx, (c) => readDismissals(c, 'A', parse))).toEqual([entry('k1', '新理由'), entry('k3')]);
    expect(await run(ctx, (c) => readDismissals(c, 'B', parse))).toEqual([entry('k2')]);
  });

  it('never overwrites a part it cannot read, and says so', async () => {
    const ctx = createFakeExcel();
    await run(ctx, async (c) => {
      c.workbook.customXmlParts.add(
        `<nianbao xmlns="${DISMISSALS_NAMESPACE}"><dismissal key="k" fingerprint="f"/></nianbao>`,
      );
      await c.sync();
    });
    const before = JSON.stringify(ctx.state.customXmlParts);
    await expect(run(ctx, (c) => writeDismissals(c, 'A', [entry('k1')], parse))).rejects.toBeInstanceOf(
      DismissalsUnreadableError,
    );
    expect(JSON.stringify(ctx.state.customXmlParts)).toBe(before);
  });
});
