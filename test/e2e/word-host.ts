// The fake Word host in the browser, for the Word pane's end-to-end test (word-run.mjs): the document
// (test/support/fake-word.ts) lives in the harness page, and the production pane in an iframe gets
// `Office` (host Word) and `Word` from here. Bundled for the browser by esbuild (global `NianbaoWordHost`).
import {
  controlsOf,
  createFakeWord,
  documentText,
  fakeWordGlobals,
  reopenIn,
  userTypesOver,
  userTypesProse,
  type FakeWord,
} from '../support/fake-word';

export interface WordHostOptions {
  readonly wordApi?: string;
  readonly paragraphs?: readonly string[];
}

export class WordHost {
  word: FakeWord;

  constructor(options: WordHostOptions = {}) {
    this.word = createFakeWord({
      wordApi: options.wordApi ?? '1.9',
      ...(options.paragraphs ? { paragraphs: options.paragraphs } : {}),
    });
  }

  /** `Office` and `Word` for the pane's frame: Office.onReady in Word, zh-CN. */
  officeFor(): { Office: unknown; Word: unknown } {
    const globals = fakeWordGlobals(this.word);
    const info = { host: 'Word', platform: 'OfficeOnline' };
    const Office = {
      HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook' },
      PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac', iOS: 'iOS', Android: 'Android' },
      context: { ...globals.Office.context, displayLanguage: 'zh-CN', platform: 'OfficeOnline' },
      onReady: (callback?: (i: typeof info) => void): Promise<typeof info> => {
        callback?.(info);
        return Promise.resolve(info);
      },
    };
    return { Office, Word: globals.Word };
  }

  /** The same file saved and opened in another Word (its settings as saved). */
  reopen(wordApi: string): void {
    this.word = reopenIn(this.word, { wordApi });
  }

  text(): string {
    return documentText(this.word);
  }

  controls(tag: string): { text: string; placeholder: boolean }[] {
    return controlsOf(this.word, tag).map((c) => ({ text: c.text, placeholder: c.showingPlaceholder }));
  }

  typeOver(tag: string, text: string): void {
    userTypesOver(this.word, tag, text);
  }

  typeProse(paragraph: number, text: string): void {
    userTypesProse(this.word, paragraph, text);
  }

  get syncs(): number {
    return this.word.host.syncs;
  }
}

export function createHost(options: WordHostOptions = {}): WordHost {
  return new WordHost(options);
}
