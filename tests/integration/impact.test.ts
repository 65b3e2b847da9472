import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import type { ImpactReport } from '../../src/core/impact/impact-report.js';
import { createScenarioRepo } from '../helpers/fixture-repo.js';
import { impactOf as impactOfRepo, symbol } from '../helpers/impact-json.js';
import { runUnchanged } from '../helpers/review-run.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// The blast radius on real repositories: each scenario commits `before/`, stages `after/`, and
// asserts the exact dependents and change kinds that a reader of the fixture would name.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

function impactOf(scenario: string, args: string[] = []): ImpactReport {
  repo = createScenarioRepo('impact', scenario);
  return impactOfRepo(repo, args);
}

const paths = (refs: readonly { path: string }[]) => refs.map((r) => r.path).sort();

describe('selfreview impact', () => {
  test('barrels and export *: dependents by imported name, through two barrels', () => {
    const impact = impactOf('barrels');
    expect(impact.changedSymbols.map((s) => [s.path, s.name, s.change])).toEqual([['src/lib/format.ts', 'formatPrice', 'shape-changed']]);
    const price = symbol(impact, 'formatPrice');
    // profile.ts imports only formatName: untouched. Barrels are paths, not dependents.
    expect(paths(price.dependents)).toEqual(['src/all.ts', 'src/cart.ts', 'src/checkout.ts', 'src/deep.ts']);
    expect(price.dependents.find((d) => d.path === 'src/deep.ts')).toMatchObject({
      depth: 1,
      chain: ['src/deep.ts', 'src/index.ts', 'src/lib/index.ts', 'src/lib/format.ts'],
    });
    expect(price.dependents.find((d) => d.path === 'src/checkout.ts')).toMatchObject({
      depth: 2,
      chain: ['src/checkout.ts', 'src/cart.ts', 'src/lib/index.ts', 'src/lib/format.ts'],
    });
    // The new parameter's default is masked: the quiz asks it (`currency = …`).
    expect(price.detail).toMatch(/\(cents: number\): string → .*currency = …/);
    expect(price.detail).not.toContain("'EUR'");
  });

  test('tsconfig paths and baseUrl through an extends chain with comments', () => {
    const impact = impactOf('path-aliases');
    expect(impact.stats.unresolved).toBe(0);
    expect(paths(symbol(impact, 'shout').dependents)).toEqual(['src/feature/a.ts']);
  });

  test('workspace packages by name and exports map; external packages are not followed', () => {
    const impact = impactOf('workspaces');
    expect(symbol(impact, 'createClient')).toMatchObject({ change: 'shape-changed' });
    expect(paths(symbol(impact, 'createClient').dependents)).toEqual(['apps/web/src/client.ts']);
    expect(symbol(impact, 'clamp')).toMatchObject({ change: 'body-changed' });
    expect(paths(symbol(impact, 'clamp').dependents)).toEqual(['apps/web/src/slider.ts']);
    expect(impact.stats.unresolved).toBe(0); // 'react' is external, not unresolved
    // packages/core/src/index.ts is @acme/core's entry point: its signature change is public API.
    expect(impact.risk.level).toBe('high');
    expect(impact.risk.reasons.map((r) => r.code)).toContain('public-api');
  });

  test('a changed overload is a changed export, though the implementation did not change (remeda 4eac1b8d, `toCamelCase`)', () => {
    const impact = impactOf('overload-change');
    expect(impact.changedSymbols.map((s) => [s.path, s.name, s.change])).toEqual([['src/case.ts', 'toCase', 'shape-changed']]);
    expect(paths(symbol(impact, 'toCase').dependents)).toEqual(['src/title.ts']);
  });

  test('a copied file is a new file: its source keeps its exports (rxjs 7901f7b648, reduce.ts copied to reduce-support.ts)', () => {
    const impact = impactOf('copied-file');
    // Not "`reduce` renamed to `reduceAll`" in the copy: reduce.ts still has `reduce`.
    expect(impact.changedSymbols.map((s) => [s.path, s.name, s.change])).toEqual([
      ['src/reduce-support.ts', 'scanInternals', 'added'],
      ['src/reduce-support.ts', 'reduceAll', 'added'],
      ['src/reduce.ts', 'scanInternals', 'removed'],
    ]);
  });

  test('a type naming a variable whose type is inferred changes with its initializer; one naming an annotated variable does not', () => {
    const impact = impactOf('typeof-inferred');
    expect(impact.changedSymbols.map((s) => [s.name, s.change, s.via ?? null])).toEqual([
      ['Entry', 'shape-changed', 'entry'],
      ['entry', 'body-changed', null],
      ['fixed', 'body-changed', null],
    ]);
    expect(paths(symbol(impact, 'Entry').dependents)).toEqual(['src/view.ts']);
  });

  test.each([
    [
      "a monorepo root named like one of its packages is not that package (remeda's root and packages/remeda are both `remeda`)",
      'workspace-root-name',
      'map',
      'packages/docs/src/page.ts',
    ],
    [
      'a package built from the one folder its tsconfig includes resolves there (ajv: `"include": ["lib"]`, outDir dist, a spec importing "ajv")',
      'include-root',
      'compile',
      'spec/issue.spec.ts',
    ],
    [
      'a root package with an entry of its own is that package, though a test fixture below has its name (typedoc 745cd9d95c: its site plugins import "typedoc")',
      'root-package-name',
      'Application',
      'site/site-plugin.js',
    ],
    [
      "a package whose entry is a bundle named after its source file, in a folder of the build's own, resolves to that file (dexie-cloud-addon's dist/modern/dexie-cloud-addon.js, rollup's output of src/dexie-cloud-addon.ts)",
      'bundle-entry-name',
      'connect',
      'samples/app/src/App.tsx',
    ],
    [
      'a package whose entry names only its types by `typings`, the older spelling of `types`, resolves by it',
      'typings-entry',
      'parse',
      'packages/app/src/main.ts',
    ],
  ])('%s', (_title, scenario, name, user) => {
    const impact = impactOf(scenario);
    expect(paths(symbol(impact, name).dependents)).toEqual([user]);
    expect(impact.stats.unresolved).toBe(0);
  });

  test("a package entry in the package's own folder that a package.json script builds from a source it names resolves to that source (dnd-kit: `main: ./index.cjs` from `tsup src/core/index.ts`, `./modifiers` from `tsup --entry.modifiers src/modifiers/index.ts`)", () => {
    const impact = impactOf('script-entry');
    const manager = symbol(impact, 'Manager');
    expect(paths(manager.valueUsers)).toEqual(['packages/dom/src/index.ts']);
    expect(paths(manager.typeUsers)).toEqual(['packages/abstract/src/modifiers/index.ts']);
    expect(impact.stats.unresolved).toBe(0);
  });

  test("a relative import of a JSON file or a stylesheet is no module, not an unresolved import (discord.js: 55 of 72 unresolved were `require('../package.json')` and `../../.prettierrc.json`)", () => {
    repo = createTempRepo({
      'package.json': '{ "name": "app", "version": "1.0.0" }\n',
      '.prettierrc.json': '{ "semi": true }\n',
      'prettier.config.cjs': "module.exports = require('./.prettierrc.json');\n",
      'src/theme.css': 'body { margin: 0; }\n',
      'src/version.ts': "import pkg from '../package.json';\nimport './theme.css';\nexport const version = (): string => pkg.version;\n",
      'src/main.ts': "import { version } from './version.js';\nconsole.log(version());\n",
      'src/old.ts': "import { gone } from './gone.js';\nexport const old = gone;\n",
    });
    repo.stage({
      'src/version.ts':
        "import pkg from '../package.json';\nimport './theme.css';\nexport const version = (): string => `v${pkg.version}`;\n",
    });
    const impact = impactOfRepo(repo);
    expect(impact.stats.unresolved).toBe(1); // ./gone.js, which is missing
    expect(paths(symbol(impact, 'version').dependents)).toEqual(['src/main.ts']);
  });
  test("a relative import of a folder with a package.json and no index loads the package's entry (zag 0aee38be69: packages/core/tests import `createMachine` from '..', `main: src/index.ts`)", () => {
    const impact = impactOf('folder-package-entry');
    expect(paths(symbol(impact, 'createMachine').valueUsers)).toEqual([
      'packages/core/bench/states.ts',
      'packages/core/tests/transition.test.ts',
    ]);
    expect(impact.stats.unresolved).toBe(0);
  });

  test('a `#` specifier resolves by the importer\'s package.json `imports` (ariakit 8ad072da59: app/package.json `"#app/*": "./src/*"`), patterns and conditions as node reads them; another package\'s `#app` is not the app\'s', () => {
    const impact = impactOf('subpath-imports');
    expect(paths(symbol(impact, 'Select').valueUsers)).toEqual(['app/src/examples/actions.tsx', 'app/src/examples/short.ts']);
    expect(paths(symbol(impact, 'settings').valueUsers)).toEqual(['app/src/examples/short.ts']);
    expect(paths(symbol(impact, 'Select').dependents)).not.toContain('site/src/page.ts');
  });

  test('an arrow function whose expression body became a block, a comment before the body moved: its signature is unchanged (fp-ts 6bc5b75e2d: `} =>\\n  /*#__PURE__*/ dual(…)` -> `} => {\\n  return /*#__PURE__*/ dual(…)`)', () => {
    const impact = impactOf('arrow-body-comment');
    expect(impact.changedSymbols.map((s) => [s.name, s.change])).toEqual([
      ['flatMapNullable', 'body-changed'],
      ['orElse', 'body-changed'],
    ]);
    expect(paths(symbol(impact, 'flatMapNullable').valueUsers)).toEqual(['src/either.ts']);
  });

  test("a function with no return type written returns a function: that function's signature is part of its own (dnd-kit e4d1a7e2d9: `configurator(plugin) { return (options): PluginDescriptor<…> => … }`)", () => {
    const impact = impactOf('returned-function');
    expect(impact.changedSymbols.map((s) => [s.name, s.change]).sort()).toEqual([
      ['branch', 'body-changed'],
      ['configurator', 'shape-changed'],
      ['curried', 'shape-changed'],
      ['typed', 'body-changed'],
    ]);
    expect(paths(symbol(impact, 'configurator').valueUsers)).toEqual(['src/use.ts']);
  });

  test('a destructuring parameter with its type written binds names of the body: renaming them keeps the signature; without a type the pattern is the type (dnd-kit 3fdc0730df: `{ plugins: inputPlugins = … }: SortableInput<T>`)', () => {
    const impact = impactOf('typed-pattern');
    expect(impact.changedSymbols.map((s) => [s.name, s.change]).sort()).toEqual([
      ['Sortable', 'body-changed'],
      ['register', 'body-changed'],
      ['untyped', 'shape-changed'],
    ]);
    expect(paths(symbol(impact, 'Sortable').valueUsers)).toEqual(['src/list.ts']);
  });

  test("a class's method and constructor parameters renamed keep its shape; a parameter property renamed is a member renamed (known open since round 39: dnd-kit's `Sortable` constructor)", () => {
    const impact = impactOf('member-parameter-names');
    expect(impact.changedSymbols.map((s) => [s.name, s.change]).sort()).toEqual([
      ['Client', 'shape-changed'],
      ['Reader', 'shape-changed'],
      ['Store', 'body-changed'],
    ]);
    expect(paths(symbol(impact, 'Store').valueUsers)).toEqual(['src/app.ts']);
  });

  test("a type parameter hides a namespace import of its name where a type is named (fp-ts: `<_>(self: IO<_>) => IO<A>` beside `import * as _ from './internal'`): no whole-module holder", () => {
    const impact = impactOf('type-parameter-namespace');
    const flatMap = symbol(impact, 'flatMap');
    expect(paths(flatMap.valueUsers)).toEqual(['src/chain.ts']);
    // io.ts and lift.ts read `_.map` only; their `IO<_>` names the type parameter `_`.
    expect(paths(flatMap.wholeModuleUsers)).toEqual(['src/holder.ts']);
  });

  test("a type named only in a function's overloads carries its change to the function's users (remeda's `map` and `Mapped`)", () => {
    const impact = impactOf('overload-uses');
    const box = symbol(impact, 'Box');
    expect(box.dependents.map((d) => [d.path, d.depth])).toEqual([
      ['src/wrap.ts', 1],
      ['src/user.ts', 2],
    ]);
  });

  test('CommonJS, dynamic import, .js specifiers for .ts files, type-only imports', () => {
    const impact = impactOf('module-kinds');
    expect(paths(symbol(impact, 'parse').dependents)).toEqual(['lib/consumer.cjs']);
    // A default export is named by its local name.
    expect(symbol(impact, 'plugin')).toMatchObject({ path: 'src/plugin.ts', change: 'body-changed', isDefault: true });
    expect(paths(symbol(impact, 'plugin').dependents)).toEqual(['src/loader.ts']);
    // fastify.js exports `fastify` by name and as its default: the summary and the question say which.
    const text = runUnchanged(repo, ['--dry-run']).stdout;
    expect(text).toMatch(/^ {2}plugin \(src\/plugin\.ts, default export\) implementation changed: 1 value user/m);
    expect(text).toContain('In src/plugin.ts, `plugin` (default export) changed its implementation');
    const user = symbol(impact, 'User');
    expect(user.change).toBe('shape-changed');
    expect(user.dependents).toEqual([{ path: 'src/view.ts', depth: 1, chain: ['src/view.ts', 'src/types.ts'], isTypeOnly: true }]);
  });

  test('renamed and removed exports keep their dependents', () => {
    const impact = impactOf('renamed-removed');
    expect(symbol(impact, 'loadUser')).toMatchObject({ change: 'renamed', previousName: 'fetchUser' });
    expect(paths(symbol(impact, 'loadUser').dependents)).toEqual(['src/a.ts']);
    expect(symbol(impact, 'legacyFetch').change).toBe('removed');
    expect(paths(symbol(impact, 'legacyFetch').dependents)).toEqual(['src/b.ts']);
    expect(impact.changedSymbols.map((s) => s.name)).not.toContain('KEEP');
  });

  test('a file that does not parse: reported, every export may have changed, no crash', () => {
    const impact = impactOf('syntax-error');
    expect(impact.parseErrors).toEqual([{ path: 'src/math.ts', message: expect.stringMatching(/line 3/) }]);
    expect(symbol(impact, '*')).toMatchObject({ change: 'unknown' });
    expect(paths(symbol(impact, '*').dependents)).toEqual(['src/use.ts']);
    expect(impact.risk.reasons.map((r) => r.code)).toContain('parse-error');
  });

  test('a cycle terminates, and a dependent passes on only what uses the change', () => {
    const impact = impactOf('cycle');
    // b.fromB uses fromA, so c (which uses fromB) depends; d uses only b.unrelated: it does not.
    expect(paths(symbol(impact, 'fromA').dependents)).toEqual(['src/b.ts', 'src/c.ts']);
  });

  test('the review report and its JSON carry the impact; a warm run parses nothing', () => {
    // (Without a terminal and without --dry-run the review stops before the blast radius: it
    // could not ask anyway. The no-terminal tests prove that.)
    repo = createScenarioRepo('impact', 'barrels');
    const first = JSON.parse(runUnchanged(repo, ['--json']).stdout) as { impact: ImpactReport };
    expect(first.impact.risk.level).toBe('medium');
    expect(first.impact.stats.parsed).toBeGreaterThan(0);
    const second = JSON.parse(runUnchanged(repo, ['impact', '--json']).stdout) as ImpactReport;
    expect(second.stats.parsed).toBe(0);
    expect(second.changedSymbols).toEqual(first.impact.changedSymbols);
    const text = runUnchanged(repo, ['--dry-run']).stdout;
    expect(text).toMatch(/Impact: risk medium, 4 dependent files/);
    expect(text).toMatch(
      /formatPrice \(src\/lib\/format\.ts\) signature changed: 3 value users, 0 type users, 1 further, e.g. src\/all\.ts:3/,
    );
  });

  test('a range: --base/--head compares two commits', () => {
    repo = createScenarioRepo('impact', 'renamed-removed');
    repo.git(['commit', '-q', '-m', 'rename']);
    const range = JSON.parse(runUnchanged(repo, ['impact', '--json', '--base', 'HEAD~1', '--head', 'HEAD']).stdout) as ImpactReport;
    expect(symbol(range, 'loadUser').change).toBe('renamed');
    const unknown = runUnchanged(repo, ['impact', '--base', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown revision 'nope'.*fetch-depth: 0/);
  });

  /** `impact --json` with the repository's caches removed, TypeScript's code cache kept under `home`. */
  const coldImpact = (home: string) => {
    rmSync(join(repo.dir, '.git', 'selfreview'), { recursive: true, force: true });
    return JSON.parse(runUnchanged(repo, ['impact', '--json'], { env: { HOME: home } }).stdout) as ImpactReport;
  };

  test("TypeScript's code cache: written once per user, a corrupt one rewritten, no HOME none", () => {
    repo = createScenarioRepo('impact', 'cycle');
    // A staged file with a triple-slash directive, always TypeScript's (user-whole.ts): TypeScript loads.
    repo.stage({ 'src/view.ts': '/// <reference lib="es2020" />\nexport const view = (): string => "cycle";\n' });
    const home = mkdtempSync(join(tmpdir(), 'selfreview-code-cache-'));
    const dir = join(home, '.cache', 'selfreview');
    const cold = () => coldImpact(home);
    try {
      const first = cold();
      const [file] = readdirSync(dir).filter((name) => name.startsWith('typescript-') && name.endsWith('.v8cache'));
      expect(file).toMatch(/^typescript-[\d.]+-v\d+\.\d+\.\d+-\w+-[\da-f]+\.v8cache$/);
      writeFileSync(join(dir, file!), 'not a code cache');
      const second = cold();
      expect(second.changedSymbols).toEqual(first.changedSymbols);
      // V8 refused the bytes; the run loaded TypeScript without them and wrote a real cache.
      expect(statSync(join(dir, file!)).size).toBeGreaterThan(100_000);
      const homeless = JSON.parse(runUnchanged(repo, ['impact', '--json'], { env: { HOME: undefined } }).stdout) as ImpactReport;
      expect(homeless.changedSymbols).toEqual(first.changedSymbols);
      // A HOME inside the repository (the demo had one): nothing is written into its work tree
      // (runUnchanged compares the index and working tree before and after).
      rmSync(join(repo.dir, '.git', 'selfreview'), { recursive: true, force: true });
      runUnchanged(repo, ['impact', '--json'], { env: { HOME: repo.dir } });
      expect(readdirSync(repo.dir)).not.toContain('.cache');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  test("TypeScript's code cache is written by a run that loaded it only for a changed object's keys (`keyof typeof`), then used", () => {
    // Every record here comes from tokens: TypeScript loads for the keys alone (read-keys-changed.ts),
    // outside the parse pool, which wrote the cache only for its own load (dub: compiled again on every run).
    repo = createScenarioRepo('impact', 'keyof-registry');
    const home = mkdtempSync(join(tmpdir(), 'selfreview-code-cache-keys-'));
    const dir = join(home, '.cache', 'selfreview');
    const cold = () => coldImpact(home);
    try {
      const first = cold();
      expect(first.changedSymbols.find((s) => s.name === 'labels')?.change).toBe('body-changed');
      const [file] = readdirSync(dir).filter((name) => name.startsWith('typescript-') && name.endsWith('.v8cache'));
      expect(file).toMatch(/^typescript-[\d.]+-v\d+\.\d+\.\d+-\w+-[\da-f]+\.v8cache$/);
      const written = statSync(join(dir, file!));
      expect(written.size).toBeGreaterThan(100_000);
      // The next run takes it as it is (V8 accepted it): not written again.
      expect(cold().changedSymbols).toEqual(first.changedSymbols);
      expect(statSync(join(dir, file!)).mtimeMs).toBe(written.mtimeMs);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  test('a corrupt cache is ignored and rebuilt', () => {
    repo = createScenarioRepo('impact', 'cycle');
    runUnchanged(repo, ['impact', '--json']);
    repo.write({ '.git/selfreview/cache/modules-index.json': '{"format": 5, "typescript": "' });
    const rebuilt = JSON.parse(runUnchanged(repo, ['impact', '--json']).stdout) as ImpactReport;
    expect(rebuilt.stats.parsed).toBeGreaterThan(0);
    expect(paths(symbol(rebuilt, 'fromA').dependents)).toEqual(['src/b.ts', 'src/c.ts']);
  });

  test("a test fixture's config is named and raises no risk; a vendored one is not the project's (ts-node 2ee80a87)", () => {
    repo = createTempRepo({
      'src/a.ts': 'export const a = 1;\n',
      'src/a.test.ts': "import { a } from './a';\nexport const checked = a === 1;\n",
    });
    repo.stage({
      'tests/2076/tsconfig.json': '{ "extends": "custom-tsconfig" }\n',
      'tests/2076/node_modules/custom-tsconfig/tsconfig.json': '{ "ts-node": { "transpileOnly": true } }\n',
      'src/a.test.ts': "import { a } from './a';\nexport const checked = a === 1 && a > 0;\n",
    });
    const risk = impactOfRepo(repo).risk;
    expect(risk.reasons.filter((r) => r.code === 'config-changed').map((r) => r.message)).toEqual([
      'tests/2076/tsconfig.json: TypeScript config added (`extends`)',
    ]);
    expect(risk.level).toBe('low');
  });

  test('a tsconfig and a package.json change name what moved, cold and warm (floating-ui f96865cb: five tsconfigs moved `lib`)', () => {
    const tsconfig = (lib: string) => `{\n  // comments, as tsconfigs have\n  "compilerOptions": { "lib": ${lib}, "strict": true, },\n}\n`;
    const pkg = (range: string) => JSON.stringify({ name: 'p', dependencies: { srvx: range } });
    repo = createTempRepo({
      'package.json': pkg('^0.2.8'),
      'tsconfig.json': tsconfig('["DOM", "ES2020"]'),
      'src/a.ts': 'export const a = 1;\n',
      'src/b.ts': "import { a } from './a';\nexport const b = a + 1;\n",
    });
    repo.stage({ 'package.json': pkg('^0.4.0'), 'tsconfig.json': tsconfig('["DOM", "ES2021"]'), 'src/a.ts': 'export const a = 2;\n' });
    for (const run of ['cold', 'warm']) {
      const reasons = impactOfRepo(repo)
        .risk.reasons.filter((r) => r.code === 'config-changed')
        .map((r) => r.message);
      expect([run, reasons]).toEqual([
        run,
        [
          'package.json: dependencies `srvx` ^0.2.8 → ^0.4.0 changed',
          'tsconfig.json: TypeScript config `lib` ["DOM","ES2020"] → ["DOM","ES2021"]',
        ],
      ]);
    }
  });
});
