// The in-Excel scenario driver of `npm run test:office` (driver.ts), checked without Office: the pane
// and the driver run in headless Chromium over the fake host of test/e2e/host.ts, their office.js
// request answered as test/e2e/run.mjs answers it. Only what needs Office's test server or a real
// workbook is stubbed through `window.nianbaoOfficeTestHooks`: the transport (results are kept by the
// harness instead of being sent to office-addin-test-server) and the workbook reset between scenarios
// (a fresh fake workbook, as run.mjs starts each scenario; the fake has no Worksheet.delete). The
// driver must meet every `expect`, and see the same findings and status as run.mjs after every step.
//
// Two builds of the page (NIANBAO_DRIVER_BUILD):
// - `dist` (default, in `npm test`, ~20 s): the production build of pretest, dist/taskpane.html, with
//   the driver (driver-entry.ts, bundled by esbuild) put before the pane's scripts — as the test
//   flavour orders them;
// - `webpack`: the test flavour itself, test-taskpane.html from test/office/webpack.config.js (in
//   development mode: the same modules unminified), ~10-20 s more for the build:
//   NIANBAO_DRIVER_BUILD=webpack npx jest test/office/driver.test.ts
// NIANBAO_DRIVER_DEBUG=1 prints the page's console and waits 15 s instead of 90 for the driver.
import { spawn } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { createServer, type Server } from 'http';
import { tmpdir } from 'os';
import * as path from 'path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { judge, planFor, type Plan, type Scenario, type ScenarioResult } from './scenario';

const ROOT = path.join(__dirname, '../..');
const BUILD = process.env.NIANBAO_DRIVER_BUILD === 'webpack' ? 'webpack' : 'dist';
// paste, zero (pasted and typed tables), fix, sheetStatus, dismiss, reload, last year's sheet, remote.
const FILES = [
  'paste-block.json',
  'wrong-total-and-fix.json',
  'dismiss-survives-reload.json',
  'cross-year.json',
  'remote-edit.json',
].map((f) => path.join('test/e2e/scenarios', f));

interface E2eLine {
  file: string;
  ok: boolean;
  steps: { findings: { rule: string; severity: string; cells: string[] }[]; status: string; syncs: number }[];
  failures?: string[];
}

/** test/e2e/run.mjs over the same files (the reference), in a child process. */
function runE2e(files: readonly string[]): Promise<{ lines: E2eLine[]; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['test/e2e/run.mjs', ...files], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as E2eLine);
      resolve({ lines, stderr, code });
    });
  });
}

/**
 * The test flavour of the pane, built by its own webpack config in a child process (webpack's plugins
 * load ES modules, which jest's module sandbox does not allow).
 */
function buildTestPane(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const cli = require.resolve('webpack-cli/bin/cli.js');
    const args = [cli, '--config', 'test/office/webpack.config.js', '--mode', 'development'];
    const child = spawn(process.execPath, [...args, '--env', `outDir=${outDir}`, '--no-devtool'], { cwd: ROOT });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`webpack (test flavour) exited ${code}:\n${output.slice(-3000)}`)),
    );
  });
}

const HARNESS = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>nianbao office driver</title>
<script src="/__host.js"></script></head><body style="margin:0">
<script>
  window.results = {};
  window.finished = false;
  window.hooksFor = function () {
    return {
      plan: function () { return Promise.resolve(window.plan); },
      ping: function () { return Promise.resolve(true); },
      send: function (port, result) { window.results[port] = JSON.parse(JSON.stringify(result)); return Promise.resolve(true); },
      prepareWorkbook: function (entry) {
        window.host = window.NianbaoHost.createHost(entry.scenario.host || {});
        return entry.scenario.previous ? window.host.addPrevious(entry.scenario.previous) : Promise.resolve();
      },
      settled: function () { return window.host.settled(); },
      finish: function () { window.finished = true; return Promise.resolve(); },
      timing: { eventMs: 0, eventWaitMs: 2000, pollMs: 25, quietPolls: 3, maxSettleMs: 10000, insertMs: 15000, serverMs: 1000 },
    };
  };
  window.startPane = function () {
    var frame = document.createElement('iframe');
    frame.id = 'pane';
    frame.src = window.panePage;
    frame.style.cssText = 'width:320px;height:1400px;border:0';
    document.body.appendChild(frame);
  };
