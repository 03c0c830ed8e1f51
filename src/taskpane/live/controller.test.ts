import { busyReport, edit, zeroReport } from '../../../test/rules/support';
import type { Report, StoredPrevious } from '../../report';
import type { Dismissal } from '../../rules';
import { createLiveController, pairWithPreviousYear, type LivePort, type PortListener } from './controller';

/** A port over an in-memory workbook: passes on demand, writes recorded. */
function memoryPort(sheets: { sheet: string; report: Report }[]) {
  let listener: PortListener | undefined;
  const stored = new Map<string, readonly Dismissal[]>();
  const previous = new Map<string, StoredPrevious>();
  const writes: { sheet: string; key: string; value: number }[] = [];
  const selections: { sheet: string; keys: readonly string[] }[] = [];
  const pass = (): void => listener?.onPass({ sheets: sheets.map((s) => ({ ...s })) });
  const port: LivePort = {
    async start(l) {
      listener = l;
      // The first pass arrives after start resolves, as a real pass does (a sync away).
      let first: Promise<void> = Promise.resolve();
      first = new Promise((resolve) => setTimeout(() => resolve(pass()), 5));
      return {
        mode: 'events',
        recheck: pass,
        idle: () => first,
        select: async (sheet, keys) => {
          selections.push({ sheet, keys });
        },
        writeValue: async (sheet, key, value) => {
          writes.push({ sheet, key, value });
          const s = sheets.find((x) => x.sheet === sheet);
          if (s) s.report = edit(s.report, { [key]: value });
          pass();
        },
        repair: async () => ({ kept: 0, lost: [] }),
        dispose: async () => undefined,
      };
    },
    readDismissals: async (sheet) => stored.get(sheet) ?? [],
    writeDismissals: async (sheet, list) => {
      stored.set(sheet, list);
    },
    readPrevious: async () => new Map(previous),
    writePrevious: async (sheet, entry) => {
      if (entry) previous.set(sheet, entry);
      else previous.delete(sheet);
    },
  };
  return { port, stored, previous, writes, selections, pass, listener: () => listener };
}

const options = { locale: 'zh-CN' as const, currentYear: 2026, now: () => new Date('2025-01-10T09:00:00Z') };

describe('the live controller', () => {
  it('shows the findings of the workbook’s report sheet once started', async () => {
    const { port } = memoryPort([{ sheet: '2024年报表格', report: edit(busyReport(), { 's4.review.total': 3 }) }]);
    const c = createLiveController(port, options);
    await c.start();
    expect(c.state.mode).toBe('events');
    expect(c.state.active).toBe('2024年报表格');
    expect(c.state.sheets[0].model.groups.flatMap((g) => g.findings).map((f) => f.rule)).toEqual(['S4-GROUP-TOTAL']);
  });

  it('fixes a total only through the port, on request, and re-validates', async () => {
    const memory = memoryPort([{ sheet: 'A', report: edit(busyReport(), { 's4.review.total': 3 }) }]);
    const c = createLiveController(memory.port, options);
    await c.start();
    expect(memory.writes).toEqual([]);
    const finding = c.state.sheets[0].model.groups[0].findings[0];
    await c.fix('A', finding);
    expect(memory.writes).toEqual([{ sheet: 'A', key: 's4.review.total', value: 2 }]);
    expect(c.state.sheets[0].model.ready).toBe(true);
  });

  it('stores a dismissal in the workbook and keeps it across a restart of the pane', async () => {
    const report = edit(busyReport(), { 's2.regulation.issued': 1, 's2.regulation.valid': 1 });
    const memory = memoryPort([{ sheet: 'A', report }]);
    const c = createLiveController(memory.port, options);
    await c.start();
    const warning = c.state.sheets[0].model.groups[0].findings[0];
    await c.dismissFinding('A', warning, '有规章制定权');
    expect(memory.stored.get('A')).toEqual([
      expect.objectContaining({ reason: '有规章制定权', at: '2025-01-10T09:00:00.000Z' }),
    ]);
    expect(c.state.sheets[0].model.ready).toBe(true);
    const reopened = createLiveController(memory.port, options);
    await reopened.start();
    expect(reopened.state.sheets[0].model.dismissed).toHaveLength(1);
    await reopened.restoreFinding('A', warning.findingKey);
    expect(reopened.state.sheets[0].model.warnings).toBe(1);
    expect(memory.stored.get('A')).toEqual([]);
  });

  it('is starting until the first findings are shown with their dismissals — a dismissed warning never flashes', async () => {
    const report = edit(busyReport(), { 's2.regulation.issued': 1, 's2.regulation.valid': 1 });
    const memory = memoryPort([{ sheet: 'A', report }]);
    const first = createLiveController(memory.port, options);
    await first.start();
    await first.dismissFinding('A', first.state.sheets[0].model.groups[0].findings[0], '有规章制定权');
    const reopened = createLiveController(memory.port, options);
    const seen: { starting: boolean; warnings: number[] }[] = [];
    reopened.subscribe(() =>
      seen.push({ starting: reopened.state.starting, warnings: reopened.state.sheets.map((s) => s.model.warnings) }),
    );
    expect(reopened.state.starting).toBe(true);
    await reopened.start();
    expect(reopened.state.starting).toBe(false);
    // Never a state where the dismissed warning counts as open.
    expect(seen.filter((s) => s.warnings.some((w) => w > 0))).toEqual([]);
    expect(seen[seen.length - 1]).toEqual({ starting: false, warnings: [0] });
  });

  it('stops starting when the workbook has no report sheet, or the watch fails', async () => {
    const failing: LivePort = { ...memoryPort([]).port, start: () => Promise.reject(new Error('无法连接 Excel')) };
    const c = createLiveController(failing, options);
    await c.start();
    expect(c.state.starting).toBe(false);
    expect(c.state.error).toEqual(new Error('无法连接 Excel'));
  });

  it('selects every cell of a finding on 定位', async () => {
    const memory = memoryPort([{ sheet: 'A', report: edit(busyReport(), { 's4.review.total': 3 }) }]);
    const c = createLiveController(memory.port, options);
    await c.start();
    await c.locate('A', c.state.sheets[0].model.groups[0].findings[0]);
    expect(memory.selections[0].keys[0]).toBe('s4.review.total');
  });

  it('feeds last year’s sheet of the same workbook to the cross-year rules', async () => {
    const lastYear = edit(zeroReport('2021', 2023), { 's3.carriedOver.natural': 5, 's2.normative.valid': 17 });
    const memory = memoryPort([
      { sheet: '2023', report: lastYear },
      { sheet: '2024', report: busyReport() },
    ]);
    const c = createLiveController(memory.port, options);
    await c.start();
    const rules = c.state.sheets[1].findings.map((f) => f.rule);
    expect(rules).toContain('S3-CARRY-CONTINUITY');
    expect(c.state.sheets[0].findings.map((f) => f.rule)).not.toContain('S3-CARRY-CONTINUITY');
  });

  it('shows the selected cell and says which sheet is damaged', async () => {
    const memory = memoryPort([{ sheet: 'A', report: busyReport() }]);
    const c = createLiveController(memory.port, options);
    await c.start();
    memory.listener()?.onSelection('A', 's3.new.natural');
    expect(c.state.selection).toEqual({ sheet: 'A', key: 's3.new.natural' });
    memory.listener()?.onSelection('A', undefined);
    expect(c.state.selection).toBeUndefined();
    memory.listener()?.onDamage([
      {
        sheet: 'A',
        problems: [
          { kind: 'rowMissing', row: 24, label: '商业企业 科研机构' },
          { kind: 'cellMisplaced', key: 's3.new.natural' },
        ],
      },
    ]);
    expect(c.state.damaged).toEqual([{ sheet: 'A', missingRows: ['商业企业 科研机构'] }]);
    memory.listener()?.onDamage([]);
    expect(c.state.damaged).toEqual([]);
  });
});

