// Three projects (STYLE.md): unit tests exercise pure core, integration tests drive the built CLI
// against real temporary git repositories, e2e tests install the packed tarball and commit through
// real hooks. ESM throughout: ts-jest in ESM mode, run with --experimental-vm-modules.
const transform = {
  '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
};
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform,
  testEnvironment: 'node',
  // The bench's generated repositories (tens of thousands of files, package.json names that
  // collide) live under .bench/: jest must not crawl them.
  modulePathIgnorePatterns: ['<rootDir>/.bench/'],
};
export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
  maxWorkers: 2,
  // Integration tests start real git and the built CLI: on a shared, loaded machine one may take
  // more than jest's 5 s default (names-index at load 15 took 5.3 s). A test proves it does not
  // hang with a generous limit; the bench, not a test, holds the times.
  testTimeout: 60_000,
};
