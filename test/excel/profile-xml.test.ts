import { buildProfileXml, escapeXmlText, PROFILE_NAMESPACE } from '../../src/excel/profile-xml';
import { parseXmlElements } from '../support/fake-excel';

const text = (xml: string, path: string): string[] =>
  parseXmlElements(xml)
    .filter((e) => e.path === path)
    .map((e) => e.text);

describe('escapeXmlText', () => {
  it('escapes the markup characters', () => {
    expect(escapeXmlText(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
  });

  it('keeps a carriage return as a character reference and drops characters XML cannot carry', () => {
    expect(escapeXmlText('a\rb\u0001c\u0000d\uFFFEe\uD800f\tg\nh')).toBe('a&#xD;bcdef\tg\nh');
  });

  it('keeps CJK text and characters outside the BMP', () => {
    expect(escapeXmlText('某某局😀')).toBe('某某局😀');
  });
});

describe('buildProfileXml', () => {
  const profile = {
    sheet: '2024年报表格 (2)',
    layoutVersion: 1,
    format: '2021' as const,
    year: 2024,
    agency: 'A&B <局> "办" \'室\'\r\n',
    kind: 'department' as const,
    inserted: '2025-01-05T08:00:00.000Z',
  };

  it('is well-formed and in the nianbao namespace', () => {
    const elements = parseXmlElements(buildProfileXml(profile));
    expect(elements[0]).toMatchObject({ name: 'nianbao', uri: PROFILE_NAMESPACE });
    expect(elements.every((e) => e.uri === PROFILE_NAMESPACE)).toBe(true);
  });

  it('holds one report entry with every field, read back exactly', () => {
    const xml = buildProfileXml(profile);
    expect(text(xml, 'nianbao/report')).toHaveLength(1);
    expect(text(xml, 'nianbao/report/sheet')).toEqual([profile.sheet]);
    expect(text(xml, 'nianbao/report/layoutVersion')).toEqual(['1']);
    expect(text(xml, 'nianbao/report/format')).toEqual(['2021']);
    expect(text(xml, 'nianbao/report/year')).toEqual(['2024']);
    expect(text(xml, 'nianbao/report/agency')).toEqual([profile.agency]);
    expect(text(xml, 'nianbao/report/kind')).toEqual(['department']);
    expect(text(xml, 'nianbao/report/inserted')).toEqual([profile.inserted]);
  });

  it('leaves out the optional fields that are not given', () => {
    const xml = buildProfileXml({ sheet: '年报表格', layoutVersion: 1, format: '2019', agency: '' });
    expect(parseXmlElements(xml).map((e) => e.name)).toEqual(['nianbao', 'report', 'sheet', 'layoutVersion', 'format']);
  });

  it('survives a sheet name that looks like markup', () => {
    const xml = buildProfileXml({ sheet: '</sheet><x>', layoutVersion: 1, format: '2021' });
    expect(text(xml, 'nianbao/report/sheet')).toEqual(['</sheet><x>']);
  });
});
