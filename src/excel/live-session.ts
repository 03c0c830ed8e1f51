// Live validation's side in Office.js: find the report sheets, watch them for changes, and run one
// validation pass per burst of changes — one read (one sync) per pass, and writes only on the user's
// click (a fix) with the add-in's own events silenced. The pane gets each pass's reports and does the
// rest (rules, dismissals, rendering); this module never decides what is wrong.
//
// Event facts this follows (../shared/design/OFFICE-FACTS.md): onChanged is ExcelApi 1.7, the worksheet
// collection's onAdded 1.9, triggerSource 1.14, enableEvents 1.8; handlers die with the pane and are
// re-registered when it opens; a handler is removed in a batch run on the context it was added in;
// picking from a list validation fires no onChanged on the web, so a selection leaving the profile
// cells re-validates; a batch during cell editing waits (delayForCellEdit) or is retried.
import type { Locale } from '../format';
import { rangeA1 } from '../layout/a1';
import type { ReportSheetPlan } from '../layout/read-sheet';
import type { SupportsApi } from './api-support';
import { classifyChange, type ChangeEvent } from './changes';
import { planReportsInWorkbook, readPlannedReports, type LiveReportSheet } from './read-report';
import { createValidationLoop, type ValidationLoop } from './validation-loop';

/** Change events on a worksheet. */
export const EVENTS_EXCEL_API = '1.7';
/** `context.runtime.enableEvents`: silencing the add-in's own writes. */
export const ENABLE_EVENTS_EXCEL_API = '1.8';
/** Sheets added later (WorksheetCollection.onAdded) and selecting several areas at once. */
export const COLLECTION_EVENTS_EXCEL_API = '1.9';

/** `Excel.run`, with the options the live session needs; a context given runs the batch on it. */
export type ExcelRunner = <T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  context?: Excel.RequestContext,
) => Promise<T>;

export interface LivePass {
  /** Every report sheet as read in this pass, in sheet order. */
  readonly sheets: readonly LiveReportSheet[];
  /** Whether any change of the pass came from this user (a co-author's alone: nothing may be written). */
  readonly local: boolean;
  /** The keys the changes touched, per sheet (empty for a full re-check). */
  readonly changed: ReadonlyMap<string, readonly string[]>;
}

export interface LiveSessionOptions {
  readonly run: ExcelRunner;
  readonly supports: SupportsApi;
  /** Names the workbook in input errors. */
  readonly file: string;
  readonly locale: Locale;
  onPass(pass: LivePass): void;
  /** A report sheet's rows or columns were inserted or deleted, or its names no longer lead to its tables. */
  onDamage(sheet: string, error?: unknown): void;
  /** The selection moved to a data cell of a report sheet (undefined: outside every table). */
  onSelection?(sheet: string, key: string | undefined): void;
  onError(error: unknown): void;
}

export interface LiveSession {
  /** 'events': passes follow the user's changes; 'manual': this Excel has no change events (below 1.7). */
  readonly mode: 'events' | 'manual';
  readonly sheets: readonly string[];
  /** Re-read and re-validate everything now (the 重新校验 button; also after a fix). */
  recheck(): void;
  /** Resolves when no pass is running or waiting. */
  idle(): Promise<void>;
  /** Selects every cell of the keys (定位). */
  select(sheet: string, keys: readonly string[]): Promise<void>;
  /** Writes one value the user chose by a click (修正), then re-validates. */
  writeValue(sheet: string, key: string, value: number): Promise<void>;
  /** Passes run so far. */
  readonly passes: number;
  dispose(): Promise<void>;
}

interface Note {
  readonly sheet?: string;
  readonly keys: readonly string[];
  readonly local: boolean;
}

const EDIT_MODE = 'InvalidOperationInCellEditMode';
const EDIT_MODE_RETRIES = 5;

const isEditMode = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === EDIT_MODE;

