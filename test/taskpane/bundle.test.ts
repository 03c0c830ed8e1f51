// The production build of the pane (made by npm test's pretest) runs on ES2017 engines (Excel on
// Windows with the EdgeHTML webview runs no `?.`, `??`, object spread or \p{…}), and taskpane.html's
// inline check, which must run on Internet Explorer 11, is plain ES5.
import { parse } from 'acorn';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';

const DIST = path.join(__dirname, '../../dist');
const scripts = readdirSync(DIST).filter((f) => f.endsWith('.js'));

it('has the pane bundles', () => {
  expect(scripts.some((f) => f.startsWith('taskpane.'))).toBe(true);
  expect(scripts.some((f) => f.startsWith('vendor.'))).toBe(true);
});

it.each(scripts)('%s parses as ES2017', (file) => {
  expect(() =>
    parse(readFileSync(path.join(DIST, file), 'utf8'), { ecmaVersion: 2017, sourceType: 'script' }),
  ).not.toThrow();
});

it('taskpane.html checks the engine with an ES5 script that turns the pane away before it loads', () => {
  const html = readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  expect(inline).toHaveLength(1);
  expect(() => parse(inline[0], { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
  expect(inline[0]).toContain('nianbaoUnsupported');
  expect(inline[0]).toContain('nianbao template');
});