describe('last year’s report imported into the workbook', () => {
  const lastYear = (carriedOver: number): Report => ({
    profile: { year: 2023 },
    values: {
      ...zeroReport('2021', 2023).values,
      's3.carriedOver.natural': carriedOver,
      's3.carriedOver.total': carriedOver,
    },
  });

  it('feeds the cross-year rules once imported, survives a restart, and goes when removed', async () => {
    const memory = memoryPort([{ sheet: '2024', report: busyReport() }]);
    const c = createLiveController(memory.port, options);
    await c.start();
    const rules = (): string[] => c.state.sheets[0].findings.map((f) => f.rule);
    expect(rules()).not.toContain('S3-CARRY-CONTINUITY');
    await c.importPrevious('2024', lastYear(99), '2023年报.txt');
    expect(rules()).toContain('S3-CARRY-CONTINUITY');
    expect(c.state.sheets[0].previous).toEqual({ kind: 'imported', source: '2023年报.txt', year: 2023 });
    expect(memory.previous.get('2024')?.report.values['s3.carriedOver.natural']).toBe(99);

    // The pane reopened on the same workbook reads it back.
    const again = createLiveController(memory.port, options);
    await again.start();
    expect(again.state.sheets[0].findings.map((f) => f.rule)).toContain('S3-CARRY-CONTINUITY');

    await again.removePrevious('2024');
    expect(again.state.sheets[0].findings.map((f) => f.rule)).not.toContain('S3-CARRY-CONTINUITY');
    expect(again.state.sheets[0].previous).toBeUndefined();
    expect(memory.previous.size).toBe(0);
  });

  it('prefers the imported report to last year’s sheet, and says which it uses', async () => {
    const memory = memoryPort([
      { sheet: '2023', report: lastYear(0) },
      { sheet: '2024', report: busyReport() },
    ]);
    const c = createLiveController(memory.port, options);
    await c.start();
    expect(c.state.sheets[1].previous).toEqual({ kind: 'sheet', sheet: '2023' });
    await c.importPrevious('2024', lastYear(99), '粘贴的文本');
    expect(c.state.sheets[1].previous).toMatchObject({ kind: 'imported', source: '粘贴的文本' });
    expect(c.state.sheets[1].report.previous?.values['s3.carriedOver.natural']).toBe(99);
  });
});

describe('pairWithPreviousYear', () => {
  it('pairs only with exactly one sheet of the year before', () => {
    const y = (year: number) => ({ sheet: String(year), report: zeroReport('2021', year) });
    expect(pairWithPreviousYear([y(2023), y(2024)])[1].report.previous?.profile.year).toBe(2023);
    expect(pairWithPreviousYear([y(2023), y(2024)])[0].report.previous).toBeUndefined();
    expect(pairWithPreviousYear([y(2023), { ...y(2023), sheet: 'copy' }, y(2024)])[2].report.previous).toBeUndefined();
    expect(pairWithPreviousYear([y(2022), y(2024)])[1].report.previous).toBeUndefined();
  });
});
