// Where the three tables stand in a report's text, and their rows as the text prints them. Two
// layouts: a row on a line (PDF text flattened into tab-separated lines, Markdown pipe tables, rows
// of figures after spaces), and one cell per line (copied web pages), either with rows apart by an
// empty line or with every cell followed by one (then a whitespace line, or an extra pair of empty
// lines, is an empty cell).
import { classifyField, type Field } from './fields';
import { headingOfLine } from './headings';
import { squashText } from './normalise';
import type { RowCandidate, TableKey } from './read-rows';

export interface Region {
  readonly table: TableKey;
  /** First line of the region and the line after its last. */
  readonly start: number;
  readonly end: number;
  /** False when the region runs to the end of the text with nothing after it: the text may be cut off. */
  readonly bounded: boolean;
}

/** The first line of each of the six parts' headings (level 1), by part. */
export function sectionLines(lines: readonly string[]): Map<number, number> {
  const found = new Map<number, number>();
  lines.forEach((line, i) => {
    if (line.length > 200) return;
    const heading = headingOfLine(line);
    if (heading?.level === 1 && heading.section !== undefined && !found.has(heading.section))
      found.set(heading.section, i);
  });
  return found;
}

/**
 * A line's fields: tab-separated, pipe-separated, or (a PDF's text laid out with spaces) words and
 * figures apart by spaces, when the line ends in figures.
 */
export function splitFields(line: string): string[] {
  if (line.includes('\t')) return line.split('\t');
  if (line.split('|').length >= 3) {
    const trimmed = line.trim();
    const fields = trimmed.split('|');
    if (trimmed.startsWith('|')) fields.shift();
    if (trimmed.endsWith('|') && fields.length > 0) fields.pop();
    return fields;
  }
  const tokens = line.trim().split(/[\s\u3000]+/);
  if (tokens.length < 2 || classifyField(tokens[tokens.length - 1], 'gap').kind === 'text') return [line];
  return tokens;
}

/** A Markdown table's rule line (`|---|:--:|`) or a line of dashes under a table. */
const RULE_CHARS = /^[\s|:+=\-—–_]+$/;

export const isRuleLine = (line: string): boolean => line.includes('---') && RULE_CHARS.test(line);

/** A line of prose inside a table's region (a note), not a row: a sentence, or a long line not ending in figures. */
export function isProse(line: string): boolean {
  const t = line.trim();
  if (t.includes('\t') || t.split('|').length >= 3) return false;
  if (/[。；]/.test(t)) return true;
  return t.length > 60 && splitFields(t).length < 2;
}

/** A row whose every cell is a field (a Markdown pipe row, a source table's row written out). */
const isDelimited = (line: string, grid: boolean): boolean =>
  grid || (!line.includes('\t') && line.split('|').length >= 3);

/** Squashed lines, computed once per text. */
class Squashed {
  private readonly cache: (string | undefined)[] = [];
  constructor(private readonly lines: readonly string[]) {}
  at(i: number): string {
    let s = this.cache[i];
    if (s === undefined) this.cache[i] = s = this.lines[i].length > 2000 ? '' : squashText(this.lines[i]);
    return s;
  }
}

function anchorAfter(
  lines: readonly string[],
  squashed: Squashed,
  from: number,
  test: (squashed: string, line: string) => boolean,
): number | undefined {
  for (let i = Math.max(0, from); i < lines.length; i++) {
    const line = lines[i];
    if (line.length > 2000 || line.trim() === '') continue;
    if (test(squashed.at(i), line)) return i;
  }
  return undefined;
}

/** True for a line holding a cell `行政复议` alone: the head of table 四, not prose about it. */
function holdsReviewHeader(line: string): boolean {
  if (line.length > 300) return false;
  return line.split(/[\t|\s\u3000]+/).some((f) => squashText(f) === '行政复议');
}

/**
 * The regions of the three tables: each from its part's heading (or, without one, from what only the
 * table prints: 第二十条第…项, the 勾稽关系 caption or 申请人情况, a cell 行政复议) to the next table or part.
 */
