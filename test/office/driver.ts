// The scenario driver inside desktop Excel. It runs in the test flavour of the task pane
// (test-taskpane.html: the production pane UI plus this), plays the plan's scenarios one after the
// other in the sideloaded workbook and sends each one's results to office-addin-test-server with
// office-addin-test-helpers; the Node side (excel.office.ts) compares them with the `expect`s.
//
// Each step as test/e2e/run.mjs plays it, as far as real Excel allows:
// - `insert` through the pane's own form; `fix`, `dismiss`, `restore`, `recheck` by clicking the
//   pane's buttons; `type`, `paste`, `clear`, `zero` as Excel.run writes to the cells of the keys
//   (found through the sheet's defined names, src/excel/read-report + the sheet map, as
//   test/e2e/host.ts finds them), `select` as Range.select;
// - `reload` as window.location.reload, the driver's state kept in sessionStorage;
// - `remote` cannot be simulated (a co-author's edit needs a second Excel): that step and the ones after
//   it are reported as skipped.
// After each step it waits for the pane to settle (no sync of the pane under way and its DOM still for
// a while), reads the findings from the DOM, and checks, as run.mjs does, that no value it typed
// changed without a click. Before each scenario the workbook is emptied — only the sideloaded test
// workbook (its name carries the test add-in's id), never another — and the pane reloaded.
//
// The browser check (driver.test.ts) runs this same code over the fake host, with the test-server
// transport and the workbook reset (the fake has no Worksheet.delete) replaced through
// `window.nianbaoOfficeTestHooks`.
import { pingTestServer, sendTestResults } from 'office-addin-test-helpers';
import { writeLayoutToWorkbook } from '../../src/excel/insert-template';
import { buildProfileXml } from '../../src/excel/profile-xml';
import { planReportsInWorkbook } from '../../src/excel/read-report';
import { buildLayout } from '../../src/layout';
import { rangeA1 } from '../../src/layout/a1';
import type { ReportSheetPlan } from '../../src/layout/read-sheet';
import type { CellRange } from '../../src/layout/types';
import { ExcelPatches } from './excel-patches';
import {
  buttonWhere,
  dismissedItem,
  fill,
  findingItem,
  fixButton,
  paneLocale,
  paneReady,
  paneStrings,
  shown,
  sleep,
  paneBusy,
  waitFor,
} from './pane-dom';
import {
  compactResult,
  PLAN_FILE,
  unplayableStep,
  type Plan,
  type PlanEntry,
  type Scalar,
  type Scenario,
  type ScenarioResult,
  type ScenarioStep,
  type StepResult,
} from './scenario';

export interface Timing {
  /** Before looking for the pane to settle: Excel's change event is on its way. */
  readonly eventMs: number;
  /** How long a write's change event may take to arrive. */
  readonly eventWaitMs: number;
  readonly pollMs: number;
  /** Settled: this many polls in a row with the same DOM and no sync of the pane in flight. */
  readonly quietPolls: number;
  readonly maxSettleMs: number;
  /** How long 插入官方表格 may take. */
  readonly insertMs: number;
  /** How long to wait for the test server to answer a ping. */
  readonly serverMs: number;
}

/** Desktop Excel: events and syncs take tens to hundreds of milliseconds. */
const EXCEL_TIMING: Timing = {
  eventMs: 300,
  eventWaitMs: 5000,
  pollMs: 100,
  quietPolls: 6,
  maxSettleMs: 30000,
  insertMs: 60000,
  serverMs: 60000,
};

/** What a harness may put in place of the parts that need Office's test server or a real workbook. */
export interface DriverHooks {
  plan?(): Promise<Plan>;
  ping?(port: number): Promise<boolean>;
  send?(port: number, result: ScenarioResult): Promise<boolean>;
  /** Empties the workbook (and adds last year's sheet) before a scenario; the page reloads after. */
  prepareWorkbook?(entry: PlanEntry): Promise<void>;
  /** Resolves when the host has no event or sync under way (the fake host knows). */
  settled?(): Promise<void>;
  /** After the last scenario (Excel: the test workbook is closed without saving). */
  finish?(): Promise<void>;
  readonly timing?: Partial<Timing>;
}

