// What the Word side's actions did, for the user: the confirmation before generating from tables with
// errors or into a document that is already linked, what was generated (and what this Word could not do),
// and a refresh's link report — updated, typed over by hand (overwritten only on 用表格中的数字覆盖),
// locked, orphaned, missing. In the Word side's lazy chunk; the actions come in as props.
import {
  Body1,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { CSSProperties, ReactElement } from 'react';
import type { Locale } from '../../format/types';
import { taskpaneStrings } from '../../i18n/taskpane';
import type { GenerateResult, PickedFile, RefreshResult } from '../word/word-flow';

const styles = {
  column: { display: 'flex', flexDirection: 'column', rowGap: '12px' },
  list: { margin: '4px 0 0', paddingInlineStart: '20px' },
} satisfies Record<string, CSSProperties>;

/** Lists at most this many items; the rest are counted. */
const LIST_LIMIT = 12;

function Items({ items }: { readonly items: readonly string[] }): ReactElement | null {
  if (items.length === 0) return null;
  const shown = items.slice(0, LIST_LIMIT);
  return (
    <ul style={styles.list}>
      {shown.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
      {items.length > shown.length ? <li>…（{items.length - shown.length}）</li> : null}
    </ul>
  );
}

export interface WordResultsProps {
  readonly locale: Locale;
  readonly file: PickedFile;
  readonly result: GenerateResult | RefreshResult;
  onGenerateAnyway(file: PickedFile): void;
  onInsertAgain(file: PickedFile): void;
  onOverwrite(file: PickedFile): void;
  onCancel(): void;
}

export function WordResults({ locale, file, result, ...on }: WordResultsProps): ReactElement {
  const strings = taskpaneStrings(locale);
  const t = strings.word;
  const source = <Body1 block>{t.source(result.chosen.source, result.chosen.withPrevious)}</Body1>;
  switch (result.kind) {
    case 'confirmErrors':
      return (
        <MessageBar intent="warning" layout="multiline" data-word-result="confirmErrors">
          <MessageBarBody>
            <MessageBarTitle>{t.confirmErrorsTitle}</MessageBarTitle>
            {t.confirmErrors(result.chosen.errors)}
            {source}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => on.onGenerateAnyway(file)}>{t.generateAnyway}</Button>
            <Button appearance="transparent" onClick={on.onCancel}>
              {t.cancel}
            </Button>
          </MessageBarActions>
        </MessageBar>
      );
    case 'alreadyLinked':
      return (
        <MessageBar intent="info" layout="multiline" data-word-result="alreadyLinked">
          <MessageBarBody>
            <MessageBarTitle>{t.alreadyLinkedTitle}</MessageBarTitle>
            {t.alreadyLinked(result.linked)}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => on.onInsertAgain(file)}>{t.insertAgain}</Button>
            <Button appearance="transparent" onClick={on.onCancel}>
              {t.cancel}
            </Button>
          </MessageBarActions>
        </MessageBar>
      );
    case 'generated':
      return (
        <MessageBar
          intent={result.degraded.length > 0 ? 'warning' : 'success'}
          layout="multiline"
          data-word-result="generated"
        >
          <MessageBarBody>
            <MessageBarTitle>{strings.common.successTitle}</MessageBarTitle>
            {t.generated(result.figures, result.prompts, result.tables)}
            {source}
            {result.degraded.length > 0 ? (
              <>
                <Body1 block>{t.degradedIntro}</Body1>
                <Items items={result.degraded.map((d) => t.degraded[d] ?? d)} />
              </>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      );
    case 'refreshed': {
      const found =
        result.updated.length +
        result.unchanged +
        result.handEdited.length +
        result.locked.length +
        result.orphaned.length;
      if (found === 0) {
        return (
          <MessageBar intent="info" layout="multiline" data-word-result="notLinked">
            <MessageBarBody>{t.notLinked}</MessageBarBody>
          </MessageBar>
        );
      }
      const pendingEdits = result.handEdited.filter((h) => !h.overwritten);
      const overwritten = result.handEdited.filter((h) => h.overwritten);
      return (
        <div style={styles.column} data-word-result="refreshed">
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.refreshedTitle}</MessageBarTitle>
              {t.refreshed(
                result.updated.length + overwritten.length,
                result.controlsUpdated + overwritten.length,
                result.unchanged,
              )}
              {source}
              <Items
                items={[
                  ...result.updated.map((u) => t.updatedItem(u.label, u.from, u.to)),
                  ...overwritten.map((h) => t.overwrittenItem(h.label, h.text, h.now)),
                ]}
              />
            </MessageBarBody>
          </MessageBar>
          {pendingEdits.length > 0 ? (
            <MessageBar intent="warning" layout="multiline" data-word-hand-edited={pendingEdits.length}>
              <MessageBarBody>
                <MessageBarTitle>{t.handEditedTitle(pendingEdits.length)}</MessageBarTitle>
                {result.noRecord ? <Body1 block>{t.noRecord}</Body1> : null}
                <Items items={pendingEdits.map((h) => t.handEditedItem(h.label, h.text, h.now))} />
              </MessageBarBody>
              <MessageBarActions>
                <Button onClick={() => on.onOverwrite(file)}>{t.overwrite}</Button>
              </MessageBarActions>
            </MessageBar>
          ) : null}
          {result.locked.length > 0 ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t.lockedTitle(result.locked.length)}</MessageBarTitle>
                <Items items={result.locked.map((h) => t.handEditedItem(h.label, h.text, h.now))} />
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {result.orphaned.length > 0 ? (
            <MessageBar intent="info" layout="multiline" data-word-orphaned={result.orphaned.length}>
              <MessageBarBody>
                <MessageBarTitle>{t.orphanedTitle(result.orphaned.length)}</MessageBarTitle>
                <Items items={result.orphaned} />
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {result.missing.length > 0 ? (
            <MessageBar intent="info" layout="multiline" data-word-missing={result.missing.length}>
              <MessageBarBody>
                <MessageBarTitle>{t.missingTitle(result.missing.length)}</MessageBarTitle>
                <Items items={result.missing} />
              </MessageBarBody>
            </MessageBar>
          ) : null}
        </div>
      );
    }
  }
}
