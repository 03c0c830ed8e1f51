/**
 * Jest for `npm run test:office` only (test/office/main.mjs runs it where desktop Excel is installed):
 * the suite that plays the scenarios in real Excel, test/office/*.office.ts. The project's jest.config.js
 * matches *.test.ts only, so plain `npm test` never runs it (it does run test/office/*.test.ts: the
 * driver over the fake host, the manifest, the Office detection).
 */
const path = require('path');

module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  roots: ['<rootDir>/test/office'],
  testMatch: ['**/*.office.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] },
  // Excel starting, a certificate dialog, every scenario played: the suite sets its own timeouts.
  testTimeout: 30 * 60 * 1000,
};
