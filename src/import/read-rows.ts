// The core both readers share: rows as a source printed them (label cells, then value cells) → the
// report's cells. A row's label says which row it is (labels.ts); its figures go to the columns in
// order only when their number leaves no doubt. Two rows claiming one label, a row out of the
// format's order with a doubtful label, a row with fewer figures than columns: left out and said.
import { getFormat, type FormatVersion } from '../format';
import type { RawValue } from '../report';
import type { Field } from './fields';
import { matchLabel, labelVariants, S2_LABELS, S3_LABELS, type LabelMatch } from './labels';
import { labelCore } from './normalise';
import type { ImportProblem } from './types';

export type TableKey = 's2' | 's3' | 's4';

/** A row as a source printed it. */
export interface RowCandidate {
  /** Its label cells as printed, outermost first (header cells before it, in a text). */
  readonly labels: readonly string[];
  /** The cells after the label. */
  readonly values: readonly Field[];
  /** First and last line (of the text, or block of a source document) it stands on. */
  readonly line: number;
  readonly lastLine: number;
  /** As printed, for messages. */
  readonly text: string;
  /**
   * The words of the line just above, when it had no figures: the start of a label broken over
   * two lines (`（二）部分公开（区分处理的，只计这一情` / `形）→0→0…`).
   */
  readonly context?: readonly string[];
  /**
   * Every cell of the row as a field, where the source delimits each (a pipe row, a source table's
   * row with the cells its spans cover left empty): its data cells are then its last ones.
   */
  readonly fields?: readonly Field[];
}

/** A row's own label cells are only fragments (`理结`, `形）`): the line above may hold its label. */
const FRAGMENT = 4;

/** What reading one table gave. */
export interface TableReading {
  readonly values: Record<string, RawValue>;
  readonly problems: ImportProblem[];
  /** Row keys read (or read unsure: found but left out). */
  readonly rowsSeen: ReadonlySet<string>;
  /** Lines of the rows used. */
  readonly lines: readonly number[];
}

export interface MatchedRow {
  readonly candidate: RowCandidate;
  readonly match?: LabelMatch;
}

const hasFigure = (values: readonly Field[]): boolean =>
  values.some((v) => v.kind === 'number' || v.kind === 'placeholder' || v.kind === 'figureText');

/** Each candidate with the row its label names, if any. */
export function matchRows(table: 's2' | 's3', candidates: readonly RowCandidate[]): MatchedRow[] {
  const labels = table === 's2' ? S2_LABELS : S3_LABELS;
  return candidates.map((candidate) => {
    let match = matchLabel(labelVariants(candidate.labels), labels);
    const context = candidate.context;
    if (!match && context && context.length > 0 && candidate.labels.every((l) => labelCore(l).length <= FRAGMENT)) {
      const joined = [...context, ...candidate.labels];
      match = matchLabel([...labelVariants(joined), ...labelVariants(context)], labels);
    }
    return match ? { candidate, match } : { candidate };
  });
}

/** The version the rows found say (a row only one version has), or undefined. */
export function versionOfRows(rows: readonly MatchedRow[]): FormatVersion | undefined {
  let v2021 = 0;
  let v2019 = 0;
  for (const row of rows) {
    if (!row.match || !hasFigure(row.candidate.values)) continue;
    if (row.match.version === '2021') v2021++;
    else if (row.match.version === '2019') v2019++;
  }
  if (v2021 === v2019) return undefined;
  return v2021 > v2019 ? '2021' : '2019';
}

interface RowShape {
  readonly columns: readonly string[];
  /** Position of the row in the format's order (for the order check). */
  readonly order: number;
  readonly label: string;
}