</script></body></html>`;
// office.js for the pane's frame: the harness's fake host, the stubbed transport, and (as run.mjs's
// closePane) the closed pane's event handlers removed when the frame unloads.
const OFFICE_SHIM = [
  'var p = window.parent; var g = p.host.officeFor();',
  'window.Office = g.Office; window.Excel = g.Excel;',
  'window.nianbaoOfficeTestHooks = p.hooksFor();',
  "window.addEventListener('pagehide', function () { p.host.closePane(); });",
].join('\n');

/** The page under test: its folder, its file, and (dist) the driver bundle and the page with it put in. */
interface PaneBuild {
  readonly dir: string;
  readonly page: string;
  readonly driver?: string;
  readonly html?: string;
}

/** dist/taskpane.html with the driver's script right after office.js, before the pane's deferred scripts. */
async function distWithDriver(): Promise<PaneBuild> {
  const dir = path.join(ROOT, 'dist');
  const html = readFileSync(path.join(dir, 'taskpane.html'), 'utf8');
  const officeJs = /<script[^>]*office\.js"?>\s*<\/script>/;
  if (!officeJs.test(html)) throw new Error('dist/taskpane.html loads no office.js');
  const driver = await build({
    entryPoints: [path.join(__dirname, 'driver-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2017',
    write: false,
    logLevel: 'error',
  });
  return {
    dir,
    page: '/taskpane.html',
    driver: driver.outputFiles[0].text,
    html: html.replace(officeJs, (tag) => `${tag}<script src="/__driver.js"></script>`),
  };
}

function serve(pane: PaneBuild, hostBundle: string): Promise<{ server: Server; base: string }> {
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.png': 'image/png',
  };
  const dir = pane.dir;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/__host.js') return res.writeHead(200, { 'content-type': types['.js'] }).end(hostBundle);
    if (url.pathname === '/__harness.html') {
      const harness = HARNESS.replace('<script>', `<script>window.panePage = ${JSON.stringify(pane.page)};`);
      return res.writeHead(200, { 'content-type': types['.html'] }).end(harness);
    }
    if (pane.driver && url.pathname === '/__driver.js')
      return res.writeHead(200, { 'content-type': types['.js'] }).end(pane.driver);
    if (pane.html && url.pathname === pane.page)
      return res.writeHead(200, { 'content-type': types['.html'] }).end(pane.html);
    const file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir) || !existsSync(file)) return res.writeHead(404).end();
    res
      .writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
    }),
  );
}

/** Plays the plan with the driver in the test pane over the fake host; the results by scenario. */
async function playWithDriver(
  browser: Browser,
  base: string,
  plan: Plan,
): Promise<{ results: ScenarioResult[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 1400 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (process.env.NIANBAO_DRIVER_DEBUG) process.stderr.write(`[console] ${m.text()}\n`);
  });
  await page.route('https://appsforoffice.microsoft.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: OFFICE_SHIM }),
  );
  try {
    await page.goto(`${base}/__harness.html`);
    await page.evaluate((p) => {
      const w = window as unknown as { plan: unknown; host: unknown; NianbaoHost: { createHost(): unknown } };
      w.plan = p;
      w.host = w.NianbaoHost.createHost();
    }, plan);
    await page.evaluate(() => (window as unknown as { startPane(): void }).startPane());
    await page.waitForFunction(() => (window as unknown as { finished: boolean }).finished, undefined, {
      timeout: process.env.NIANBAO_DRIVER_DEBUG ? 15000 : 90000,
      polling: 100,
    });
    const byPort = (await page.evaluate(() => (window as unknown as { results: unknown }).results)) as Record<
      string,
      ScenarioResult
    >;
    return { results: plan.scenarios.map((_, i) => byPort[String(plan.basePort + i)]), errors };
  } finally {
    await context.close();
  }
}

const sortedFindings = (findings: readonly { rule: string; severity: string; cells: readonly string[] }[]): string[] =>
  findings.map((f) => `${f.rule}|${f.severity}|${[...f.cells].sort().join(' ')}`).sort();

describe(`the in-Excel scenario driver over the fake host (${BUILD} build)`, () => {
  const plan = planFor(
    FILES.map((file) => ({ file, scenario: JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Scenario })),
    { runId: 'fake-check', basePort: 4201, honourHost: true },
  );
  let results: ScenarioResult[] = [];
  let pageErrors: string[] = [];
  let reference: E2eLine[] = [];
  let referenceStderr = '';
  let out = '';

  beforeAll(async () => {
    expect(existsSync(path.join(ROOT, 'dist/taskpane.html'))).toBe(true);
    out = mkdtempSync(path.join(tmpdir(), 'nianbao-office-driver-'));
    // run.mjs (the reference) runs beside the build and the driver: two cores.
    const e2e = runE2e(FILES);
    try {
      await playAll();
    } finally {
      const ran = await e2e;
      reference = ran.lines;
      referenceStderr = ran.stderr;
    }
  }, 150000);

  async function playAll(): Promise<void> {
    const www = path.join(out, 'www');
    const [hostBundle, pane] = await Promise.all([
      build({
        entryPoints: [path.join(ROOT, 'test/e2e/host.ts')],
        bundle: true,
        format: 'iife',
        globalName: 'NianbaoHost',
        platform: 'browser',
        target: 'es2020',
        write: false,
        logLevel: 'error',
      }).then((r) => r.outputFiles[0].text),
      BUILD === 'webpack'
        ? buildTestPane(www).then((): PaneBuild => ({ dir: www, page: '/test-taskpane.html' }))
        : distWithDriver(),
    ]);
    const { server, base } = await serve(pane, hostBundle);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
    try {
      ({ results, errors: pageErrors } = await playWithDriver(browser, base, plan));
    } finally {
      await browser.close();
      server.close();
    }
  }

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('builds the test pane and plays every scenario without a page error', () => {
    expect(pageErrors).toEqual([]);
    expect(results.map((r) => r?.file)).toEqual(FILES);
  });

  it.each(FILES.map((file, i) => [file, i] as const))('%s: the driver meets every expect', (_file, i) => {
    const verdict = judge(plan.scenarios[i], results[i]);
    expect(verdict.failures).toEqual([]);
  });

  it.each(FILES.map((file, i) => [file, i] as const))(
    '%s: after each step the driver saw what run.mjs saw',
    (file, i) => {
      const mine = results[i];
      const theirs = reference.find((l) => l.file === file);
      expect(referenceStderr).not.toMatch(/Error/);
      expect(theirs?.ok).toBe(true);
      expect(mine.steps).toHaveLength(theirs?.steps.length ?? -1);
      mine.steps.forEach((step, s) => {
        if (step.skipped !== undefined) return;
        const ref = theirs?.steps[s];
        expect({ step: s + 1, findings: sortedFindings(step.findings), status: step.status }).toEqual({
          step: s + 1,
          findings: sortedFindings(ref?.findings ?? []),
          status: ref?.status,
        });
      });
    },
  );

  it('reports a co-author’s edit and every step after it as skipped, and plays the steps before', () => {
    const i = FILES.findIndex((f) => f.endsWith('remote-edit.json'));
    const verdict = judge(plan.scenarios[i], results[i]);
    expect(verdict.skipped.map((s) => s.step)).toEqual([2, 3]);
    expect(verdict.skipped[0].reason).toMatch(/^remote/);
    expect(results[i].steps[0].skipped).toBeUndefined();
  });
});
