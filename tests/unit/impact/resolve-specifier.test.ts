import { describe, expect, test } from '@jest/globals';
import { createResolver, findTypesSources } from '../../../src/core/impact/resolve-specifier.js';

// Workspace packages resolve from the build output their package.json names back to source.

const files = new Set([
  'packages/core/src/index.ts',
  'packages/core/src/types/index.ts', // a trap: build/types/index.d.ts is built from src/index.ts
  'packages/core/src/browser.ts',
  'packages/core/browser.d.ts', // a committed shim that only re-exports build output
  'packages/ui/src/index.ts',
  'packages/start/src/index.ts',
  'packages/start/src/default-entry/server.ts',
  'apps/web/src/a.ts',
]);
const packages = [
  {
    dir: 'packages/core',
    name: '@x/core',
    types: 'build/types/index.d.ts',
    main: 'build/cjs/index.js',
    exports: {
      '.': { types: './build/types/index.d.ts', default: './build/esm/index.js' },
      './browser': { types: './build/types/browser.d.ts' },
      './package.json': './package.json',
    },
  },
  { dir: 'packages/ui', name: '@x/ui', main: 'build/npm/cjs/prod/index.js' },
  {
    dir: 'packages/start',
    name: '@x/start',
    exports: {
      '.': { import: { types: './dist/esm/index.d.ts', default: './dist/esm/index.js' } },
      './server-entry': { import: { types: './dist/default-entry/esm/server.d.ts', default: './dist/default-entry/esm/server.js' } },
    },
  },
];
const tsconfigs = [{ dir: 'packages/core', baseUrl: null, paths: [], outDirs: ['packages/core/build/types'], rootDir: null }];

describe('createResolver: workspace packages', () => {
  const resolve = createResolver(files, tsconfigs, packages);
  test('types and exports through the tsconfig outDir back to rootDir (src)', () => {
    expect(resolve('apps/web/src/a.ts', '@x/core')).toEqual({ path: 'packages/core/src/index.ts' });
    expect(resolve('apps/web/src/a.ts', '@x/core/browser')).toEqual({ path: 'packages/core/src/browser.ts' });
  });
  test('without a tsconfig, leading build folders are dropped', () => {
    expect(resolve('apps/web/src/a.ts', '@x/ui')).toEqual({ path: 'packages/ui/src/index.ts' });
  });
  test("and a build folder inside an entry's own folder (TanStack router's @tanstack/react-start/server-entry)", () => {
    expect(resolve('apps/web/src/a.ts', '@x/start/server-entry')).toEqual({ path: 'packages/start/src/default-entry/server.ts' });
    expect(resolve('apps/web/src/a.ts', '@x/start')).toEqual({ path: 'packages/start/src/index.ts' });
  });
  test('a missing subpath is unresolved; a JSON file of the package is not a module; others are external', () => {
    expect(resolve('apps/web/src/a.ts', '@x/core/nope')).toEqual({ unresolved: '@x/core/nope' });
    expect(resolve('apps/web/src/a.ts', '@x/core/package.json')).toEqual({ external: '@x/core/package.json' });
    expect(resolve('apps/web/src/a.ts', 'react')).toEqual({ external: 'react' });
  });
});

// mswjs/interceptors' tests import the package by its own name; its exports name a build per
// platform (lib/browser/…, lib/node/…) of src/ (tsconfig outDir lib, include src/**).
describe('createResolver: a package importing itself through per-platform build folders', () => {
  const own = new Set([
    'src/interceptors/WebSocket/index.ts',
    'src/interceptors/XMLHttpRequest/index.ts',
    'src/interceptors/fetch/node.ts',
    'src/interceptors/fetch/web.ts',
    'test/a.test.ts',
  ]);
  const resolve = createResolver(
    own,
    [{ dir: '', baseUrl: null, paths: [], outDirs: ['lib'], rootDir: null }],
    [
      {
        dir: '',
        name: '@mswjs/interceptors',
        exports: {
          './WebSocket': './lib/browser/interceptors/WebSocket/index.js',
          // Its tsup build (0.41): index.cjs and index.mjs, both from index.ts.
          './XMLHttpRequest': {
            require: './lib/browser/interceptors/XMLHttpRequest/index.cjs',
            import: './lib/browser/interceptors/XMLHttpRequest/index.mjs',
          },
          './fetch': { browser: './lib/browser/interceptors/fetch/web.js', default: './lib/node/interceptors/fetch/node.js' },
        },
      },
    ],
  );
  test('lib/browser/x.js and lib/node/x.js are built from src/x.ts', () => {
    expect(resolve('test/a.test.ts', '@mswjs/interceptors/WebSocket')).toEqual({ path: 'src/interceptors/WebSocket/index.ts' });
    expect(resolve('test/a.test.ts', '@mswjs/interceptors/fetch')).toEqual({ path: 'src/interceptors/fetch/node.ts' });
    expect(resolve('test/a.test.ts', '@mswjs/interceptors/XMLHttpRequest')).toEqual({ path: 'src/interceptors/XMLHttpRequest/index.ts' });
  });
});

