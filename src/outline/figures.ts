// How a figure reads in the document, one formatter for the tables, the sentences, the snapshot and
// a refresh, so that the same cell never shows two texts: counts as plain integers (published reports
// print 90025, not 90,025), amounts with the decimals they were given (13.39, 0.5, 120), a blank cell as
// BLANK_FIGURE, and text that is not a number exactly as typed.
import type { Unit } from '../format';
import { readCell, type RawValue } from '../report';
import { BLANK_FIGURE, type Block, type FigureRun, type FigureTag, type Outline } from './types';

/** The most decimals a figure shows: the format allows 4 for 万元. */
export const MAX_DECIMALS = 4;

/**
 * A number with `decimals` digits after the point, at most MAX_DECIMALS. Beyond that the value is
 * rounded to MAX_DECIMALS and trailing zeros dropped, so float noise (13.390000001) reads 13.39; up to
 * it the decimals are kept as given (`13.390` typed stays 13.390).
 */
export function numberText(value: number, decimals: number): string {
  const shown = Math.max(0, Math.min(decimals, MAX_DECIMALS));
  let text = (Object.is(value, -0) ? 0 : value).toFixed(shown);
  if (decimals > MAX_DECIMALS && text.includes('.')) text = text.replace(/\.?0+$/, '');
  return /^-0(?:\.0*)?$/.test(text) ? text.slice(1) : text;
}

/**
 * The text of a cell's figure. `unit` is accepted for the renderers' sake (every unit formats by the
 * value's own decimals: a count with decimals is a fault the cell rules report, and the document must
 * not hide it by rounding).
 */
export function figureText(value: RawValue | undefined, unit: Unit): string {
  void unit;
  const reading = readCell(value);
  if (reading.kind === 'blank') return BLANK_FIGURE;
  if (reading.kind === 'text') return reading.text.trim();
  return numberText(reading.value, reading.decimals);
}

function collect(blocks: readonly Block[], visit: (figure: FigureRun) => void): void {
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      for (const run of block.runs) if (run.kind === 'figure') visit(run);
    } else if (block.kind === 'table') {
      for (const row of block.rows) for (const cell of row) if (cell.figure) visit(cell.figure);
    }
  }
}

/** Every figure of a document in order of appearance. */
export function figureRunsOf(outline: Outline): FigureRun[] {
  const runs: FigureRun[] = [];
  collect(outline.blocks, (figure) => runs.push(figure));
  return runs;
}

/** Tag → text of every figure (the last one in document order where a tag appears more than once). */
export function figuresOf(outline: Outline): Map<FigureTag, string> {
  const figures = new Map<FigureTag, string>();
  collect(outline.blocks, (figure) => figures.set(figure.tag, figure.text));
  return figures;
}
