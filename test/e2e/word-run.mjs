#!/usr/bin/env node
// Callbacks passed to page.evaluate run in the browser:
/* global window, document */
// The Word pane end to end: the production build of the pane in headless Chromium over the fake Word
// host (word-host.ts, the document of test/support/fake-word.ts), driven through its own buttons and
// file inputs as a user would: 从工作簿生成 from a workbook written by `nianbao template --data`, the user
// writes prose and types over one figure, the tables change, 刷新数据 updates exactly the changed figures
// and reports the hand-edited one, which only 用表格中的数字覆盖 overwrites; then the same file opened in
// Office 2019's Word (WordApi 1.3, the snapshot in the document settings) refreshes again. Prints one
// JSON line {"ok", "checks": [...], "failures": [...], "axe"} and exits 0 only when every check holds.
import { spawnSync } from 'child_process';
import { createServer } from 'http';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { fileURLToPath, URL } from 'url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'dist');
const CLI = path.join(DIST, 'node/cli/main.js');
const argv = process.argv.slice(2);
const shotsDir = argv.includes('--screenshots') ? argv[argv.indexOf('--screenshots') + 1] : undefined;
for (const needed of [path.join(DIST, 'taskpane.html'), CLI]) {
  if (!existsSync(needed)) {
    console.error(`找不到 ${path.relative(ROOT, needed)}：请先运行 npm run build。`);
    process.exit(2);
  }
}

// The workbooks: seed 004's tables, then the same with one more application (3 → 4) granted.
const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-word-'));
const seed = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/seed-004.json'), 'utf8'));
const changed = structuredClone(seed);
Object.assign(changed.values, {
  's3.new.natural': 4,
  's3.new.total': 4,
  's3.granted.natural': 3,
  's3.granted.total': 3,
  's3.total.natural': 4,
  's3.total.total': 4,
});
const workbook = (name, data) => {
  const json = path.join(dir, `${name}.json`);
  const xlsx = path.join(dir, `${name}.xlsx`);
  writeFileSync(json, JSON.stringify(data));
  const run = spawnSync(process.execPath, [CLI, 'template', '--data', json, '-o', xlsx], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`nianbao template failed: ${run.stderr}`);
  return xlsx;
};
const before = workbook('2022年报', seed);
const after = workbook('2022年报-改', changed);

