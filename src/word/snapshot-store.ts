// Where the document keeps its snapshot (src/outline/snapshot.ts: the values and figure texts it was
// generated with), which a refresh needs to tell a figure still as generated from one typed over.
//
// - WordApi 1.4 (Microsoft 365, the web): a custom XML part in the document (document.customXmlParts),
//   the same part the .docx writer embeds. Read and written inside the batches of generate and refresh.
// - Below (Office 2016, 2019, 2021): the add-in's settings in the document
//   (Office.context.document.settings, the common API), one setting holding the same XML text. They are
//   saved into the document by `saveAsync`, kept with the file, and belong to this add-in.
// A document can meet both kinds of Word (generated in Office 2019, refreshed in Microsoft 365, or
// back): reading looks in both and takes the newer by its `generated` time; writing goes to the custom
// XML part where there is one, and to the setting where the part cannot be written or where the
// document already has the setting (so that an older Word opening it again reads a current one).
import {
  parseSnapshotXml,
  SnapshotXmlError,
  SNAPSHOT_NAMESPACE,
  type ParseXml,
  type Snapshot,
} from '../outline/snapshot';

/** The setting's name in Office.context.document.settings. */
export const SNAPSHOT_SETTING = 'nianbao.snapshot';

export type SnapshotSource = 'customXml' | 'settings';

/** What a refresh found on record: the snapshot read (with where), none, or only ones it cannot read. */
export type StoredSnapshot =
  | { readonly kind: 'found'; readonly source: SnapshotSource; readonly snapshot: Snapshot }
  | { readonly kind: 'none' }
  | { readonly kind: 'unreadable'; readonly source: SnapshotSource; readonly problem: string };

/** Where a write went: the part, the setting, both, or nowhere (the settings could not be saved). */
export interface SavedSnapshot {
  readonly customXml: boolean;
  readonly settings: boolean;
  /** Why the setting was not saved, when it should have been. */
  readonly settingsError?: string;
}

/** The part of Office.Settings the store uses. */
export type DocumentSettings = Pick<Office.Settings, 'get' | 'set' | 'saveAsync'>;

export interface SnapshotStoreOptions {
  /** Whether document.customXmlParts is there (WordApi 1.4). */
  readonly customXml: boolean;
  /** Office.context.document.settings; absent where there is none (then only the part is used). */
  readonly settings?: DocumentSettings;
  readonly parseXml: ParseXml;
}

/** The snapshot store of one batch: `survey` before the first sync, then `read`, `queueWrite`, `commit`. */
export class SnapshotStore {
  private parts?: Word.CustomXmlPartScopedCollection;

  constructor(private readonly options: SnapshotStoreOptions) {}

  /** Where a write will go, as far as known before reading. */
  get primary(): SnapshotSource | undefined {
    return this.options.customXml ? 'customXml' : this.options.settings ? 'settings' : undefined;
  }

  /** Queues the look for our parts in the batch about to sync (nothing without custom XML parts). */
  survey(context: Word.RequestContext): void {
    if (this.options.customXml)
      this.parts = context.document.customXmlParts.getByNamespace(SNAPSHOT_NAMESPACE).load('items/id');
  }

  /**
   * After the survey's sync: the newest readable snapshot. Reading a part's XML takes one more sync
   * (`sync`), made only when the document has a part.
   */
  async read(sync: () => Promise<void>): Promise<StoredSnapshot> {
    const texts: { source: SnapshotSource; xml: string }[] = [];
    const items = this.parts?.items ?? [];
    if (items.length > 0) {
      const results = items.map((part) => part.getXml());
      await sync();
      for (const r of results) texts.push({ source: 'customXml', xml: r.value });
    }
    const setting: unknown = this.options.settings?.get(SNAPSHOT_SETTING);
    if (typeof setting === 'string' && setting !== '') texts.push({ source: 'settings', xml: setting });
    let best: { source: SnapshotSource; snapshot: Snapshot } | undefined;
    let unreadable: { source: SnapshotSource; problem: string } | undefined;
    for (const { source, xml } of texts) {
      let snapshot: Snapshot | undefined;
      try {
        snapshot = parseSnapshotXml(xml, this.options.parseXml);
      } catch (error) {
        unreadable ??= { source, problem: error instanceof SnapshotXmlError ? error.problem : String(error) };
        continue;
      }
      if (snapshot && (!best || time(snapshot) > time(best.snapshot))) best = { source, snapshot };
    }
    if (best) return { kind: 'found', ...best };
    return unreadable ? { kind: 'unreadable', ...unreadable } : { kind: 'none' };
  }

  /**
   * Queues the new snapshot into the batch: the first of our parts replaced (others removed: one record
   * per document), or a part added. Needs the survey's sync first.
   */
  queueWrite(context: Word.RequestContext, xml: string): void {
    if (!this.options.customXml) return;
    const items = this.parts?.items ?? [];
    if (items.length === 0) context.document.customXmlParts.add(xml);
    else {
      items[0].setXml(xml);
      for (const extra of items.slice(1)) extra.delete();
    }
  }

  /** After the batch: the setting written and saved where it is due. */
  async commit(xml: string): Promise<SavedSnapshot> {
    const settings = this.options.settings;
    const customXml = this.options.customXml;
    const due = settings !== undefined && (!customXml || typeof settings.get(SNAPSHOT_SETTING) === 'string');
    if (!due || !settings) return { customXml, settings: false };
    settings.set(SNAPSHOT_SETTING, xml);
    const error = await new Promise<string | undefined>((resolve) => {
      settings.saveAsync((result) => {
        resolve(String(result.status) === 'failed' ? (result.error?.message ?? 'saveAsync failed') : undefined);
      });
    });
    return error === undefined ? { customXml, settings: true } : { customXml, settings: false, settingsError: error };
  }
}

const time = (snapshot: Snapshot): number => {
  const t = Date.parse(snapshot.generated);
  return Number.isNaN(t) ? -Infinity : t;
};
