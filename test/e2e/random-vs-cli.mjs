#!/usr/bin/env node
// 20 random reports typed cell by cell into the pane through the scenario runner, against
// `nianbao check --json` on the same values: the pane's findings (rule and cells) must be the command
// line's. The pane lists a table's many blank cells as one finding; it is expanded back to one per
// cell before comparing. Needs `npm run build`. Usage: node test/e2e/random-vs-cli.mjs [count]
import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import os from 'os';
import path from 'path';
import { fileURLToPath } from 'url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { randomValidReport, breakReport, seededRandom } = require(path.join(ROOT, 'dist/node/bench/random-report'));
const COUNT = Number(process.argv[2] ?? 20);
const BREAKAGES = ['none', 'number', 'blank', 'text', 'negative'];
const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-random-'));
const YEAR = 2024;

const cases = [];
for (let i = 0; i < COUNT; i++) {
  const rand = seededRandom(100 + i);
  const report = randomValidReport(rand, '2021');
  breakReport(report, rand, BREAKAGES[i % BREAKAGES.length]);
  // What the pane's form writes into the profile: year, agency and kind (no 规章制定权 cell answer).
  report.profile = { agency: '随机测试局', year: YEAR, format: '2021', kind: 'department' };
  // Figures are typed one cell at a time. What the sheet's data validation would refuse at typing
  // (text, a negative or fractional count) arrives as users get it there: pasted, one cell each.
  const typed = {};
  const pasted = [];
  for (const [key, value] of Object.entries(report.values)) {
    if (value === null || value === '') continue;
    const plain = typeof value === 'number' && value >= 0 && (Number.isInteger(value) || key === 's2.fee.amount');
    if (plain) typed[key] = value;
    else pasted.push({ paste: { [key]: value } });
  }
  const json = path.join(dir, `report-${i}.json`);
  writeFileSync(json, JSON.stringify(report));
  const scenario = path.join(dir, `scenario-${i}.json`);
  writeFileSync(
    scenario,
    JSON.stringify({
      insert: { year: YEAR, agency: '随机测试局', kind: 'department' },
      steps: [{ type: typed }, ...pasted],
    }),
  );
  cases.push({ json, scenario });
}

const run = spawnSync(process.execPath, ['test/e2e/run.mjs', ...cases.map((c) => c.scenario)], {
  cwd: ROOT,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
const paneLines = run.stdout
  .split('\n')
  .filter((l) => l.startsWith('{'))
  .map((l) => JSON.parse(l));

const normalize = (findings) =>
  findings
    .flatMap((f) =>
      f.rule === 'CELL-BLANK' && f.cells.length > 1 ? f.cells.map((c) => ({ rule: f.rule, cells: [c] })) : [f],
    )
    .map((f) => `${f.rule} ${f.cells.join(',')}`)
    .sort();

let same = 0;
for (const [i, c] of cases.entries()) {
  const cli = spawnSync(process.execPath, ['dist/node/cli/main.js', 'check', c.json, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const cliFindings = JSON.parse(cli.stdout).files[0].findings;
  const pane = paneLines.find((l) => l.file === c.scenario);
  const last = pane?.steps[pane.steps.length - 1];
  const a = normalize(last?.findings ?? []);
  const b = normalize(cliFindings);
  const equal = pane?.ok && JSON.stringify(a) === JSON.stringify(b);
  if (equal) same += 1;
  else {
    console.log(`report ${i}: differs`, pane?.failures ?? '');
    console.log('  pane only:', a.filter((x) => !b.includes(x)).slice(0, 5));
    console.log('  cli only :', b.filter((x) => !a.includes(x)).slice(0, 5));
  }
}
console.log(JSON.stringify({ reports: COUNT, same, dir }));
process.exit(same === COUNT ? 0 : 1);
