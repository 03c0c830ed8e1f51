// Composition root of the task pane: waits for Office, picks the host and the locale, wires the actions
// (the live Excel writer of src/excel) and renders. The only file of the task pane that touches Office.
//
// The first screen (header, banner, the insert form) renders from the initial scripts; what only Excel
// needs comes in lazy chunks (webpack `import()`): "live" (live validation: src/excel's session, the
// rules, the controller, LivePanel) loaded right after the first render, and "insert" (the template
// writer) prefetched after it and awaited by 插入. A chunk that fails to load shows an error.
import { createRoot, type Root } from 'react-dom/client';
import type { ExcelRunner } from '../excel/live-session';
import type { LiveController, LivePort } from './live/controller';
import type { Locale } from '../format';
import { App, type TaskpaneActions, type TaskpaneHost } from './App';
import type { WordActions } from './components/WordView';
import { preloadLivePanel } from './components/LazyLivePanel';
import { FirstRender, whenFirstRendered } from './first-render';
import { loadOnce } from './lazy';
import { firstScreenStrings, pickLocale } from '../i18n/taskpane/first';
import { preloadWordResults } from './components/LazyWordResults';

/** How long to wait for Office.onReady before assuming a plain browser (office.js loaded but no host). */
const OFFICE_READY_TIMEOUT_MS = 3000;

/** The locale the pane shows (set by render), for the message of a chunk that failed to load. */
let shownLocale: Locale = 'zh-CN';
const loadFailed = (): string => firstScreenStrings(shownLocale).common.loadFailed;

/** Live validation: the session over Office.js, the dismissal store and the controller (chunk "live"). */
const loadLive = loadOnce(async () => {
  const [session, dismissals, previous, excelErrors, reportErrors, controller, i18n] = await Promise.all([
    import(/* webpackChunkName: "live" */ '../excel/live-session'),
    import(/* webpackChunkName: "live" */ '../excel/dismissal-store'),
    import(/* webpackChunkName: "live" */ '../excel/previous-store'),
    import(/* webpackChunkName: "live" */ '../excel/errors'),
    import(/* webpackChunkName: "live" */ '../report/errors'),
    import(/* webpackChunkName: "live" */ './live/controller'),
    import(/* webpackChunkName: "live" */ '../i18n'),
    preloadLivePanel(),
  ]);
  return {
    startLiveSession: session.startLiveSession,
    readDismissals: dismissals.readDismissals,
    writeDismissals: dismissals.writeDismissals,
    DismissalsUnreadableError: dismissals.DismissalsUnreadableError,
    readPreviousReports: previous.readPreviousReports,
    writePreviousReport: previous.writePreviousReport,
    PREVIOUS_EXCEL_API: previous.PREVIOUS_EXCEL_API,
    ExcelInsertError: excelErrors.ExcelInsertError,
    ReportInputError: reportErrors.ReportInputError,
    createLiveController: controller.createLiveController,
    describeInputError: i18n.describeInputError,
    taskpaneStrings: i18n.taskpaneStrings,
  };
}, loadFailed);
type Live = Awaited<ReturnType<typeof loadLive>>;

/** The Word skeleton as a file: the outline and the .docx writer with the docx library (chunk "document"). */
const loadDocument = loadOnce(() => import(/* webpackChunkName: "document" */ '../docx/report-document'), loadFailed);

/**
 * 导入上年报告's readers (chunk "import"): workbooks and JSON (src/xlsx), the importer for a report's
 * text and web pages (src/import), Word drafts (src/docx/read), loaded when the user picks a file.
 */
