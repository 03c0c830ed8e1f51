import { JSDOM } from 'jsdom';
import { buildDismissalsXml, DISMISSALS_NAMESPACE, parseDismissalsXml } from './dismissal-xml';

const { DOMParser } = new JSDOM('').window;
const parse = (xml: string): Document => new DOMParser().parseFromString(xml, 'application/xml');

const entry = {
  findingKey: 'S2-REGULATION-AUTHORITY|regulation|1a2b3c4d',
  fingerprint: 's2.regulation.issued=n2;s2.regulation.valid=t<未>&"填"',
  reason: '本单位为设区的市人民政府，有规章制定权 <见《立法法》第九十三条> & 其他',
  at: '2025-01-10T09:00:00Z',
};

describe('the dismissals part', () => {
  it('reads back what it wrote, markup characters and Chinese text included', () => {
    const xml = buildDismissalsXml({
      sheet: '2024年报表格 & 附表',
      dismissals: [entry, { ...entry, findingKey: 'X|y|00000000' }],
    });
    expect(xml.startsWith(`<nianbao xmlns="${DISMISSALS_NAMESPACE}">`)).toBe(true);
    expect(parseDismissalsXml(xml, parse)).toEqual({
      ok: true,
      value: { sheet: '2024年报表格 & 附表', dismissals: [entry, { ...entry, findingKey: 'X|y|00000000' }] },
      skipped: 0,
    });
  });

  it('keeps a reason with line breaks and drops only what XML cannot carry', () => {
    const reason = '第一行\r\n第二行\u0007';
    const xml = buildDismissalsXml({ sheet: 'S', dismissals: [{ ...entry, reason }] });
    const parsed = parseDismissalsXml(xml, parse);
    expect(parsed.ok && parsed.value.dismissals[0].reason).toBe('第一行\r\n第二行');
  });

  it('skips and counts an entry without its key, keeping the others', () => {
    const xml = `<nianbao xmlns="${DISMISSALS_NAMESPACE}"><sheet>S</sheet><dismissal fingerprint="f">x</dismissal><dismissal key="k" fingerprint="f" at="t">y</dismissal></nianbao>`;
    const parsed = parseDismissalsXml(xml, parse);
    expect(parsed).toMatchObject({ ok: true, skipped: 1, value: { dismissals: [{ findingKey: 'k', reason: 'y' }] } });
  });

  it.each([
    ['not XML', '<nianbao xmlns="urn:nianbao:dismissals:1"><sheet>S</sheet>', 'notWellFormed'],
    ['another part', '<nianbao xmlns="urn:nianbao:report:1"><report/></nianbao>', 'otherNamespace'],
    ['no sheet', `<nianbao xmlns="${DISMISSALS_NAMESPACE}"><dismissal key="k" fingerprint="f"/></nianbao>`, 'noSheet'],
  ])('says what is wrong with %s', (_name, xml, problem) => {
    expect(parseDismissalsXml(xml, parse)).toEqual({ ok: false, problem });
  });
});
