// 汇总下级单位: the user picks the reports of the subordinate units (any kind the pane reads, several at
// once) and names the merged report's agency; the pane shows which units are merged and which are not,
// and the merge's notes, for the user to confirm; only then are the merged report (a new report sheet,
// watched like any other) and its 汇总明细 sheet inserted. The reading and the inserting come in as props.
import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
} from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { PickFilesButton, pickedSource, useTaskState } from './picked-files';
import type { TaskpaneStrings } from '../../i18n/taskpane';
import type { MergeDetail } from '../../merge';
import type { Report } from '../../report';
import type { ActionOutcome } from './ActionMessageBar';
import type { PickedSource } from './PreviousSection';

/** What a merge of the picked files gives, for the user to confirm. */
export interface MergePreview {
  readonly year?: number;
  readonly format: string;
  /** Reports read from the files (a workbook may hold several units). */
  readonly received: number;
  readonly included: number;
  readonly units: readonly {
    readonly name: string;
    readonly file: string;
    readonly included: boolean;
    readonly errors: number;
    readonly warnings: number;
  }[];
  readonly notes: readonly { readonly severity: 'error' | 'warning' | 'info'; readonly message: string }[];
  readonly unreadable: readonly { readonly file: string; readonly message: string }[];
  /** Errors of the merged report's own checks. */
  readonly errors: number;
  /** What 插入汇总表格 writes. */
  readonly merged: { readonly report: Report; readonly detail: MergeDetail };
}

export interface MergeActions {
  read(files: readonly PickedSource[], agency: string): Promise<MergePreview>;
  insert(preview: MergePreview): Promise<ActionOutcome>;
  describe(error: unknown): string;
}

type Shown =
  | { readonly kind: 'idle' }
  | { readonly kind: 'preview'; readonly preview: MergePreview }
  | { readonly kind: 'done'; readonly outcome: ActionOutcome };

const LIST_LIMIT = 12;
const MARK = { error: '✖', warning: '⚠', info: 'ℹ' } as const;

export function MergeSection({ strings, actions }: { strings: TaskpaneStrings; actions: MergeActions }): ReactElement {
  const t = strings.merge;
  const { shown, setShown, run } = useTaskState<Shown>({ kind: 'idle' }, actions.describe);
  const [agency, setAgency] = useState('');
  const picked = (files: readonly File[]): void => {
    void run(async () => ({
      kind: 'preview',
      preview: await actions.read(await Promise.all(files.map(pickedSource)), agency),
    }));
  };
  const running = shown.kind === 'running';

  return (
    <section aria-label={t.title} style={{ display: 'flex', flexDirection: 'column', rowGap: '8px' }}>
      <Subtitle2 as="h2">{t.title}</Subtitle2>
      <Body1>{t.intro}</Body1>
      <Field label={t.agencyLabel}>
        <Input value={agency} placeholder={t.agencyPlaceholder} onChange={(_e, d) => setAgency(d.value)} />
      </Field>
      <div>
        <PickFilesButton label={t.pick} multiple disabled={running} onPick={picked} />
      </div>
      {running ? <Spinner size="small" label={t.reading} /> : null}
      {shown.kind === 'failed' ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{strings.common.errorTitle}</MessageBarTitle>
            {shown.message}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {shown.kind === 'preview' ? (
        <MessageBar
          intent={
            shown.preview.included === 0
              ? 'error'
              : shown.preview.notes.some((n) => n.severity !== 'info') || shown.preview.unreadable.length > 0
                ? 'warning'
                : 'info'
          }
          layout="multiline"
          data-merge-preview
        >
          <MessageBarBody>
            <MessageBarTitle>
              {shown.preview.included > 0
                ? t.previewTitle(shown.preview.included, shown.preview.received, shown.preview.year)
                : t.nothing}
            </MessageBarTitle>
            <ul style={{ margin: '4px 0', paddingInlineStart: '20px' }} aria-label={t.unitsList}>
              {shown.preview.units.slice(0, LIST_LIMIT).map((u, i) => (
                <li key={`${u.file}-${i}`} data-merge-unit={u.included ? 'included' : 'excluded'}>
                  {t.unit(u)}
                </li>
              ))}
              {shown.preview.units.length > LIST_LIMIT ? (
                <li>{t.andMore(shown.preview.units.length - LIST_LIMIT)}</li>
              ) : null}
              {shown.preview.unreadable.map((u) => (
                <li key={`unreadable-${u.file}`} data-merge-unit="unreadable">
                  {t.unreadable(u.file, u.message)}
                </li>
              ))}
            </ul>
            {shown.preview.notes.length > 0 ? (
              <ul style={{ margin: '4px 0', paddingInlineStart: '20px' }} aria-label={t.notesList}>
                {shown.preview.notes.map((n, i) => (
                  <li key={i} data-severity={n.severity}>
                    {MARK[n.severity]} {n.message}
                  </li>
                ))}
              </ul>
            ) : null}
            {shown.preview.errors > 0 ? <Body1 block>{t.mergedErrors(shown.preview.errors)}</Body1> : null}
          </MessageBarBody>
          <MessageBarActions>
            {shown.preview.included > 0 ? (
              <Button
                appearance="primary"
                onClick={() => {
                  const preview = shown.preview;
                  void run(async () => ({ kind: 'done', outcome: await actions.insert(preview) }));
                }}
              >
                {t.insert}
              </Button>
            ) : null}
            <Button appearance="transparent" onClick={() => setShown({ kind: 'idle' })}>
              {t.cancel}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {shown.kind === 'done' ? (
        <MessageBar intent={shown.outcome.intent} layout="multiline" data-merge-inserted>
          <MessageBarBody>{shown.outcome.message}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
