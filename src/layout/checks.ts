// The in-sheet checks, compiled from the rules' identities (identitiesOf) and the cell units of the
// format: one status formula per table and one conditional fill per identity. Nothing here is
// written per cell by hand, so the sheet and the TypeScript engine read the same definition.
//
// The formulas use only functions that Excel 2007+, WPS, LibreOffice and HyperFormula share (no
// TEXTJOIN, LET, IFS, CONCAT): lists are built with IF(…,"、label","") and tidied with SUBSTITUTE.
import { cellsOfTable, getFormat, type FormatVersion, type TableId, type Unit } from '../format';
import { strings } from '../i18n';
import { identitiesOf, type Identity, type RuleId } from '../rules';
import { cellA1, rangeA1 } from './a1';
import type { CellPosition, CellRange, ConditionalFill } from './types';

/** The sheet's words (src/i18n): the official form is Chinese in every locale. */
const SHEET = strings('zh-CN').sheet;

/** What a status cell shows when the table passes. Exact: readers and tests compare with it. */
export const STATUS_TEXT = { pass: SHEET.statusPass } as const;

/**
 * What a status cell shows for a cell problem, `{n}` being how many cells have it. Checked in this
 * order; the first problem found is the one shown.
 */
export const CELL_STATUS = SHEET.cellStatus;

export type CellProblem = keyof typeof CELL_STATUS;

/** The status text of a cell problem found in `count` cells. */
export const cellStatus = (problem: CellProblem, count: number): string =>
  CELL_STATUS[problem].replace('{n}', String(count));

/** Between a failing scope and its difference: `自然人 差 +1`, as the engine's messages write it. */
export const DELTA_WORD = SHEET.deltaWord;

/** The mark every failing status starts with. */
export const STATUS_FAIL_MARK = '✖';

/** How each identity rule is named in a status, followed by the failing scopes. */
export const IDENTITY_HEADINGS: Readonly<Partial<Record<RuleId, string>>> = SHEET.identityHeadings;

export const FAIL_FILL = { fill: 'FFC7CE', fontColor: '9C0006' } as const;
export const PASS_FILL = { fill: 'C6EFCE', fontColor: '006100' } as const;

/**
 * Counts are whole numbers compared exactly; the tolerance only absorbs binary noise, as in the
 * engine (src/rules/checks.ts). Written out because some engines do not read `1E-9`.
 */
const EPSILON = '0.000000001';

/** Separators of the status text; the SUBSTITUTE tidy-up below relies on labels not holding them. */
const END = '|';

export type Locate = (key: string) => CellPosition;

/** Few rectangles covering exactly the given cells (vertical or horizontal runs, whichever is fewer). */
export function compactRanges(cells: readonly CellPosition[]): CellRange[] {
  const byRuns = (major: 'row' | 'col'): CellRange[] => {
    const minor = major === 'col' ? 'row' : 'col';
    const sorted = [...cells].sort((a, b) => a[major] - b[major] || a[minor] - b[minor]);
    // Runs along `minor` within one `major` line.
    const runs: { line: number; start: number; end: number }[] = [];
    for (const p of sorted) {
      const last = runs[runs.length - 1];
      if (last && last.line === p[major] && last.end === p[minor] - 1) last.end = p[minor];
      else if (!(last && last.line === p[major] && last.end >= p[minor]))
        runs.push({ line: p[major], start: p[minor], end: p[minor] });
    }
    // Neighbouring lines with the same run become one rectangle.
    runs.sort((a, b) => a.start - b.start || a.end - b.end || a.line - b.line);
    const out: CellRange[] = [];
    let current: { line: number; lines: number; start: number; end: number } | undefined;
    const flush = (): void => {
      if (!current) return;
      out.push(
        major === 'col'
          ? { row: current.start, col: current.line, rows: current.end - current.start + 1, cols: current.lines }
          : { row: current.line, col: current.start, rows: current.lines, cols: current.end - current.start + 1 },
      );
    };
    for (const run of runs) {
      if (
        current &&
        current.start === run.start &&
        current.end === run.end &&
        current.line + current.lines === run.line
      ) {
        current.lines++;
      } else {
        flush();
        current = { line: run.line, lines: 1, start: run.start, end: run.end };
      }
    }
    flush();
    return out;
  };
  if (cells.length === 0) return [];
  const vertical = byRuns('col');
  const horizontal = byRuns('row');
  return horizontal.length < vertical.length ? horizontal : vertical;
}

