// A small hand-made SheetLayout for the live writer's tests: a merged title, a profile input, two data
// cells with a name, a conditional fill and a validation, a status formula, and text that looks like
// numbers, dates and formulas.
import type { CellStyle, SheetLayout } from '../../src/layout/types';

const base: CellStyle = {
  fontName: '仿宋',
  fontSize: 10.5,
  bold: false,
  hAlign: 'center',
  vAlign: 'middle',
  wrap: true,
  border: true,
  locked: true,
};

export const SMALL_LAYOUT: SheetLayout = {
  version: '2021',
  layoutVersion: 1,
  sheetName: '2024年报表格',
  styles: {
    title: { ...base, fontName: '宋体', fontSize: 18, bold: true, border: false, wrap: false },
    label: { ...base, bold: true, fill: 'F2F2F2', fontColor: '595959' },
    input: { ...base, hAlign: 'left', locked: false },
    count: { ...base, numberFormat: '0', locked: false },
    status: { ...base, hAlign: 'left', vAlign: 'top' },
  },
  columnWidths: [10, 7.5, 7.5],
  rowHeights: [
    { row: 0, height: 30 },
    { row: 2, height: 20 },
    { row: 3, height: 20 },
  ],
  cells: [
    { row: 0, col: 0, role: 'title', value: '标题', style: 'title' },
    { row: 1, col: 0, role: 'profileLabel', value: '机关名称', style: 'label' },
    { row: 1, col: 1, role: 'profileInput', value: null, style: 'input', key: 'profile.agency' },
    { row: 2, col: 0, role: 'rowLabel', value: '2024', style: 'label' },
    { row: 2, col: 1, role: 'data', value: null, style: 'count', key: 's2.regulation.issued' },
    { row: 2, col: 2, role: 'data', value: null, style: 'count', key: 's2.regulation.repealed' },
    { row: 3, col: 0, role: 'note', value: '3月5日', style: 'label' },
    {
      row: 3,
      col: 1,
      role: 'status',
      value: null,
      style: 'status',
      formula: 'IF(AND(B3>=0,C3>=0),"校验通过","✖ 有负数")',
    },
    { row: 4, col: 0, role: 'note', value: '=不是公式', style: 'label' },
    { row: 4, col: 1, role: 'note', value: -5, style: 'label' },
    { row: 4, col: 2, role: 'note', value: 'TRUE', style: 'label' },
  ],
  merges: [
    { row: 0, col: 0, rows: 1, cols: 3 },
    { row: 1, col: 1, rows: 1, cols: 2 },
    { row: 3, col: 1, rows: 1, cols: 2 },
  ],
  names: [
    { name: 'NB_S2', range: { row: 2, col: 1, rows: 1, cols: 2 } },
    { name: 'NB_P_AGENCY', range: { row: 1, col: 1, rows: 1, cols: 1 } },
  ],
  conditionalFills: [
    { range: { row: 2, col: 1, rows: 1, cols: 2 }, formula: 'B3<0', fill: 'FFC7CE', fontColor: '9C0006' },
  ],
  validations: [
    {
      range: { row: 2, col: 1, rows: 1, cols: 2 },
      kind: 'wholeNonNegative',
      errorTitle: '请填写件数',
      errorMessage: '这里填写件数：0 或正整数。',
      prompt: '填写件数（整数），没有的填 0',
    },
  ],
  checks: [{ table: 's2', status: { row: 3, col: 1 }, data: { row: 2, col: 1, rows: 1, cols: 2 } }],
  extent: { row: 0, col: 0, rows: 5, cols: 3 },
  hideGridLines: true,
  pageBreaks: [3],
  print: {
    paper: 'A4',
    orientation: 'portrait',
    fitToWidth: true,
    area: { row: 0, col: 0, rows: 5, cols: 3 },
    titleRows: { row: 1, rows: 1 },
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75 },
  },
};

/** `supports` for an Excel that has every ExcelApi version up to `max`. */
export function upTo(max: string): (set: 'ExcelApi', version: string) => boolean {
  const parse = (v: string): number[] => v.split('.').map(Number);
  return (_set, version) => {
    const [a, b] = parse(version);
    const [x, y] = parse(max);
    return a < x || (a === x && b <= y);
  };
}
