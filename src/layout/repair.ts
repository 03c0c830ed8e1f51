// A report sheet whose template was damaged — rows inserted or deleted inside a table, a label row
// deleted — checked and repaired by its labels. Pure: the host reads the sheet's cells, this module
// says whether the template still holds and, if not, which value belongs to which cell key, so that
// the host can rebuild labels, names and checks from the layout and put every value back.
//
// Rows are matched by their labels: each layout row that carries printed text (a row label, a header,
// a heading) has a signature — its texts by column — and the sheet's rows are aligned to the layout's
// in order (a longest common subsequence, so that repeated headers such as 信息内容 cannot pull the
// alignment off). A row without labels (table 四's data row, a blank row) follows its labelled
// neighbour. A value is taken only from a row whose place is certain; a row that is gone is reported
// and its cells stay blank: a wrong number in the rebuilt table would be worse than a gap.
import type { CellRange, LayoutCell, SheetLayout } from './types';
import type { SheetMap } from './sheet-map';

/** What a host gives for one cell of the damaged sheet. */
export interface RepairCell {
  /** The cell's value as shown (text, number, boolean); null when empty. */
  readonly value: string | number | boolean | null;
  /** The formula typed into the cell (`=I26+I27`), when it holds one. */
  readonly formula?: string;
}

export type RepairCells = (row: number, col: number) => RepairCell;

const EMPTY: RepairCell = { value: null };

/** Rows read below the layout's own: rows the user inserted push the tables down. */
export const EXTRA_ROWS_READ = 100;

/** The rectangle a host reads to check or repair a sheet of this layout. */
export function repairReadArea(layout: SheetLayout): CellRange {
  return { row: 0, col: 0, rows: layout.extent.rows + EXTRA_ROWS_READ, cols: layout.extent.cols };
}

const LABEL_ROLES = new Set<LayoutCell['role']>([
  'sectionHeading',
  'blockTitle',
  'header',
  'rowLabel',
  'note',
  'profileLabel',
]);

const normal = (text: string): string => text.replace(/\s+/g, '');

const textOf = (cell: RepairCell): string =>
  cell.value === null || cell.value === undefined ? '' : normal(String(cell.value));

type Signature = readonly { readonly col: number; readonly text: string }[];

/** The printed texts of each layout row, by column; rows without any are absent. */
function signatures(layout: SheetLayout): Map<number, Signature> {
  const byRow = new Map<number, { col: number; text: string }[]>();
  for (const cell of layout.cells) {
    if (!LABEL_ROLES.has(cell.role) || typeof cell.value !== 'string' || cell.formula !== undefined) continue;
    const text = normal(cell.value);
    if (text === '') continue;
    const list = byRow.get(cell.row) ?? [];
    list.push({ col: cell.col, text });
    byRow.set(cell.row, list);
  }
  return byRow;
}

export interface RowAlignment {
  /** Layout row → the sheet's row holding it; undefined where that row is gone or cannot be placed. */
  readonly rows: readonly (number | undefined)[];
  /** Layout rows with printed labels, and of those the ones found by their labels. */
  readonly labelled: readonly number[];
  readonly found: ReadonlySet<number>;
}

/**
 * Aligns the layout's rows with the sheet's: the most labelled rows matched in order, and among those
 * alignments the one that moves rows least. Rows in between follow their matched neighbours.
 */
