// Shared by the Word tests: reports from the fixtures, their outlines, the platform's XML parser
// (jsdom's, as the pane has the browser's), and the port wired to a fake Word host.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { buildOutline, figuresOf, type Outline } from '../../src/outline';
import { parseSnapshotXml, SNAPSHOT_NAMESPACE, type Snapshot, type SnapshotInput } from '../../src/outline/snapshot';
import type { RawValue, Report } from '../../src/report';
import { createWordPort, type WordPort } from '../../src/word/port';
import { SNAPSHOT_SETTING } from '../../src/word/snapshot-store';
import { createFakeWord, runWord, supportsFor, type FakeWord, type FakeWordOptions } from '../support/fake-word';

const { DOMParser } = new JSDOM('').window;
export const parseXml = (xml: string): Document => new DOMParser().parseFromString(xml, 'application/xml');

export function fixture(name: string): Report {
  return JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8')) as Report;
}

/** 河东区行政审批服务局 2022 (format 2021): non-zero figures in prose and tables. */
export const seed = (): Report => fixture('seed-004.json');

export function withValues(report: Report, values: Record<string, RawValue>): Report {
  return { ...report, values: { ...report.values, ...values } };
}

export const GENERATED = '2025-01-10T09:00:00.000Z';
export const LATER = '2025-02-01T09:00:00.000Z';

export function inputOf(report: Report, generated = GENERATED): SnapshotInput & { outline: Outline } {
  return { report, outline: buildOutline(report), generated };
}

export function createWord(options: FakeWordOptions = {}): FakeWord {
  return createFakeWord(options);
}

/** The port on a fake Word: Word.run, isSetSupported and the document settings of that host. */
export function portFor(word: FakeWord, options: { settings?: boolean } = {}): WordPort {
  const supports = supportsFor(word);
  return createWordPort({
    run: (batch) => runWord(word, (context) => batch(context as unknown as Word.RequestContext)),
    isSetSupported: (name, version) => supports(name, version),
    ...(options.settings === false ? {} : { settings: word.host.settings as unknown as Office.Settings }),
    parseXml,
  });
}

/** The snapshot the document keeps in its custom XML part, read back. */
export function partSnapshot(word: FakeWord): Snapshot | undefined {
  const parts = word.doc.customXmlParts.filter((p) => p.namespaceUri === SNAPSHOT_NAMESPACE);
  if (parts.length > 1) throw new Error(`${parts.length} snapshot parts`);
  return parts[0] ? parseSnapshotXml(parts[0].xml, parseXml) : undefined;
}

/** The snapshot the document file keeps in the add-in's settings (what saveAsync wrote), read back. */
export function settingsSnapshot(word: FakeWord): Snapshot | undefined {
  const saved = word.doc.savedSettings.get(SNAPSHOT_SETTING);
  return saved === undefined ? undefined : parseSnapshotXml(JSON.parse(saved) as string, parseXml);
}

/** Tags whose figure text differs between two outlines. */
export function changedTags(before: Outline, after: Outline): string[] {
  const old = figuresOf(before);
  return [...figuresOf(after)].filter(([tag, text]) => old.get(tag) !== text).map(([tag]) => tag);
}
