// The 汇总明细 sheet of a merge, as rows: per cell of the format a row (its key, table, printed labels
// and the merged figure), per unit a column (its name; then its file, whether it was merged and its
// errors and warnings in the rows above the cells). Pure: the command line writes it with the template
// file, the pane into a worksheet beside the merged report's.
import { cellLabelParts, getFormat, TABLE_NAMES, type Locale } from '../format';
import { effectiveFormat, type RawValue } from '../report';
import type { MergeResult } from './types';

export type DetailValue = string | number | null;

export interface MergeDetail {
  /** The sheet's name: 汇总明细 (in both locales: it is the name users and superiors know). */
  readonly name: string;
  readonly rows: readonly (readonly DetailValue[])[];
  /** Rows above the cells (headers): kept in view when scrolling, with the first four columns. */
  readonly headerRows: number;
  readonly headerColumns: number;
  /** Column widths in characters, from the first column. */
  readonly widths: readonly number[];
}

const WORDS = {
  'zh-CN': {
    headers: ['单元格代码', '表格', '项目', '汇总'],
    file: '文件',
    included: '是否计入',
    yes: '计入',
    no: '未计入',
    errors: '错误 / 警告',
  },
  'en-US': {
    headers: ['Cell key', 'Table', 'Item', 'Merged'],
    file: 'File',
    included: 'Merged',
    yes: 'yes',
    no: 'no',
    errors: 'Errors / warnings',
  },
} as const;

/** The last part of a path (`a/b/单位.xlsx#Sheet` → `单位.xlsx#Sheet`). */
const fileName = (file: string): string => file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);

export function mergeDetail(result: MergeResult, locale: Locale): MergeDetail {
  const w = WORDS[locale];
  const version = effectiveFormat(result.report.profile);
  const units = result.units;
  const index = new Map(units.map((u, i) => [u.name, i]));
  const blank = ['', '', ''];
  const cells = getFormat(version).cells.map((cell): DetailValue[] => {
    const values: DetailValue[] = units.map(() => null);
    for (const c of result.cells[cell.key] ?? []) {
      const i = index.get(c.unit);
      if (i !== undefined) values[i] = shown(c.value);
    }
    return [
      cell.key,
      locale === 'zh-CN' ? TABLE_NAMES[cell.table].zh : TABLE_NAMES[cell.table].en,
      cellLabelParts(version, cell.key, locale).join(' · '),
      shown(result.report.values[cell.key]),
      ...values,
    ];
  });
  return {
    name: '汇总明细',
    rows: [
      [...w.headers, ...units.map((u) => u.name)],
      [w.file, ...blank, ...units.map((u) => fileName(u.file))],
      [w.included, ...blank, ...units.map((u) => (u.included ? w.yes : w.no))],
      [w.errors, ...blank, ...units.map((u) => `${u.errors} / ${u.warnings}`)],
      ...cells,
    ],
    headerRows: 4,
    headerColumns: 4,
    widths: [28, 12, 60, 12, ...units.map(() => 16)],
  };
}

const shown = (value: RawValue | undefined): DetailValue =>
  value === undefined || value === null ? null : typeof value === 'number' || typeof value === 'string' ? value : null;
