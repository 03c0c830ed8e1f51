// The scenario files of test/e2e/scenarios (format: test/e2e/README.md) as the Office suite sees them:
// their shape, the plan the Node side hands the in-Excel driver, the results the driver sends back,
// and the comparison of those results with each step's `expect` — the same semantics as
// test/e2e/run.mjs (`rules` must all be shown, `absent` none; `status` is contained in the status
// line; `maxSyncs`, `sheetStatus`, `noSheetStatus` as there). Shared by the browser and Node.
import { strings, type Locale } from '../../src/i18n';

export type Scalar = string | number | boolean;

export interface ScenarioExpect {
  readonly rules?: readonly string[];
  readonly absent?: readonly string[];
  readonly status?: string;
  readonly maxSyncs?: number;
  readonly sheetStatus?: string;
  readonly noSheetStatus?: string;
  /** Texts the preview of 导入上年报告 must show (its tables unfolded), before 确认导入. */
  readonly previewText?: readonly string[];
  /** Texts the pane must show. */
  readonly paneText?: readonly string[];
}

/** One step: exactly one of the action fields (plus `reason` with `dismiss`). */
export interface ScenarioStep {
  readonly type?: Readonly<Record<string, Scalar>>;
  readonly paste?: Readonly<Record<string, Scalar>>;
  readonly clear?: readonly string[];
  readonly remote?: Readonly<Record<string, Scalar>>;
  readonly fix?: string;
  readonly dismiss?: string;
  readonly reason?: string;
  readonly reload?: boolean;
  readonly zero?: readonly string[];
  readonly restore?: string;
  readonly select?: string;
  readonly recheck?: boolean;
  readonly withFormats?: boolean;
  readonly unprotect?: boolean;
  readonly deleteRows?: { readonly key: string; readonly offset?: number; readonly count?: number };
  readonly insertRows?: { readonly key: string; readonly offset?: number; readonly count?: number };
  readonly repair?: boolean;
  /** 生成 Word 文稿 (true), or where the host allows no download ('noDownload'). */
  readonly document?: boolean | 'noDownload';
  /**
   * 导入上年报告: a file picked (a path from the project's root) or text pasted; then 确认导入 unless
   * `confirm` is false.
   */
  readonly importPrevious?: { readonly file?: string; readonly text?: string; readonly confirm?: boolean };
  /** 汇总下级单位: the units' files picked (paths from the project's root), the agency typed, then 插入汇总表格 unless `confirm` is false. */
  readonly merge?: { readonly files: readonly string[]; readonly agency?: string; readonly confirm?: boolean };
}

export interface Scenario {
  readonly host?: { readonly excelApi?: string; readonly roundTripMs?: number };
  readonly insert?: { readonly year: number; readonly agency?: string; readonly kind?: string };
  readonly previous?: {
    readonly profile: { readonly year?: number; readonly format?: '2019' | '2021'; readonly agency?: string };
    readonly values: Readonly<Record<string, number | string | null>>;
  };
  readonly steps?: readonly ScenarioStep[];
  readonly expect?: readonly (ScenarioExpect | null)[];
}

/** One scenario of a run: the file's name, its content, and why it is not played, if it is not. */
export interface PlanEntry {
  readonly file: string;
  readonly scenario: Scenario;
  readonly skip?: string;
}

/** The plan file the Node side writes beside test-taskpane.html. */
export const PLAN_FILE = 'office-test-plan.json';

/** What the Node side serves the driver (office-test-plan.json): scenario i reports to `basePort + i`. */
export interface Plan {
  /** Tells this run's plan from a stale one a reopened pane may still hold in sessionStorage. */
  readonly runId: string;
  readonly basePort: number;
  /** In Excel: the driver empties only a workbook whose name contains this (the sideloaded one's does). */
  readonly workbookMarker?: string;
  readonly scenarios: readonly PlanEntry[];
}

export interface ShownFinding {
  readonly rule: string;
  readonly severity: string;
  readonly cells: readonly string[];
}

