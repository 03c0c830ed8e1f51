// The Word side's use case, host-free: the user picks the report workbook (or its JSON); the flow reads
// it with the reader core, picks the report (the latest year, with last year's sheet for the 同比
// wording), checks it, builds the outline and hands it to the Word port — 从工作簿生成 (generate) or 刷新数据
// (refresh). What comes back is what the pane shows, with printed labels instead of tags. The port and
// the file reader come in from the composition root (src/word and src/xlsx are adapters).
import { figureRunsOf, buildOutline, type FigureTag, type Outline } from '../../outline';
import { cellLabel, getCell } from '../../format';
import { effectiveFormat, type Report } from '../../report';
import { validate, type Finding } from '../../rules';
import { pairWithPreviousYear } from '../live/controller';

export interface PickedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** What src/xlsx/report-file.ts's readReportBytes gives. */
export type ReadReportFile = (name: string, bytes: Uint8Array) => Promise<readonly { file: string; report: Report }[]>;

/** The parts of src/word's port the flow uses (structural: the taskpane does not import adapters). */
export interface WordFlowPort {
  generate(
    input: { report: Report; outline: Outline; generated: string },
    options?: { force?: boolean },
  ): Promise<{
    readonly outcome: 'generated' | 'alreadyLinked';
    readonly linkedBefore: number;
    readonly figures: number;
    readonly prompts: number;
    readonly tables: number;
    readonly degraded: readonly string[];
  }>;
  refresh(
    input: { report: Report; outline: Outline; generated: string },
    options?: { overwriteHandEdited?: boolean },
  ): Promise<{
    readonly updated: readonly { tag: FigureTag; from: string; to: string }[];
    readonly unchanged: readonly FigureTag[];
    readonly handEdited: readonly {
      tag: FigureTag;
      text: string;
      generated: string | null;
      now: string;
      overwritten: boolean;
    }[];
    readonly locked: readonly { tag: FigureTag; text: string; now: string }[];
    readonly orphaned: readonly FigureTag[];
    readonly missing: readonly FigureTag[];
    readonly lastGenerated: string;
  }>;
}

export interface WordFlowDeps {
  readonly readFile: ReadReportFile;
  readonly port: WordFlowPort;
  readonly currentYear: number;
  readonly now?: () => Date;
}

/** The report the file gives, as the pane describes it. */
export interface ChosenReport {
  /** `年报.xlsx` or `年报.xlsx#2024年报表格`. */
  readonly source: string;
  readonly report: Report;
  readonly errors: number;
  readonly warnings: number;
  /** Whether last year's sheet of the same workbook feeds the 同比 wording. */
  readonly withPrevious: boolean;
}

export type GenerateResult =
  /** The tables have errors: generating is allowed, once the user says so. */
  | { readonly kind: 'confirmErrors'; readonly chosen: ChosenReport }
  /** The document already holds linked figures: 刷新数据 is what the user may want; or a second skeleton. */
  | { readonly kind: 'alreadyLinked'; readonly chosen: ChosenReport; readonly linked: number }
  | {
      readonly kind: 'generated';
      readonly chosen: ChosenReport;
      readonly figures: number;
      readonly prompts: number;
      readonly tables: number;
      readonly degraded: readonly string[];
    };

