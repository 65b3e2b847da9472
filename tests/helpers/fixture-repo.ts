import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createTempRepo, PROJECT_ROOT, type TempRepo } from './temp-repo.js';

// A scenario folder holds `before/` (committed) and `after/` (written over it and staged).
// A file listed in `after/.deleted` is removed and the removal staged.

function readTree(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else tree[relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return tree;
}

export function createScenarioRepo(theme: string, scenario: string): TempRepo {
  const root = join(PROJECT_ROOT, 'tests', 'fixtures', theme, scenario);
  const repo = createTempRepo(readTree(join(root, 'before')));
  const after = readTree(join(root, 'after'));
  const deleted = (after['.deleted'] ?? '').split('\n').filter((l) => l !== '');
  delete after['.deleted'];
  if (Object.keys(after).length > 0) repo.stage(after);
  if (deleted.length > 0) repo.git(['rm', '-q', '--', ...deleted]);
  return repo;
}
