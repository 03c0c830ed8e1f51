// One field of a table as a text gives it (a tab-separated piece, a pipe cell, a line of its own, a
// cell of a source table): a figure, a blank, a placeholder, a figure-like text, or words. The
// figure reading is the report's own (readCell: full-width digits, 1,234 and 1，234, a trailing unit).
import { readCell } from '../report';
import { toHalfWidth } from './normalise';

export type Field =
  /** A figure: `0`, `13.39`, `１２`, `1,234`, `3件`. */
  | { readonly kind: 'number'; readonly value: number; readonly raw: string }
  /** An empty cell the source shows as a cell (a whitespace line in a one-cell-per-line text, an empty grid cell). */
  | { readonly kind: 'blank' }
  /** An empty field whose being a cell is not certain (an empty tab-separated piece, a stray line break). */
  | { readonly kind: 'gap' }
  /** A placeholder for "nothing" (`—`, `/`, `无`): kept as written for the cell rules. */
  | { readonly kind: 'placeholder'; readonly raw: string }
  /** Text in a figure's place that is not a figure (`约5`, `3件左右`, `1O`): kept as written where its cell is certain. */
  | { readonly kind: 'figureText'; readonly raw: string }
  /** A break in a layout's own pattern where a cell stands (two cells on touching lines of a text that puts an empty line after each): its row cannot be placed. */
  | { readonly kind: 'doubt' }
  /** A grid position a span covers (importSource writes it as COVERED): no cell of its own. */
  | { readonly kind: 'covered' }
  /** Words: a label, a header, junk. */
  | { readonly kind: 'text'; readonly raw: string };

/** What importSource writes where a span covers a grid position (a private-use character). */
export const COVERED = '\ue000';
const COVERED_FIELD: Field = { kind: 'covered' };

/** A row's numbering standing alone (`1.`, `2、`): part of the label, never a figure. */
const NUMBERING_ONLY = /^\d{1,2}\s?[.．、]$/;

/** A figure damaged or qualified: digits with only approximations, units or OCR look-alikes around them. */
const FIGURE_LIKE = /^(?:约|近|共|逾)?[\d.,，OoIl]*\d[\d.,，OoIl]*(?:余|多)?(?:件|条|项|个|次|万元|元)?(?:左右|以上)?$/;

/** The placeholder of a generated document's empty figure (outline BLANK_FIGURE `＿＿`). */
const UNDERSCORES = /^[_＿]+$/;

const PLAIN = /^(?:0|[1-9][0-9]*)$/;
const GAP: Field = { kind: 'gap' };
const BLANK: Field = { kind: 'blank' };

/**
 * Classify a field. `empty` says what an empty field is: a certain blank cell, or a gap that may
 * be an artefact of the extraction.
 */
export function classifyField(raw: string, empty: 'blank' | 'gap'): Field {
  const text = raw.trim();
  if (text === '') return empty === 'blank' ? BLANK : GAP;
  if (text === COVERED) return COVERED_FIELD;
  // The common case first: a plain whole number.
  if (text.length <= 15 && PLAIN.test(text)) return { kind: 'number', value: Number(text), raw: text };
  if (text.length > 40) return { kind: 'text', raw: text };
  // Words without a digit are words, unless a placeholder (`无`, `—`, `不适用`: all short).
  if (text.length > 3 && !/[0-9０-９]/.test(text)) return { kind: 'text', raw: text };
  if (UNDERSCORES.test(text)) return BLANK;
  if (NUMBERING_ONLY.test(toHalfWidth(text))) return { kind: 'text', raw: text };
  const reading = readCell(text);
  if (reading.kind === 'number') return { kind: 'number', value: reading.value, raw: text };
  if (reading.kind === 'blank') return { kind: 'placeholder', raw: text };
  if (FIGURE_LIKE.test(toHalfWidth(text).replace(/\s+/g, ''))) return { kind: 'figureText', raw: text };
  return { kind: 'text', raw: text };
}

/** True for a field that stands where a figure stands (everything but words). */
export function isValueField(field: Field): boolean {
  return field.kind !== 'text';
}
