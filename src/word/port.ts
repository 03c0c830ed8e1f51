// The Word side as the task pane sees it: one small port (as the Excel side has its session), so that
// the pane's 从工作簿生成 and 刷新数字 run against Office.js, the fake host of the tests, or a later host.
// The pane builds the outline from the workbook's report; the port writes it and keeps the snapshot.
import type { Outline } from '../outline';
import { buildSnapshotXml, type ParseXml, type SnapshotInput } from '../outline/snapshot';
import { planWordApi, REQUIRED_WORD_API, type WordApiPlan } from './api-support';
import { WordLinkError } from './errors';
import { refreshFigures, type LinkReport } from './refresh';
import { renderOutline, type RenderResult } from './render';
import { SnapshotStore, type DocumentSettings, type SnapshotSource } from './snapshot-store';

/** `Word.run`. */
export type WordRunner = <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;

/** `Office.context.requirements.isSetSupported`. */
export type IsSetSupported = (name: string, minVersion?: string) => boolean;

export interface WordPortOptions {
  readonly run: WordRunner;
  readonly isSetSupported: IsSetSupported;
  /** Office.context.document.settings: where the snapshot goes below WordApi 1.4. */
  readonly settings?: DocumentSettings;
  /** The platform's XML parser (the pane: DOMParser), for reading the snapshot. */
  readonly parseXml: ParseXml;
}

export interface WordSupport {
  /** False: no WordApi 1.1 (Word 2013 or older, or no Word at all): every call fails with API_UNSUPPORTED. */
  readonly usable: boolean;
  readonly plan: WordApiPlan;
  /** Where a new snapshot will be kept; undefined: nowhere (no custom XML parts, no settings). */
  readonly snapshot: SnapshotSource | undefined;
}

export interface GenerateOptions {
  /** Append a second skeleton to a document that already has linked figures (the pane asked). */
  readonly force?: boolean;
}

export interface RefreshPortOptions {
  /** The user confirmed overwriting the figures they typed over. */
  readonly overwriteHandEdited?: boolean;
}

export interface WordPort {
  readonly supports: WordSupport;
  /** 从工作簿生成: the skeleton written at the end of the document (or in place of an empty one), with its snapshot. */
  generate(input: SnapshotInput, options?: GenerateOptions): Promise<RenderResult>;
  /** 刷新数字: the linked figures brought up to the workbook's values (input.outline), and the snapshot with them. */
  refresh(input: SnapshotInput, options?: RefreshPortOptions): Promise<LinkReport>;
}

export function createWordPort(options: WordPortOptions): WordPort {
  const supportsApi = (set: 'WordApi', version: string): boolean => options.isSetSupported(set, version);
  const usable = supportsApi('WordApi', REQUIRED_WORD_API);
  const plan = planWordApi(supportsApi);
  const customXml = plan.enabled.has('customXml');
  const store = (): SnapshotStore =>
    new SnapshotStore({
      customXml,
      ...(options.settings ? { settings: options.settings } : {}),
      parseXml: options.parseXml,
    });
  const refuse = (): Promise<never> =>
    Promise.reject(new WordLinkError('API_UNSUPPORTED', `WordApi ${REQUIRED_WORD_API} is not supported`, { syncs: 0 }));
  return {
    supports: { usable, plan, snapshot: customXml ? 'customXml' : options.settings ? 'settings' : undefined },
    generate(input, generateOptions = {}) {
      if (!usable) return refuse();
      const xml = buildSnapshotXml(input);
      return options.run((context) =>
        renderOutline(context, input.outline, {
          plan,
          force: generateOptions.force === true,
          snapshot: { store: store(), xml },
        }),
      );
    },
    refresh(input, refreshOptions = {}) {
      if (!usable) return refuse();
      return options.run((context) =>
        refreshFigures(context, input.outline, {
          store: store(),
          snapshotFor: (written: Outline) => buildSnapshotXml({ ...input, outline: written }),
          overwriteHandEdited: refreshOptions.overwriteHandEdited === true,
        }),
      );
    },
  };
}
