// The pure checks behind RULES.md. Each reads the context and appends findings; none throws on
// bad data. Identity rules only judge cells that all hold numbers (a blank is never read as 0):
// where an input is blank or text, the cell rules say so and the identity stays silent.
import type { CellDef, FormatDef, FormatVersion } from '../format';
import { getFormat, formatForYear } from '../format';
import { isWholeNumber } from '../report';
import { identitiesOf } from './identities';
import { severityOf } from './catalogue';
import type { Finding, Identity, RuleContext, RuleId } from './types';

/** 万元 at or above this (10亿元) was almost surely entered in 元. */
const FEE_UNIT_LIMIT = 100000;

const finding = (rule: RuleId, rest: Omit<Finding, 'rule' | 'severity'>): Finding => ({
  rule,
  severity: severityOf(rule),
  ...rest,
});

/** Rounds away binary noise (0.1 + 0.2) so that deltas print as people write them. */
const clean = (n: number): number => Math.round(n * 1e6) / 1e6;

// ---- cell rules ---------------------------------------------------------------------------------

export function checkCells(ctx: RuleContext, out: Finding[]): void {
  const { format, readings } = ctx;
  for (const cell of format.cells) {
    const reading = readings[cell.index];
    if (reading.kind === 'blank') {
      out.push(
        finding('CELL-BLANK', {
          cells: [cell.key],
          params: reading.placeholder ? { placeholder: reading.placeholder } : {},
          ...(reading.placeholder ? { fix: { cell: cell.key, value: 0 } } : {}),
        }),
      );
      continue;
    }
    if (reading.kind === 'text') {
      out.push(finding('CELL-NOT-NUMBER', { cells: [cell.key], params: { text: reading.text } }));
      continue;
    }
    const value = reading.value;
    if (value < 0 && cell.unit !== 'signedCount') {
      out.push(finding('CELL-NEGATIVE', { cells: [cell.key], actual: value }));
    }
    if ((cell.unit === 'count' || cell.unit === 'signedCount') && !isWholeNumber(value)) {
      out.push(
        finding('CELL-NOT-INTEGER', {
          cells: [cell.key],
          actual: value,
          fix: { cell: cell.key, value: Math.round(value) },
        }),
      );
    }
    if (cell.unit === 'wanyuan' && reading.decimals > 4) {
      out.push(
        finding('CELL-PRECISION', {
          cells: [cell.key],
          actual: value,
          params: { decimals: reading.decimals },
          fix: { cell: cell.key, value: Math.round(value * 1e4) / 1e4 },
        }),
      );
    }
  }
}

// ---- identities (s3, s4) ------------------------------------------------------------------------

interface CompiledIdentity {
  readonly identity: Identity;
  readonly result: number;
  readonly terms: Int32Array;
  readonly signs: Int8Array;
}

const COMPILED: Partial<Record<FormatVersion, readonly CompiledIdentity[]>> = {};

function compiled(format: FormatDef): readonly CompiledIdentity[] {
  const cached = COMPILED[format.version];
  if (cached) return cached;
  const indexOf = new Map(format.cells.map((c) => [c.key, c.index]));
  const list = identitiesOf(format.version).map((identity) => ({
    identity,
    result: indexOf.get(identity.result) ?? -1,
    terms: Int32Array.from(identity.terms.map((t) => indexOf.get(t.key) ?? -1)),
    signs: Int8Array.from(identity.terms.map((t) => t.sign)),
  }));
  COMPILED[format.version] = list;
  return list;
}

/** Σ sign·term, or NaN when any input is not a number. */
function evaluate(nums: Float64Array, c: CompiledIdentity): number {
  let sum = 0;
  for (let i = 0; i < c.terms.length; i++) sum += c.signs[i] * nums[c.terms[i]];
  return sum;
}

/**
 * S3-ZERO-YEAR for one column: nothing came in, so nothing may go out. Returns the finding, or
 * undefined when the column had applications or is not assessable.
 */
function zeroYear(ctx: RuleContext, column: string): Finding | undefined {
  const n = ctx.nums;
  const inNew = n[ctx.index(`s3.new.${column}`)];
  const inCarried = n[ctx.index(`s3.carriedIn.${column}`)];
  if (!(inNew === 0 && inCarried === 0)) return undefined;
  const offenders: string[] = [];
  let offendingSum = 0;
  for (const row of ctx.format.s3.rows) {
    if (!row.underOutcome && row.key !== 'carriedOver') continue;
    const key = `s3.${row.key}.${column}`;
    const value = n[ctx.index(key)];
    if (Number.isFinite(value) && value !== 0) {
      offenders.push(key);
      if (row.key !== 'total') offendingSum += value;
    }
  }
  if (offenders.length === 0) return undefined;
  const total = n[ctx.index(`s3.total.${column}`)];
  const carriedOver = n[ctx.index(`s3.carriedOver.${column}`)];
  const actual = Number.isFinite(total) && Number.isFinite(carriedOver) ? total + carriedOver : offendingSum;
  return finding('S3-ZERO-YEAR', {
    cells: [...offenders, `s3.new.${column}`, `s3.carriedIn.${column}`],
    expected: 0,
    actual: clean(actual),
    delta: clean(actual),
    params: { column },
  });
}

