import { afterEach, describe, expect, test } from '@jest/globals';
import { coldAndWarm, impactOf, symbol, uses } from '../helpers/impact-json.js';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ImpactReport } from '../../src/core/impact/impact-report.js';
import { createScenarioRepo } from '../helpers/fixture-repo.js';
import { runUnchanged } from '../helpers/review-run.js';
import type { TempRepo } from '../helpers/temp-repo.js';

// Routes real repositories showed missed or widened (issue 23): an export reached through
// another changed export of its own file, a value re-export after a type-only one from the same
// module, names in comments, one member of a namespace, `require() as typeof X`. Each scenario
// is asked cold, then warm from the cache: the same answer.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

describe('routes inside the changed file', () => {
  test('an export reaches the change through another changed export, a class or a private helper, each with its own users; comments and strings are no route', () => {
    repo = createScenarioRepo('impact', 'same-file-routes');
    const impact = coldAndWarm(repo);
    expect(impact.changedSymbols.map((s) => [s.name, s.change, s.via])).toEqual(
      expect.arrayContaining([
        ['replaceEqualDeep', 'body-changed', undefined],
        ['replaceData', 'body-changed', 'replaceEqualDeep'],
        ['Cache', 'body-changed', 'replaceEqualDeep'],
        ['useController', 'body-changed', 'createController'],
        ['View', 'shape-changed', 'Shape'],
        ['widthOf', 'shape-changed', 'Shape'],
      ]),
    );
    // `Options` names both in its JSDoc, `label` in a string and a comment: neither is a use;
    // `Settings` and `defaults` have properties named like them: a declared name reads nothing.
    // `CacheEvent` names the class `Cache`, whose route reaches the changed `replaceEqualDeep`: a
    // type has no implementation to change through it (mobx's `IMapDidChange`, zod's
    // `$ZodStringFormatTypes` were "implementation changed through" an exported class).
    expect(impact.changedSymbols.map((s) => s.name).sort()).toEqual([
      'Cache',
      'View',
      'replaceData',
      'replaceEqualDeep',
      'useController',
      'widthOf',
    ]);
    // A type has no implementation: a changed type reached, and no changed code, is a changed type.
    expect(symbol(impact, 'View').detail).toBe('type changed through `Shape`');
    expect(uses(symbol(impact, 'replaceEqualDeep').valueUsers)).toEqual(['src/direct.ts:3']);
    expect(uses(symbol(impact, 'replaceData').valueUsers)).toEqual(['src/query.ts:4']);
    expect(symbol(impact, 'replaceData').transitive).toEqual({ count: 1, chains: [['src/far.ts', 'src/query.ts', 'src/utils.ts']] });
    expect(uses(symbol(impact, 'Cache').valueUsers)).toEqual(['src/observer.ts:3']);
    expect(uses(symbol(impact, 'useController').valueUsers)).toEqual(['src/controller.ts:3']);
  });
  test('a declaration that only gains or loses `export` changes nothing that calls it (pinia e645fc12: `shouldHydrate` made public)', () => {
    repo = createScenarioRepo('impact', 'exported-helper');
    const impact = coldAndWarm(repo);
    // `defineStore` calls `shouldHydrate` and reads `LIMIT`, now exported as they were; `formatId`
    // is no longer exported, and `storeName` still runs it unchanged.
    expect(impact.changedSymbols.map((s) => [s.path, s.name, s.change]).sort()).toEqual([
      ['src/index.ts', 'shouldHydrate', 'added'],
      ['src/store.ts', 'LIMIT', 'added'],
      ['src/store.ts', 'formatId', 'removed'],
      ['src/store.ts', 'shouldHydrate', 'added'],
    ]);
    expect(impact.dependents.map((d) => d.path)).toEqual([]);
  });

  test('`keyof typeof fns` changes with the keys of `fns`, not with the code or the values it holds (TanStack table 18aaf922b, webstudio 68b745872)', () => {
    repo = createScenarioRepo('impact', 'keyof-registry');
    const impact = coldAndWarm(repo);
    expect(impact.changedSymbols.map((s) => [s.name, s.change, s.detail]).sort()).toEqual([
      ['OtherFn', 'shape-changed', 'type changed through `others`'],
      ['fns', 'body-changed', 'implementation changed through `median`'],
      ['labels', 'body-changed', undefined],
      ['median', 'body-changed', undefined],
      ['others', 'body-changed', undefined],
    ]);
  });

  test('a type built on another changed export of its file whose shape changed is changed through it, with its own users (TanStack/query 5199f0884c)', () => {
    repo = createScenarioRepo('impact', 'type-through-type');
    const impact = coldAndWarm(repo);
    expect(impact.changedSymbols.map((s) => [s.name, s.change, s.via]).sort()).toEqual([
      ['UndefinedInitialQueryOptions', 'shape-changed', 'UseQueryOptions'],
      ['UseQueryOptions', 'shape-changed', undefined],
      ['useQuery', 'shape-changed', 'UseQueryOptions'],
    ]);
    // Reached through a type alone, no changed code: their type changed, not their implementation.
    expect(symbol(impact, 'useQuery').detail).toBe('type changed through `UseQueryOptions`');
    const undefinedInitial = symbol(impact, 'UndefinedInitialQueryOptions');
    expect(uses(undefinedInitial.typeUsers)).toEqual(['src/queryOptions.ts:5']);
    expect(undefinedInitial.transitive.chains).toEqual([['src/basket.ts', 'src/queryOptions.ts', 'src/useQuery.ts']]);
    expect(uses(symbol(impact, 'UseQueryOptions').typeUsers)).toEqual(['src/direct.ts:3']);
  });
  test('a property assigned to an exported function after its declaration changes it, with its users (kysely 630ef7c497: `testSql.skip = function`)', () => {
    repo = createScenarioRepo('impact', 'expando-member');
    const impact = coldAndWarm(repo);
    expect(impact.changedSymbols.map((s) => [s.name, s.change, s.via])).toEqual([['testSql', 'body-changed', undefined]]);
    expect(uses(symbol(impact, 'testSql').valueUsers)).toEqual(['src/where.test.ts:4']);
  });
});

