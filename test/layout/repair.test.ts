// Checking and repairing a damaged report sheet by its labels (src/layout/repair.ts): the sheet is the
// layout as the live writer renders it (planSheet's grid), then rows are deleted or inserted as a user
// would, and the repair must find every value that is still on the sheet, in its own cell.
import { randomValidReport, seededRandom } from '../../src/bench/random-report';
import { planSheet } from '../../src/excel/sheet-plan';
import { buildLayout, buildSheetMap, type SheetLayout } from '../../src/layout';
import {
  alignRows,
  checkTemplate,
  planRepair,
  repairReadArea,
  UnrecognizedSheetError,
  type RepairCells,
} from '../../src/layout/repair';

type Grid = (string | number)[][];

function sheetOf(layout: SheetLayout, values: Record<string, number | string | null>): Grid {
  return planSheet(layout, values).formulas.map((row) => [...row]);
}

const cellsOf =
  (grid: Grid): RepairCells =>
  (row, col) => {
    const v = grid[row]?.[col];
    if (v === undefined || v === '') return { value: null };
    if (typeof v === 'string' && v.startsWith('=')) return { value: 0, formula: v };
    return { value: v };
  };

const deleteRow = (grid: Grid, row: number): Grid => grid.filter((_, i) => i !== row);
const insertRow = (grid: Grid, before: number): Grid => [
  ...grid.slice(0, before),
  grid[0].map(() => ''),
  ...grid.slice(before),
];

const layout = buildLayout({ version: '2021', year: 2024, agency: '某某区政务服务中心' });
const rows = repairReadArea(layout).rows;
const report = randomValidReport(seededRandom(7), '2021');
const values = { ...report.values, 'profile.agency': '某某区政务服务中心', 'profile.year': 2024 } as Record<
  string,
  number | string | null
>;
const rowOf = (key: string): number => layout.cells.find((c) => c.key === key)!.row;
const anchors = (shift: (name: string) => number) =>
  new Map(layout.names.map((n) => [n.name, { ...n.range, row: n.range.row + shift(n.name) }]));
const mapAsPlaced = buildSheetMap(
  layout,
  anchors(() => 0),
);

it('finds every row of an untouched sheet where it is, and the sheet sound', () => {
  const grid = sheetOf(layout, values);
  const alignment = alignRows(layout, cellsOf(grid), rows);
  expect(alignment.found.size).toBe(alignment.labelled.length);
  alignment.rows.forEach((r, i) => expect(r).toBe(i));
  expect(checkTemplate(layout, mapAsPlaced, cellsOf(grid), rows)).toEqual([]);
});

it('calls a deleted label row damage, and the repair keeps every value', () => {
  const header = rowOf('s3.new.business') - 1; // 商业企业 / 科研机构 … under 法人或其他组织
  const grid = deleteRow(sheetOf(layout, values), header);
  // Excel moves the names of what lies below up one row.
  const moved = buildSheetMap(
    layout,
    anchors((name) => (layout.names.find((n) => n.name === name)!.range.row > header ? -1 : 0)),
  );
  const problems = checkTemplate(layout, moved, cellsOf(grid), rows);
  expect(problems).toContainEqual(expect.objectContaining({ kind: 'rowMissing', row: header }));
  const plan = planRepair(layout, cellsOf(grid), rows);
  expect(plan.lost).toEqual([]);
  expect(plan.missingRows.map((m) => m.row)).toEqual([header]);
  for (const [key, value] of Object.entries(report.values)) expect([key, plan.values[key]]).toEqual([key, value]);
  expect(plan.values['profile.agency']).toBe('某某区政务服务中心');
});

it('gives back every value of a table with a row inserted inside it, and clears down to where the report now ends', () => {
  const inside = rowOf('s3.granted.natural');
  const grid = insertRow(sheetOf(layout, values), inside);
  grid[inside][3] = '用户加的行';
  const plan = planRepair(layout, cellsOf(grid), rows);
  expect(plan.lost).toEqual([]);
  for (const [key, value] of Object.entries(report.values)) expect([key, plan.values[key]]).toEqual([key, value]);
  expect(plan.clear.rows).toBe(layout.extent.rows + 1);
});

it('reports the values of a deleted data row as lost and places nothing in their cells', () => {
  const row = rowOf('s3.denied.secret.natural');
  const grid = deleteRow(sheetOf(layout, values), row);
  const plan = planRepair(layout, cellsOf(grid), rows);
  const gone = layout.cells.filter((c) => c.row === row && c.key).map((c) => c.key);
  expect([...plan.lost].sort()).toEqual([...gone].sort());
  for (const [key, value] of Object.entries(report.values)) {
    if (gone.includes(key)) expect(plan.values[key]).toBeUndefined();
    else expect([key, plan.values[key]]).toEqual([key, value]);
  }
});

