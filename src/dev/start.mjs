// `npm start` / `npm run stop`. On Windows and macOS: sideload into desktop Excel with office-addin-debugging
// (run through npx, not a dependency: it pulls a native keychain module that does not build on Linux).
// Elsewhere: start the https dev server and explain how to upload the manifest to Excel or Word on the web.
import { spawn } from 'node:child_process';
import { fileURLToPath, URL } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MANIFEST = 'manifest.xml';
const TASKPANE_URL = 'https://localhost:3000/taskpane.html';
const stopping = process.argv.includes('--stop');
const desktop = process.platform === 'win32' || process.platform === 'darwin';

/** Runs a command in the repository root with the terminal attached; exits with its exit code. */
function run(command, args) {
  // npx is npx.cmd on Windows, which Node only spawns through a shell.
  const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('error', (error) => {
    console.error(`Could not run ${command} ${args.join(' ')}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function webInstructions() {
  const manifest = join(ROOT, MANIFEST);
  return [
    '',
    '年报助手开发服务器 / Annual Report Assistant dev server',
    `  任务窗格 / Task pane: ${TASKPANE_URL}`,
    '',
    '在网页版 Excel（或 Word）中加载：',
    '  1. 信任开发证书（只需一次）：npx office-addin-dev-certs install',
    `     然后在浏览器中打开 ${TASKPANE_URL}，确认没有证书警告。`,
    '  2. 在 Excel 网页版中打开一个工作簿，选择 插入 → 加载项 → 上传我的加载项，',
    '     （新版界面：开始 → 加载项 → 更多加载项 → 我的加载项 → 上传我的加载项）',
    `     上传 ${manifest}`,
    '  3. 在“开始”选项卡上单击“打开年报助手”。',
    '',
    'To load it in Excel (or Word) on the web:',
    '  1. Trust the dev certificate (once): npx office-addin-dev-certs install',
    `     then open ${TASKPANE_URL} in the browser and check there is no certificate warning.`,
    '  2. Open a workbook in Excel on the web, choose Insert → Add-ins → Upload My Add-in',
    '     (newer ribbon: Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in)',
    `     and upload ${manifest}`,
    '  3. On the Home tab, select “Open Assistant”.',
    '',
    '按 Ctrl+C 停止服务器。/ Press Ctrl+C to stop the server.',
    '',
  ].join('\n');
}

if (stopping) {
  if (desktop) {
    run('npx', ['--yes', 'office-addin-debugging', 'stop', MANIFEST]);
  } else {
    console.log(
      [
        '没有需要停止的旁加载：在此平台上 npm start 只启动开发服务器，按 Ctrl+C 即可停止；',
        '上传到网页版 Office 的加载项在关闭文档后即不再加载。',
        'Nothing to stop: on this platform npm start only runs the dev server (stop it with Ctrl+C);',
        'an add-in uploaded to Office on the web goes away when the document is closed.',
      ].join('\n'),
    );
  }
} else if (desktop) {
  run('npx', ['--yes', 'office-addin-debugging', 'start', MANIFEST]);
} else {
  console.log(webInstructions());
  run('npx', ['webpack', 'serve', '--mode', 'development']);
}
