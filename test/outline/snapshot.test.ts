import { JSDOM } from 'jsdom';
import {
  buildOutline,
  buildSnapshotXml,
  figuresOf,
  parseSnapshotXml,
  SNAPSHOT_NAMESPACE,
  SnapshotXmlError,
} from '../../src/outline';
import type { Report } from '../../src/report';
import { seed004, withValues } from './helpers';

const { DOMParser } = new JSDOM('').window;
const jsdomParse = (xml: string): Document => new DOMParser().parseFromString(xml, 'application/xml');
const GENERATED = '2025-01-10T09:00:00.000Z';

function tricky(): Report {
  const report = withValues(seed004(), {
    's3.new.legal': null,
    's3.new.otherOrg': '三 & <四> "五"',
    's2.fee.amount': 13.39,
    's3.carriedIn.legal': '第一行\r\n第二行\t制表',
  });
  report.profile = { ...report.profile, agency: '河东区 "审批" & <服务> 局', published: '2023-01-18' };
  report.previous = { profile: { year: 2021, format: '2021' }, values: { 's3.new.total': 11, 's3.new.legal': null } };
  return report;
}

describe('the snapshot part, read back with a DOM parser (jsdom)', () => {
  const parse = jsdomParse;
  it('reads back the profile, the values (blank, text, numbers), last year and every figure', () => {
    const report = tricky();
    const outline = buildOutline(report);
    const xml = buildSnapshotXml({ report, outline, generated: GENERATED });
    const snapshot = parseSnapshotXml(xml, parse);
    expect(snapshot).toBeDefined();
    expect(snapshot?.version).toBe(1);
    expect(snapshot?.generated).toBe(GENERATED);
    expect(snapshot?.report).toEqual({ profile: report.profile, values: report.values, previous: report.previous });
    expect(snapshot?.figures).toEqual(figuresOf(outline));
    expect(snapshot?.figures.get('nianbao:s3.new.otherOrg')).toBe('三 & <四> "五"');
    expect(snapshot?.figures.get('nianbao:sum:yoy.s3.new.total')).toBe('同比减少8件');
  });

  it('is undefined for a part of another namespace', () => {
    expect(
      parseSnapshotXml('<nianbao xmlns="urn:nianbao:dismissals:1"><sheet>x</sheet></nianbao>', parse),
    ).toBeUndefined();
    expect(parseSnapshotXml('<root/>', parse)).toBeUndefined();
  });

  it('throws SnapshotXmlError for a damaged part of ours', () => {
    const bad = [
      `<nianbao xmlns="${SNAPSHOT_NAMESPACE}" version="1" generated="x"><v key="a">1</nianbao>`,
      `<nianbao xmlns="${SNAPSHOT_NAMESPACE}" version="2" generated="x"/>`,
      `<nianbao xmlns="${SNAPSHOT_NAMESPACE}" version="1" generated="x"><v key="s3.new.total">三</v></nianbao>`,
      `<nianbao xmlns="${SNAPSHOT_NAMESPACE}" version="1" generated="x"><profile year="二〇二二"/></nianbao>`,
      `<nianbao xmlns="${SNAPSHOT_NAMESPACE}" version="1" generated="x"><f tag="s3.new.total">3</f></nianbao>`,
      `<nianbao xmlns="${SNAPSHOT_NAMESPACE}" version="1"/>`,
    ];
    const problems = bad.map((xml) => {
      try {
        parseSnapshotXml(xml, parse);
        return 'none';
      } catch (error) {
        expect(error).toBeInstanceOf(SnapshotXmlError);
        return (error as SnapshotXmlError).problem;
      }
    });
    expect(problems).toEqual([
      'notWellFormed',
      'unsupportedVersion',
      'badValue',
      'badProfile',
      'badFigure',
      'noGenerated',
    ]);
  });
});

describe('the snapshot XML text', () => {
  const report = tricky();
  const xml = buildSnapshotXml({ report, outline: buildOutline(report), generated: GENERATED });

  it('starts with the root of its namespace, version and time', () => {
    expect(xml.startsWith(`<nianbao xmlns="${SNAPSHOT_NAMESPACE}" version="1" generated="${GENERATED}">`)).toBe(true);
  });

  it('writes numbers, blanks and text values as the contract says', () => {
    expect(xml).toContain('<v key="s3.new.total">3</v>');
    expect(xml).toContain('<v key="s3.new.legal" blank="true"/>');
    expect(xml).toContain('<v key="s2.fee.amount">13.39</v>');
    expect(xml).toContain('<v key="s3.new.otherOrg" text="true">三 &amp; &lt;四&gt; "五"</v>');
    expect(xml).toContain('<f tag="nianbao:s3.new.total">3</f>');
  });

  it('writes one <f> per distinct tag', () => {
    const tags = [...xml.matchAll(/<f tag="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(tags).size).toBe(tags.length);
    expect(tags).toContain('nianbao:sum:s3.closed.total');
  });

  it('escapes quotes and line breaks in attributes', () => {
    expect(xml).toContain('agency="河东区 &quot;审批&quot; &amp; &lt;服务&gt; 局"');
  });

  it('drops characters XML cannot carry instead of writing a broken part', () => {
    const bell = withValues(seed004(), { 's3.new.legal': 'a\u0007b' });
    const part = buildSnapshotXml({ report: bell, outline: buildOutline(bell), generated: GENERATED });
    expect(parseSnapshotXml(part, jsdomParse)?.report.values['s3.new.legal']).toBe('ab');
  });
});
