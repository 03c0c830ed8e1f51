// What an Office change event means for validation. A pass re-reads the report's tables whatever the
// event says (multi-cell edits carry no before/after values), so the question is only: re-validate,
// check the template's structure, or ignore — and may the pass write?
//
// - The add-in's own writes: `triggerSource === 'ThisLocalAddin'` (ExcelApi 1.14) is ignored outright.
//   Below 1.14, own writes are silenced with `runtime.enableEvents = false` (1.8), and an event that
//   still arrives while an own write is in flight is re-checked by a pass that reads and, finding
//   nothing new, writes nothing: passes are idempotent, so an own write can never start a loop.
// - A co-author's edit (`source === 'Remote'`) is validated (the pane shows its findings) but the pass
//   never writes: the co-author's Excel does its own marking, and two writers would fight.
// - Rows or columns inserted or deleted inside a report sheet damage the template: the pane says so and
//   offers 修复表格.

/** The fields of Excel.WorksheetChangedEventArgs that decide (triggerSource is absent below 1.14). */
export interface ChangeEvent {
  readonly worksheetId: string;
  readonly address: string;
  readonly changeType: string;
  readonly source: string;
  readonly triggerSource?: string;
}

export type ChangeVerdict =
  | { readonly kind: 'ignore'; readonly why: 'ownWrite' | 'otherSheet' }
  | { readonly kind: 'validate'; readonly sheetId: string; readonly address: string; readonly mayWrite: boolean }
  | { readonly kind: 'structure'; readonly sheetId: string; readonly address: string; readonly mayWrite: boolean };

const STRUCTURAL = new Set([
  'RowInserted',
  'RowDeleted',
  'ColumnInserted',
  'ColumnDeleted',
  'CellInserted',
  'CellDeleted',
]);

export function classifyChange(event: ChangeEvent, reportSheetIds: ReadonlySet<string>): ChangeVerdict {
  if (event.triggerSource === 'ThisLocalAddin') return { kind: 'ignore', why: 'ownWrite' };
  if (!reportSheetIds.has(event.worksheetId)) return { kind: 'ignore', why: 'otherSheet' };
  // Without triggerSource, an event during an own write may be its echo or a user's keystroke: both are
  // re-checked, and the pass decides from the values whether anything needs writing.
  const base = { sheetId: event.worksheetId, address: event.address, mayWrite: event.source !== 'Remote' };
  if (STRUCTURAL.has(event.changeType)) return { kind: 'structure', ...base };
  return { kind: 'validate', ...base };
}
