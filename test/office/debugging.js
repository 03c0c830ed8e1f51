// office-addin-debugging (the sideloading of `npm run test:office`) is loaded at run time, and only where
// desktop Excel is: it is not a devDependency, because its newer releases pull in a native module
// (keytar) that `npm ci` cannot build on machines without libsecret, and 5.x alone adds some 300
// packages (53 MB) that `npm ci` and `npm test` never need. As src/dev/start.mjs does for `npm start`.
// Found installed (a user may have added it), else installed once into ~/.nianbao/.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** The release the suite was written against (5.x: its keytar dependency is optional). */
const DEBUGGING_VERSION = '5.1.6';

function loadDebugging() {
  try {
    return require('office-addin-debugging');
  } catch {
    // not installed with the project: fetch it below
  }
  const prefix = path.join(os.homedir(), '.nianbao', `office-addin-debugging-${DEBUGGING_VERSION}`);
  const entry = path.join(prefix, 'node_modules', 'office-addin-debugging');
  if (!existsSync(entry)) {
    mkdirSync(prefix, { recursive: true });
    console.log(
      `正在安装 office-addin-debugging@${DEBUGGING_VERSION}（仅首次）/ installing office-addin-debugging (once)…`,
    );
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const run = spawnSync(
      npm,
      [
        'install',
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--prefix',
        prefix,
        `office-addin-debugging@${DEBUGGING_VERSION}`,
      ],
      { stdio: 'inherit', shell: process.platform === 'win32' },
    );
    if (run.status !== 0) {
      throw new Error(
        `office-addin-debugging@${DEBUGGING_VERSION} 安装失败 / could not be installed (npm exit ${run.status}); try: npm install --no-save office-addin-debugging@${DEBUGGING_VERSION}`,
      );
    }
  }
  return require(entry);
}

module.exports = { loadDebugging, DEBUGGING_VERSION };