const list = (ranges: readonly CellRange[]): string => ranges.map((r) => rangeA1(r)).join(',');
const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** Σ of one function applied to each range (for functions that take a single range). */
const perRange = (fn: (range: string) => string, ranges: readonly CellRange[]): string =>
  ranges.map((r) => fn(rangeA1(r))).join('+');

/** `result − Σ sign·term` as a formula; SUM() makes text read as 0 instead of raising #VALUE!. */
function difference(identity: Identity, locate: Locate): string {
  const pos = compactRanges(identity.terms.filter((t) => t.sign > 0).map((t) => locate(t.key)));
  const neg = compactRanges(identity.terms.filter((t) => t.sign < 0).map((t) => locate(t.key)));
  const result = locate(identity.result);
  let text = `SUM(${cellA1(result.row, result.col)})`;
  if (pos.length > 0) text += `-SUM(${list(pos)})`;
  if (neg.length > 0) text += `+SUM(${list(neg)})`;
  return text;
}

/** TRUE where the identity does not hold (inputs assumed to be numbers). */
export function identityFails(identity: Identity, locate: Locate): string {
  return `ABS(${difference(identity, locate)})>${EPSILON}`;
}

/** Every cell an identity reads, the result first. */
function inputsOf(identity: Identity, locate: Locate): CellRange[] {
  return compactRanges([identity.result, ...identity.terms.map((t) => t.key)].map(locate));
}

/** How a user names the scope of an identity: a column, a row (with its group), or an s4 group. */
export function scopeLabel(version: FormatVersion, identity: Identity): string {
  const format = getFormat(version);
  if (identity.table === 's4') {
    const group = format.s4.groups.find((g) => g.key === identity.scope);
    return group ? group.label.zh : identity.scope;
  }
  if (identity.rule === 'S3-ROW-TOTAL') {
    const row = format.s3.rows.find((r) => r.key === identity.scope);
    if (!row) return identity.scope;
    return row.group ? `${row.group.label.zh}·${row.label.zh}` : row.label.zh;
  }
  const column = format.s3.columns.find((c) => c.key === identity.scope);
  return column ? column.label.zh : identity.scope;
}

/** Written after every difference as `+<d>`; a negative one comes out as `+-2` and is tidied to `-2`. */
const PLUS_MINUS = '+-';

function assertSafeLabel(label: string): void {
  // The SUBSTITUTE tidy-up would corrupt a label holding its markers.
  if ([END, '：、', STATUS_FAIL_MARK, PLUS_MINUS].some((marker) => label.includes(marker))) {
    throw new Error(`label cannot be used in a status formula: ${label}`);
  }
}

/**
 * The failing identities of a table as text, each scope with its difference (actual − expected,
 * signed as the engine's messages print it), or `校验通过` when all hold:
 * `✖ 勾稽关系不符：自然人 差 +1、总计 差 +1；总计不等于各类申请人之和：一、本年新收政府信息公开申请数量 差 -2`.
 *
 * Each section is `；heading：、a 差 +1、b 差 +-2|`; a section with no failing scope is exactly
 * `；heading：|` and is removed whole. Then `✖ |` (nothing failed) becomes 校验通过, and the leading
 * `；`, the first `、` of each list, the `|` markers and the `+` before a negative difference are
 * dropped. So every IF appears once: an IF(list="") test would repeat each section, and a sign test
 * would repeat each difference, pushing 表三 towards Excel's 8,192-character formula limit.
 */
