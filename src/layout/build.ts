// Builds the SheetLayout of one report sheet from the format data: title, profile and filling
// instructions on top (not printed), then what prints — the section headings 二、三、四 and the three
// official tables with their merges, styles, names and validations — and beside each table, right of
// the printed columns, its 本表校验 status (not printed). Pure: the same options always give the same layout.
//
// Why this shape: Excel prints each area of a multi-area print area on a page of its own, so what must
// not print sits outside one contiguous print area — above it (title, profile, note) or to its right
// (the statuses, still in view while typing). 表三 breaks onto page 2 between two of its row groups,
// its three header rows repeated there (print titles), at a row chosen so page 1 is well filled at
// every scale programs print it at and 表四 always follows 表三's last rows (firstPageBreak).
import { getFormat, type CellDef, type FormatVersion, type TableId, type Unit } from '../format';
import { effectiveFormat, type AgencyKind, type Profile } from '../report';
import { strings } from '../i18n';
import { cellA1 } from './a1';
import { compactRanges, compileIdentityFills, compileStatusFormula, statusFills } from './checks';
import { LAYOUT_VERSION, NAMES } from './names';
import { KIND_LABELS, REGULATION_LABELS } from './profile';
import { dataStyleName, STYLES } from './styles';
import type {
  CellPosition,
  CellRange,
  CellRole,
  ConditionalFill,
  DataValidationSpec,
  DefinedName,
  LayoutCell,
  SheetLayout,
  TableCheck,
  ValidationKind,
} from './types';

export interface LayoutOptions {
  readonly version: FormatVersion;
  /** Written into the profile cells; all optional (a blank template leaves them open). */
  readonly year?: number;
  readonly agency?: string;
  readonly kind?: AgencyKind;
  readonly canMakeRegulations?: boolean;
  /** Worksheet name; default `<year>年报表格`. Characters Excel forbids are replaced. */
  readonly sheetName?: string;
}

/** The printed grid of equal columns; each table spans it in its own way (s3 10 cells, s4 15). */
export const GRID_COLUMNS = 15;
/** Excel character units. 15 × 7.5 fits A4 portrait at about 89 % when scaled to the page width. */
export const COLUMN_WIDTH = 7.5;
/** Right of the printed grid: a narrow gap column, then the column of the 本表校验 statuses. */
const STATUS_COL = GRID_COLUMNS + 1;
const COLUMN_WIDTHS: readonly number[] = [...Array.from({ length: GRID_COLUMNS }, () => COLUMN_WIDTH), 2, 30];

/** Column spans (first, count) of the grid, per table. */
const S2_LABEL = { col: 0, cols: 3 };
const S3_LEVEL1 = { col: 0, cols: 1 };
const S3_LEVEL2 = { col: 1, cols: 2 };
const S3_LEVEL3 = { col: 3, cols: 5 };
const S3_DATA = 8;

/** s2 data columns of a block with n columns: 3 equal spans, the last one widened when n < 3. */
function s2Spans(n: number): { col: number; cols: number }[] {
  const width = (GRID_COLUMNS - S2_LABEL.cols) / 3;
  return Array.from({ length: n }, (_, i) => {
    const col = S2_LABEL.cols + i * width;
    return { col, cols: i === n - 1 ? GRID_COLUMNS - col : width };
  });
}

/**
 * The filling instructions above the tables, for the units the version has: the 2019 format has
 * 本年增/减 and 采购总金额 but no 收费金额; the 2021 format the reverse.
 */
function noteText(version: FormatVersion): string {
  const units = new Set(getFormat(version).cells.map((c) => c.unit));
  const rules = (['count', 'signedCount', 'wanyuan', 'decimal'] as const).filter((u) => u === 'count' || units.has(u));
  return SHEET.note(rules.map((u) => SHEET.noteRules[u]));
}

/** The sheet's words (src/i18n): the official form is Chinese in every locale. */
const SHEET = strings('zh-CN').sheet;
const VALIDATION_TEXT = SHEET.validation;

const VALIDATION_KIND: Readonly<Record<Unit, ValidationKind>> = {
  count: 'wholeNonNegative',
  signedCount: 'wholeAny',
  wanyuan: 'decimalNonNegative',
  decimal: 'decimalNonNegative',
};