export interface StepResult {
  readonly findings: readonly ShownFinding[];
  readonly status: string;
  /** The pane's own `context.sync` calls during the step (the driver's are not counted). */
  readonly syncs: number;
  /** Why the step was not played (then nothing else of it means anything). */
  readonly skipped?: string;
  /** The 本表校验 cells' texts, read only when the step's expectation asks about them. */
  readonly sheetStatuses?: readonly string[];
}

/** What the driver sends for one scenario. */
export interface ScenarioResult {
  readonly file: string;
  /** The pane's language (Office's display language): the status texts are in it. */
  readonly locale: Locale;
  readonly steps: readonly StepResult[];
  /** What went wrong in Excel: an action that failed, a typed value that changed without a click. */
  readonly failures: readonly string[];
  /** The whole scenario was not played. */
  readonly skipped?: string;
  /** Notes for the reader (a finding's cells left out to keep the message short, …). */
  readonly notes?: readonly string[];
}

/**
 * The longest result sent in one go, URL-encoded: office-addin-test-server reads the result from the
 * POST's query string, and Node's HTTP server takes 16 KiB of request line and headers at most.
 */
export const MAX_ENCODED_RESULT = 12000;

/** A result short enough for the test server's URL: the cells go first, then all but the rules. */
export function compactResult(result: ScenarioResult): ScenarioResult {
  const size = (r: ScenarioResult): number => encodeURIComponent(JSON.stringify(r)).length;
  if (size(result) <= MAX_ENCODED_RESULT) return result;
  const noCells: ScenarioResult = {
    ...result,
    steps: result.steps.map((s) => ({ ...s, findings: s.findings.map((f) => ({ ...f, cells: [] })) })),
    notes: [...(result.notes ?? []), '为缩短结果，未附各问题的单元格 / cells left out to keep the result short'],
  };
  if (size(noCells) <= MAX_ENCODED_RESULT) return noCells;
  return {
    ...noCells,
    steps: noCells.steps.map((s) => ({
      ...s,
      findings: [...new Set(s.findings.map((f) => f.rule))].map((rule) => ({ rule, severity: '', cells: [] })),
      sheetStatuses: (s.sheetStatuses ?? []).map((t) => t.slice(0, 40)),
    })),
  };
}

/** Why a step cannot be played in desktop Excel, if it cannot. */
export function unplayableStep(step: ScenarioStep): string | undefined {
  if (step.remote) return 'remote: a co-author’s edit cannot be simulated in desktop Excel';
  // The driver writes from inside the pane, so Excel marks its writes as the add-in's own; a paste with
  // the source's formats and rows moved by the user have no faithful imitation there (yet).
  if (step.withFormats) return 'paste withFormats: a paste from the clipboard cannot be made from the pane';
  if (step.unprotect || step.deleteRows || step.insertRows || step.repair)
    return 'rows moved by the user (unprotect, deleteRows, insertRows, repair) are not imitated in desktop Excel';
  if (step.document !== undefined) return 'document: a downloaded file cannot be read back from desktop Excel';
  if (step.merge) return 'merge: a file dialog of desktop Excel cannot be answered from the pane';
  if (step.importPrevious) return 'importPrevious: a file dialog of desktop Excel cannot be answered from the pane';
  return undefined;
}

/** The first step that cannot be played (every later one depends on it), with the reason. */
export function firstUnplayable(scenario: Scenario): { index: number; reason: string } | undefined {
  const steps = scenario.steps ?? [];
  for (let i = 0; i < steps.length; i++) {
    const reason = unplayableStep(steps[i]);
    if (reason !== undefined) return { index: i, reason };
  }
  return undefined;
}

/**
 * Why a whole scenario is not played in desktop Excel: a scenario that sets the host's API level
 * (`host.excelApi`) is about an older Excel, and real Excel's level cannot be lowered.
 */
export function unplayableScenario(scenario: Scenario): string | undefined {
  if (scenario.host?.excelApi !== undefined) {
    return `host.excelApi ${scenario.host.excelApi}: the API level of a real Excel cannot be lowered`;
  }
  return undefined;
}

