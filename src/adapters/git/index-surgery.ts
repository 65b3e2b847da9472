import { closeSync, copyFileSync, openSync, renameSync, rmSync } from 'node:fs';
import { GitError } from '../../core/errors.js';
import type { Logger } from '../log/logger.js';
import { deferSignals } from './defer-signals.js';
import type { RepoInfo } from './git-client.js';
import { runGit } from './run-git.js';

// Replaces index entries without touching the working tree, the way git itself writes an index:
// take `<index>.lock` exclusively (a running git holds it too, and we must not race it), build
// the new index in it (`update-index --index-info` on a copy), then rename it over the index,
// which is atomic. On any failure or Ctrl-C the lock is removed and the index is as it was.
// Never `git stash`, never checkout: the working tree is not ours. GIT_INDEX_FILE is honoured
// (RepoInfo.indexFile comes from `rev-parse --git-path index`).

export interface IndexEntry {
  readonly mode: string;
  readonly blob: string;
}

/** What one path of the index should hold: an entry, or nothing (the path leaves the index). */
export interface IndexChange {
  readonly path: string;
  readonly entry: IndexEntry | null;
}

async function git(info: RepoInfo, args: readonly string[], logger: Logger, indexFile: string, input?: string): Promise<string> {
  const env = { ...process.env, GIT_INDEX_FILE: indexFile };
  try {
    const result = await logger.time(`git ${args.join(' ')}`, () =>
      runGit(args, { cwd: info.root, env, ...(input !== undefined && { input }) }),
    );
    if (result.code !== 0) throw new Error(`git ${args[0]} exited with ${result.code}`);
    return result.stdout;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new GitError(`git failed: ${message}`, { cause: error });
  }
}

/** Takes the index lock, or says which process may hold it. */
function takeLock(lock: string): void {
  try {
    closeSync(openSync(lock, 'wx'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new GitError(
        `${lock} exists: another git process is running (or one crashed); wait for it, or remove the file if none is running, then try again.`,
        { cause: error },
      );
    }
    throw error;
  }
}

/** Writes the index with `build(lockPath)` into the lock, then renames it over the index. */
async function replaceIndex(info: RepoInfo, build: (lock: string) => Promise<void>): Promise<void> {
  const lock = `${info.indexFile}.lock`;
  await deferSignals(async () => {
    takeLock(lock);
    try {
      await build(lock);
      renameSync(lock, info.indexFile);
    } catch (error) {
      rmSync(lock, { force: true });
      throw error;
    }
  });
}

/** Sets the given paths of the index; every other entry stays as it is. Returns the new tree. */
export async function setIndexEntries(info: RepoInfo, changes: readonly IndexChange[], logger: Logger): Promise<string> {
  let tree = '';
  const zero = '0'.repeat((info.head ?? changes.find((c) => c.entry)?.entry?.blob ?? '').length || 40);
  // -z: any file name; mode 0 with the zero id removes a path (git-update-index(1), "USING --INDEX-INFO").
  const input = changes.map((c) => (c.entry === null ? `0 ${zero}\t${c.path}\0` : `${c.entry.mode} ${c.entry.blob}\t${c.path}\0`)).join('');
  await replaceIndex(info, async (lock) => {
    copyFileSync(info.indexFile, lock);
    await git(info, ['update-index', '-z', '--index-info'], logger, lock, input);
    // write-tree on our copy also proves the new index is whole (no unmerged path, no missing blob).
    tree = (await git(info, ['write-tree'], logger, lock)).trim();
  });
  return tree;
}

/** Puts a saved index file back as the index. */
export async function restoreIndexFile(info: RepoInfo, saved: string): Promise<void> {
  await replaceIndex(info, async (lock) => copyFileSync(saved, lock));
}

/** Whether `ancestor` is `head` or one of its ancestors (the user committed groups on top). */
export async function isAncestorCommit(info: RepoInfo, ancestor: string, head: string): Promise<boolean> {
  // --is-ancestor answers with the exit code alone: 0 yes, 1 no.
  try {
    const result = await runGit(['merge-base', '--is-ancestor', ancestor, head], { cwd: info.root });
    return result.code === 0;
  } catch {
    return false; // a commit that no longer exists is no ancestor
  }
}
