import { UsageError } from '../core/errors.js';
import { openRepository } from '../adapters/git/git-client.js';
import { restoreIndexFile } from '../adapters/git/index-surgery.js';
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
  try {
    startHead = readSavedSplit(git.info)?.head ?? null;
  } catch {
    // An unreadable plan does not stop the restore: the saved index is all it needs.
  }
  const backup = backUpIndex(git.info);
  await restoreIndexFile(git.info, savedIndexPath(git.info));
  clearSplit(git.info);
  return { backup, committedDuringSplit: startHead !== git.info.head };
}