/** Characters Excel does not allow in a sheet name, and its length limit. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[\\/?*[\]:]/g, '_')
    .replace(/^'+|'+$/g, '')
    .trim();
  return (cleaned || SHEET.defaultSheetName).slice(0, 31);
}

/** Width in character units of text in a font size: CJK glyphs are square, Latin about half. */
function textUnits(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) units += (ch.charCodeAt(0) >= 0x2e80 ? 1 : 0.55) * fontSize * 0.19;
  return units;
}

/** Character units of `cols` columns from `col`. */
const spanWidth = (col: number, cols: number): number =>
  COLUMN_WIDTHS.slice(col, col + cols).reduce((sum, width) => sum + width, 0);

/** Points a row needs so that wrapped text of this size shows whole in a span of columns. */
function heightFor(text: string, col: number, cols: number, fontSize: number): number {
  const usable = spanWidth(col, cols) - 1;
  const lines = Math.max(1, Math.ceil(textUnits(text, fontSize) / usable));
  // LibreOffice's CJK fallback fonts set lines taller than Excel does; 1.5 leaves room for both.
  return Math.ceil(lines * fontSize * 1.5 + 5);
}

const MIN_ROW_HEIGHT = 20;
/** The blank line before each section heading. Every printed row has an explicit height, so the page fill is known. */
const SPACER_HEIGHT = 14;

class SheetBuilder {
  readonly cells: LayoutCell[] = [];
  readonly merges: CellRange[] = [];
  readonly heights = new Map<number, number>();
  readonly names: DefinedName[] = [];
  readonly fills: ConditionalFill[] = [];
  readonly validations: DataValidationSpec[] = [];
  readonly checks: TableCheck[] = [];
  readonly positions = new Map<string, CellPosition>();
  row = 0;

  put(
    at: CellPosition & { rows?: number; cols?: number },
    role: CellRole,
    style: string,
    value: string | number | null,
    extra: { formula?: string; key?: string } = {},
  ): void {
    const rows = at.rows ?? 1;
    const cols = at.cols ?? 1;
    this.cells.push({ row: at.row, col: at.col, role, value, style, ...extra });
    if (rows > 1 || cols > 1) this.merges.push({ row: at.row, col: at.col, rows, cols });
    if (extra.key) this.positions.set(extra.key, { row: at.row, col: at.col });
    const s = STYLES[style];
    if (rows === 1 && s?.wrap && typeof value === 'string')
      this.needHeight(at.row, heightFor(value, at.col, cols, s.fontSize));
  }

  needHeight(row: number, points: number): void {
    this.heights.set(row, Math.max(this.heights.get(row) ?? 0, points));
  }

  name(name: string, range: CellRange): void {
    this.names.push({ name, range });
  }

  validate(
    range: CellRange,
    kind: ValidationKind,
    texts: { title: string; message: string; prompt: string },
    list?: readonly string[],
  ): void {
    this.validations.push({
      range,
      kind,
      errorTitle: texts.title,
      errorMessage: texts.message,
      prompt: texts.prompt,
      ...(list ? { list } : {}),
    });
  }

  dataCell(row: number, span: { col: number; cols: number }, cell: CellDef): void {
    this.put({ row, col: span.col, cols: span.cols }, 'data', dataStyleName(cell.unit), null, { key: cell.key });
    this.needHeight(row, MIN_ROW_HEIGHT);
  }

  /** One validation per unit over the table's data cells, in as few rectangles as they allow. */
  validateData(cells: readonly CellDef[]): void {
    for (const unit of ['count', 'signedCount', 'wanyuan', 'decimal'] as const) {
      const of = cells.filter((c) => c.unit === unit).map((c) => this.at(c.key));
      for (const range of compactRanges(of)) this.validate(range, VALIDATION_KIND[unit], VALIDATION_TEXT[unit]);
    }
  }

  at(key: string): CellPosition {
    const p = this.positions.get(key);
    if (!p) throw new Error(`layout has no cell ${key}`);
    return p;
  }

