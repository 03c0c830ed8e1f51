#!/usr/bin/env node
// Old against new in one process: the same reports validated by two builds in alternating rounds, so
// the noise of a shared machine hits both alike. Usage (both built with `npm run build:node`):
//   node src/dev/bench-compare.mjs /path/to/old/checkout [/path/to/new/checkout]
// Prints µs per report (mean over 5,000 reports, median of 10 rounds) with and without messages.
import { createRequire } from 'module';
import path from 'path';
import { fileURLToPath } from 'url';

const require = createRequire(import.meta.url);
const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [oldRoot, newRoot = here] = process.argv.slice(2);
if (!oldRoot) {
  console.error('用法：node src/dev/bench-compare.mjs 旧版本目录 [新版本目录]');
  process.exit(2);
}
/** validate and formatMessage of a build (formatMessage moved from rules to i18n). */
function load(root) {
  const rules = require(path.join(root, 'dist/node/rules'));
  let formatMessage = rules.formatMessage;
  if (!formatMessage) formatMessage = require(path.join(root, 'dist/node/i18n')).formatMessage;
  return { validate: rules.validate, formatMessage };
}
const builds = { old: load(path.resolve(oldRoot)), new: load(path.resolve(newRoot)) };
const { randomValidReport, breakReport, seededRandom } = require(path.join(here, 'dist/node/bench/random-report'));
const BREAKAGES = ['none', 'none', 'number', 'blank', 'text', 'negative'];
const rand = seededRandom(2);
const reports = [];
for (let i = 0; i < 5000; i++) {
  const r = randomValidReport(rand, '2021');
  breakReport(r, rand, BREAKAGES[i % BREAKAGES.length]);
  reports.push(r);
}
const perReport = (work) => {
  const start = process.hrtime.bigint();
  let sink = 0;
  for (const r of reports) sink += work(r);
  if (sink < 0) console.log(sink);
  return Number(process.hrtime.bigint() - start) / 1e3 / reports.length;
};
const times = { old: { bare: [], messages: [] }, new: { bare: [], messages: [] } };
const ROUNDS = 12;
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 ? ['old', 'new'] : ['new', 'old'];
  for (const name of order) {
    const { validate, formatMessage } = builds[name];
    times[name].bare.push(perReport((r) => validate(r, { currentYear: 2026 }).length));
    times[name].messages.push(
      perReport((r) =>
        validate(r, { currentYear: 2026 }).reduce((n, f) => n + formatMessage(f, '2021', 'zh-CN').length, 0),
      ),
    );
  }
}
// The first two rounds warm the JIT.
const median = (list) => {
  const sorted = list.slice(2).sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10;
};
const result = {};
for (const name of ['old', 'new']) {
  result[`${name}_validate_us`] = median(times[name].bare);
  result[`${name}_validate_with_messages_us`] = median(times[name].messages);
}
console.log(JSON.stringify(result));
