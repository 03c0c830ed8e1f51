#!/usr/bin/env node
// Screenshots of the production task pane in headless Chromium at the narrowest pane width (320 px):
// opened in a plain browser, and the page Office on Internet Explorer's engine shows (forced with
// ?es-check=fail). Needs `npm run build` first. Usage: node src/dev/pane-screenshots.mjs [outDir]
import { createServer } from 'http';
import { readFile } from 'fs/promises';
import path from 'path';
import { fileURLToPath, URL } from 'url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'dist');
const OUT = path.resolve(process.argv[2] ?? path.join(ROOT, 'test/screenshots'));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.xml': 'text/xml',
};

const server = createServer(async (req, res) => {
  const file = path.join(DIST, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!file.startsWith(DIST)) return res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 320, height: 720 } });
  // office.js comes from Microsoft's CDN, which this machine cannot reach: the pane renders as in a plain browser.
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
  for (const [name, query] of [
    ['pane-browser', ''],
    ['pane-es5-unsupported', '?es-check=fail'],
  ]) {
    await page.goto(`${base}/taskpane.html${query}`);
    await page.waitForTimeout(1500);
    const out = path.join(OUT, `${name}.png`);
    await page.screenshot({ path: out, fullPage: true });
    console.log(out);
  }
} finally {
  await browser.close();
  server.close();
}
