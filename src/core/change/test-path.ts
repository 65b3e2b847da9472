// What counts as a test file, one rule for the questions, the risk and the units of a change:
// a test folder, `x.test.ts` / `x.spec.tsx`, type tests (`x.test-d.ts`: vitest's typecheck and
// tsd, remeda's `map.test-d.ts`), date-fns's `fn/test.ts` beside `fn/index.ts`, and what tests
// read (fixtures and mocks: vercel/ai's `mcp-stdio/__fixtures__/exit.cmd`, pnpm's `.fixtures`, c12's
// `test/fixture`),
// and Cypress's folder, whose specs are plain `x.ts` (motion's
// `cypress/integration/animate-presence-propagate-empty.ts`).
const FIXTURE_FOLDERS = '__fixtures__|__testfixtures__|__mocks__|\\.?fixtures?';
/** A test by its own name, wherever it is: `x.test.ts`, `x.spec.tsx`, `x.test-d.ts`, `fn/test.ts`. */
const TEST_NAME = String.raw`\.(?:test|spec)(?:-d)?\.[^/]+$|(?:^|/)(?:test|spec)\.[cm]?[jt]sx?$`;
// Other languages' test files beside them in a monorepo: Rust's `tests.rs` module (pnpm/pnpm's
// crates), Go's `x_test.go`, Python's `test_x.py` and `x_test.py`.
const TEST_PATH = new RegExp(
  `(?:^|/)(?:__tests__|tests?|spec|e2e|cypress|${FIXTURE_FOLDERS})/|${TEST_NAME}` +
    `|(?:^|/)tests?\\.rs$|_test\\.(?:go|py)$|(?:^|/)test_[^/]+\\.py$`,
);
const TEST_NAME_PATTERN = new RegExp(TEST_NAME);
const FIXTURE_PATH = new RegExp(`(?:^|/)(?:${FIXTURE_FOLDERS})/`);

export const isTestPath = (path: string): boolean => TEST_PATH.test(path);

/** A test by its file name; a file of a test folder without such a name may be a helper the tests run. */
export const isTestFileName = (path: string): boolean => TEST_NAME_PATTERN.test(path);

/** A file tests read (a fixture, a mock), not a test itself. */
export const isFixturePath = (path: string): boolean => FIXTURE_PATH.test(path);
