// The live-validation use case, host-free: each pass's reports (from the Excel port) become findings
// (the rules, last year's sheet feeding the cross-year rules), dismissed warnings are set apart, and
// the pane gets one model per report sheet. Fix, dismiss, restore and locate go back through the port.
// The same controller runs over Office.js, the fake host of the tests, and a future host.
import type { FormatVersion, Locale } from '../../format';
import { effectiveFormat, ReportInputError, type Report, type StoredPrevious } from '../../report';
import { UnrecognizedSheetError, type TemplateProblem } from '../../layout/repair';
import { dismiss, partitionFindings, restore, validate, type Dismissal, type Finding } from '../../rules';
import { buildPaneModel, type PaneFinding, type PaneModel } from './pane-model';

/** One report sheet as a pass read it. */
export interface PortSheet {
  readonly sheet: string;
  readonly report: Report;
}

export interface PortPass {
  readonly sheets: readonly PortSheet[];
}

/** What the controller needs of a running watch (src/excel/live-session.ts gives it). */
export interface PortSession {
  readonly mode: 'events' | 'manual';
  recheck(): void;
  idle(): Promise<void>;
  select(sheet: string, keys: readonly string[]): Promise<void>;
  writeValue(sheet: string, key: string, value: number): Promise<void>;
  /** Rebuilds a damaged sheet's template keeping its values; says how many came back and which are lost. */
  repair(sheet: string): Promise<{ readonly kept: number; readonly lost: readonly string[] }>;
  dispose(): Promise<void>;
}

/** A report sheet whose template is damaged (not read until repaired). */
export interface PortDamage {
  readonly sheet: string;
  readonly problems: readonly TemplateProblem[];
}

export interface PortListener {
  onPass(pass: PortPass): void;
  /** Every damaged report sheet, after each look at the workbook's structure. */
  onDamage(damaged: readonly PortDamage[]): void;
  onSelection(sheet: string, key: string | undefined): void;
  onError(error: unknown): void;
}

/** The host side of live validation: one small port. */
export interface LivePort {
  start(listener: PortListener): Promise<PortSession>;
  readDismissals(sheet: string): Promise<readonly Dismissal[]>;
  writeDismissals(sheet: string, dismissals: readonly Dismissal[]): Promise<void>;
  /** Last year's reports imported into the workbook (导入上年报告), by sheet. */
  readPrevious(): Promise<ReadonlyMap<string, StoredPrevious>>;
  /** Stores (or, with undefined, removes) a sheet's imported last-year report. */
  writePrevious(sheet: string, stored: StoredPrevious | undefined): Promise<void>;
}

export interface SheetState {
  readonly sheet: string;
  readonly report: Report;
  readonly version: FormatVersion;
  readonly findings: readonly Finding[];
  readonly model: PaneModel;
  /** Where last year's figures come from: an imported report, or last year's sheet of the workbook. */
  readonly previous?:
    | { readonly kind: 'imported'; readonly source: string; readonly year?: number }
    | { readonly kind: 'sheet'; readonly sheet: string };
}

export interface LiveState {
  readonly mode?: 'events' | 'manual';
  readonly sheets: readonly SheetState[];
  /** The sheet whose findings the pane shows (the last one changed or selected). */
  readonly active?: string;
  readonly selection?: { readonly sheet: string; readonly key: string };
  readonly damaged: readonly DamagedState[];
  /** 修复表格 running, done or refused for a sheet (the last one asked). */
  readonly repair?: RepairState;
  readonly error?: unknown;
  /**
   * True from the creation of the controller until its watch has started and the first findings are
   * shown with their dismissals and last year's report (or the watch failed): the pane says it is busy.
   */
  readonly starting: boolean;
}

export interface DamagedState {
  readonly sheet: string;
  /** Labels of the layout's rows not found on the sheet. */
  readonly missingRows: readonly string[];
}

export type RepairState =
  | { readonly sheet: string; readonly phase: 'running' }
  | { readonly sheet: string; readonly phase: 'done'; readonly kept: number; readonly lost: readonly string[] }
  /** Too little of the template left to put values back by their labels: nothing was changed. */
  | { readonly sheet: string; readonly phase: 'refused' };