export function alignRows(layout: SheetLayout, cells: RepairCells, sheetRows: number): RowAlignment {
  const sigs = signatures(layout);
  const labelled = [...sigs.keys()].sort((a, b) => a - b);
  const L = labelled.length;
  const G = sheetRows;
  const matches = (l: number, g: number): boolean =>
    (sigs.get(labelled[l]) ?? []).every(({ col, text }) => textOf(cells(g, col)) === text);
  // score[l][g]: the best alignment of labelled rows l… with sheet rows g… (a match is worth far more
  // than any displacement, so the most matches win and then the least movement).
  const width = G + 1;
  const score = new Float64Array((L + 1) * width);
  const at = (l: number, g: number): number => l * width + g;
  for (let l = L - 1; l >= 0; l--) {
    for (let g = G - 1; g >= 0; g--) {
      let best = Math.max(score[at(l + 1, g)], score[at(l, g + 1)]);
      if (matches(l, g)) best = Math.max(best, 10000 - Math.abs(g - labelled[l]) + score[at(l + 1, g + 1)]);
      score[at(l, g)] = best;
    }
  }
  const found = new Map<number, number>();
  for (let l = 0, g = 0; l < L && g < G;) {
    const here = score[at(l, g)];
    if (matches(l, g) && here === 10000 - Math.abs(g - labelled[l]) + score[at(l + 1, g + 1)]) {
      found.set(labelled[l], g);
      l++;
      g++;
    } else if (here === score[at(l + 1, g)]) l++;
    else g++;
  }
  const rows: (number | undefined)[] = [];
  const anchors = [...found].sort((a, b) => a[0] - b[0]);
  const dataCols = (row: number): number[] =>
    layout.cells.filter((c) => c.row === row && c.role === 'data').map((c) => c.col);
  /** The sheet row of the last row placed after the last labelled one. */
  let trailing: number | undefined;
  for (let r = 0; r < layout.extent.rows; r++) {
    const own = found.get(r);
    if (own !== undefined) {
      rows.push(own);
      continue;
    }
    const prev = [...anchors].reverse().find(([lr]) => lr < r);
    const next = anchors.find(([lr]) => lr > r);
    const isLabelled = sigs.has(r);
    let place: number | undefined;
    if (prev && next) {
      const unchanged = next[1] - prev[1] === next[0] - prev[0];
      const guess = prev[1] + (r - prev[0]);
      // Between two rows that kept their distance nothing was inserted or deleted: this row is there
      // (its label edited, or it has none). Elsewhere a labelled row not found is gone.
      if (unchanged) place = guess;
      else if (!isLabelled && guess < next[1] && r - prev[0] <= next[1] - prev[1] - (next[0] - r)) place = guess;
    } else if (prev) {
      // After the last labelled row (table 四's data row): a labelled row not found there was deleted
      // and takes no sheet row; a row of data is the next one holding a number in its data cells, a
      // few rows down at most (a blank row inserted above it), else the next row (a blank table).
      if (!isLabelled) {
        const start = (trailing ?? prev[1]) + 1;
        const withNumber = [0, 1, 2, 3]
          .map((d) => start + d)
          .find((g) => dataCols(r).some((c) => typeof cells(g, c).value === 'number'));
        place = withNumber ?? start;
        trailing = place;
      }
    } else if (next) {
      const guess = next[1] - (next[0] - r);
      place = !isLabelled && guess >= 0 ? guess : undefined;
    }
    rows.push(place);
  }
  return { rows, labelled, found: new Set(found.keys()) };
}

/** The rows starting each band the tables are found by: the profile, then each section heading on. */
function bandStarts(layout: SheetLayout): number[] {
  const starts = layout.cells.filter((c) => c.role === 'sectionHeading').map((c) => c.row);
  return [0, ...new Set(starts)].sort((a, b) => a - b);
}

export type TemplateProblem =
  /** A labelled row of the layout is not on the sheet (deleted, or its labels overwritten). */
  | { readonly kind: 'rowMissing'; readonly row: number; readonly label: string }
  /** Rows inserted or deleted inside one table's block: its rows no longer keep their distances. */
  | { readonly kind: 'rowsMoved'; readonly row: number; readonly label: string }
  /** A keyed cell as the names place it is not where its labels say. */
  | { readonly kind: 'cellMisplaced'; readonly key: string };

const labelOf = (layout: SheetLayout, row: number): string =>
  layout.cells
    .filter((c) => c.row === row && LABEL_ROLES.has(c.role) && typeof c.value === 'string')
    .map((c) => String(c.value))
    .join(' ');

/**
 * Whether the sheet still holds the layout as the names place it: every labelled row found, the rows of
 * each table's band at one distance from where the layout has them (rows inserted above a table or
 * between tables move whole bands; inside a band nothing may move), and every keyed cell where the
 * names put it. Returns the problems, none for a sound sheet.
 */
