import { describe, expect, test } from '@jest/globals';
import type { Budget } from '../../../src/core/config/defaults.js';
import { parsePatchHunks } from '../../../src/core/split/parse-patch-hunks.js';
import { planSplit } from '../../../src/core/split/plan-split.js';
import type { SplitImpact } from '../../../src/core/split/split-plan.js';
import { fileChange as file } from '../../helpers/file-change.js';

// Order, budget and the changes that should not be split.

const HUMAN: Budget = { lines: 400, files: 25 };

/** A zero-context patch where each file gets the given removed/added line pairs. */
function patchOf(edits: Record<string, Array<[string, string]>>): string {
  return Object.entries(edits)
    .map(([path, pairs]) =>
      [
        `diff --git a/${path} b/${path}`,
        `--- a/${path}`,
        `+++ b/${path}`,
        ...pairs.flatMap(([before, after], i) => [`@@ -${i * 10 + 1} +${i * 10 + 1} @@ function f${i}()`, `-${before}`, `+${after}`]),
      ].join('\n'),
    )
    .join('\n');
}

describe('planSplit: order and budget', () => {
  test('declarations come before their users, and each group names what it builds on', () => {
    const files = [file('src/use/page.ts', 300), file('src/lib/format.ts', 300, { status: 'added' }), file('src/use/other.ts', 300)];
    const impact: SplitImpact = {
      changedSymbols: [{ path: 'src/lib/format.ts', name: 'format', change: 'added', valueUsers: [{ path: 'src/use/page.ts' }] }],
      changedFileEdges: [{ from: 'src/use/page.ts', to: 'src/lib/format.ts' }],
    };
    const plan = planSplit({ files, budget: HUMAN, impact });
    const paths = plan.groups.map((g) => g.files.map((f) => f.path).join());
    expect(paths.indexOf('src/lib/format.ts')).toBeLessThan(paths.indexOf('src/use/page.ts'));
    const user = plan.groups.findIndex((g) => g.files.some((f) => f.path === 'src/use/page.ts'));
    expect(plan.groups[user]!.dependsOn).toEqual([paths.indexOf('src/lib/format.ts') + 1]);
  });

  test('an import cycle among changed files is ordered, not fused and not lost', () => {
    const files = [file('a/x.ts', 300), file('b/y.ts', 300), file('c/z.ts', 300)];
    const impact: SplitImpact = {
      changedSymbols: [],
      changedFileEdges: [
        { from: 'a/x.ts', to: 'b/y.ts' },
        { from: 'b/y.ts', to: 'c/z.ts' },
        { from: 'c/z.ts', to: 'a/x.ts' },
      ],
    };
    const plan = planSplit({ files, budget: HUMAN, impact });
    expect(plan.groups.flatMap((g) => g.files.map((f) => f.path)).sort()).toEqual(['a/x.ts', 'b/y.ts', 'c/z.ts']);
    expect(plan.groups).toHaveLength(3);
    plan.groups.forEach((g, i) => expect(g.dependsOn.every((n) => n < i + 1)).toBe(true));
  });

  test('600 comment lines in one folder become 2 commits, not 10 groups of 3 files', () => {
    const files = Array.from({ length: 30 }, (_, i) => file(`src/widgets/w${String(i).padStart(2, '0')}.ts`, 20));
    const plan = planSplit({ files, budget: HUMAN });
    expect(plan.groups).toHaveLength(2);
    expect(plan.groups.every((g) => !g.isOverBudget && g.reason.includes('under src/widgets/'))).toBe(true);
  });

  test('50 different one-line edits with a 25-file budget become 2 commits, not 17', () => {
    const files = Array.from({ length: 50 }, (_, i) => file(`src/f${String(i).padStart(2, '0')}.ts`, 1));
    const hunks = parsePatchHunks(
      patchOf(Object.fromEntries(files.map((f, i) => [f.path, [[`const v${i} = ${i};`, `const v${i} = ${i + 1} * k${i};`]]]))),
    );
    const plan = planSplit({ files, budget: HUMAN, hunks });
    expect(plan.groups.map((g) => g.countedFiles)).toEqual([25, 25]);
  });

  test('small edits spread over seven packages are packed into a few commits, packages kept whole', () => {
    const files = Array.from({ length: 50 }, (_, i) => file(`packages/p${i % 7}/src/f${i}.ts`, 1));
    const plan = planSplit({ files, budget: HUMAN });
    expect(plan.groups.length).toBeLessThanOrEqual(3);
    for (let p = 0; p < 7; p++) {
      expect(
        new Set(files.filter((f) => f.path.startsWith(`packages/p${p}/`)).map((f) => plan.groups.findIndex((g) => g.files.includes(f))))
          .size,
      ).toBe(1);
    }
  });

  test('every group fits the budget when nothing forces files together', () => {
    const files = Array.from({ length: 120 }, (_, i) => file(`d${i % 9}/e${i % 4}/f${i}.ts`, 7 + ((i * 37) % 90)));
    for (const budget of [HUMAN, { lines: 200, files: 10 }]) {
      const plan = planSplit({ files, budget });
      expect(plan.groups.filter((g) => g.isOverBudget)).toEqual([]);
      expect(plan.groups.flatMap((g) => g.files).length).toBe(120);
      expect(plan.groups.reduce((n, g) => n + g.lines, 0)).toBe(files.reduce((n, f) => n + f.added, 0));
    }
  });
});