/**
 * Last year's report for each sheet: another report sheet of the workbook whose year is this one's
 * minus one (if exactly one such sheet exists), unless the report already carries one.
 */
export function pairWithPreviousYear(sheets: readonly PortSheet[]): PortSheet[] {
  return sheets.map((s) => {
    const year = s.report.profile.year;
    if (s.report.previous || year === undefined) return s;
    const candidates = sheets.filter((o) => o !== s && o.report.profile.year === year - 1);
    if (candidates.length !== 1) return s;
    const { previous: _ignored, ...previous } = candidates[0].report;
    void _ignored;
    return { sheet: s.sheet, report: { ...s.report, previous } };
  });
}

export interface LiveController {
  readonly state: LiveState;
  subscribe(listener: (state: LiveState) => void): () => void;
  start(): Promise<void>;
  recheck(): void;
  locate(sheet: string, finding: PaneFinding): Promise<void>;
  fix(sheet: string, finding: PaneFinding): Promise<void>;
  dismissFinding(sheet: string, finding: PaneFinding, reason: string): Promise<void>;
  restoreFinding(sheet: string, findingKey: string): Promise<void>;
  /** 修复表格: rebuilds the sheet's template from the layout, keeping its values. */
  repair(sheet: string): Promise<void>;
  /** 导入上年报告: stores last year's report for a sheet (the cross-year rules use it at once). */
  importPrevious(sheet: string, report: Report, source: string): Promise<void>;
  /** Forgets a sheet's imported last-year report. */
  removePrevious(sheet: string): Promise<void>;
  /** Resolves once the port has no pass running or waiting. */
  idle(): Promise<void>;
  dispose(): Promise<void>;
}

