// 导入上年报告 for the report sheet the user is on: last year's report from its workbook, its published
// text (a file or pasted), a web page or a Word draft. What was read is shown table by table, with what
// was not, for the user to confirm; only then is it stored in the workbook, where the cross-year rules
// and the Word skeleton's 同比 wording use it. The reading and the storing come in as props.
import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Textarea,
} from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { PickFilesButton, pickedSource, useTaskState } from './picked-files';
import type { TaskpaneStrings } from '../../i18n/taskpane';
import type { Report } from '../../report';

/** A file the user picked. */
export interface PickedSource {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** What a source gave, for the user to confirm. */
export interface PreviousPreview {
  /** The file's name, or 粘贴的文本. */
  readonly source: string;
  readonly agency?: string;
  readonly year?: number;
  /** Table by table: what was read (label and figure; null where the report left it blank) and what was not. */
  readonly tables: readonly PreviewTable[];
  /** What the reader could not read, or read with doubt, in the user's words. */
  readonly problems: readonly string[];
  /** Its year is not the year before this sheet's (or unknown): said, not refused. */
  readonly yearMismatch?: boolean;
  /** What would be stored. */
  readonly report: Report;
}

export interface PreviewTable {
  readonly table: 's2' | 's3' | 's4';
  /** Cells the table has in the report's format. */
  readonly total: number;
  /** The cells read, in the table's order, as `自然人 · 一、本年新收…` (without the table name). */
  readonly read: readonly { readonly label: string; readonly value: number | string | null }[];
  /** The cells not found (left out, never guessed). */
  readonly notFound: readonly string[];
}

export interface PreviousActions {
  read(source: { readonly file: PickedSource } | { readonly text: string }): Promise<PreviousPreview>;
  /** Stores the preview's report for the sheet (after the user's 确认导入). */
  store(preview: PreviousPreview): Promise<void>;
  remove(): Promise<void>;
  describe(error: unknown): string;
}

export interface PreviousSectionProps {
  readonly strings: TaskpaneStrings;
  /** This sheet's year (last year's report should be of the year before). */
  readonly year?: number;
  /** What feeds the cross-year rules now. */
  readonly current?:
    | { readonly kind: 'imported'; readonly source: string; readonly year?: number }
    | { readonly kind: 'sheet'; readonly sheet: string };
  readonly actions: PreviousActions;
}

type Shown =
  | { readonly kind: 'idle' }
  | { readonly kind: 'paste' }
  | { readonly kind: 'preview'; readonly preview: PreviousPreview }
  | { readonly kind: 'stored'; readonly preview: PreviousPreview };

const LIST_LIMIT = 10;

const shownValue = (value: number | string | null, blank: string): string =>
  value === null ? blank : typeof value === 'number' ? value.toLocaleString('zh-CN') : `“${value}”`;

/** One table of the preview: its count, and (unfolded on demand) the figures read and the cells not found. */
function PreviewTableView({ strings, table }: { strings: TaskpaneStrings; table: PreviewTable }): ReactElement {
  const t = strings.previous;
  const name = t.tableName[table.table];
  return (
    <details data-previous-table={table.table} style={{ margin: '4px 0' }}>
      <summary>
        {t.tableRead(name, table.read.length, table.total)}
        {table.notFound.length > 0 ? t.tableMissing(table.notFound.length) : ''}
      </summary>
      {table.read.length > 0 ? (
        <ul style={{ margin: '4px 0', paddingInlineStart: '20px' }} aria-label={t.readList(name)}>
          {table.read.map((c) => (
            <li key={c.label}>{t.readCell(c.label, shownValue(c.value, t.blank))}</li>
          ))}
        </ul>
      ) : null}
      {table.notFound.length > 0 ? (
        <Body1 block>
          {t.notFound(table.notFound.length)}
          {table.notFound.slice(0, LIST_LIMIT).join('；')}
          {table.notFound.length > LIST_LIMIT ? t.andMore(table.notFound.length - LIST_LIMIT) : ''}
        </Body1>
      ) : null}
    </details>
  );
}

export function PreviousSection({ strings, year, current, actions }: PreviousSectionProps): ReactElement {
  const t = strings.previous;
  const { shown, setShown, run } = useTaskState<Shown>({ kind: 'idle' }, actions.describe);
  const [text, setText] = useState('');
  const picked = (files: readonly File[]): void => {
    void run(async () => ({ kind: 'preview', preview: await actions.read({ file: await pickedSource(files[0]) }) }));
  };

  return (
    <section aria-label={t.title} style={{ display: 'flex', flexDirection: 'column', rowGap: '8px' }}>
      <Subtitle2 as="h2">{t.title}</Subtitle2>
      <Body1>
        {current
          ? current.kind === 'imported'
            ? t.currentImported(current.source, current.year)
            : t.currentSheet(current.sheet)
          : t.none(year)}
      </Body1>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '8px' }}>
        <PickFilesButton label={t.pick} disabled={shown.kind === 'running'} onPick={picked} />
        <Button appearance="subtle" disabled={shown.kind === 'running'} onClick={() => setShown({ kind: 'paste' })}>
          {t.paste}
        </Button>
        {current?.kind === 'imported' ? (
          <Button
            appearance="subtle"
            disabled={shown.kind === 'running'}
            onClick={() => void run(async () => (await actions.remove(), { kind: 'idle' }))}
          >
            {t.remove}
          </Button>
        ) : null}
      </div>
      {shown.kind === 'paste' ? (
        <div style={{ display: 'flex', flexDirection: 'column', rowGap: '8px' }}>
          <Field label={t.pasteLabel}>
            <Textarea value={text} resize="vertical" rows={6} onChange={(_e, d) => setText(d.value)} />
          </Field>
          <div>
            <Button
              disabled={text.trim() === ''}
              onClick={() => void run(async () => ({ kind: 'preview', preview: await actions.read({ text }) }))}
            >
              {t.read}
            </Button>
          </div>
        </div>
      ) : null}
      {shown.kind === 'running' ? <Spinner size="small" label={t.reading} /> : null}
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
          intent={shown.preview.yearMismatch || shown.preview.problems.length > 0 ? 'warning' : 'info'}
          layout="multiline"
          data-previous-preview
        >
          <MessageBarBody>
            <MessageBarTitle>{t.previewTitle(shown.preview.source)}</MessageBarTitle>
            <Body1 block>{t.previewProfile(shown.preview.agency, shown.preview.year)}</Body1>
            {shown.preview.yearMismatch ? <Body1 block>{t.yearMismatch(year)}</Body1> : null}
            {shown.preview.tables.map((x) => (
              <PreviewTableView key={x.table} strings={strings} table={x} />
            ))}
            {shown.preview.problems.length > 0 ? (
              <ul style={{ margin: '4px 0', paddingInlineStart: '20px' }}>
                {shown.preview.problems.slice(0, LIST_LIMIT).map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            ) : null}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              appearance="primary"
              onClick={() => {
                const preview = shown.preview;
                void run(async () => (await actions.store(preview), { kind: 'stored', preview }));
              }}
            >
              {t.confirm}
            </Button>
            <Button appearance="transparent" onClick={() => setShown({ kind: 'idle' })}>
              {t.cancel}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {shown.kind === 'stored' ? (
        <MessageBar intent="success" layout="multiline" data-previous-stored>
          <MessageBarBody>{t.stored(shown.preview.source)}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
