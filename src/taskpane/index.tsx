// Composition root of the task pane: waits for Office, picks the host and the locale, wires the actions
// (the live Excel writer of src/excel) and renders. The only file of the task pane that touches Office.
import { createRoot, type Root } from 'react-dom/client';
import { insertTemplate } from '../excel/insert-template';
import type { Locale } from '../format';
import { App, type TaskpaneActions, type TaskpaneHost } from './App';
import { pickLocale, strings as localeStrings } from '../i18n';

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
  root.render(
    <App host={host} locale={locale} actions={actionsFor(host, locale)} currentYear={new Date().getFullYear()} />,
  );
}

/** Outside Office the locale can be chosen with `?lang=en-US` (for previews and screenshots); default zh-CN. */
function browserLocale(): Locale {
  return pickLocale(new URLSearchParams(window.location.search).get('lang'));
}

function start(): void {
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
