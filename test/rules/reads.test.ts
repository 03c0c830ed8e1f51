// What a rule declares it reads (`reads`, `tables`) is what its check reads. The live pane re-runs
// only the rules that read a changed cell and groups findings by `tables`, so a declaration that is
// too narrow would leave a stale finding on screen, and one that names a cell the check never looks
// at would re-run rules for nothing. Two properties, per rule and format:
// - sound: changing every key the rule does not declare leaves its findings as they were;
// - complete: each declared key changes the rule's findings for some report and some value.
import fc from 'fast-check';
import { getFormat, type FormatVersion, type TableId } from '../../src/format';
import { AGENCY_KINDS, type RawValue, type Report } from '../../src/report';
import { createContext, RULES, type AnyRule } from '../../src/rules';
import { busyReport, CURRENT_YEAR, zeroReport } from './support';

const VERSIONS = ['2021', '2019'] as const;
// The rules on table values: the live pane re-runs them by what they read. The text rules run only
// over a report's text (never in the live pane), and their own tests cover what they read.
const CHECKED = RULES.filter((r) => typeof r.check === 'function' && r.input !== 'text');

/** The drafts one rule reports on a report, as text to compare. */
function outcome(rule: AnyRule, report: Report): string {
  const drafts: unknown[] = [];
  rule.check?.(createContext(report, { currentYear: CURRENT_YEAR }), (d) => drafts.push(d));
  return JSON.stringify(drafts);
}

function cellsFound(rule: AnyRule, report: Report): string[] {
  const cells: string[] = [];
  rule.check?.(createContext(report, { currentYear: CURRENT_YEAR }), (d) => {
    cells.push(...d.cells, ...(d.keyCells ?? []));
  });
  return cells;
}

type Value = RawValue | boolean | undefined;

/** A copy of the report with one key (`profile.*`, `previous.*` or a cell) set; undefined deletes. */
function withKey(report: Report, key: string, value: Value): Report {
  const put = (values: Record<string, RawValue>): Record<string, RawValue> => {
    const next = { ...values };
    if (value === undefined) delete next[key.replace(/^previous\./, '')];
    else next[key.replace(/^previous\./, '')] = value as RawValue;
    return next;
  };
  if (key.startsWith('profile.')) {
    return { ...report, profile: { ...report.profile, [key.slice('profile.'.length)]: value } };
  }
  if (key.startsWith('previous.')) {
    if (!report.previous) return report;
    return { ...report, previous: { ...report.previous, values: put(report.previous.values) } };
  }
  return { ...report, values: put(report.values) };
}

const allOnes = (version: FormatVersion): Report => {
  const r = zeroReport(version);
  for (const key of Object.keys(r.values)) r.values[key] = 1;
  return r;
};
/** Requests granted in every column of 表三 though none came in (S3-ZERO-YEAR's case). */
const outcomesOnly = (version: FormatVersion): Report => {
  const r = zeroReport(version);
  for (const c of getFormat(version).s3.columns) {
    r.values[`s3.granted.${c.key}`] = 1;
    r.values[`s3.total.${c.key}`] = 1;
  }
  return r;
};
const lastYear = (r: Report): Report => ({ ...r, profile: { ...r.profile, year: (r.profile.year ?? 2024) - 1 } });
const besides = (r: Report, previous: Report): Report => ({ ...r, previous });

/** Reports to vary one key in: consistent, busy, inconsistent, each alone and beside a copy of itself. */
function bases(version: FormatVersion): Report[] {
  const plain = [
    zeroReport(version),
    allOnes(version),
    outcomesOnly(version),
    ...(version === '2021' ? [busyReport()] : []),
  ];
  return [...plain.map((r) => besides(r, lastYear(r))), ...plain];
}

/** Values to try in a key. */
function candidates(key: string): readonly Value[] {
  switch (key) {
    case 'profile.year':
      return [2018, 2019, 2020, 2021, 2024, 2025, CURRENT_YEAR + 1, 3000, undefined];
    case 'profile.canMakeRegulations':
      return [true, false, undefined];
    case 'profile.format':
      return ['2019', '2021', undefined];
    case 'profile.kind':
      return [...AGENCY_KINDS, undefined];
    default:
      return [undefined, null, 0, 1, 2, 3, 7, -1, 1.5, 1.23456, 200000, 1e12, '-', '无', 'x'];
  }
}

/** Every key a report of this format could hold: its cells, the other format's, last year's, the profile. */
function universe(version: FormatVersion): string[] {
  const cells = [...new Set([...getFormat('2021').cells, ...getFormat('2019').cells].map((c) => c.key))];
  void version;
  return [
    ...cells,
    ...cells.map((k) => `previous.${k}`),
    'profile.year',
    'profile.kind',
    'profile.canMakeRegulations',
    'profile.agency',
    'profile.published',
  ];
}

const VALUE = fc.oneof(
  fc.constantFrom<Value>(0, 0, 0, 1, 2, 5, null, undefined, '-', 1.5, 1.23456, -3, 1e6, '一'),
  fc.integer({ min: 0, max: 50 }),
);

describe.each(VERSIONS)('what the rules read, %s format', (version) => {
  const format = getFormat(version);

  it.each(CHECKED.map((r) => [r.id, r] as const))(
    '%s: keys it does not declare never change its findings',
    (_id, rule) => {
      const declared = new Set(rule.reads(format));
      const others = universe(version).filter((k) => !declared.has(k));
      fc.assert(
        fc.property(
          fc.nat({ max: bases(version).length - 1 }),
          fc.array(fc.tuple(fc.constantFrom(...others), VALUE), { minLength: 1, maxLength: 60 }),
          (which, changes) => {
            const base = bases(version)[which];
            let changed = base;
            for (const [key, value] of changes) {
              const v = key === 'profile.year' ? (typeof value === 'number' ? 2000 + Math.round(value) : value) : value;
              changed = withKey(changed, key, v);
            }
            return outcome(rule, changed) === outcome(rule, base);
          },
        ),
        { numRuns: 150, seed: 6 },
      );
    },
  );

  it.each(CHECKED.map((r) => [r.id, r] as const))('%s: every key it declares can change its findings', (_id, rule) => {
    const idle: string[] = [];
    const start = bases(version).map((base) => [base, outcome(rule, base)] as const);
    for (const key of rule.reads(format)) {
      const moves = start.some(([base, before]) =>
        candidates(key).some((v) => outcome(rule, withKey(base, key, v)) !== before),
      );
      if (!moves) idle.push(key);
    }
    expect(idle).toEqual([]);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s: declares each key once', (_id, rule) => {
    const reads = rule.reads(format);
    expect(reads.length - new Set(reads).size).toBe(0);
  });

  it.each(CHECKED.map((r) => [r.id, r] as const))('%s: reports only cells it declares', (_id, rule) => {
    const declared = new Set(rule.reads(format));
    for (const base of bases(version)) {
      for (const cell of cellsFound(rule, base))
        expect([rule.id, cell, declared.has(cell)]).toEqual([rule.id, cell, true]);
    }
  });
});

it.each(RULES.map((r) => [r.id, r] as const))('%s names the tables of the cells it reads', (_id, rule) => {
  const tables = new Set<TableId>();
  for (const version of VERSIONS) {
    const own = new Set(getFormat(version).cells.map((c) => c.key));
    for (const key of rule.reads(getFormat(version))) {
      const bare = key.replace(/^previous\./, '');
      if (own.has(bare)) tables.add(bare.slice(0, 2) as TableId);
    }
  }
  // Rules that read nothing in one format still name the tables they judge in the other.
  expect([...rule.tables].sort()).toEqual([...tables].sort());
});