  /**
   * The 本表校验 status of a table, right of the printed columns: the label on the section heading's
   * row, the status below it, merged down beside the table (`rows` rows) so a long list of failing
   * scopes has room to wrap.
   */
  statusBeside(version: FormatVersion, table: TableId, data: CellRange, headingRow: number, rows: number): void {
    this.put({ row: headingRow, col: STATUS_COL }, 'note', 'statusLabel', SHEET.statusLabel);
    const formula = compileStatusFormula(version, table, (key) => this.at(key));
    const status = { row: headingRow + 1, col: STATUS_COL };
    this.put({ ...status, rows }, 'status', 'status', null, { formula });
    this.checks.push({ table, status, data });
    this.fills.push(...statusFills(status));
    this.name(NAMES.status(table), { ...status, rows: 1, cols: 1 });
  }

  /** A blank line, then the heading; returns the heading's row. */
  sectionHeading(text: string): number {
    this.needHeight(this.row++, SPACER_HEIGHT);
    const row = this.row++;
    this.put({ row, col: 0, cols: GRID_COLUMNS }, 'sectionHeading', 'sectionHeading', text);
    this.needHeight(row, 26);
    return row;
  }
}

function buildTitleAndProfile(b: SheetBuilder, options: LayoutOptions): void {
  // Row 0: the title follows the profile cells, so it is right as soon as they are filled.
  const agency = { row: 1, col: 2, cols: 7 };
  const year = { row: 1, col: 11, cols: 4 };
  const kind = { row: 2, col: 2, cols: 3 };
  const format = { row: 2, col: 7, cols: 2 };
  const regulations = { row: 2, col: 11, cols: 4 };
  const agencyRef = cellA1(agency.row, agency.col);
  const yearRef = cellA1(year.row, year.col);
  b.put({ row: 0, col: 0, cols: GRID_COLUMNS }, 'title', 'title', null, {
    formula: `${agencyRef}&IF(ISNUMBER(${yearRef}),${yearRef}&"${SHEET.titleYear}","")&"${SHEET.titleSuffix}"`,
  });
  b.needHeight(0, 36);
  b.name(NAMES.layout(LAYOUT_VERSION), { row: 0, col: 0, rows: 1, cols: 1 });
  b.name(NAMES.tables(options.version), { row: 0, col: 0, rows: 1, cols: 1 });

  const label = (row: number, col: number, cols: number, text: string): void =>
    b.put({ row, col, cols }, 'profileLabel', 'profileLabel', text);
  label(1, 0, 2, SHEET.profileLabels.agency);
  b.put(agency, 'profileInput', 'profileInput', options.agency ?? null, { key: 'profile.agency' });
  label(1, 9, 2, SHEET.profileLabels.year);
  b.put(year, 'profileInput', 'profileInputNumber', options.year ?? null, { key: 'profile.year' });
  label(2, 0, 2, SHEET.profileLabels.kind);
  b.put(kind, 'profileInput', 'profileInput', options.kind ? KIND_LABELS[options.kind] : null, { key: 'profile.kind' });
  label(2, 5, 2, SHEET.profileLabels.format);
  b.put(format, 'profileInput', 'profileInputNumber', Number(options.version), { key: 'profile.format' });
  label(2, 9, 2, SHEET.profileLabels.regulations);
  const regulationText =
    options.canMakeRegulations === undefined
      ? null
      : options.canMakeRegulations
        ? REGULATION_LABELS.yes
        : REGULATION_LABELS.no;
  b.put(regulations, 'profileInput', 'profileInput', regulationText, { key: 'profile.canMakeRegulations' });
  b.needHeight(1, 22);
  b.needHeight(2, 22);

  const one = (p: CellPosition): CellRange => ({ row: p.row, col: p.col, rows: 1, cols: 1 });
  b.name(NAMES.profile, { row: 1, col: 0, rows: 2, cols: GRID_COLUMNS });
  b.name(NAMES.agency, one(agency));
  b.name(NAMES.year, one(year));
  b.name(NAMES.kind, one(kind));
  b.name(NAMES.format, one(format));
  b.name(NAMES.regulations, one(regulations));

  b.validate(one(year), 'year', VALIDATION_TEXT.year);
  const kinds = Object.values(KIND_LABELS);
  b.validate(one(kind), 'list', { ...VALIDATION_TEXT.kind, message: VALIDATION_TEXT.kind.message(kinds) }, kinds);
  b.validate(one(format), 'list', VALIDATION_TEXT.format, ['2021', '2019']);
  b.validate(one(regulations), 'list', VALIDATION_TEXT.regulations, [REGULATION_LABELS.yes, REGULATION_LABELS.no]);

  b.put({ row: 3, col: 0, cols: GRID_COLUMNS }, 'note', 'note', noteText(options.version));
  b.row = 4;
}

