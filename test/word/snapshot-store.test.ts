// Where the document keeps its snapshot: the custom XML part on WordApi 1.4, the add-in's document
// settings below it, and a document that goes from one kind of Word to the other and back.
import { buildOutline, figuresOf } from '../../src/outline';
import { SNAPSHOT_NAMESPACE } from '../../src/outline/snapshot';
import { SNAPSHOT_SETTING } from '../../src/word/snapshot-store';
import { controlsOf, reopenIn, type FakeWord } from '../support/fake-word';
import {
  createWord,
  GENERATED,
  inputOf,
  LATER,
  partSnapshot,
  portFor,
  seed,
  settingsSnapshot,
  withValues,
} from './support';

const TWICE = 'nianbao:s2.license.decisions';
const changed = withValues(seed(), { 's2.license.decisions': 90100 });
const EVEN_LATER = '2025-03-01T09:00:00.000Z';

describe('WordApi 1.4: the custom XML part', () => {
  it('is written with the skeleton and read back with the figures as generated', async () => {
    const word = createWord();
    await portFor(word).generate(inputOf(seed()));
    const parts = word.doc.customXmlParts;
    expect(parts.map((p) => p.namespaceUri)).toEqual([SNAPSHOT_NAMESPACE]);
    const snapshot = partSnapshot(word);
    expect(snapshot?.generated).toBe(GENERATED);
    expect(snapshot?.report.values['s2.license.decisions']).toBe(90025);
    expect(snapshot?.figures).toEqual(figuresOf(buildOutline(seed())));
    expect(word.doc.savedSettings.has(SNAPSHOT_SETTING)).toBe(false);
  });

  it('replaces the one part on the next write and removes any other part of ours, leaving others alone', async () => {
    const word = createWord();
    await portFor(word).generate(inputOf(seed()));
    const ours = word.doc.customXmlParts[0];
    word.doc.customXmlParts.push({ id: '{dup}', namespaceUri: SNAPSHOT_NAMESPACE, xml: ours.xml });
    word.doc.customXmlParts.push({ id: '{other}', namespaceUri: 'urn:other', xml: '<x xmlns="urn:other"/>' });
    await portFor(word).refresh(inputOf(changed, LATER));
    expect(word.doc.customXmlParts.map((p) => p.id)).toEqual([ours.id, '{other}']);
    expect(partSnapshot(word)?.generated).toBe(LATER);
  });
});

describe('below WordApi 1.4: the document settings', () => {
  it('are saved into the document, and read back after it is closed and opened again', async () => {
    const word = createWord({ wordApi: '1.3' });
    await portFor(word).generate(inputOf(seed()));
    expect(word.doc.customXmlParts).toEqual([]);
    expect(settingsSnapshot(word)?.figures).toEqual(figuresOf(buildOutline(seed())));
    const reopened = reopenIn(word, { wordApi: '1.3' });
    const report = await portFor(reopened).refresh(inputOf(changed, LATER));
    expect(report.lastGenerated).toBe('settings');
    expect(report.updated.map((u) => u.tag)).toEqual([TWICE, TWICE]);
  });

  it('are not in the file unless saved: a setting that saveAsync could not write is reported, the document still written', async () => {
    const word = createWord({ wordApi: '1.3' });
    word.host.settings.failSaves = true;
    const result = await portFor(word).generate(inputOf(seed()));
    expect(result.outcome).toBe('generated');
    expect(result.snapshot).toEqual({
      customXml: false,
      settings: false,
      settingsError: 'An internal error has occurred.',
    });
    expect(controlsOf(word, TWICE)).toHaveLength(2);
    // Closed without saving the settings: the next Word finds no record, and changes nothing it cannot tell.
    const reopened = reopenIn(word, { wordApi: '1.3' });
    const report = await portFor(reopened).refresh(inputOf(changed, LATER));
    expect(report.lastGenerated).toBe('none');
    expect(report.handEdited.map((h) => h.tag)).toEqual([TWICE, TWICE]);
    expect(controlsOf(reopened, TWICE).map((c) => c.text)).toEqual(['90025', '90025']);
  });

  it('work on WordApi 1.1 (Office 2016) the same way', async () => {
    const word = createWord({ wordApi: '1.1' });
    await portFor(word).generate(inputOf(seed()));
    const report = await portFor(reopenIn(word, { wordApi: '1.1' })).refresh(inputOf(changed, LATER));
    expect(report).toMatchObject({ lastGenerated: 'settings', syncs: 2 });
    expect(report.updated).toHaveLength(2);
  });

  it('leave the snapshot nowhere when the host has no settings either, and say so', async () => {
    const word = createWord({ wordApi: '1.3' });
    const port = portFor(word, { settings: false });
    expect(port.supports.snapshot).toBeUndefined();
    const result = await port.generate(inputOf(seed()));
    expect(result.snapshot).toEqual({ customXml: false, settings: false });
  });
});

