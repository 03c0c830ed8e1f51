// Mutation testing (npm run mutate): how many small faults put into the rules, the report model and
// the status-formula compiler do the tests catch? Reports go to reports/mutation/ (git-ignored).
// The whole scope is about 2,000 mutants, half of them static (run against every test): hours on
// two cores. Run a part with `npm run mutate -- --mutate 'src/rules/**/*.ts'` (or `file.ts:10-40`),
// and `--incremental` to retest only what changed since the last run with it.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { configFile: 'jest.mutate.config.js' },
  // Mutants that do not compile are set apart (CompileError) instead of counting as killed.
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  coverageAnalysis: 'perTest',
  // Work done in a beforeAll (the HyperFormula agreement test: about 10 s) counts in no test's time,
  // so the default 5 s margin would call its kills timeouts on this shared machine.
  timeoutMS: 30000,
  mutate: ['src/rules/**/*.ts', 'src/report/**/*.ts', 'src/layout/checks.ts', '!src/**/*.test.ts', '!src/**/index.ts'],
  // The machine has two cores shared with other work.
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'coverage', 'reports'],
  thresholds: { high: 80, low: 60, break: null },
};
