// What counts as a test file, one rule for the questions, the risk and the units of a change:
// a test folder, `x.test.ts` / `x.spec.tsx`, type tests (`x.test-d.ts`: vitest's typecheck and
// tsd, remeda's `map.test-d.ts`), and date-fns's `fn/test.ts` beside `fn/index.ts`.
const TEST_PATH = /(?:^|\/)(?:__tests__|tests?|spec|e2e)\/|\.(?:test|spec)(?:-d)?\.[^/]+$|(?:^|\/)(?:test|spec)\.[cm]?[jt]sx?$/;

export const isTestPath = (path: string): boolean => TEST_PATH.test(path);
