// The Word side of the task pane: 从工作簿生成 inserts the linked skeleton of the report's text, 刷新数据
// brings its figures up to the workbook's; both start with the user picking the workbook (a file input,
// from a click). What the actions did comes back as data and is shown by WordResults (with the Word
// side's lazy chunk): what was updated, typed over by hand, orphaned or missing.
import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useRef, useState, type CSSProperties, type ReactElement } from 'react';
import type { Locale } from '../../format/types';
import type { FirstScreenStrings } from '../../i18n/taskpane/first';
import { LazyWordResults } from './LazyWordResults';
import type { GenerateResult, PickedFile, RefreshResult } from '../word/word-flow';

export interface WordActions {
  generate(file: PickedFile, options?: { acceptErrors?: boolean; force?: boolean }): Promise<GenerateResult>;
  refresh(file: PickedFile, options?: { overwriteHandEdited?: boolean }): Promise<RefreshResult>;
  /** A failure in the user's language. */
  describe(error: unknown): string;
}

export interface WordViewProps {
  readonly strings: FirstScreenStrings;
  readonly locale: Locale;
  /** Absent until the Word side's chunk has loaded (the buttons wait). */
  readonly actions?: WordActions;
}

type Shown =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'result'; readonly file: PickedFile; readonly result: GenerateResult | RefreshResult };

const styles = {
  column: { display: 'flex', flexDirection: 'column', rowGap: '12px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
} satisfies Record<string, CSSProperties>;

export function WordView({ strings, locale, actions }: WordViewProps): ReactElement {
  const t = strings.word;
  const [shown, setShown] = useState<Shown>({ kind: 'idle' });
  const pending = useRef<'generate' | 'refresh'>('generate');
  const input = useRef<HTMLInputElement>(null);

  const run = async (
    task: () => Promise<{ file: PickedFile; result: GenerateResult | RefreshResult }>,
  ): Promise<void> => {
    setShown({ kind: 'running' });
    try {
      const { file, result } = await task();
      setShown({ kind: 'result', file, result });
    } catch (error) {
      console.error(error);
      setShown({ kind: 'failed', message: actions ? actions.describe(error) : String(error) });
    }
  };

  const pick = (what: 'generate' | 'refresh'): void => {
    pending.current = what;
    if (input.current) {
      input.current.value = '';
      input.current.click();
    }
  };

  const picked = (list: FileList | null): void => {
    const chosen = list?.[0];
    if (!chosen || !actions) return;
    const what = pending.current;
    void run(async () => {
      const file = { name: chosen.name, bytes: new Uint8Array(await chosen.arrayBuffer()) };
      return { file, result: what === 'generate' ? await actions.generate(file) : await actions.refresh(file) };
    });
  };

  const again = (file: PickedFile, action: (file: PickedFile) => Promise<GenerateResult | RefreshResult>): void => {
    void run(async () => ({ file, result: await action(file) }));
  };

  const busy = shown.kind === 'running' || !actions;
  return (
    <div style={styles.column}>
      <Body1>{t.description}</Body1>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.json"
        aria-label={t.pickFile}
        style={{ display: 'none' }}
        onChange={(e) => picked(e.currentTarget.files)}
      />
      <div style={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => pick('generate')} title={t.generateHint}>
          {t.generate}
        </Button>
        <Button disabled={busy} onClick={() => pick('refresh')} title={t.refreshHint}>
          {t.refresh}
        </Button>
      </div>
      {shown.kind === 'running' || !actions ? (
        <Spinner size="small" label={shown.kind === 'running' ? t.reading : strings.common.loading} />
      ) : null}
      {shown.kind === 'failed' ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{strings.common.errorTitle}</MessageBarTitle>
            {shown.message}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {shown.kind === 'result' && actions ? (
        <LazyWordResults
          locale={locale}
          file={shown.file}
          result={shown.result}
          onGenerateAnyway={(file) => again(file, (f) => actions.generate(f, { acceptErrors: true }))}
          onInsertAgain={(file) => again(file, (f) => actions.generate(f, { acceptErrors: true, force: true }))}
          onOverwrite={(file) => again(file, (f) => actions.refresh(f, { overwriteHandEdited: true }))}
          onCancel={() => setShown({ kind: 'idle' })}
        />
      ) : null}
    </div>
  );
}
