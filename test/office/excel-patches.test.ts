// excel-patches.ts over the fake host (which marks an add-in's writes `ThisLocalAddin` at ExcelApi 1.14
// as Excel does): the driver's announced writes reach a handler as the user's, any other write of the
// add-in keeps its mark, selection events are left alone, and only the pane's syncs are counted.
import { ExcelPatches } from './excel-patches';
import { createFakeExcel, runExcel, settled, type FakeRequestContext } from '../support/fake-excel';

interface Seen {
  triggerSource?: string;
  address: string;
  type: string;
}

async function setUp(excelApi = '1.17'): Promise<{ ctx: FakeRequestContext; patches: ExcelPatches; seen: Seen[] }> {
  const ctx = createFakeExcel([{ name: 'Sheet1' }], {}, { excelApi });
  const patches = new ExcelPatches();
  await runExcel(ctx, async (context) => {
    patches.install(context, context.workbook.worksheets.getActiveWorksheet().onChanged);
  });
  const seen: Seen[] = [];
  // As the pane registers its handlers (live-session.ts), after the patch.
  await runExcel(ctx, async (context) => {
    const ws = context.workbook.worksheets.getItem('Sheet1');
    ws.onChanged.add(async (args) => void seen.push(args as unknown as Seen));
    ws.onSelectionChanged.add(async (args) => void seen.push(args as unknown as Seen));
    await context.sync();
  });
  return { ctx, patches, seen };
}

async function sheetId(ctx: FakeRequestContext): Promise<string> {
  return runExcel(ctx, async (context) => {
    const ws = context.workbook.worksheets.getItem('Sheet1');
    ws.load('id');
    await context.sync();
    return ws.id;
  });
}

describe('ExcelPatches', () => {
  it('hands the driver’s announced write on as the user’s, and another write of the add-in as it came', async () => {
    const { ctx, patches, seen } = await setUp();
    const id = await sheetId(ctx);
    await runExcel(ctx, async (context) => {
      patches.own(context);
      patches.expectWrite(id, [{ row: 1, col: 1, rows: 1, cols: 1 }]);
      context.workbook.worksheets.getItem('Sheet1').getRange('B2').values = [[5]];
      await context.sync();
    });
    await settled(ctx);
    expect(patches.pendingWrites).toBe(0);
    // The pane's own write (a fix): not announced, keeps its mark, so the pane ignores it.
    await runExcel(ctx, async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('B2').values = [[6]];
      await context.sync();
    });
    await settled(ctx);
    expect(seen.map((e) => [e.address, e.triggerSource])).toEqual([
      ['B2', 'Unknown'],
      ['B2', 'ThisLocalAddin'],
    ]);
    expect(patches.relabelled).toBe(1);
  });

  it('matches a write to its event by area (a block) and leaves selection events alone', async () => {
    const { ctx, patches, seen } = await setUp();
    const id = await sheetId(ctx);
    patches.expectWrite(id, [{ row: 4, col: 2, rows: 1, cols: 3 }]);
    await runExcel(ctx, async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.activate();
      ws.getRange('C5').select();
      await context.sync();
    });
    await settled(ctx);
    expect(patches.pendingWrites).toBe(1);
    await runExcel(ctx, async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('D5:E5').values = [[1, 2]];
      await context.sync();
    });
    await settled(ctx);
    expect(patches.pendingWrites).toBe(0);
    expect(seen.map((e) => [e.type, e.address, e.triggerSource])).toEqual([
      ['WorksheetSelectionChanged', 'C5', undefined],
      ['WorksheetChanged', 'D5:E5', 'Unknown'],
    ]);
  });

  it('below ExcelApi 1.14 consumes the write’s event without a mark to change', async () => {
    const { ctx, patches, seen } = await setUp('1.13');
    const id = await sheetId(ctx);
    patches.expectWrite(id, [{ row: 0, col: 0, rows: 1, cols: 1 }]);
    await runExcel(ctx, async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      await context.sync();
    });
    await settled(ctx);
    expect(patches.pendingWrites).toBe(0);
    expect(patches.relabelled).toBe(0);
    expect(seen.map((e) => e.triggerSource)).toEqual([undefined]);
  });

  it('counts the pane’s syncs, not the driver’s, and knows when none is in flight', async () => {
    const { ctx, patches } = await setUp();
    const before = patches.paneSyncs;
    await runExcel(ctx, async (context) => {
      patches.own(context);
      await context.sync();
      await context.sync();
    });
    expect(patches.paneSyncs).toBe(before);
    const pending = runExcel(ctx, async (context) => {
      const sync = context.sync();
      expect(patches.inFlight).toBe(1);
      await sync;
    });
    await pending;
    expect(patches.paneSyncs).toBe(before + 1);
    expect(patches.inFlight).toBe(0);
  });
});