describe('createResolver: a package whose entry is a bundle', () => {
  // vue's packages/vue/package.json: `exports['.'].import` is { types: ./dist/vue.d.mts, node:
  // ./index.mjs, default: ./dist/vue.runtime.esm-bundler.js }; index.mjs (tracked) only loads the
  // build. The bundle is built from src/index.ts, which no file of dist/ is named after.
  const vue = {
    dir: 'packages/vue',
    name: 'vue',
    main: 'index.js',
    module: 'dist/vue.runtime.esm-bundler.js',
    types: 'dist/vue.d.ts',
    exports: {
      '.': {
        import: { types: './dist/vue.d.mts', node: './index.mjs', default: './dist/vue.runtime.esm-bundler.js' },
        require: { types: './dist/vue.d.ts', default: './index.js' },
      },
      './server-renderer': { import: { types: './server-renderer/index.d.mts', default: './server-renderer/index.mjs' } },
    },
  };
  const tracked = new Set([
    'packages/vue/index.mjs',
    'packages/vue/index.js',
    'packages/vue/src/index.ts',
    'packages/vue/src/runtime.ts',
    'packages/vue/server-renderer/index.mjs',
    'packages-private/dts-test/tsx.test-d.tsx',
  ]);
  const resolve = createResolver(tracked, [], [vue]);
  test('the entry is src/index, not the tracked shim that loads the build; a subpath shim stays what it is', () => {
    expect(resolve('packages-private/dts-test/tsx.test-d.tsx', 'vue')).toEqual({ path: 'packages/vue/src/index.ts' });
    expect(resolve('packages-private/dts-test/tsx.test-d.tsx', 'vue/server-renderer')).toEqual({
      path: 'packages/vue/server-renderer/index.mjs',
    });
  });
});

describe('createResolver: a JavaScript file beside its declaration file (pino)', () => {
  const files = new Set(['pino.js', 'pino.d.ts', 'lib/tools.js', 'lib/tools.d.ts', 'types.d.ts', 'test/basic.test.js', 'test/types.ts']);
  const resolve = createResolver(files, [], [{ dir: '', name: 'pino', main: 'pino.js', types: 'pino.d.ts' }]);
  test('a JavaScript importer runs the JavaScript file; a TypeScript one reads the declarations', () => {
    expect(resolve('test/basic.test.js', '../pino')).toEqual({ path: 'pino.js' });
    expect(resolve('test/basic.test.js', '../lib/tools')).toEqual({ path: 'lib/tools.js' });
    expect(resolve('test/basic.test.js', 'pino')).toEqual({ path: 'pino.js' });
    expect(resolve('test/types.ts', '../pino')).toEqual({ path: 'pino.d.ts' });
    expect(resolve('test/types.ts', 'pino')).toEqual({ path: 'pino.d.ts' });
  });
  test('`./pino.js` written out is the declaration file for a TypeScript importer, as TypeScript reads it (pino test/types)', () => {
    expect(resolve('test/types.ts', '../pino.js')).toEqual({ path: 'pino.d.ts' });
    expect(resolve('test/basic.test.js', '../pino.js')).toEqual({ path: 'pino.js' });
  });
  test('a declaration file with no JavaScript beside it stays what a JavaScript importer gets', () => {
    expect(resolve('test/basic.test.js', '../types')).toEqual({ path: 'types.d.ts' });
  });
});

