// The shape of the row guidance (../shared/spec/GUIDANCE.md) each locale fills in: what a row counts,
// the article of 《中华人民共和国政府信息公开条例》 it falls under, and the rules shown beside it.
import type { FormatVersion } from '../../format';

/** The guidance for one row of a table. */
export interface RowGuidance {
  /** What the row counts, in a sentence or two. */
  readonly counts: string;
  /**
   * The article of the 条例 the row falls under, exactly as GUIDANCE.md cites it and in Chinese in
   * every locale (`第三十六条第（四）（五）项`); absent where GUIDANCE.md gives none.
   */
  readonly article?: string;
  /** Further points that people get wrong, one sentence each. */
  readonly notes?: readonly string[];
}

/** The guidance of one version's rows, keyed `table.rowKey` (`s3.denied.secret`, `s2.fee`, `s4.review`). */
export type RowGuidanceMap = Readonly<Record<string, RowGuidance>>;

/** Every guidance text of one locale. */
export interface GuidanceStrings {
  /** The general counting rules of 表三, shown with every s3 row. */
  readonly general: readonly string[];
  /** Per version: a row's meaning can differ between versions (2019 s2 counts items, not documents). */
  readonly rows: Readonly<Record<FormatVersion, RowGuidanceMap>>;
  /** A table-level text shown with every row of the table. */
  readonly tables: Readonly<Partial<Record<'s2' | 's3' | 's4', string>>>;
}

/** What the task pane shows for a data cell. */
export interface CellGuidance {
  readonly row: RowGuidance;
  /** The general counting rules: non-empty exactly for 表三's cells. */
  readonly general: readonly string[];
  readonly table?: string;
}