/** The rows a table takes in print, heading included. */
interface Printed {
  readonly heading: number;
  readonly last: number;
}

function buildS2(b: SheetBuilder, version: FormatVersion): Printed {
  const format = getFormat(version);
  const heading = b.sectionHeading(format.sections[1].heading);
  const top = b.row;
  for (const block of format.s2.blocks) {
    const spans = s2Spans(block.columns.length);
    const titleRow = b.row++;
    b.put({ row: titleRow, col: 0, cols: GRID_COLUMNS }, 'header', 'blockTitle', block.title);
    const headerRow = b.row++;
    b.put({ row: headerRow, ...S2_LABEL }, 'header', 'header', format.s2.contentHeader.zh);
    block.columns.forEach((column, i) => b.put({ row: headerRow, ...spans[i] }, 'header', 'header', column.label.zh));
    for (const row of block.rows) {
      const r = b.row++;
      b.put({ row: r, ...S2_LABEL }, 'rowLabel', 'rowLabel', row.label.zh);
      block.columns.forEach((column, i) => {
        const cell = format.cells.find((c) => c.key === `s2.${row.key}.${column.key}`);
        if (!cell) throw new Error(`format has no cell s2.${row.key}.${column.key}`);
        b.dataCell(r, spans[i], cell);
      });
    }
  }
  const area: CellRange = { row: top, col: 0, rows: b.row - top, cols: GRID_COLUMNS };
  b.name(NAMES.table('s2'), area);
  b.validateData(format.cells.filter((c) => c.table === 's2'));
  b.statusBeside(version, 's2', area, heading, b.row - top);
  return { heading, last: b.row - 1 };
}

interface PrintedS3 extends Printed {
  /** The first of the three header rows. */
  readonly header: number;
  /** Rows where a page may break without splitting a group of rows: each group's first, each ungrouped row. */
  readonly breakable: readonly number[];
}