/** Runs a batch, retrying while Excel is in cell-edit mode (delayForCellEdit is not honoured everywhere). */
async function runRetrying<T>(run: ExcelRunner, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run(batch);
    } catch (error) {
      if (!isEditMode(error) || attempt >= EDIT_MODE_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
}

/** The keys of a plan inside an address; an address the map cannot read touches no key. */
function keysOf(plan: ReportSheetPlan, address: string): string[] {
  try {
    return plan.map.keysIn(address);
  } catch {
    return [];
  }
}

export async function startLiveSession(options: LiveSessionOptions): Promise<LiveSession> {
  const { run, supports } = options;
  const plans: ReportSheetPlan[] = await runRetrying(run, (context) =>
    planReportsInWorkbook(context, { file: options.file, supports, locale: options.locale }),
  );
  const events = supports('ExcelApi', EVENTS_EXCEL_API);
  const idToSheet = new Map<string, string>();
  /** Each handler with the context it was added in: Office removes a handler only through that one. */
  const handlers: { result: OfficeExtension.EventHandlerResult<unknown>; context: Excel.RequestContext }[] = [];
  /** The profile cells were selected: leaving them re-validates (list picks fire no change on the web). */
  let inProfile: string | undefined;
  let disposed = false;

  const planOf = (sheet: string): ReportSheetPlan | undefined => plans.find((p) => p.sheet === sheet);

  const loop: ValidationLoop<Note> = createValidationLoop<Note>({
    run: async (notes) => {
      const sheets = await runRetrying(run, (context) => readPlannedReports(context, plans, options.locale));
      const changed = new Map<string, string[]>();
      for (const note of notes) {
        if (!note.sheet) continue;
        const list = changed.get(note.sheet) ?? [];
        list.push(...note.keys);
        changed.set(note.sheet, list);
      }
      if (!disposed) options.onPass({ sheets, local: notes.some((n) => n.local), changed });
    },
    onError: options.onError,
  });

  const onChanged = (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
    const event: ChangeEvent = args;
    const verdict = classifyChange(event, new Set(idToSheet.keys()));
    if (verdict.kind === 'ignore') return Promise.resolve();
    const sheet = idToSheet.get(verdict.sheetId) ?? '';
    if (verdict.kind === 'structure') {
      options.onDamage(sheet);
      return Promise.resolve();
    }
    const plan = planOf(sheet);
    const keys = plan ? keysOf(plan, verdict.address) : [];
    // A change outside every table (a note beside it) changes no finding.
    if (keys.length > 0) loop.notify({ sheet, keys, local: verdict.mayWrite });
    return Promise.resolve();
  };

  const onSelectionChanged = (args: Excel.WorksheetSelectionChangedEventArgs): Promise<void> => {
    const sheet = idToSheet.get(args.worksheetId);
    const plan = sheet === undefined ? undefined : planOf(sheet);
    if (!plan || sheet === undefined) return Promise.resolve();
    const keys = keysOf(plan, args.address);
    const key = keys.find((k) => !k.startsWith('profile.'));
    if (inProfile !== undefined && !keys.some((k) => k.startsWith('profile.'))) {
      loop.notify({ sheet: inProfile, keys: [], local: true });
      inProfile = undefined;
    }
    if (keys.some((k) => k.startsWith('profile.'))) inProfile = sheet;
    options.onSelection?.(sheet, key);
    return Promise.resolve();
  };

  /** Adds the change and selection handlers of report sheets not watched yet. */
  const watchSheets = (): Promise<void> =>
    runRetrying(run, async (context) => {
      const worksheets = context.workbook.worksheets.load('items/name,items/id');
      await context.sync();
      for (const ws of worksheets.items) {
        if (!planOf(ws.name) || idToSheet.has(ws.id)) continue;
        idToSheet.set(ws.id, ws.name);
        handlers.push({ result: ws.onChanged.add(onChanged), context });
        handlers.push({ result: ws.onSelectionChanged.add(onSelectionChanged), context });
      }
      await context.sync();
    });

  /** A sheet was added (a copy of a report sheet keeps its names): plan again and watch the new ones. */
  const onAdded = async (): Promise<void> => {
    try {
      const fresh = await runRetrying(run, (context) =>
        planReportsInWorkbook(context, { file: options.file, supports, locale: options.locale }),
      );
      if (fresh.length === plans.length) return;
      plans.splice(0, plans.length, ...fresh);
      await watchSheets();
      loop.notify({ keys: [], local: true });
    } catch (error) {
      options.onError(error);
    }
  };

  if (events) {
    await watchSheets();
    if (supports('ExcelApi', COLLECTION_EVENTS_EXCEL_API)) {
      await runRetrying(run, async (context) => {
        handlers.push({ result: context.workbook.worksheets.onAdded.add(onAdded), context });
        await context.sync();
      });
    }
  }

  // The first pass: what the workbook holds when the pane opens.
  loop.notify({ keys: [], local: true });

  return {
    mode: events ? 'events' : 'manual',
    get sheets() {
      return plans.map((p) => p.sheet);
    },
    recheck() {
      loop.notify({ keys: [], local: true });
    },
    idle: () => loop.idle(),
    get passes() {
      return loop.passes;
    },
    async select(sheet, keys) {
      const plan = planOf(sheet);
      if (!plan) return;
      // Last year's cells are on last year's sheet: 定位 selects this year's.
      const addresses = keys
        .filter((k) => !k.startsWith('previous.'))
        .map((k) => plan.map.rectOf(k))
        .filter((r): r is NonNullable<typeof r> => r !== undefined)
        .map((r) => rangeA1(r));
      if (addresses.length === 0) return;
      await runRetrying(run, async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        if (addresses.length > 1 && supports('ExcelApi', COLLECTION_EVENTS_EXCEL_API))
          ws.getRanges(addresses.join(',')).select();
        else ws.getRange(addresses[0]).select();
        await context.sync();
      });
    },
    async writeValue(sheet, key, value) {
      const rect = planOf(sheet)?.map.rectOf(key);
      if (!rect) return;
      const silence = supports('ExcelApi', ENABLE_EVENTS_EXCEL_API);
      await runRetrying(run, async (context) => {
        if (silence) context.runtime.enableEvents = false;
        try {
          context.workbook.worksheets.getItem(sheet).getRangeByIndexes(rect.row, rect.col, 1, 1).values = [[value]];
          await context.sync();
        } finally {
          if (silence) {
            context.runtime.enableEvents = true;
            await context.sync();
          }
        }
      });
      loop.notify({ sheet, keys: [key], local: true });
    },
    async dispose() {
      disposed = true;
      loop.dispose();
      const contexts = new Set(handlers.map((h) => h.context));
      for (const context of contexts) {
        await run(async (c) => {
          for (const h of handlers) if (h.context === context) h.result.remove();
          await c.sync();
        }, context);
      }
      handlers.length = 0;
    },
  };
}
