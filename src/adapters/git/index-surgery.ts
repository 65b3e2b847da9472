import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';
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
        `${lock} exists: another git process is running, or one was killed (a \`split --stage\` stopped with kill -9). Wait for it; if no git is running, clear it with: rm -f '${lock.replace(/'/g, "'\\''")}'`,
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

/**
 * The tree an index file holds, read by git on a copy (git checks the file's checksum as it reads
 * it, and write-tree proves every entry is there); null when git cannot read it (truncated,
 * damaged, not an index). A copy: write-tree may add a cache-tree to the file it reads.
 */
export async function readIndexFileTree(info: RepoInfo, indexFile: string, logger: Logger): Promise<string | null> {
  if (!hasIndexChecksum(indexFile)) return null;
  const copy = `${indexFile}.check.${process.pid}`;
  try {
    copyFileSync(indexFile, copy);
    return (await git(info, ['write-tree'], logger, copy)).trim();
  } catch {
    return null;
  } finally {
    rmSync(copy, { force: true });
  }
}

/**
 * Whether an index file ends with the hash of its content, as git writes it (sha1, or sha256 in
 * a sha256 repository; all zeros with index.skipHash). NOTE: git itself does not check it when it
 * reads the index (only fsck does), and reads a truncated file as a shorter index.
 */
function hasIndexChecksum(indexFile: string): boolean {
  let bytes: Buffer;
  try {
    bytes = readFileSync(indexFile);
  } catch {
    return false;
  }
  if (bytes.length < 12 + 20 || bytes.subarray(0, 4).toString('latin1') !== 'DIRC') return false;
  return (
    [
      ['sha1', 20],
      ['sha256', 32],
    ] as const
  ).some(([algorithm, size]) => {
    if (bytes.length < 12 + size) return false;
    const trailer = bytes.subarray(bytes.length - size);
    if (trailer.every((b) => b === 0)) return true;
    return createHash(algorithm)
      .update(bytes.subarray(0, bytes.length - size))
      .digest()
      .equals(trailer);
  });
}

/**
 * Puts a saved index file back as the index, byte for byte, after checking it: git must read
 * it and, where `expectedTree` is known, it must hold that tree. A saved index that fails is not
 * installed (the index stays as it is) and the error says so; the saved file is the caller's to keep.
 */
export async function restoreIndexFile(info: RepoInfo, saved: string, expectedTree: string | null, logger: Logger): Promise<void> {
  const tree = await readIndexFileTree(info, saved, logger);
  if (tree === null || (expectedTree !== null && tree !== expectedTree)) {
    throw new GitError(
      `The saved index (${saved}) ${tree === null ? 'is damaged: its checksum or its entries do not hold' : `holds tree ${tree.slice(0, 10)}, not the ${expectedTree!.slice(0, 10)} it was saved with`}. It was not installed: your index is as it was, and the saved file is kept.`,
    );
  }
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
