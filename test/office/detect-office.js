// Is desktop Excel installed here? `npm run test:office` asks before doing anything heavy.
// - Linux (and anything but Windows and macOS): no desktop Office exists.
// - Windows: EXCEL.EXE in the usual install folders (Click-to-Run `Microsoft Office\root\Office16`,
//   MSI `Microsoft Office\Office16`, and Office15, under Program Files and Program Files (x86)), else
//   where the registry's App Paths entry for excel.exe points (HKCU, HKLM, HKLM WOW6432Node).
// - macOS: /Applications/Microsoft Excel.app (or ~/Applications).
// Everything it touches comes in through `io`, so that the test can play each platform anywhere.
// CommonJS, for main.mjs and the jest tests (types: detect-office.d.ts).
'use strict';

const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const APP_PATHS = [
  'HKCU\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe',
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe',
  'HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe',
];
const OFFICE_FOLDERS = [
  'Microsoft Office\\root\\Office16',
  'Microsoft Office\\Office16',
  'Microsoft Office\\root\\Office15',
  'Microsoft Office\\Office15',
];

/** The default value of a registry key (`reg query KEY /ve`), or undefined. */
function queryRegistry(key) {
  try {
    return execFileSync('reg', ['query', key, '/ve'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      windowsHide: true,
      timeout: 10000,
    });
  } catch {
    return undefined;
  }
}

/** The path in `reg query … /ve` output (REG_SZ or REG_EXPAND_SZ, %VARS% expanded), or undefined. */
function parseRegDefault(output, env) {
  if (typeof output !== 'string') return undefined;
  for (const line of output.split(/\r?\n/)) {
    const m = /\sREG_(EXPAND_)?SZ\s+(.+?)\s*$/.exec(line);
    if (!m) continue;
    let value = m[2].replace(/^"(.*)"$/, '$1');
    if (m[1]) value = value.replace(/%([^%]+)%/g, (all, name) => env[name] ?? env[name.toUpperCase()] ?? all);
    return value;
  }
  return undefined;
}

/**
 * Where desktop Excel is, or why it was not found.
 * @param {{ platform?: string, env?: Record<string, string | undefined>, home?: string,
 *   exists?: (p: string) => boolean, queryRegistry?: (key: string) => string | undefined }} [io]
 * @returns {{ found: true, path: string, platform: string } | { found: false, platform: string, reason: string }}
 */
function findExcel(io = {}) {
  const platform = io.platform ?? process.platform;
  const env = io.env ?? process.env;
  const exists = io.exists ?? fs.existsSync;
  if (platform === 'darwin') {
    const home = io.home ?? os.homedir();
    const candidates = ['/Applications/Microsoft Excel.app', path.posix.join(home, 'Applications/Microsoft Excel.app')];
    const found = candidates.find((p) => exists(p));
    return found
      ? { found: true, path: found, platform }
      : { found: false, platform, reason: 'no /Applications/Microsoft Excel.app' };
  }
  if (platform === 'win32') {
    const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.ProgramW6432].filter(Boolean);
    for (const root of new Set(roots)) {
      for (const folder of OFFICE_FOLDERS) {
        const exe = path.win32.join(root, folder, 'EXCEL.EXE');
        if (exists(exe)) return { found: true, path: exe, platform };
      }
    }
    const query = io.queryRegistry ?? queryRegistry;
    for (const key of APP_PATHS) {
      const exe = parseRegDefault(query(key), env);
      if (exe && exists(exe)) return { found: true, path: exe, platform };
    }
    return { found: false, platform, reason: 'no EXCEL.EXE in the Office folders or the registry App Paths' };
  }
  return { found: false, platform, reason: `no desktop Office on ${platform}` };
}

/** The two lines `npm run test:office` prints where Excel is missing: zh-CN first, en-US second. */
function notRunMessage(result) {
  const where = {
    win32: [
      'Windows 上未找到 EXCEL.EXE（Office 安装目录和注册表 App Paths 中都没有）',
      'no EXCEL.EXE was found on Windows (Office folders, registry App Paths)',
    ],
    darwin: [
      'macOS 上没有 /Applications/Microsoft Excel.app',
      'there is no /Applications/Microsoft Excel.app on macOS',
    ],
  }[result.platform];
  const name =
    { linux: 'Linux', freebsd: 'FreeBSD', openbsd: 'OpenBSD', sunos: 'SunOS', aix: 'AIX' }[result.platform] ??
    result.platform;
  const other = where ?? [`${name} 上没有桌面版 Office`, `there is no desktop Office on ${name}`];
  return [
    `未运行 Office 端到端测试：本机没有安装桌面版 Excel（${other[0]}）。要在真实 Excel 中运行，请在装有 Excel 的 Windows 或 Mac 上执行 npm run test:office。`,
    `Office end-to-end suite not run: desktop Excel is not installed on this machine (${other[1]}). Run npm run test:office on Windows or a Mac with Excel.`,
  ];
}

module.exports = { findExcel, notRunMessage, parseRegDefault };
