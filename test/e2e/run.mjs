#!/usr/bin/env node
// Callbacks passed to page.evaluate run in the browser:
/* global window, document */
// The scenario runner (a public test contract): `npm run e2e -- FILE.json…` loads the production build
// of the task pane in headless Chromium over the fake host (test/e2e/host.ts) and plays each scenario.
// One JSON line per file on stdout:
//   {"file","ok","steps":[{"findings":[{"rule","severity","cells"}],"status","syncs"}],"failures":[…]}
// findings are read from the pane's DOM attributes (data-rule, data-severity, data-cells) once the pane
// has settled after the step. Exit 0 only when every `expect` holds and no value the user typed was
// changed without a click. Options: --axe (accessibility check after the last step, into "axe"),
// --screenshots DIR (the pane after the last step, and after each step with --every-step).
import { createServer } from 'http';
import { existsSync, mkdirSync, readFileSync } from 'fs';
import path from 'path';
import { fileURLToPath, URL } from 'url';
import { build } from 'esbuild';
import JSZip from 'jszip';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'dist');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const files = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--screenshots');
if (files.length === 0) {
  console.error('用法：npm run e2e -- 场景.json …（场景文件的格式见 test/e2e/README.md）');
  process.exit(2);
}
if (!existsSync(path.join(DIST, 'taskpane.html'))) {
  console.error('找不到 dist/taskpane.html：请先运行 npm run build。');
  process.exit(2);
}
const shotsDir = option('--screenshots');
if (shotsDir) mkdirSync(shotsDir, { recursive: true });

