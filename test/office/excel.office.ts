// `npm run test:office` in desktop Excel (Windows or Mac; main.mjs runs this only where Excel is
// installed, with test/office/jest.config.js — `npm test` never matches *.office.ts): every scenario of
// test/e2e/scenarios (or those named on the command line) sideloaded and played inside Excel by the
// driver of the test pane (driver.ts), each one's results received by its office-addin-test-server and
// held to its `expect`s with run.mjs's semantics (scenario.ts). A scenario that sets the host's API
// level is skipped (real Excel's cannot be lowered), and so is a co-author's edit (`remote`) with the
// steps after it. One JSON line per scenario on stdout, as run.mjs prints; then Excel's test workbook
// is closed by the driver and the sideload removed (stopDebugging).
import { scenarioFiles, startOfficeSession, type OfficeSession } from './office-session';
import { firstUnplayable, judge, unplayableScenario, type PlanEntry } from './scenario';

const files = scenarioFiles();
const minutes = (name: string, fallback: number): number => Number(process.env[name] ?? fallback) * 60 * 1000;
/** Excel starting, the dev certificate's dialog, the first pane loading. */
const FIRST_MS = minutes('NIANBAO_OFFICE_FIRST_MINUTES', 10);
const EACH_MS = minutes('NIANBAO_OFFICE_EACH_MINUTES', 5);

describe('the scenarios in desktop Excel', () => {
  let session: OfficeSession | undefined;

  beforeAll(
    async () => {
      session = await startOfficeSession(files);
    },
    15 * 60 * 1000,
  );

  afterAll(
    async () => {
      await session?.stop();
    },
    5 * 60 * 1000,
  );

  const firstPlayed = files.findIndex(({ scenario }) => unplayableScenario(scenario) === undefined);

  files.forEach(({ file, scenario }, i) => {
    const skip = unplayableScenario(scenario);
    if (skip !== undefined) {
      it.skip(`${file}（跳过 / skipped: ${skip}）`, () => undefined);
      return;
    }
    const partly = firstUnplayable(scenario);
    const title = partly
      ? `${file}（第 ${partly.index + 1} 步起跳过 / skipped from step ${partly.index + 1}: ${partly.reason}）`
      : file;
    it(
      title,
      async () => {
        if (!session) throw new Error('Office 会话未能启动 / the Office session did not start');
        const result = await session.results(i, i === firstPlayed ? FIRST_MS : EACH_MS);
        const entry: PlanEntry = session.plan.scenarios[i];
        const verdict = judge(entry, result);
        process.stdout.write(
          `${JSON.stringify({
            file,
            ok: verdict.failures.length === 0,
            locale: result.locale,
            steps: result.steps,
            ...(verdict.failures.length > 0 ? { failures: verdict.failures } : {}),
            ...(verdict.skipped.length > 0 ? { skipped: verdict.skipped } : {}),
            ...(result.notes ? { notes: result.notes } : {}),
          })}\n`,
        );
        expect(verdict.failures).toEqual([]);
      },
      (i === firstPlayed ? FIRST_MS : EACH_MS) + 60 * 1000,
    );
  });
});