describe('a class passed along is no route', () => {
  test('`instanceof`, an argument or a type holds a class without running it; `new`, a member read and a callback carry the change', () => {
    repo = createScenarioRepo('impact', 'pass-along');
    const impact = coldAndWarm(repo);
    // mobx's `isObservableMap = createInstanceofPredicate("ObservableMap", ObservableMap)` was
    // "implementation changed through `ObservableMap`" when the class gained `getOrInsert`.
    expect(impact.changedSymbols.map((s) => [s.name, s.change, s.via]).sort()).toEqual([
      ['ObservableMap', 'shape-changed', undefined],
      ['createMap', 'body-changed', 'ObservableMap'],
      ['makeRegistry', 'body-changed', 'Registry'],
      ['normalizeAll', 'body-changed', 'normalize'],
    ]);
    expect(uses(symbol(impact, 'createMap').valueUsers)).toEqual(['src/use.ts:3']);
  });
  test('a parameter typed as the class runs its methods: a change to the class reaches the function (hono 3098a3ab: `cloneRawRequest(req: HonoRequest)` calls `req.header()`)', () => {
    repo = createScenarioRepo('impact', 'parameter-type');
    const impact = coldAndWarm(repo);
    // The type predicate and the function type only hold the class: no route.
    expect(impact.changedSymbols.map((s) => [s.name, s.change, s.via]).sort()).toEqual([
      ['HonoRequest', 'body-changed', undefined],
      ['cloneRawRequest', 'body-changed', 'HonoRequest'],
    ]);
    expect(uses(symbol(impact, 'cloneRawRequest').valueUsers)).toEqual(['src/proxy.ts:3']);
  });
});

