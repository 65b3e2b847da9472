import { describe, expect, test } from '@jest/globals';
import { nearestUsers } from '../../../src/core/impact/nearest-users.js';
import { formatImpactSummary } from '../../../src/adapters/output/format-impact.js';
import { Chalk } from 'chalk';
import type { ChangedSymbol, ImpactReport } from '../../../src/core/impact/impact-report.js';

// vercel/swr a33fba73: the summary said "useSWR … e.g. examples/api-hooks/hooks/use-projects.js:6,
// examples/api-hooks/hooks/use-repository.js:6, examples/autocomplete-suggestions/pages/index.js:16"
// (path order) for a hook its own package's entry points wrap.

const uses = (...paths: string[]) => paths.map((path, i) => ({ path, line: i + 1 }));

describe('nearestUsers', () => {
  test('the product in the changed package first, the product elsewhere, then tests, examples and scripts; path order within', () => {
    const users = uses(
      'examples/basic/index.js',
      'packages/app/src/use.ts',
      'packages/core/test/hook.test.ts',
      'packages/core/src/b.ts',
      'packages/core/src/a.ts',
      'scripts/bench.ts',
    );
    expect(nearestUsers('packages/core/src/hook.ts', users).map((u) => u.path)).toEqual([
      'packages/core/src/b.ts',
      'packages/core/src/a.ts',
      'packages/app/src/use.ts',
      'packages/core/test/hook.test.ts',
      'examples/basic/index.js',
      'scripts/bench.ts',
    ]);
  });

  // radix-ui/primitives 1fa9b449b: `composeEventHandlers` of packages/core/primitive was "used by, e.g.
  // apps/ssr-testing/app/roving-focus-group/roving-focus.client.tsx:87,
  // apps/storybook/stories/roving-focus-group.stories.tsx:202, packages/react/accordion/src/accordion.tsx:233".
  test('stories are no product, and a user in nearer folders comes before a farther one', () => {
    const users = uses(
      'apps/ssr-testing/app/roving-focus-group/roving-focus.client.tsx',
      'apps/storybook/stories/roving-focus-group.stories.tsx',
      'packages/react/accordion/src/accordion.tsx',
      'src/button.stories.tsx',
    );
    expect(nearestUsers('packages/core/primitive/src/primitive.tsx', users).map((u) => u.path)).toEqual([
      'packages/react/accordion/src/accordion.tsx',
      'apps/ssr-testing/app/roving-focus-group/roving-focus.client.tsx',
      'apps/storybook/stories/roving-focus-group.stories.tsx',
      'src/button.stories.tsx',
    ]);
  });

  // radix-ui/primitives b56e9cf7b: the slider's `Root`, `Track`, `Range` and `Thumb` were "used by
  // apps/ssr-testing/app/slider/page.tsx:6, packages/react/slider/src/slider.test.tsx:10, …": an app
  // named a test, which renders the slider to test server rendering, before the slider's own test.
  test("an app named a test is no product: the component's own test comes first", () => {
    const users = uses(
      'apps/ssr-testing/app/slider/page.tsx',
      'packages/react/slider/src/slider.test.tsx',
      'apps/storybook/stories/slider.stories.tsx',
    );
    expect(nearestUsers('packages/react/slider/src/slider.tsx', users).map((u) => u.path)).toEqual([
      'packages/react/slider/src/slider.test.tsx',
      'apps/ssr-testing/app/slider/page.tsx',
      'apps/storybook/stories/slider.stories.tsx',
    ]);
    // A product folder that only contains the word is still the product.
    expect(nearestUsers('packages/a/src/a.ts', uses('packages/a/test/a.test.ts', 'packages/testimonials/src/card.tsx'))[0]!.path).toBe(
      'packages/testimonials/src/card.tsx',
    );
  });

  // gvergnaud/ts-pattern 99aa90e: `match` (src/match.ts) is used by no other source file, and its
  // question read "40 files use it (benchmarks/always-last-digit.ts:7, benchmarks/nested-objects.ts:5, …)".
  test('outside the product, the tests come before benches, examples and scripts', () => {
    const users = uses('benchmarks/always-last-digit.ts', 'examples/one-file-demo/one-file-demo.ts', 'tests/exhaustive-match.test.ts');
    expect(nearestUsers('src/match.ts', users).map((u) => u.path)).toEqual([
      'tests/exhaustive-match.test.ts',
      'benchmarks/always-last-digit.ts',
      'examples/one-file-demo/one-file-demo.ts',
    ]);
  });

  test("the review summary's examples are the nearest users", () => {
    const symbol: ChangedSymbol = {
      path: 'src/index/use-swr.ts',
      name: 'default',
      isDefault: true,
      change: 'body-changed',
      valueUsers: uses('examples/api-hooks/use-projects.js', 'examples/basic/index.js', 'src/immutable/index.ts', 'test/use-swr.test.tsx'),
      typeUsers: [],
      wholeModuleUsers: [],
      transitive: { count: 0, chains: [] },
      dependents: [],
    };
    const report = {
      changedSymbols: [{ ...symbol, dependents: [{ path: 'x', depth: 1, chain: [], isTypeOnly: false }] }],
      dependents: [],
      parseErrors: [],
      triviaOnly: [],
      warnings: [],
      risk: { level: 'low', reasons: [] },
      stats: { filesInGraph: 0, unresolved: 0, cacheHits: 0, scanned: 0, parsed: 0 },
    } as ImpactReport;
    const line = formatImpactSummary(report, new Chalk({ level: 0 })).find((l) => l.includes('e.g.'));
    // The product first; then the test, before the examples.
    expect(line).toMatch(/e\.g\. src\/immutable\/index\.ts:3, test\/use-swr\.test\.tsx:4, examples\/api-hooks\/use-projects\.js:1$/);
  });
});
