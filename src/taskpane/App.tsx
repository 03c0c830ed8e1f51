// The task pane for whichever host it was opened in: Excel, Word, neither (a plain browser: preview with a
// banner), or an Office application we do not support. Actions come in as props; nothing here calls Office.
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import type { CSSProperties, ReactElement } from 'react';
import type { Locale } from '../format';
import { ExcelView, type InsertTemplateAction } from './components/ExcelView';
// LivePanel and the live state come from the lazy "live" chunk (only their types are imported here).
import { LazyLivePanel } from './components/LazyLivePanel';
import type { LiveActions } from './components/LivePanel';
import type { LiveState } from './live/controller';
import { Header } from './components/Header';
import { WordView, type WordActions } from './components/WordView';
import { firstScreenStrings, type FirstScreenStrings } from '../i18n/taskpane/first';

/** Where the task pane runs, as decided by the composition root from `Office.onReady`. */
export type TaskpaneHost =
  | { readonly kind: 'excel' }
  | { readonly kind: 'word' }
  | { readonly kind: 'outsideOffice' }
  | { readonly kind: 'unsupported'; readonly hostName: string };

export interface TaskpaneActions {
  readonly onInsertTemplate: InsertTemplateAction;
}

export interface AppProps {
  readonly host: TaskpaneHost;
  readonly locale: Locale;
  readonly actions: TaskpaneActions;
  /** Today's year, passed in so that the view is a function of its props. */
  readonly currentYear: number;
  /** Live validation of the workbook's report sheets (Excel only), once its chunk has loaded. */
  readonly live?: { readonly state: LiveState; readonly actions: LiveActions };
  /** The Word side's actions (Word only), once its chunk has loaded. */
  readonly word?: WordActions;
  /**
   * The pane is still starting (loading live validation, reading the workbook): announced as
   * aria-busy on the pane, so that assistive technology — and tests — wait for the first findings.
   */
  readonly busy?: boolean;
  /** An error to show above everything else: of live validation, of an action, or a chunk that failed to load. */
  readonly error?: string;
}

// Inline styles on the first screen, not makeStyles: Fluent's own styles come precompiled, and ours
// would be the only ones needing Griffel's runtime compiler (stylis, rtl-css-js: about 9 KB gzip) in
// the initial scripts. These are plain layout values without direction-dependent properties.
const styles = {
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  main: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    maxWidth: '560px',
  },
} satisfies Record<string, CSSProperties>;

function HostBanner({ host, strings }: { host: TaskpaneHost; strings: FirstScreenStrings }): ReactElement | null {
  if (host.kind === 'outsideOffice') {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{strings.common.outsideOfficeTitle}</MessageBarTitle>
          {strings.common.outsideOffice}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (host.kind === 'unsupported') {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{strings.common.unsupportedHostTitle}</MessageBarTitle>
          {strings.common.unsupportedHost(host.hostName)}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}

export function App({ host, locale, actions, currentYear, live, word, error, busy }: AppProps): ReactElement {
  const strings = firstScreenStrings(locale);
  return (
    <FluentProvider theme={webLightTheme} style={styles.provider} lang={locale}>
      <main style={styles.main} aria-busy={busy === true ? true : undefined}>
        <Header strings={strings} />
        <HostBanner host={host} strings={strings} />
        {host.kind === 'word' ? <WordView strings={strings} locale={locale} {...(word ? { actions: word } : {})} /> : null}
        {error ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{strings.common.errorTitle}</MessageBarTitle>
              {error}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {live ? <LazyLivePanel state={live.state} locale={locale} actions={live.actions} /> : null}
        {host.kind === 'excel' || host.kind === 'outsideOffice' ? (
          <ExcelView strings={strings} currentYear={currentYear} onInsertTemplate={actions.onInsertTemplate} />
        ) : null}
      </main>
    </FluentProvider>
  );
}
