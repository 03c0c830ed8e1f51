// FORMAT-VERSION: the tables use the layout the report year does not allow, mix cells of both
// versions, or a reader found rows of the official layout missing, duplicated or renamed.
import { formatForYear, getFormat, type CellDef, type FormatVersion, type TableId } from '../../format';
import type { StructureIssue } from '../../report';
import { defineRule } from '../define';
import type { Reporter } from '../types';

export type FormatVersionParams =
  | { readonly problem: 'year'; readonly year: number; readonly used: FormatVersion; readonly required: FormatVersion }
  | { readonly problem: 'foreignRow'; readonly used: FormatVersion; readonly other: FormatVersion }
  | { readonly problem: StructureIssue['kind']; readonly table: TableId; readonly label: string };

const FOREIGN: Partial<Record<FormatVersion, readonly CellDef[]>> = {};

/** Cells that exist only in the other version (2019's s2 and 其他处理 row, 2021's split 其他处理). */
function foreignCells(version: FormatVersion): readonly CellDef[] {
  const cached = FOREIGN[version];
  if (cached) return cached;
  const own = new Set(getFormat(version).cells.map((c) => c.key));
  const list = getFormat(version === '2021' ? '2019' : '2021').cells.filter((c) => !own.has(c.key));
  FOREIGN[version] = list;
  return list;
}

export const formatVersion = defineRule({
  id: 'FORMAT-VERSION',
  severity: 'error',
  tables: [],
  input: 'values',
  clause:
    'The table layout is not the one for the report year (2019 layout in a 2021+ report, or the reverse), or a row/column of the official layout is missing, duplicated or renamed.',
  reads: (format) => ['profile.year', 'profile.format', ...foreignCells(format.version).map((c) => c.key)],
  check(ctx, report: Reporter<FormatVersionParams>) {
    const { report: data, profile, format } = ctx;
    const year = profile.year;
    const required = year !== undefined && Number.isInteger(year) && year >= 2019 ? formatForYear(year) : undefined;
    // The layout actually used: what the reader saw, else what the profile says.
    const used = data.sourceFormat ?? profile.format;
    if (year !== undefined && required && used && used !== required) {
      report({ scope: 'year', cells: ['profile.format'], params: { problem: 'year', year, used, required } });
    }
    // Rows of the other version present in the values: the layouts were mixed.
    const foreignRows = new Map<string, string[]>();
    for (const cell of foreignCells(format.version)) {
      if (!(cell.key in data.values)) continue;
      const rowKey = `${cell.table}.${cell.row}`;
      const list = foreignRows.get(rowKey) ?? [];
      list.push(cell.key);
      foreignRows.set(rowKey, list);
    }
    const other = format.version === '2021' ? '2019' : '2021';
    for (const [row, keys] of foreignRows) {
      report({
        scope: `foreignRow:${row}`,
        cells: keys,
        keyCells: foreignCells(format.version)
          .filter((c) => `${c.table}.${c.row}` === row)
          .map((c) => c.key),
        params: { problem: 'foreignRow', used: format.version, other },
      });
    }
    for (const issue of data.structureIssues ?? []) {
      report({
        scope: `${issue.kind}:${issue.table}:${issue.label}`,
        cells: [],
        params: { problem: issue.kind, table: issue.table, label: issue.label },
      });
    }
  },
});
