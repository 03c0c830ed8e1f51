// The Word pane in headless Chromium over the fake Word host (word-run.mjs): generate from a workbook,
// the user's prose and a hand-edited figure, refresh, confirm the overwrite, and the same file in
// WordApi 1.3. The production build comes from `npm test`'s pretest.
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.join(__dirname, '../..');

const run = spawnSync(process.execPath, ['test/e2e/word-run.mjs'], {
  cwd: ROOT,
  encoding: 'utf8',
  timeout: 4 * 60 * 1000,
});
const line = (run.stdout ?? '').split('\n').find((l) => l.startsWith('{'));
const result = line ? (JSON.parse(line) as { ok: boolean; checks: string[]; failures: string[] }) : undefined;

it('plays the Word pane end to end: every check holds', () => {
  expect(run.stderr).not.toMatch(/Error/);
  expect(result?.failures).toEqual([]);
  expect(result?.checks.length).toBeGreaterThan(15);
  expect(result?.ok).toBe(true);
});
