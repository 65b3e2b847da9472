import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// The project's own husky (node_modules/.bin/husky), run to write its runner (.husky/_) in a
// work tree that has none: husky git-ignores that folder, so a linked worktree or a clone whose
// install did not run `prepare` runs no hook at all. We call the project's husky, never our own:
// its version decides the layout.

export function runProjectHusky(root: string, major: number): boolean {
  const husky = join(root, 'node_modules', '.bin', 'husky');
  if (!existsSync(husky)) return false;
  const result = spawnSync(husky, major >= 9 ? [] : ['install'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return result.status === 0;
}
