import { afterEach, describe, expect, test } from '@jest/globals';
import { impactOf, symbol, uses } from '../helpers/impact-json.js';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ImpactReport } from '../../src/core/impact/impact-report.js';
import { createScenarioRepo } from '../helpers/fixture-repo.js';
import { runUnchanged } from '../helpers/review-run.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// Who uses a changed export, as a reader would count them: value users and type users with
// the line of their first use, pass-throughs and unused namespace members left out; helpers
// behind exports, renames, default exports, trivia-only edits, the warm cache and deep nesting.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const withoutStats = ({ stats, ...rest }: ImpactReport) => (void stats, rest);

describe('the users of a changed export', () => {
  test('value and type users with their first line; pass-throughs, unused namespace members and other barrel names are not users', () => {
    repo = createScenarioRepo('impact', 'precision');
    const impact = impactOf(repo);
    const format = symbol(impact, 'format');
    expect(format.change).toBe('shape-changed');
    expect(uses(format.valueUsers)).toEqual([
      'src/cjs-destructure.cjs:3',
      'src/cjs-nested.cjs:3',
      'src/dyn-awaited.ts:5',
      'src/dyn-destructure.ts:4',
      'src/dyn-member.ts:3',
      'src/ns-and-named.ts:7',
      'src/ns-destructure.ts:3',
      'src/ns-used.ts:4',
      'src/through-pass.ts:3',
      'src/value.ts:4',
      'src/wrap.ts:4',
    ]);
    expect(uses(format.typeUsers)).toEqual(['src/type-of.ts:3']);
    // A namespace that escapes whole (passed on, `window.Format = Format`) holds the module and
    // may reach `format`: listed apart, not a user. ns-and-named.ts holds it too but calls
    // `format` by name, so it is a user, and what it passes on whole (far-whole.ts) is not counted.
    // `await import()` or `require()` inside code, kept in a variable, is traced like an import
    // (`lib.format` uses format, `lib.other` does not); returned whole, it holds the whole module.
    expect(uses(format.wholeModuleUsers)).toEqual(['src/dyn-escape.ts:2', 'src/ns-escape.ts:7', 'src/ns-window.ts:4']);
    // far.ts uses wrap, which uses format: further away, with its chain; far-dyn.ts likewise through `later`.
    expect(format.transitive).toEqual({
      count: 2,
      chains: [
        ['src/far-dyn.ts', 'src/dyn-member.ts', 'src/lib/format.ts'],
        ['src/far.ts', 'src/wrap.ts', 'src/lib/format.ts'],
      ],
    });
    const users = format.dependents.map((d) => d.path);
    expect(impact.dependents.map((d) => d.path)).not.toContain('src/ns-window.ts');
    for (const notUser of [
      'src/ns-escape.ts',
      'src/ns-window.ts',
      'src/far-whole.ts',
      'src/dyn-other.ts',
      'src/dyn-escape.ts',
      'src/ns-other.ts',
      'src/ns-spy.ts',
      'src/cjs-member.cjs',
      'src/pass-through.ts',
      'src/barrel-other.ts',
      'src/index.ts',
    ])
      expect(users).not.toContain(notUser);
    expect(format.dependents.find((d) => d.path === 'src/through-pass.ts')).toMatchObject({
      depth: 1,
      chain: ['src/through-pass.ts', 'src/pass-through.ts', 'src/lib/format.ts'],
    });

    const options = symbol(impact, 'Options');
    expect(uses(options.valueUsers)).toEqual([]);
    // An interface has no value: the escaping namespace uses it in types at most.
    expect(uses(options.typeUsers)).toEqual(['src/type-import.ts:3']);
    expect(uses(options.wholeModuleUsers)).toEqual([
      'src/dyn-escape.ts:2',
      'src/ns-and-named.ts:4',
      'src/ns-escape.ts:7',
      'src/ns-window.ts:4',
    ]);
    // The text report counts users, then names the holders of the whole module on their own line.
    const text = runUnchanged(repo, ['impact']).stdout;
    expect(text).toContain('11 value users, 1 type user, 2 further away');
    expect(text).toContain(
      '3 more files hold the whole module (its namespace escapes): src/dyn-escape.ts:2, src/ns-escape.ts:7, src/ns-window.ts:4',
    );
    expect(impact.changedSymbols.map((s) => s.name)).not.toContain('other');
    // A name added to `export { other } from` leaves `other` as it was.
    expect(impact.changedSymbols.filter((s) => s.path === 'src/reexports.ts').map((s) => [s.name, s.change])).toEqual([['fmt', 'added']]);
  });

  test('a non-exported helper carries its change to the exports that use it; a default export goes by its name', () => {
    repo = createScenarioRepo('impact', 'helper-change');
    const impact = impactOf(repo);
    expect(symbol(impact, 'isSentryRequestUrl')).toMatchObject({
      change: 'body-changed',
      via: 'checkDsn',
      detail: 'implementation changed through `checkDsn`',
    });
    expect(uses(symbol(impact, 'isSentryRequestUrl').valueUsers)).toEqual(['src/client.ts:3']);
    expect(symbol(impact, 'assembleReleasePlan')).toMatchObject({ change: 'body-changed', via: 'visit', isDefault: true });
    expect(uses(symbol(impact, 'assembleReleasePlan').valueUsers)).toEqual(['src/client.ts:5']);
    expect(impact.changedSymbols.map((s) => s.name)).not.toContain('unrelated');
    const text = runUnchanged(repo, ['impact']).stdout;
    expect(text).toMatch(/isSentryRequestUrl: implementation changed through `checkDsn`/);
  });

  test('a rename is followed by both names: the updated file and the stale one', () => {
    repo = createScenarioRepo('impact', 'rename-both');
    const loadUser = symbol(impactOf(repo), 'loadUser');
    expect(loadUser).toMatchObject({ change: 'renamed', previousName: 'fetchUser' });
    expect(uses(loadUser.valueUsers)).toEqual(['src/stale.ts:3', 'src/updated.ts:3']);
  });

  test('comments, whitespace and formatting only: reported as trivia-only, no symbol changed, nothing asked', () => {
    repo = createScenarioRepo('impact', 'trivia-only');
    const impact = impactOf(repo);
    expect(impact.triviaOnly).toEqual(['src/math.ts']);
    expect(impact.changedSymbols).toEqual([]);
    const review = JSON.parse(runUnchanged(repo, ['--dry-run', '--json']).stdout) as { questions?: { id: string }[] };
    expect((review.questions ?? []).filter((q) => q.id.startsWith('impact:'))).toEqual([]);
  });

  test('`export * as util from`: a named import of `util` uses the members it reads, like `import * as`; so does `vi.mocked(ns)`', () => {
    repo = createScenarioRepo('impact', 'namespace-reexport');
    const impact = impactOf(repo);
    const slug = symbol(impact, 'slug');
    // `util.slug`, `const { slug } = util`, through a pass-through barrel, and a mocked namespace's member.
    // Not users: other.ts and through-pass's `util.separator` alone, mocked-other.test.ts reading only `separator`.
    expect(uses(slug.valueUsers)).toEqual(['src/destructure.ts:3', 'src/mocked.test.ts:6', 'src/through-pass.ts:4', 'src/use.ts:3']);
    expect(slug.typeUsers).toEqual([]);
    // `registry.util = util` escapes whole: it may reach `slug`, listed apart.
    expect(uses(slug.wholeModuleUsers)).toEqual(['src/escape.ts:4']);
    expect(impact.changedSymbols.map((s) => s.name)).toEqual(['slug']);
    // use.ts reaches util.ts only through `export * as util from` (an edge TypeScript's own scanner misses); warm: the same.
    expect(withoutStats(impactOf(repo))).toEqual(withoutStats(impact));
  });
});