/** The columns of a row in a version, or in the other one if only it has the row. */
function shapeOf(table: 's2' | 's3', row: string, version: FormatVersion): RowShape | undefined {
  for (const v of [version, version === '2021' ? '2019' : '2021'] as const) {
    const format = getFormat(v);
    if (table === 's2') {
      let order = 0;
      for (const block of format.s2.blocks) {
        for (const r of block.rows) {
          if (r.key === row) return { columns: block.columns.map((c) => c.key), order, label: r.label.zh };
          order++;
        }
      }
    } else {
      const index = format.s3.rows.findIndex((r) => r.key === row);
      if (index >= 0) {
        const r = format.s3.rows[index];
        return { columns: format.s3.columns.map((c) => c.key), order: index, label: r.label.zh };
      }
    }
  }
  return undefined;
}

/** The official label of a row, for messages. */
export function rowLabel(table: 's2' | 's3', row: string, version: FormatVersion): string {
  return shapeOf(table, row, version)?.label ?? row;
}

const BLANK_FIELD: Field = { kind: 'blank' };
const WIDTH_S2 = 3;

/**
 * The cells of a row whose every cell is a field, at the data columns its table's headers name (in
 * the format's order); 'unsure' when the row holds a figure anywhere else, undefined when words
 * stand in a data column.
 */
function cellsAtColumns(fields: readonly Field[], columns: readonly number[]): Field[] | 'unsure' | undefined {
  // Words in a data column: a header row, no row of figures.
  if (columns.some((j) => fields[j]?.kind === 'text')) return undefined;
  const at = new Set(columns);
  const first = Math.min(...columns);
  for (let j = 0; j < fields.length; j++) {
    const f = fields[j];
    if (at.has(j) || f.kind === 'gap' || f.kind === 'blank' || f.kind === 'covered') continue;
    // Words before the data columns are the label; anything else out of place is doubt.
    if (f.kind === 'text' && j < first) continue;
    return 'unsure';
  }
  return columns.map((j) => {
    const f = fields[j];
    return !f || f.kind === 'gap' || f.kind === 'covered' ? BLANK_FIELD : f;
  });
}

/** True when a row's cells are exactly its columns (or, in s2, one value then the merged rest). */
function exactWidth(table: TableKey, all: readonly Field[], n: number): boolean {
  const values = all.filter((v) => v.kind !== 'covered');
  if (values.length === n) return true;
  return table === 's2' && n < WIDTH_S2 && values.length === WIDTH_S2 && values.slice(n).every((v) => v.kind === 'gap');
}

/**
 * The cells of a row, or undefined when they cannot be placed with certainty. `trusted`: the table
 * shows every cell as a field (a clean grid), so an empty field is a blank cell.
 */
export function placeCells(
  table: TableKey,
  values: readonly Field[],
  n: number,
  trusted: boolean,
): Field[] | undefined {
  if (values.some((v) => v.kind === 'doubt')) return undefined;
  values = values.filter((v) => v.kind !== 'covered');
  let cells = trusted
    ? values.map((v) => (v.kind === 'gap' ? BLANK_FIELD : v))
    : values.filter((v) => v.kind !== 'gap');
  if (
    trusted &&
    table === 's2' &&
    n < WIDTH_S2 &&
    cells.length === WIDTH_S2 &&
    cells.slice(n).every((c) => c.kind === 'blank')
  ) {
    cells = cells.slice(0, n);
  }
  if (cells.length === n) return cells;
  // Empty cells after a complete row (a line's trailing tabs, whitespace before the next part), when
  // which ones are extra makes no difference: none stands before a figure.
  if (cells.length > n && cells.slice(n).every((c) => c.kind === 'blank')) {
    let lastFilled = -1;
    cells.forEach((c, i) => {
      if (c.kind !== 'blank') lastFilled = i;
    });
    if (lastFilled < 0 || cells.slice(0, lastFilled).every((c) => c.kind !== 'blank')) return cells.slice(0, n);
  }
  return undefined;
}

/** The raw value of a placed cell, and a problem when its text is not a figure. */
function rawOf(cell: Field, key: string, problems: ImportProblem[]): RawValue {
  switch (cell.kind) {
    case 'number':
      return cell.value;
    case 'blank':
    case 'gap':
    case 'doubt':
    case 'covered':
      return null;
    case 'placeholder':
      return cell.raw;
    case 'figureText':
    case 'text':
      problems.push({ code: 'VALUE_NOT_A_NUMBER', key, text: cell.raw });
      return cell.raw;
  }
}

