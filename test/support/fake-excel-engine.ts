// The fake host's calculation: every cell of every sheet mirrored in one HyperFormula workbook, so that
// a formula cell reads back what Excel would compute for it. The fake's sheets stay the truth; the engine
// follows them lazily: a sheet's cell map records which cells changed, and the engine reads those (in row
// runs, in one batch) before the next value is asked for. A structural edit (rows inserted or deleted)
// rebuilds the engine from the sheets.
//
// HyperFormula's settings follow Excel: an empty reference in a formula is 0 (evaluateNullToZero), array
// arguments as in SUMPRODUCT(--(MOD(r,1)<>0)) (useArrayArithmetic), full-precision results (no
// smartRounding), case-insensitive comparisons, whole-cell criteria with wildcards (its defaults).
//
// Where HyperFormula (3.x) and Excel part, checked by hand. Worked around (engineFormula rewrites each
// formula before HyperFormula sees it):
// - a bare non-ASCII sheet name (`=年报!A1`, as Excel writes it) does not parse: every sheet name is quoted;
// - TRUE and FALSE are no literals there (#NAME?): written as TRUE() and FALSE();
// - an exponent (`1E-9`) does not parse: written out (the layout avoids exponents anyway);
// - `Sheet!#REF!` (what Excel leaves after a deletion) does not parse: written as #REF!;
// - a circular reference is #CYCLE! there, 0 in Excel: read as 0.
// Not worked around (none touches what the layout writes today):
// - a number joined to text (`"差 "&x`) is JavaScript's shortest form there (0.30000000000000004), 15
//   significant digits in Excel (0.3); the status formulas join differences of counts, always integers;
// - COUNTBLANK does not count a formula's "" as blank (Excel does); the layout counts constant data cells;
// - defined names must be ASCII there, and a multi-area name is not taken: such names are left out of the
//   engine (`skippedNames`), and a formula using a non-ASCII name is refused as not parsing;
// - a formula giving a range in one cell is #VALUE! (Excel 365 spills, older Excel intersects).
// Every function the layouts use (IF, AND, ABS, SUM, COUNT, COUNTA, COUNTBLANK, COUNTIF, SUMPRODUCT, MOD,
// SUBSTITUTE, LEFT, ISNUMBER) exists there; test/support/fake-excel.test.ts keeps it so.
import { DetailedCellError, HyperFormula, type CellValue, type RawCellContent } from 'hyperformula';
import type { FakeCell, FakeSheet } from './fake-excel';
import { engineFormula } from './fake-excel-formula';

export type CellScalar = string | number | boolean;

/** Range.valueTypes as Office.js gives them (the fake never says `Integer`, `Unknown` or `RichValue`). */
export type FakeValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';

/** What a cell holds after calculation, as Range.values and Range.valueTypes give it. */
export interface ShownCell {
  readonly value: CellScalar;
  readonly type: FakeValueType;
}

export const ERROR_VALUES = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!)$/;

const CONFIG = {
  licenseKey: 'gpl-v3',
  useArrayArithmetic: true,
  evaluateNullToZero: true,
  smartRounding: false,
} as const;

const EMPTY: ShownCell = { value: '', type: 'Empty' };

/** A constant cell as Office.js reads it: an error literal typed into a cell is an error, unless written as text. */
export function constantShown(cell: FakeCell | undefined): ShownCell {
  const value = cell?.value;
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') return { value, type: 'Double' };
  if (typeof value === 'boolean') return { value, type: 'Boolean' };
  return { value, type: !cell?.quotePrefix && ERROR_VALUES.test(value) ? 'Error' : 'String' };
}