/** The plan for these scenario files (name → parsed content), skips decided for desktop Excel. */
export function planFor(
  files: readonly { file: string; scenario: Scenario }[],
  options: { runId: string; basePort: number; workbookMarker?: string; honourHost?: boolean },
): Plan {
  return {
    runId: options.runId,
    basePort: options.basePort,
    ...(options.workbookMarker !== undefined ? { workbookMarker: options.workbookMarker } : {}),
    scenarios: files.map(({ file, scenario }) => {
      const skip = options.honourHost ? undefined : unplayableScenario(scenario);
      return skip === undefined ? { file, scenario } : { file, scenario, skip };
    }),
  };
}

/**
 * The expected status text in the pane's language. The scenarios are written in zh-CN; for a pane in
 * another language a status that is one of the catalogue's phrases (可以发布, N 个错误、M 个警告) is
 * translated, anything else is kept (and will not match, which the failure then says).
 */
export function expectedStatus(status: string, locale: Locale): string {
  if (locale === 'zh-CN') return status;
  const zh = strings('zh-CN').taskpane.live;
  const to = strings(locale).taskpane.live;
  if (status === zh.ready) return to.ready;
  for (let errors = 0; errors <= 99; errors++) {
    for (let warnings = 0; warnings <= 99; warnings++) {
      if (errors + warnings > 0 && zh.problems(errors, warnings) === status) return to.problems(errors, warnings);
    }
  }
  return status;
}

/** The failures of one step against its expectation (run.mjs's wording). */
export function stepFailures(index: number, expectation: ScenarioExpect, step: StepResult, locale: Locale): string[] {
  const out: string[] = [];
  const n = index + 1;
  const shown = new Set(step.findings.map((f) => f.rule));
  for (const r of expectation.rules ?? []) if (!shown.has(r)) out.push(`第 ${n} 步：应显示 ${r}，未显示`);
  for (const r of expectation.absent ?? []) if (shown.has(r)) out.push(`第 ${n} 步：不应显示 ${r}`);
  if (expectation.maxSyncs !== undefined && step.syncs > expectation.maxSyncs) {
    out.push(`第 ${n} 步：${step.syncs} 次 sync，超过 ${expectation.maxSyncs}`);
  }
  if (expectation.status !== undefined) {
    const wanted = expectedStatus(expectation.status, locale);
    if (!step.status.includes(wanted)) out.push(`第 ${n} 步：状态应含“${wanted}”，实为“${step.status}”`);
  }
  const statuses = step.sheetStatuses ?? [];
  if (expectation.sheetStatus !== undefined && !statuses.some((s) => s.includes(expectation.sheetStatus ?? ''))) {
    out.push(`第 ${n} 步：表格的“本表校验”应含“${expectation.sheetStatus}”`);
  }
  if (expectation.noSheetStatus !== undefined && statuses.some((s) => s.includes(expectation.noSheetStatus ?? ''))) {
    out.push(`第 ${n} 步：表格的“本表校验”不应含“${expectation.noSheetStatus}”`);
  }
  return out;
}

export interface Verdict {
  readonly failures: string[];
  /** The steps not played, 1-based, with why. */
  readonly skipped: { readonly step: number; readonly reason: string }[];
}

/** The driver's result for a scenario against the scenario's expectations. */
export function judge(entry: PlanEntry, result: ScenarioResult): Verdict {
  const failures = [...result.failures];
  const skipped: { step: number; reason: string }[] = [];
  if (result.skipped !== undefined || entry.skip !== undefined) return { failures, skipped };
  const steps = entry.scenario.steps ?? [];
  if (result.steps.length !== steps.length) {
    failures.push(`结果有 ${result.steps.length} 步，场景有 ${steps.length} 步`);
  }
  steps.forEach((_, i) => {
    const step = result.steps[i];
    if (!step) return;
    if (step.skipped !== undefined) {
      skipped.push({ step: i + 1, reason: step.skipped });
      return;
    }
    const expectation = entry.scenario.expect?.[i];
    if (expectation) failures.push(...stepFailures(i, expectation, step, result.locale));
  });
  return { failures, skipped };
}