describe('routes through barrels and namespaces', () => {
  test('`export type { T } from` before `export { f } from` the same module: callers of f stay value users', () => {
    repo = createScenarioRepo('impact', 'type-value-pair');
    const inject = symbol(coldAndWarm(repo), 'injectMutation');
    expect(uses(inject.valueUsers)).toEqual(['src/caller.ts:3', 'src/value-import.ts:4']);
    expect(uses(inject.typeUsers)).toEqual(['src/typed.ts:3']);
  });

  test('`typeof ns.member` carries that member only; `require() as typeof S` binds like a require', () => {
    repo = createScenarioRepo('impact', 'namespace-member');
    const enhancer = symbol(coldAndWarm(repo), 'createReduxEnhancer');
    expect(uses(enhancer.valueUsers)).toEqual(['src/server.ts:6']);
    expect(uses(enhancer.typeUsers)).toEqual(['src/index.types.ts:3']);
    // other-server.ts reads only `Sentry.captureException`: `typeof S` types the variable the
    // require initializes, whose reads are traced (it held the module whole before round 35).
    expect(uses(enhancer.wholeModuleUsers)).toEqual([]);
    // app.ts imports only `captureException`, declared from `clientSdk.captureException`: not reached.
    const further = enhancer.dependents.filter((d) => d.depth > 1).map((d) => d.path);
    expect(further).toEqual(['src/boot.ts', 'src/store.ts', 'src/whole.ts']);
  });

  test('`z.core.Codec` of a nested namespace (`export * as core`) reads Codec only, not every export of core (zod)', () => {
    repo = createScenarioRepo('impact', 'nested-namespace');
    const impact = coldAndWarm(repo);
    const check = symbol(impact, 'isValidIPv6');
    // codec.test.ts reads `z.core.Codec` only: no user of isValidIPv6, as a value or in types.
    expect(uses(check.valueUsers)).toEqual(['src/tests/ip.test.ts:3', 'src/tests/regexes.test.ts:4']);
    expect(uses(check.typeUsers)).toEqual([]);
  });

  test('`import * as Schema` + `export default Schema` (or `export { Schema }`) passes the namespace on: `Schema.Build` of its importers uses Build (typebox)', () => {
    repo = createScenarioRepo('impact', 'namespace-default');
    const impact = coldAndWarm(repo);
    // A namespace inside the one passed on: `System.Settings.Set(1)` is no user of `Get`.
    expect(uses(symbol(impact, 'Get').valueUsers)).toEqual(['test/get.test.ts:3']);
    const build = symbol(impact, 'Build');
    // other.test.ts reads only `Schema.Other`.
    expect(uses(build.valueUsers)).toEqual([
      'test/default.test.ts:3',
      'test/direct.test.ts:3',
      'test/named-default.test.ts:3',
      'test/named.test.ts:3',
    ]);
    expect(build.wholeModuleUsers).toEqual([]);
  });
});

describe('routes through a user', () => {
  test('names bound by destructuring carry the change on: `const { render: baseRender } = createRenderer()` then `export const render = baseRender` (vue runtime-test), and `export const { a } = …`', () => {
    repo = createScenarioRepo('impact', 'destructured-binding');
    const root = symbol(coldAndWarm(repo), 'renderComponentRoot');
    expect(uses(root.valueUsers)).toEqual(['src/renderer.ts:5']);
    expect(root.dependents.map((d) => [d.path, d.depth])).toEqual([
      ['src/renderer.ts', 1],
      ['src/runtime-test.ts', 2],
      ['test/app.spec.ts', 3],
      ['test/render.spec.ts', 3],
    ]);
  });
  test('`export default <expression>` carries what it uses to the files importing the default (hono benchmarks), and changes through a declaration of its file', () => {
    repo = createScenarioRepo('impact', 'default-expression');
    const impact = coldAndWarm(repo);
    expect(symbol(impact, 'getQueryParam').dependents.map((d) => [d.path, d.depth])).toEqual([
      ['src/hono.mts', 1],
      ['src/bench.mts', 2],
    ]);
    const config = impact.changedSymbols.find((s) => s.path === 'src/config.ts');
    expect([config?.name, config?.change, config?.via, config?.isDefault]).toEqual(['default', 'body-changed', 'base', true]);
    expect(uses(config!.valueUsers)).toEqual(['src/app.ts:3']);
  });
  test('`const { init } = await import(…)` at the top level binds `init` for the statements after it (sentry elysia tests)', () => {
    repo = createScenarioRepo('impact', 'top-level-dynamic-import');
    const init = symbol(coldAndWarm(repo), 'init');
    expect(init.dependents.map((d) => [d.path, d.depth])).toEqual([
      ['src/sdk.ts', 1],
      ['test/sdk.test.ts', 2],
    ]);
  });
  test('`import(…).then(({ a }) => …)` and `.then((m) => m.a)` use `a` only (TanStack/query angular devtools example)', () => {
    repo = createScenarioRepo('impact', 'dynamic-import-then');
    const setup = symbol(coldAndWarm(repo), 'setupStyleSheet');
    expect(setup.dependents.map((d) => [d.path, d.depth])).toEqual([
      ['src/devtools-panel.ts', 1],
      ['examples/lazy-load.component.ts', 2],
      ['examples/namespace.ts', 2],
    ]);
    expect(setup.wholeModuleUsers).toEqual([]);
  });
});

