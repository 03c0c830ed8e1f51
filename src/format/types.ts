// The shapes of the official report format (FORMAT.md). Pure data types; no logic.

/** The two official versions of the report format. */
export type FormatVersion = '2021' | '2019';
export const FORMAT_VERSIONS: readonly FormatVersion[] = ['2021', '2019'];

export type TableId = 's2' | 's3' | 's4';

/**
 * What a data cell holds.
 * - `count`: a whole number ≥ 0
 * - `signedCount`: a whole number that may be negative (2019 本年增/减)
 * - `wanyuan`: an amount in 万元 ≥ 0, at most 4 decimals
 * - `decimal`: a decimal ≥ 0 whose unit the format does not fix (2019 采购总金额)
 */
export type Unit = 'count' | 'signedCount' | 'wanyuan' | 'decimal';

/** A printed label with an English gloss for the en-US locale. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

export interface CellDef {
  /** The stable cell key, e.g. `s3.denied.secret.total`. */
  readonly key: string;
  readonly table: TableId;
  readonly unit: Unit;
  /** Row key within the table (`denied.secret`, `license`, `review`). */
  readonly row: string;
  /** Column key within the table (`natural`, `issued`, `upheld`). */
  readonly col: string;
  /** Position in the version's cell list (stable for one version). */
  readonly index: number;
}

// ---- s2 ----------------------------------------------------------------------------------------

export interface S2Column {
  readonly key: string;
  readonly label: Label;
  readonly unit: Unit;
}

export interface S2Row {
  readonly key: string;
  readonly label: Label;
}

/** One block of table s2: a title row, a header row starting with 信息内容, then data rows. */
export interface S2Block {
  /** e.g. `第二十条第（一）项` */
  readonly title: string;
  readonly rows: readonly S2Row[];
  readonly columns: readonly S2Column[];
}

export interface S2Table {
  readonly id: 's2';
  readonly blocks: readonly S2Block[];
  /** Data columns of the printed table (label column excluded). */
  readonly width: number;
  /** The label column's header in every block (`信息内容`). */
  readonly contentHeader: Label;
}

// ---- s3 ----------------------------------------------------------------------------------------

export interface S3Column {
  readonly key: string;
  readonly label: Label;
}

/** A group of outcome rows printed with a label merged down over its items (（三）不予公开 …). */
export interface S3Group {
  readonly key: string;
  readonly label: Label;
}

export interface S3Row {
  /** Row key: `new`, `granted`, `denied.secret`, `other`, `total`, … */
  readonly key: string;
  /** The row's own printed label (the innermost one). */
  readonly label: Label;
  /** For items of （三）（四）（五）（六）: the group they sit under. */
  readonly group?: S3Group;
  /** Part of 三、本年度办理结果 (every row between 二 and 四). */
  readonly underOutcome: boolean;
  /** An outcome row that is summed into （七）总计 (excludes 总计 itself). */
  readonly isOutcomeItem: boolean;
}

export interface S3Table {
  readonly id: 's3';
  readonly columns: readonly S3Column[];
  readonly rows: readonly S3Row[];
  /** Label of the merged level-1 cell over the outcome rows. */
  readonly outcomeLabel: Label;
  /** The caption in the top-left header cell. */
  readonly identityCaption: string;
  readonly applicantHeader: Label;
  readonly orgHeader: Label;
}

// ---- s4 ----------------------------------------------------------------------------------------

export interface S4Group {
  readonly key: string;
  readonly label: Label;
  /** For the two 行政诉讼 groups: the label printed above them. */
  readonly parent?: Label;
}

export interface S4Result {
  readonly key: string;
  readonly label: Label;
}

export interface S4Table {
  readonly id: 's4';
  readonly groups: readonly S4Group[];
  readonly results: readonly S4Result[];
}

// ---- sections ----------------------------------------------------------------------------------

export interface SectionDef {
  /** 1..6 */
  readonly number: number;
  /** The heading as printed in the 2021 format, e.g. `二、主动公开政府信息情况`. */
  readonly heading: string;
  /** Other headings seen in published reports that importers accept. */
  readonly variants: readonly string[];
  readonly table?: TableId;
  readonly en: string;
}

export interface FormatDef {
  readonly version: FormatVersion;
  /** The document that defines this version. */
  readonly document: string;
  readonly s2: S2Table;
  readonly s3: S3Table;
  readonly s4: S4Table;
  readonly sections: readonly SectionDef[];
  /** Every data cell in printed order: s2, then s3 row by row, then s4. */
  readonly cells: readonly CellDef[];
}

export type Locale = 'zh-CN' | 'en-US';
