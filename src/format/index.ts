// The two official versions assembled from their tables, with the look-ups every other module
// needs: cells by key, printed labels of a cell, the version for a report year.
import { S2_2019, S2_2021, S3_2019, S3_2021, S4, SECTIONS, TABLE_NAMES } from './tables';
import type { CellDef, FormatDef, FormatVersion, Locale, S2Table, S3Table, TableId, Unit } from './types';

export * from './types';
export { formatForYear, isFormatVersion } from './version';
export { SECTIONS, TABLE_NAMES, S3_COLUMNS } from './tables';

function buildCells(s2: S2Table, s3: S3Table): CellDef[] {
  const cells: CellDef[] = [];
  const push = (table: TableId, row: string, col: string, unit: Unit): void => {
    cells.push({ key: `${table}.${row}.${col}`, table, row, col, unit, index: cells.length });
  };
  for (const block of s2.blocks) {
    for (const row of block.rows) {
      for (const col of block.columns) push('s2', row.key, col.key, col.unit);
    }
  }
  for (const row of s3.rows) {
    for (const col of s3.columns) push('s3', row.key, col.key, 'count');
  }
  for (const group of S4.groups) {
    for (const result of S4.results) push('s4', group.key, result.key, 'count');
  }
  return cells;
}

function buildFormat(version: FormatVersion, document: string, s2: S2Table, s3: S3Table): FormatDef {
  return { version, document, s2, s3, s4: S4, sections: SECTIONS, cells: buildCells(s2, s3) };
}

const FORMATS: Readonly<Record<FormatVersion, FormatDef>> = {
  '2021': buildFormat(
    '2021',
    '国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》',
    S2_2021,
    S3_2021,
  ),
  '2019': buildFormat('2019', '国办公开办函〔2019〕60号《政府信息公开工作年度报告格式（试行）》', S2_2019, S3_2019),
};

const CELL_MAPS: Readonly<Record<FormatVersion, ReadonlyMap<string, CellDef>>> = {
  '2021': new Map(FORMATS['2021'].cells.map((c) => [c.key, c])),
  '2019': new Map(FORMATS['2019'].cells.map((c) => [c.key, c])),
};

export function getFormat(version: FormatVersion): FormatDef {
  return FORMATS[version];
}

export function getCell(version: FormatVersion, key: string): CellDef | undefined {
  return CELL_MAPS[version].get(key);
}

/** True if the key is a cell of either version. */
export function isKnownCellKey(key: string): boolean {
  return CELL_MAPS['2021'].has(key) || CELL_MAPS['2019'].has(key);
}

export function cellsOfTable(version: FormatVersion, table: TableId): readonly CellDef[] {
  return FORMATS[version].cells.filter((c) => c.table === table);
}

/**
 * The printed labels that locate a cell, outermost first, without the table name:
 * `['自然人', '（三）不予公开', '1.属于国家秘密']`, `['规章', '本年制发件数']`, `['行政复议', '总计']`.
 */
export function cellLabelParts(version: FormatVersion, key: string, locale: Locale = 'zh-CN'): string[] {
  const cell = getCell(version, key) ?? getCell(version === '2021' ? '2019' : '2021', key);
  const pick = (label: { zh: string; en: string }): string => (locale === 'zh-CN' ? label.zh : label.en);
  if (!cell) return [key];
  const format = FORMATS[getCell(version, key) ? version : version === '2021' ? '2019' : '2021'];
  if (cell.table === 's2') {
    for (const block of format.s2.blocks) {
      const row = block.rows.find((r) => r.key === cell.row);
      const col = block.columns.find((c) => c.key === cell.col);
      if (row && col) return [pick(row.label), pick(col.label)];
    }
    return [key];
  }
  if (cell.table === 's3') {
    const row = format.s3.rows.find((r) => r.key === cell.row);
    const col = format.s3.columns.find((c) => c.key === cell.col);
    if (!row || !col) return [key];
    return row.group ? [pick(col.label), pick(row.group.label), pick(row.label)] : [pick(col.label), pick(row.label)];
  }
  const group = S4.groups.find((g) => g.key === cell.row);
  const result = S4.results.find((r) => r.key === cell.col);
  if (!group || !result) return [key];
  const groupParts = group.parent ? [pick(group.parent), pick(group.label)] : [pick(group.label)];
  return [...groupParts, pick(result.label)];
}

/** A cell named as users read it: `表三 · 自然人 · （七）总计`. */
export function cellLabel(version: FormatVersion, key: string, locale: Locale = 'zh-CN'): string {
  const previous = key.startsWith('previous.');
  const bare = previous ? key.slice('previous.'.length) : key;
  const table = bare.slice(0, 2);
  const name =
    table === 's2' || table === 's3' || table === 's4'
      ? locale === 'zh-CN'
        ? TABLE_NAMES[table].zh
        : TABLE_NAMES[table].en
      : '';
  const parts = [name, ...cellLabelParts(version, bare, locale)].filter((p) => p !== '');
  const text = parts.join(' · ');
  if (!previous) return text;
  return locale === 'zh-CN' ? `上年${text}` : `last year's ${text}`;
}