const loadImport = loadOnce(async () => {
  const [files, importer, docx, decode, previous] = await Promise.all([
    import(/* webpackChunkName: "import" */ '../xlsx/report-file'),
    import(/* webpackChunkName: "import" */ '../import'),
    import(/* webpackChunkName: "import" */ '../docx/read'),
    import(/* webpackChunkName: "import" */ '../report/decode-text'),
    import(/* webpackChunkName: "import" */ './previous/read-previous'),
  ]);
  const { ReportInputError } = await import(/* webpackChunkName: "live" */ '../report/errors');
  const readers: import('./previous/read-previous').PreviousReaders = {
    readReportBytes: files.readReportBytes,
    importText: importer.importText,
    importSource: importer.importSource,
    htmlSource: importer.htmlSource,
    docxSource: (bytes, file) => docx.docxSource(bytes, file),
    decodeText: (bytes, file) => {
      const decoded = decode.decodeText(bytes);
      if (!decoded.ok) throw new ReportInputError('TEXT_ENCODING', { file, problem: decoded.problem });
      return decoded.text;
    },
  };
  return { readers, readPrevious: previous.readPrevious };
}, loadFailed);

/** 汇总下级单位: the merge and its reading (chunk "import", with the readers). */
const loadMerge = loadOnce(
  () => import(/* webpackChunkName: "import" */ './merge/read-units').then((m) => m.readUnits),
  loadFailed,
);

/** 汇总下级单位's writer into the workbook (chunk "insert", with the template writer). */
const loadMergeWriter = loadOnce(() => import(/* webpackChunkName: "insert" */ '../excel/insert-merge'), loadFailed);

/** Desktop Excel on a Mac and Office on mobile devices let no add-in download a file (OFFICE-FACTS.md). */
function canDownload(): boolean {
  // Office.PlatformType's values are these names.
  return !['Mac', 'iOS', 'Android'].includes(String(Office.context.platform));
}

