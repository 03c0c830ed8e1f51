/** Jest: TypeScript through ts-jest; the slow end-to-end suites (LibreOffice) get a longer timeout. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] },
  moduleNameMapper: {
    // ESM-only dependency of the Office tooling; never needed inside unit tests.
    '^office-addin-manifest$': '<rootDir>/test/support/office-addin-manifest-stub.ts',
  },
  testTimeout: 30000,
};
