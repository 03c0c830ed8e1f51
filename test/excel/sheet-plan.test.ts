import { columnWidthPoints, planSheet, protectionPlan, validationRule } from '../../src/excel/sheet-plan';
import { chunkAreas } from '../../src/excel/insert-template';
import { buildLayout, parseRangeA1 } from '../../src/layout';
import { SHEET_PROTECTION } from '../../src/layout/styles';
import type { SheetLayout } from '../../src/layout/types';
import { SMALL_LAYOUT } from './small-layout';

describe('columnWidthPoints', () => {
  it("converts the file's character width to points the way Excel draws it (7 px per character, 0.75 pt per px)", () => {
    expect(columnWidthPoints(8.43)).toBe(44.25); // 59 px
    expect(columnWidthPoints(9.140625)).toBe(48); // Excel's default column: 64 px
    expect(columnWidthPoints(7.5)).toBe(39); // 52 px
  });
});

describe('planSheet', () => {
  it('writes the whole used rectangle at once, blanks as empty strings', () => {
    const plan = planSheet(SMALL_LAYOUT);
    expect(plan.extentAddress).toBe('A1:C5');
    expect(plan.formulas).toHaveLength(5);
    expect(plan.formulas.every((row) => row.length === 3)).toBe(true);
    expect(plan.formulas[0]).toEqual(['标题', '', '']);
    expect(plan.formulas[2]).toEqual(["'2024", '', '']);
  });

  it('groups equal neighbouring column widths and row heights', () => {
    const plan = planSheet(SMALL_LAYOUT);
    expect(plan.columnWidths).toEqual([
      { address: 'A:A', points: 52.5 },
      { address: 'B:C', points: 39 },
    ]);
    expect(plan.rowHeights).toEqual([
      { address: '1:1', points: 30 },
      { address: '3:4', points: 20 },
    ]);
  });

  it('splits a style by border shape so that inside borders are set only across two or more rows or columns', () => {
    const groups = planSheet(SMALL_LAYOUT).styleGroups.filter((g) => g.styleName === 'label');
    expect(groups.map((g) => [g.insideHorizontal, g.insideVertical, g.addresses])).toEqual([
      [false, true, ['A5:C5']],
      [true, false, ['A2:A4']],
    ]);
  });

  it('unlocks every cell of a merged input area', () => {
    expect(planSheet(SMALL_LAYOUT).unlocked).toEqual(['B2:C3']);
  });

  it('refuses content under a merged area, which Excel would drop', () => {
    const layout: SheetLayout = {
      ...SMALL_LAYOUT,
      cells: [...SMALL_LAYOUT.cells, { row: 0, col: 1, role: 'title', value: 'lost', style: 'title' }],
    };
    expect(() => planSheet(layout)).toThrow('content under a merged area');
  });

  it('refuses an unknown style and a cell listed twice', () => {
    expect(() =>
      planSheet({ ...SMALL_LAYOUT, cells: [{ row: 0, col: 0, role: 'title', value: 'x', style: 'nope' }] }),
    ).toThrow('unknown style');
    expect(() => planSheet({ ...SMALL_LAYOUT, cells: [SMALL_LAYOUT.cells[0], SMALL_LAYOUT.cells[0]] })).toThrow(
      'twice',
    );
  });

  it('fills data cells from the values by key, and only data cells', () => {
    const plan = planSheet(SMALL_LAYOUT, { 'profile.agency': '某某局', 's2.regulation.issued': 0 });
    expect(plan.formulas[1][1]).toBe('');
    expect(plan.formulas[2][1]).toBe(0);
    expect(plan.formulas[2][2]).toBe('');
  });

  it('turns page breaks into the first cell of each new page, and print titles into whole rows', () => {
    expect(planSheet(SMALL_LAYOUT).print?.pageBreaks).toEqual(['A4']);
    expect(planSheet(SMALL_LAYOUT).print?.titleRows).toBe('2:2');
  });

  it.each(['2021', '2019'] as const)('validates each cell of the %s layout by one validation at most', (version) => {
    const seen = new Map<string, string>();
    for (const v of planSheet(buildLayout({ version })).validations) {
      const r = parseRangeA1(v.address);
      for (let i = 0; i < r.rows; i++) {
        for (let j = 0; j < r.cols; j++) {
          const cell = `${r.row + i},${r.col + j}`;
          expect([cell, seen.get(cell)]).toEqual([cell, undefined]);
          seen.set(cell, v.address);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(100);
  });
});

describe('protectionPlan', () => {
  it('maps every flag of the layout to its Office.js option', () => {
    const plan = protectionPlan(SHEET_PROTECTION);
    expect(Object.keys({ ...plan.options, ...plan.options17 })).toHaveLength(Object.keys(SHEET_PROTECTION).length - 1);
    expect(plan.options).toMatchObject({ allowInsertRows: false, allowDeleteRows: false, allowFormatRows: true });
    expect(protectionPlan({ ...SHEET_PROTECTION, insertRows: true, objects: true }).options.allowInsertRows).toBe(true);
    expect(protectionPlan({ ...SHEET_PROTECTION, objects: true }).options17.allowEditObjects).toBe(true);
    expect(protectionPlan({ ...SHEET_PROTECTION, selectLockedCells: false }).options17.selectionMode).toBe('Unlocked');
    expect(
      protectionPlan({ ...SHEET_PROTECTION, selectLockedCells: false, selectUnlockedCells: false }).options17
        .selectionMode,
    ).toBe('None');
    expect(() => protectionPlan({ ...SHEET_PROTECTION, selectUnlockedCells: false })).toThrow('locked cells only');
  });
});

describe('validationRule', () => {
  const spec = { range: { row: 0, col: 0, rows: 1, cols: 1 }, errorTitle: 't', errorMessage: 'm' };
  it('maps each validation kind to an Office.js rule', () => {
    expect(validationRule({ ...spec, kind: 'wholeNonNegative' })).toEqual({
      wholeNumber: { operator: 'GreaterThanOrEqualTo', formula1: 0 },
    });
    expect(validationRule({ ...spec, kind: 'decimalNonNegative' })).toEqual({
      decimal: { operator: 'GreaterThanOrEqualTo', formula1: 0 },
    });
    expect(validationRule({ ...spec, kind: 'list', list: ['是', '否'] })).toEqual({
      list: { inCellDropDown: true, source: '是,否' },
    });
    expect(validationRule({ ...spec, kind: 'year' })).toMatchObject({ wholeNumber: { operator: 'Between' } });
    expect(validationRule({ ...spec, kind: 'wholeAny' })).toMatchObject({ wholeNumber: { operator: 'Between' } });
  });
});

describe('chunkAreas', () => {
  it('joins addresses into chunks no longer than the limit', () => {
    const addresses = Array.from({ length: 40 }, (_, i) => `A${i + 1}:C${i + 1}`);
    const chunks = chunkAreas(addresses, 60);
    expect(chunks.every((c) => c.length <= 60)).toBe(true);
    expect(chunks.join(', ').split(', ')).toEqual(addresses);
  });
});
