import type { GitClient } from '../git/git-client.js';
import type { RepoPaths } from './detect-hook-setup.js';

// core.hooksPath as this repository sets it and as the user's global (or the system's) config
// does: a global one serves every repository, and a local one hides it.

async function readConfig(git: GitClient, scope: 'local' | 'global' | 'system'): Promise<string> {
  return ((await git.readConfig('core.hooksPath', scope)) ?? '').trim();
}

export async function readHookPaths(git: GitClient): Promise<RepoPaths> {
  const [localHooksPath, global, system] = await Promise.all([
    readConfig(git, 'local'),
    readConfig(git, 'global'),
    readConfig(git, 'system'),
  ]);
  return { root: git.info.root, gitDir: git.info.gitDir, commonDir: git.info.commonDir, localHooksPath, globalHooksPath: global || system };
}
