#!/usr/bin/env node
// `npm run test:office [-- FILE.json…]`: the scenarios of test/e2e/scenarios played in desktop Excel
// (README.md, "In desktop Excel"). Where Excel is not installed — always on Linux — it says so in two
// lines (zh-CN, then en-US) and exits 0 without building or starting anything. Where it is: trusts the
// Office dev certificate (a dialog the first time), then runs the jest suite test/office/excel.office.ts
// with its own config. Interrupted (Ctrl+C), it removes the sideload itself; `-- --stop` does only that.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { findExcel, notRunMessage } = require('./detect-office.js');
const { sessionPaths, writeTestManifest, DEFAULT_PANE_PORT } = require('./test-manifest.js');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--'));

const excel = findExcel();
if (!excel.found) {
  for (const line of notRunMessage(excel)) console.log(line);
  process.exit(0);
}

/** Unregisters the test add-in (stopDebugging reads the id from the test manifest) and removes the session's files. */
async function removeSideload() {
  const { manifest, dir } = sessionPaths();
  if (!existsSync(manifest)) writeTestManifest(ROOT, DEFAULT_PANE_PORT);
  const { loadDebugging } = require('./debugging.js');
  await loadDebugging().stopDebugging(manifest);
  rmSync(dir, { recursive: true, force: true });
  console.log('已取消测试加载项的旁加载。/ The test add-in is no longer sideloaded.');
}

if (args.includes('--stop')) {
  await removeSideload();
  process.exit(0);
}

console.log(`在桌面版 Excel 中运行场景（${excel.path}）。/ Playing the scenarios in desktop Excel (${excel.path}).`);
console.log(
  '首次运行时系统会请求信任 Office 加载项开发证书（localhost），请允许。/ ' +
    'The first run asks you to trust the Office add-in dev certificate (localhost): allow it.',
);
try {
  await require('office-addin-dev-certs').ensureCertificatesAreInstalled();
} catch (error) {
  console.error(
    `开发证书未能安装，未运行 / the dev certificate could not be installed, not run: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}

let interrupted = false;
// Ctrl+C reaches jest too; this process stays to clean up after it.
process.on('SIGINT', () => {
  interrupted = true;
});

const jest = require.resolve('jest/bin/jest');
const child = spawn(process.execPath, [jest, '--config', 'test/office/jest.config.js', '--runInBand', '--forceExit'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, ...(files.length > 0 ? { NIANBAO_OFFICE_SCENARIOS: JSON.stringify(files) } : {}) },
});
const code = await new Promise((resolve) => {
  child.on('error', (error) => {
    console.error(`无法运行 jest / could not run jest: ${error.message}`);
    resolve(1);
  });
  child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
});

if (existsSync(sessionPaths().manifest)) {
  // The suite did not get to its own clean-up (interrupted, or killed).
  console.log(interrupted ? '已中断，正在清理…… / Interrupted: cleaning up…' : '正在清理…… / Cleaning up…');
  try {
    await removeSideload();
  } catch (error) {
    console.error(`清理失败 / clean-up failed: ${error instanceof Error ? error.message : String(error)}`);
    console.error(`请运行 / run: npx office-addin-debugging stop "${sessionPaths().manifest}"`);
  }
}
process.exit(interrupted && code === 0 ? 1 : code);