describe('createResolver: a hand-written declaration file named by its JavaScript name (execa types/)', () => {
  const files = new Set([
    'types/arguments/options.d.ts',
    'types/return/result.d.ts',
    'types/esm/index.d.mts',
    'types/esm/util.d.mts',
    'types/cjs/a.d.cts',
    'types/cjs/b.d.cts',
    'index.d.ts',
    'index.js',
  ]);
  const resolve = createResolver(files, [], []);
  test('`../arguments/options.js` is options.d.ts when no options.js exists, as TypeScript resolves it', () => {
    expect(resolve('types/return/result.d.ts', '../arguments/options.js')).toEqual({ path: 'types/arguments/options.d.ts' });
    expect(resolve('types/esm/index.d.mts', './util.mjs')).toEqual({ path: 'types/esm/util.d.mts' });
    expect(resolve('types/cjs/a.d.cts', './b.cjs')).toEqual({ path: 'types/cjs/b.d.cts' });
  });
  test('a JavaScript file of that name is still the one a JavaScript importer runs', () => {
    expect(resolve('types/return/result.d.ts', '../../index.js')).toEqual({ path: 'index.d.ts' });
  });
});

describe('createResolver: an alias of the enclosing project', () => {
  // vite 3ac77d9dd7: playground/tsconfig-json-load-error/tsconfig.json has no `paths`;
  // playground/tsconfig.json includes its files and maps `~utils`, which its serve.ts imports.
  const files = new Set(['playground/test-utils.ts', 'playground/load-error/__tests__/serve.ts', 'playground/a.ts']);
  const tsconfigs = [
    { dir: 'playground', baseUrl: null, paths: [['~utils', ['playground/test-utils.ts']]] as const },
    { dir: 'playground/load-error', baseUrl: null, paths: [] },
  ];
  const resolve = createResolver(files, tsconfigs, []);
  test("a specifier the folder's own tsconfig does not map resolves by the tsconfig above it", () => {
    expect(resolve('playground/load-error/__tests__/serve.ts', '~utils')).toEqual({ path: 'playground/test-utils.ts' });
    expect(resolve('playground/a.ts', '~utils')).toEqual({ path: 'playground/test-utils.ts' });
    expect(resolve('playground/load-error/__tests__/serve.ts', 'vitest')).toEqual({ external: 'vitest' });
  });
});

describe('findTypesSources: a subpath whose types and runtime are two sources', () => {
  // sentry's @sentry/solidstart/solidrouter: types built to the package root from src/solidrouter.ts,
  // the browser and node run src/solidrouter.client.ts and src/solidrouter.server.ts.
  const files = new Set([
    'packages/start/src/solidrouter.ts',
    'packages/start/src/solidrouter.client.ts',
    'packages/start/src/solidrouter.server.ts',
    'packages/start/src/index.ts',
    'packages/start/src/index.browser.ts',
  ]);
  const start = {
    dir: 'packages/start',
    name: '@x/start',
    exports: {
      // @sentry/opentelemetry: the browser build is another source, but the types' source runs too.
      '.': {
        browser: { types: './build/types/index.d.ts', default: './build/esm/index.browser.js' },
        types: './build/types/index.d.ts',
        default: './build/esm/index.js',
      },
      './solidrouter': {
        types: './solidrouter.d.ts',
        browser: { types: './solidrouter.d.ts', import: './build/esm/solidrouter.client.js' },
        node: { import: './build/esm/solidrouter.server.js' },
      },
    },
  };
  const configs = [
    { dir: 'packages/start', baseUrl: null, paths: [], outDirs: ['packages/start/build/types'], rootDir: null },
    { dir: 'packages/start', baseUrl: null, paths: [], outDirs: ['packages/start'], rootDir: null },
  ];

  test('each runtime source maps to a types source that never runs; a types source that also runs maps nothing', () => {
    expect([...findTypesSources(files, configs, [start])]).toEqual([
      ['packages/start/src/solidrouter.client.ts', 'packages/start/src/solidrouter.ts'],
      ['packages/start/src/solidrouter.server.ts', 'packages/start/src/solidrouter.ts'],
    ]);
    // importers resolve to the types source, as TypeScript does
    expect(createResolver(files, configs, [start])('apps/a.ts', '@x/start/solidrouter')).toEqual({
      path: 'packages/start/src/solidrouter.ts',
    });
  });
});