describe('planSplit: what is not split', () => {
  test('the same edit in many files is one group with the hint to use a per-path budget or an override', () => {
    const paths = Array.from({ length: 40 }, (_, i) => `src/m${i}/use.ts`);
    const hunks = parsePatchHunks(
      patchOf(
        Object.fromEntries(
          paths.map((p, i) => [
            p,
            [
              [`  return fetchUser(id${i});`, `  return loadUser(id${i});`],
              [`import { fetchUser } from '../api';`, `import { loadUser } from '../api';`],
            ],
          ]),
        ),
      ),
    );
    const files = [...paths.map((p) => file(p, 2, { removed: 2 })), file('src/unrelated.ts', 30)];
    const plan = planSplit({ files, budget: { lines: 200, files: 10 }, hunks });
    const group = plan.groups.find((g) => g.countedFiles === 40)!;
    expect(group.reason).toBe('the same edit in 40 files: `fetchUser` → `loadUser`');
    expect(group.hint).toMatch(/per-path budget.*override/);
    expect(plan.groups.find((g) => g.files.some((f) => f.path === 'src/unrelated.ts'))).not.toBe(group);
  });

  test('different edits are not taken for a mechanical one', () => {
    const paths = Array.from({ length: 12 }, (_, i) => `src/m${i}.ts`);
    const hunks = parsePatchHunks(patchOf(Object.fromEntries(paths.map((p, i) => [p, [[`let a = ${i};`, `let a${i} = compute${i}();`]]]))));
    const plan = planSplit({ files: paths.map((p) => file(p, 1, { removed: 1 })), budget: { lines: 200, files: 10 }, hunks });
    expect(plan.groups.some((g) => g.hint !== undefined)).toBe(false);
    expect(plan.groups).toHaveLength(2);
  });

  test('a single file over the budget is named unsplittable, with its hunks', () => {
    const hunks = parsePatchHunks(
      [
        'diff --git a/src/big.ts b/src/big.ts',
        '--- a/src/big.ts',
        '+++ b/src/big.ts',
        '@@ -10,2 +10,300 @@ export function render()',
        '-a',
        '-b',
        ...Array.from({ length: 300 }, () => '+x'),
        '@@ -40 +338,200 @@ class View',
        '-c',
        ...Array.from({ length: 200 }, () => '+y'),
      ].join('\n'),
    );
    const plan = planSplit({ files: [file('src/big.ts', 500, { removed: 3 }), file('src/small.ts', 10)], budget: HUMAN, hunks });
    expect(plan.unsplittable).toEqual([
      {
        path: 'src/big.ts',
        lines: 503,
        hunks: [
          { oldStart: 10, oldLines: 2, newStart: 10, newLines: 300, heading: 'export function render()' },
          { oldStart: 40, oldLines: 1, newStart: 338, newLines: 200, heading: 'class View' },
        ],
      },
    ]);
    const group = plan.groups.find((g) => g.files.some((f) => f.path === 'src/big.ts'))!;
    expect(group).toMatchObject({ isOverBudget: true, countedFiles: 1 });
    expect(group.hint).toMatch(/unsplittable/);
  });

  test('a breaking change whose callers exceed the budget stays one commit, with the reason to keep it', () => {
    const callers = Array.from({ length: 30 }, (_, i) => `app${i}/use.ts`);
    const files = [file('core/api.ts', 20), ...callers.map((p) => file(p, 10))];
    const impact: SplitImpact = {
      changedSymbols: [{ path: 'core/api.ts', name: 'open', change: 'shape-changed', valueUsers: callers.map((path) => ({ path })) }],
    };
    const plan = planSplit({ files, budget: HUMAN, impact });
    expect(plan.groups).toHaveLength(1);
    expect(plan.groups[0]).toMatchObject({
      isOverBudget: true,
      reason: '`open` changed its signature, with the 30 callers updated for it',
    });
    expect(plan.groups[0]!.hint).toMatch(/must change together/);
  });
});

describe('planSplit: what follows the rest', () => {
  test('a mechanical edit and tests-only units come after the other code (sentry-javascript 6aae824dc2)', () => {
    const indexes = Array.from({ length: 6 }, (_, i) => `packages/p${i}/src/index.ts`);
    const hunks = parsePatchHunks(
      indexes.map((p) => `diff --git a/${p} b/${p}\n--- a/${p}\n+++ b/${p}\n@@ -3,0 +4 @@ export {\n+  bindScope,`).join('\n'),
    );
    const files = [
      ...indexes.map((p) => file(p, 1)),
      file('dev-packages/e2e/suites/bind/test.ts', 300, { status: 'added' }),
      file('packages/x-core/src/tracing/bindScope.ts', 205, { status: 'added' }),
    ];
    const plan = planSplit({ files, budget: { lines: 400, files: 25 }, hunks });
    const paths = plan.groups.map((g) => g.files.map((f) => f.path));
    expect(paths[0]).toEqual(['packages/x-core/src/tracing/bindScope.ts']);
    expect(paths.findIndex((g) => g.includes('packages/p0/src/index.ts'))).toBe(plan.groups.length - 1);
  });
});