function identityText(version: FormatVersion, identities: readonly Identity[], locate: Locate): string {
  const rules: RuleId[] = [];
  for (const identity of identities) if (!rules.includes(identity.rule)) rules.push(identity.rule);
  if (rules.length === 0) return quote(STATUS_TEXT.pass);
  const sections = rules.map((rule) => {
    const heading = IDENTITY_HEADINGS[rule] ?? rule;
    assertSafeLabel(heading);
    const items = identities
      .filter((i) => i.rule === rule)
      .map((identity) => {
        const label = scopeLabel(version, identity);
        assertSafeLabel(label);
        const item = `${quote(`、${label}${DELTA_WORD}+`)}&(${difference(identity, locate)})`;
        return `IF(${identityFails(identity, locate)},${item},"")`;
      });
    const open = `；${heading}：`;
    return `SUBSTITUTE(${quote(open)}&${items.join('&')}&${quote(END)},${quote(open + END)},"")`;
  });
  const all = `${quote(`${STATUS_FAIL_MARK} `)}&${sections.join('&')}&${quote(END)}`;
  let text = `SUBSTITUTE(${all},${quote(`${STATUS_FAIL_MARK} ${END}`)},${quote(STATUS_TEXT.pass)})`;
  text = `SUBSTITUTE(${text},${quote(`${STATUS_FAIL_MARK} ；`)},${quote(`${STATUS_FAIL_MARK} `)})`;
  text = `SUBSTITUTE(${text},"：、","：")`;
  text = `SUBSTITUTE(${text},${quote(PLUS_MINUS)},"-")`;
  return `SUBSTITUTE(${text},${quote(END)},"")`;
}

const mayBeNegative = (unit: Unit): boolean => unit === 'signedCount';
const mustBeWhole = (unit: Unit): boolean => unit === 'count' || unit === 'signedCount';

/** `IF(count>0,"✖ 有 "&count&" 个…",otherwise)`: a cell problem, named with how many cells have it. */
function cellProblem(problem: CellProblem, count: string, otherwise: string): string {
  const [before, after] = CELL_STATUS[problem].split('{n}');
  return `IF(${count}>0,${quote(before)}&(${count})&${quote(after)},${otherwise})`;
}

/**
 * The status formula of one table. In order: blank cells (never read as 0), text, negative
 * numbers, fractional counts, each with how many cells have it, then the identities with their
 * differences. Those are exactly the error rules of the engine on the table's cells (CELL-BLANK,
 * CELL-NOT-NUMBER, CELL-NEGATIVE, CELL-NOT-INTEGER and the identities), so the status passes iff
 * `validate()` finds no error in the table. S3-ZERO-YEAR needs no formula of its own: with no
 * negative cell it only fires where an identity fails too.
 */
export function compileStatusFormula(version: FormatVersion, table: TableId, locate: Locate): string {
  const cells = cellsOfTable(version, table).map((c) => ({ ...c, ...locate(c.key) }));
  const all = compactRanges(cells);
  const nonNegative = compactRanges(cells.filter((c) => !mayBeNegative(c.unit)));
  const whole = compactRanges(cells.filter((c) => mustBeWhole(c.unit)));
  const identities = identitiesOf(version).filter((i) => i.table === table);
  const blank = perRange((r) => `COUNTBLANK(${r})`, all);
  const text = `COUNTA(${list(all)})-COUNT(${list(all)})`;
  const negative = nonNegative.length > 0 ? perRange((r) => `COUNTIF(${r},"<0")`, nonNegative) : undefined;
  const fraction = whole.length > 0 ? perRange((r) => `SUMPRODUCT(--(MOD(${r},1)<>0))`, whole) : undefined;
  let formula = identityText(version, identities, locate);
  if (fraction) formula = cellProblem('fraction', fraction, formula);
  if (negative) formula = cellProblem('negative', negative, formula);
  formula = cellProblem('text', text, formula);
  return cellProblem('blank', blank, formula);
}

/**
 * One fill per identity on its result cell, lit when every input is a number and the identity
 * fails (a blank or text input leaves it unlit: the status names that problem instead).
 */
export function compileIdentityFills(version: FormatVersion, locate: Locate): ConditionalFill[] {
  return identitiesOf(version).map((identity) => {
    const at = locate(identity.result);
    const inputs = inputsOf(identity, locate);
    const n = inputs.reduce((s, r) => s + r.rows * r.cols, 0);
    return {
      range: { row: at.row, col: at.col, rows: 1, cols: 1 },
      formula: `AND(COUNT(${list(inputs)})=${n},${identityFails(identity, locate)})`,
      ...FAIL_FILL,
    };
  });
}

/** Fills on a status cell: red when it starts with ✖, green on 校验通过. */
export function statusFills(status: CellPosition): ConditionalFill[] {
  const ref = cellA1(status.row, status.col);
  const range = { row: status.row, col: status.col, rows: 1, cols: 1 };
  return [
    { range, formula: `LEFT(${ref},1)=${quote(STATUS_FAIL_MARK)}`, ...FAIL_FILL },
    { range, formula: `${ref}=${quote(STATUS_TEXT.pass)}`, ...PASS_FILL },
  ];
}
