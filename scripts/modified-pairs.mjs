// The modified JS/TS files of real commits, each as its two texts: the pairs token-hash-pairs.mjs and
// token-whole-pairs.mjs read. The last first-parent commits of a git directory (no merges) changing
// 1–40 modified module files; `part` splits them by SHA-256 of the commit id, fixed before any run:
// held out when its first hex digit is 0-3.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';

export const git = (dir, ...rest) => execFileSync('git', ['--git-dir', dir, ...rest], { encoding: 'utf8', maxBuffer: 1 << 28 });
const MODULE = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/;
const isHeldOut = (commit) => '0123'.includes(createHash('sha256').update(commit).digest('hex')[0]);

/** Yields { commit, path, texts: [old, new] } for `count` commits of `part` ('tune', 'held-out' or 'all'); counts commits in `totals.commits`. */
export function* modifiedPairs(dir, count, part, totals) {
  const commits = git(dir, 'rev-list', '--first-parent', '--no-merges', `--max-count=${count * 4}`, 'HEAD')
    .split('\n')
    .filter(Boolean);
  for (const commit of commits) {
    if (totals.commits >= count) break;
    if (part !== 'all' && (part === 'held-out') !== isHeldOut(commit)) continue;
    const diff = git(
      dir,
      'diff-tree',
      '-r',
      '-z',
      '--no-commit-id',
      '--no-renames',
      '--diff-filter=M',
      '--name-only',
      `${commit}^`,
      commit,
    );
    const paths = diff.split('\0').filter((path) => MODULE.test(path) && !path.includes('node_modules/'));
    if (paths.length === 0 || paths.length > 40) continue;
    totals.commits++;
    for (const path of paths)
      yield { commit, path, texts: [`${commit}^:${path}`, `${commit}:${path}`].map((rev) => git(dir, 'show', rev)) };
  }
}
