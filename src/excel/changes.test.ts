import { classifyChange, type ChangeEvent } from './changes';

const REPORT = new Set(['{sheet-1}']);
const edit = (over: Partial<ChangeEvent> = {}): ChangeEvent => ({
  worksheetId: '{sheet-1}',
  address: 'D30',
  changeType: 'RangeEdited',
  source: 'Local',
  ...over,
});

describe('what a change event means', () => {
  it('a local edit of a report sheet: validate, and the pass may write', () => {
    expect(classifyChange(edit(), REPORT)).toEqual({
      kind: 'validate',
      sheetId: '{sheet-1}',
      address: 'D30',
      mayWrite: true,
    });
  });

  it('a multi-area paste keeps its whole address for the sheet map', () => {
    expect(classifyChange(edit({ address: 'D30:J54, L2' }), REPORT)).toMatchObject({ address: 'D30:J54, L2' });
  });

  it('the add-in’s own write (ExcelApi 1.14) is ignored', () => {
    expect(classifyChange(edit({ triggerSource: 'ThisLocalAddin' }), REPORT)).toEqual({
      kind: 'ignore',
      why: 'ownWrite',
    });
  });

  it('a co-author’s edit is validated but never written to', () => {
    expect(classifyChange(edit({ source: 'Remote', triggerSource: 'Unknown' }), REPORT)).toMatchObject({
      kind: 'validate',
      mayWrite: false,
    });
  });

  it('another sheet is none of its business', () => {
    expect(classifyChange(edit({ worksheetId: '{sheet-2}' }), REPORT)).toEqual({ kind: 'ignore', why: 'otherSheet' });
  });

  it.each(['RowInserted', 'RowDeleted', 'ColumnInserted', 'ColumnDeleted', 'CellInserted', 'CellDeleted'])(
    '%s is a change of the template’s structure',
    (changeType) => {
      expect(classifyChange(edit({ changeType }), REPORT)).toMatchObject({ kind: 'structure', mayWrite: true });
    },
  );

  it.each(['Unknown', 'Others'])('%s (a fill, an undo, a sort) is re-validated', (changeType) => {
    expect(classifyChange(edit({ changeType }), REPORT)).toMatchObject({ kind: 'validate' });
  });
});
