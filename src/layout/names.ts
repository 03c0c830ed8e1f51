// The defined names of a report sheet: how a reader finds the tables and the profile again after
// rows were inserted above them or the sheet was renamed. Sheet-scoped, so that several report
// sheets can live in one workbook. Part of the workbook contract: never rename one.
import type { FormatVersion, TableId } from '../format';

/**
 * Bumped only when a reader must tell old sheets from new ones. Moving the status cells beside the
 * tables (out of print) did not: tables, data offsets and every name stayed as they were.
 */
export const LAYOUT_VERSION = 1;

/**
 * The layout versions the readers accept: every one released so far. A sheet marked with a later
 * version was made by a newer release and is refused rather than misread.
 */
export const READABLE_LAYOUT_VERSIONS = { min: 1, max: LAYOUT_VERSION } as const;

export const NAMES = {
  /** Marks a report sheet and its layout version (refers to the title cell). */
  layout: (layoutVersion: number): string => `NB_LAYOUT_V${layoutVersion}`,
  /** Marks which official version the tables are printed in (refers to the title cell). */
  tables: (version: FormatVersion): string => `NB_TABLES_${version}`,
  /** The profile area, and one name per profile input cell. */
  profile: 'NB_PROFILE',
  agency: 'NB_P_AGENCY',
  year: 'NB_P_YEAR',
  kind: 'NB_P_KIND',
  format: 'NB_P_FORMAT',
  regulations: 'NB_P_REGULATIONS',
  /** The block of a table that holds its data cells: every data cell is found by its offset in it. */
  table: (table: TableId): string => `NB_${table.toUpperCase()}`,
  /** The status cell of a table, beside it (right of the printed columns). */
  status: (table: TableId): string => `NB_${table.toUpperCase()}_STATUS`,
} as const;

export const LAYOUT_NAME = /^NB_LAYOUT_V(\d+)$/;
export const TABLES_NAME = /^NB_TABLES_(2019|2021)$/;
