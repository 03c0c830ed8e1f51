// The compiled in-sheet checks agree with the TypeScript engine: random reports, valid and broken
// in every identity and cell rule, evaluated by HyperFormula, give the same verdict per table as
// validate(), and the status names the same failing scopes with the same differences (the engine's
// delta, as its zh-CN message prints it) — or how many cells have the cell problem shown.
//
// The mapping, stated once: a table's status is `校验通过` iff validate() reports no finding of
// severity `error` whose first cell lies in that table. (Warnings such as CELL-PRECISION do not
// fail a table; report-level errors such as PROFILE-YEAR belong to no table.)
import { cellsOfTable, getFormat, type FormatVersion, type TableId } from '../../src/format';
import { buildLayout, IDENTITY_HEADINGS, STATUS_TEXT, scopeLabel, type SheetLayout } from '../../src/layout';
import { cellStatus, DELTA_WORD } from '../../src/layout/checks';
import type { RawValue } from '../../src/report';
import { formatMessage } from '../../src/i18n';
import { identitiesOf, validate, type Finding, type RuleId } from '../../src/rules';
import { MUTATIONS, randomReport, seeded, type Mutation } from './support/random-report';
import { SheetEngine } from './support/sheet-engine';

const TABLES: readonly TableId[] = ['s2', 's3', 's4'];
const REPORTS_PER_VERSION = 1000;

function tableOf(key: string | undefined): TableId | undefined {
  const prefix = (key ?? '').slice(0, 2);
  return prefix === 's2' || prefix === 's3' || prefix === 's4' ? prefix : undefined;
}

/** A finding's delta as the zh-CN messages print it: `+2`, `-1`. */
function printedDelta(delta: number | undefined): string {
  if (delta === undefined) throw new Error('identity finding without a delta');
  return delta > 0 ? `+${delta}` : String(delta);
}

const enginePasses = (findings: readonly Finding[], table: TableId): boolean =>
  !findings.some((f) => f.severity === 'error' && tableOf(f.cells[0]) === table);

/**
 * The status text the sheet should show, from the raw cells (what the sheet sees: a placeholder
 * such as `—` is text there) and, when the cells are all numbers, from the engine's identity findings.
 */
function expectedStatus(
  version: FormatVersion,
  table: TableId,
  values: Record<string, RawValue>,
  findings: readonly Finding[],
): string {
  const cells = cellsOfTable(version, table);
  const count = (problem: (c: (typeof cells)[number], v: RawValue | undefined) => boolean): number =>
    cells.filter((c) => problem(c, values[c.key])).length;
  const blank = count((_, v) => v === null || v === undefined);
  if (blank > 0) return cellStatus('blank', blank);
  const text = count((_, v) => typeof v === 'string');
  if (text > 0) return cellStatus('text', text);
  const n = (key: string): number => values[key] as number;
  const negative = count((c) => c.unit !== 'signedCount' && n(c.key) < 0);
  if (negative > 0) return cellStatus('negative', negative);
  const fraction = count((c) => (c.unit === 'count' || c.unit === 'signedCount') && !Number.isInteger(n(c.key)));
  if (fraction > 0) return cellStatus('fraction', fraction);
  // Failing scopes by rule, each with the engine's difference as its message prints it (`+1`, `-2`).
  const failing = new Map<RuleId, Map<string, string>>();
  const note = (rule: RuleId, scope: string, delta: string): void => {
    failing.set(rule, (failing.get(rule) ?? new Map<string, string>()).set(scope, delta));
  };
  for (const f of findings) {
    const scope = f.scope;
    if (f.rule === 'S3-ZERO-YEAR') {
      // Reported instead of S3-BALANCE; the sheet names the column there when the balance fails,
      // with the same difference (new and carried-in are 0: total + carried-over).
      const c = f.scope;
      if (n(`s3.new.${c}`) + n(`s3.carriedIn.${c}`) !== n(`s3.total.${c}`) + n(`s3.carriedOver.${c}`))
        note('S3-BALANCE', c, printedDelta(f.delta));
    } else if (IDENTITY_HEADINGS[f.rule] && tableOf(f.cells[0]) === table && scope !== '') {
      const delta = printedDelta(f.delta);
      // The sheet writes the difference as the engine's own message does.
      const message = formatMessage(f, version);
      if (!message.includes(`差 ${delta}`)) throw new Error(`engine message without "差 ${delta}": ${message}`);
      note(f.rule, scope, delta);
    }
  }
  const sections: string[] = [];
  const rules = [
    ...new Set(
      identitiesOf(version)
        .filter((i) => i.table === table)
        .map((i) => i.rule),
    ),
  ];
  for (const rule of rules) {
    const scopes = failing.get(rule);
    if (!scopes) continue;
    const labels = identitiesOf(version)
      .filter((i) => i.rule === rule && scopes.has(i.scope))
      .map((i) => `${scopeLabel(version, i)}${DELTA_WORD}${scopes.get(i.scope)}`);
    sections.push(`${IDENTITY_HEADINGS[rule]}：${labels.join('、')}`);
  }
  return sections.length === 0 ? STATUS_TEXT.pass : `✖ ${sections.join('；')}`;
}

interface Tally {
  agreed: number;
  disagreements: string[];
  messageMismatches: string[];
  sheetFails: Record<TableId, number>;
  rulesSeen: Map<RuleId, number>;
  mutationsSeen: Map<Mutation, number>;
}

