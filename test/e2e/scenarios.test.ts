// The scenarios of test/e2e/scenarios/ through the scenario runner, in headless Chromium over the fake
// host: each file's JSON line must say ok. The production build comes from `npm test`'s pretest.
import { spawnSync } from 'child_process';
import { existsSync, readdirSync } from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '../..');
const DIR = path.join(__dirname, 'scenarios');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('scenarios in the browser', () => {
  it('has the production build of the pane', () => {
    expect(existsSync(path.join(ROOT, 'dist/taskpane.html'))).toBe(true);
  });

  it('has scenarios', () => {
    expect(files.length).toBeGreaterThan(4);
  });

  const run = spawnSync(
    process.execPath,
    ['test/e2e/run.mjs', ...files.map((f) => path.join('test/e2e/scenarios', f)), '--axe'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 8 * 60 * 1000,
    },
  );
  const lines = (run.stdout ?? '')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { file: string; ok: boolean; failures?: string[] });

  it.each(files)('%s holds every expectation, and no typed value changed without a click', (file) => {
    const result = lines.find((l) => l.file.endsWith(file));
    expect(run.stderr).not.toMatch(/Error/);
    expect(result?.failures ?? []).toEqual([]);
    expect(result?.ok).toBe(true);
  });

  it('exits 0 only when all held', () => {
    expect(run.status).toBe(lines.every((l) => l.ok) ? 0 : 1);
  });
});
