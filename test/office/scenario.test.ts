// The Node side's judgement of the driver's results (scenario.ts): run.mjs's semantics for `rules`,
// `absent`, `status`, `maxSyncs`, `sheetStatus`/`noSheetStatus`; the status translated for a pane in
// English; what desktop Excel cannot play; results kept short enough for the test server's URL.
import {
  compactResult,
  expectedStatus,
  firstUnplayable,
  judge,
  MAX_ENCODED_RESULT,
  planFor,
  type PlanEntry,
  type ScenarioResult,
  type StepResult,
} from './scenario';

const step = (over: Partial<StepResult> = {}): StepResult => ({ findings: [], status: '可以发布', syncs: 1, ...over });
const finding = (rule: string): StepResult['findings'][number] => ({
  rule,
  severity: 'error',
  cells: ['s4.review.total'],
});

function result(steps: StepResult[], over: Partial<ScenarioResult> = {}): ScenarioResult {
  return { file: 'x.json', locale: 'zh-CN', steps, failures: [], ...over };
}

describe('judge', () => {
  const entry: PlanEntry = {
    file: 'x.json',
    scenario: {
      steps: [{ zero: ['s4'] }, { type: { 's4.review.upheld': 2 } }, { fix: 'S4-GROUP-TOTAL' }],
      expect: [
        { status: '可以发布', maxSyncs: 3 },
        { rules: ['S4-GROUP-TOTAL'], sheetStatus: '✖' },
        { absent: ['S4-GROUP-TOTAL'], noSheetStatus: '✖' },
      ],
    },
  };

  it('passes results that meet every expectation', () => {
    const steps = [
      step(),
      step({ findings: [finding('S4-GROUP-TOTAL')], status: '1 个错误', sheetStatuses: ['✖ 差 +2'] }),
      step({ sheetStatuses: ['校验通过'] }),
    ];
    expect(judge(entry, result(steps))).toEqual({ failures: [], skipped: [] });
  });

  it('says what failed, in run.mjs’s words', () => {
    const steps = [
      step({ status: '1 个错误', syncs: 4 }),
      step({ sheetStatuses: ['校验通过'] }),
      step({ findings: [finding('S4-GROUP-TOTAL')], sheetStatuses: ['✖ 差 +2'] }),
    ];
    expect(judge(entry, result(steps, { failures: ['第 2 步后 s4.review.upheld 由 2 变成了 3'] })).failures).toEqual([
      '第 2 步后 s4.review.upheld 由 2 变成了 3',
      '第 1 步：4 次 sync，超过 3',
      '第 1 步：状态应含“可以发布”，实为“1 个错误”',
      '第 2 步：应显示 S4-GROUP-TOTAL，未显示',
      '第 2 步：表格的“本表校验”应含“✖”',
      '第 3 步：不应显示 S4-GROUP-TOTAL',
      '第 3 步：表格的“本表校验”不应含“✖”',
    ]);
  });

  it('fails results that lack steps, and lists skipped steps apart', () => {
    expect(judge(entry, result([step()])).failures).toEqual(['结果有 1 步，场景有 3 步']);
    const skipped = [step(), step({ skipped: 'remote: …' }), step({ skipped: 'remote: …（在第 2 步）' })];
    expect(judge(entry, result(skipped))).toEqual({
      failures: [],
      skipped: [
        { step: 2, reason: 'remote: …' },
        { step: 3, reason: 'remote: …（在第 2 步）' },
      ],
    });
  });

  it('reads an English pane’s status through the catalogue', () => {
    expect(expectedStatus('可以发布', 'en-US')).toBe('Ready to publish');
    expect(expectedStatus('1 个警告', 'en-US')).toBe('1 warning');
    expect(expectedStatus('2 个错误、1 个警告', 'en-US')).toBe('2 errors, 1 warning');
    expect(expectedStatus('1 个警告', 'zh-CN')).toBe('1 个警告');
    const english = result(
      [
        step({ status: 'Ready to publish' }),
        step({ findings: [finding('S4-GROUP-TOTAL')], sheetStatuses: ['✖'] }),
        step(),
      ],
      {
        locale: 'en-US',
      },
    );
    expect(judge(entry, english).failures).toEqual([]);
  });
});

describe('what desktop Excel cannot play', () => {
  it('skips a co-author’s edit and every step after it', () => {
    expect(firstUnplayable({ steps: [{ zero: ['s2'] }, { remote: { a: 1 } }, { type: { b: 1 } }] })).toEqual({
      index: 1,
      reason: expect.stringMatching(/^remote/),
    });
    expect(firstUnplayable({ steps: [{ zero: ['s2'] }, { reload: true }] })).toBeUndefined();
  });

  it('skips a scenario that sets the host’s API level, unless the host is a fake that honours it', () => {
    const files = [
      { file: 'a.json', scenario: { host: { excelApi: '1.6' } } },
      { file: 'b.json', scenario: { host: { roundTripMs: 50 } } },
    ];
    const plan = planFor(files, { runId: 'r', basePort: 4201, workbookMarker: 'id' });
    expect(plan.scenarios.map((s) => s.skip)).toEqual([expect.stringContaining('1.6'), undefined]);
    expect(plan.workbookMarker).toBe('id');
    expect(planFor(files, { runId: 'r', basePort: 4201, honourHost: true }).scenarios.map((s) => s.skip)).toEqual([
      undefined,
      undefined,
    ]);
  });
});

describe('compactResult', () => {
  const many = Array.from({ length: 175 }, (_, i) => `s3.row${i}.natural`);
  const big = result(
    Array.from({ length: 6 }, () =>
      step({
        findings: [{ rule: 'CELL-BLANK', severity: 'error', cells: many }],
        status: '175 个错误其中 175 个单元格尚未填写',
      }),
    ),
  );
  const size = (r: ScenarioResult): number => encodeURIComponent(JSON.stringify(r)).length;

  it('keeps a short result as it is', () => {
    const small = result([step()]);
    expect(compactResult(small)).toBe(small);
  });

  it('drops the cells of a long one, keeping rules, statuses and syncs, and says so', () => {
    expect(size(big)).toBeGreaterThan(MAX_ENCODED_RESULT);
    const short = compactResult(big);
    expect(size(short)).toBeLessThanOrEqual(MAX_ENCODED_RESULT);
    expect(short.steps.map((s) => [s.findings.map((f) => f.rule), s.status, s.syncs])).toEqual(
      big.steps.map((s) => [['CELL-BLANK'], s.status, 1]),
    );
    expect(short.notes?.join()).toMatch(/cells left out/);
  });
});
