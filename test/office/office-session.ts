// The Node side of `npm run test:office`, in the yo-office template's convention: build the test
// flavour of the pane (webpack.config.js here, production mode), serve it over https with the Office
// dev certificates, start one office-addin-test-server per scenario (scenario i reports to
// basePort + i: a server takes one result), write the test manifest and sideload it into desktop Excel
// with office-addin-debugging; later collect each scenario's results, and stop it all again
// (stopDebugging unregisters the sideload). Used by excel.office.ts; never by `npm test`.
import { spawn } from 'child_process';
import { randomUUID } from 'crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { createServer as createHttpsServer, type Server } from 'https';
import { createServer as createNetServer } from 'net';
import { tmpdir } from 'os';
import * as path from 'path';
import { getHttpsServerOptions } from 'office-addin-dev-certs';
import { loadDebugging, type StartDebuggingOptions } from './debugging';
import { TestServer } from 'office-addin-test-server';
import { PLAN_FILE, planFor, type Plan, type Scenario, type ScenarioResult } from './scenario';
import { DEFAULT_BASE_PORT, DEFAULT_PANE_PORT, TEST_ADDIN_ID, sessionPaths, writeTestManifest } from './test-manifest';

export const ROOT = path.resolve(__dirname, '../..');
const SCENARIOS = path.join(ROOT, 'test/e2e/scenarios');

const log = (line: string): void => {
  process.stdout.write(`[office] ${line}\n`);
};

/** The scenario files: those named in NIANBAO_OFFICE_SCENARIOS (a JSON list), else every one of test/e2e/scenarios. */
export function scenarioFiles(): { file: string; scenario: Scenario }[] {
  const named = process.env.NIANBAO_OFFICE_SCENARIOS
    ? (JSON.parse(process.env.NIANBAO_OFFICE_SCENARIOS) as string[])
    : [];
  const files =
    named.length > 0
      ? named.map((f) => path.resolve(ROOT, f))
      : readdirSync(SCENARIOS)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => path.join(SCENARIOS, f));
  return files.map((file) => ({
    file: path.relative(ROOT, file).split(path.sep).join('/'),
    scenario: JSON.parse(readFileSync(file, 'utf8')) as Scenario,
  }));
}

const portFrom = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) throw new Error(`${name}: not a port`);
  return value;
};

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createNetServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

/**
 * A debugging session of `npm start` (office-addin-debugging records its dev server's process id in
 * <tmp>/office-addin-debugging.json) would be stopped by our stopDebugging: refuse to run beside one.
 */
function refuseBesideDebugSession(): void {
  const file = path.join(tmpdir(), 'office-addin-debugging.json');
  if (!existsSync(file)) return;
  let pid: unknown;
  try {
    pid = (JSON.parse(readFileSync(file, 'utf8')) as { devServer?: { processId?: unknown } }).devServer?.processId;
  } catch {
    return;
  }
  if (typeof pid !== 'number') return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // not running any more
  }
  throw new Error(
    `npm start 的调试会话仍在运行（开发服务器进程 ${pid}）：请先运行 npm run stop。 / ` +
      `A debugging session of npm start is running (dev server process ${pid}): run npm run stop first.`,
  );
}

/** webpack on the test flavour, in its own process (production mode, as the add-in ships). */
function buildTestPane(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const cli = require.resolve('webpack-cli/bin/cli.js');
    const args = [
      cli,
      '--config',
      'test/office/webpack.config.js',
      '--mode',
      'production',
      '--env',
      `outDir=${outDir}`,
    ];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`webpack (test flavour) exited ${code}:\n${output.slice(-4000)}`)),
    );
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** The test build over https on localhost, with the Office dev certificates. */
async function serveHttps(dir: string, port: number): Promise<Server> {
  const options = await getHttpsServerOptions();
  const root = path.resolve(dir);
  const server = createHttpsServer(options, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://localhost');
    const name = url.pathname === '/' ? '/test-taskpane.html' : decodeURIComponent(url.pathname);
    const file = path.resolve(root, `.${name}`);
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      })
      .end(readFileSync(file));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, 'localhost', () => resolve());
  });
  return server;
}

