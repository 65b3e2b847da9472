import { isTestPath } from '../change/test-path.js';
import type { SymbolUse } from './impact-report.js';

// Which users tell most about a change: in the product (not a test, an example, a bench or a
// script) and in the changed file's own package. swr's summary showed `useSWR`'s users as
// "e.g. examples/api-hooks/hooks/use-projects.js:6, …" (in path order) before src/immutable.

/** Where a user is read from before a bench, an example, a build script, a story (radix-ui's
 * `apps/storybook/stories/roving-focus-group.stories.tsx`, named before its packages' own users) or
 * an app that is a test by its name (radix-ui's `apps/ssr-testing`, which renders each component to
 * test server rendering, named before the component's own test). */
const NOT_PRODUCT =
  /(?:^|\/)(?:scripts?|bench(?:marks?)?|examples?|fixtures?|e2e|www|docs?|\.?storybook|stories|testing|[\w.]+[-_](?:testing|tests?)|tests?[-_][\w.-]+)\/|\.stories\.[cm]?[jt]sx?$/;

export const isProductPath = (path: string): boolean => !isTestPath(path) && !NOT_PRODUCT.test(path);

/** "packages/zod" of packages/zod/src/v4/core/schemas.ts; "src" of src/parse/index.ts. */
export const packageOf = (path: string): string => {
  const parts = path.split('/');
  return /^(?:packages|apps|libs|modules)$/.test(parts[0] ?? '') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
};

/** How many leading folders two paths share. */
function sharedFolders(a: readonly string[], b: string): number {
  const other = b.split('/');
  let shared = 0;
  while (shared < a.length - 1 && shared < other.length - 1 && a[shared] === other[shared]) shared++;
  return shared;
}

/** The users in the order to show a few of them: the product's in the changed file's package,
 * the product's elsewhere, the tests, then the rest; within each, the nearest folders first (radix-ui's
 * packages/core/primitive is used from packages/react/accordion before apps/ssr-testing), then
 * path order. */
export function nearestUsers(changedPath: string, users: readonly SymbolUse[]): SymbolUse[] {
  const home = packageOf(changedPath);
  const folders = changedPath.split('/');
  // Outside the product, a test tells what the code does before an example, a bench or a script
  // (ts-pattern's `match`: "40 files use it (benchmarks/always-last-digit.ts:7, …)").
  const rank = (u: SymbolUse) => (isProductPath(u.path) ? 0 : isTestPath(u.path) ? 2 : 4) + Number(packageOf(u.path) !== home);
  return users
    .map((u, i) => ({ u, i, r: rank(u), near: sharedFolders(folders, u.path) }))
    .sort((a, b) => a.r - b.r || b.near - a.near || a.i - b.i)
    .map(({ u }) => u);
}