export function checkIdentities(ctx: RuleContext, out: Finding[]): void {
  const nums = ctx.nums;
  for (const c of compiled(ctx.format)) {
    const actual = nums[c.result];
    const expected = evaluate(nums, c);
    if (!Number.isFinite(actual) || !Number.isFinite(expected)) continue; // not assessable
    const { identity } = c;
    if (identity.rule === 'S3-BALANCE') {
      const zero = zeroYear(ctx, identity.scope);
      if (zero) {
        out.push(zero);
        continue;
      }
    }
    // Every identity is over counts, which compare exactly; the epsilon only absorbs float noise.
    if (Math.abs(actual - expected) <= 1e-9) continue;
    const cells = [identity.result, ...identity.terms.map((t) => t.key)];
    const base = { cells, expected: clean(expected), actual: clean(actual), delta: clean(actual - expected) };
    if (identity.rule === 'S3-BALANCE') {
      // total + carriedOver > new + carriedIn: more outcomes than applications.
      const hints: RuleId[] = actual > expected ? ['S3-DOUBLE-COUNT'] : [];
      const c = identity.scope;
      const params = {
        column: c,
        new: nums[ctx.index(`s3.new.${c}`)],
        carriedIn: nums[ctx.index(`s3.carriedIn.${c}`)],
        carriedOver: nums[ctx.index(`s3.carriedOver.${c}`)],
      };
      out.push(finding('S3-BALANCE', { ...base, hints, params }));
    } else {
      out.push(
        finding(identity.rule, {
          ...base,
          params: { scope: identity.scope },
          fix: { cell: identity.result, value: clean(expected) },
        }),
      );
    }
  }
}

// ---- s2 -----------------------------------------------------------------------------------------

const REGULATION: Partial<Record<FormatVersion, readonly CellDef[]>> = {};

function regulationCells(format: FormatDef): readonly CellDef[] {
  return (REGULATION[format.version] ??= format.cells.filter((c) => c.table === 's2' && c.row === 'regulation'));
}

export function checkS2(ctx: RuleContext, out: Finding[]): void {
  const num = (key: string): number => ctx.nums[ctx.index(key)];
  if (ctx.format.version === '2021') {
    const fee = num('s2.fee.amount');
    if (Number.isFinite(fee) && fee >= FEE_UNIT_LIMIT) {
      out.push(
        finding('S2-FEE-UNIT', {
          cells: ['s2.fee.amount'],
          actual: fee,
          params: { yuanInYi: clean(fee / 10000) },
          fix: { cell: 's2.fee.amount', value: Math.round(fee) / 10000 },
        }),
      );
    }
  }
  if (ctx.profile.canMakeRegulations === false) {
    const offending = regulationCells(ctx.format).filter((c) => ctx.nums[c.index] > 0);
    if (offending.length > 0) {
      out.push(
        finding('S2-REGULATION-AUTHORITY', {
          cells: offending.map((c) => c.key),
          actual: num(offending[0].key),
          ...(ctx.profile.agency ? { params: { agency: ctx.profile.agency } } : {}),
        }),
      );
    }
  }
  if (ctx.format.version === '2019') {
    for (const row of ['license', 'otherService', 'penalty', 'enforcement']) {
      const previous = num(`s2.${row}.previous`);
      const change = num(`s2.${row}.change`);
      const decisions = num(`s2.${row}.decisions`);
      if (![previous, change, decisions].every(Number.isFinite)) continue;
      if (previous === 0 && change === 0 && decisions === 0) continue;
      if (decisions === previous + change) {
        out.push(
          finding('S2-2019-DECISIONS', {
            cells: [`s2.${row}.decisions`, `s2.${row}.previous`, `s2.${row}.change`],
            actual: decisions,
            params: { row },
          }),
        );
      }
    }
  }
}

// ---- report level -------------------------------------------------------------------------------

export function checkProfile(ctx: RuleContext, out: Finding[]): void {
  const year = ctx.profile.year;
  if (year === undefined) {
    out.push(finding('PROFILE-YEAR', { cells: ['profile.year'], params: { problem: 'missing' } }));
  } else if (!Number.isInteger(year) || year < 2019 || year > ctx.currentYear) {
    out.push(
      finding('PROFILE-YEAR', {
        cells: ['profile.year'],
        actual: year,
        params: { problem: 'range', max: ctx.currentYear },
      }),
    );
  }
}