/** Offers bytes as a download (a blob and an a[download], from the user's click). */
function download(bytes: Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL can go a little later.
  window.setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** A file name from the document's title: characters Windows refuses replaced. */
const fileNameOf = (title: string): string => {
  const safe = [...title]
    .map((ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .trim();
  return `${safe || 'nianbao'}.docx`;
};

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The template writer (chunk "insert"). */
const loadInsert = loadOnce(() => import(/* webpackChunkName: "insert" */ '../excel/insert-template'), loadFailed);

function actionsFor(host: TaskpaneHost, locale: Locale): TaskpaneActions {
  const strings = firstScreenStrings(locale);
  if (host.kind !== 'excel') {
    return {
      onInsertTemplate: async () => {
        throw new Error(strings.notInOffice);
      },
    };
  }
  return {
    onInsertTemplate: async (options) => {
      const { insertTemplate } = await loadInsert();
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

/** Whether this Excel has an API requirement set. */
const supportsExcel = (set: 'ExcelApi', version: string): boolean =>
  Office.context.requirements.isSetSupported(set, version);

function officePort(live: Live, locale: Locale): LivePort {
  const { startLiveSession, readDismissals, writeDismissals } = live;
  const file = firstScreenStrings(locale).common.title;
  return {
    start: (listener) =>
      startLiveSession({
        run: runExcel,
        supports: supportsExcel,
        file,
        locale,
        onPass: listener.onPass,
        onDamage: listener.onDamage,
        onSelection: listener.onSelection,
        onError: listener.onError,
      }),
    readDismissals: (sheet) => runExcel((context) => readDismissals(context, sheet, parseXml)),
    writeDismissals: (sheet, list) => runExcel((context) => writeDismissals(context, sheet, list, parseXml)),
    // Custom XML parts are ExcelApi 1.5; below it no last-year report is stored (the workbook's own
    // sheet of last year still pairs).
    readPrevious: () =>
      supportsExcel('ExcelApi', live.PREVIOUS_EXCEL_API)
        ? runExcel((context) => live.readPreviousReports(context, parseXml))
        : Promise.resolve(new Map()),
    writePrevious: (sheet, stored) => runExcel((context) => live.writePreviousReport(context, sheet, stored, parseXml)),
  };
}

/** An error of live validation in the user's language (`live`: the chunk whose errors it knows, once loaded). */
function errorMessage(error: unknown, locale: Locale, live: Live | undefined): string {
  if (live) {
    if (error instanceof live.ReportInputError) return live.describeInputError(error, locale);
    if (error instanceof live.ExcelInsertError) return error.localized(locale);
    if (error instanceof live.DismissalsUnreadableError)
      return live.taskpaneStrings(locale).live.dismissalsUnreadable(error.sheet);
  }
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

/** The Word side: the port over Word.js, the file reader and the outline (chunk "word"). */
const loadWord = loadOnce(async () => {
  const [word, reader, flow, report, i18n] = await Promise.all([
    import(/* webpackChunkName: "word" */ '../word'),
    import(/* webpackChunkName: "word" */ '../xlsx/report-file'),
    import(/* webpackChunkName: "word" */ './word/word-flow'),
    import(/* webpackChunkName: "word" */ '../report/errors'),
    import(/* webpackChunkName: "word" */ '../i18n'),
    preloadWordResults(),
  ]);
  return {
    word,
    reader,
    flow,
    ReportInputError: report.ReportInputError,
    describeInputError: i18n.describeInputError,
    taskpaneStrings: i18n.taskpaneStrings,
  };
}, loadFailed);

function renderWord(root: Root, locale: Locale, baseActions: TaskpaneActions, currentYear: number): void {
  const show = (word?: WordActions, error?: string): void =>
    root.render(
      <FirstRender>
        <App
          host={{ kind: 'word' }}
          locale={locale}
          actions={baseActions}
          currentYear={currentYear}
          {...(word ? { word } : {})}
          {...(error !== undefined ? { error } : {})}
        />
      </FirstRender>,
    );
  show();
  void whenFirstRendered().then(async () => {
    try {
      const loaded = await loadWord();
      const t = loaded.taskpaneStrings(locale);
      const port = loaded.word.createWordPort({
        run: (batch) => Word.run(batch),
        isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
        settings: Office.context.document.settings,
        parseXml,
      });
      const flow = loaded.flow.createWordFlow({ readFile: loaded.reader.readReportBytes, port, currentYear });
      show({
        generate: (file, options) => flow.generate(file, options),
        refresh: (file, options) => flow.refresh(file, options),
        describe: (error) => {
          if (error instanceof loaded.ReportInputError) return loaded.describeInputError(error, locale);
          if (error instanceof loaded.word.WordLinkError)
            return error.code === 'API_UNSUPPORTED' ? t.word.apiUnsupported : t.word.batchFailed(error.detail);
          return error instanceof Error ? error.message : String(error);
        },
      });
    } catch (error) {
      console.error(error);
      show(undefined, error instanceof Error ? error.message : String(error));
    }
  });
}

function render(root: Root, host: TaskpaneHost, locale: Locale): void {
  document.documentElement.lang = locale;
  document.title = firstScreenStrings(locale).common.title;
  shownLocale = locale;
  const currentYear = new Date().getFullYear();
  const baseActions = actionsFor(host, locale);
  if (host.kind === 'word') {
    renderWord(root, locale, baseActions, currentYear);
    return;
  }
  if (host.kind !== 'excel') {
    root.render(
      <FirstRender>
        <App host={host} locale={locale} actions={baseActions} currentYear={currentYear} />
      </FirstRender>,
    );
    return;
  }
  let live: Live | undefined;
  let controller: LiveController | undefined;
  /** The last failed action (Office task panes have no alert()); cleared by the next pass. */
  let actionError: string | undefined;
  const show = (): void => {
    const c = controller;
    const error = actionError ?? (c?.state.error !== undefined ? errorMessage(c.state.error, locale, live) : undefined);
    root.render(
      <FirstRender>
        <App
          host={host}
          locale={locale}
          currentYear={currentYear}
          busy={c === undefined || c.state.starting}
          {...(error !== undefined ? { error } : {})}
          actions={{
            onInsertTemplate: async (options) => {
              const outcome = await baseActions.onInsertTemplate(options);
              // Watch the new sheet too.
              void watch().catch(report);
              return outcome;
            },
          }}
          {...(c
            ? {
                live: {
                  state: c.state,
                  actions: {
                    onLocate: (sheet, f) => void c.locate(sheet, f).catch(report),
                    onFix: (sheet, f) => void c.fix(sheet, f).catch(report),
                    onDismiss: (sheet, f, reason) => void c.dismissFinding(sheet, f, reason).catch(report),
                    onRestore: (sheet, key) => void c.restoreFinding(sheet, key).catch(report),
                    onRecheck: () => c.recheck(),
                    onRepair: (sheet) => void c.repair(sheet).catch(report),
                    merge: {
                      read: async (files, agency) => {
                        const [{ readers }, readUnits] = await Promise.all([loadImport(), loadMerge()]);
                        return readUnits(readers, files, { agency, currentYear, locale }, (error) =>
                          errorMessage(error, locale, live),
                        );
                      },
                      insert: async (preview) => {
                        const { writeMergeToWorkbook } = await loadMergeWriter();
                        const t = (await loadLive()).taskpaneStrings(locale).merge;
                        const year = preview.merged.report.profile.year;
                        const result = await runExcel((context) =>
                          writeMergeToWorkbook(
                            context,
                            { ...preview.merged, sheetName: year ? `${year}年汇总表格` : '汇总表格' },
                            supportsExcel,
                            locale,
                          ),
                        );
                        // Watch the new sheet too.
                        void watch().catch(report);
                        return { intent: 'success', message: t.inserted(result.sheetName, result.detailSheet) };
                      },
                      describe: (error) => errorMessage(error, locale, live),
                    },
                    previous: (sheet) => ({
                      read: async (source) => {
                        const { readers, readPrevious } = await loadImport();
                        const year = c.state.sheets.find((s) => s.sheet === sheet)?.report.profile.year;
                        return readPrevious(readers, source, year, locale);
                      },
                      store: (preview) => c.importPrevious(sheet, preview.report, preview.source),
                      remove: () => c.removePrevious(sheet),
                      describe: (error) => errorMessage(error, locale, live),
                    }),
                    onGenerateDocument: async (sheet) => {
                      // The controller exists only once the live chunk (with the strings) has loaded.
                      const t = (await loadLive()).taskpaneStrings(locale).document;
                      if (!canDownload()) return { intent: 'info', message: t.noDownload };
                      const current = c.state.sheets.find((s) => s.sheet === sheet);
                      if (!current) throw new Error(t.generate);
                      const { reportDocument } = await loadDocument();
                      const made = await reportDocument(current.report, new Date());
                      const fileName = fileNameOf(made.outline.title);
                      download(made.bytes, fileName, DOCX_TYPE);
                      const errors = current.findings.filter((f) => f.severity === 'error').length;
                      const message = t.generated(fileName, made.figures, made.prompts);
                      return errors > 0
                        ? {
                            intent: 'warning',
                            message: `${message}${locale === 'zh-CN' ? '' : ' '}${t.withErrors(errors)}`,
                          }
                        : { intent: 'success', message };
                    },
                  },
                },
              }
            : {})}
        />
      </FirstRender>,
    );
  };
  const report = (error: unknown): void => {
    console.error(error);
    actionError = errorMessage(error, locale, live);
    show();
  };
  /** Counts the watches started: one that finds a later one started while it loaded the chunk gives way. */
  let watches = 0;
  const watch = async (): Promise<void> => {
    const mine = ++watches;
    live = await loadLive();
    if (mine !== watches) return;
    await controller?.dispose();
    if (mine !== watches) return;
    controller = live.createLiveController(officePort(live, locale), { locale, currentYear });
    controller.subscribe(() => {
      actionError = undefined;
      show();
    });
    show();
    await controller.start();
  };
  show();
  // What the first screen does not need, once it is on the page: live validation, then the template
  // writer (插入 awaits the same load; a failure here is logged, and 插入 tries again and says so).
  void whenFirstRendered().then(() => {
    void watch().catch(report);
    void loadLive().then(
      () => loadInsert().catch(() => undefined),
      () => undefined,
    );
  });
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
