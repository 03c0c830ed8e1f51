// The one sheet map: where each keyed cell of a layout (data cells, profile inputs) lies on a real
// worksheet, found from the anchors of its tables there (the ranges of the defined names), and back:
// position → key, address → keys. Pure; the readers and the live pane share it.
//
// Each table is found by its own anchor, so rows inserted above a table or between two tables move
// only what lies below them. Inside a table nothing may move: a block of another size is an error.
import type { TableId } from '../format';
import { parseAreas } from './a1';
import { NAMES } from './names';
import { sheetNameKey } from './sheet-name';
import { positionKey, type CellPosition, type CellRange, type SheetLayout } from './types';

export const TABLE_IDS: readonly TableId[] = ['s2', 's3', 's4'];

/** The profile keys of the layout and the defined name of each one's own input cell. */
export const PROFILE_FIELD_NAMES: Readonly<Record<string, string>> = {
  'profile.agency': NAMES.agency,
  'profile.year': NAMES.year,
  'profile.kind': NAMES.kind,
  'profile.format': NAMES.format,
  'profile.canMakeRegulations': NAMES.regulations,
};

/** What is wrong with the anchors found on a sheet. */
export type SheetMapProblem =
  /** A table's defined name was not found on the sheet. */
  | { readonly kind: 'missing'; readonly name: string }
  /** A defined name's block has another size than the layout's: rows or columns inserted or deleted inside. */
  | { readonly kind: 'resized'; readonly name: string; readonly found: CellRange; readonly expected: CellRange }
  /** Two anchors put cells of different keys onto the same cell. */
  | { readonly kind: 'overlap'; readonly name: string; readonly other: string; readonly at: CellPosition };

export class SheetMapError extends Error {
  readonly problem: SheetMapProblem;

  constructor(problem: SheetMapProblem) {
    super(`sheet map: ${problem.kind} anchor ${problem.name}`);
    this.name = 'SheetMapError';
    this.problem = problem;
  }
}

export interface SheetMap {
  readonly layout: SheetLayout;
  /** The worksheet, when known: areas qualified with another sheet's name hold no key of this one. */
  readonly sheetName?: string;
  /** Every key placed on the sheet, in layout order. Profile keys without an anchor are absent. */
  readonly keys: readonly string[];
  /** The cell of a key, with the merge span of the layout cell; undefined for a key not placed. */
  rectOf(key: string): CellRange | undefined;
  /** The key of the cell at a position, any cell inside a merged data cell included. */
  keyAt(position: CellPosition): string | undefined;
  /** The keys with a cell inside the rectangle, in layout order. */
  keysInRange(range: CellRange): string[];
  /**
   * The keys with a cell inside an address as Excel gives it: `B7`, `$B$7:$D$9`, `A1:B2, D4`,
   * `B:D`, `3:5`, `'年报 2024'!A1:B2`, in layout order. Throws RangeError on an address that is not one.
   */
  keysIn(address: string): string[];
  /** The defined name a key was placed by. */
  anchorOf(key: string): string | undefined;
}

