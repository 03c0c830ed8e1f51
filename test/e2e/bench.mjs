#!/usr/bin/env node
// Callbacks passed to page.evaluate run in the browser:
/* global window, document, performance, MutationObserver, setTimeout */
// `npm run bench`: the figures of src/bench/main.ts (run first, in a process of its own, unchanged) and
// the task pane's, measured on the production build (dist/) in headless Chromium, printed as ONE JSON
// object on stdout. `npm run bench:pane` (or --pane-only): the pane's figures alone, over the dist there.
//
//   taskpane_initial_js_gzip_kb      gzip size (zlib, 1 KB = 1000 bytes) of the scripts taskpane.html
//                                    loads itself, i.e. before the first render (office.js aside).
//   taskpane_first_render_ms_median  fresh loads of taskpane.html (a new browser context each: empty HTTP
//                                    cache, no code cache) over a local http server, office.js answered
//                                    with a small shim whose Office.onReady says Excel: from navigation
//                                    start to the moment the first screen (header and insert form, in
//                                    <main>) is in the DOM — a MutationObserver installed before any of
//                                    the page's scripts records performance.now() when <main> appears.
//                                    Mutation callbacks run right after the script that committed the
//                                    DOM (React's first commit), before the browser paints it; the time
//                                    is the page's own clock (its origin is navigation start), so
//                                    Playwright's round trips are not in it.
//   syncs_per_edit,                  the harness of the scenario runner (run.mjs: the pane in a frame
//   edit_to_findings_ms_median       over the fake host of test/e2e/host.ts, here with roundTripMs 50):
//                                    the template inserted through the pane's form, tables 二 and 四
//                                    zeroed, then pastes of all 175 data cells of table 三 (25 × 7, one
//                                    block, one change event), each with other values and findings. From
//                                    just before the paste (the host applies it and raises the event,
//                                    which reaches the add-in after the one-way trip, 25 ms) until the
//                                    pane's DOM first shows what it shows once settled (the findings'
//                                    rules and cells and the status line), timed in the page; the
//                                    add-in's context.sync calls during that edit. Medians over the
//                                    measured pastes (after warm-up ones). edit_to_findings_ms_median
//                                    counts from the moment the change event reaches the add-in's
//                                    handler (the measure: its floor is the pass's one round
//                                    trip, 50 ms); paste_to_findings_ms_median from the paste itself,
//                                    so also the fake host's 25 ms trip bringing the event.
import { spawnSync } from 'child_process';
import { createServer } from 'http';
import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { fileURLToPath, URL } from 'url';
import { gzipSync } from 'zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'dist');
const argv = process.argv.slice(2);
const paneOnly = argv.includes('--pane-only');
/** --trace: each measured paste's phases on stderr (the add-in's syncs, when the DOM showed the result). */
const trace = argv.includes('--trace');

const FIRST_RENDER_LOADS = 20;
const FIRST_RENDER_WARMUP = 2;
const PASTES = 20;
const PASTE_WARMUP = 2;
const ROUND_TRIP_MS = 50;