it('keeps a formula the user typed into a data cell, and text as text', () => {
  const grid = sheetOf(layout, { ...values, 's3.new.otherOrg': '无' });
  const at = layout.cells.find((c) => c.key === 's3.new.natural')!;
  grid[at.row][at.col] = '=1+2';
  const plan = planRepair(layout, cellsOf(deleteRow(grid, rowOf('s3.new.natural') - 2)), rows);
  expect(plan.values['s3.new.natural']).toBe('=1+2');
  expect(plan.values['s3.new.otherOrg']).toBe('无');
});

it('does not take repeated headers for each other when one of them is deleted (表二’s 信息内容)', () => {
  const first = rowOf('s2.license.decisions') - 1; // 信息内容 | 本年处理决定数量 above 行政许可
  const grid = deleteRow(sheetOf(layout, values), first);
  const plan = planRepair(layout, cellsOf(grid), rows);
  expect(plan.missingRows.map((m) => m.row)).toEqual([first]);
  for (const [key, value] of Object.entries(report.values)) expect([key, plan.values[key]]).toEqual([key, value]);
});

it('accepts rows inserted between two tables (the names moved with them): no damage', () => {
  const between = rowOf('s3.new.natural') - 5; // the blank row before 三、
  const grid = insertRow(sheetOf(layout, values), between);
  const moved = buildSheetMap(
    layout,
    anchors((name) => (layout.names.find((n) => n.name === name)!.range.row >= between ? 1 : 0)),
  );
  expect(checkTemplate(layout, moved, cellsOf(grid), rows)).toEqual([]);
});

it('calls a blank row inserted between the header rows of a table damage', () => {
  const header = rowOf('s3.new.business') - 1;
  const grid = insertRow(sheetOf(layout, values), header);
  const moved = buildSheetMap(
    layout,
    anchors((name) => (layout.names.find((n) => n.name === name)!.range.row >= header ? 1 : 0)),
  );
  expect(checkTemplate(layout, moved, cellsOf(grid), rows).map((p) => p.kind)).toContain('rowsMoved');
});

it('refuses to place values on a sheet it does not recognise', () => {
  const grid: Grid = Array.from({ length: 60 }, (_, r) =>
    Array.from({ length: 17 }, (_, c) => (c === 0 ? `第${r}行` : r)),
  );
  expect(() => planRepair(layout, cellsOf(grid), rows)).toThrow(UnrecognizedSheetError);
});

it('repairs a 2019 sheet too', () => {
  const l2019 = buildLayout({ version: '2019', year: 2020 });
  const r2019 = randomValidReport(seededRandom(9), '2019');
  const grid = deleteRow(
    planSheet(l2019, r2019.values as Record<string, number>).formulas.map((r) => [...r]),
    3,
  );
  const plan = planRepair(l2019, cellsOf(grid), repairReadArea(l2019).rows);
  for (const [key, value] of Object.entries(r2019.values)) expect([key, plan.values[key]]).toEqual([key, value]);
});

describe('any one row deleted or inserted anywhere in the report', () => {
  const grid = sheetOf(layout, values);
  const keysOfRow = (row: number): string[] =>
    layout.cells.filter((c) => c.row === row && c.key !== undefined).map((c) => c.key as string);
  const rowsOfLayout = Array.from({ length: layout.extent.rows }, (_, r) => r);

  it.each(rowsOfLayout)('row %i deleted: every value of the other rows back in its own cell, none guessed', (row) => {
    const plan = planRepair(layout, cellsOf(deleteRow(grid, row)), rows);
    const gone = keysOfRow(row);
    if (row === layout.extent.rows - 1) {
      // The last row (table 四's data, no labels) deleted looks like a blank table 四: its cells come
      // back blank rather than listed as lost — never with a number.
      for (const key of gone) expect(plan.values[key] ?? null).toBeNull();
    } else expect([...plan.lost].sort()).toEqual([...gone].sort());
    for (const [key, value] of Object.entries(values))
      if (!gone.includes(key)) expect([key, plan.values[key]]).toEqual([key, value]);
  });

  it.each(rowsOfLayout)('a blank row inserted before row %i: every value back', (row) => {
    const plan = planRepair(layout, cellsOf(insertRow(grid, row)), rows);
    expect(plan.lost).toEqual([]);
    for (const [key, value] of Object.entries(values)) expect([key, plan.values[key]]).toEqual([key, value]);
  });
});
