// The catalogue is RULES.md: every rule id of its tables has a rule file with the same severity, a
// clause quoted from its row, and tests beside it; and the catalogue holds nothing else.
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { getFormat } from '../../src/format';
import { identitiesOf, RULES, RULE_IDS, ruleDef, type RuleId } from '../../src/rules';
import { sharedPath } from '../support/shared';

const RULES_MD = readFileSync(sharedPath('spec', 'RULES.md'), 'utf8');

/** `| \`ID\` | severity | what |` rows of RULES.md's tables. */
const rows = [...RULES_MD.matchAll(/^\| `([A-Z0-9-]+)` \| ([^|]+) \| (.+) \|$/gm)].map((m) => ({
  id: m[1],
  severity: m[2].trim(),
  what: m[3],
}));

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('the catalogue of RULES.md', () => {
  it('has every rule of RULES.md once, and nothing else', () => {
    expect(rows.length).toBeGreaterThan(20);
    expect([...RULE_IDS].sort()).toEqual(rows.map((r) => r.id).sort());
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
  });

  it.each(rows.map((r) => [r.id, r] as const))('%s has the severity RULES.md gives', (id, row) => {
    const rule = RULES.find((r) => r.id === id);
    // S3-DOUBLE-COUNT is "hint on S3-BALANCE": never a finding of its own.
    const expected = row.severity.startsWith('hint') ? 'info' : row.severity;
    expect(rule?.severity).toBe(expected);
    if (row.severity.startsWith('hint')) expect(rule?.input).toBe('hint');
  });

  it.each(rows.map((r) => [r.id, r] as const))('%s quotes its clause from its row', (id, row) => {
    const rule = RULES.find((r) => r.id === id);
    expect(rule?.clause.length).toBeGreaterThan(20);
    expect(squash(row.what)).toContain(squash(rule?.clause ?? '<none>'));
  });

  it.each([...RULE_IDS])('%s has its file and a test beside it', (id) => {
    const folder = id.startsWith('CELL-')
      ? 'cell'
      : id.startsWith('TEXT-')
        ? 'text'
        : /^(S2|S3|S4)-/.test(id)
          ? id.slice(0, 2).toLowerCase()
          : 'report';
    const base = path.join(__dirname, '../../src/rules', folder, id.toLowerCase());
    expect(existsSync(`${base}.ts`)).toBe(true);
    expect(existsSync(`${base}.test.ts`)).toBe(true);
  });

  it('hints declare no check; every other rule, text rules included, has one', () => {
    for (const rule of RULES) {
      expect([rule.id, typeof rule.check === 'function']).toEqual([rule.id, rule.input !== 'hint']);
    }
  });

  it('runs the text rules last, so that validate then validateText keep the catalogue order', () => {
    const inputs = RULES.map((r) => r.input);
    const firstText = inputs.indexOf('text');
    expect(firstText).toBeGreaterThan(0);
    expect(inputs.slice(firstText).every((i) => i === 'text')).toBe(true);
  });

  it('names only cells of the format, profile fields and last year’s cells among what it reads', () => {
    for (const version of ['2021', '2019'] as const) {
      const format = getFormat(version);
      const keys = new Set(format.cells.map((c) => c.key));
      for (const rule of RULES) {
        for (const key of rule.reads(format)) {
          const bare = key.replace(/^previous\./, '');
          expect([rule.id, keys.has(bare) || bare.startsWith('profile.') || /^s[234]\./.test(bare)]).toEqual([
            rule.id,
            true,
          ]);
        }
      }
    }
  });

  it('S3-SAME-AS-LAST-YEAR reads s2 and s4 too', () => {
    const rule = RULES.find((r) => r.id === 'S3-SAME-AS-LAST-YEAR');
    expect(rule?.tables).toEqual(['s3', 's2', 's4']);
    const reads = rule?.reads(getFormat('2021')) ?? [];
    expect(reads).toContain('s2.fee.amount');
    expect(reads).toContain('previous.s4.review.total');
  });

  it('finds each rule by its id, and names an id it does not know', () => {
    for (const rule of RULES) expect(ruleDef(rule.id).id).toBe(rule.id);
    expect(() => ruleDef('S9-NOTHING' as RuleId)).toThrow(/S9-NOTHING/);
  });

  it('has identities that name only cells of their format', () => {
    for (const version of ['2021', '2019'] as const) {
      const keys = new Set(getFormat(version).cells.map((c) => c.key));
      const named = identitiesOf(version).flatMap((i) => [i.result, ...i.terms.map((t) => t.key)]);
      expect(named.length).toBeGreaterThan(50);
      expect(named.filter((k) => !keys.has(k))).toEqual([]);
    }
  });
});
