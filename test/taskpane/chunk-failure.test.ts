// The production build in headless Chromium when its lazy chunks cannot be fetched (the network went
// away after the pane's first scripts): the first screen is there from the initial scripts, and the pane
// says in the user's language that part of it could not be loaded — at once, and again on 插入 — instead
// of waiting. Needs `npm run build` (npm test's pretest) and /usr/bin/chromium.
import { createServer, type Server } from 'http';
import { existsSync, readdirSync, readFileSync } from 'fs';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { chromium, type Browser } from 'playwright-core';
import { strings as localeStrings } from '../../src/i18n';

const DIST = path.join(__dirname, '../../dist');

/** office.js for the page: Office.onReady as Excel in `lang`; nothing else is reached with the chunks gone. */
const officeShim = (lang: string): string => `
  window.Office = {
    HostType: { Excel: 'Excel', Word: 'Word' },
    context: { displayLanguage: ${JSON.stringify(lang)}, requirements: { isSetSupported: function () { return true; } } },
    onReady: function (cb) { var info = { host: 'Excel', platform: 'OfficeOnline' }; if (cb) cb(info); return Promise.resolve(info); }
  };
  window.Excel = { run: function () { return new Promise(function () {}); } };`;

let server: Server;
let base: string;
let browser: Browser;
let lazyChunks: string[];

beforeAll(async () => {
  const html = readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
  const initial = new Set([...html.matchAll(/\bsrc=(?:"([^"]*)"|([^\s>"]+))/g)].map((m) => m[1] ?? m[2]));
  lazyChunks = readdirSync(DIST).filter((f) => f.endsWith('.js') && !initial.has(f) && !f.startsWith('commands.'));
  server = createServer((req, res) => {
    const file = path.join(DIST, decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname));
    if (!file.startsWith(DIST) || !existsSync(file)) return void res.writeHead(404).end();
    const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.js') ? 'text/javascript' : '';
    res.writeHead(200, type ? { 'content-type': type } : {}).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
}, 60000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

it('the build has lazy chunks', () => {
  expect(lazyChunks.length).toBeGreaterThan(0);
});

it.each(['zh-CN', 'en-US'] as const)(
  'in %s, says that part of the pane could not be loaded when the lazy chunks fail, and keeps the form',
  async (locale) => {
    const strings = localeStrings(locale).taskpane;
    const page = await browser.newPage();
    try {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.route('https://appsforoffice.microsoft.com/**', (route) =>
        route.fulfill({ status: 200, contentType: 'text/javascript', body: officeShim(locale) }),
      );
      await page.route(
        (url) => lazyChunks.some((f) => url.pathname.endsWith(`/${f}`)),
        (route) => route.abort('internetdisconnected'),
      );
      await page.goto(`${base}/taskpane.html`);
      // The first screen came from the initial scripts…
      await page.getByRole('button', { name: strings.excel.insertTemplate }).waitFor({ timeout: 10000 });
      // …and the live chunk's failure is said, not waited for.
      await page.getByText(strings.common.loadFailed).first().waitFor({ timeout: 10000 });
      // 插入 needs the template writer's chunk: its failure is said in the same words.
      await page.getByRole('button', { name: strings.excel.insertTemplate }).click();
      await page.getByRole('alert').filter({ hasText: strings.common.loadFailed }).first().waitFor({ timeout: 10000 });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  },
  30000,
);