describe('modules held whole', () => {
  test('a file holding a barrel whole is listed apart for every changed name that reaches it, a user of the name it reads', () => {
    repo = createScenarioRepo('impact', 'whole-holders');
    const impact = coldAndWarm(repo);
    const [alpha, beta] = [symbol(impact, 'alpha'), symbol(impact, 'beta')];
    expect(uses(alpha.valueUsers)).toEqual([]);
    expect(uses(alpha.wholeModuleUsers)).toEqual(['src/page-one.ts:3', 'src/page-two.ts:4']);
    expect(uses(beta.valueUsers)).toEqual(['src/page-two.ts:4']);
    expect(uses(beta.wholeModuleUsers)).toEqual(['src/page-one.ts:3']);
    // What a holder leads to is not followed into the counts; its exports that do not hold the module are not reached.
    expect([alpha.transitive.count, beta.transitive.count]).toEqual([0, 0]);
    expect(impact.dependents.map((d) => d.path)).toEqual(['src/page-two.ts']);
  });
});

describe('routes kept from the last run', () => {
  const keptNames = (stderr: string): number => Number(/routes of (\d+) names kept/.exec(stderr)?.[1] ?? -1);
  /** The warm run's report after an edit, which must be the cold one's (the cache removed). */
  const warmIsCold = (): ImpactReport => {
    const warm = runUnchanged(repo, ['impact', '--json', '--debug']);
    expect(keptNames(warm.stderr)).toBeGreaterThanOrEqual(0);
    const { stats: _warmStats, ...afterEdit } = JSON.parse(warm.stdout) as ImpactReport;
    rmSync(join(repo.dir, '.git', 'selfreview'), { recursive: true, force: true });
    const { stats: _coldStats, ...cold } = impactOf(repo);
    expect(afterEdit).toEqual(cold);
    return cold as ImpactReport;
  };

  test('a warm run reads them; after an importer changes, the answer is the cold one', () => {
    repo = createScenarioRepo('impact', 'whole-holders');
    const cold = coldAndWarm(repo);
    const again = runUnchanged(repo, ['impact', '--json', '--debug']);
    expect(keptNames(again.stderr)).toBeGreaterThan(0);
    expect(JSON.parse(again.stdout).changedSymbols).toEqual(cold.changedSymbols);
    // page-two stops reading beta; titled.ts starts using alpha through the barrel; reader.ts
    // re-exports what it reads: each changes the routes of a file the last run kept.
    repo.stage({
      'src/page-two.ts': "import * as Lib from './index';\n\nexport function run(): number {\n  return 2;\n}\nexport const keep = Lib;\n",
      'src/titled.ts':
        "import { alpha } from './index';\nimport { title } from './page-one';\n\nexport const heading = title.toUpperCase() + alpha();\n",
      'src/reader.ts': "import { alpha } from './core';\n\nexport const read = () => alpha();\n",
    });
    const coldAfterEdit = warmIsCold();
    expect(uses(symbol(coldAfterEdit, 'alpha').valueUsers)).toEqual(['src/reader.ts:3', 'src/titled.ts:4']);
    expect(uses(symbol(coldAfterEdit, 'beta').valueUsers)).toEqual([]);
  });

  test('a specifier of an unchanged file that leads elsewhere now (the barrel moved to a folder) is followed anew: the cold answer', () => {
    repo = createScenarioRepo('impact', 'whole-holders');
    coldAndWarm(repo);
    // page-one and page-two keep their text; their './index' now reaches src/index/index.ts.
    repo.git(['rm', '-q', '--cached', 'src/index.ts']);
    rmSync(join(repo.dir, 'src', 'index.ts'));
    repo.stage({ 'src/index/index.ts': "export { alpha } from '../core';\n" });
    // beta is no longer passed on: page-two's `Lib.beta()` reads nothing of core now.
    expect(uses(symbol(warmIsCold(), 'beta').valueUsers)).toEqual([]);
  });
});