export function createLiveController(
  port: LivePort,
  options: { readonly locale: Locale; readonly currentYear: number; readonly now?: () => Date },
): LiveController {
  let state: LiveState = { sheets: [], damaged: [], starting: true };
  /** Findings are shown once the dismissals and last year's report are read, so that none flickers. */
  let loaded = false;
  let session: PortSession | undefined;
  let lastSheets: readonly PortSheet[] = [];
  const dismissals = new Map<string, readonly Dismissal[]>();
  let imported: ReadonlyMap<string, StoredPrevious> = new Map();
  const listeners = new Set<(s: LiveState) => void>();
  const now = options.now ?? (() => new Date());

  const set = (next: Partial<LiveState>): void => {
    state = { ...state, ...next };
    for (const l of listeners) l(state);
  };

  const evaluate = (sheets: readonly PortSheet[]): SheetState[] => {
    // An imported last-year report (the user's explicit choice) first; else last year's sheet.
    const withImported = sheets.map((s) => {
      const stored = imported.get(s.sheet);
      return stored && !s.report.previous ? { sheet: s.sheet, report: { ...s.report, previous: stored.report } } : s;
    });
    const paired = pairWithPreviousYear(withImported);
    return paired.map(({ sheet, report }, i) => {
      const findings = validate(report, { currentYear: options.currentYear });
      const partition = partitionFindings(findings, dismissals.get(sheet) ?? [], report);
      // The version the engine validated with (createContext), so that labels match the rules' cells.
      const version = effectiveFormat(report.profile);
      const stored = imported.get(sheet);
      const fromSheet =
        !stored && report.previous && !withImported[i].report.previous
          ? sheets.find((o) => o.sheet !== sheet && o.report.profile.year === report.previous?.profile.year)
          : undefined;
      const previous: SheetState['previous'] = stored
        ? {
            kind: 'imported',
            source: stored.source,
            ...(stored.report.profile.year !== undefined ? { year: stored.report.profile.year } : {}),
          }
        : fromSheet
          ? { kind: 'sheet', sheet: fromSheet.sheet }
          : undefined;
      return {
        sheet,
        report,
        version,
        findings,
        model: buildPaneModel(partition, version, options.locale),
        ...(previous ? { previous } : {}),
      };
    });
  };

  const refresh = (): void => {
    const sheets = evaluate(lastSheets);
    const active = state.active && sheets.some((s) => s.sheet === state.active) ? state.active : sheets[0]?.sheet;
    set({ sheets, ...(active !== undefined ? { active } : {}) });
  };

  const sheetState = (sheet: string): SheetState | undefined => state.sheets.find((s) => s.sheet === sheet);

  const findingOf = (sheet: string, findingKey: string): Finding | undefined =>
    sheetState(sheet)?.findings.find((f) => f.findingKey === findingKey);

  return {
    get state() {
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      try {
        session = await port.start({
          onPass: (pass) => {
            lastSheets = pass.sheets;
            if (loaded) refresh();
          },
          onDamage: (damaged) => {
            set({
              damaged: damaged.map((d) => ({
                sheet: d.sheet,
                missingRows: d.problems.flatMap((p) => (p.kind === 'rowMissing' && p.label !== '' ? [p.label] : [])),
              })),
            });
          },
          onSelection: (sheet, key) => {
            const { selection: _old, ...rest } = state;
            void _old;
            state = key === undefined ? rest : { ...rest, selection: { sheet, key } };
            set({ active: sheet });
          },
          onError: (error) => set({ error }),
        });
        set({ mode: session.mode });
        // The first pass tells which report sheets there are; their dismissals are read once, when the
        // watch starts (the pane is their only writer).
        await session.idle();
        for (const sheet of lastSheets.map((s) => s.sheet)) dismissals.set(sheet, await port.readDismissals(sheet));
        imported = await port.readPrevious();
        loaded = true;
        refresh();
        set({ starting: false });
      } catch (error) {
        loaded = true;
        // A workbook without report sheets is where every user starts: nothing to watch yet.
        if (error instanceof ReportInputError && error.code === 'WORKBOOK_NO_REPORT')
          set({ sheets: [], starting: false });
        else set({ error, starting: false });
      }
    },
    recheck() {
      session?.recheck();
    },
    async locate(sheet, finding) {
      await session?.select(sheet, finding.cells);
    },
    async fix(sheet, finding) {
      if (!finding.fix || !session) return;
      await session.writeValue(sheet, finding.fix.cell, finding.fix.value);
    },
    async dismissFinding(sheet, pane, reason) {
      const s = sheetState(sheet);
      const finding = findingOf(sheet, pane.findingKey);
      if (!s || !finding) return;
      const next = dismiss(dismissals.get(sheet) ?? [], finding, s.report, reason, now().toISOString());
      await port.writeDismissals(sheet, next);
      dismissals.set(sheet, next);
      refresh();
    },
    async restoreFinding(sheet, findingKey) {
      const next = restore(dismissals.get(sheet) ?? [], findingKey);
      await port.writeDismissals(sheet, next);
      dismissals.set(sheet, next);
      refresh();
    },
    async repair(sheet) {
      if (!session) return;
      set({ repair: { sheet, phase: 'running' } });
      try {
        const result = await session.repair(sheet);
        set({ repair: { sheet, phase: 'done', kept: result.kept, lost: result.lost } });
      } catch (error) {
        if (error instanceof UnrecognizedSheetError) {
          set({ repair: { sheet, phase: 'refused' } });
          return;
        }
        const { repair: _running, ...rest } = state;
        void _running;
        state = rest;
        set({});
        throw error;
      }
    },
    async importPrevious(sheet, report, source) {
      const { previous: _older, ...last } = report;
      void _older;
      const stored: StoredPrevious = { sheet, source, imported: now().toISOString(), report: last };
      await port.writePrevious(sheet, stored);
      imported = new Map([...imported, [sheet, stored]]);
      refresh();
    },
    async removePrevious(sheet) {
      await port.writePrevious(sheet, undefined);
      imported = new Map([...imported].filter(([s]) => s !== sheet));
      refresh();
    },
    idle: () => session?.idle() ?? Promise.resolve(),
    async dispose() {
      listeners.clear();
      await session?.dispose();
    },
  };
}
