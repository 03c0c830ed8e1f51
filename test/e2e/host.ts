// The fake Office host in the browser, for the scenario runner (run.mjs): the workbook (test/support/
// fake-excel.ts, formulas in HyperFormula) lives in the runner's top page, and the task pane — the
// production build, unchanged — runs in an iframe whose office.js request is answered with a script
// that takes `Office` and `Excel` from here. Reloading the frame reopens the pane on the same workbook.
// Bundled for the browser by esbuild (global `NianbaoHost`).
import { buildProfileXml } from '../../src/excel/profile-xml';
import { writeLayoutToWorkbook } from '../../src/excel/insert-template';
import { planReportsInWorkbook } from '../../src/excel/read-report';
import { buildLayout } from '../../src/layout';
import { rangeA1 } from '../../src/layout/a1';
import type { ReportSheetPlan } from '../../src/layout/read-sheet';
import type { RawValue, Report } from '../../src/report';
import {
  createFakeExcel,
  fakeOfficeGlobals,
  remoteEdit,
  runExcel,
  settled,
  shownFill,
  shownValue,
  sheetNamed,
  supportsFor,
  userClear,
  userDeleteRows,
  userInsertRows,
  userPaste,
  userSelect,
  userType,
  type FakeRequestContext,
} from '../support/fake-excel';

export interface HostOptions {
  readonly excelApi?: string;
  readonly roundTripMs?: number;
  /** Office.context.platform: `OfficeOnline` (default), `PC`, `Mac`, `iOS`, `Android`. */
  readonly platform?: string;
}

type Scalar = string | number | boolean;

/** Rows of the report sheet named by a key's row: `offset` rows from it, `count` rows. */
export interface RowsAt {
  readonly key: string;
  readonly offset?: number;
  readonly count?: number;
}

export class Host {
  readonly ctx: FakeRequestContext;
  private readonly globals: ReturnType<typeof fakeOfficeGlobals>;

  private readonly platform: string;

  constructor(options: HostOptions = {}) {
    this.platform = options.platform ?? 'OfficeOnline';
    this.ctx = createFakeExcel(
      [{ name: 'Sheet1' }],
      {},
      {
        excelApi: options.excelApi ?? '1.17',
        roundTripMs: options.roundTripMs ?? 0,
      },
    );
    this.globals = fakeOfficeGlobals(this.ctx);
  }

  /** `Office` and `Excel` for the pane's frame: Office.onReady in Excel, zh-CN, the host's API level. */
  officeFor(): { Office: unknown; Excel: unknown } {
    const supports = supportsFor(this.ctx);
    const platform = this.platform;
    const info = { host: 'Excel', platform };
    const Office = {
      HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook' },
      PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac', iOS: 'iOS', Android: 'Android' },
      context: {
        displayLanguage: 'zh-CN',
        platform,
        requirements: {
          isSetSupported: (set: string, version?: string) =>
            set === 'ExcelApi' && supports('ExcelApi', version ?? '1.1'),
        },
      },
      onReady: (callback?: (i: typeof info) => void): Promise<typeof info> => {
        callback?.(info);
        return Promise.resolve(info);
      },
    };
    const ctx = this.ctx;
    const Excel = {
      // Excel.run(batch), Excel.run(options, batch) with delayForCellEdit and previousObjects.
      run: (...args: unknown[]): Promise<unknown> => {
        const batch = args[args.length - 1] as (c: FakeRequestContext) => Promise<unknown>;
        const options = (args.length > 1 ? args[0] : {}) as { delayForCellEdit?: boolean; previousObjects?: unknown };
        if (options.previousObjects) return runExcel(ctx, options.previousObjects as FakeRequestContext, batch);
        return runExcel(ctx, { delayForCellEdit: options.delayForCellEdit === true }, batch);
      },
    };
    void this.globals;
    return { Office, Excel };
  }

  /** Syncs the host made for itself (finding cells), not counted as the add-in's. */
  private ownSyncs = 0;

  private async plans(): Promise<ReportSheetPlan[]> {
    const before = this.ctx.syncCount;
    try {
      return await runExcel(this.ctx, (c) =>
        planReportsInWorkbook(c as unknown as Excel.RequestContext, {
          file: 'scenario.xlsx',
          supports: supportsFor(this.ctx),
        }),
      );
    } finally {
      this.ownSyncs += this.ctx.syncCount - before;
    }
  }