const hostBundle = (
  await build({
    entryPoints: [path.join(ROOT, 'test/e2e/host.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'NianbaoHost',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'error',
  })
).outputFiles[0].text;

const HARNESS = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>nianbao e2e</title>
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
// What the pane's frame gets instead of office.js: the fake host of the top page.
const OFFICE_SHIM = 'var g = window.parent.host.officeFor(); window.Office = g.Office; window.Excel = g.Excel;';
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.xml': 'text/xml',
};

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

const KIND_LABEL = { government: '人民政府', office: '政府办公厅', department: '政府部门及其他机关' };

/** The pane's frame, once its document has rendered something of ours. */
async function paneFrame(page) {
  const handle = await page.waitForSelector('#pane');
  const frame = await handle.contentFrame();
  await frame.waitForSelector('main', { timeout: 15000 });
  return frame;
}

/** What the pane shows: the findings (not the dismissed ones) and the status line. */
async function shown(frame) {
  return frame.evaluate(() => {
    const findings = [...document.querySelectorAll('li[data-rule]')]
      .filter((li) => li.getAttribute('data-dismissed') !== 'true')
      .map((li) => ({
        rule: li.getAttribute('data-rule'),
        severity: li.getAttribute('data-severity'),
        cells: (li.getAttribute('data-cells') ?? '').split(' ').filter(Boolean),
      }));
    const status = document.querySelector('[data-status]');
    return { findings, status: status ? status.textContent.trim() : '' };
  });
}

/** Waits until the host has no event or sync under way and the pane's DOM has stopped changing. */
async function settle(page, frame) {
  await page.evaluate(() => window.host.settled());
  let last = '';
  let same = 0;
  for (let i = 0; i < 200 && same < 3; i++) {
    await page.waitForTimeout(25);
    await page.evaluate(() => window.host.settled());
    const now = JSON.stringify(await shown(frame));
    // A pane still starting (aria-busy) has not shown its findings yet, however still its DOM is.
    const busy = await frame.evaluate(() => document.querySelector('main[aria-busy="true"]') !== null);
    same = now === last && !busy ? same + 1 : 0;
    last = now;
  }
}

async function insert(page, frame, spec) {
  const before = await page.evaluate(() => window.host.reportSheets());
  const year = frame.getByLabel('报告年度');
  await year.fill(String(spec.year));
  if (spec.agency) await frame.getByPlaceholder('例如：某某市人民政府办公室').fill(spec.agency);
  if (spec.kind) await frame.getByLabel(KIND_LABEL[spec.kind], { exact: false }).first().check();
  await frame.getByRole('button', { name: '插入官方表格' }).click();
  await page.waitForFunction((n) => window.host.reportSheets().then((m) => m > n), before, {
    timeout: 15000,
    polling: 50,
  });
}

function findingItem(frame, rule) {
  return frame.locator(`li[data-rule="${rule}"]:not([data-dismissed="true"])`).first();
}

const same = (a, b) =>
  a === b || (a !== null && b !== null && a !== undefined && b !== undefined && String(a) === String(b));

/** The fill the sheet's conditional formats give a wrong cell (the layout's error style). */
const ERROR_FILL = '#FFC7CE';

async function play(browser, file) {
  const scenario = JSON.parse(readFileSync(file, 'utf8'));
  const out = { file, ok: true, steps: [], failures: [] };
  const context = await browser.newContext({ viewport: { width: 360, height: 1400 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => out.failures.push(`页面错误：${e.message}`));
  await page.route('https://appsforoffice.microsoft.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: OFFICE_SHIM }),
  );
  try {
    await page.goto(`${BASE}/__harness.html`);
    await page.evaluate((options) => {
      window.host = window.NianbaoHost.createHost(options);
    }, scenario.host ?? {});
    if (scenario.previous) await page.evaluate((p) => window.host.addPrevious(p), scenario.previous);
    await page.evaluate(() => window.startPane());
    let frame = await paneFrame(page);
    if (scenario.insert) {
      await insert(page, frame, scenario.insert);
    }
    await settle(page, frame);
    /** The text of the last document downloaded by a `document` step, and its file name. */
    let documentText = '';
    /** The preview of the last 导入上年报告 (or its error), for `previewText`. */
    let previewText = '';
    let documentName = '';
    /** What the user typed, by key: never to change without a click. */
    const typed = new Map();
    for (const [i, step] of (scenario.steps ?? []).entries()) {
      const before = await page.evaluate(() => window.host.syncs);
      if (step.type) {
        await page.evaluate((v) => window.host.type(v), step.type);
        for (const [k, v] of Object.entries(step.type)) typed.set(k, v);
      } else if (step.paste) {
        // `withFormats` (an extension): pasted with the source's formats, as Ctrl+V from other cells.
        await page.evaluate(([v, f]) => window.host.paste(v, f), [step.paste, step.withFormats === true]);
        for (const [k, v] of Object.entries(step.paste)) typed.set(k, v);
      } else if (step.zero) {
        // An extension: 0 in every cell of the tables named, one paste per table.
        await page.evaluate((t) => window.host.zero(t), step.zero);
        typed.clear();
      } else if (step.clear) {
        await page.evaluate((v) => window.host.clear(v), step.clear);
        for (const k of step.clear) typed.set(k, null);
      } else if (step.remote) {
        await page.evaluate((v) => window.host.remote(v), step.remote);
        for (const [k, v] of Object.entries(step.remote)) typed.set(k, v);
      } else if (step.fix) {
        const item = findingItem(frame, step.fix);
        const cell = (await item.getAttribute('data-cells'))?.split(' ')[0];
        const button = item.getByRole('button', { name: /^修正为 / });
        const label = await button.textContent();
        await button.click();
        if (cell) typed.set(cell, Number(label.replace(/^修正为 /, '')));
      } else if (step.dismiss) {
        const item = findingItem(frame, step.dismiss);
        await item.getByRole('button', { name: '忽略' }).click();
        await item.getByRole('textbox').fill(step.reason ?? '已核实');
        await item.getByRole('button', { name: '确认忽略' }).click();
      } else if (step.restore) {
        await frame
          .locator(`li[data-rule="${step.restore}"][data-dismissed="true"]`)
          .first()
          .getByRole('button', { name: '恢复' })
          .click();
      } else if (step.select) {
        // An extension: the user selects a cell (the pane shows what it means).
        await page.evaluate((k) => window.host.select(k), step.select);
      } else if (step.recheck) {
        // An extension: the 重新校验 button (hosts without change events).
        await frame.getByRole('button', { name: '重新校验' }).click();
      } else if (step.unprotect) {
        // An extension: the user lifts the sheet's protection (before moving rows).
        await page.evaluate(() => window.host.unprotect());
      } else if (step.deleteRows) {
        // An extension: whole rows deleted, `{ "key", "offset", "count" }` naming them by a key's row.
        await page.evaluate((at) => window.host.deleteRows(at), step.deleteRows);
      } else if (step.insertRows) {
        await page.evaluate((at) => window.host.insertRows(at), step.insertRows);
      } else if (step.repair) {
        // An extension: the 修复表格 button of the damaged sheet.
        await frame.getByRole('button', { name: '修复表格' }).first().click();
        await frame.locator('[data-repaired]').first().waitFor({ timeout: 10000 });
      } else if (step.importPrevious) {
        // An extension: 导入上年报告 — a file picked (the file input the button opens) or text pasted; the
        // preview's text is kept for `previewText`; then 确认导入 unless `confirm` is false.
        const spec = step.importPrevious;
        if (spec.file) {
          await frame.locator('input[type="file"][aria-label="导入上年报告"]').setInputFiles(path.resolve(spec.file));
        } else {
          await frame.getByRole('button', { name: '粘贴报告文本' }).click();
          await frame
            .locator('textarea')
            .last()
            .fill(spec.text ?? '');
          await frame.getByRole('button', { name: '读取', exact: true }).click();
        }
        const preview = frame.locator('[data-previous-preview]');
        const failed = frame.locator('section[aria-label="上年报告"] [role="alert"]');
        await preview.or(failed).first().waitFor({ timeout: 20000 });
        previewText = (await preview.count()) > 0 ? await preview.textContent() : await failed.textContent();
        if (spec.confirm !== false && (await preview.count()) > 0) {
          await preview.getByRole('button', { name: '确认导入' }).click();
          await frame.locator('[data-previous-stored]').waitFor({ timeout: 10000 });
        }
      } else if (step.merge) {
        // An extension: 汇总下级单位 — the units' files picked (several at once), the agency typed; the
        // preview's text is kept for `previewText`; then 插入汇总表格 unless `confirm` is false.
        const spec = step.merge;
        const section = frame.locator('section[aria-label="汇总下级单位"]');
        if (spec.agency) await section.getByRole('textbox').fill(spec.agency);
        await section.locator('input[type="file"]').setInputFiles(spec.files.map((f) => path.resolve(f)));
        const preview = section.locator('[data-merge-preview]');
        const failed = section.locator('[role="alert"]');
        await preview.or(failed).first().waitFor({ timeout: 20000 });
        previewText = (await preview.count()) > 0 ? await preview.textContent() : await failed.textContent();
        if (spec.confirm !== false && (await preview.getByRole('button', { name: '插入汇总表格' }).count()) > 0) {
          await preview.getByRole('button', { name: '插入汇总表格' }).click();
          await section.locator('[data-merge-inserted]').waitFor({ timeout: 20000 });
        }
      } else if (step.document === 'noDownload') {
        // An extension: 生成 Word 文稿 where the host allows no download (the pane must say so).
        await frame.getByRole('button', { name: '生成 Word 文稿' }).click();
      } else if (step.document) {
        // An extension: 生成 Word 文稿; the downloaded file's text is kept for `documentText`.
        const [download] = await Promise.all([
          page.waitForEvent('download', { timeout: 30000 }),
          frame.getByRole('button', { name: '生成 Word 文稿' }).click(),
        ]);
        const file = await download.path();
        const zip = await JSZip.loadAsync(readFileSync(file));
        const xml = await zip.file('word/document.xml').async('string');
        documentText = xml
          .replace(/<w:tab\/>/g, '\t')
          .replace(/<\/w:p>/g, '\n')
          .replace(/<[^>]+>/g, '');
        documentName = download.suggestedFilename();
      } else if (step.reload) {
        await page.evaluate(() => {
          window.host.closePane();
          document.getElementById('pane').contentWindow.location.reload();
        });
        await page.waitForTimeout(50);
        frame = await paneFrame(page);
      }
      await settle(page, frame);
      const seen = await shown(frame);
      const syncs = (await page.evaluate(() => window.host.syncs)) - before;
      out.steps.push({ findings: seen.findings, status: seen.status, syncs });
      // Nothing the user typed changed without a click.
      // (While the tables cannot be found — damaged — there is nothing to compare; after 修复表格 every
      // value must be back.)
      const now = typed.size > 0 ? await page.evaluate((keys) => window.host.values(keys), [...typed.keys()]) : null;
      if (now) {
        for (const [k, v] of typed) {
          if (!same(now[k], v))
            out.failures.push(`第 ${i + 1} 步后 ${k} 由 ${JSON.stringify(v)} 变成了 ${JSON.stringify(now[k])}`);
        }
      }
      const expectation = scenario.expect?.[i];
      if (expectation) {
        const rules = new Set(seen.findings.map((f) => f.rule));
        for (const r of expectation.rules ?? [])
          if (!rules.has(r)) out.failures.push(`第 ${i + 1} 步：应显示 ${r}，未显示`);
        for (const r of expectation.absent ?? []) if (rules.has(r)) out.failures.push(`第 ${i + 1} 步：不应显示 ${r}`);
        if (expectation.maxSyncs !== undefined && syncs > expectation.maxSyncs) {
          out.failures.push(`第 ${i + 1} 步：${syncs} 次 sync，超过 ${expectation.maxSyncs}`);
        }
        if (expectation.status && !seen.status.includes(expectation.status)) {
          out.failures.push(`第 ${i + 1} 步：状态应含“${expectation.status}”，实为“${seen.status}”`);
        }
        if (expectation.sheetStatus) {
          const statuses = await page.evaluate(() => window.host.statuses());
          if (!statuses.some((s) => s.includes(expectation.sheetStatus))) {
            out.failures.push(`第 ${i + 1} 步：表格的“本表校验”应含“${expectation.sheetStatus}”`);
          }
        }
        if (expectation.marked || expectation.unmarked) {
          // The sheet's own marking: the error fill its conditional formats show on a cell.
          const keys = [...(expectation.marked ?? []), ...(expectation.unmarked ?? [])];
          const fills = await page.evaluate((k) => window.host.fills(k), keys);
          for (const k of expectation.marked ?? [])
            if (fills[k] !== ERROR_FILL) out.failures.push(`第 ${i + 1} 步：${k} 应标为错误（实为 ${fills[k]}）`);
          for (const k of expectation.unmarked ?? [])
            if (fills[k] === ERROR_FILL) out.failures.push(`第 ${i + 1} 步：${k} 不应标为错误`);
        }
        if (expectation.paneText) {
          const text = (await frame.locator('body').innerText()).replace(/\s+/g, '');
          for (const t of expectation.paneText)
            if (!text.includes(t.replace(/\s+/g, ''))) out.failures.push(`第 ${i + 1} 步：窗格中应有“${t}”`);
        }
        for (const text of expectation.previewText ?? []) {
          if (!previewText.replace(/\s+/g, '').includes(text.replace(/\s+/g, '')))
            out.failures.push(
              `第 ${i + 1} 步：导入上年报告的预览中没有“${text}”（实为“${previewText.slice(0, 300)}”）`,
            );
        }
        for (const text of expectation.documentText ?? []) {
          if (!documentText.replace(/\s+/g, '').includes(text.replace(/\s+/g, '')))
            out.failures.push(`第 ${i + 1} 步：下载的文稿（${documentName}）中没有“${text}”`);
        }
        if (expectation.documentName && documentName !== expectation.documentName)
          out.failures.push(`第 ${i + 1} 步：文稿的文件名应为“${expectation.documentName}”，实为“${documentName}”`);
        if (expectation.damaged !== undefined) {
          const bars = await frame.locator('[data-damaged]').count();
          if (expectation.damaged !== bars > 0)
            out.failures.push(
              `第 ${i + 1} 步：${expectation.damaged ? '应提示表格结构被改动' : '不应提示表格结构被改动'}`,
            );
        }
        if (expectation.protected !== undefined) {
          const isProtected = await page.evaluate(() => window.host.isProtected());
          if (expectation.protected !== isProtected)
            out.failures.push(`第 ${i + 1} 步：工作表${expectation.protected ? '应受保护' : '不应受保护'}`);
        }
        if (expectation.noSheetStatus) {
          const statuses = await page.evaluate(() => window.host.statuses());
          if (statuses.some((s) => s.includes(expectation.noSheetStatus))) {
            out.failures.push(`第 ${i + 1} 步：表格的“本表校验”不应含“${expectation.noSheetStatus}”`);
          }
        }
      }
      if (shotsDir && flag('--every-step')) {
        await page
          .locator('#pane')
          .screenshot({ path: path.join(shotsDir, `${path.basename(file, '.json')}-${i + 1}.png`) });
      }
    }
    if (flag('--axe')) {
      const { AxeBuilder } = await import('@axe-core/playwright');
      const result = await new AxeBuilder({ page }).include('#pane').analyze();
      const inFrame = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      out.axe = { violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })) };
      for (const v of inFrame) out.failures.push(`无障碍：${v.id}（${v.impact}）`);
    }
    if (shotsDir)
      await page.locator('#pane').screenshot({ path: path.join(shotsDir, `${path.basename(file, '.json')}.png`) });
  } catch (error) {
    out.failures.push(`运行出错：${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    if (shotsDir)
      await page
        .screenshot({ path: path.join(shotsDir, `${path.basename(file, '.json')}-error.png`) })
        .catch(() => undefined);
  } finally {
    await context.close();
  }
  out.ok = out.failures.length === 0;
  if (out.failures.length === 0) delete out.failures;
  return out;
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
let allOk = true;
try {
  for (const file of files) {
    const result = await play(browser, file);
    allOk &&= result.ok;
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
} finally {
  await browser.close();
  server.close();
}
process.exit(allOk ? 0 : 1);