function buildS3(b: SheetBuilder, version: FormatVersion): PrintedS3 {
  const format = getFormat(version);
  const s3 = format.s3;
  const heading = b.sectionHeading(format.sections[2].heading);
  const h = b.row;
  b.row += 3;
  b.put({ row: h, col: 0, rows: 3, cols: S3_DATA }, 'header', 'caption', s3.identityCaption);
  b.put({ row: h, col: S3_DATA, cols: s3.columns.length }, 'header', 'header', s3.applicantHeader.zh);
  const first = s3.columns[0];
  const last = s3.columns[s3.columns.length - 1];
  const orgs = s3.columns.slice(1, -1);
  b.put({ row: h + 1, col: S3_DATA, rows: 2 }, 'header', 'header', first.label.zh);
  b.put({ row: h + 1, col: S3_DATA + 1, cols: orgs.length }, 'header', 'header', s3.orgHeader.zh);
  b.put({ row: h + 1, col: S3_DATA + s3.columns.length - 1, rows: 2 }, 'header', 'header', last.label.zh);
  orgs.forEach((column, i) => b.put({ row: h + 2, col: S3_DATA + 1 + i }, 'header', 'header', column.label.zh));
  b.needHeight(h + 2, heightFor('社会公益组织', S3_DATA, 1, STYLES.header.fontSize));

  const top = b.row;
  const outcomeRows = s3.rows.filter((r) => r.underOutcome).length;
  let outcomeStarted = false;
  let group: string | undefined;
  const breakable: number[] = [];
  s3.rows.forEach((row, i) => {
    const r = top + i;
    if (i > 0 && (!row.group || row.group.key !== group)) breakable.push(r);
    if (!row.underOutcome) {
      b.put({ row: r, col: 0, cols: S3_DATA }, 'rowLabel', 'rowLabel', row.label.zh);
    } else {
      if (!outcomeStarted) {
        b.put({ row: r, ...S3_LEVEL1, rows: outcomeRows }, 'rowLabel', 'outcomeLabel', s3.outcomeLabel.zh);
        outcomeStarted = true;
      }
      if (row.group) {
        if (row.group.key !== group) {
          const size = s3.rows.filter((x) => x.group?.key === row.group?.key).length;
          b.put({ row: r, ...S3_LEVEL2, rows: size }, 'rowLabel', 'groupLabel', row.group.label.zh);
        }
        b.put({ row: r, ...S3_LEVEL3 }, 'rowLabel', 'rowLabel', row.label.zh);
      } else {
        b.put(
          { row: r, col: S3_LEVEL2.col, cols: S3_LEVEL2.cols + S3_LEVEL3.cols },
          'rowLabel',
          'rowLabel',
          row.label.zh,
        );
      }
    }
    group = row.group?.key;
    s3.columns.forEach((column, c) => {
      const cell = format.cells.find((x) => x.key === `s3.${row.key}.${column.key}`);
      if (!cell) throw new Error(`format has no cell s3.${row.key}.${column.key}`);
      b.dataCell(r, { col: S3_DATA + c, cols: 1 }, cell);
    });
  });
  b.row = top + s3.rows.length;
  const data: CellRange = { row: top, col: S3_DATA, rows: s3.rows.length, cols: s3.columns.length };
  b.name(NAMES.table('s3'), data);
  b.validateData(format.cells.filter((c) => c.table === 's3'));
  b.statusBeside(version, 's3', data, heading, b.row - h);
  return { heading, header: h, last: b.row - 1, breakable };
}

function buildS4(b: SheetBuilder, version: FormatVersion): Printed {
  const format = getFormat(version);
  const { groups, results } = format.s4;
  const heading = b.sectionHeading(format.sections[3].heading);
  const h = b.row;
  b.row += 3;
  const width = results.length;
  let parentDone: string | undefined;
  groups.forEach((group, g) => {
    const col = g * width;
    if (!group.parent) {
      b.put({ row: h, col, cols: width }, 'header', 'header', group.label.zh);
      results.forEach((result, i) => b.put({ row: h + 1, col: col + i, rows: 2 }, 'header', 'header', result.label.zh));
      return;
    }
    if (group.parent.zh !== parentDone) {
      const span = groups.filter((x) => x.parent?.zh === group.parent?.zh).length * width;
      b.put({ row: h, col, cols: span }, 'header', 'header', group.parent.zh);
      parentDone = group.parent.zh;
    }
    b.put({ row: h + 1, col, cols: width }, 'header', 'header', group.label.zh);
    results.forEach((result, i) => b.put({ row: h + 2, col: col + i }, 'header', 'header', result.label.zh));
  });
  b.needHeight(h + 2, heightFor('结果维持', 0, 1, STYLES.header.fontSize));
  const r = b.row++;
  groups.forEach((group, g) =>
    results.forEach((result, i) => {
      const cell = format.cells.find((x) => x.key === `s4.${group.key}.${result.key}`);
      if (!cell) throw new Error(`format has no cell s4.${group.key}.${result.key}`);
      b.dataCell(r, { col: g * width + i, cols: 1 }, cell);
    }),
  );
  b.needHeight(r, 24);
  const data: CellRange = { row: r, col: 0, rows: 1, cols: groups.length * width };
  b.name(NAMES.table('s4'), data);
  b.validateData(format.cells.filter((c) => c.table === 's4'));
  b.statusBeside(version, 's4', data, heading, b.row - h);
  return { heading, last: b.row - 1 };
}

/** A4 portrait, inches. */
const A4_HEIGHT = 11.69;
const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 } as const;
/** Points of a printed page's height inside the margins. */
export const PRINTABLE_HEIGHT = (A4_HEIGHT - MARGINS.top - MARGINS.bottom) * 72;
/**
 * The largest scale at which a program prints the 15 columns fit to the page width: Excel draws a
 * 7.5-character column 52 px wide, 585 pt for the grid, which it fits into A4's 523 pt at 89 %.
 * LibreOffice without Calibri's metrics draws the columns wider and prints at about 66 %.
 */