function sameSize(a: CellRange, b: CellRange): boolean {
  return a.rows === b.rows && a.cols === b.cols;
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/** Which table (or the profile) a key belongs to: the part before the first dot. */
function groupOf(key: string): string {
  const dot = key.indexOf('.');
  return dot < 0 ? key : key.slice(0, dot);
}

class LayoutSheetMap implements SheetMap {
  readonly keys: readonly string[];
  private readonly rects = new Map<string, CellRange>();
  private readonly anchors = new Map<string, string>();
  private readonly order = new Map<string, number>();
  /** positionKey of every cell covered by a key (all cells of a merged data cell). */
  private readonly covered = new Map<number, string>();

  constructor(
    readonly layout: SheetLayout,
    placed: readonly { key: string; rect: CellRange; anchor: string }[],
    readonly sheetName?: string,
  ) {
    for (const { key, rect, anchor } of placed) {
      this.order.set(key, this.order.size);
      this.rects.set(key, rect);
      this.anchors.set(key, anchor);
      for (let r = rect.row; r < rect.row + rect.rows; r++) {
        for (let c = rect.col; c < rect.col + rect.cols; c++) {
          const at = positionKey({ row: r, col: c });
          const other = this.covered.get(at);
          if (other !== undefined) {
            throw new SheetMapError({
              kind: 'overlap',
              name: anchor,
              other: this.anchors.get(other) ?? other,
              at: { row: r, col: c },
            });
          }
          this.covered.set(at, key);
        }
      }
    }
    this.keys = placed.map((p) => p.key);
  }

  rectOf(key: string): CellRange | undefined {
    return this.rects.get(key);
  }

  keyAt(position: CellPosition): string | undefined {
    return this.covered.get(positionKey(position));
  }

  anchorOf(key: string): string | undefined {
    return this.anchors.get(key);
  }

  keysInRange(range: CellRange): string[] {
    const found = new Set<string>();
    // A whole column or the whole sheet is billions of cells: walk the few keyed cells instead.
    if (range.rows * range.cols <= this.covered.size) {
      for (let r = range.row; r < range.row + range.rows; r++) {
        for (let c = range.col; c < range.col + range.cols; c++) {
          const key = this.covered.get(positionKey({ row: r, col: c }));
          if (key !== undefined) found.add(key);
        }
      }
    } else {
      for (const [key, rect] of this.rects) if (intersects(rect, range)) found.add(key);
    }
    return this.sorted(found);
  }

  keysIn(address: string): string[] {
    const found = new Set<string>();
    const own = this.sheetName === undefined ? undefined : sheetNameKey(this.sheetName);
    for (const area of parseAreas(address)) {
      if (area.sheet !== undefined && own !== undefined && sheetNameKey(area.sheet) !== own) continue;
      for (const key of this.keysInRange(area.range)) found.add(key);
    }
    return this.sorted(found);
  }

  private sorted(keys: Set<string>): string[] {
    return [...keys].sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0));
  }
}

/**
 * The sheet map of a layout on a worksheet, from the ranges its defined names have there (`anchors`,
 * by name). Every table anchor (NB_S2, NB_S3, NB_S4) must be present and of the layout's size. A
 * profile input is found by its own name (NB_P_YEAR …), else by its offset in NB_PROFILE, else it is
 * left out. Throws SheetMapError.
 */
export function buildSheetMap(
  layout: SheetLayout,
  anchors: ReadonlyMap<string, CellRange>,
  options: { readonly sheetName?: string } = {},
): SheetMap {
  const expected = new Map(layout.names.map((n) => [n.name, n.range]));
  /** The anchor a group of keys is placed by, checked against the layout: found − expected. */
  const located = (name: string): { shift: CellPosition; found: CellRange } | undefined => {
    const found = anchors.get(name);
    const wanted = expected.get(name);
    if (!found || !wanted) return undefined;
    if (!sameSize(found, wanted)) throw new SheetMapError({ kind: 'resized', name, found, expected: wanted });
    return { shift: { row: found.row - wanted.row, col: found.col - wanted.col }, found };
  };

  const shifts = new Map<string, { shift: CellPosition; anchor: string }>();
  for (const table of TABLE_IDS) {
    const name = NAMES.table(table);
    const at = located(name);
    if (!at) throw new SheetMapError({ kind: 'missing', name });
    shifts.set(table, { shift: at.shift, anchor: name });
  }
  // The profile block is only a fallback for inputs without their own name: checked only when used,
  // so that a later layout may reshape it without making older sheets unreadable.
  let profileArea: { found: ReturnType<typeof located> } | undefined;
  const profileBlock = (): ReturnType<typeof located> => (profileArea ??= { found: located(NAMES.profile) }).found;

  const spans = new Map(layout.merges.map((m) => [positionKey(m), m]));
  const placed: { key: string; rect: CellRange; anchor: string }[] = [];
  for (const cell of layout.cells) {
    if (cell.key === undefined) continue;
    let place = shifts.get(groupOf(cell.key));
    if (!place) {
      const own = PROFILE_FIELD_NAMES[cell.key];
      const field = own === undefined ? undefined : located(own);
      if (own !== undefined && field) place = { shift: field.shift, anchor: own };
      else {
        const block = profileBlock();
        if (!block) continue;
        place = { shift: block.shift, anchor: NAMES.profile };
      }
    }
    const span = spans.get(positionKey(cell));
    placed.push({
      key: cell.key,
      anchor: place.anchor,
      rect: {
        row: cell.row + place.shift.row,
        col: cell.col + place.shift.col,
        rows: span?.rows ?? 1,
        cols: span?.cols ?? 1,
      },
    });
  }
  return new LayoutSheetMap(layout, placed, options.sheetName);
}