  /** 0 in every data cell of the tables, one paste per table (a scenario's starting point). */
  async zero(tables: readonly string[]): Promise<void> {
    const plan = await this.current();
    for (const table of tables) {
      const keys = plan.map.keys.filter((k) => k.startsWith(`${table}.`));
      const rects = keys.map((k) => plan.map.rectOf(k)).filter((r) => r !== undefined);
      const rows = new Set(rects.map((r) => r.row)).size;
      const cols = new Set(rects.map((r) => r.col)).size;
      // A block of single data cells (表三, 表四) is one paste; 表二's merged cells between labels are typed.
      if (rects.every((r) => r.rows === 1 && r.cols === 1) && rows * cols === keys.length) {
        await this.paste(Object.fromEntries(keys.map((k) => [k, 0])));
      } else {
        await this.type(Object.fromEntries(keys.map((k) => [k, 0])));
      }
    }
  }

  /** How many report sheets the workbook holds (0 when none can be found). */
  async reportSheets(): Promise<number> {
    try {
      return (await this.plans()).length;
    } catch {
      return 0;
    }
  }

  /** The report sheet the scenario edits: the one with the latest year (last year's is the other). */
  private async current(): Promise<ReportSheetPlan> {
    const plans = await this.plans();
    if (plans.length === 0) throw new Error('no report sheet in the workbook');
    return plans[plans.length - 1];
  }

  private a1(plan: ReportSheetPlan, key: string): string {
    const rect = plan.map.rectOf(key);
    if (!rect) throw new Error(`no cell for ${key} on ${plan.sheet}`);
    return rangeA1({ ...rect, rows: 1, cols: 1 });
  }

  /** Last year's report as a second sheet, filled, as 插入 would have made it last year. */
  async addPrevious(report: Report): Promise<void> {
    const year = report.profile.year ?? 2023;
    const version = report.profile.format ?? (year >= 2021 ? '2021' : '2019');
    const sheetName = `${year}年报表格`;
    const layout = buildLayout({
      version,
      year,
      sheetName,
      ...(report.profile.agency ? { agency: report.profile.agency } : {}),
    });
    await writeLayoutToWorkbook(this.ctx as unknown as Excel.RequestContext, layout, {
      values: report.values,
      profileXml: buildProfileXml({ sheet: sheetName, layoutVersion: layout.layoutVersion, format: version, year }),
      supports: supportsFor(this.ctx),
    });
  }

  /** One cell at a time, one change event each. */
  async type(values: Readonly<Record<string, Scalar>>): Promise<void> {
    const plan = await this.current();
    for (const [key, value] of Object.entries(values)) await userType(this.ctx, plan.sheet, this.a1(plan, key), value);
  }

  /**
   * The bounding block of the cells in one write (one event); cells not named keep their values. With
   * `withFormats` the block comes from other cells with their formats (Ctrl+V), wiping the sheet's own
   * conditional formats and validations there; else as values (text from elsewhere, Paste Values).
   */
  async paste(values: Readonly<Record<string, Scalar>>, withFormats = false): Promise<void> {
    const plan = await this.current();
    const rects = Object.keys(values).map((k) => {
      const r = plan.map.rectOf(k);
      if (!r) throw new Error(`no cell for ${k}`);
      return { key: k, row: r.row, col: r.col };
    });
    const top = Math.min(...rects.map((r) => r.row));
    const left = Math.min(...rects.map((r) => r.col));
    const bottom = Math.max(...rects.map((r) => r.row));
    const right = Math.max(...rects.map((r) => r.col));
    const sheet = sheetNamed(this.ctx, plan.sheet);
    const block: (Scalar | null)[][] = [];
    for (let row = top; row <= bottom; row++) {
      const line: (Scalar | null)[] = [];
      for (let col = left; col <= right; col++) {
        const named = rects.find((r) => r.row === row && r.col === col);
        const shown = shownValue(sheet, rangeA1({ row, col, rows: 1, cols: 1 }));
        line.push(named ? values[named.key] : shown === '' ? null : shown);
      }
      block.push(line);
    }
    await userPaste(this.ctx, plan.sheet, rangeA1({ row: top, col: left, rows: 1, cols: 1 }), block, {
      mode: withFormats ? 'all' : 'values',
    });
  }