const FOREIGN: Partial<Record<FormatVersion, readonly CellDef[]>> = {};

/** Cells that exist only in the other version (2019's s2 and 其他处理 row, 2021's split 其他处理). */
function foreignCells(version: FormatVersion): readonly CellDef[] {
  const cached = FOREIGN[version];
  if (cached) return cached;
  const own = new Set(getFormat(version).cells.map((c) => c.key));
  const list = getFormat(version === '2021' ? '2019' : '2021').cells.filter((c) => !own.has(c.key));
  FOREIGN[version] = list;
  return list;
}

export function checkFormatVersion(ctx: RuleContext, out: Finding[]): void {
  const { report, profile, format } = ctx;
  const year = profile.year;
  const yearOk = year !== undefined && Number.isInteger(year) && year >= 2019;
  const required = yearOk ? formatForYear(year) : undefined;
  // The layout actually used: what the reader saw, else what the profile says.
  const used = report.sourceFormat ?? profile.format;
  if (required && used && used !== required) {
    out.push(
      finding('FORMAT-VERSION', {
        cells: ['profile.format'],
        params: { problem: 'year', year: year ?? 0, used, required },
      }),
    );
  }
  // Rows of the other version present in the values: the layouts were mixed.
  const foreignRows = new Map<string, string[]>();
  for (const cell of foreignCells(format.version)) {
    if (!(cell.key in report.values)) continue;
    const rowKey = `${cell.table}.${cell.row}`;
    const list = foreignRows.get(rowKey) ?? [];
    list.push(cell.key);
    foreignRows.set(rowKey, list);
  }
  const other = format.version === '2021' ? '2019' : '2021';
  for (const [, keys] of foreignRows) {
    out.push(
      finding('FORMAT-VERSION', {
        cells: keys,
        params: { problem: 'foreignRow', used: format.version, other },
      }),
    );
  }
  for (const issue of report.structureIssues ?? []) {
    out.push(
      finding('FORMAT-VERSION', {
        cells: [],
        params: { problem: issue.kind, table: issue.table, label: issue.label },
      }),
    );
  }
}

// ---- cross-year ---------------------------------------------------------------------------------

export function checkCrossYear(ctx: RuleContext, out: Finding[]): void {
  const prev = ctx.previous;
  if (!prev) return;
  const num = (key: string): number => ctx.nums[ctx.index(key)];
  for (const column of ctx.format.s3.columns) {
    const carriedIn = num(`s3.carriedIn.${column.key}`);
    const lastOver = prev.num(`s3.carriedOver.${column.key}`);
    if (!Number.isFinite(carriedIn) || lastOver === undefined) continue;
    if (carriedIn !== lastOver) {
      out.push(
        finding('S3-CARRY-CONTINUITY', {
          cells: [`s3.carriedIn.${column.key}`, `previous.s3.carriedOver.${column.key}`],
          expected: lastOver,
          actual: carriedIn,
          delta: clean(carriedIn - lastOver),
          params: { column: column.key },
          fix: { cell: `s3.carriedIn.${column.key}`, value: lastOver },
        }),
      );
    }
  }
  for (const table of ['s3', 's2', 's4'] as const) {
    const cells = ctx.format.cells.filter((c) => c.table === table);
    let comparable = true;
    let someNonZero = false;
    for (const cell of cells) {
      const now = ctx.nums[cell.index];
      const then = prev.num(cell.key);
      if (!Number.isFinite(now) || then === undefined || now !== then) {
        comparable = false;
        break;
      }
      // Stocks (现行有效件数) legitimately stay the same; only flows show a copied table.
      if (now !== 0 && !(table === 's2' && (cell.col === 'valid' || cell.col === 'total' || cell.col === 'previous'))) {
        someNonZero = true;
      }
    }
    if (comparable && someNonZero) {
      out.push(finding('S3-SAME-AS-LAST-YEAR', { cells: cells.map((c) => c.key), params: { table } }));
    }
  }
  if (ctx.format.version === '2021' && prev.format === '2021') {
    for (const row of ['regulation', 'normative']) {
      const valid = num(`s2.${row}.valid`);
      const issued = num(`s2.${row}.issued`);
      const repealed = num(`s2.${row}.repealed`);
      const lastValid = prev.num(`s2.${row}.valid`);
      if (![valid, issued, repealed].every(Number.isFinite) || lastValid === undefined) continue;
      const expected = lastValid + issued - repealed;
      if (valid !== expected) {
        out.push(
          finding('S2-VALID-STOCK', {
            cells: [`s2.${row}.valid`, `previous.s2.${row}.valid`, `s2.${row}.issued`, `s2.${row}.repealed`],
            expected,
            actual: valid,
            delta: clean(valid - expected),
            params: { row, lastValid, issued, repealed },
          }),
        );
      }
    }
  }
}
