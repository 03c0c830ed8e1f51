// The fake host's events: registrations as Office.js keeps them (per event, per worksheet or for the whole
// collection, each with the request context it was added in), dispatch after the change (asynchronously,
// a one-way trip after it was applied), and a way for tests to wait until every handler has run and
// nothing more is under way.
import type { CellScalar, FakeValueType } from './fake-excel-engine';

export type FakeChangeType =
  | 'Unknown'
  | 'RangeEdited'
  | 'RowInserted'
  | 'RowDeleted'
  | 'ColumnInserted'
  | 'ColumnDeleted'
  | 'CellInserted'
  | 'CellDeleted';

/** Excel.ChangedEventDetail (ExcelApi 1.9): only on a change of one cell. */
export interface FakeChangedEventDetail {
  readonly valueBefore: CellScalar;
  readonly valueAfter: CellScalar;
  readonly valueTypeBefore: FakeValueType;
  readonly valueTypeAfter: FakeValueType;
}

/** Excel.WorksheetChangedEventArgs; `getRange` and `getRangeOrNullObject` (1.8) are not enumerable. */
export interface FakeWorksheetChangedEventArgs<Range = unknown, Context = unknown> {
  readonly type: 'WorksheetChanged';
  readonly worksheetId: string;
  /** Without the sheet: `B3`, `A1:C4`, `5:6` for whole rows. */
  readonly address: string;
  readonly changeType: FakeChangeType;
  readonly source: 'Local' | 'Remote';
  /** ExcelApi 1.14; absent below. */
  readonly triggerSource?: 'ThisLocalAddin' | 'Unknown';
  /** ExcelApi 1.9, and only when the change is one cell; absent otherwise. */
  readonly details?: FakeChangedEventDetail;
  getRange(context: Context): Range;
  getRangeOrNullObject(context: Context): Range;
}

export interface FakeWorksheetSelectionChangedEventArgs {
  readonly type: 'WorksheetSelectionChanged';
  readonly worksheetId: string;
  readonly address: string;
}

export interface FakeWorksheetAddedEventArgs {
  readonly type: 'WorksheetAdded';
  readonly worksheetId: string;
  readonly source: 'Local' | 'Remote';
}

export type FakeEventName = 'onChanged' | 'onSelectionChanged' | 'onAdded';

/** A worksheet's id, or COLLECTION for the WorksheetCollection's events (any sheet). */
export const COLLECTION = '(worksheets)';

export interface Registration {
  readonly event: FakeEventName;
  /** Resolved when the registration reaches Excel (at the sync). */
  target: string;
  readonly handler: (args: never) => unknown;
  /** The request context it was added in; only that one can remove it. */
  readonly context: object;
}

/** How many events one `settled` may see before it calls the add-in's reaction a loop. */
const STORM = 1000;

export class FakeEventHub {
  private registrations: Registration[] = [];
  private readonly pending = new Set<Promise<unknown>>();
  private readonly errors: unknown[] = [];
  private dispatched = 0;
  /** Syncs waiting for cell edit mode to end: `settled` does not wait for them (only the user can end it). */
  parked = 0;

  register(registration: Registration): void {
    this.registrations.push(registration);
  }

  unregister(match: (registration: Registration) => boolean): void {
    this.registrations = this.registrations.filter((r) => !match(r));
  }

  /** Handlers that an event on this sheet would reach (the sheet's own and the collection's). */
  listening(event: FakeEventName, sheetId: string): boolean {
    return this.registrations.some((r) => r.event === event && (r.target === sheetId || r.target === COLLECTION));
  }

  /** How many handlers are registered, for a test to check removal. */
  count(event?: FakeEventName): number {
    return this.registrations.filter((r) => event === undefined || r.event === event).length;
  }

  /** Something the fake host is still doing that may lead to events (a sync in flight). */
  track(work: Promise<unknown>): void {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.pending.add(settled);
    void settled.then(() => this.pending.delete(settled));
  }

  /**
   * Raises an event: after `delayMs` (the trip from Excel to the add-in), every handler registered at that
   * moment for the sheet or the collection is called with the args; their promises are awaited by `settled`.
   */
  emit(event: FakeEventName, sheetId: string, args: object, delayMs: number): void {
    const delivery = new Promise<void>((resolve) => {
      setTimeout(() => {
        this.dispatched += 1;
        const targets = this.registrations.filter(
          (r) => r.event === event && (r.target === sheetId || r.target === COLLECTION),
        );
        for (const registration of targets) {
          const handler = registration.handler as (args: object) => unknown;
          this.track(
            Promise.resolve()
              .then(() => handler(args))
              .catch((error: unknown) => {
                this.errors.push(error);
              }),
          );
        }
        resolve();
      }, delayMs);
    });
    this.track(delivery);
  }

  /**
   * Resolves when no event is on its way, no handler is running and no sync is in flight (but those parked
   * until cell edit mode ends), then after
   * `quietMs` of quiet still so. Rejects with the first error a handler threw (then forgets it), or when
   * more than STORM events were dispatched meanwhile: the add-in reacting to its own writes in a loop.
   */
  async settled(quietMs = 0): Promise<void> {
    const start = this.dispatched;
    for (;;) {
      while (this.pending.size > this.parked) {
        if (this.dispatched - start > STORM) {
          throw new Error(`More than ${STORM} events while settling: the handlers keep causing changes`);
        }
        await Promise.race([...this.pending]);
      }
      if (quietMs <= 0) break;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      if (this.pending.size <= this.parked) break;
    }
    if (this.errors.length > 0) {
      const [first] = this.errors.splice(0);
      throw first;
    }
  }
}