if (!existsSync(path.join(DIST, 'taskpane.html'))) {
  console.error('找不到 dist/taskpane.html：请先运行 npm run build。');
  process.exit(2);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round1 = (x) => Math.round(x * 10) / 10;

/** src/bench/main.ts's figures, first and alone (no browser competing for the CPU). */
function nodeFigures() {
  const run = spawnSync(process.execPath, [path.join(DIST, 'node/bench/main.js')], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`dist/node/bench/main.js exited ${run.status}`);
  const line = run.stdout.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error('dist/node/bench/main.js printed no figures');
  return JSON.parse(line);
}

/** The local scripts taskpane.html loads itself. */
function initialScripts() {
  const html = readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
  return [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^[a-z]+:/i.test(src));
}

function initialGzipKb() {
  const bytes = initialScripts().map((src) => gzipSync(readFileSync(path.join(DIST, src))).length);
  return round1(bytes.reduce((a, b) => a + b, 0) / 1000);
}

// The fake host for the harness page, as run.mjs bundles it, with the drivers this bench calls itself.
const hostBundle = (
  await build({
    stdin: {
      contents: [
        "export * from './host';",
        "export { userPaste, shownValue, sheetNamed } from '../support/fake-excel';",
        "export { rangeA1 } from '../../src/layout/a1';",
        "export { randomValidReport, seededRandom } from '../../src/bench/random-report';",
      ].join('\n'),
      resolveDir: path.join(ROOT, 'test/e2e'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'NianbaoHost',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'error',
  })
).outputFiles[0].text;

const HARNESS = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>nianbao bench</title>
<script src="/__host.js"></script></head><body style="margin:0">
<script>
  window.startPane = function () {
    var frame = document.createElement('iframe');
    frame.id = 'pane';
    frame.title = '年报助手';
    frame.src = '/taskpane.html';
    frame.style.cssText = 'width:320px;height:1400px;border:0';
    document.body.appendChild(frame);
  };
</script></body></html>`;
// office.js in the harness's frame: the fake host of the top page (as run.mjs).
const FRAME_OFFICE = 'var g = window.parent.host.officeFor(); window.Office = g.Office; window.Excel = g.Excel;';
// office.js for a page of its own: Office.onReady as Excel, zh-CN; Excel.run never answers (nothing of the
// first render waits for it; the live session started after it just stays pending).
const ALONE_OFFICE = `window.Office = {
  HostType: { Excel: 'Excel', Word: 'Word' },
  context: { displayLanguage: 'zh-CN', requirements: { isSetSupported: function () { return true; } } },
  onReady: function (cb) { var info = { host: 'Excel', platform: 'OfficeOnline' }; if (cb) cb(info); return Promise.resolve(info); }
};
window.Excel = { run: function () { return new Promise(function () {}); } };`;
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.xml': 'text/xml',
};

async function serve() {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/__host.js') return res.writeHead(200, { 'content-type': TYPES['.js'] }).end(hostBundle);
    if (url.pathname === '/__harness.html') return res.writeHead(200, { 'content-type': TYPES['.html'] }).end(HARNESS);
    const file = path.join(DIST, decodeURIComponent(url.pathname));
    if (!file.startsWith(DIST) || !existsSync(file)) return res.writeHead(404).end();
    res
      .writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

/** Before any script of the page: note when the first screen's <main> is in the DOM. */
function watchFirstScreen() {
  new MutationObserver((_records, observer) => {
    if (document.querySelector('#container main')) {
      window.__firstScreenMs = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

async function firstRenderMs(browser, base) {
  const times = [];
  for (let i = 0; i < FIRST_RENDER_WARMUP + FIRST_RENDER_LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 1000 } });
    try {
      await context.route('https://appsforoffice.microsoft.com/**', (route) =>
        route.fulfill({ status: 200, contentType: 'text/javascript', body: ALONE_OFFICE }),
      );
      await context.addInitScript(watchFirstScreen);
      const page = await context.newPage();
      await page.goto(`${base}/taskpane.html`);
      await page.waitForFunction(() => window.__firstScreenMs !== undefined, null, { timeout: 15000 });
      const ms = await page.evaluate(() => window.__firstScreenMs);
      if (i >= FIRST_RENDER_WARMUP) times.push(ms);
    } finally {
      await context.close();
    }
  }
  return round1(median(times));
}

/** Waits until the host has no event or sync under way and the pane's DOM has stopped changing. */
async function settle(page) {
  await page.evaluate(async () => {
    const doc = document.getElementById('pane').contentDocument;
    const shown = () =>
      [...doc.querySelectorAll('li[data-rule]')].map((li) => li.outerHTML).join('') +
      (doc.querySelector('[data-status]')?.textContent ?? '');
    let last = '';
    let same = 0;
    for (let i = 0; i < 200 && same < 3; i++) {
      await window.host.settled();
      await new Promise((resolve) => setTimeout(resolve, 25));
      const now = shown();
      const busy = doc.querySelector('main[aria-busy="true"]') !== null;
      same = now === last && !busy ? same + 1 : 0;
      last = now;
    }
  });
}

async function editFigures(browser, base) {
  const context = await browser.newContext({ viewport: { width: 360, height: 1400 } });
  const errors = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await context.route('https://appsforoffice.microsoft.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: FRAME_OFFICE }),
    );
    await page.goto(`${base}/__harness.html`);
    await page.evaluate((roundTripMs) => {
      window.host = window.NianbaoHost.createHost({ roundTripMs });
    }, ROUND_TRIP_MS);
    await page.evaluate(() => window.startPane());
    const frame = await (await page.waitForSelector('#pane')).contentFrame();
    await frame.waitForSelector('main', { timeout: 15000 });
    // 插入 through the pane's own form, as the scenario runner does.
    await frame.getByLabel('报告年度').fill('2024');
    await frame.getByRole('button', { name: '插入官方表格' }).click();
    await page.waitForFunction(() => window.host.reportSheets().then((n) => n > 0), null, {
      timeout: 15000,
      polling: 50,
    });
    await settle(page);
    await page.evaluate(() => window.host.zero(['s2', 's4']));
    await settle(page);

    const results = [];
    for (let i = 0; i < PASTE_WARMUP + PASTES; i++) {
      const result = await page.evaluate(async (seed) => {
        const H = window.NianbaoHost;
        const host = window.host;
        const doc = document.getElementById('pane').contentDocument;
        // What the pane shows: the findings' rules and cells (not the dismissed ones) and the status line.
        const shown = () =>
          [...doc.querySelectorAll('li[data-rule]')]
            .filter((li) => li.getAttribute('data-dismissed') !== 'true')
            .map((li) => `${li.getAttribute('data-rule')}:${li.getAttribute('data-cells')}`)
            .join('|') +
          '#' +
          (doc.querySelector('[data-status]')?.textContent ?? '');
        // Table 三's cells, where they are on the sheet (read before the clock starts).
        const plans = await host['plans']();
        const plan = plans[plans.length - 1];
        const keys = plan.map.keys.filter((k) => k.startsWith('s3.'));
        const values = {};
        const report = H.randomValidReport(H.seededRandom(seed), '2021');
        for (const k of keys) values[k] = report.values[k];
        // One wrong row total, in another row each time (so each paste changes what the pane shows).
        const totals = keys.filter((k) => k.endsWith('.total'));
        const broken = totals[seed % totals.length];
        values[broken] = Number(values[broken]) + 1 + (seed % 7);
        const rects = keys.map((k) => ({ key: k, ...plan.map.rectOf(k) }));
        const top = Math.min(...rects.map((r) => r.row));
        const left = Math.min(...rects.map((r) => r.col));
        const bottom = Math.max(...rects.map((r) => r.row));
        const right = Math.max(...rects.map((r) => r.col));
        const sheet = H.sheetNamed(host.ctx, plan.sheet);
        const block = [];
        for (let row = top; row <= bottom; row++) {
          const line = [];
          for (let col = left; col <= right; col++) {
            const named = rects.find((r) => r.row === row && r.col === col);
            const cell = H.shownValue(sheet, H.rangeA1({ row, col, rows: 1, cols: 1 }));
            line.push(named ? values[named.key] : cell === '' ? null : cell);
          }
          block.push(line);
        }
        // The add-in's syncs, timed (every request context of the workbook shares the prototype).
        const proto = Object.getPrototypeOf(host.ctx);
        if (!proto.__benchSync) {
          proto.__benchSync = proto.sync;
          proto.sync = function sync() {
            const entry = { start: performance.now() };
            window.__benchSyncs.push(entry);
            const trip = proto.__benchSync.call(this);
            trip.then(
              () => (entry.end = performance.now()),
              () => (entry.end = performance.now()),
            );
            return trip;
          };
        }
        window.__benchSyncs = [];
        // When the change event reaches the add-in's handler (the fake host delivers it a one-way trip,
        // 25 ms, after the paste): the figure runs from there, its floor one round trip.
        for (const r of host.ctx.host.events.registrations) {
          if (r.__bench) continue;
          const handler = r.handler;
          r.handler = (args) => {
            if (window.__eventAt === undefined) window.__eventAt = performance.now();
            return handler(args);
          };
          r.__bench = true;
        }
        window.__eventAt = undefined;
        const before = shown();
        const seen = [];
        const observer = new MutationObserver(() => seen.push({ t: performance.now(), shown: shown() }));
        observer.observe(doc.body, { childList: true, subtree: true, attributes: true, characterData: true });
        const syncs = host.syncs;
        const start = performance.now();
        await H.userPaste(host.ctx, plan.sheet, H.rangeA1({ row: top, col: left, rows: 1, cols: 1 }), block, {
          mode: 'values',
        });
        // Settled: the host idle and the DOM unchanged for 3 × 25 ms.
        let last = shown();
        for (let n = 0, same = 0; n < 200 && same < 3; n++) {
          await host.settled();
          await new Promise((resolve) => setTimeout(resolve, 25));
          const now = shown();
          same = now === last ? same + 1 : 0;
          last = now;
        }
        observer.disconnect();
        const first = seen.find((s) => s.shown === last);
        const trips = window.__benchSyncs.map((e) => ({ start: e.start - start, end: e.end - start }));
        return {
          trips,
          cells: keys.length,
          rows: bottom - top + 1,
          cols: right - left + 1,
          changed: last !== before,
          ms: first ? first.t - start : null,
          fromEvent: first && window.__eventAt !== undefined ? first.t - window.__eventAt : null,
          syncs: host.syncs - syncs,
          findings: last.split('#')[0].split('|').length,
        };
      }, 1000 + i);
      if (result.cells !== 175 || result.rows !== 25 || result.cols !== 7)
        throw new Error(`表三的数据区是 ${result.rows} × ${result.cols}（${result.cells} 格），不是 25 × 7`);
      if (result.fromEvent === null) throw new Error(`第 ${i + 1} 次粘贴：加载项没有收到更改事件`);
      if (!result.changed || result.ms === null) throw new Error(`第 ${i + 1} 次粘贴后窗格显示的内容没有变化`);
      if (i >= PASTE_WARMUP) results.push(result);
      if (trace && i >= PASTE_WARMUP) {
        const trips = result.trips.map((t) => `sync ${t.start.toFixed(1)}→${t.end.toFixed(1)}`).join(', ');
        process.stderr.write(
          `paste ${i + 1 - PASTE_WARMUP}: ${trips}; shown at ${result.ms.toFixed(1)} ms; ${result.findings} findings\n`,
        );
      }
    }
    if (errors.length > 0) throw new Error(`页面错误：${errors.join('; ')}`);
    return {
      syncs_per_edit: median(results.map((r) => r.syncs)),
      edit_to_findings_ms_median: round1(median(results.map((r) => r.fromEvent))),
      paste_to_findings_ms_median: round1(median(results.map((r) => r.ms))),
    };
  } finally {
    await context.close();
  }
}

const figures = paneOnly ? {} : nodeFigures();
const { server, base } = await serve();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  Object.assign(figures, {
    taskpane_initial_js_gzip_kb: initialGzipKb(),
    taskpane_first_render_ms_median: await firstRenderMs(browser, base),
    ...(await editFigures(browser, base)),
  });
} finally {
  await browser.close();
  server.close();
}
process.stdout.write(`${JSON.stringify(figures)}\n`);