export function findRegions(lines: readonly string[]): Region[] {
  const sections = sectionLines(lines);
  const squashed = new Squashed(lines);
  const after = (n: number): number | undefined => {
    const at = sections.get(n);
    return at === undefined ? undefined : at + 1;
  };
  const s2Start =
    after(2) ?? anchorAfter(lines, squashed, 0, (s) => s.includes('第二十条第一项') || s.includes('第二十条第(一)项'));
  const s3From = s2Start ?? 0;
  const s3Start =
    after(3) ??
    anchorAfter(
      lines,
      squashed,
      s3From,
      (s) => s.includes('本列数据的勾稽关系') || s === '申请人情况' || s.includes('本年新收政府信息公开申请数量'),
    );
  const s4From = s3Start ?? s2Start ?? 0;
  const s4Header = anchorAfter(lines, squashed, s4From, (s, line) => s.includes('行政复议') && holdsReviewHeader(line));
  const s4Heading = after(4);
  const s4Candidates = [s4Header, s4Heading].filter((v): v is number => v !== undefined && v >= s4From);
  const s4Start = s4Candidates.length > 0 ? Math.min(...s4Candidates) : undefined;
  const closing = [5, 6].map((n) => sections.get(n)).filter((v): v is number => v !== undefined);
  const starts: { table: TableKey; start: number }[] = [];
  if (s2Start !== undefined) starts.push({ table: 's2', start: s2Start });
  if (s3Start !== undefined) starts.push({ table: 's3', start: s3Start });
  if (s4Start !== undefined) starts.push({ table: 's4', start: s4Start });
  starts.sort((a, b) => a.start - b.start);
  return starts.map((s, i) => {
    const next = starts[i + 1]?.start;
    const close = closing.filter((c) => c > s.start).sort((a, b) => a - b)[0];
    const end = Math.min(next ?? lines.length, close ?? lines.length);
    // Bounded: something follows (another table, a later part, or a heading of a part after this one).
    let bounded = end < lines.length;
    if (!bounded) {
      for (const [n, at] of sections)
        if (at > s.start && n > (s.table === 's2' ? 2 : s.table === 's3' ? 3 : 4)) bounded = true;
    }
    return { table: s.table, start: s.start, end, bounded };
  });
}

type LineKind = 'empty' | 'space' | 'content';

function kindOf(line: string): LineKind {
  if (line.length === 0) return 'empty';
  return line.trim() === '' ? 'space' : 'content';
}

export interface RegionRows {
  readonly candidates: RowCandidate[];
  /** True when the region prints a row per line (empty fields may be extraction artefacts). */
  readonly lineMode: boolean;
  /**
   * Where a table whose every cell is a field (pipes, a source's grid) has its data columns, by its
   * headers, in the format's order: the fields the rows' figures are read from.
   */
  readonly columns?: readonly number[];
}

const isEmpty = (f: Field): boolean => f.kind === 'gap' || f.kind === 'covered';

const S3_HEADERS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
const S4_RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/**
 * The data columns the header rows of a delimited table name: 表三's seven applicant columns, each
 * once and in order; 表四's fifteen result columns (its five results three times, in order).
 */
function headerColumns(table: TableKey, header: ReadonlyMap<number, readonly string[]>): number[] | undefined {
  if (table === 's3') {
    const columns: number[] = [];
    for (const name of S3_HEADERS) {
      const at = [...header].filter(([, texts]) => texts.includes(name)).map(([j]) => j);
      if (at.length !== 1) return undefined;
      columns.push(at[0]);
    }
    return columns.every((c, i) => i === 0 || c > columns[i - 1]) ? columns : undefined;
  }
  if (table === 's4') {
    const found = [...header]
      .map(([j, texts]) => [j, [...texts].reverse().find((t) => S4_RESULTS.includes(t))] as const)
      .filter((e): e is readonly [number, string] => e[1] !== undefined)
      .sort((a, b) => a[0] - b[0]);
    if (found.length !== 15 || found.some(([, name], i) => name !== S4_RESULTS[i % 5])) return undefined;
    return found.map(([j]) => j);
  }
  return undefined;
}