describe('the same answer cold and warm', () => {
  test('fill the cache, edit one file, run warm: identical to a cold run', () => {
    repo = createScenarioRepo('impact', 'warm-edit');
    // The cache is filled while only c.ts is staged; then a.ts's edit is staged.
    repo.git(['reset', '-q', 'HEAD', '--', 'src/a.ts']);
    expect(impactOf(repo).stats.parsed).toBeGreaterThan(0);
    repo.git(['add', 'src/a.ts']);
    const warm = impactOf(repo);
    expect(warm.stats.cacheHits).toBeGreaterThan(0);
    rmSync(join(repo.dir, '.git', 'selfreview', 'cache'), { recursive: true, force: true });
    const cold = impactOf(repo);
    expect(withoutStats(warm)).toEqual(withoutStats(cold));
    expect(symbol(warm, 'add')).toMatchObject({ change: 'shape-changed', valueUsers: [{ path: 'src/b.ts', line: 3 }] });
    expect(warm.changedSymbols.map((s) => s.name)).not.toContain('PI');
    // And once more, warm with nothing new: still the same.
    expect(withoutStats(impactOf(repo))).toEqual(withoutStats(cold));
  });

  test('files only scanned on a first run are parsed when a later walk crosses them', () => {
    repo = createScenarioRepo('impact', 'warm-edit');
    repo.git(['reset', '-q', 'HEAD', '--', 'src/a.ts']);
    // Only c.ts changed: c.ts is parsed (both sides), b.ts and a.ts only scanned for the graph.
    const first = impactOf(repo);
    expect(first.stats).toMatchObject({ parsed: 2, scanned: 2 });
    repo.git(['add', 'src/a.ts']);
    // a.ts's two sides are parsed, and b.ts because the walk from `add` crosses it.
    const warm = impactOf(repo);
    expect(warm.stats).toMatchObject({ parsed: 3, scanned: 0 });
    expect(symbol(warm, 'add').valueUsers).toEqual([{ path: 'src/b.ts', line: 3 }]);
  });
});

