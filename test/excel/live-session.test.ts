// The live session over the fake host: a pass per burst of changes with one read, the add-in's own
// writes and co-authors' edits never written to, template damage reported, hosts without change
// events degraded to 重新校验, and every value the user typed left as typed.
import { writeLayoutToWorkbook } from '../../src/excel/insert-template';
import { buildProfileXml } from '../../src/excel/profile-xml';
import { startLiveSession, type ExcelRunner, type LivePass, type LiveSession } from '../../src/excel/live-session';
import { planReportsInWorkbook } from '../../src/excel/read-report';
import { buildLayout } from '../../src/layout';
import { rangeA1 } from '../../src/layout/a1';
import type { ReportSheetPlan } from '../../src/layout/read-sheet';
import { validate } from '../../src/rules';
import {
  createFakeExcel,
  rectAddress,
  remoteEdit,
  runExcel,
  setCellEditMode,
  settled,
  supportsFor,
  sheetNamed,
  shownFill,
  shownValue,
  userDeleteRows,
  userInsertRows,
  userPaste,
  userSelect,
  userType,
  type FakeRequestContext,
} from '../support/fake-excel';
import { busyReport } from '../rules/support';

const SHEET = '2024年报表格';
const asExcel = (ctx: FakeRequestContext): Excel.RequestContext => ctx as unknown as Excel.RequestContext;

interface Harness {
  readonly ctx: FakeRequestContext;
  readonly session: LiveSession;
  readonly passes: LivePass[];
  /** The damaged sheets, as each survey of the workbook reported them. */
  readonly damage: string[][];
  readonly selections: (string | undefined)[];
  readonly errors: unknown[];
  readonly plan: ReportSheetPlan;
  /** A1 of a key on the report sheet. */
  at(key: string): string;
  /** Findings of the last pass's report. */
  rules(): string[];
}

async function open(excelApi = '1.17', roundTripMs = 0): Promise<Harness> {
  const ctx = createFakeExcel([{ name: 'Sheet1' }], {}, { excelApi, roundTripMs });
  const layout = buildLayout({
    version: '2021',
    sheetName: SHEET,
    year: 2024,
    agency: '某某区政务服务中心',
    kind: 'department',
    canMakeRegulations: false,
  });
  await writeLayoutToWorkbook(asExcel(ctx), layout, {
    values: busyReport().values,
    profileXml: buildProfileXml({ sheet: SHEET, layoutVersion: layout.layoutVersion, format: '2021', year: 2024 }),
    supports: supportsFor(ctx),
  });
  const run: ExcelRunner = (batch, context) =>
    runExcel(ctx, context ? (context as unknown as FakeRequestContext) : { delayForCellEdit: true }, (c) =>
      batch(asExcel(c)),
    );
  const [plan] = await run((c) => planReportsInWorkbook(c, { file: '年报.xlsx', supports: supportsFor(ctx) }));
  const passes: LivePass[] = [];
  const damage: string[][] = [];
  const selections: (string | undefined)[] = [];
  const errors: unknown[] = [];
  const session = await startLiveSession({
    run,
    supports: supportsFor(ctx),
    file: '年报.xlsx',
    locale: 'zh-CN',
    onPass: (p) => passes.push(p),
    onDamage: (d) => damage.push(d.map((x) => x.sheet)),
    onSelection: (_s, key) => selections.push(key),
    onError: (e) => errors.push(e),
  });
  // Events of the insertion still on their way (the sheet's onAdded) arrive before the test begins.
  await session.idle();
  await settled(ctx);
  await session.idle();
  return {
    ctx,
    session,
    passes,
    damage,
    selections,
    errors,
    plan,
    at: (key) => {
      const rect = plan.map.rectOf(key);
      if (!rect) throw new Error(`no cell for ${key}`);
      return rangeA1({ ...rect, rows: 1, cols: 1 });
    },
    rules: () => {
      const last = passes[passes.length - 1];
      return validate(last.sheets[0].report, { currentYear: 2026 }).map((f) => f.rule);
    },
  };
}

/** The user lifts the sheet's protection (审阅 → 撤消工作表保护). */
async function unprotect(h: Harness): Promise<void> {
  await runExcel(h.ctx, async (c) => {
    c.workbook.worksheets.getItem(SHEET).protection.unprotect();
    await c.sync();
  });
}

/** After the user's action: handlers ran, and the passes they started ended. */
async function calm(h: Harness): Promise<void> {
  await settled(h.ctx);
  await h.session.idle();
  await settled(h.ctx);
}

