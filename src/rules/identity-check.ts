// Evaluating the identities of identities.ts against a context: compiled once per version into cell
// indexes, then `result − Σ sign·term` per identity. Shared by the identity rules (S3-BALANCE,
// S3-OUTCOME-TOTAL, S3-ROW-TOTAL, S4-GROUP-TOTAL) and S3-ZERO-YEAR, which takes S3-BALANCE's place.
import type { FormatDef, FormatVersion } from '../format';
import { MAX_FIGURE } from '../report';
import { clean } from './define';
import { identitiesOf } from './identities';
import type { FindingDraft, Identity, Reporter, RuleContext } from './types';

export interface CompiledIdentity {
  readonly identity: Identity;
  readonly result: number;
  readonly terms: Int32Array;
  readonly signs: Int8Array;
  /** Every key the identity reads, the result first. */
  readonly cells: readonly string[];
}

const COMPILED: Partial<Record<FormatVersion, ReadonlyMap<Identity['rule'], readonly CompiledIdentity[]>>> = {};

/** The identities of one rule for a format, compiled to cell indexes. */
export function compiledIdentities(format: FormatDef, rule: Identity['rule']): readonly CompiledIdentity[] {
  let byRule = COMPILED[format.version];
  if (!byRule) {
    const indexOf = new Map(format.cells.map((c) => [c.key, c.index]));
    const map = new Map<Identity['rule'], CompiledIdentity[]>();
    for (const identity of identitiesOf(format.version)) {
      const list = map.get(identity.rule) ?? [];
      list.push({
        identity,
        result: indexOf.get(identity.result) ?? -1,
        terms: Int32Array.from(identity.terms.map((t) => indexOf.get(t.key) ?? -1)),
        signs: Int8Array.from(identity.terms.map((t) => t.sign)),
        cells: [identity.result, ...identity.terms.map((t) => t.key)],
      });
      map.set(identity.rule, list);
    }
    byRule = map;
    COMPILED[format.version] = byRule;
  }
  return byRule.get(rule) ?? [];
}

export interface Evaluation {
  /** The result cell as entered. */
  readonly actual: number;
  /** Σ sign·term. */
  readonly expected: number;
}

/**
 * The identity's two sides, or undefined when it is not assessable: an input is not a number
 * (blank, text), or the sum leaves the range in which doubles add whole numbers exactly.
 */
export function evaluate(nums: Float64Array, c: CompiledIdentity): Evaluation | undefined {
  const actual = nums[c.result];
  let sum = 0;
  let magnitude = Math.abs(actual);
  for (let i = 0; i < c.terms.length; i++) {
    const term = nums[c.terms[i]];
    sum += c.signs[i] * term;
    magnitude += Math.abs(term);
  }
  // NaN (the result or an input not a number) fails this comparison too.
  if (!(magnitude <= MAX_FIGURE)) return undefined;
  return { actual, expected: sum };
}

/** Counts compare exactly; the epsilon only absorbs the float noise of spreadsheet arithmetic. */
export const holds = (e: Evaluation): boolean => Math.abs(e.actual - e.expected) <= 1e-9;

/** The numbers every identity finding carries. */
export function identityNumbers(e: Evaluation): Pick<FindingDraft<object>, 'expected' | 'actual' | 'delta'> {
  return { expected: clean(e.expected), actual: clean(e.actual), delta: clean(e.actual - e.expected) };
}

/** Every key the identities of a rule read, in table order, each once. */
export function identityReads(format: FormatDef, rule: Identity['rule']): readonly string[] {
  const keys = new Set<string>();
  for (const c of compiledIdentities(format, rule)) for (const key of c.cells) keys.add(key);
  return [...keys];
}

/** The cells of column c that S3-ZERO-YEAR reads: every outcome row and 结转, then 新收 and 上年结转. */
export function zeroYearCells(format: FormatDef, column: string): readonly string[] {
  return zeroYearColumn(format, column)?.cells ?? [];
}

/** One column of 表三 compiled for S3-ZERO-YEAR: cell indexes instead of keys, looked up once. */
interface ZeroYearColumn {
  readonly cells: readonly string[];
  readonly newIndex: number;
  readonly carriedInIndex: number;
  /** The outcome rows and 结转, as keys and cell indexes. */
  readonly outcomes: readonly { readonly key: string; readonly index: number }[];
  readonly balance?: CompiledIdentity;
}

const ZERO_YEAR: Partial<Record<FormatVersion, ReadonlyMap<string, ZeroYearColumn>>> = {};

function zeroYearColumn(format: FormatDef, column: string): ZeroYearColumn | undefined {
  let byColumn = ZERO_YEAR[format.version];
  if (!byColumn) {
    const indexOf = new Map(format.cells.map((c) => [c.key, c.index]));
    const balances = compiledIdentities(format, 'S3-BALANCE');
    const map = new Map<string, ZeroYearColumn>();
    for (const { key: col } of format.s3.columns) {
      const outcomes = format.s3.rows
        .filter((row) => row.underOutcome || row.key === 'carriedOver')
        .map((row) => ({ key: `s3.${row.key}.${col}`, index: indexOf.get(`s3.${row.key}.${col}`) ?? -1 }));
      const balance = balances.find((c) => c.identity.scope === col);
      map.set(col, {
        cells: [...outcomes.map((o) => o.key), `s3.new.${col}`, `s3.carriedIn.${col}`],
        newIndex: indexOf.get(`s3.new.${col}`) ?? -1,
        carriedInIndex: indexOf.get(`s3.carriedIn.${col}`) ?? -1,
        outcomes,
        ...(balance ? { balance } : {}),
      });
    }
    byColumn = map;
    ZERO_YEAR[format.version] = byColumn;
  }
  return byColumn.get(column);
}

/**
 * S3-ZERO-YEAR's case for column c: nothing came in (新收 and 上年结转 both 0) yet some outcome or the
 * carry-over is not 0. Returns the offending cells, or undefined when the case does not apply. Only
 * where S3-BALANCE of the column is assessable, so that the two rules report one or the other.
 */
export function zeroYearOffenders(ctx: RuleContext, column: string): readonly string[] | undefined {
  const z = zeroYearColumn(ctx.format, column);
  const nums = ctx.nums;
  if (!z || nums[z.newIndex] !== 0 || nums[z.carriedInIndex] !== 0) return undefined;
  if (!z.balance || !evaluate(nums, z.balance)) return undefined;
  const offenders: string[] = [];
  for (const { key, index } of z.outcomes) {
    const value = nums[index];
    if (Number.isFinite(value) && value !== 0) offenders.push(key);
  }
  return offenders.length > 0 ? offenders : undefined;
}

/**
 * The check of an identity whose result is a total of its parts (S3-OUTCOME-TOTAL, S3-ROW-TOTAL,
 * S4-GROUP-TOTAL): each failing one is reported with the sum of the parts as the one-click fix,
 * which is unambiguous there (unlike S3-BALANCE, where any of four cells may be the wrong one).
 */
export function checkTotals(
  ctx: RuleContext,
  rule: 'S3-OUTCOME-TOTAL' | 'S3-ROW-TOTAL' | 'S4-GROUP-TOTAL',
  report: Reporter<{ readonly scope: string }>,
): void {
  for (const c of compiledIdentities(ctx.format, rule)) {
    const e = evaluate(ctx.nums, c);
    if (!e || holds(e)) continue;
    const numbers = identityNumbers(e);
    report({
      scope: c.identity.scope,
      cells: c.cells,
      ...numbers,
      params: { scope: c.identity.scope },
      fix: { cell: c.identity.result, value: clean(e.expected) },
    });
  }
}
