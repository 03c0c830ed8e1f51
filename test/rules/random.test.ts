// Property checks over random reports: consistent ones pass every rule; one broken cell is caught.
import { breakReport, randomValidReport, seededRandom } from '../../src/bench/random-report';
import { check } from './support';

describe.each(['2021', '2019'] as const)('random %s reports', (version) => {
  const rand = seededRandom(version === '2021' ? 7 : 8);

  it('consistent reports have no error (500 reports)', () => {
    for (let i = 0; i < 500; i++) {
      const report = randomValidReport(rand, version);
      const errors = check(report).filter((f) => f.severity === 'error');
      expect(errors).toEqual([]);
    }
  });

  it.each(['number', 'blank', 'text', 'negative'] as const)(
    'a %s breakage in s3/s4 is always an error naming the cell',
    (how) => {
      for (let i = 0; i < 300; i++) {
        const report = randomValidReport(rand, version);
        const key = breakReport(report, rand, how);
        const errors = check(report).filter((f) => f.severity === 'error');
        expect(errors.length).toBeGreaterThan(0);
        expect(errors.some((f) => f.cells.includes(key ?? ''))).toBe(true);
      }
    },
  );
});