function fromEngine(value: CellValue | CellValue[][]): ShownCell {
  const scalar = Array.isArray(value) ? (value[0]?.[0] ?? null) : value;
  if (scalar instanceof DetailedCellError) {
    // Excel shows 0 for a circular reference (and warns); HyperFormula's own #CYCLE! is not an Excel value.
    return scalar.value === '#CYCLE!' ? { value: 0, type: 'Double' } : { value: scalar.value, type: 'Error' };
  }
  if (scalar === null) return EMPTY;
  if (typeof scalar === 'number') return { value: Object.is(scalar, -0) ? 0 : scalar, type: 'Double' };
  if (typeof scalar === 'boolean') return { value: scalar, type: 'Boolean' };
  return { value: scalar, type: 'String' };
}

/**
 * A sheet's cells, keyed `row,col`, that remember which keys were set or deleted since the engine last
 * read them. Any write through the Map API is seen (also a test's direct `sheet.cells.set`); changing a
 * FakeCell object in place is not.
 */
export class FakeCellMap extends Map<string, FakeCell> {
  private changed: Set<string> | null = new Set();

  override set(key: string, cell: FakeCell): this {
    super.set(key, cell);
    this.changed?.add(key);
    return this;
  }

  override delete(key: string): boolean {
    const had = super.delete(key);
    if (had) this.changed?.add(key);
    return had;
  }

  override clear(): void {
    super.clear();
    this.changed = null;
  }

  /** The keys changed since the last call; null when the map was cleared (read it all again). */
  takeChanges(): Set<string> | null {
    const changed = this.changed;
    this.changed = new Set();
    return changed;
  }
}

let validator: HyperFormula | undefined;

/** Whether HyperFormula can parse the formula (a syntax check only: unknown functions and sheets parse). */
export function formulaParses(formula: string): boolean {
  validator ??= HyperFormula.buildEmpty(CONFIG);
  return validator.validateFormula(engineFormula(formula));
}

export interface EngineName {
  readonly name: string;
  /** The sheet a sheet-scoped name belongs to. */
  readonly scope?: FakeSheet;
  /** As Excel reports it: `='年报'!$B$3:$C$3`. */
  readonly formula: string;
}

export interface EngineSource {
  sheets(): readonly FakeSheet[];
  names(): readonly EngineName[];
}

/** Which engine holds a sheet (for helpers that are given only the sheet). */
const engines = new WeakMap<FakeSheet, FormulaEngine>();

export function engineOf(sheet: FakeSheet): FormulaEngine | undefined {
  return engines.get(sheet);
}

const cellKey = (row: number, col: number): string => `${row},${col}`;

/** Row runs of cell keys: one setCellContents call per run. */
function runsOf(keys: Iterable<string>): { row: number; col: number; count: number }[] {
  const cells = [...keys].map((k) => k.split(',').map(Number) as [number, number]);
  cells.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const runs: { row: number; col: number; count: number }[] = [];
  for (const [row, col] of cells) {
    const last = runs[runs.length - 1];
    if (last && last.row === row && last.col + last.count === col) last.count += 1;
    else runs.push({ row, col, count: 1 });
  }
  return runs;
}

export class FormulaEngine {
  private hf: HyperFormula | undefined;
  private readonly ids = new Map<FakeSheet, number>();
  private readonly engineNames = new Map<FakeSheet, string>();
  private namesKey = '';
  private added: { name: string; scope?: number }[] = [];
  /** Defined names HyperFormula would not take (its names are ASCII-only; no multi-area names). */
  readonly skippedNames = new Set<string>();

  constructor(private readonly source: EngineSource) {}

  /** Makes `engineOf(sheet)` find this engine before the sheet is first calculated. */
  claim(sheet: FakeSheet): void {
    engines.set(sheet, this);
  }

  /** Read everything again at the next use (after rows were inserted or deleted). */
  invalidate(): void {
    this.hf = undefined;
    this.ids.clear();
    this.engineNames.clear();
    this.namesKey = '';
    this.added = [];
  }

  private readonly canonical = (written: string): string =>
    this.source.sheets().find((s) => s.name.toUpperCase() === written.toUpperCase())?.name ?? written;

