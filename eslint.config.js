import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The pipeline's boundaries (STYLE.md): core is pure and imports no adapter, no cli and no I/O
// library; each third-party library (and spawning processes) lives behind exactly one adapter folder.
const adapterOnly = (name, folder) => ({
  name,
  message: `${name} is used only inside src/adapters/${folder}/.`,
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'tests/fixtures/**', '.bench/**', 'schema/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          adapterOnly('node:child_process', 'git'),
          adapterOnly('child_process', 'git'),
          adapterOnly('typescript', 'typescript'),
          adapterOnly('@inquirer/prompts', 'prompts'),
          adapterOnly('chalk', 'output'),
          adapterOnly('yaml', 'config'),
        ],
      }],
    },
  },
  {
    // signing: ssh-keygen and gpg, as git runs them to sign commits.
    files: ['src/adapters/git/**', 'src/adapters/signing/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/adapters/typescript/**', 'src/adapters/prompts/**', 'src/adapters/output/**', 'src/adapters/config/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [adapterOnly('node:child_process', 'git'), adapterOnly('child_process', 'git')] }] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/adapters/**', '**/cli/**', '**/review/**'], message: 'core is pure: it imports no adapter, cli or review code.' },
          { group: ['node:fs', 'node:fs/*', 'node:child_process', 'node:process', 'fs', 'child_process', 'typescript', '@inquirer/*', 'chalk', 'yaml'], message: 'core does no I/O and uses no adapter library.' },
        ],
      }],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