/**
 * The rows of a table's region. `grid`: the lines are rows of a source table written out with tabs
 * (importSource), always a row per line.
 */
export function regionRows(lines: readonly string[], region: Region, grid = false): RegionRows {
  const fieldsOf: (Field[] | undefined)[] = [];
  let multi = 0;
  let single = 0;
  for (let i = region.start; i < region.end; i++) {
    const line = lines[i];
    if (kindOf(line) !== 'content' || line.length > 2000) continue;
    const fields = splitFields(line).map((f) => classifyField(f, 'gap'));
    fieldsOf[i - region.start] = fields;
    const filled = fields.filter((f) => !isEmpty(f));
    const valued = filled.some((f) => f.kind !== 'text');
    if (filled.length >= 2 && valued) multi++;
    else if (filled.length === 1 && valued) single++;
  }
  return grid || (multi > 0 && multi >= single) ? lineRows(lines, region, fieldsOf, grid) : streamRows(lines, region);
}

/** A row per line: the label fields, then the fields after the last word. */
function lineRows(
  lines: readonly string[],
  region: Region,
  fieldsOf: readonly (Field[] | undefined)[],
  grid: boolean,
): RegionRows {
  const candidates: RowCandidate[] = [];
  let pending: { labels: string[]; line: number } | undefined;
  // The words of the delimited lines above the first row of figures: the headers, by field.
  const header = new Map<number, string[]>();
  let figures = false;
  for (let i = region.start; i < region.end; i++) {
    const line = lines[i];
    if (kindOf(line) !== 'content') continue;
    if (line.length > 2000 || isRuleLine(line)) continue;
    if (isProse(line)) {
      pending = undefined;
      continue;
    }
    const fields = fieldsOf[i - region.start] ?? splitFields(line).map((f) => classifyField(f, 'gap'));
    let lastText = -1;
    fields.forEach((f, j) => {
      if (f.kind === 'text') lastText = j;
    });
    const labels = fields.slice(0, lastText + 1).flatMap((f) => (f.kind === 'text' ? [f.raw] : []));
    const values = fields.slice(lastText + 1);
    const valued = values.some((v) => !isEmpty(v));
    const delimited = isDelimited(line, grid);
    if (delimited && !figures) {
      fields.forEach((f, j) => {
        if (f.kind === 'text') header.set(j, [...(header.get(j) ?? []), squashText(f.raw)]);
      });
    }
    if (valued) figures = true;
    // A row of empty cells is a row if its label is a row's (headers and junk are not).
    if (!valued && !(lastText >= 0 && values.length > 0)) {
      pending = { labels, line: i };
      continue;
    }
    // A line of figures alone takes its label from the line of words just above it.
    const own = lastText >= 0;
    const rowLabels = own ? labels : (pending?.labels ?? []);
    const first = own || !pending ? i : pending.line;
    candidates.push({
      labels: rowLabels,
      values,
      line: first,
      lastLine: i,
      text: line.replace(/\t+/g, ' ').trim(),
      ...(own && pending && pending.line === i - 1 ? { context: pending.labels } : {}),
      ...(delimited ? { fields } : {}),
    });
    pending = valued ? undefined : { labels, line: i };
  }
  const columns = header.size > 0 ? headerColumns(region.table, header) : undefined;
  return { candidates, lineMode: true, ...(columns ? { columns } : {}) };
}

interface StreamCell {
  readonly field: Field;
  readonly line: number;
  readonly raw: string;
}