describe('CommonJS objects built member by member', () => {
  test('`req.m = function`, `defineGetter(req, …)` and `router.get(…)` after the object is made are part of it: a member change reaches its requirers (express)', () => {
    repo = createScenarioRepo('impact', 'commonjs-members');
    const impact = coldAndWarm(repo);
    // express 6cd404eb changed `req.acceptsCharsets` in lib/request.js: "0 changed exports", and
    // the unit question was "What does the change to lib/request.js do?".
    expect(impact.changedSymbols.map((s) => [s.path, s.name, s.change])).toEqual([
      ['lib/application.js', 'export=', 'body-changed'],
      ['lib/reply.js', 'export=', 'body-changed'],
      ['lib/request.js', 'export=', 'body-changed'],
      ['lib/routes.js', 'export=', 'body-changed'],
      ['lib/validation.js', 'validate', 'body-changed'],
    ]);
    const req = impact.changedSymbols.find((s) => s.path === 'lib/request.js')!;
    // Passed on whole (`Object.create(req)`, `exports.request = req`) or read through a member.
    // express.js's first use is line 9: `handle(req, res)` declares a `req` of its own (line 6 reads that one).
    expect(uses(req.valueUsers)).toEqual(['lib/charset.js:6', 'lib/express.js:9']);
    expect(req.wholeModuleUsers).toEqual([]);
    // A route added by `router.get('/charset', …)` is part of the router its file exports.
    expect(uses(impact.changedSymbols.find((s) => s.path === 'lib/routes.js')!.valueUsers)).toEqual(['lib/app.js:5']);
    // fastify eaff726a6 added a getter by `Object.defineProperties(Reply.prototype, {…})`.
    expect(uses(impact.changedSymbols.find((s) => s.path === 'lib/reply.js')!.valueUsers)).toEqual(['lib/server.js:6']);
    // fastify 9493c0fb7 changed a helper behind `module.exports = { …, validate }`: each property
    // is an export of its own, so `validate` is reported and schemas.js (reads `compile`) is not.
    const validate = impact.changedSymbols.find((s) => s.path === 'lib/validation.js')!;
    expect(validate.via).toBe('validateParam');
    expect(uses(validate.valueUsers)).toEqual(['lib/handle.js:6']);
    // express's `var app = exports = module.exports = {}`, then `app.set = function …`.
    expect(uses(impact.changedSymbols.find((s) => s.path === 'lib/application.js')!.valueUsers)).toEqual(['lib/create.js:6']);
  });
});

describe('a JavaScript package with its own declaration file (pino)', () => {
  test('`module.exports.multistream = require(…)` passes the module on, a JavaScript importer runs pino.js and not pino.d.ts, a declaration file changes types', () => {
    repo = createScenarioRepo('impact', 'commonjs-declared');
    const impact = coldAndWarm(repo);
    // pino b394c2c1 changed lib/multistream.js and pino.d.ts: "0 value users, 1 more hold the
    // whole module" (pino.js, which only passes it on), and pino.d.ts's "implementation changed"
    // with the JavaScript tests as its users.
    expect(impact.changedSymbols.map((s) => [s.path, s.name, s.change])).toEqual([
      ['lib/multistream.js', 'export=', 'body-changed'],
      ['pino.d.ts', 'export=', 'shape-changed'],
    ]);
    const multistream = impact.changedSymbols[0]!;
    // Read through pino.js's `multistream`; basic.test.js requires pino.js and never reads it.
    expect(uses(multistream.valueUsers)).toEqual(['test/multistream.test.js:6']);
    expect(multistream.wholeModuleUsers).toEqual([]);
    // The declaration file is what the TypeScript importer reads; the JavaScript tests run pino.js.
    const declared = impact.changedSymbols[1]!;
    expect(uses([...declared.valueUsers, ...declared.typeUsers])).toEqual(['test/types.ts:3']);
  });
});

describe('a JavaScript file with a declaration file beside it', () => {
  test('a TypeScript importer reads pino.d.ts and runs pino.js: its uses as values are users of what pino.js changed, its uses in types are not (issue 23)', () => {
    repo = createScenarioRepo('impact', 'declared-runtime');
    const impact = coldAndWarm(repo);
    const byName = (path: string, name: string) => impact.changedSymbols.find((s) => s.path === path && s.name === name)!;
    // pino's type tests import `../../pino.js`, which TypeScript reads as pino.d.ts; `import x =
    // require('../pino')` in a .cts, and `import { multistream }` through pino.js's
    // `module.exports.multistream = require('./lib/multistream')`.
    const pino = byName('pino.js', 'export=');
    expect(uses(pino.valueUsers)).toEqual([
      'test/basic.test.js:5',
      'test/import.test.cts:3',
      'test/named.test.ts:3',
      'test/pino.test.ts:4',
    ]);
    // type-only.ts and types.ts read only the declarations.
    expect(pino.typeUsers).toEqual([]);
    expect(pino.transitive.chains).toEqual([['test/child.ts', 'test/pino.test.ts', 'pino.js']]);
    const multistream = byName('lib/multistream.js', 'export=');
    expect(uses(multistream.valueUsers)).toEqual(['test/import.test.cts:3', 'test/named.test.ts:3']);
    expect(multistream.typeUsers).toEqual([]);
    // `const { codeOf, ...codes } = require('./errors')` reads `codeOf` by name; the rest holds
    // the module whole (fastify.js's `...errorCodes`): lib/options.js was only "holding the whole module".
    const codeOf = byName('lib/errors.js', 'codeOf');
    expect(uses(codeOf.valueUsers)).toEqual(['lib/options.js:6']);
    expect(codeOf.wholeModuleUsers).toEqual([]);
    // Further away: pino.js holds lib/errors.js whole (`module.exports.errors = errors`) and reads
    // `codeOf` through lib/options.js: the TypeScript files that run pino.js are reached by name
    // after the whole module (fastify bd3e246de had lost 17 of them).
    expect(codeOf.dependents.filter((d) => d.depth === 3).map((d) => [d.path, d.chain.slice(1)])).toEqual(
      ['test/basic.test.js', 'test/import.test.cts', 'test/named.test.ts', 'test/pino.test.ts'].map((path) => [
        path,
        ['pino.js', 'lib/options.js', 'lib/errors.js'],
      ]),
    );
  });
});