export function checkTemplate(
  layout: SheetLayout,
  map: SheetMap,
  cells: RepairCells,
  sheetRows: number,
): TemplateProblem[] {
  const alignment = alignRows(layout, cells, sheetRows);
  const problems: TemplateProblem[] = [];
  for (const row of alignment.labelled) {
    if (!alignment.found.has(row)) problems.push({ kind: 'rowMissing', row, label: labelOf(layout, row) });
  }
  const starts = bandStarts(layout);
  for (let b = 0; b < starts.length; b++) {
    const end = b + 1 < starts.length ? starts[b + 1] : layout.extent.rows;
    let offset: number | undefined;
    for (const row of alignment.labelled) {
      if (row < starts[b] || row >= end || !alignment.found.has(row)) continue;
      const shift = (alignment.rows[row] ?? row) - row;
      if (offset === undefined) offset = shift;
      else if (shift !== offset) {
        problems.push({ kind: 'rowsMoved', row, label: labelOf(layout, row) });
        break;
      }
    }
  }
  for (const cell of layout.cells) {
    if (cell.key === undefined || (cell.role !== 'data' && cell.role !== 'profileInput')) continue;
    const rect = map.rectOf(cell.key);
    const row = alignment.rows[cell.row];
    if (!rect || row === undefined) continue;
    if (rect.row !== row || rect.col !== cell.col) problems.push({ kind: 'cellMisplaced', key: cell.key });
  }
  return problems;
}

export interface RepairPlan {
  /**
   * What each keyed cell gets back (data cells and profile inputs): the formula the user typed, or the
   * value; null where the cell was empty. Keys of rows that are gone are absent (see `lost`).
   */
  readonly values: Readonly<Record<string, string | number | boolean | null>>;
  /** Keys whose row is gone from the sheet: their values cannot be recovered and stay blank. */
  readonly lost: readonly string[];
  /** Layout rows not found (deleted or overwritten), with their labels, for the message. */
  readonly missingRows: readonly { readonly row: number; readonly label: string }[];
  /** The rectangle the damaged report occupies now, from A1: cleared before the rebuild. */
  readonly clear: CellRange;
}

/** Too little of the layout left to place values by their labels: the sheet is not repaired. */
export class UnrecognizedSheetError extends Error {
  constructor(
    readonly labelled: number,
    readonly found: number,
  ) {
    super(`only ${found} of ${labelled} labelled rows found`);
    this.name = 'UnrecognizedSheetError';
  }
}

/** At least this share of the labelled rows must be found before values are placed by them. */
const MIN_FOUND_SHARE = 0.6;

/** The values a repair puts back, read from the damaged sheet by row labels. */
export function planRepair(layout: SheetLayout, cells: RepairCells, sheetRows: number): RepairPlan {
  const alignment = alignRows(layout, cells, sheetRows);
  if (alignment.found.size < MIN_FOUND_SHARE * alignment.labelled.length) {
    throw new UnrecognizedSheetError(alignment.labelled.length, alignment.found.size);
  }
  const values: Record<string, string | number | boolean | null> = {};
  const lost: string[] = [];
  for (const cell of layout.cells) {
    if (cell.key === undefined || (cell.role !== 'data' && cell.role !== 'profileInput')) continue;
    const row = alignment.rows[cell.row];
    if (row === undefined) {
      lost.push(cell.key);
      continue;
    }
    const found = row < sheetRows ? cells(row, cell.col) : EMPTY;
    values[cell.key] = found.formula !== undefined && found.formula.startsWith('=') ? found.formula : found.value;
  }
  const placed = alignment.rows.filter((r): r is number => r !== undefined);
  const lastLayoutRow = alignment.rows.reduce<number>((last, r, i) => (r === undefined ? last : i), 0);
  const lastSheetRow = alignment.rows[lastLayoutRow] ?? 0;
  const bottom = Math.max(
    layout.extent.rows,
    lastSheetRow + (layout.extent.rows - lastLayoutRow),
    ...placed.map((r) => r + 1),
  );
  return {
    values,
    lost,
    missingRows: alignment.labelled
      .filter((row) => !alignment.found.has(row))
      .map((row) => ({ row, label: labelOf(layout, row) })),
    clear: { row: 0, col: 0, rows: Math.min(bottom, sheetRows), cols: layout.extent.cols },
  };
}