describe('input too deep for the parser', () => {
  test('5,000 nested arrays are a parse error; 1,000 nested parentheses are read from tokens; the rest is analysed', () => {
    repo = createScenarioRepo('impact', 'deep-nesting');
    const impact = impactOf(repo);
    // TypeScript's parser overflows on both; the token reader (user-whole.ts) reads the parentheses,
    // whose record is a changed export of its own, and gives the arrays back to TypeScript.
    expect(impact.parseErrors.map((e) => [e.path, e.message])).toEqual([['src/arrays.ts', expect.stringMatching(/too deep to analyse/)]]);
    expect(symbol(impact, 'parens').change).toBe('shape-changed');
    expect(uses(symbol(impact, 'ok').valueUsers)).toEqual(['src/use.ts:4']);
  });
});

describe('workspace packages', () => {
  test('by name through exports, types and main back to source, the way tsconfig outDir says; unresolved ones warned about', () => {
    repo = createScenarioRepo('impact', 'workspace-build');
    const impact = impactOf(repo);
    expect(uses(symbol(impact, 'createClient').valueUsers)).toEqual(['apps/web/src/client.ts:3']);
    expect(uses(symbol(impact, 'getWindow').valueUsers)).toEqual(['apps/web/src/view.ts:4']);
    expect(uses(symbol(impact, 'button').valueUsers)).toEqual(['apps/web/src/view.ts:4']);
    expect(impact.warnings).toEqual([
      expect.stringMatching(
        /^1 import of a workspace package does not resolve \(e\.g\. @bw\/core\/does-not-exist from apps\/web\/src\/missing\.ts\)/,
      ),
    ]);
    const debug = runUnchanged(repo, ['impact', '--json', '--debug']).stderr;
    expect(debug).toMatch(/error: workspace import @bw\/core\/does-not-exist \(from apps\/web\/src\/missing\.ts\) does not resolve/);
  });

  // hoppscotch: selfhost-web imports a generated `@hoppscotch/common/helpers/backend/graphql` (not
  // tracked); every backend commit was warned that users were missing. A module of a package none
  // of whose files reach the change cannot be a user of it either.
  test('an unresolved workspace import is warned about only when its package reaches the change', () => {
    repo = createTempRepo({
      'package.json': '{ "name": "root", "private": true }\n',
      'packages/core/package.json': '{ "name": "@x/core", "main": "src/index.ts" }\n',
      'packages/core/src/index.ts': "import { base } from '@x/util';\nexport const one = () => base + 1;\n",
      'packages/util/package.json': '{ "name": "@x/util", "main": "src/index.ts" }\n',
      'packages/util/src/index.ts': 'export const base = 1;\n',
      'packages/server/package.json': '{ "name": "@x/server", "main": "src/index.ts" }\n',
      'packages/server/src/index.ts': 'export const port = 80;\n',
      'apps/web/src/gen.ts': "import { Query } from '@x/core/generated/graphql';\nexport const q: Query = {};\n",
    });
    repo.stage({ 'packages/server/src/index.ts': 'export const port = 8080;\n' });
    expect(impactOf(repo).warnings).toEqual([]);
    repo.stage({ 'packages/util/src/index.ts': 'export const base = 2;\n' });
    expect(impactOf(repo).warnings).toEqual([
      expect.stringMatching(
        /^1 import of a workspace package does not resolve \(e\.g\. @x\/core\/generated\/graphql from apps\/web\/src\/gen\.ts\)/,
      ),
    ]);
  });

  // pnpm/pnpm: a test fixture's package.json named `is-positive` (no entry file), and another
  // fixture's script requiring `is-positive` from npm. No user of the project is missing.
  test("a fixture's import of a package name that only a fixture has is no warning", () => {
    repo = createTempRepo({
      'package.json': '{ "name": "root", "private": true }\n',
      'packages/core/package.json': '{ "name": "@x/core", "main": "src/index.ts" }\n',
      'packages/core/src/index.ts': 'export function one() {\n  return 1;\n}\n',
      'apps/a.ts': "import { one } from '@x/core';\nexport const a = one();\n",
      'packages/lock/test/fixtures/fixture/packages/is-positive/package.json': '{ "name": "is-positive", "version": "1.0.0" }\n',
      'e2e/.fixtures/packages/postinstall-requires-is-positive/postinstall.js': "require('is-positive');\n",
    });
    repo.stage({ 'packages/core/src/index.ts': 'export function one() {\n  return 2;\n}\n' });
    const impact = impactOf(repo);
    expect(uses(symbol(impact, 'one').valueUsers)).toEqual(['apps/a.ts:2']);
    expect(impact.warnings).toEqual([]);
  });
});