describe('an import that takes its name from elsewhere', () => {
  test('a package replaced by a file the change adds changes what uses it; an import moved to the file a barrel re-exports from, or given an extension, does not', () => {
    repo = createScenarioRepo('impact', 'rebound-import');
    const impact = coldAndWarm(repo);
    // socket.io 6bb2e7f5 ("internalize base64id dependency"): socket.ts's import line alone
    // changed, and the report said "0 dependent files".
    expect(impact.changedSymbols.map((s) => [s.path, s.name, s.change, s.via])).toEqual([
      ['src/contrib/base64id.ts', 'base64id', 'added', undefined],
      ['src/socket.ts', 'Socket', 'body-changed', 'base64id'],
    ]);
    expect(uses(impact.changedSymbols[1]!.valueUsers)).toEqual(['src/app.ts:3']);
  });
});

describe('imports inside `declare module` blocks', () => {
  test('a declaration file augmenting another module with `import type { T } from` in the block uses T there; `export { T } from` in the block passes nothing on (typescript-eslint 4d296834da)', () => {
    repo = createScenarioRepo('impact', 'ambient-module-import');
    const impact = coldAndWarm(repo);
    const ruleModule = symbol(impact, 'RuleModule');
    expect(uses(ruleModule.typeUsers)).toEqual(['packages/plugin/typings/eslint.d.ts:4']);
    expect(ruleModule.valueUsers).toEqual([]);
    const createRule = symbol(impact, 'createRule');
    expect(uses(createRule.valueUsers)).toEqual(['packages/plugin/src/index.ts:3']);
    expect(uses(createRule.typeUsers)).toEqual(['packages/plugin/typings/rules.d.ts:5']);
    // eslint.d.ts only re-exports SourceCode into the augmented module: no use.
    expect(uses(symbol(impact, 'SourceCode').typeUsers)).toEqual(['packages/plugin/typings/rules.d.ts:12']);
  });
});

describe('a name typed `typeof ns`', () => {
  test('a prop or variable typed `typeof ns` reads the members it is destructured or read through, and `v = await import()` binds v (excalidraw e33a1c0e85, typescript-eslint 94c505833f)', () => {
    repo = createScenarioRepo('impact', 'typeof-namespace-alias');
    const impact = coldAndWarm(repo);
    const canvas = symbol(impact, 'exportToCanvas');
    expect(uses([...canvas.valueUsers, ...canvas.typeUsers])).toEqual(['examples/App.tsx:9']);
    // whole.ts names `typeof TLib` in a type no name holds: the whole module still.
    expect(uses(canvas.wholeModuleUsers)).toEqual(['test/whole.ts:3']);
    // App (the default export) reads exportToCanvas: index.tsx, which calls it, is reached through it.
    expect(canvas.dependents.filter((d) => d.depth === 2).map((d) => d.path)).toEqual(['examples/index.tsx']);
    // index.tsx reads only `exportToSvg` through `window.Lib`; the test only `parser.parse`.
    const parse = symbol(impact, 'parse');
    expect(uses([...parse.valueUsers, ...parse.typeUsers])).toEqual(['test/parser.test.ts:11']);
    expect(parse.dependents.map((d) => d.path)).toEqual(['test/parser.test.ts']);
  });
});