describe('a document that moves between Office 2019 and Microsoft 365', () => {
  async function in2019ThenM365(): Promise<FakeWord> {
    const word = createWord({ wordApi: '1.3' });
    await portFor(word).generate(inputOf(seed()));
    return reopenIn(word, { wordApi: '1.9' });
  }

  it('is refreshed in Microsoft 365 from the settings Office 2019 wrote, and then keeps both current', async () => {
    const m365 = await in2019ThenM365();
    const report = await portFor(m365).refresh(inputOf(changed, LATER));
    expect(report.lastGenerated).toBe('settings');
    expect(report.updated).toHaveLength(2);
    expect(report.snapshot).toEqual({ customXml: true, settings: true });
    expect(partSnapshot(m365)?.figures.get(TWICE)).toBe('90100');
    expect(settingsSnapshot(m365)?.figures.get(TWICE)).toBe('90100');
  });

  it('back in Office 2019, reads the settings Microsoft 365 kept current, not a stale record', async () => {
    const m365 = await in2019ThenM365();
    await portFor(m365).refresh(inputOf(changed, LATER));
    const back = reopenIn(m365, { wordApi: '1.3' });
    const report = await portFor(back).refresh(inputOf(withValues(seed(), { 's2.license.decisions': 1 }), EVEN_LATER));
    expect(report.lastGenerated).toBe('settings');
    expect(report.updated.map((u) => [u.from, u.to])).toEqual([
      ['90100', '1'],
      ['90100', '1'],
    ]);
  });

  it('takes the newer of the part and the setting when they differ', async () => {
    const m365 = await in2019ThenM365();
    await portFor(m365).refresh(inputOf(changed, LATER));
    // Office 2019 refreshes again: only the setting follows; the part stays at LATER.
    const back = reopenIn(m365, { wordApi: '1.3' });
    await portFor(back).refresh(inputOf(withValues(seed(), { 's2.license.decisions': 5 }), EVEN_LATER));
    expect(partSnapshot(back)?.figures.get(TWICE)).toBe('90100');
    const again = reopenIn(back, { wordApi: '1.9' });
    const report = await portFor(again).refresh(
      inputOf(withValues(seed(), { 's2.license.decisions': 6 }), '2025-04-01T00:00:00.000Z'),
    );
    expect(report.lastGenerated).toBe('settings');
    expect(report.updated.map((u) => [u.from, u.to])).toEqual([
      ['5', '6'],
      ['5', '6'],
    ]);
  });

  it('generated in Microsoft 365 and refreshed in Office 2019, finds no record it can read there (a limit)', async () => {
    const word = createWord();
    await portFor(word).generate(inputOf(seed()));
    const report = await portFor(reopenIn(word, { wordApi: '1.3' })).refresh(inputOf(changed, LATER));
    expect(report.lastGenerated).toBe('none');
    expect(report.updated).toEqual([]);
    expect(report.handEdited).toHaveLength(2);
  });
});
