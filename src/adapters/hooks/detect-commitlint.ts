import { join } from 'node:path';
import { fileExists, readTextFile } from '../fs/text-files.js';

// Where a project configures commitlint (its cosmiconfig search places, and package.json's
// "commitlint" key): doctor says selfreview's lines fit its limits, so a team adding selfreview
// beside it knows the two work together.

const CONFIG_FILES = [
  '.commitlintrc',
  '.commitlintrc.json',
  '.commitlintrc.yaml',
  '.commitlintrc.yml',
  '.commitlintrc.js',
  '.commitlintrc.cjs',
  '.commitlintrc.mjs',
  '.commitlintrc.ts',
  '.commitlintrc.cts',
  'commitlint.config.js',
  'commitlint.config.cjs',
  'commitlint.config.mjs',
  'commitlint.config.ts',
  'commitlint.config.cts',
  'commitlint.config.mts',
];

/** The file that configures commitlint in `root` (`package.json` for its key), or null. */
export function detectCommitlint(root: string): string | null {
  const file = CONFIG_FILES.find((name) => fileExists(join(root, name)));
  if (file !== undefined) return file;
  try {
    const pkg = JSON.parse(readTextFile(join(root, 'package.json')) ?? '{}') as { commitlint?: unknown };
    return pkg.commitlint !== undefined ? 'package.json' : null;
  } catch (error) {
    // An unreadable package.json is reported by the checks that need it, not here.
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}