describe('a name typed `typeof X` of an import that is no namespace', () => {
  test("the import is used there, in a type, in a file TypeScript reads as in one read without it (keyv 6c3303a81b: core/test-suite's `Keyv: typeof KeyvModule` beside `typeof Vitest`)", () => {
    repo = createScenarioRepo('impact', 'typeof-class-alias');
    const impact = coldAndWarm(repo);
    // `export class Keyv` and `export default Keyv`: each export with the files importing it by that name.
    const keyv = impact.changedSymbols.find((s) => s.name === 'Keyv' && s.isDefault !== true)!;
    expect(uses(keyv.typeUsers)).toEqual(['test/named.ts:3']);
    const def = impact.changedSymbols.find((s) => s.name === 'Keyv' && s.isDefault === true)!;
    expect(uses(def.typeUsers)).toEqual(['test/light.ts:3', 'test/suite.ts:4']);
    expect(uses([...keyv.valueUsers, ...def.valueUsers])).toEqual([]);
  });
});

describe('a namespace cast `as typeof ns`', () => {
  test('a variable initialized with a value cast `as typeof ns` (or `<typeof ns>`) handed on whole reads the members the file destructures (lit render-lit_test.ts, 4824c4ce09 and 6c174c8d0e)', () => {
    repo = createScenarioRepo('impact', 'typeof-namespace-cast');
    const impact = coldAndWarm(repo);
    const escape = symbol(impact, 'escapeText');
    expect(uses(escape.valueUsers)).toEqual(['src/templates.ts:3']);
    // render-text's setup() returns `{ ...namespace, render }`; its test destructures templateWithText.
    expect(escape.dependents.filter((d) => d.depth === 2).map((d) => d.path)).toContain('test/render-text.test.ts');
    expect(escape.dependents.map((d) => d.path)).not.toContain('test/render-number.test.ts');
    // render-number destructures templateWithNumber only; neither file holds the module whole.
    expect(escape.wholeModuleUsers).toEqual([]);
  });

  test('a cast `as typeof ns` that initializes no variable reads the member read on it, or, handed on whole, the members the file reads by name; an object returned whole is read by `obj.member` too (the classes left open in round 35)', () => {
    repo = createScenarioRepo('impact', 'typeof-namespace-cast');
    const impact = coldAndWarm(repo);
    const escape = symbol(impact, 'escapeText');
    // The language service's references of templateWithText: render-text (destructured), render-in-place
    // (`withRender({ ...(x as typeof ns) })` then `page.templateWithText`), render-read (`lib.templateWithText`
    // of what setup() returns). render-member reads `(x as typeof ns).templateWithNumber` only.
    expect(escape.dependents.filter((d) => d.depth === 2).map((d) => d.path)).toEqual([
      'test/render-in-place.test.ts',
      'test/render-read.test.ts',
      'test/render-text.test.ts',
    ]);
    expect(escape.wholeModuleUsers).toEqual([]);
  });
});

describe('a package subpath whose types and runtime are two sources', () => {
  test('an importer resolved to the types source runs the runtime source: what that passes on reaches its uses as values (sentry ad870cf18d, `@sentry/solidstart/solidrouter`)', () => {
    repo = createScenarioRepo('impact', 'package-types-source');
    const routing = symbol(coldAndWarm(repo), 'withRouterRouting');
    expect(routing.path).toBe('packages/solid/src/solidrouter.ts');
    expect(uses(routing.valueUsers)).toEqual(['apps/start/src/app.tsx:3']);
    // types.ts only names the declaration of the types source: no user of the runtime's body.
    expect(routing.typeUsers).toEqual([]);
    expect(routing.dependents.map((d) => d.path)).toEqual(['apps/start/src/app.tsx']);
  });
});

describe('a changed file re-exporting a user of its change', () => {
  test("an index that declares the changed function and re-exports the file calling it passes that file's export on to its importers (lexical 29d4007d43: `registerRichText` in `@lexical/rich-text`'s index, `RichTextExtension` re-exported there)", () => {
    repo = createScenarioRepo('impact', 'index-reexports-user');
    const register = symbol(coldAndWarm(repo), 'register');
    expect(uses(register.valueUsers)).toEqual(['app/other.ts:3', 'src/extension.ts:4']);
    expect(register.dependents.map((d) => [d.path, d.depth])).toEqual([
      ['app/other.ts', 1],
      ['src/extension.ts', 1],
      ['app/main.ts', 2],
    ]);
  });
});

describe('a type naming a class of its file', () => {
  test('a class whose shape changed changes the types naming it, with their own users; code only holding it (`instanceof`) does not change (playwright 1604a2e255: `LocatorOptions.has?: Locator`)', () => {
    repo = createScenarioRepo('impact', 'class-shape-type');
    const impact = coldAndWarm(repo);
    expect(impact.changedSymbols.map((s) => [s.name, s.change, s.via])).toEqual([
      ['LocatorOptions', 'shape-changed', 'Locator'],
      ['Locator', 'shape-changed', undefined],
    ]);
    expect(uses(symbol(impact, 'LocatorOptions').typeUsers)).toEqual(['src/page.ts:3']);
  });
});