declare global {
  interface Window {
    nianbaoOfficeTestHooks?: DriverHooks;
  }
}

const STATE_KEY = 'nianbao.officeTest.state';

interface DriverState {
  runId: string;
  index: number;
  phase: 'prepare' | 'open' | 'steps';
  /** The next step to play. */
  step: number;
  /** Step `step` is a reload under way: record it once the pane is back. */
  reloading: boolean;
  steps: StepResult[];
  failures: string[];
  notes: string[];
  typed: [string, Scalar | null][];
}

const freshState = (runId: string, index = 0): DriverState => ({
  runId,
  index,
  phase: 'prepare',
  step: 0,
  reloading: false,
  steps: [],
  failures: [],
  notes: [],
  typed: [],
});

function loadState(runId: string): DriverState | undefined {
  try {
    const text = window.sessionStorage.getItem(STATE_KEY);
    const state = text ? (JSON.parse(text) as DriverState) : undefined;
    return state && state.runId === runId ? state : undefined;
  } catch {
    return undefined;
  }
}

const saveState = (state: DriverState): void => window.sessionStorage.setItem(STATE_KEY, JSON.stringify(state));

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0];

const same = (a: unknown, b: unknown): boolean =>
  a === b || (a !== null && b !== null && a !== undefined && b !== undefined && String(a) === String(b));

/** A line at the top of the pane saying what the driver does (for whoever watches Excel). */
function banner(text: string): void {
  let el = document.getElementById('nianbao-office-test');
  if (!el && !document.body) return;
  if (!el) {
    el = document.createElement('div');
    el.id = 'nianbao-office-test';
    el.setAttribute('role', 'note');
    el.style.cssText = 'font: 12px sans-serif; padding: 4px 8px; background: #fff4ce; color: #333';
    document.body.insertBefore(el, document.body.firstChild);
  }
  el.textContent = `Office 端到端测试 / Office end-to-end test: ${text}`;
}

const testServer = {
  async ping(port: number): Promise<boolean> {
    try {
      return (await pingTestServer(port)).status === 200;
    } catch {
      return false;
    }
  },
  /** In the URL's query, as the test server reads it: kept short (compactResult). */
  send: (port: number, result: ScenarioResult): Promise<boolean> => sendTestResults(compactResult(result), port),
};

export class Driver {
  private readonly patches = new ExcelPatches();
  private readonly timing: Timing;
  private readonly sheetIds = new Map<string, string>();
  private plan!: Plan;
  private state!: DriverState;

  constructor(private readonly hooks: DriverHooks = {}) {
    this.timing = { ...EXCEL_TIMING, ...(hooks.timing ?? {}) };
  }

  private supports = (set: 'ExcelApi', version: string): boolean =>
    Office.context.requirements.isSetSupported(set, version);

