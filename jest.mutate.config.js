/**
 * Jest for mutation testing (npm run mutate): only the pure suites that judge src/rules, src/report
 * and the status formulas of src/layout/checks.ts, and the tests kept beside the code under src/.
 * Transpile only: Stryker's TypeScript checker type-checks each mutant, and ts-jest's type check
 * would cost seconds per run.
 */
const { readFileSync } = require('fs');
const { join } = require('path');
const ts = require('typescript');
const base = require('./jest.config.js');

const { config } = ts.readConfigFile(join(__dirname, 'tsconfig.json'), (file) => readFileSync(file, 'utf8'));

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/{rules,report,layout}/**/*.test.ts', '<rootDir>/src/**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: { ...config.compilerOptions, isolatedModules: true } }],
  },
};