function run(layout: SheetLayout, seed: number, count: number): Tally {
  const version = layout.version;
  const engine = new SheetEngine(layout);
  const rand = seeded(seed);
  const tally: Tally = {
    agreed: 0,
    disagreements: [],
    messageMismatches: [],
    sheetFails: { s2: 0, s3: 0, s4: 0 },
    rulesSeen: new Map(),
    mutationsSeen: new Map(),
  };
  try {
    for (let i = 0; i < count; i++) {
      const { report, mutations } = randomReport(version, rand);
      for (const m of mutations) tally.mutationsSeen.set(m, (tally.mutationsSeen.get(m) ?? 0) + 1);
      const findings = validate(report, { currentYear: 2025 });
      for (const f of findings) tally.rulesSeen.set(f.rule, (tally.rulesSeen.get(f.rule) ?? 0) + 1);
      engine.fill(report.values);
      for (const table of TABLES) {
        const status = engine.status(table);
        const sheetPasses = status === STATUS_TEXT.pass;
        if (!sheetPasses) tally.sheetFails[table]++;
        const wellFormed = sheetPasses || status.startsWith('✖');
        if (wellFormed && sheetPasses === enginePasses(findings, table)) tally.agreed++;
        else
          tally.disagreements.push(
            `#${i} ${table} [${mutations.join(',')}]: sheet "${status}", engine ${enginePasses(findings, table) ? 'passes' : 'fails'}`,
          );
        const expected = expectedStatus(version, table, report.values, findings);
        if (status !== expected)
          tally.messageMismatches.push(`#${i} ${table}: sheet "${status}", expected "${expected}"`);
      }
    }
  } finally {
    engine.destroy();
  }
  return tally;
}

describe.each(['2021', '2019'] as const)('in-sheet checks of the %s layout, evaluated by HyperFormula', (version) => {
  // Run in the first test that needs it, not in a beforeAll: mutation testing attributes what a test
  // runs to that test, and work in a beforeAll belongs to none.
  let cached: Tally | undefined;
  const tallied = (): Tally =>
    (cached ??= run(
      buildLayout({ version, year: 2024, agency: '测试机关' }),
      version === '2021' ? 2021 : 2019,
      REPORTS_PER_VERSION,
    ));

  it('gives the same pass/fail per table as validate() on 1,000 random reports', () => {
    expect(tallied().disagreements.slice(0, 10)).toEqual([]);
    expect(tallied().agreed).toBe(REPORTS_PER_VERSION * TABLES.length);
  });

  it('names exactly the failing identities the engine finds, or the cell problem that comes first', () => {
    expect(tallied().messageMismatches.slice(0, 10)).toEqual([]);
  });

  it('was fed valid reports and reports broken in every identity and cell rule', () => {
    // Each mutation named when it was fed too rarely (a mutation the generator stopped making fails here).
    for (const m of MUTATIONS) expect([m, (tallied().mutationsSeen.get(m) ?? 0) > 20]).toEqual([m, true]);
    const rules: RuleId[] = [
      'S3-BALANCE',
      'S3-OUTCOME-TOTAL',
      'S3-ROW-TOTAL',
      'S3-ZERO-YEAR',
      'S4-GROUP-TOTAL',
      'CELL-BLANK',
      'CELL-NOT-NUMBER',
      'CELL-NEGATIVE',
      'CELL-NOT-INTEGER',
    ];
    // Only 万元 has a precision rule, and only the 2021 format has a 万元 cell.
    if (version === '2021') rules.push('CELL-PRECISION');
    for (const rule of rules) expect([rule, (tallied().rulesSeen.get(rule) ?? 0) > 20]).toEqual([rule, true]);
    // Both verdicts occur for every table, so agreement is not agreement on a constant.
    for (const table of TABLES) {
      expect(tallied().sheetFails[table]).toBeGreaterThan(50);
      expect(tallied().sheetFails[table]).toBeLessThan(REPORTS_PER_VERSION - 50);
    }
  });
});

describe('the agreement test', () => {
  it('fails when a status names a wrong difference (the sign turned round)', () => {
    const layout = buildLayout({ version: '2021' });
    const broken: SheetLayout = {
      ...layout,
      cells: layout.cells.map((c) =>
        c.role === 'status' && c.formula ? { ...c, formula: c.formula.split('"+-","-"').join('"+-","+"') } : c,
      ),
    };
    expect(broken.cells.map((c) => c.formula).join()).not.toEqual(layout.cells.map((c) => c.formula).join());
    const tally = run(broken, 7, 200);
    expect(tally.disagreements).toEqual([]);
    expect(tally.messageMismatches.length).toBeGreaterThan(0);
  });

  it('fails when a formula is wrong (a status that tolerates a difference of 1 disagrees)', () => {
    const layout = buildLayout({ version: '2021' });
    const broken: SheetLayout = {
      ...layout,
      cells: layout.cells.map((c) =>
        c.role === 'status' && c.formula ? { ...c, formula: c.formula.split('>0.000000001').join('>1') } : c,
      ),
    };
    const tally = run(broken, 7, 200);
    expect(tally.disagreements.length).toBeGreaterThan(0);
  });

  it('reads the layout the engine validates: every data cell of the format has a place', () => {
    for (const version of ['2021', '2019'] as const) {
      const keys = buildLayout({ version })
        .cells.filter((c) => c.role === 'data')
        .map((c) => c.key);
      expect(keys).toEqual(getFormat(version).cells.map((c) => c.key));
    }
  });
});