const hostBundle = (
  await build({
    entryPoints: [path.join(ROOT, 'test/e2e/word-host.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'NianbaoWordHost',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'error',
  })
).outputFiles[0].text;

const HARNESS = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>nianbao word e2e</title>
<script src="/__host.js"></script></head><body style="margin:0">
<script>
  window.startPane = function () {
    var frame = document.createElement('iframe');
    frame.id = 'pane';
    frame.title = '年报助手';
    frame.src = '/taskpane.html';
    frame.style.cssText = 'width:320px;height:1600px;border:0';
    document.body.appendChild(frame);
  };
</script></body></html>`;
const OFFICE_SHIM = 'var g = window.parent.host.officeFor(); window.Office = g.Office; window.Word = g.Word;';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.png': 'image/png' };

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
const BASE = `http://127.0.0.1:${server.address().port}`;

const checks = [];
const failures = [];
const check = (what, ok, detail) => {
  checks.push(what);
  if (!ok) failures.push(detail === undefined ? what : `${what}：${detail}`);
};

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
let axe;
try {
  const context = await browser.newContext({ viewport: { width: 360, height: 1600 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => failures.push(`页面错误：${e.message}`));
  await page.route('https://appsforoffice.microsoft.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: OFFICE_SHIM }),
  );
  await page.goto(`${BASE}/__harness.html`);
  await page.evaluate(() => {
    window.host = window.NianbaoWordHost.createHost({ paragraphs: ['（本机关拟稿：以下为年报正文）'] });
  });
  await page.evaluate(() => window.startPane());
  const paneOf = async () => {
    const frame = await (await page.waitForSelector('#pane')).contentFrame();
    await frame.waitForSelector('main', { timeout: 15000 });
    return frame;
  };
  let frame = await paneOf();
  /** Clicks a button of the pane that opens the file input, and picks the file. */
  const pickWith = async (button, file) => {
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: 15000 }),
      frame.getByRole('button', { name: button }).click(),
    ]);
    await chooser.setFiles(file);
  };
  const result = (kind) => frame.locator(`[data-word-result="${kind}"]`).first().waitFor({ timeout: 20000 });
  const text = () => page.evaluate(() => window.host.text());
  const controls = (tag) => page.evaluate((t) => window.host.controls(t), tag);

  // 从工作簿生成
  await frame.getByRole('button', { name: '从工作簿生成' }).waitFor({ timeout: 15000 });
  await frame.waitForFunction(() => !document.querySelector('button[disabled]'), null, { timeout: 20000 });
  await pickWith('从工作簿生成', before);
  await result('generated');
  let doc = await text();
  check('生成后保留用户原有的文字', doc.includes('（本机关拟稿：以下为年报正文）'));
  check('生成标题', doc.includes('河东区行政审批服务局2022年政府信息公开工作年度报告'));
  for (const heading of [
    '一、总体情况',
    '（一）主动公开',
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '六、其他需要报告的事项',
  ])
    check(`生成“${heading}”`, doc.includes(heading));
  check('生成含本年新收 3 件的句子', doc.replace(/\s+/g, '').includes('本年新收政府信息公开申请3件'));
  let total = await controls('nianbao:s3.new.total');
  check(
    '本年新收总计的联动数字（句子与表格各一处）',
    total.length >= 2 && total.every((c) => c.text === '3'),
    JSON.stringify(total),
  );
  check('窗格说明数据来源', (await frame.locator('body').innerText()).includes('2022年报.xlsx'));
  if (shotsDir) await page.locator('#pane').screenshot({ path: path.join(shotsDir, 'word-generated.png') });

  // The user writes prose and types over one linked figure.
  await page.evaluate(() => window.host.typeProse(0, '（已补充）'));
  await page.evaluate(() => window.host.typeOver('nianbao:s2.license.decisions', '约九万'));

  // 刷新数据 with the changed workbook.
  await pickWith('刷新数据', after);
  await result('refreshed');
  total = await controls('nianbao:s3.new.total');
  check('刷新后本年新收总计为 4', total.length >= 2 && total.every((c) => c.text === '4'), JSON.stringify(total));
  check('刷新后用户的文字不变', (await text()).includes('（本机关拟稿：以下为年报正文）（已补充）'));
  const license = await controls('nianbao:s2.license.decisions');
  check(
    '手工改过的数字未被覆盖',
    license.some((c) => c.text === '约九万'),
    JSON.stringify(license),
  );
  const pane = await frame.locator('body').innerText();
  check('窗格列出更新的数字', /3\s*→\s*4/.test(pane), pane.slice(0, 400));
  check('窗格报告手工改过的数字', (await frame.locator('[data-word-hand-edited]').count()) === 1);
  const prompts = await controls('nianbao:prompt:s1.active');
  check('刷新不动提示', prompts.length === 1 && prompts[0].placeholder, JSON.stringify(prompts));
  if (shotsDir) await page.locator('#pane').screenshot({ path: path.join(shotsDir, 'word-refreshed.png') });

  const { AxeBuilder } = await import('@axe-core/playwright');
  const scan = await new AxeBuilder({ page }).include('#pane').analyze();
  axe = scan.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  for (const v of scan.violations)
    if (v.impact === 'serious' || v.impact === 'critical') failures.push(`无障碍：${v.id}（${v.impact}）`);

  // 用表格中的数字覆盖
  await frame.getByRole('button', { name: '用表格中的数字覆盖' }).click();
  await frame.getByText('已改为', { exact: false }).first().waitFor({ timeout: 20000 });
  check('覆盖后窗格不再报告手工改过的数字', (await frame.locator('[data-word-hand-edited]').count()) === 0);
  const overwritten = await controls('nianbao:s2.license.decisions');
  check(
    '确认后手工改过的数字被覆盖',
    overwritten.every((c) => c.text === '90025'),
    JSON.stringify(overwritten),
  );

  // The file opened in Office 2019's Word (WordApi 1.3): the record is in the document settings.
  await page.evaluate(() => {
    window.host.reopen('1.3');
    document.getElementById('pane').contentWindow.location.reload();
  });
  await page.waitForTimeout(50);
  frame = await paneOf();
  await frame.getByRole('button', { name: '刷新数据' }).waitFor({ timeout: 15000 });
  await frame.waitForFunction(() => !document.querySelector('button[disabled]'), null, { timeout: 20000 });
  await pickWith('刷新数据', after);
  await result('refreshed');
  const again = await frame.locator('body').innerText();
  check('WordApi 1.3 再次刷新：全部未变', again.includes('更新了 0 个数字'), again.slice(0, 300));
  check('WordApi 1.3 再次刷新：没有手工改过的误报', (await frame.locator('[data-word-hand-edited]').count()) === 0);
  await context.close();
} catch (error) {
  failures.push(`运行出错：${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
} finally {
  await browser.close();
  server.close();
}
process.stdout.write(`${JSON.stringify({ ok: failures.length === 0, checks, failures, axe })}\n`);
process.exit(failures.length === 0 ? 0 : 1);
