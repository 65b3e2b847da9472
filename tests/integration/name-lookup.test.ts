import { afterEach, expect, test } from '@jest/globals';
import { createNameLookup } from '../../src/adapters/git/lookup-name-sync.js';
import { readPlatformNames } from '../../src/adapters/typescript/read-platform-names.js';
import { readNamesIndexSync } from '../../src/adapters/git/names-index.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// Names an answer uses are looked up in the index, then in the declarations of the installed
// dependencies. A checkout without node_modules (a CI job that did not install) cannot tell a
// dependency's name from an invented one: it must not refuse what the hook, installed, accepted.

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

const noPlatform = () => new Set<string>();

test('a name found in the index or an installed dependency exists; an invented one does not', () => {
  repo = createTempRepo({
    'package.json': JSON.stringify({ name: 'app', dependencies: { 'left-pad': '1.0.0' } }),
    'src/a.ts': 'export const formatPrice = (cents: number) => String(cents);\n',
    '.gitignore': 'node_modules\n',
  });
  repo.write({ 'node_modules/left-pad/index.d.ts': 'export declare function leftPadString(s: string): string;\n' });
  const exists = createNameLookup(repo.dir, { kind: 'index' }, noPlatform);
  expect(exists('formatPrice', 'identifier')).toBe(true);
  expect(exists('leftPadString', 'identifier')).toBe(true);
  expect(exists('useQueryObserverResult', 'identifier')).toBe(false);
});

// growthbook d3bfc678de's real explanation names Next's `images.maximumDiskCacheSize`: `next` is a
// dependency of packages/front-end/package.json, not of the root's, and the hook refused the name
// though Next was installed. A workspace package the change touches lends its dependencies' names.
test('a dependency of the workspace package holding the change is looked in, installed beside it or hoisted', () => {
  repo = createTempRepo({
    'package.json': JSON.stringify({ name: 'app', private: true, workspaces: ['packages/*'] }),
    'packages/front-end/package.json': JSON.stringify({
      name: 'front-end',
      dependencies: { next: '15.0.0', react: '19.0.0', 'left-pad': '1.0.0' },
    }),
    'packages/front-end/next.config.js': 'module.exports = { images: { unoptimized: true } };\n',
    'packages/back-end/src/a.ts': 'export const formatPrice = (cents: number) => String(cents);\n',
    '.gitignore': 'node_modules\n',
  });
  repo.write({
    'packages/front-end/node_modules/next/dist/shared/lib/image-config.d.ts':
      'export type ImageConfig = { maximumDiskCacheSize?: number };\n',
    'node_modules/react/index.d.ts': 'export declare function useOptimisticState(): void;\n',
  });
  const touching = (paths: string[]) => createNameLookup(repo!.dir, { kind: 'index' }, noPlatform, undefined, paths);
  const exists = touching(['packages/front-end/next.config.js']);
  expect(exists('maximumDiskCacheSize', 'identifier')).toBe(true);
  expect(exists('useOptimisticState', 'identifier')).toBe(true);
  expect(exists('maximumDiskCacheSeconds', 'identifier')).toBe(false);
  // A dependency of the package not installed lends nothing and does not make every name doubtful.
  expect(touching(['packages/front-end/next.config.js'])('leftPadString', 'identifier')).toBe(false);
  // A change of another package does not read the front-end's dependencies.
  expect(touching(['packages/back-end/src/a.ts'])('maximumDiskCacheSize', 'identifier')).toBe(false);
  // The names index reads them the same way.
  const index = readNamesIndexSync(repo.dir, { kind: 'index' }, ['packages/front-end/next.config.js']);
  expect(index.dependencyNames !== 'incomplete' && index.dependencyNames.has('maximumdiskcachesize')).toBe(true);
});

test('with a declared dependency not installed, CI does not call an unfound name invented; the hook does', () => {
  repo = createTempRepo({
    'package.json': JSON.stringify({ name: 'app', dependencies: { 'left-pad': '1.0.0' } }),
    'src/a.ts': 'export const formatPrice = (cents: number) => String(cents);\n',
  });
  const inCi = createNameLookup(repo.dir, { kind: 'tree', rev: 'HEAD' }, noPlatform);
  expect(inCi('formatPrice', 'identifier')).toBe(true);
  expect(inCi('leftPadString', 'identifier')).toBe(true);
  // The hook on a checkout without node_modules (found on typeorm: `useQueryClient` was accepted).
  const inHook = createNameLookup(repo.dir, { kind: 'index' }, noPlatform);
  expect(inHook('formatPrice', 'identifier')).toBe(true);
  expect(inHook('useQueryClient', 'identifier')).toBe(false);
});

test("a file's or folder's name is a name of the repository, in the index or a tree, with or without the names index", () => {
  repo = createTempRepo({
    'src/a.ts': 'export const formatPrice = (cents: number) => String(cents);\n',
    'tests/middlewareTypes.test.tsx': 'it("types", () => {});\n',
    'packages/queryCore/index.ts': 'export {};\n',
  });
  const index = {
    names: new Set<string>(),
    paths: repo.git(['ls-files']).trim().toLowerCase().split('\n'),
    dependencyNames: new Set<string>(),
  };
  for (const lookup of [
    createNameLookup(repo.dir, { kind: 'index' }, noPlatform),
    createNameLookup(repo.dir, { kind: 'tree', rev: 'HEAD' }, noPlatform),
    createNameLookup(repo.dir, { kind: 'index' }, noPlatform, () => index),
  ]) {
    expect(lookup('middlewareTypes', 'identifier')).toBe(true);
    expect(lookup('queryCore', 'identifier')).toBe(true);
    expect(lookup('persistAsync', 'identifier')).toBe(false);
  }
});

test("the environment's names (GitHub Actions' token and variables, Node's) are the platform's; an invented one is not", () => {
  // Flowise ddf1549389 added a workflow with `permissions: contents: read`; its author wrote
  // "Limit GITHUB_TOKEN to read-only access", a name no file of the repository holds.
  repo = createTempRepo({
    '.github/workflows/guard.yml': 'on: pull_request\npermissions:\n  contents: read\njobs:\n  check:\n    runs-on: ubuntu-latest\n',
    'src/a.ts': 'export const formatPrice = (cents: number) => String(cents);\n',
  });
  const exists = createNameLookup(repo.dir, { kind: 'index' }, readPlatformNames);
  expect(exists('GITHUB_TOKEN', 'identifier')).toBe(true);
  expect(exists('GITHUB_STEP_SUMMARY', 'identifier')).toBe(true);
  expect(exists('NODE_OPTIONS', 'identifier')).toBe(true);
  expect(exists('GITHUB_SECRET_KEYRING', 'identifier')).toBe(false);
  expect(createNameLookup(repo.dir, { kind: 'index' }, noPlatform)('GITHUB_TOKEN', 'identifier')).toBe(false);
});