export interface OfficeSession {
  readonly plan: Plan;
  readonly manifest: string;
  /** Scenario i's results, once its driver has sent them. */
  results(index: number, timeoutMs: number): Promise<ScenarioResult>;
  /** Stops the servers and unregisters the sideload; safe to call after a failed start. */
  stop(): Promise<void>;
}

/** Sideloads the test pane into desktop Excel with the plan for these scenarios. */
export async function startOfficeSession(files: { file: string; scenario: Scenario }[]): Promise<OfficeSession> {
  const paths = sessionPaths();
  const panePort = portFrom('NIANBAO_OFFICE_PANE_PORT', DEFAULT_PANE_PORT);
  const basePort = portFrom('NIANBAO_OFFICE_TEST_PORT', DEFAULT_BASE_PORT);
  const plan = planFor(files, { runId: randomUUID(), basePort, workbookMarker: TEST_ADDIN_ID });
  const servers: TestServer[] = [];
  let https: Server | undefined;
  let sideloaded = false;
  const manifest = paths.manifest;

  const stop = async (): Promise<void> => {
    for (const server of servers) await server.stopTestServer().catch(() => false);
    if (https) {
      const server = https;
      // The webview keeps its connections alive; they must not hold the suite open.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    if (sideloaded || existsSync(manifest)) {
      try {
        await loadDebugging().stopDebugging(manifest);
        log('已取消旁加载 / sideload removed');
      } catch (error) {
        log(`取消旁加载失败 / could not remove the sideload: ${String(error)}`);
        log(`手动清理 / clean up by hand: npx office-addin-debugging stop "${manifest}"`);
        return;
      }
    }
    rmSync(paths.dir, { recursive: true, force: true });
  };

  try {
    refuseBesideDebugSession();
    const ports = [panePort, ...plan.scenarios.map((_, i) => basePort + i)];
    for (const port of ports) {
      if (!(await portIsFree(port))) {
        throw new Error(
          `端口 ${port} 已被占用 / port ${port} is in use (NIANBAO_OFFICE_PANE_PORT, NIANBAO_OFFICE_TEST_PORT choose others)`,
        );
      }
    }
    log('构建测试版任务窗格 / building the test pane (webpack, production)…');
    rmSync(paths.www, { recursive: true, force: true });
    mkdirSync(paths.dir, { recursive: true });
    await buildTestPane(paths.www);
    writeFileSync(path.join(paths.www, PLAN_FILE), JSON.stringify(plan));
    https = await serveHttps(paths.www, panePort);
    log(`测试页 / test page: https://localhost:${panePort}/test-taskpane.html`);
    for (const [i] of plan.scenarios.entries()) {
      const server = new TestServer(basePort + i);
      // Its constructor leaves a rejected "no results yet" promise behind: handled here.
      void server.getTestResults().catch(() => undefined);
      await server.startTestServer(false);
      servers.push(server);
    }
    log(`测试服务器 / test servers: https://localhost:${basePort}…${basePort + plan.scenarios.length - 1}`);
    writeTestManifest(ROOT, panePort);
    log(`测试清单 / test manifest: ${manifest}`);
    const options: StartDebuggingOptions = {
      appType: 'desktop',
      app: 'excel',
      enableDebugging: false,
      enableLiveReload: false,
      enableSideload: true,
    };
    sideloaded = true;
    await loadDebugging().startDebugging(manifest, options);
    log('已旁加载到 Excel，Excel 将打开测试工作簿 / sideloaded: Excel opens the test workbook');
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    plan,
    manifest,
    results: (index, timeoutMs) =>
      new Promise<ScenarioResult>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${timeoutMs / 1000} 秒内没有收到结果 / no results within ${timeoutMs / 1000} s`)),
          timeoutMs,
        );
        servers[index].getTestResults().then(
          (data) => {
            clearTimeout(timer);
            resolve(data as unknown as ScenarioResult);
          },
          (error: unknown) => {
            clearTimeout(timer);
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      }),
    stop,
  };
}