describe('the live session', () => {
  it('validates what the workbook holds when the pane opens', async () => {
    const h = await open();
    expect(h.session.mode).toBe('events');
    expect(h.passes).toHaveLength(1);
    expect(h.passes[0].sheets.map((s) => s.sheet)).toEqual([SHEET]);
    expect(h.rules()).toEqual([]);
  });

  it('a typed wrong total: one pass, one sync, and the finding', async () => {
    const h = await open();
    const before = h.ctx.syncCount;
    await userType(h.ctx, SHEET, h.at('s4.review.total'), 3);
    await calm(h);
    expect(h.passes).toHaveLength(2);
    expect(h.ctx.syncCount - before).toBe(1);
    expect(h.passes[1].changed.get(SHEET)).toEqual(['s4.review.total']);
    expect(h.rules()).toEqual(['S4-GROUP-TOTAL']);
  });

  it('a 25 × 7 paste is one event and one pass', async () => {
    const h = await open();
    const rows = h.plan.map.keys.filter((k) => k.startsWith('s3.') && k.endsWith('.natural'));
    expect(rows).toHaveLength(25);
    const top = h.at(rows[0]);
    const block = rows.map((_r, i) => [i, i, i, i, i, i, 6 * i]);
    await userPaste(h.ctx, SHEET, top, block, { mode: 'values' });
    await calm(h);
    expect(h.passes).toHaveLength(2);
    expect(h.passes[1].changed.get(SHEET)).toHaveLength(175);
  });

  describe('formats a paste wiped', () => {
    const formatsOf = (ctx: FakeRequestContext) => {
      const sheet = sheetNamed(ctx, SHEET);
      return {
        fills: sheet.conditionalFormats
          .map((cf) => `${cf.rects.map(rectAddress).join(',')} ${cf.formula ?? ''}`)
          .sort(),
        validations: sheet.dataValidations
          .map((dv) => `${dv.rects.map(rectAddress).join(',')} ${JSON.stringify(dv.rule)}`)
          .sort(),
      };
    };
    const block = (n: number) => Array.from({ length: 25 }, (_r, i) => [i, i, i, i, i, i, n * i]);

    it('a paste of cells with their formats: the conditional formats and validations come back, values untouched, protection kept', async () => {
      const h = await open();
      const before = formatsOf(h.ctx);
      const top = h.at('s3.new.natural');
      const syncs = h.ctx.syncCount;
      await userPaste(h.ctx, SHEET, top, block(7), { mode: 'all' });
      await calm(h);
      expect(formatsOf(h.ctx)).toEqual(before);
      expect(sheetNamed(h.ctx, SHEET).protection.protected).toBe(true);
      // One read; one batch of format writes and one to switch the add-in's events back on.
      expect(h.ctx.syncCount - syncs).toBe(3);
      expect(h.passes).toHaveLength(2);
      const values = h.passes[1].sheets[0].report.values;
      expect(values['s3.new.total']).toBe(0);
      expect(values['s3.total.total']).toBe(7 * 23);
      expect(shownValue(sheetNamed(h.ctx, SHEET), h.at('s3.carriedOver.total'))).toBe(7 * 24);
      // The wrong total is marked again by the sheet itself.
      const markedFill = `#${h.plan.map.layout.conditionalFills.find((f) => f.range.row === h.plan.map.rectOf('s3.carriedIn.total')?.row)?.fill}`;
      expect(shownFill(h.ctx, SHEET, h.at('s3.carriedIn.total')).fill).toBe(markedFill);
      expect(shownFill(h.ctx, SHEET, h.at('s3.new.total')).fill).not.toBe(markedFill);
    });

    it('a paste of values only writes nothing: the formats are still there', async () => {
      const h = await open();
      const before = formatsOf(h.ctx);
      const ops = h.ctx.state.ops.length;
      const syncs = h.ctx.syncCount;
      await userPaste(h.ctx, SHEET, h.at('s3.new.natural'), block(6), { mode: 'values' });
      await calm(h);
      expect(h.ctx.syncCount - syncs).toBe(1);
      expect(h.ctx.state.ops.slice(ops).filter((o) => o.op !== 'sync')).toEqual([]);
      expect(formatsOf(h.ctx)).toEqual(before);
    });

    it('on an unprotected sheet the formats come back and the sheet stays unprotected', async () => {
      const h = await open();
      await unprotect(h);
      const before = formatsOf(h.ctx);
      await userPaste(h.ctx, SHEET, h.at('s4.review.upheld'), [[1, 1, 1, 1, 4]], { mode: 'all' });
      await calm(h);
      expect(formatsOf(h.ctx)).toEqual(before);
      expect(sheetNamed(h.ctx, SHEET).protection.protected).toBe(false);
    });

    it('below ExcelApi 1.8 nothing is probed or written', async () => {
      const h = await open('1.7');
      const syncs = h.ctx.syncCount;
      await userPaste(h.ctx, SHEET, h.at('s3.new.natural'), block(6), { mode: 'all' });
      await calm(h);
      expect(h.ctx.syncCount - syncs).toBe(1);
    });
  });

  it('a burst of typing folds into at most one pass after the running one', async () => {
    // Events arrive while a pass is on its way to Excel and back (20 ms): they fold into the next.
    const h = await open('1.17', 20);
    const keys = ['s3.new.natural', 's3.new.business', 's3.new.research', 's3.new.legal', 's3.new.total'];
    await Promise.all(keys.map((k, i) => userType(h.ctx, SHEET, h.at(k), i + 1)));
    await calm(h);
    expect(h.passes.length).toBeLessThanOrEqual(3);
    expect(h.passes.length).toBeGreaterThanOrEqual(2);
    expect(h.passes[h.passes.length - 1].sheets[0].report.values['s3.new.legal']).toBe(4);
  });

  it('a fix writes that one cell, raises no pass of its own echo, and re-validates once', async () => {
    const h = await open();
    await userType(h.ctx, SHEET, h.at('s4.review.total'), 3);
    await calm(h);
    const passes = h.passes.length;
    await h.session.writeValue(SHEET, 's4.review.total', 2);
    await calm(h);
    expect(h.passes.length - passes).toBe(1);
    expect(h.rules()).toEqual([]);
  });

  it.each(['1.13', '1.17'])('the add-in’s own write starts no loop (ExcelApi %s)', async (api) => {
    const h = await open(api);
    await h.session.writeValue(SHEET, 's4.review.total', 5);
    await calm(h);
    await calm(h);
    expect(h.passes).toHaveLength(2);
    expect(h.errors).toEqual([]);
  });

  it('a co-author’s edit is validated, marked as not this user’s, and nothing is written', async () => {
    const h = await open();
    const ops = h.ctx.state.ops.length;
    await remoteEdit(h.ctx, SHEET, h.at('s3.new.natural'), 11);
    await calm(h);
    expect(h.passes).toHaveLength(2);
    expect(h.passes[1].local).toBe(false);
    expect(h.ctx.state.ops.length).toBe(ops);
    expect(h.rules()).toContain('S3-BALANCE');
  });

  it('an edit outside the tables starts no pass', async () => {
    const h = await open();
    await unprotect(h);
    await userType(h.ctx, SHEET, 'Z200', '备注');
    await calm(h);
    expect(h.passes).toHaveLength(1);
  });

  it('a deleted row inside a table (the sheet unprotected first) is template damage', async () => {
    const h = await open();
    await unprotect(h);
    const row = h.plan.map.rectOf('s3.granted.natural')?.row ?? 0;
    await userDeleteRows(h.ctx, SHEET, row + 1, 1);
    await calm(h);
    expect(h.damage.at(-1)).toEqual([SHEET]);
    // The damaged sheet is no longer read: its stale cells would give wrong findings.
    expect(h.passes.at(-1)?.sheets).toEqual([]);
  });

  it('a deleted label row is damage though every name still has its size; 修复表格 rebuilds it keeping every value', async () => {
    const h = await open();
    const values = { ...h.passes[0].sheets[0].report.values };
    await unprotect(h);
    const header = (h.plan.map.rectOf('s3.new.natural')?.row ?? 0) - 1; // 商业企业 / 科研机构 …
    await userDeleteRows(h.ctx, SHEET, header + 1, 1);
    await calm(h);
    expect(h.damage.at(-1)).toEqual([SHEET]);

    const syncs = h.ctx.syncCount;
    const result = await h.session.repair(SHEET);
    await calm(h);
    expect(result.lost).toEqual([]);
    expect(h.damage.at(-1)).toEqual([]);
    const report = h.passes.at(-1)?.sheets[0].report;
    expect(report?.values).toEqual(values);
    expect(report?.profile).toMatchObject({ year: 2024, agency: '某某区政务服务中心' });
    // One read, one batch of writes, one to switch the add-in's events back on; then the survey and a pass.
    expect(result.syncs).toBe(3);
    expect(h.ctx.syncCount - syncs).toBeLessThan(12);
    const sheet = sheetNamed(h.ctx, SHEET);
    expect(sheet.protection.protected).toBe(true);
    // The sheet's own checks evaluate again, as a spreadsheet shows them.
    for (const check of h.plan.map.layout.checks) {
      expect(shownValue(sheet, rangeA1({ ...check.status, rows: 1, cols: 1 }))).toBe('校验通过');
    }
    // The rebuilt sheet reads as a new one would: the labels are back where the layout has them.
    expect(shownValue(sheet, rangeA1({ row: header, col: 9, rows: 1, cols: 1 }))).toBe('商业企业');
  });

  it('rows inserted between two tables are no damage: the names moved with them', async () => {
    const h = await open();
    await unprotect(h);
    const heading = (h.plan.map.rectOf('s3.new.natural')?.row ?? 0) - 4; // the section heading of 三、
    await userInsertRows(h.ctx, SHEET, heading, 2);
    await calm(h);
    expect(h.damage.every((d) => d.length === 0)).toBe(true);
    expect(h.passes.at(-1)?.sheets.map((x) => x.sheet)).toEqual([SHEET]);
    expect(h.rules()).toEqual([]);
  });

  it('a row inserted inside 表三 and filled is damage; the repair puts every value back in its row', async () => {
    const h = await open();
    const values = { ...h.passes[0].sheets[0].report.values };
    await unprotect(h);
    const row = h.plan.map.rectOf('s3.denied.secret.natural')?.row ?? 0;
    await userInsertRows(h.ctx, SHEET, row + 1, 1);
    await userType(h.ctx, SHEET, `I${row + 1}`, 99);
    await calm(h);
    expect(h.damage.at(-1)).toEqual([SHEET]);
    const result = await h.session.repair(SHEET);
    await calm(h);
    expect(result.lost).toEqual([]);
    expect(h.passes.at(-1)?.sheets[0].report.values).toEqual(values);
    expect(shownValue(sheetNamed(h.ctx, SHEET), `I${row + 1}`)).toBe(values['s3.denied.secret.natural']);
  });

  it('waits out cell-edit mode instead of failing', async () => {
    const h = await open();
    setCellEditMode(h.ctx, true);
    h.session.recheck();
    await new Promise((r) => setTimeout(r, 20));
    expect(h.passes).toHaveLength(1);
    await userType(h.ctx, SHEET, h.at('s3.new.natural'), 10); // Enter ends edit mode
    await calm(h);
    expect(h.errors).toEqual([]);
    expect(h.passes.length).toBeGreaterThanOrEqual(2);
  });

  it('says which data cell is selected, and re-validates on leaving the profile cells', async () => {
    const h = await open();
    await userSelect(h.ctx, SHEET, h.at('s3.new.natural'));
    await calm(h);
    expect(h.selections[h.selections.length - 1]).toBe('s3.new.natural');
    const profile = h.plan.map.keys.find((k) => k.startsWith('profile.'));
    if (profile) {
      await userSelect(h.ctx, SHEET, h.at(profile));
      await calm(h);
      const passes = h.passes.length;
      await userSelect(h.ctx, SHEET, h.at('s3.new.natural'));
      await calm(h);
      expect(h.passes.length).toBe(passes + 1);
    }
  });

  it('below ExcelApi 1.7 (no events, no name formulas): found by its profile part, 重新校验 works', async () => {
    const h = await open('1.6');
    expect(h.session.mode).toBe('manual');
    await userType(h.ctx, SHEET, h.at('s4.review.total'), 3);
    await calm(h);
    expect(h.passes).toHaveLength(1);
    h.session.recheck();
    await calm(h);
    expect(h.rules()).toEqual(['S4-GROUP-TOTAL']);
  });

  it('selects every cell of a finding on 定位', async () => {
    const h = await open();
    await h.session.select(SHEET, ['s4.review.total', 's4.review.upheld', 'previous.s3.carriedOver.natural']);
    await calm(h);
    // Both cells of this year; last year's cell is on last year's sheet.
    expect(h.ctx.state.selection?.address.split(',')).toEqual([h.at('s4.review.total'), h.at('s4.review.upheld')]);
  });

  it('watches a report sheet added later (ExcelApi 1.9 onAdded)', async () => {
    const h = await open();
    const layout = buildLayout({ version: '2021', sheetName: '2025年报表格', year: 2025 });
    await writeLayoutToWorkbook(asExcel(h.ctx), layout, {
      values: busyReport().values,
      profileXml: '',
      supports: supportsFor(h.ctx),
    });
    await calm(h);
    const last = h.passes[h.passes.length - 1];
    expect(last.sheets.map((s) => s.sheet)).toEqual([SHEET, '2025年报表格']);
    const before = h.passes.length;
    const [, added] = await runExcel(h.ctx, (c) => planReportsInWorkbook(asExcel(c), { file: 'x' }));
    const rect = added.map.rectOf('s4.review.total');
    await userType(h.ctx, '2025年报表格', rangeA1({ row: rect?.row ?? 0, col: rect?.col ?? 0, rows: 1, cols: 1 }), 9);
    await calm(h);
    expect(h.passes.length).toBe(before + 1);
    expect(h.passes[h.passes.length - 1].changed.get('2025年报表格')).toEqual(['s4.review.total']);
  });

  it('stops listening when disposed', async () => {
    const h = await open();
    await h.session.dispose();
    await userType(h.ctx, SHEET, h.at('s4.review.total'), 3);
    await calm(h);
    expect(h.passes).toHaveLength(1);
  });
});
