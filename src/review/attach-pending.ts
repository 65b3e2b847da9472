import { computeRecordDigest } from '../core/record/record-digest.js';
import { readTrailerFields } from '../core/record/trailers.js';
import { openRepository, type GitClient } from '../adapters/git/git-client.js';
import type { Logger } from '../adapters/log/logger.js';
import { openReviewStore, type ReviewStore } from '../adapters/store/review-store.js';

// A review whose note could not be attached (the post-commit hook was killed, or lost every
// retry) stays pending under the git directory. The next post-commit and `selfreview doctor
// --fix` attach it: to a recent commit of this branch whose Self-Review trailer names the
// record (by its digest; lines written before the short form: by its tree) and whose own tree is
// the record's tree (so the record describes exactly that commit's content), when that commit has
// no note yet. A record for content not yet committed
// stays pending.

export interface PendingResult {
  /** Commits that received a note now. */
  readonly attached: readonly string[];
  /** Records still pending (reviewed content with no commit yet). */
  readonly pending: number;
}

export async function attachPendingRecords(git: GitClient, store: ReviewStore, logger: Logger, limit = 200): Promise<PendingResult> {
  const trees = new Set(store.listPendingTrees());
  if (trees.size === 0 || git.info.head === null) return { attached: [], pending: trees.size };
  const commits = await git.readCommitLog('HEAD', { maxCount: limit });
  const noted = await git.listNotedCommits('selfreview');
  const attached: string[] = [];
  for (const entry of commits) {
    const tree = entry.tree;
    if (!trees.has(tree)) continue;
    const trailer = readTrailerFields(entry.reviewTrailers, '').trailer;
    const record = store.readReview(tree);
    if (trailer === null || record === null) continue;
    const names = trailer.tree !== undefined ? trailer.tree === tree : computeRecordDigest(record).startsWith(trailer.digest ?? '-');
    if (!names) continue;
    if (!noted.has(entry.commit)) {
      await git.writeNote('selfreview', entry.commit, `${JSON.stringify(record, null, 2)}\n`);
      logger.debug(`pending review of tree ${tree.slice(0, 10)} attached to ${entry.commit.slice(0, 10)}`);
      attached.push(entry.commit);
    }
    store.removeReview(tree);
    trees.delete(tree);
  }
  return { attached, pending: trees.size };
}

/** `selfreview doctor --fix`: the same, in the repository around `cwd`. */
export async function fixPendingRecords(cwd: string, logger: Logger): Promise<PendingResult> {
  const git = await openRepository(cwd, logger);
  return attachPendingRecords(git, openReviewStore(git.info.commonDir), logger, 1000);
}