const sameCells = (a: readonly Field[], b: readonly Field[]): boolean =>
  a.length === b.length &&
  a.every((x, i) => {
    const y = b[i];
    if (x.kind !== y.kind) return false;
    if (x.kind === 'number' && y.kind === 'number') return x.value === y.value;
    if ('raw' in x && 'raw' in y) return x.raw === y.raw;
    return true;
  });

/**
 * Positions kept by the longest run of rows in the format's order (a row repeated, as a label broken
 * over two lines, keeps its place; ties keep the earlier rows).
 */
function inOrder(orders: readonly number[]): Set<number> {
  const n = orders.length;
  const length = new Array<number>(n).fill(1);
  const before = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (orders[j] <= orders[i] && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        before[i] = j;
      }
    }
  }
  let end = -1;
  for (let i = 0; i < n; i++) if (end < 0 || length[i] > length[end]) end = i;
  const keep = new Set<number>();
  for (let i = end; i >= 0; i = before[i]) keep.add(i);
  return keep;
}

const KEYS = new Map<string, readonly string[]>();

/** The cell keys of a row's columns (made once: every report reads the same rows). */
function cellKeys(table: TableKey, row: string, columns: readonly string[]): readonly string[] {
  const id = `${table}.${row}|${columns.join(',')}`;
  let keys = KEYS.get(id);
  if (!keys) KEYS.set(id, (keys = columns.map((c) => `${table}.${row}.${c}`)));
  return keys;
}

const shorten = (text: string): string => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

interface Claim {
  readonly key: string;
  readonly shape: RowShape;
  readonly row: MatchedRow;
  readonly score: number;
}

/**
 * The values of s2 or s3 from its matched rows, in `version` (a row only the other version has is
 * read with that version's columns: FORMAT-VERSION then says the layouts were mixed). `trustGaps`:
 * undefined to decide from the rows (every row exactly as wide as its columns), or the caller's say.
 */