export interface FigureChange {
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

export interface HandEdit {
  readonly label: string;
  /** What the user typed. */
  readonly text: string;
  /** What the workbook says. */
  readonly now: string;
  readonly overwritten: boolean;
}

export interface RefreshResult {
  readonly kind: 'refreshed';
  readonly chosen: ChosenReport;
  /** The figures updated, each once. */
  readonly updated: readonly FigureChange[];
  /** The controls updated (a figure may stand in several places). */
  readonly controlsUpdated: number;
  readonly unchanged: number;
  readonly handEdited: readonly HandEdit[];
  readonly locked: readonly HandEdit[];
  /** Labels (or tags) of controls whose figure the report no longer has. */
  readonly orphaned: readonly string[];
  /** Labels of figures of the report no control shows. */
  readonly missing: readonly string[];
  /** No record of what was generated (every differing figure counts as hand-edited). */
  readonly noRecord: boolean;
}

/** The report a file holds: its latest year, paired with last year's sheet when the workbook has one. */
export function chooseReport(entries: readonly { file: string; report: Report }[], currentYear: number): ChosenReport {
  if (entries.length === 0) throw new Error('no report in the file');
  const sheets = entries.map((e) => ({ sheet: e.file, report: e.report }));
  const paired = pairWithPreviousYear(sheets);
  const year = (r: Report): number => r.profile.year ?? -Infinity;
  let best = paired[0];
  for (const s of paired) if (year(s.report) > year(best.report)) best = s;
  const findings: Finding[] = validate(best.report, { currentYear });
  return {
    source: best.sheet,
    report: best.report,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    withPrevious: best.report.previous !== undefined,
  };
}

/** The changes without repeats. */
function distinct(changes: readonly FigureChange[]): FigureChange[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    const key = JSON.stringify([c.label, c.from, c.to]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Printed labels of an outline's figures, by tag (a sum's alias names its parts). */
function labelsOf(outline: Outline): Map<string, string> {
  const labels = new Map<string, string>();
  for (const run of figureRunsOf(outline)) if (!labels.has(run.tag)) labels.set(run.tag, run.alias);
  return labels;
}

export interface WordFlow {
  generate(file: PickedFile, options?: { acceptErrors?: boolean; force?: boolean }): Promise<GenerateResult>;
  refresh(file: PickedFile, options?: { overwriteHandEdited?: boolean }): Promise<RefreshResult>;
}

export function createWordFlow(deps: WordFlowDeps): WordFlow {
  const now = deps.now ?? (() => new Date());
  const read = async (file: PickedFile): Promise<ChosenReport> =>
    chooseReport(await deps.readFile(file.name, file.bytes), deps.currentYear);
  return {
    async generate(file, options = {}) {
      const chosen = await read(file);
      if (chosen.errors > 0 && !options.acceptErrors) return { kind: 'confirmErrors', chosen };
      const outline = buildOutline(chosen.report);
      const result = await deps.port.generate(
        { report: chosen.report, outline, generated: now().toISOString() },
        { force: options.force === true },
      );
      if (result.outcome === 'alreadyLinked') return { kind: 'alreadyLinked', chosen, linked: result.linkedBefore };
      return {
        kind: 'generated',
        chosen,
        figures: result.figures,
        prompts: result.prompts,
        tables: result.tables,
        degraded: result.degraded,
      };
    },
    async refresh(file, options = {}) {
      const chosen = await read(file);
      const outline = buildOutline(chosen.report);
      const labels = labelsOf(outline);
      const version = effectiveFormat(chosen.report.profile);
      const label = (tag: string): string => {
        const known = labels.get(tag);
        if (known !== undefined) return known;
        // A control the report no longer has (an orphan): its cell's printed labels when it names one.
        const key = tag.slice('nianbao:'.length);
        return getCell(version, key) ? cellLabel(version, key) : tag;
      };
      const report = await deps.port.refresh(
        { report: chosen.report, outline, generated: now().toISOString() },
        { overwriteHandEdited: options.overwriteHandEdited === true },
      );
      return {
        kind: 'refreshed',
        chosen,
        // One line per figure: a figure shown twice (a sentence and its table) changed in both places.
        updated: distinct(report.updated.map((u) => ({ label: label(u.tag), from: u.from, to: u.to }))),
        controlsUpdated: report.updated.length,
        unchanged: report.unchanged.length,
        handEdited: report.handEdited.map((h) => ({
          label: label(h.tag),
          text: h.text,
          now: h.now,
          overwritten: h.overwritten,
        })),
        locked: report.locked.map((l) => ({ label: label(l.tag), text: l.text, now: l.now, overwritten: false })),
        orphaned: [...new Set(report.orphaned)].map((t) => label(t)),
        missing: report.missing.map((t) => label(t)),
        noRecord: report.lastGenerated === 'none' || report.lastGenerated === 'unreadable',
      };
    },
  };
}
