// TEXT-NUMBERS: each figure the prose states about the tables (StatedFigure: 新收 X 件, 予以公开 …)
// equals the tables: 新收/上年结转/结转下年度 the 总计 column of their row, the outcomes the sum of their
// group's rows in the 总计 column (not one item), 行政复议/行政诉讼 the s4 totals. Where the table leaves
// a cell blank, the comparison takes the sum of the filled cells (a blank 总计 cell: the sum of its
// row's applicant columns, or of its s4 group's four results) reading blanks as 0, and says so: the
// prose is being checked here, not the table (the cell rules speak of the blanks). A cell the reader
// did not find (absent) or that holds text makes the figure not assessable.
import type { FormatDef } from '../../format';
import { readCell } from '../../report';
import { defineRule } from '../define';
import type { RuleContext, Reporter } from '../types';
import { excerpt } from './text-rules';

/**
 * What a stated figure is compared with: a row of table 三 (its 总计 column) or a group of rows,
 * an s4 group's 总计, or both 行政诉讼 groups together.
 */
export type TextNumberTarget =
  | 'new'
  | 'carriedIn'
  | 'carriedOver'
  | 'total'
  | 'granted'
  | 'partial'
  | 'denied'
  | 'unable'
  | 'rejected'
  | 'other'
  | 'review'
  | 'litigation'
  | 'litigationAfterReview'
  | 'litigationAll';

/**
 * The phrases of the prose, as StatedFigure.phrase names them, and what each counts. The importer's
 * phrase list maps the wordings of real reports onto these names; a phrase joining several with
 * 及/和/与/、/+ (`予以公开及部分公开`) is compared with the sum of their targets.
 */
export const TEXT_NUMBER_PHRASES: Readonly<Record<string, TextNumberTarget>> = {
  新收: 'new',
  本年新收: 'new',
  收到: 'new',
  受理: 'new',
  上年结转: 'carriedIn',
  结转下年度: 'carriedOver',
  结转下年度继续办理: 'carriedOver',
  办结: 'total',
  总计: 'total',
  予以公开: 'granted',
  部分公开: 'partial',
  不予公开: 'denied',
  无法提供: 'unable',
  不予处理: 'rejected',
  其他处理: 'other',
  行政复议: 'review',
  行政诉讼: 'litigationAll',
  未经复议直接起诉: 'litigation',
  复议后起诉: 'litigationAfterReview',
};

/** The targets a phrase names, in its order; undefined for a phrase this rule does not know. */
export function textNumberTargets(phrase: string): readonly TextNumberTarget[] | undefined {
  const name = phrase.replace(/[\s\u3000]+/g, '');
  const one = TEXT_NUMBER_PHRASES[name];
  if (one) return [one];
  const parts = name.split(/及|和|与|、|,|，|\+|＋/).filter((p) => p !== '');
  if (parts.length < 2) return undefined;
  const targets = parts.map((p) => TEXT_NUMBER_PHRASES[p]);
  if (targets.some((t) => t === undefined)) return undefined;
  return [...new Set(targets as TextNumberTarget[])];
}

/** The 总计 cells a phrase's figure is compared with, in a format; empty for a phrase not known. */
export function textNumberCells(phrase: string, format: FormatDef): string[] {
  return (textNumberTargets(phrase) ?? []).flatMap((t) => totalCells(format, t));
}

export interface TextNumbersParams {
  /** The phrase of the prose that states the figure (新收, 予以公开, …). */
  readonly phrase: string;
  /** What the figure is compared with (the message names it by its printed labels). */
  readonly targets?: readonly TextNumberTarget[];
  /** The sentence it stands in, shortened around the figure for display. */
  readonly sentence?: string;
  /** The figure the prose states (also `actual`). */
  readonly stated?: number;
  /** The figure of the tables (also `expected`). */
  readonly table?: number;
  /** The table leaves cells blank, and the comparison read them as 0. */
  readonly blanksAsZero?: boolean;
}

const S4_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;

/** The 总计 cells a target sums: s3 rows in the 总计 column, or s4 group totals. */
function totalCells(format: FormatDef, target: TextNumberTarget): string[] {
  switch (target) {
    case 'review':
    case 'litigation':
    case 'litigationAfterReview':
      return [`s4.${target}.total`];
    case 'litigationAll':
      return ['s4.litigation.total', 's4.litigationAfterReview.total'];
    default:
      return format.s3.rows
        .filter((r) => r.key === target || r.key.startsWith(`${target}.`))
        .map((r) => `s3.${r.key}.total`);
  }
}

