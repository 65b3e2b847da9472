import { fileExists, readTextFile, writeTextFile } from '../adapters/fs/text-files.js';
import { join } from 'node:path';
import { CONFIG_FILES } from '../adapters/config/load-config.js';
import { configureReviewNotes, type NotesSetup } from '../adapters/git/configure-review-notes.js';
import { openRepository } from '../adapters/git/git-client.js';
import { installHooks, type InstallResult } from '../adapters/hooks/install-hooks.js';
import type { Logger } from '../adapters/log/logger.js';

// `selfreview init`: hooks, husky in package.json, a default config. Idempotent.

export interface InitResult {
  readonly hooks: InstallResult;
  readonly packageJson: 'updated' | 'unchanged' | 'absent';
  readonly config: string | null;
  readonly notes: NotesSetup;
}

const DEFAULT_CONFIG = {
  $schema: './node_modules/selfreview/schema/selfreview.schema.json',
  budgets: { human: { lines: 400, files: 25 }, ai: { lines: 200, files: 10 } },
  provenance: { assume: 'detect' },
};

function updatePackageJson(root: string, viaHusky: boolean): InitResult['packageJson'] {
  const path = join(root, 'package.json');
  if (!fileExists(path)) return 'absent';
  const text = readTextFile(path) ?? '';
  const pkg = JSON.parse(text) as { scripts?: Record<string, string>; devDependencies?: Record<string, string>; dependencies?: Record<string, string> };
  let changed = false;
  if (viaHusky) {
    // `prepare` re-installs the hooks after every `npm install`, as husky documents.
    pkg.scripts ??= {};
    if (!(pkg.scripts.prepare ?? '').includes('husky')) {
      pkg.scripts.prepare = pkg.scripts.prepare ? `${pkg.scripts.prepare} && husky` : 'husky';
      changed = true;
    }
    if (!pkg.devDependencies?.husky && !pkg.dependencies?.husky) {
      pkg.devDependencies = { ...pkg.devDependencies, husky: '^9.1.7' };
      changed = true;
    }
  }
  if (!changed) return 'unchanged';
  const indent = /^(\s+)"/m.exec(text)?.[1] ?? '  ';
  writeTextFile(path, `${JSON.stringify(pkg, null, indent)}\n`);
  return 'updated';
}

export async function runInit(cwd: string, logger: Logger): Promise<InitResult> {
  const git = await openRepository(cwd, logger);
  const root = git.info.root;
  // --local: a hooks path from the user's global config serves every repository; our lines
  // belong to this one (husky then sets this repository's own hooks path).
  const hooksPath = (await git.readConfig('core.hooksPath', 'local'))?.trim() || null;
  const hooks = await installHooks(root, hooksPath);
  const packageJson = updatePackageJson(root, hooks.viaHusky);
  let config: string | null = null;
  const hasConfig = CONFIG_FILES.some((name) => fileExists(join(root, name)));
  if (!hasConfig) {
    config = '.selfreviewrc.json';
    writeTextFile(join(root, config), `${JSON.stringify(DEFAULT_CONFIG, null, 2)}\n`);
  }
  return { hooks, packageJson, config, notes: await configureReviewNotes(git) };
}