  /** Excel.run for the driver's own batches (their syncs are not the pane's). */
  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return Excel.run({ delayForCellEdit: true }, (context) => {
      this.patches.own(context);
      return batch(context);
    });
  }

  /** Patches the request context's and the event handlers' prototypes (see excel-patches.ts). */
  async install(): Promise<void> {
    try {
      await Excel.run(async (context) => {
        this.patches.install(context, context.workbook.worksheets.getActiveWorksheet().onChanged);
      });
    } catch (error) {
      console.error(error);
    }
  }

  async start(): Promise<void> {
    await this.install();
    if (document.readyState === 'loading') {
      await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
    }
    this.plan = await (this.hooks.plan ? this.hooks.plan() : fetchPlan());
    const resumed = loadState(this.plan.runId);
    this.state = resumed ?? freshState(this.plan.runId);
    if (!resumed) {
      banner('正在连接测试服务器… / connecting to the test server…');
      if (!(await this.waitForServer(this.plan.basePort))) {
        banner('找不到测试服务器，未运行 / no test server: not run');
        return;
      }
    }
    await this.loop();
  }

  private async waitForServer(port: number): Promise<boolean> {
    const until = Date.now() + this.timing.serverMs;
    for (;;) {
      if (await (this.hooks.ping ?? testServer.ping)(port)) return true;
      if (Date.now() > until) return false;
      await sleep(1000);
    }
  }

  private async deliver(result: ScenarioResult): Promise<void> {
    const port = this.plan.basePort + this.state.index;
    const send = this.hooks.send ?? testServer.send;
    // Every scenario's server listens from the start; a failed send is retried for a while.
    for (let attempt = 0; attempt < 30; attempt++) {
      try {
        if (await send(port, result)) return;
      } catch {
        // retried below
      }
      await sleep(1000);
    }
    banner(`结果未能发送到端口 ${port} / results could not be sent to port ${port}`);
  }

  private next(): void {
    this.state = freshState(this.plan.runId, this.state.index + 1);
    saveState(this.state);
  }

  private result(entry: PlanEntry): ScenarioResult {
    const notes = [...this.state.notes];
    if (!this.patches.isInstalled)
      notes.push('未能包装任务窗格的事件处理程序：驱动的写入可能被当作加载项自己的写入而忽略');
    return {
      file: entry.file,
      locale: paneLocale(),
      steps: this.state.steps,
      failures: this.state.failures,
      ...(notes.length > 0 ? { notes } : {}),
      ...(entry.skip !== undefined ? { skipped: entry.skip } : {}),
    };
  }

  private reload(): void {
    saveState(this.state);
    window.location.reload();
  }

  private async loop(): Promise<void> {
    const scenarios = this.plan.scenarios;
    while (this.state.index < scenarios.length) {
      const entry = scenarios[this.state.index];
      const where = `${this.state.index + 1}/${scenarios.length} ${entry.file}`;
      if (entry.skip !== undefined) {
        banner(`${where}：跳过 / skipped`);
        await this.deliver(this.result(entry));
        this.next();
        continue;
      }
      if (this.state.phase === 'prepare') {
        banner(`${where}：准备工作簿 / preparing the workbook`);
        try {
          await (this.hooks.prepareWorkbook ? this.hooks.prepareWorkbook(entry) : this.prepareWorkbook(entry));
        } catch (error) {
          this.state.failures.push(`准备工作簿出错：${message(error)}`);
          await this.deliver(this.result(entry));
          this.next();
          continue;
        }
        this.state.phase = 'open';
        this.reload();
        return;
      }
      await paneReady();
      if (this.state.phase === 'open') {
        banner(`${where}：打开 / opening`);
        try {
          if (entry.scenario.insert) await this.insert(entry.scenario.insert);
          await this.settle();
        } catch (error) {
          this.state.failures.push(`运行出错：${message(error)}`);
          this.skipFrom(entry.scenario, 0, '插入官方表格出错 / inserting failed');
          await this.deliver(this.result(entry));
          this.next();
          continue;
        }
        this.state.phase = 'steps';
        this.state.step = 0;
        saveState(this.state);
      }
      if (!(await this.playSteps(entry, where))) return;
      await this.deliver(this.result(entry));
      this.next();
    }
    window.sessionStorage.removeItem(STATE_KEY);
    banner('全部场景已完成 / all scenarios done');
    await (this.hooks.finish ? this.hooks.finish() : this.closeWorkbook());
  }

  /** Marks steps from `from` on as not played. */
  private skipFrom(scenario: Scenario, from: number, reason: string): void {
    const steps = scenario.steps ?? [];
    for (let i = from; i < steps.length; i++) {
      this.state.steps[i] = {
        findings: [],
        status: '',
        syncs: 0,
        skipped: i === from ? reason : `${reason}（在第 ${from + 1} 步）`,
      };
    }
  }

  /** Plays the steps from the state's next one; false when the page is reloading. */
  private async playSteps(entry: PlanEntry, where: string): Promise<boolean> {
    const steps = entry.scenario.steps ?? [];
    for (let i = this.state.step; i < steps.length; i++) {
      const step = steps[i];
      banner(`${where}：第 ${i + 1}/${steps.length} 步 / step ${i + 1}`);
      if (this.state.reloading) {
        this.state.reloading = false;
        await this.settle();
        await this.record(entry, i, 0);
        continue;
      }
      const unplayable = unplayableStep(step);
      if (unplayable !== undefined) {
        this.skipFrom(entry.scenario, i, unplayable);
        break;
      }
      if (step.reload) {
        this.state.step = i;
        this.state.reloading = true;
        this.reload();
        return false;
      }
      const before = this.patches.paneSyncs;
      try {
        await this.act(step);
        await this.settle();
      } catch (error) {
        this.state.failures.push(`第 ${i + 1} 步运行出错：${message(error)}`);
        this.skipFrom(entry.scenario, i, '此步出错 / the step failed');
        break;
      }
      await this.record(entry, i, before);
    }
    return true;
  }

  /** What the pane shows after step i, and whether a typed value changed without a click. */
  private async record(entry: PlanEntry, i: number, syncsBefore: number): Promise<void> {
    const seen = shown();
    const syncs = this.patches.paneSyncs - syncsBefore;
    const expectation = entry.scenario.expect?.[i];
    const step: StepResult = { findings: seen.findings, status: seen.status, syncs };
    let sheetStatuses: string[] | undefined;
    if (expectation && (expectation.sheetStatus !== undefined || expectation.noSheetStatus !== undefined)) {
      sheetStatuses = await this.sheetStatuses();
    }
    this.state.steps[i] = sheetStatuses ? { ...step, sheetStatuses } : step;
    if (this.state.typed.length > 0) {
      const now = await this.values(this.state.typed.map(([k]) => k));
      for (const [k, v] of this.state.typed) {
        if (!same(now[k], v)) {
          this.state.failures.push(`第 ${i + 1} 步后 ${k} 由 ${JSON.stringify(v)} 变成了 ${JSON.stringify(now[k])}`);
        }
      }
    }
    this.state.step = i + 1;
    saveState(this.state);
  }

  private typed(key: string, value: Scalar | null): void {
    const list = this.state.typed.filter(([k]) => k !== key);
    list.push([key, value]);
    this.state.typed = list;
  }

  private async act(step: ScenarioStep): Promise<void> {
    const t = paneStrings();
    if (step.type) {
      await this.type(step.type);
      for (const [k, v] of Object.entries(step.type)) this.typed(k, v);
    } else if (step.paste) {
      await this.paste(step.paste);
      for (const [k, v] of Object.entries(step.paste)) this.typed(k, v);
    } else if (step.zero) {
      await this.zero(step.zero);
      this.state.typed = [];
    } else if (step.clear) {
      await this.clear(step.clear);
      for (const k of step.clear) this.typed(k, null);
    } else if (step.fix) {
      const rule = step.fix;
      const item = await waitFor(() => findingItem(rule), `${rule} 的问题`, 5000);
      const cell = (item.getAttribute('data-cells') ?? '').split(' ').filter(Boolean)[0];
      const fix = fixButton(item, t);
      if (!fix) throw new Error(`${rule} 没有“${t.live.fix('…')}”按钮`);
      fix.button.click();
      if (cell) this.typed(cell, Number(fix.value));
    } else if (step.dismiss) {
      const rule = step.dismiss;
      const item = await waitFor(() => findingItem(rule), `${rule} 的问题`, 5000);
      const open = buttonWhere(item, (label) => label === t.live.dismiss);
      if (!open) throw new Error(`${rule} 没有“${t.live.dismiss}”按钮`);
      open.click();
      const reason = await waitFor(() => item.querySelector('textarea'), '忽略理由输入框', 5000);
      fill(reason, step.reason ?? '已核实');
      await sleep(50);
      const confirm = await waitFor(
        () => buttonWhere(item, (label) => label === t.live.dismissConfirm),
        `“${t.live.dismissConfirm}”按钮`,
        5000,
      );
      confirm.click();
    } else if (step.restore) {
      const rule = step.restore;
      const item = await waitFor(() => dismissedItem(rule), `已忽略的 ${rule}`, 5000);
      const button = buttonWhere(item, (label) => label === t.live.restore);
      if (!button) throw new Error(`${rule} 没有“${t.live.restore}”按钮`);
      button.click();
    } else if (step.select) {
      await this.select(step.select);
    } else if (step.recheck) {
      const button = await waitFor(
        () => buttonWhere(document, (label) => label === t.live.recheck),
        `“${t.live.recheck}”按钮`,
        5000,
      );
      button.click();
    } else {
      throw new Error(`不认识的步骤：${JSON.stringify(step)}`);
    }
  }

  // ---- the workbook ------------------------------------------------------------------------------

  private async plans(): Promise<ReportSheetPlan[]> {
    return this.run((context) => planReportsInWorkbook(context, { file: 'office-test.xlsx', supports: this.supports }));
  }

  private async reportSheets(): Promise<number> {
    try {
      return (await this.plans()).length;
    } catch {
      return 0;
    }
  }

  /** The report sheet the scenario edits: the one with the latest year (last year's is the other). */
  private async current(): Promise<ReportSheetPlan> {
    const plans = await this.plans();
    if (plans.length === 0) throw new Error('工作簿中没有年报表格');
    return plans[plans.length - 1];
  }

  private rect(plan: ReportSheetPlan, key: string): CellRange {
    const rect = plan.map.rectOf(key);
    if (!rect) throw new Error(`${plan.sheet} 上没有 ${key} 的单元格`);
    return rect;
  }

  private async sheetId(context: Excel.RequestContext, sheet: string): Promise<string> {
    const known = this.sheetIds.get(sheet);
    if (known !== undefined) return known;
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.load('id');
    await context.sync();
    this.sheetIds.set(sheet, ws.id);
    return ws.id;
  }

  /** Waits until Excel's change events for the driver's writes have reached the pane (or cannot come). */
  private async eventsDelivered(): Promise<void> {
    if (!this.supports('ExcelApi', '1.7')) {
      this.patches.forgetPending();
      return;
    }
    const until = Date.now() + this.timing.eventWaitMs;
    while (this.patches.pendingWrites > 0 && Date.now() < until) await sleep(this.timing.pollMs);
    if (this.patches.pendingWrites > 0) {
      this.state.notes.push(
        `${this.patches.pendingWrites} 次写入没有等到 Excel 的更改事件 / writes without a change event`,
      );
      this.patches.forgetPending();
    }
  }

  /** One write of the driver as the user's: the event it raises is the user's (excel-patches.ts). */
  private async write(sheet: string, rects: readonly CellRange[], apply: (ws: Excel.Worksheet) => void): Promise<void> {
    await this.run(async (context) => {
      const id = await this.sheetId(context, sheet);
      this.patches.expectWrite(id, rects);
      apply(context.workbook.worksheets.getItem(sheet));
      await context.sync();
    });
  }

  /** One cell at a time, one change event each (as test/e2e/host.ts types). */
  private async type(values: Readonly<Record<string, Scalar>>): Promise<void> {
    const plan = await this.current();
    for (const [key, value] of Object.entries(values)) {
      const rect = this.rect(plan, key);
      await this.write(plan.sheet, [rect], (ws) => {
        ws.getRangeByIndexes(rect.row, rect.col, 1, 1).values = [[value]];
      });
      await this.eventsDelivered();
    }
  }

  /** The bounding block of the cells in one write; cells not named are left as they are (null). */
  private async paste(values: Readonly<Record<string, Scalar>>): Promise<void> {
    const plan = await this.current();
    const cells = Object.entries(values).map(([key, value]) => ({ value, ...this.rect(plan, key) }));
    const top = Math.min(...cells.map((c) => c.row));
    const left = Math.min(...cells.map((c) => c.col));
    const bottom = Math.max(...cells.map((c) => c.row));
    const right = Math.max(...cells.map((c) => c.col));
    const block: (Scalar | null)[][] = [];
    for (let row = top; row <= bottom; row++) {
      const line: (Scalar | null)[] = [];
      for (let col = left; col <= right; col++) {
        const named = cells.find((c) => c.row === row && c.col === col);
        line.push(named ? named.value : null);
      }
      block.push(line);
    }
    const rect = { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
    await this.write(plan.sheet, [rect], (ws) => {
      ws.getRangeByIndexes(rect.row, rect.col, rect.rows, rect.cols).values = block;
    });
    await this.eventsDelivered();
  }

  /** 0 in every data cell of the tables: a block of single cells is one paste, other tables are typed. */
  private async zero(tables: readonly string[]): Promise<void> {
    const plan = await this.current();
    for (const table of tables) {
      const keys = plan.map.keys.filter((k) => k.startsWith(`${table}.`));
      const rects = keys.map((k) => this.rect(plan, k));
      const rows = new Set(rects.map((r) => r.row)).size;
      const cols = new Set(rects.map((r) => r.col)).size;
      const values = Object.fromEntries(keys.map((k) => [k, 0]));
      if (rects.every((r) => r.rows === 1 && r.cols === 1) && rows * cols === keys.length) await this.paste(values);
      else await this.type(values);
    }
  }

  private async clear(keys: readonly string[]): Promise<void> {
    const plan = await this.current();
    for (const key of keys) {
      const rect = this.rect(plan, key);
      await this.write(plan.sheet, [rect], (ws) => {
        ws.getRangeByIndexes(rect.row, rect.col, 1, 1).clear('Contents');
      });
      await this.eventsDelivered();
    }
  }

  private async select(key: string): Promise<void> {
    const plan = await this.current();
    const rect = this.rect(plan, key);
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(plan.sheet);
      ws.activate();
      ws.getRange(rangeA1({ ...rect, rows: 1, cols: 1 })).select();
      await context.sync();
    });
  }

  /** What the cells of keys hold now ('' as null). */
  private async values(keys: readonly string[]): Promise<Record<string, unknown>> {
    const plan = await this.current();
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(plan.sheet);
      const ranges = keys.map((key) => {
        const rect = this.rect(plan, key);
        return { key, range: ws.getRangeByIndexes(rect.row, rect.col, 1, 1).load('values') };
      });
      await context.sync();
      const out: Record<string, unknown> = {};
      for (const { key, range } of ranges) {
        const v = range.values[0][0];
        out[key] = v === '' ? null : v;
      }
      return out;
    });
  }

  /** Every text the sheet shows in the status column (as test/e2e/host.ts reads it: Q1:Q200). */
  private async sheetStatuses(): Promise<string[]> {
    const plan = await this.current();
    return this.run(async (context) => {
      const range = context.workbook.worksheets.getItem(plan.sheet).getRange('Q1:Q200').load('values');
      await context.sync();
      return range.values.map((row) => row[0]).filter((v): v is string => typeof v === 'string' && v !== '');
    });
  }

  /** 插入官方表格 through the pane's form, as run.mjs fills it; resolves when the new sheet is there. */
  private async insert(spec: NonNullable<Scenario['insert']>): Promise<void> {
    const t = paneStrings();
    const before = await this.reportSheets();
    const form = await waitFor(() => document.querySelector('form'), '插入表格的表单');
    const year = form.querySelector<HTMLInputElement>('input[inputmode="numeric"]');
    if (!year) throw new Error('表单中没有报告年度输入框');
    fill(year, String(spec.year));
    await sleep(50);
    if (spec.agency) {
      const agency = Array.from(form.querySelectorAll('input')).find(
        (i) => i.placeholder === t.excel.agencyPlaceholder,
      );
      if (!agency) throw new Error('表单中没有机关名称输入框');
      fill(agency, spec.agency);
      await sleep(50);
    }
    if (spec.kind) {
      const radio = Array.from(form.querySelectorAll<HTMLInputElement>('input[type="radio"]')).find(
        (r) => r.value === spec.kind,
      );
      if (!radio) throw new Error(`表单中没有机关类型 ${spec.kind}`);
      radio.click();
      await sleep(50);
    }
    const submit = await waitFor(
      () => form.querySelector<HTMLButtonElement>('button[type="submit"]:not([disabled])'),
      `“${t.excel.insertTemplate}”按钮`,
    );
    submit.click();
    const until = Date.now() + this.timing.insertMs;
    while ((await this.reportSheets()) <= before) {
      if (Date.now() > until) throw new Error('插入官方表格超时');
      await sleep(200);
    }
  }

  /** Waits until the pane has settled: events delivered, no sync of its own in flight, the DOM still. */
  private async settle(): Promise<void> {
    await sleep(this.timing.eventMs);
    await this.eventsDelivered();
    await this.hooks.settled?.();
    const start = Date.now();
    let last = '';
    let quiet = 0;
    while (quiet < this.timing.quietPolls) {
      if (Date.now() - start > this.timing.maxSettleMs) {
        this.state.notes.push('任务窗格在限定时间内没有静止 / the pane did not settle in time');
        return;
      }
      await sleep(this.timing.pollMs);
      await this.hooks.settled?.();
      const now = JSON.stringify(shown());
      quiet = now === last && this.patches.inFlight === 0 && !paneBusy() ? quiet + 1 : 0;
      last = now;
    }
  }

  /**
   * Empties the sideloaded workbook for the next scenario: a new blank sheet, every other sheet and the
   * add-in's custom XML parts deleted; then last year's sheet, if the scenario has one. Refuses a
   * workbook that is not the sideloaded test workbook.
   */
  private async prepareWorkbook(entry: PlanEntry): Promise<void> {
    const marker = this.plan.workbookMarker;
    await this.run(async (context) => {
      const workbook = context.workbook;
      workbook.load('name');
      const sheets = workbook.worksheets.load('items/name');
      const parts = workbook.customXmlParts.load('items/namespaceUri');
      await context.sync();
      if (marker !== undefined && !workbook.name.includes(marker)) {
        throw new Error(`“${workbook.name}”不是测试用的旁加载工作簿，为免改动用户的文件，不作清理`);
      }
      const blank = workbook.worksheets.add(`nianbao-test-${Date.now() % 100000}`);
      blank.activate();
      for (const sheet of sheets.items) sheet.delete();
      for (const part of parts.items) if (part.namespaceUri.startsWith('urn:nianbao:')) part.delete();
      await context.sync();
      blank.name = 'Sheet1';
      await context.sync();
    });
    this.sheetIds.clear();
    const previous = entry.scenario.previous;
    if (previous) {
      const year = previous.profile.year ?? 2023;
      const version = previous.profile.format ?? (year >= 2021 ? '2021' : '2019');
      const sheetName = `${year}年报表格`;
      const layout = buildLayout({
        version,
        year,
        sheetName,
        ...(previous.profile.agency ? { agency: previous.profile.agency } : {}),
      });
      await this.run((context) =>
        writeLayoutToWorkbook(context, layout, {
          values: previous.values,
          profileXml: buildProfileXml({ sheet: sheetName, layoutVersion: layout.layoutVersion, format: version, year }),
          supports: this.supports,
        }),
      );
    }
  }

  /** Closes the sideloaded test workbook without saving (ExcelApi 1.11); other workbooks stay open. */
  private async closeWorkbook(): Promise<void> {
    const marker = this.plan.workbookMarker;
    if (!this.supports('ExcelApi', '1.11')) return;
    await this.run(async (context) => {
      context.workbook.load('name');
      await context.sync();
      if (marker !== undefined && !context.workbook.name.includes(marker)) return;
      context.workbook.close('SkipSave');
      await context.sync();
    });
  }
}

async function fetchPlan(): Promise<Plan> {
  const response = await fetch(PLAN_FILE, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${PLAN_FILE}: HTTP ${response.status}`);
  return (await response.json()) as Plan;
}

/** Starts the driver once Office is ready in Excel (nothing happens outside Excel). */
export function startDriver(): void {
  if (typeof Office === 'undefined') return;
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) return;
    const driver = new Driver(window.nianbaoOfficeTestHooks ?? {});
    driver.start().catch((error: unknown) => {
      console.error(error);
      banner(`驱动出错 / driver error: ${message(error)}`);
    });
  });
}