describe('a module augmentation', () => {
  test("`declare module 'x' { … }` in a module reads x's exports by name, in types: its users and the files further through them (tiptap 51f45b6b31); a name of the file's own scope is not x's", () => {
    repo = createScenarioRepo('impact', 'module-augmentation');
    const impact = coldAndWarm(repo);
    const editor = symbol(impact, 'Editor');
    // commands.ts imports nothing of @kit/core: its block reads `Editor` there; local.ts declares its own.
    expect(uses(editor.typeUsers)).toEqual(['packages/core/src/node.ts:4', 'packages/table/src/commands.ts:5']);
    expect(editor.valueUsers).toEqual([]);
    // types.ts reads `NodeConfig` (in the block, merged with node.ts's), which names `Editor`.
    expect(editor.dependents.filter((d) => d.depth === 2).map((d) => d.path)).toEqual(['packages/table/src/types.ts']);
  });
});

describe('an import type', () => {
  test("`import('x').Name` in a type, and in a JavaScript file's JSDoc, uses Name; the declaration holding it carries the change on; a comment of a TypeScript file is no use (lit 4824c4ce09)", () => {
    repo = createScenarioRepo('impact', 'import-types');
    const impact = coldAndWarm(repo);
    const config = symbol(impact, 'Config');
    expect(uses(config.typeUsers)).toEqual(['src/plugin.js:1', 'src/types.ts:1']);
    expect(config.valueUsers).toEqual([]);
    expect(config.dependents.filter((d) => d.depth === 2).map((d) => d.path)).toEqual(['src/server.ts']);
  });
});

// `typeof ns` of a namespace import inside a type alias (issue 23, known open since round 40):
// `type Lib = typeof TLib` names the namespace's type, so `lib: Lib` reads the members `lib` reads,
// and `typeof TLib['a']` or `Lib['a']` names `a` alone. Neither holds the whole module.

describe('a type alias of a namespace', () => {
  test('`type Lib = typeof TLib` then `lib: Lib` reads what `lib` reads: `lib.parse()` is a use of `parse`, carried on by the function holding it', () => {
    repo = createScenarioRepo('impact', 'typeof-type-alias');
    const impact = coldAndWarm(repo);
    const parse = symbol(impact, 'parse');
    expect(uses([...parse.valueUsers, ...parse.typeUsers])).toEqual(['test/aliased.ts:6']);
    expect(parse.dependents.filter((d) => d.depth === 2).map((d) => d.path)).toEqual(['examples/run.ts']);
    expect(parse.wholeModuleUsers).toEqual([]);
  });

  test("`typeof TLib['exportToSvg']` and `Lib['exportToCanvas']` name that member alone: no file holds the whole module", () => {
    repo = createScenarioRepo('impact', 'typeof-type-alias');
    const impact = coldAndWarm(repo);
    const canvas = symbol(impact, 'exportToCanvas');
    expect(uses([...canvas.valueUsers, ...canvas.typeUsers])).toEqual(['test/alias-indexed.ts:5']);
    expect(canvas.wholeModuleUsers).toEqual([]);
    // indexed.ts names exportToSvg only, which did not change.
    expect(impact.changedSymbols.flatMap((s) => s.dependents.map((d) => d.path))).not.toContain('test/indexed.ts');
  });
});

// milkdown 71c0ce53b6 moved `mathInlineId` into a new `latex/constants.ts` and kept it in
// `inline-latex.ts` as `import { mathInlineId } from './constants'; export { mathInlineId }`:
// read "signature changed  const mathInlineId: string → mathInlineId (binding)", a reshaped export.

describe('an export whose declaration moved to another staged file and is re-exported from there', () => {
  test('with the same shape it is no reshape (its users still listed); with another, the detail shows the shape it has now', () => {
    repo = createScenarioRepo('impact', 'moved-declaration');
    const impact = coldAndWarm(repo);
    const inline = (name: string) => impact.changedSymbols.find((s) => s.path === 'src/inline.ts' && s.name === name)!;
    expect(inline('mathInlineId').change).toBe('body-changed');
    expect(uses(inline('mathInlineId').valueUsers)).toEqual(['app/use.ts:3']);
    expect(inline('limit').change).toBe('shape-changed');
    expect(inline('limit').detail).toMatch(/number → .*string/);
    expect(impact.changedSymbols.some((s) => s.name === 'render')).toBe(false);
  });
});