export const MAX_PRINT_SCALE = 0.92;

/**
 * Where page 1 ends: at the last row of 表三 that starts a group and still lets page 1 fit at
 * MAX_PRINT_SCALE, so no program breaks the page earlier on its own. A forced break, because a free
 * flow cannot keep 表四 off a page of its own: at scales around 65–72 % (LibreOffice without
 * Calibri) the page would end between 表三 and 表四, and 表四 would print under 表三's repeated header.
 */
function firstPageBreak(b: SheetBuilder, from: number, s3: PrintedS3): number | undefined {
  let height = 0;
  let chosen: number | undefined;
  for (let row = from; row <= s3.last; row++) {
    if (s3.breakable.includes(row) && height <= PRINTABLE_HEIGHT / MAX_PRINT_SCALE) chosen = row;
    height += b.heights.get(row) ?? 0;
  }
  return chosen;
}

/** The layout of one report sheet for a format version, optionally with the profile filled in. */
/** The layout of a report's profile: its format version (stated, or the year's), year, agency, kind. */
export function layoutOfProfile(profile: Profile, sheetName?: string): SheetLayout {
  return buildLayout({
    version: effectiveFormat(profile),
    ...(profile.year !== undefined ? { year: profile.year } : {}),
    ...(profile.agency !== undefined ? { agency: profile.agency } : {}),
    ...(profile.kind !== undefined ? { kind: profile.kind } : {}),
    ...(profile.canMakeRegulations !== undefined ? { canMakeRegulations: profile.canMakeRegulations } : {}),
    ...(sheetName ? { sheetName } : {}),
  });
}

export function buildLayout(options: LayoutOptions): SheetLayout {
  const b = new SheetBuilder();
  buildTitleAndProfile(b, options);
  const s2 = buildS2(b, options.version);
  const s3 = buildS3(b, options.version);
  const s4 = buildS4(b, options.version);
  b.fills.unshift(...compileIdentityFills(options.version, (key) => b.at(key)));
  const extent: CellRange = { row: 0, col: 0, rows: b.row, cols: COLUMN_WIDTHS.length };
  const rowHeights = [...b.heights.entries()].sort((x, y) => x[0] - y[0]).map(([row, height]) => ({ row, height }));
  const pageBreak = firstPageBreak(b, s2.heading, s3);
  return {
    version: options.version,
    layoutVersion: LAYOUT_VERSION,
    sheetName: safeSheetName(
      options.sheetName ?? (options.year ? SHEET.sheetName(options.year) : SHEET.defaultSheetName),
    ),
    styles: STYLES,
    columnWidths: COLUMN_WIDTHS,
    rowHeights,
    cells: b.cells,
    merges: b.merges,
    names: b.names,
    conditionalFills: b.fills,
    validations: b.validations,
    checks: b.checks,
    extent,
    print: {
      paper: 'A4',
      orientation: 'portrait',
      fitToWidth: true,
      // From 二's heading to 表四's last row, the printed columns only: one area, so one flow of pages.
      area: { row: s2.heading, col: 0, rows: s4.last - s2.heading + 1, cols: GRID_COLUMNS },
      // 表三's three header rows, repeated on every page after the first they print on. They lie on
      // page 1, so no earlier page can show them; 表四 follows 表三's last rows on page 2, so no page
      // shows them over 表四 alone (test/print checks both in LibreOffice).
      titleRows: { row: s3.header, rows: 3 },
      margins: MARGINS,
    },
    hideGridLines: true,
    pageBreaks: pageBreak === undefined ? [] : [pageBreak],
  };
}

/** Where each keyed cell (data cells and `profile.*` inputs) sits: key → zero-based (row, col). */
export function locateCells(layout: SheetLayout): Map<string, CellPosition> {
  const map = new Map<string, CellPosition>();
  for (const cell of layout.cells) if (cell.key) map.set(cell.key, { row: cell.row, col: cell.col });
  return map;
}