  private content(cell: FakeCell | undefined): RawCellContent {
    if (!cell) return null;
    if (cell.formula !== undefined) return engineFormula(cell.formula, this.canonical);
    const { value } = cell;
    if (value === null) return null;
    if (typeof value !== 'string') return value;
    // An error literal stays an error; any other text is text, whatever it looks like.
    return !cell.quotePrefix && ERROR_VALUES.test(value) ? value : `'${value}`;
  }

  private load(hf: HyperFormula, sheet: FakeSheet, keys: Iterable<string>): void {
    const id = this.ids.get(sheet) as number;
    for (const run of runsOf(keys)) {
      const line = Array.from({ length: run.count }, (_, i) =>
        this.content(sheet.cells.get(cellKey(run.row, run.col + i))),
      );
      hf.setCellContents({ sheet: id, row: run.row, col: run.col }, [line]);
    }
  }

  /** Brings the engine up to the sheets' state and returns it. */
  private flush(): HyperFormula {
    const sheets = this.source.sheets();
    let hf = this.hf;
    if (!hf) {
      hf = HyperFormula.buildEmpty(CONFIG);
      this.hf = hf;
    }
    for (const [sheet, id] of [...this.ids]) {
      if (!sheets.includes(sheet)) {
        hf.removeSheet(id);
        this.ids.delete(sheet);
        this.engineNames.delete(sheet);
      }
    }
    const fresh = sheets.filter((s) => !this.ids.has(s));
    for (const sheet of sheets) {
      const known = this.engineNames.get(sheet);
      if (known !== undefined && known !== sheet.name) {
        hf.renameSheet(this.ids.get(sheet) as number, sheet.name);
        this.engineNames.set(sheet, sheet.name);
      }
    }
    for (const sheet of fresh) {
      this.ids.set(sheet, hf.getSheetId(hf.addSheet(sheet.name)) as number);
      this.engineNames.set(sheet, sheet.name);
      engines.set(sheet, this);
    }
    const target = hf;
    target.batch(() => {
      for (const sheet of sheets) {
        const cells = sheet.cells;
        const changes = cells instanceof FakeCellMap ? cells.takeChanges() : null;
        if (fresh.includes(sheet)) {
          this.load(target, sheet, cells.keys());
        } else if (changes === null) {
          target.clearSheet(this.ids.get(sheet) as number);
          this.load(target, sheet, cells.keys());
        } else if (changes.size > 0) {
          this.load(target, sheet, changes);
        }
      }
    });
    this.syncNames(hf);
    return hf;
  }

  private syncNames(hf: HyperFormula): void {
    const names = this.source.names();
    const key = JSON.stringify(names.map((n) => [n.name, n.scope ? this.ids.get(n.scope) : -1, n.formula]));
    if (key === this.namesKey) return;
    this.namesKey = key;
    for (const { name, scope } of this.added) hf.removeNamedExpression(name, scope);
    this.added = [];
    for (const n of names) {
      const scope = n.scope ? this.ids.get(n.scope) : undefined;
      try {
        hf.addNamedExpression(n.name, engineFormula(n.formula, this.canonical), scope);
        this.added.push(scope === undefined ? { name: n.name } : { name: n.name, scope });
      } catch {
        this.skippedNames.add(n.name);
      }
    }
  }

  /** The value and type of a cell after calculation. */
  shown(sheet: FakeSheet, row: number, col: number): ShownCell {
    const cell = sheet.cells.get(cellKey(row, col));
    if (cell?.formula === undefined) return constantShown(cell);
    const hf = this.flush();
    return fromEngine(hf.getCellValue({ sheet: this.ids.get(sheet) as number, row, col }));
  }

  /** A formula evaluated on `sheet` with its references as written (relative ones read from A1). */
  evaluate(formula: string, sheet: FakeSheet): ShownCell {
    const hf = this.flush();
    const id = this.ids.get(sheet);
    if (id === undefined) throw new Error(`The engine does not hold the sheet "${sheet.name}"`);
    try {
      return fromEngine(hf.calculateFormula(engineFormula(formula, this.canonical), id));
    } catch {
      return { value: '#ERROR!', type: 'Error' };
    }
  }
}
