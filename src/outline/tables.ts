// The three official tables as TableBlocks, laid out as FORMAT.md prints them (merged headers, exact
// labels from src/format), every data cell a figure tagged with its cell key. Column and row spans
// follow the Word model: a cell covered by another's span is not listed.
import { cellLabel, getCell, getFormat, type CellDef, type FormatVersion } from '../format';
import type { RawValue } from '../report';
import { figureText } from './figures';
import { cellTag, type FigureRun, type TableBlock, type TableCellBlock } from './types';

type Values = Readonly<Record<string, RawValue>>;

/** The figure of one data cell, as the tables and the sentences show it. */
export function cellFigure(version: FormatVersion, cell: CellDef, values: Values): FigureRun {
  return {
    kind: 'figure',
    tag: cellTag(cell.key),
    text: figureText(values[cell.key], cell.unit),
    alias: cellLabel(version, cell.key),
  };
}

const header = (text: string, colSpan = 1, rowSpan = 1): TableCellBlock => ({
  text,
  header: true,
  ...(colSpan > 1 ? { colSpan } : {}),
  ...(rowSpan > 1 ? { rowSpan } : {}),
});

const label = (text: string, colSpan = 1, rowSpan = 1): TableCellBlock => ({
  text,
  ...(colSpan > 1 ? { colSpan } : {}),
  ...(rowSpan > 1 ? { rowSpan } : {}),
});

const data = (figure: FigureRun, colSpan = 1): TableCellBlock => ({ figure, ...(colSpan > 1 ? { colSpan } : {}) });

function cellOf(version: FormatVersion, key: string): CellDef {
  const cell = getCell(version, key);
  if (!cell) throw new Error(`format ${version} has no cell ${key}`);
  return cell;
}

/**
 * s2: the label column and 3 data columns. Each block: its title across the table, a header row
 * starting with 信息内容, then its rows. A block with fewer than 3 columns widens its last one over the
 * rest (（五）（六）（八） of 2021 have one column across 3; 2019's （八）（九） have two, the second across 2).
 */
export function s2Table(version: FormatVersion, values: Values): TableBlock {
  const s2 = getFormat(version).s2;
  const width = s2.width;
  const spans = (n: number): number[] => Array.from({ length: n }, (_, i) => (i === n - 1 ? width - (n - 1) : 1));
  const rows: TableCellBlock[][] = [];
  for (const block of s2.blocks) {
    const colSpans = spans(block.columns.length);
    rows.push([header(block.title, width + 1)]);
    rows.push([header(s2.contentHeader.zh), ...block.columns.map((c, i) => header(c.label.zh, colSpans[i]))]);
    for (const row of block.rows) {
      rows.push([
        label(row.label.zh),
        ...block.columns.map((c, i) =>
          data(cellFigure(version, cellOf(version, `s2.${row.key}.${c.key}`), values), colSpans[i]),
        ),
      ]);
    }
  }
  return { kind: 'table', table: 's2', columns: width + 1, widths: [2, ...Array<number>(width).fill(1)], rows };
}

/** s3 label columns: 三、本年度办理结果 | the group or item (（一）…（七）) | the group's items. */
const S3_LABEL_COLUMNS = 3;

/**
 * s3: 3 label columns and the 7 applicant columns. Header: the 勾稽关系 caption over 3 × 3, 申请人情况
 * across the 7; 自然人 and 总计 two rows high, 法人或其他组织 over the 5 organisations. Rows: 一、二、四 across
 * the 3 label columns; 三、本年度办理结果 down over every outcome row (（七）总计 included); the groups
 * （三）（四）（五）（六） down over their items; ungrouped outcome rows across the 2 inner columns.
 */
export function s3Table(version: FormatVersion, values: Values): TableBlock {
  const s3 = getFormat(version).s3;
  const columns = s3.columns;
  const orgs = columns.slice(1, -1);
  const rows: TableCellBlock[][] = [
    [header(s3.identityCaption, S3_LABEL_COLUMNS, 3), header(s3.applicantHeader.zh, columns.length)],
    [
      header(columns[0].label.zh, 1, 2),
      header(s3.orgHeader.zh, orgs.length),
      header(columns[columns.length - 1].label.zh, 1, 2),
    ],
    orgs.map((c) => header(c.label.zh)),
  ];
  const outcomeRows = s3.rows.filter((r) => r.underOutcome).length;
  let outcomeStarted = false;
  let group: string | undefined;
  for (const row of s3.rows) {
    const cells: TableCellBlock[] = [];
    if (!row.underOutcome) {
      cells.push(label(row.label.zh, S3_LABEL_COLUMNS));
    } else {
      if (!outcomeStarted) {
        cells.push(label(s3.outcomeLabel.zh, 1, outcomeRows));
        outcomeStarted = true;
      }
      if (row.group) {
        if (row.group.key !== group) {
          const size = s3.rows.filter((r) => r.group?.key === row.group?.key).length;
          cells.push(label(row.group.label.zh, 1, size));
        }
        cells.push(label(row.label.zh));
      } else {
        cells.push(label(row.label.zh, S3_LABEL_COLUMNS - 1));
      }
    }
    group = row.group?.key;
    for (const column of columns)
      cells.push(data(cellFigure(version, cellOf(version, `s3.${row.key}.${column.key}`), values)));
    rows.push(cells);
  }
  return {
    kind: 'table',
    table: 's3',
    columns: S3_LABEL_COLUMNS + columns.length,
    widths: [1, 1.3, 3.6, ...Array<number>(columns.length).fill(1)],
    rows,
  };
}

/**
 * s4: 15 columns. 行政复议 over its 5 results, whose headers are 2 rows high; 行政诉讼 over 10, under it
 * 未经复议直接起诉 and 复议后起诉 over 5 each, then their results; one data row of 15 figures.
 */
export function s4Table(version: FormatVersion, values: Values): TableBlock {
  const { groups, results } = getFormat(version).s4;
  const width = results.length;
  const top: TableCellBlock[] = [];
  const middle: TableCellBlock[] = [];
  const bottom: TableCellBlock[] = [];
  let parentDone: string | undefined;
  for (const g of groups) {
    if (!g.parent) {
      top.push(header(g.label.zh, width));
      for (const r of results) middle.push(header(r.label.zh, 1, 2));
      continue;
    }
    if (g.parent.zh !== parentDone) {
      const span = groups.filter((x) => x.parent?.zh === g.parent?.zh).length * width;
      top.push(header(g.parent.zh, span));
      parentDone = g.parent.zh;
    }
    middle.push(header(g.label.zh, width));
    for (const r of results) bottom.push(header(r.label.zh));
  }
  const figures = groups.flatMap((g) =>
    results.map((r) => data(cellFigure(version, cellOf(version, `s4.${g.key}.${r.key}`), values))),
  );
  const columns = groups.length * width;
  return {
    kind: 'table',
    table: 's4',
    columns,
    widths: Array<number>(columns).fill(1),
    rows: [top, middle, bottom, figures],
  };
}
