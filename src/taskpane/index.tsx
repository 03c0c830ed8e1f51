// Composition root of the task pane: waits for Office, picks the host and the locale, wires the actions
// (the live Excel writer of src/excel) and renders. The only file of the task pane that touches Office.
import { createRoot, type Root } from 'react-dom/client';
import { DismissalsUnreadableError, readDismissals, writeDismissals } from '../excel/dismissal-store';
import { ExcelInsertError } from '../excel/errors';
import { insertTemplate } from '../excel/insert-template';
import { startLiveSession, type ExcelRunner } from '../excel/live-session';
import { ReportInputError } from '../report';
import { createLiveController, type LiveController, type LivePort } from './live/controller';
import type { Locale } from '../format';
import { App, type TaskpaneActions, type TaskpaneHost } from './App';
import { describeInputError, pickLocale, strings as localeStrings } from '../i18n';

/** How long to wait for Office.onReady before assuming a plain browser (office.js loaded but no host). */
const OFFICE_READY_TIMEOUT_MS = 3000;

function actionsFor(host: TaskpaneHost, locale: Locale): TaskpaneActions {
  const strings = localeStrings(locale).taskpane;
  if (host.kind !== 'excel') {
    return {
      onInsertTemplate: async () => {
        throw new Error(strings.notInOffice);
      },
    };
  }
  return {
    onInsertTemplate: async (options) => {
      const result = await insertTemplate(
        {
          version: options.formatVersion,
          year: options.year,
          ...(options.agencyName ? { agency: options.agencyName } : {}),
          kind: options.kind,
        },
        locale,
      );
      return { intent: result.intent, message: result.message };
    },
  };
}

/** Excel.run that waits while the user edits a cell, on a given context when one is passed. */
const runExcel: ExcelRunner = (batch, context) =>
  Excel.run({ delayForCellEdit: true, ...(context ? { previousObjects: context } : {}) }, batch);

const parseXml = (xml: string): Document => new DOMParser().parseFromString(xml, 'application/xml');

function officePort(locale: Locale): LivePort {
  const supports = (set: 'ExcelApi', version: string): boolean =>
    Office.context.requirements.isSetSupported(set, version);
  const file = localeStrings(locale).taskpane.common.title;
  return {
    start: (listener) =>
      startLiveSession({
        run: runExcel,
        supports,
        file,
        locale,
        onPass: listener.onPass,
        onDamage: listener.onDamage,
        onSelection: listener.onSelection,
        onError: listener.onError,
      }),
    readDismissals: (sheet) => runExcel((context) => readDismissals(context, sheet, parseXml)),
    writeDismissals: (sheet, list) => runExcel((context) => writeDismissals(context, sheet, list, parseXml)),
  };
}

/** An error of live validation in the user's language. */
function errorMessage(error: unknown, locale: Locale): string {
  if (error instanceof ReportInputError) return describeInputError(error, locale);
  if (error instanceof ExcelInsertError) return error.localized(locale);
  if (error instanceof DismissalsUnreadableError)
    return localeStrings(locale).taskpane.live.dismissalsUnreadable(error.sheet);
  return error instanceof Error ? error.message : String(error);
}

function hostOf(host: Office.HostType | null | undefined): TaskpaneHost {
  switch (host) {
    case Office.HostType.Excel:
      return { kind: 'excel' };
    case Office.HostType.Word:
      return { kind: 'word' };
    case null:
    case undefined:
      return { kind: 'outsideOffice' };
    default:
      return { kind: 'unsupported', hostName: String(host) };
  }
}

function render(root: Root, host: TaskpaneHost, locale: Locale): void {
  document.documentElement.lang = locale;
  document.title = localeStrings(locale).taskpane.common.title;
  const currentYear = new Date().getFullYear();
  const baseActions = actionsFor(host, locale);
  if (host.kind !== 'excel') {
    root.render(<App host={host} locale={locale} actions={baseActions} currentYear={currentYear} />);
    return;
  }
  let controller: LiveController | undefined;
  /** The last failed action (Office task panes have no alert()); cleared by the next pass. */
  let actionError: string | undefined;
  const show = (): void => {
    const c = controller;
    const error = actionError ?? (c?.state.error !== undefined ? errorMessage(c.state.error, locale) : undefined);
    root.render(
      <App
        host={host}
        locale={locale}
        currentYear={currentYear}
        actions={{
          onInsertTemplate: async (options) => {
            const outcome = await baseActions.onInsertTemplate(options);
            // Watch the new sheet too.
            void watch();
            return outcome;
          },
        }}
        {...(c
          ? {
              live: {
                state: c.state,
                ...(error !== undefined ? { error } : {}),
                actions: {
                  onLocate: (sheet, f) => void c.locate(sheet, f).catch(report),
                  onFix: (sheet, f) => void c.fix(sheet, f).catch(report),
                  onDismiss: (sheet, f, reason) => void c.dismissFinding(sheet, f, reason).catch(report),
                  onRestore: (sheet, key) => void c.restoreFinding(sheet, key).catch(report),
                  onRecheck: () => c.recheck(),
                },
              },
            }
          : {})}
      />,
    );
  };
  const report = (error: unknown): void => {
    console.error(error);
    actionError = errorMessage(error, locale);
    show();
  };
  const watch = async (): Promise<void> => {
    await controller?.dispose();
    controller = createLiveController(officePort(locale), { locale, currentYear });
    controller.subscribe(() => {
      actionError = undefined;
      show();
    });
    show();
    await controller.start();
  };
  show();
  void watch();
}

/** Outside Office the locale can be chosen with `?lang=en-US` (for previews and screenshots); default zh-CN. */
function browserLocale(): Locale {
  return pickLocale(new URLSearchParams(window.location.search).get('lang'));
}

/** Set by taskpane.html's ES5 check when this engine cannot run the pane (its message is shown instead). */
declare global {
  interface Window {
    nianbaoUnsupported?: boolean;
  }
}

function start(): void {
  if (window.nianbaoUnsupported) return;
  const container = document.getElementById('container');
  if (!container) throw new Error('taskpane.html has no #container element');
  const root = createRoot(container);

  if (typeof Office === 'undefined') {
    // office.js did not load (offline, or opened from disk): show the UI with the "open in Excel or Word" banner.
    render(root, { kind: 'outsideOffice' }, browserLocale());
    return;
  }

  let ready = false;
  const fallback = window.setTimeout(() => {
    if (!ready) render(root, { kind: 'outsideOffice' }, browserLocale());
  }, OFFICE_READY_TIMEOUT_MS);

  Office.onReady((info) => {
    ready = true;
    window.clearTimeout(fallback);
    const host = hostOf(info.host);
    const locale = host.kind === 'outsideOffice' ? browserLocale() : pickLocale(Office.context?.displayLanguage);
    render(root, host, locale);
  }).catch((error: unknown) => {
    console.error(error);
    ready = true;
    window.clearTimeout(fallback);
    render(root, { kind: 'outsideOffice' }, browserLocale());
  });
}

start();