/** One cell per line. */
function streamRows(lines: readonly string[], region: Region): RegionRows {
  const kinds: LineKind[] = [];
  for (let i = region.start; i < region.end; i++) kinds.push(kindOf(lines[i]));
  // Every cell followed by an empty line: no two non-empty lines touch, but for a cell's words broken
  // over lines (`本年新` / `制作数量`), which are one cell.
  const isWords = (k: number): boolean =>
    kinds[k] === 'content' && classifyField(lines[region.start + k], 'blank').kind === 'text';
  let filled = 0;
  let touching = 0;
  for (let k = 0; k < kinds.length; k++) {
    if (kinds[k] === 'empty') continue;
    filled++;
    if (k + 1 < kinds.length && kinds[k + 1] !== 'empty' && !(isWords(k) && isWords(k + 1))) touching++;
  }
  const empty = kinds.length - filled;
  const spaced = filled >= 6 && empty >= filled * 0.8 && touching <= filled * 0.02;

  const cells: (StreamCell | 'break')[] = [];
  const cellOf = (i: number): StreamCell => {
    const raw = lines[i];
    return {
      field: kindOf(raw) === 'space' ? { kind: 'blank' } : classifyField(raw, 'blank'),
      line: i,
      raw: raw.trim(),
    };
  };
  let lastFilled = -1;
  for (let k = 0; k < kinds.length; k++) {
    const i = region.start + k;
    if (kinds[k] === 'empty') {
      if (!spaced) cells.push('break');
      continue;
    }
    if (lines[i].length > 2000 || isProse(lines[i])) {
      cells.push('break');
      lastFilled = -1;
      continue;
    }
    if (spaced && lastFilled >= 0) {
      const gap = k - lastFilled - 1;
      const previous = cells[cells.length - 1];
      if (
        gap === 0 &&
        previous !== 'break' &&
        previous?.field.kind === 'text' &&
        previous.raw.length <= 60 &&
        isWords(k)
      ) {
        // The rest of the cell's words.
        const joined = previous.raw + lines[i].trim();
        cells[cells.length - 1] = { field: classifyField(joined, 'blank'), line: previous.line, raw: joined };
        lastFilled = k;
        continue;
      }
      // Two cells on touching lines: the pattern is broken there.
      if (gap === 0) cells.push({ field: { kind: 'doubt' }, line: i, raw: '' });
      // Empty lines between two cells: one is the separator; each further pair is an empty cell,
      // an odd one out leaves a doubt.
      const extra = gap - 1;
      for (let e = 0; e < Math.floor(extra / 2); e++) cells.push({ field: { kind: 'blank' }, line: i, raw: '' });
      if (extra > 0 && extra % 2 === 1) cells.push({ field: { kind: 'gap' }, line: i, raw: '' });
    }
    cells.push(cellOf(i));
    lastFilled = k;
  }
  // Empty lines at the end of the region, before what follows it (the next part's heading).
  if (spaced && lastFilled >= 0 && region.end < lines.length) {
    const extra = kinds.length - lastFilled - 2;
    for (let e = 0; e < Math.floor(extra / 2); e++)
      cells.push({ field: { kind: 'blank' }, line: region.end - 1, raw: '' });
    if (extra > 0 && extra % 2 === 1) cells.push({ field: { kind: 'gap' }, line: region.end - 1, raw: '' });
  }

  const candidates: RowCandidate[] = [];
  let labels: StreamCell[] = [];
  let values: StreamCell[] = [];
  // After an empty line that ends a row: empty cells held back (the next row's empty label cells),
  // unless a figure follows before a label, which then belongs to the row (and makes it too long).
  let held: StreamCell[] | undefined;
  const flush = (): void => {
    if (values.length > 0 && labels.length > 0) {
      const all = [...labels, ...values];
      candidates.push({
        labels: labels.map((c) => c.raw),
        values: values.map((c) => c.field),
        line: labels[labels.length - 1].line,
        lastLine: values[values.length - 1].line,
        text: all
          .slice(-12)
          .map((c) => c.raw || '□')
          .join(' '),
      });
      labels = [];
    }
    values = [];
    held = undefined;
  };
  for (const cell of cells) {
    if (cell === 'break') {
      if (values.length > 0 && !held) held = [];
      continue;
    }
    if (cell.field.kind === 'text') {
      if (values.length > 0) flush();
      held = undefined;
      labels.push(cell);
      continue;
    }
    // A value: only after a label (an empty cell before any label is the label column's).
    if (labels.length === 0) continue;
    if (held) {
      if (cell.field.kind === 'blank' || cell.field.kind === 'gap') {
        held.push(cell);
        continue;
      }
      values.push(...held);
      held = undefined;
    }
    values.push(cell);
  }
  flush();
  return { candidates, lineMode: false };
}
