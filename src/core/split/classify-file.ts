import { isModulePath } from '../impact/module-path.js';

// What part a changed file plays, by its path: dependency manifests, configuration, docs and
// tests are grouped apart from the code they do not change (a reviewer reads them differently).

export type FileRole = 'dependency' | 'config' | 'docs' | 'test' | 'source' | 'other';

const DOC_EXT = /\.(?:md|mdx|markdown|rst|adoc|txt)$/i;
const DOC_NAME = /^(?:readme|changelog|changes|license|licence|contributing|authors|notice|security|code_of_conduct)(?:\.|$)/i;
const CONFIG_NAME = new Set([
  'tsconfig.json',
  'jsconfig.json',
  '.editorconfig',
  '.gitignore',
  '.gitattributes',
  '.npmignore',
  '.npmrc',
  '.nvmrc',
  '.node-version',
  '.prettierignore',
  '.eslintignore',
  '.babelrc',
  '.browserslistrc',
  'turbo.json',
  'nx.json',
  'lerna.json',
  'pnpm-workspace.yaml',
  'renovate.json',
  '.yarnrc',
  '.yarnrc.yml',
  'biome.json',
  'biome.jsonc',
  'Makefile',
  '.dockerignore',
  'vercel.json',
  'netlify.toml',
  'codecov.yml',
  '.gitlab-ci.yml',
  'rush.json',
  'deno.json',
  'deno.jsonc',
]);
// Tool configuration files: `vite.config.ts`, `.eslintrc.cjs`, `jest.config.mjs`, `tsconfig.build.json`.
const CONFIG_PATTERN =
  /^(?:[\w.-]+\.config\.[cm]?[jt]s|\.[\w-]+rc(?:\.[\w]+)?|tsconfig\.[\w.-]+\.json|Dockerfile[\w.-]*|docker-compose[\w.-]*\.ya?ml)$/;
const CONFIG_FOLDER = /^(?:\.github|\.circleci|\.husky|\.vscode|\.devcontainer|\.buildkite)\//;
const TEST_NAME = /\.(?:test|spec|e2e|bench)(?:-d)?\.[cm]?[jt]sx?$|(?:^|\/)test_[^/]*\.py$|_test\.(?:go|py)$|(?:^|\/)tests?\.rs$/;
const TEST_FOLDER = /(?:^|\/)(?:__tests__|__mocks__|tests?|spec|e2e|__fixtures__|fixtures|test-utils)\//;
const DOC_FOLDER = /^(?:docs?|documentation|website\/docs)\//;

export function classifyFile(path: string, excluded: string | null): FileRole {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name === 'package.json' || excluded === 'lock file') return 'dependency';
  if (CONFIG_NAME.has(name) || CONFIG_PATTERN.test(name) || CONFIG_FOLDER.test(path)) return 'config';
  if (TEST_NAME.test(path) || (TEST_FOLDER.test(path) && !DOC_EXT.test(name))) return 'test';
  if (DOC_EXT.test(name) || DOC_NAME.test(name) || DOC_FOLDER.test(path)) return 'docs';
  return isModulePath(path) ? 'source' : 'other';
}

/** The file name without folders, test markers and extension: `src/a/total.test.ts` -> `total`. */
export function subjectName(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const bare = name
    .replace(/\.(?:test|spec|e2e|bench)(?:-d)?(?=\.)/, '')
    .replace(/\.[^.]+$/, '')
    .replace(/\.d$/, '');
  // A folder's own module: `a/index.ts`, Rust's `a/mod.rs`, and its test module `a/tests.rs`.
  const isFolderModule = bare === 'index' || (name.endsWith('.rs') && /^(?:mod|tests?)$/.test(bare));
  return isFolderModule ? (path.split('/').slice(-2, -1)[0] ?? bare) : bare;
}
