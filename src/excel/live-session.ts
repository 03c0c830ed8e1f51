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
import { queueFormatProbes, queueFormatRestore, type ChangedArea, type WipedFormats } from './format-guard';
import { queuePlannedReports, surveyReportsInWorkbook, syncRead, type LiveReportSheet } from './read-report';
import { findDamagedSheets, repairReportSheet, type DamagedSheet, type RepairResult } from './repair-sheet';
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
  /**
   * The report sheets whose template is damaged (rows inserted or deleted inside a table, a label row
   * deleted, names broken), all of them, after each look at the workbook's structure: such a sheet is
   * not read until it is repaired.
   */
  onDamage(damaged: readonly DamagedSheet[]): void;
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
  /** Rebuilds a damaged sheet from the layout keeping its values (修复表格), then watches it again. */
  repair(sheet: string): Promise<RepairResult>;
  /** Passes run so far. */
  readonly passes: number;
  dispose(): Promise<void>;
}

interface Note {
  readonly sheet?: string;
  readonly keys: readonly string[];
  readonly local: boolean;
  /**
   * The workbook's structure may have changed: find the report sheets again first. `true` (rows moved,
   * a repair) reads the tables after it; 'sheets' (a sheet added) only when the report sheets changed.
   */
  readonly replan?: true | 'sheets';
  /** The address the user changed (a paste may have wiped the sheet's own formats there). */
  readonly address?: string;
}