export function readTableRows(
  table: 's2' | 's3',
  rows: readonly MatchedRow[],
  version: FormatVersion,
  trustGaps?: boolean,
  columns?: readonly number[],
): TableReading {
  const problems: ImportProblem[] = [];
  const values: Record<string, RawValue> = {};
  const rowsSeen = new Set<string>();
  const lines: number[] = [];

  // Claims: matched rows, and fragments continuing the row before them (`行政事业性` / `收费`).
  const claims: Claim[] = [];
  let previous: Claim | undefined;
  for (const row of rows) {
    if (row.match) {
      const shape = shapeOf(table, row.match.key, version);
      if (!shape) continue;
      previous = { key: row.match.key, shape, row, score: row.match.score };
      claims.push(previous);
      continue;
    }
    if (!hasFigure(row.candidate.values)) continue;
    const fragment = labelCore(row.candidate.labels.join(''));
    const official = previous ? labelCore(previous.shape.label) : '';
    if (previous && fragment.length > 0 && official.includes(fragment) && !official.startsWith(fragment)) {
      claims.push({ key: previous.key, shape: previous.shape, row, score: previous.score });
      continue;
    }
    problems.push({ code: 'ROW_UNRECOGNISED', table, text: shorten(row.candidate.text) });
  }

  // Rows of empty fields alone have no say: a header line (`…其他→→`) may name a row.
  const trusted =
    trustGaps ??
    claims.every(
      (c) => !hasFigure(c.row.candidate.values) || exactWidth(table, c.row.candidate.values, c.shape.columns.length),
    );

  // The format's order: a doubtful label out of order is not taken.
  const keep = inOrder(claims.map((c) => c.shape.order));
  const byKey = new Map<string, { claim: Claim; cells?: Field[] }[]>();
  claims.forEach((claim, i) => {
    if (!keep.has(i) && claim.score < 1) {
      rowsSeen.add(claim.key);
      problems.push({ code: 'ROW_UNSURE', table, label: claim.shape.label, text: shorten(claim.row.candidate.text) });
      return;
    }
    const n = claim.shape.columns.length;
    const fields = claim.row.candidate.fields;
    const atColumns = fields && columns && columns.length === n ? cellsAtColumns(fields, columns) : undefined;
    const cells =
      atColumns === 'unsure' ? undefined : (atColumns ?? placeCells(table, claim.row.candidate.values, n, trusted));
    // Empty fields after a header that names a row (`总计`, `其他` of the column headers): no row. As
    // many empty fields as the row has cells, after its own label: the row, its cells unsure.
    if (!cells && !hasFigure(claim.row.candidate.values)) {
      if (claim.score === 1 && claim.row.candidate.values.length >= n) {
        rowsSeen.add(claim.key);
        problems.push({ code: 'ROW_UNSURE', table, label: claim.shape.label, text: shorten(claim.row.candidate.text) });
      }
      return;
    }
    byKey.set(claim.key, [...(byKey.get(claim.key) ?? []), cells ? { claim, cells } : { claim }]);
  });

  for (const [key, entries] of byKey) {
    rowsSeen.add(key);
    const first = entries[0];
    const shape = first.claim.shape;
    const agreed = first.cells && entries.every((e) => e.cells && sameCells(e.cells, first.cells as Field[]));
    if (!agreed || !first.cells) {
      const text = entries.map((e) => e.claim.row.candidate.text).join(' / ');
      problems.push({ code: 'ROW_UNSURE', table, label: shape.label, text: shorten(text) });
      continue;
    }
    const keys = cellKeys(table, key, shape.columns);
    first.cells.forEach((cell, i) => {
      values[keys[i]] = rawOf(cell, keys[i], problems);
    });
    for (const e of entries) lines.push(e.claim.row.candidate.line, e.claim.row.candidate.lastLine);
  }
  return { values, problems, rowsSeen, lines };
}

const S4_WIDTH = 15;

/** The one data row of s4: the first row of the table that holds a figure, when it has its 15 cells. */
export function readS4Rows(
  candidates: readonly RowCandidate[],
  version: FormatVersion,
  trustGaps?: boolean,
  columns?: readonly number[],
): TableReading {
  const problems: ImportProblem[] = [];
  const values: Record<string, RawValue> = {};
  const rowsSeen = new Set<string>();
  const lines: number[] = [];
  // The data row: the first with all 15 figures, else the first with several, else any with one.
  const count = (c: RowCandidate): number => c.values.filter((v) => v.kind !== 'gap' && v.kind !== 'covered').length;
  const data =
    candidates.find((c) => hasFigure(c.values) && count(c) >= S4_WIDTH) ??
    candidates.find((c) => hasFigure(c.values) && count(c) >= 5) ??
    candidates.find((c) => hasFigure(c.values));
  if (!data) return { values, problems, rowsSeen, lines };
  rowsSeen.add('data');
  const trusted = trustGaps ?? exactWidth('s4', data.values, S4_WIDTH);
  const atColumns =
    data.fields && columns && columns.length === S4_WIDTH ? cellsAtColumns(data.fields, columns) : undefined;
  const cells = atColumns === 'unsure' ? undefined : (atColumns ?? placeCells('s4', data.values, S4_WIDTH, trusted));
  const format = getFormat(version).s4;
  if (!cells) {
    problems.push({
      code: 'ROW_UNSURE',
      table: 's4',
      label: format.groups.map((g) => g.label.zh).join('、'),
      text: shorten(data.text),
    });
    return { values, problems, rowsSeen, lines };
  }
  let i = 0;
  for (const group of format.groups) {
    for (const result of format.results) {
      const key = `s4.${group.key}.${result.key}`;
      values[key] = rawOf(cells[i++], key, problems);
    }
  }
  lines.push(data.line, data.lastLine);
  return { values, problems, rowsSeen, lines };
}
