import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The pipeline's boundaries (STYLE.md), enforced: core is pure; each third-party library (and
// spawning processes) lives behind exactly one adapter folder; adapters know nothing of review/
// or cli/; review/ does no file or process I/O of its own. ESLint replaces a rule's options in
// a later block instead of adding to them, so each folder's list is built here from its
// parent's: a subfolder's rule always keeps the bans of the folders above it.

/** Libraries and the adapter folder each may be imported from (signing: ssh-keygen and gpg, as git runs them;
 * hooks: the version of another hook tool, whose config lines depend on it). */
const LIBRARY_HOMES = {
  'node:child_process': ['git', 'signing', 'hooks'],
  child_process: ['git', 'signing', 'hooks'],
  typescript: 'typescript',
  '@inquirer/prompts': 'prompts',
  chalk: 'output',
  yaml: 'config',
};

const libraryBans = (exceptFolder) =>
  Object.entries(LIBRARY_HOMES)
    .filter(([, folders]) => ![folders].flat().includes(exceptFolder))
    .map(([name, folders]) => ({
      name,
      message: `${name} is used only inside ${[folders]
        .flat()
        .map((f) => `src/adapters/${f}/`)
        .join(' and ')}.`,
    }));

const layer = (group, message) => ({ group, message });
const NO_OUTER_LAYERS = layer(['**/review/**', '**/cli/**'], 'adapters are the edges: they import no review or cli code.');
const CORE_IS_PURE = [layer(['**/adapters/**', '**/cli/**', '**/review/**'], 'core is pure: it imports no adapter, cli or review code.')];
const REVIEW_RETURNS = [layer(['**/cli/**'], 'review/ returns outcomes; only cli/ prints them.')];
// Node's I/O modules by exact name (a pattern like 'fs/*' would also match our adapters/fs/).
const bannedModules = (names, message) => names.map((name) => ({ name, message }));
const FILES_AND_PROCESSES = ['node:fs', 'node:fs/promises', 'fs', 'fs/promises', 'node:child_process', 'child_process', 'node:tty'];
const CORE_IO = bannedModules([...FILES_AND_PROCESSES, 'node:process', 'node:os', 'node:net'], 'core does no I/O.');
const REVIEW_IO = bannedModules(FILES_AND_PROCESSES, 'review/ orchestrates: files, processes and terminals go through src/adapters/.');

const restrict = (paths, patterns = []) => ({ 'no-restricted-imports': ['error', { paths, patterns }] });

const ADAPTER_FOLDERS = ['cache', 'config', 'fs', 'git', 'hooks', 'log', 'output', 'prompts', 'signing', 'store', 'typescript'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'tests/fixtures/**', '.bench/**', 'schema/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  { files: ['src/**/*.ts'], rules: restrict(libraryBans(null)) },
  { files: ['src/core/**/*.ts'], rules: restrict([...libraryBans(null), ...CORE_IO], CORE_IS_PURE) },
  { files: ['src/review/**/*.ts'], rules: restrict([...libraryBans(null), ...REVIEW_IO], REVIEW_RETURNS) },
  { files: ['src/adapters/**/*.ts'], rules: restrict(libraryBans(null), [NO_OUTER_LAYERS]) },
  ...ADAPTER_FOLDERS.map((folder) => ({
    files: [`src/adapters/${folder}/**/*.ts`],
    rules: restrict(libraryBans(folder), [NO_OUTER_LAYERS]),
  })),
  // The one process the hooks adapter starts: the project's own husky, to write its runner (.husky/_).
  { files: ['src/adapters/hooks/run-project-husky.ts'], rules: restrict(libraryBans('git'), [NO_OUTER_LAYERS]) },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
