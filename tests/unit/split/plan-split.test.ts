import { describe, expect, test } from '@jest/globals';
import type { Budget } from '../../../src/core/config/defaults.js';
import { pairTests } from '../../../src/core/split/pair-tests.js';
import { planSplit } from '../../../src/core/split/plan-split.js';
import type { SplitImpact, SplitPlan } from '../../../src/core/split/split-plan.js';
import { fileChange as file } from '../../helpers/file-change.js';

// Each grouping rule on a hand-built change and blast radius (the shape `computeImpact` returns).

const HUMAN: Budget = { lines: 400, files: 25 };

const added = (path: string, lines: number) => file(path, lines, { status: 'added' });
const pathsOf = (plan: SplitPlan) => plan.groups.map((g) => g.files.map((f) => f.path));
const groupWith = (plan: SplitPlan, path: string) => {
  const index = plan.groups.findIndex((g) => g.files.some((f) => f.path === path));
  if (index < 0) throw new Error(`${path} is in no group`);
  return { ...plan.groups[index]!, number: index + 1 };
};

describe('planSplit: what goes together', () => {
  // mswjs/interceptors a89b4e40, declared AI work: package.json only gained its final newline,
  // and "1. package.json: manifest change (1 file, 0 lines)" was a commit of its own.
  test('a file of no changed lines is no commit of its own: it goes with a neighbouring group', () => {
    const files = [
      file('package.json', 0),
      file('vitest.config.js', 32),
      file('src/utils/handleRequest.ts', 40),
      added('test/modules/fetch/fetch-abort-listener-leak.test.ts', 90),
      added('test/modules/http/http-abort-listener-leak.test.ts', 69),
    ];
    const plan = planSplit({ files, budget: { lines: 200, files: 10 } });
    expect(plan.groups.every((g) => g.lines > 0)).toBe(true);
    expect(plan.groups.flatMap((g) => g.files.map((f) => f.path)).sort()).toEqual(files.map((f) => f.path).sort());
    // Alone in a change, it is still its own group: there is nothing to join.
    expect(pathsOf(planSplit({ files: [file('package.json', 0)], budget: HUMAN }))).toEqual([['package.json']]);
  });

  // pnpm/pnpm 75d83549f9: the Rust CLI's tests/suite/sbom.rs went with the TypeScript
  // src/sbom/sbom.ts ("These files must change together to build"), not with the Rust sbom.rs.
  test("a test goes with the same-named file of its own language, not another language's", () => {
    const files = [
      file('pnpm/crates/cli/tests/suite/sbom.rs', 184),
      file('pnpm/crates/cli/src/cli_args/sbom.rs', 97),
      file('pnpm11/commands/src/sbom/sbom.ts', 19),
      file('pnpm11/commands/test/sbom/index.ts', 65),
      file('pnpm/crates/resolver/src/parse/tests.rs', 30),
      file('pnpm/crates/resolver/src/parse.rs', 20),
    ];
    expect(pairTests(files, new Map())).toEqual(
      new Map([
        ['pnpm/crates/cli/tests/suite/sbom.rs', 'pnpm/crates/cli/src/cli_args/sbom.rs'],
        ['pnpm11/commands/test/sbom/index.ts', 'pnpm11/commands/src/sbom/sbom.ts'],
        ['pnpm/crates/resolver/src/parse/tests.rs', 'pnpm/crates/resolver/src/parse.rs'],
      ]),
    );
    const plan = planSplit({ files, budget: { lines: 300, files: 10 } });
    expect(groupWith(plan, 'pnpm/crates/cli/tests/suite/sbom.rs').files.map((f) => f.path)).not.toContain(
      'pnpm11/commands/src/sbom/sbom.ts',
    );
  });

  test('a changed export goes with the callers updated for it and its test, across folders', () => {
    const files = [
      file('src/math/total.ts', 150),
      file('src/cart/checkout.ts', 100),
      file('lib/report/print.ts', 100),
      file('tests/math/total.test.ts', 80),
      file('src/cart/unrelated.ts', 120),
      file('src/other/thing.ts', 200),
    ];
    const impact: SplitImpact = {
      changedSymbols: [
        {
          path: 'src/math/total.ts',
          name: 'total',
          change: 'shape-changed',
          valueUsers: [{ path: 'src/cart/checkout.ts' }, { path: 'tests/math/total.test.ts' }],
          typeUsers: [{ path: 'lib/report/print.ts' }, { path: 'src/never/changed.ts' }],
        },
      ],
      changedFileEdges: [{ from: 'tests/math/total.test.ts', to: 'src/math/total.ts' }],
    };
    const plan = planSplit({ files, budget: HUMAN, impact });
    const group = groupWith(plan, 'src/math/total.ts');
    expect(group.files.map((f) => f.path)).toEqual([
      'lib/report/print.ts',
      'src/cart/checkout.ts',
      'src/math/total.ts',
      'tests/math/total.test.ts',
    ]);
    expect(group.reason).toBe('`total` changed its signature, with the 2 callers updated for it and its test');
    expect(groupWith(plan, 'src/other/thing.ts').number).not.toBe(group.number);
  });

  test('a changed shape takes the changed files that use it directly or through one type that carries it', () => {
    const files = [file('a/api.ts', 300), file('b/use.ts', 50), file('c/far.ts', 60)];
    const impact: SplitImpact = {
      changedSymbols: [
        {
          path: 'a/api.ts',
          name: 'load',
          change: 'shape-changed',
          dependents: [
            { path: 'b/use.ts', depth: 1 },
            { path: 'c/far.ts', depth: 2 },
          ],
        },
      ],
    };
    const plan = planSplit({ files, budget: HUMAN, impact });
    expect(groupWith(plan, 'a/api.ts').files.map((f) => f.path)).toEqual(['a/api.ts', 'b/use.ts', 'c/far.ts']);
    const removal: SplitImpact = { changedSymbols: [{ ...impact.changedSymbols[0]!, change: 'removed' }] };
    expect(groupWith(planSplit({ files, budget: HUMAN, impact: removal }), 'a/api.ts').files.map((f) => f.path)).toEqual([
      'a/api.ts',
      'b/use.ts',
    ]);
  });

  test('a renamed export takes the changed files that import its file (updated callers import the new name)', () => {
    const files = [file('src/api.ts', 200), file('src/a.ts', 150), file('web/b.ts', 150)];
    const impact: SplitImpact = {
      changedSymbols: [{ path: 'src/api.ts', name: 'loadUser', previousName: 'fetchUser', change: 'renamed', valueUsers: [] }],
      changedFileEdges: [{ from: 'src/a.ts', to: 'src/api.ts' }],
    };
    const group = groupWith(planSplit({ files, budget: HUMAN, impact }), 'src/api.ts');
    expect(group.files.map((f) => f.path)).toEqual(['src/a.ts', 'src/api.ts']);
    expect(group.reason).toBe('`fetchUser` was renamed to `loadUser`, with the caller updated for it');
  });

  test('new files that import each other stay together', () => {
    const auth = ['session', 'token', 'login', 'logout', 'guard'].map((n) => added(`src/auth/${n}.ts`, 30));
    const files = [...auth, file('src/ui/button.tsx', 390)];
    const impact: SplitImpact = {
      changedSymbols: [],
      changedFileEdges: [
        { from: 'src/auth/login.ts', to: 'src/auth/session.ts' },
        { from: 'src/auth/session.ts', to: 'src/auth/token.ts' },
        { from: 'src/auth/logout.ts', to: 'src/auth/session.ts' },
        { from: 'src/auth/guard.ts', to: 'src/auth/token.ts' },
      ],
    };
    const plan = planSplit({ files, budget: HUMAN, impact });
    const group = groupWith(plan, 'src/auth/login.ts');
    expect(group.files).toHaveLength(5);
    expect(group.reason).toBe('5 new files under src/auth/ that import each other');
  });

  test('too many new files for one commit are committed in layers: what is imported first', () => {
    const files = [added('src/n/a.ts', 150), added('src/n/b.ts', 150), added('src/n/c.ts', 150), added('src/n/d.ts', 150)];
    const impact: SplitImpact = {
      changedSymbols: [],
      changedFileEdges: [
        { from: 'src/n/a.ts', to: 'src/n/b.ts' },
        { from: 'src/n/b.ts', to: 'src/n/c.ts' },
        { from: 'src/n/c.ts', to: 'src/n/d.ts' },
      ],
    };
    const plan = planSplit({ files, budget: HUMAN, impact });
    expect(pathsOf(plan)).toEqual([
      ['src/n/c.ts', 'src/n/d.ts'],
      ['src/n/a.ts', 'src/n/b.ts'],
    ]);
    expect(plan.groups[1]!.dependsOn).toEqual([1]);
    expect(plan.groups.every((g) => !g.isOverBudget)).toBe(true);
  });

  test('tests go with what they test: by name first, else by what they import', () => {
    const files = [
      file('src/parse.ts', 200),
      file('src/format.ts', 200),
      file('src/__tests__/parse.test.ts', 100),
      file('test/format-output.spec.ts', 100),
      file('test/lonely.test.ts', 10),
    ];
    const impact: SplitImpact = { changedSymbols: [], changedFileEdges: [{ from: 'test/format-output.spec.ts', to: 'src/format.ts' }] };
    const plan = planSplit({ files, budget: HUMAN, impact });
    expect(groupWith(plan, 'src/__tests__/parse.test.ts').files.map((f) => f.path)).toContain('src/parse.ts');
    expect(groupWith(plan, 'test/format-output.spec.ts').files.map((f) => f.path)).toContain('src/format.ts');
    expect(groupWith(plan, 'src/parse.ts').number).not.toBe(groupWith(plan, 'src/format.ts').number);
  });

  test('config, dependencies and docs are their own groups; the lock file rides with package.json', () => {
    const files = [
      file('src/a.ts', 390),
      file('package.json', 4),
      file('package-lock.json', 900, { excluded: 'lock file' }),
      file('tsconfig.json', 2),
      file('.github/workflows/ci.yml', 10),
      file('README.md', 30),
      file('docs/guide.md', 40),
    ];
    const plan = planSplit({ files, budget: HUMAN });
    expect(plan.groups.map((g) => g.reason)).toEqual([
      'lock file and package.json: dependency update',
      'configuration: ci.yml, tsconfig.json',
      'Update src/a.ts',
      'Update guide.md and README.md in docs/ and the root',
    ]);
    expect(plan.groups[0]!.lines).toBe(4);
  });

  test('a snapshot rides with its test, generated code with what imports it', () => {
    const files = [
      file('src/view.ts', 300),
      file('src/view.test.ts', 50),
      file('src/__snapshots__/view.test.ts.snap', 400, { excluded: 'snapshot' }),
      file('gen/api.generated.ts', 5000, { excluded: 'generated' }),
      file('lib/client.ts', 200),
    ];
    const impact: SplitImpact = { changedSymbols: [], changedFileEdges: [{ from: 'lib/client.ts', to: 'gen/api.generated.ts' }] };
    const plan = planSplit({ files, budget: HUMAN, impact });
    expect(groupWith(plan, 'src/__snapshots__/view.test.ts.snap').files.map((f) => f.path)).toContain('src/view.test.ts');
    expect(groupWith(plan, 'gen/api.generated.ts').files.map((f) => f.path)).toContain('lib/client.ts');
  });

  test('a deleted file goes with the files that stopped importing it (found on the old side)', () => {
    const files = [file('src/help.ts', 0, { status: 'deleted', removed: 10 }), file('src/index.ts', 200), file('src/other.ts', 300)];
    const impact: SplitImpact = {
      changedSymbols: [{ path: 'src/help.ts', name: 'HELP', change: 'removed', valueUsers: [] }],
      changedFileEdges: [],
      previousFileEdges: [{ from: 'src/index.ts', to: 'src/help.ts' }],
    };
    const group = groupWith(planSplit({ files, budget: HUMAN, impact }), 'src/help.ts');
    expect(group.files.map((f) => f.path)).toEqual(['src/help.ts', 'src/index.ts']);
    expect(group.reason).toBe('`HELP` was removed, with the caller updated for it');
  });

  test('a renamed file goes with the files that now import it by its new name', () => {
    // Too big for one commit by size: only the rule keeps them together (the old path must not vanish under use.ts).
    const files = [file('lib/new-name.ts', 150, { status: 'renamed', oldPath: 'lib/old-name.ts' }), file('app/use.ts', 300)];
    const impact: SplitImpact = {
      changedSymbols: [],
      changedFileEdges: [{ from: 'app/use.ts', to: 'lib/new-name.ts' }],
      previousFileEdges: [{ from: 'app/use.ts', to: 'lib/new-name.ts' }],
    };
    const plan = planSplit({ files, budget: HUMAN, impact });
    expect(plan.groups).toHaveLength(1);
    expect(plan.groups[0]!.hint).toMatch(/must change together/);
  });
});