/** The cells a blank 总计 cell is the sum of: its row's applicant columns, or its s4 group's results. */
function partsOf(format: FormatDef, total: string): string[] {
  const [table, ...rest] = total.split('.');
  const row = rest.slice(0, -1).join('.');
  if (table === 's4') return S4_RESULTS.map((r) => `s4.${row}.${r}`);
  return format.s3.columns.filter((c) => c.key !== 'total').map((c) => `s3.${row}.${c.key}`);
}

/** The table's figure for some 总计 cells, or undefined when a cell needed is absent or text. */
interface TableFigure {
  readonly value: number;
  /** The cells read: the 总计 cells, then the parts of a blank one. */
  readonly cells: readonly string[];
  readonly blanksAsZero: boolean;
}

type Reading = { kind: 'number'; value: number } | { kind: 'blank' } | { kind: 'unusable' };

function reading(ctx: RuleContext, key: string): Reading {
  const values = ctx.report.values;
  if (!Object.prototype.hasOwnProperty.call(values, key)) return { kind: 'unusable' };
  const r = readCell(values[key]);
  if (r.kind === 'number') return { kind: 'number', value: r.value };
  return r.kind === 'blank' ? { kind: 'blank' } : { kind: 'unusable' };
}

function tableFigure(ctx: RuleContext, totals: readonly string[]): TableFigure | undefined {
  let value = 0;
  let blanksAsZero = false;
  const parts: string[] = [];
  for (const total of totals) {
    const r = reading(ctx, total);
    if (r.kind === 'unusable') return undefined;
    if (r.kind === 'number') {
      value += r.value;
      continue;
    }
    // A blank 总计 cell: the sum of its filled parts, blanks as 0.
    for (const part of partsOf(ctx.format, total)) {
      const p = reading(ctx, part);
      if (p.kind === 'unusable') return undefined;
      if (p.kind === 'blank') {
        blanksAsZero = true;
        continue;
      }
      value += p.value;
      parts.push(part);
    }
  }
  if (!Number.isSafeInteger(Math.round(value))) return undefined;
  return { value: Math.round(value * 1e6) / 1e6, cells: [...totals, ...parts], blanksAsZero };
}

/** The sentence around the figure, short enough to quote whole. */
function shortSentence(sentence: string, phrase: string, value: number): string {
  const text = sentence.replace(/\s+/g, ' ').trim();
  const at = text.indexOf(phrase);
  const figure = at >= 0 ? text.indexOf(String(value), at) : text.indexOf(String(value));
  const from = at >= 0 ? at : Math.max(0, figure);
  const to = figure >= 0 && figure >= from ? figure + String(value).length : from + phrase.length;
  return excerpt(text, from, to - from, 40);
}

const readsS3AndS4 = (format: FormatDef): readonly string[] =>
  format.cells.filter((c) => c.table === 's3' || c.table === 's4').map((c) => c.key);

export const textNumbers = defineRule({
  id: 'TEXT-NUMBERS',
  severity: 'error',
  tables: ['s3', 's4'],
  input: 'text',
  clause: 'A figure stated in the prose contradicts the tables',
  reads: readsS3AndS4,
  check(ctx, report: Reporter<TextNumbersParams>) {
    const text = ctx.text;
    if (!text) return;
    const seen = new Map<string, number>();
    for (const figure of text.figures) {
      const targets = textNumberTargets(figure.phrase);
      if (!targets || !Number.isFinite(figure.value)) continue;
      // Scope: the phrase, and which of its statements this is (a text may state 新收 twice).
      const n = (seen.get(figure.phrase) ?? 0) + 1;
      seen.set(figure.phrase, n);
      const totals = targets.flatMap((t) => totalCells(ctx.format, t));
      if (totals.length === 0) continue;
      const table = tableFigure(ctx, totals);
      if (!table || table.value === figure.value) continue;
      report({
        scope: n === 1 ? figure.phrase : `${figure.phrase}#${n}`,
        cells: table.cells,
        keyCells: totals,
        expected: table.value,
        actual: figure.value,
        delta: Math.round((figure.value - table.value) * 1e6) / 1e6,
        params: {
          phrase: figure.phrase,
          targets,
          sentence: shortSentence(figure.sentence, figure.phrase, figure.value),
          stated: figure.value,
          table: table.value,
          blanksAsZero: table.blanksAsZero,
        },
      });
    }
  },
});
