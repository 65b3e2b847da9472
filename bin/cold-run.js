import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// Whether this run will likely walk a large repository's import graph cold: no saved graph
// (src/adapters/cache/graph-cache-path.ts) and an index of many files. Decided before anything
// loads, from a few stat() calls and without running git: a wrong guess costs speed only (the
// V8 flag the CLI sets for such a run, bin/selfreview.js), never an answer.

/** An index of 16 KB lists ~150 files or more (62 bytes an entry, plus its path): the flag cost a
 * cold run 7% of its CPU on 57 files and saved 11% on 201 (docs/speed.md, round 40). */
const LARGE_INDEX_BYTES = 16_000;

const sizeOf = (file) => {
  try {
    return statSync(file).size;
  } catch {
    return -1;
  }
};

/** The git directory of the work tree around `cwd` (a `.git` folder, or a `.git` file's `gitdir:`), or null. */
function findGitDir(cwd, env) {
  if (env.GIT_DIR) return resolve(cwd, env.GIT_DIR);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git');
    try {
      if (statSync(dotGit).isDirectory()) return dotGit;
      const target = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1];
      return target === undefined ? null : resolve(dir, target.trim());
    } catch {
      if (dirname(dir) === dir) return null;
    }
  }
}

/** True when `cwd` is in a large repository whose import graph was never saved. */
export function isLargeColdRepository(cwd = process.cwd(), env = process.env) {
  const gitDir = findGitDir(cwd, env);
  if (gitDir === null) return false;
  let commonDir = gitDir;
  try {
    // A linked work tree keeps the caches in the repository's own git directory.
    commonDir = resolve(gitDir, readFileSync(join(gitDir, 'commondir'), 'utf8').trim());
  } catch {
    // not a linked work tree
  }
  if (env.GIT_COMMON_DIR) commonDir = resolve(cwd, env.GIT_COMMON_DIR);
  const index = env.GIT_INDEX_FILE ? resolve(cwd, env.GIT_INDEX_FILE) : join(gitDir, 'index');
  return sizeOf(join(commonDir, 'selfreview', 'cache', 'graph.json')) < 0 && sizeOf(index) >= LARGE_INDEX_BYTES;
}