/** Changed areas checked for wiped formats per pass, at most (a burst's latest). */
const MAX_PROBED_AREAS = 20;

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
  const plans: ReportSheetPlan[] = [];
  let damaged: DamagedSheet[] = [];
  /**
   * Finds the report sheets and checks their templates: the sheets whose names or labels are broken
   * are set apart (not read until repaired). Three syncs; runs at the start and after structural changes.
   */
  const survey = async (): Promise<boolean> => {
    const found = await runRetrying(run, async (context) => {
      const { plans: planned, unplanned } = await surveyReportsInWorkbook(context, {
        file: options.file,
        supports,
        locale: options.locale,
      });
      const broken = await findDamagedSheets(context, planned);
      return { planned, unplanned, broken };
    });
    const brokenSheets = new Set(found.broken.map((d) => d.sheet));
    const before = JSON.stringify(plans.map((p) => p.sheet));
    plans.splice(0, plans.length, ...found.planned.filter((p) => !brokenSheets.has(p.sheet)));
    const next: DamagedSheet[] = [
      ...found.unplanned.map((u) => ({ sheet: u.sheet, ...(u.version ? { version: u.version } : {}), problems: [] })),
      ...found.broken,
    ];
    const changed = JSON.stringify(next.map((d) => d.sheet)) !== JSON.stringify(damaged.map((d) => d.sheet));
    damaged = next;
    if (changed || next.length > 0) options.onDamage(damaged);
    return changed || before !== JSON.stringify(plans.map((p) => p.sheet));
  };
  await survey();
  const events = supports('ExcelApi', EVENTS_EXCEL_API);
  const idToSheet = new Map<string, string>();
  /** Each handler with the context it was added in: Office removes a handler only through that one. */
  const handlers: { result: OfficeExtension.EventHandlerResult<unknown>; context: Excel.RequestContext }[] = [];
  /** The profile cells were selected: leaving them re-validates (list picks fire no change on the web). */
  let inProfile: string | undefined;
  let disposed = false;

  const planOf = (sheet: string): ReportSheetPlan | undefined => plans.find((p) => p.sheet === sheet);
  const isReportSheet = (name: string): boolean => planOf(name) !== undefined || damaged.some((d) => d.sheet === name);

  const loop: ValidationLoop<Note> = createValidationLoop<Note>({
    run: async (notes) => {
      if (notes.some((n) => n.replan)) {
        const changed = await survey();
        await watchSheets();
        // A sheet added that is no report sheet changes nothing the pane shows.
        if (!changed && notes.every((n) => n.replan === 'sheets')) return;
      }
      const areas: ChangedArea[] = notes
        .filter((n) => n.local && n.sheet !== undefined && n.address !== undefined)
        .slice(-MAX_PROBED_AREAS)
        .map((n) => ({ sheet: n.sheet as string, address: n.address as string }));
      // One read: the tables' cells, and whether the changed cells kept their formats.
      const { sheets, wiped } = await runRetrying(run, async (context) => {
        const finish = queuePlannedReports(context, plans);
        const probe = queueFormatProbes(context, plans, areas, supports);
        await syncRead(context, options.locale);
        return { sheets: finish(), wiped: probe() };
      });
      const changed = new Map<string, string[]>();
      for (const note of notes) {
        if (!note.sheet) continue;
        const list = changed.get(note.sheet) ?? [];
        list.push(...note.keys);
        changed.set(note.sheet, list);
      }
      if (!disposed) options.onPass({ sheets, local: notes.some((n) => n.local), changed });
      // At most one write: the wiped formats back (only after this user's own changes).
      if (wiped.length > 0 && !disposed) await restoreFormats(wiped);
    },
    onError: options.onError,
  });

  const onChanged = (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
    const event: ChangeEvent = args;
    const verdict = classifyChange(event, new Set(idToSheet.keys()));
    if (verdict.kind === 'ignore') return Promise.resolve();
    const sheet = idToSheet.get(verdict.sheetId) ?? '';
    if (verdict.kind === 'structure') {
      // Rows inserted above a table or between tables move its names along: only a look at the names
      // and labels tells whether the template still holds.
      loop.notify({ sheet, keys: [], local: verdict.mayWrite, replan: true });
      return Promise.resolve();
    }
    const plan = planOf(sheet);
    const keys = plan ? keysOf(plan, verdict.address) : [];
    // A change outside every table (a note beside it) changes no finding.
    if (keys.length > 0) loop.notify({ sheet, keys, local: verdict.mayWrite, address: verdict.address });
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

  /** The sheet's own conditional formats and validations back where a paste wiped them; values untouched. */
  async function restoreFormats(wiped: readonly WipedFormats[]): Promise<void> {
    await runRetrying(run, async (context) => {
      context.runtime.enableEvents = false;
      try {
        for (const w of wiped) queueFormatRestore(context, w, supports);
        await context.sync();
      } finally {
        context.runtime.enableEvents = true;
        await context.sync();
      }
    });
  }

  /** Adds the change and selection handlers of report sheets not watched yet (damaged ones too). */
  async function watchSheets(): Promise<void> {
    if (!events) return;
    await runRetrying(run, async (context) => {
      const worksheets = context.workbook.worksheets.load('items/name,items/id');
      await context.sync();
      let added = false;
      for (const ws of worksheets.items) {
        if (!isReportSheet(ws.name) || idToSheet.has(ws.id)) continue;
        idToSheet.set(ws.id, ws.name);
        handlers.push({ result: ws.onChanged.add(onChanged), context });
        handlers.push({ result: ws.onSelectionChanged.add(onSelectionChanged), context });
        added = true;
      }
      if (added) await context.sync();
    });
  }

  /** A sheet was added (a copy of a report sheet keeps its names): look at the workbook again. */
  const onAdded = (): Promise<void> => {
    loop.notify({ keys: [], local: true, replan: 'sheets' });
    return Promise.resolve();
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
      // The button of hosts without change events: rows moved there raise nothing either.
      loop.notify({ keys: [], local: true, replan: true });
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
    async repair(sheet) {
      const version = damaged.find((d) => d.sheet === sheet)?.version;
      const result = await runRetrying(run, (context) =>
        repairReportSheet(context, sheet, { ...(version ? { version } : {}), supports, locale: options.locale }),
      );
      loop.notify({ sheet, keys: [], local: true, replan: true });
      await loop.idle();
      return result;
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