  async clear(keys: readonly string[]): Promise<void> {
    const plan = await this.current();
    for (const key of keys) await userClear(this.ctx, plan.sheet, this.a1(plan, key));
  }

  /** The user selects a key's cell. */
  async select(key: string): Promise<void> {
    const plan = await this.current();
    await userSelect(this.ctx, plan.sheet, this.a1(plan, key));
  }

  /** A co-author's edits (source 'Remote'). */
  async remote(values: Readonly<Record<string, Scalar>>): Promise<void> {
    const plan = await this.current();
    for (const [key, value] of Object.entries(values))
      await remoteEdit(this.ctx, plan.sheet, this.a1(plan, key), value);
  }

  /** The fill colour each key's cell shows (its conditional formats evaluated), e.g. `#FFC7CE`. */
  async fills(keys: readonly string[]): Promise<Record<string, string | null>> {
    const plan = await this.current();
    const out: Record<string, string | null> = {};
    for (const key of keys) out[key] = shownFill(this.ctx, plan.sheet, this.a1(plan, key)).fill ?? null;
    return out;
  }

  /** The user lifts the report sheet's protection (审阅 › 撤消工作表保护), as before moving rows. */
  async unprotect(): Promise<void> {
    const plan = await this.current();
    const before = this.ctx.syncCount;
    await runExcel(this.ctx, async (c) => {
      c.workbook.worksheets.getItem(plan.sheet).protection.unprotect();
      await c.sync();
    });
    this.ownSyncs += this.ctx.syncCount - before;
  }

  /** The sheet row (from 1) of a key's row, moved by `offset` rows (-1: the row above it). */
  private async rowOf(at: RowsAt): Promise<{ sheet: string; row: number }> {
    const plan = await this.current();
    const rect = plan.map.rectOf(at.key);
    if (!rect) throw new Error(`no cell for ${at.key}`);
    return { sheet: plan.sheet, row: rect.row + 1 + (at.offset ?? 0) };
  }

  /** The user deletes whole rows (the sheet must be unprotected). */
  async deleteRows(at: RowsAt): Promise<void> {
    const { sheet, row } = await this.rowOf(at);
    await userDeleteRows(this.ctx, sheet, row, at.count ?? 1);
  }

  /** The user inserts whole rows before a row (the sheet must be unprotected). */
  async insertRows(at: RowsAt): Promise<void> {
    const { sheet, row } = await this.rowOf(at);
    await userInsertRows(this.ctx, sheet, row, at.count ?? 1);
  }

  /** Whether the report sheet is protected. */
  async isProtected(): Promise<boolean> {
    const plan = await this.current();
    return sheetNamed(this.ctx, plan.sheet).protection.protected;
  }

  /** What the cells of keys hold now, as shown; null while the sheet's tables cannot be found (damaged). */
  async values(keys: readonly string[]): Promise<Record<string, RawValue> | null> {
    let plan: ReportSheetPlan;
    try {
      plan = await this.current();
    } catch {
      return null;
    }
    const sheet = sheetNamed(this.ctx, plan.sheet);
    const out: Record<string, RawValue> = {};
    for (const key of keys) {
      const shown = shownValue(sheet, this.a1(plan, key));
      out[key] = shown === '' ? null : (shown as RawValue);
    }
    return out;
  }

  /** What a status cell of the sheet shows (the in-sheet check): every shown value of its column. */
  async statuses(): Promise<string[]> {
    const plan = await this.current();
    const sheet = sheetNamed(this.ctx, plan.sheet);
    const out: string[] = [];
    for (const [, cell] of sheet.cells) void cell;
    for (let row = 0; row < 200; row++) {
      const text = shownValue(sheet, rangeA1({ row, col: 16, rows: 1, cols: 1 }));
      if (typeof text === 'string' && text !== '') out.push(text);
    }
    return out;
  }

  /** The pane closes (its frame reloads): as in Office, its event handlers die with it. */
  closePane(): void {
    this.ctx.host.events.unregister(() => true);
  }

  settled(): Promise<void> {
    return settled(this.ctx);
  }

  /** The add-in's syncs so far. */
  get syncs(): number {
    return this.ctx.syncCount - this.ownSyncs;
  }
}

export function createHost(options: HostOptions = {}): Host {
  return new Host(options);
}
