// What the in-Excel driver needs from inside the pane's own page, where it runs (an add-in's Excel
// calls work only there):
//
// - Its writes are the user's. Excel marks every write made from the add-in's runtime as
//   `triggerSource: 'ThisLocalAddin'` (ExcelApi 1.14), and the pane ignores those by design (its own
//   writes must not validate themselves). So the change handlers the pane registers are wrapped: an
//   event Excel raises at the cells the driver has just written is handed on marked 'Unknown', as a
//   user's typing is. Every other event — the pane's own writes (修正), other sheets — passes
//   untouched, and below ExcelApi 1.14 there is no mark to change.
// - Counting the pane's `context.sync` calls (a scenario's `maxSyncs`) and knowing whether one is in
//   flight (the pane has settled only when none is), without counting the driver's own.
//
// Both are found from the objects Excel.run hands out (their prototypes), so the same code patches
// office.js in Excel and the fake host of test/support in the browser check.
import { parseAreas } from '../../src/layout/a1';
import type { CellRange } from '../../src/layout/types';

interface Handlers {
  add(handler: (args: unknown) => unknown): unknown;
  remove?(handler: (args: unknown) => unknown): unknown;
}

interface Syncing {
  sync(...args: unknown[]): PromiseLike<unknown>;
}

/** A write of the driver whose change event is still to come. */
interface PendingWrite {
  readonly worksheetId: string;
  readonly rects: readonly CellRange[];
  readonly at: number;
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

export class ExcelPatches {
  /** The pane's syncs so far. */
  paneSyncs = 0;
  /** The pane's syncs under way. */
  inFlight = 0;
  /** Events re-marked as the user's. */
  relabelled = 0;
  private installed = false;
  private readonly driverContexts = new WeakSet<object>();
  private pending: PendingWrite[] = [];
  private readonly decided = new WeakMap<object, unknown>();
  private readonly wrapped = new WeakMap<(args: unknown) => unknown, (args: unknown) => unknown>();

  /** Patches the prototypes behind a request context (call once, before the pane registers handlers). */
  install(context: object, someHandlers: object): void {
    if (this.installed) return;
    this.installed = true;
    this.patchSync(Object.getPrototypeOf(context) as Syncing);
    this.patchHandlers(Object.getPrototypeOf(someHandlers) as Handlers);
  }

  get isInstalled(): boolean {
    return this.installed;
  }

  /** A context of the driver's own: its syncs are not the pane's. */
  own(context: object): void {
    this.driverContexts.add(context);
  }

  /** The driver is about to write these cells of that sheet: their change event is the user's. */
  expectWrite(worksheetId: string, rects: readonly CellRange[]): void {
    this.pending.push({ worksheetId, rects, at: Date.now() });
  }

  /** Writes whose events have not arrived yet. */
  get pendingWrites(): number {
    return this.pending.length;
  }

  /** Forgets writes whose events never came (then nothing later is mistaken for them). */
  forgetPending(): void {
    this.pending = [];
  }

  private patchSync(proto: Syncing): void {
    const original = proto.sync;
    if (typeof original !== 'function') return;
    const countPane = (context: object): ((result: PromiseLike<unknown>) => PromiseLike<unknown>) | undefined => {
      if (this.driverContexts.has(context)) return undefined;
      this.paneSyncs += 1;
      this.inFlight += 1;
      const done = (): void => {
        this.inFlight -= 1;
      };
      return (result) => {
        result.then(done, done);
        return result;
      };
    };
    proto.sync = function patchedSync(this: object, ...args: unknown[]): PromiseLike<unknown> {
      const counted = countPane(this);
      const result = original.apply(this, args);
      return counted ? counted(result) : result;
    };
  }

  private patchHandlers(proto: Handlers): void {
    const add = proto.add;
    const remove = proto.remove;
    if (typeof add !== 'function') return;
    const wrap = (handler: (args: unknown) => unknown): ((args: unknown) => unknown) => this.wrap(handler);
    const wrapped = this.wrapped;
    proto.add = function patchedAdd(this: Handlers, handler: (args: unknown) => unknown): unknown {
      return add.call(this, wrap(handler));
    };
    if (typeof remove === 'function') {
      proto.remove = function patchedRemove(this: Handlers, handler: (args: unknown) => unknown): unknown {
        return remove.call(this, wrapped.get(handler) ?? handler);
      };
    }
  }

  private wrap(handler: (args: unknown) => unknown): (args: unknown) => unknown {
    const known = this.wrapped.get(handler);
    if (known) return known;
    const wrapper = (args: unknown): unknown => handler(this.relabel(args));
    this.wrapped.set(handler, wrapper);
    return wrapper;
  }

  /**
   * The event as the pane should see it: a driver's write as the user's, anything else as it came. An
   * event at a pending write's cells is that write's (below ExcelApi 1.14 it carries no mark to change).
   */
  private relabel(args: unknown): unknown {
    if (typeof args !== 'object' || args === null) return args;
    if (this.decided.has(args)) return this.decided.get(args);
    let out: unknown = args;
    const event = args as { type?: unknown; triggerSource?: unknown; worksheetId?: unknown; address?: unknown };
    // Only change events (a selection event has a sheet and an address too).
    const change = event.type === 'WorksheetChanged';
    if (change && typeof event.worksheetId === 'string' && typeof event.address === 'string') {
      const i = this.matchPending(event.worksheetId, event.address);
      if (i >= 0) {
        this.pending.splice(i, 1);
        if (event.triggerSource === 'ThisLocalAddin') {
          this.relabelled += 1;
          // Everything else of the event (address, details, getRange …) through the prototype chain.
          out = Object.create(args, { triggerSource: { value: 'Unknown', enumerable: true } });
        }
      }
    }
    this.decided.set(args, out);
    return out;
  }

  private matchPending(worksheetId: string, address: string): number {
    let areas: CellRange[];
    try {
      areas = parseAreas(address).map((a) => a.range);
    } catch {
      return -1;
    }
    return this.pending.findIndex(
      (p) => p.worksheetId === worksheetId && p.rects.some((r) => areas.some((a) => intersects(r, a))),
    );
  }
}
