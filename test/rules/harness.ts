// The shape of every rule's own test (src/rules/**/<rule>.test.ts): lists of reports that pass the
// rule and reports that fail it, with the findings a user sees. Each failing finding's message is
// rendered in both locales and must have no holes.
import { formatMessage } from '../../src/i18n';
import type { Report } from '../../src/report';
import { effectiveFormat } from '../../src/report';
import type { AnyRule, Finding } from '../../src/rules';
import { check, checkText } from './support';

export interface PassingCase {
  readonly name: string;
  readonly report: Report;
}

export interface FailingCase {
  readonly name: string;
  readonly report: Report;
  /** The rule's findings, in order; each matched with toMatchObject. */
  readonly findings: readonly Record<string, unknown>[];
}

/** What a message must never show: the marks of a missing value. */
export const HOLES = /undefined|NaN|\[object|“”|""|（）|\(\)|：。|为 ，|为 。|\s{2,}/;

export function expectNoHoles(message: string): void {
  expect(message).not.toMatch(HOLES);
  expect(message.length).toBeGreaterThan(15);
}

export function describeRule(
  rule: AnyRule,
  cases: { readonly passes: readonly PassingCase[]; readonly fails: readonly FailingCase[] },
): void {
  // Text rules run in validateText, the others in validate; each rule's own findings either way.
  const own = (report: Report): Finding[] =>
    (rule.input === 'text' ? checkText(report) : check(report)).filter((f) => f.rule === rule.id);
  describe(`${rule.id} (${rule.severity})`, () => {
    it('has passing and failing cases', () => {
      expect(cases.passes.length).toBeGreaterThan(0);
      expect(cases.fails.length).toBeGreaterThan(0);
    });
    it.each(cases.passes.map((c) => [c.name, c] as const))('passes: %s', (_name, c) => {
      expect(own(c.report)).toEqual([]);
    });
    it.each(cases.fails.map((c) => [c.name, c] as const))('fails: %s', (_name, c) => {
      const found = own(c.report);
      expect(found.map((f) => f.scope)).toEqual(c.findings.map((f) => f.scope ?? expect.anything()));
      found.forEach((f, i) => expect(f).toMatchObject({ severity: rule.severity, ...c.findings[i] }));
      const version = effectiveFormat(c.report.profile);
      for (const f of found) {
        const zh = formatMessage(f, version, 'zh-CN');
        const en = formatMessage(f, version, 'en-US');
        expectNoHoles(zh);
        expectNoHoles(en);
        expect(zh).toMatch(/[\u4e00-\u9fff]/);
        if (f.expected !== undefined && f.delta !== undefined) {
          // An identity's message states both sides.
          for (const text of [zh, en]) {
            expect(text).toContain(String(f.expected));
            expect(text).toContain(String(f.actual));
          }
        }
      }
    });
  });
}
