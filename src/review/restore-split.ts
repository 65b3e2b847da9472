import { GitError, UsageError } from '../core/errors.js';
import { openRepository } from '../adapters/git/git-client.js';
import { readIndexFileTree, restoreIndexFile } from '../adapters/git/index-surgery.js';
import { backUpIndex, clearSplit, hasSavedIndex, readSavedSplit, savedIndexPath } from '../adapters/git/split-state.js';
import type { Logger } from '../adapters/log/logger.js';

// `selfreview split --restore`: the index saved before the first `--stage` goes back, byte for
// byte. The index it replaces is kept too (index.before-restore), in case it held work of its own.
// Groups committed in the meantime stay committed: the restored index holds them as HEAD does,
// so they no longer show as staged.

export interface RestoreOutcome {
  readonly backup: string;
  readonly committedDuringSplit: boolean;
}

export async function restoreSplit(options: { cwd: string; logger: Logger }): Promise<RestoreOutcome> {
  const git = await openRepository(options.cwd, options.logger);
  if (!hasSavedIndex(git.info)) throw new UsageError('No split in progress: there is no saved index to restore.');
  let startHead: string | null = null;
  let originalTree: string | null = null;
  try {
    const saved = readSavedSplit(git.info);
    startHead = saved?.head ?? null;
    originalTree = saved?.originalTree ?? null;
  } catch {
    // An unreadable plan does not stop the restore: the saved index is all it needs.
  }
  const backup = backUpIndex(git.info);
  // Checked before it goes in (a truncated index.orig is refused), and kept until git reads the
  // restored index back with the tree it was saved with.
  await restoreIndexFile(git.info, savedIndexPath(git.info), originalTree, options.logger);
  const restored = await readIndexFileTree(git.info, git.info.indexFile, options.logger);
  if (restored === null || (originalTree !== null && restored !== originalTree))
    throw new GitError(
      `The restored index does not read back as saved: the saved index (${savedIndexPath(git.info)}) and the one it replaced (${backup}) are kept.`,
    );
  clearSplit(git.info);
  return { backup, committedDuringSplit: startHead !== git.info.head };
}
