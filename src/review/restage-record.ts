import { parseDiffIndex } from '../core/change/parse-diff-index.js';
import type { ReviewRecord } from '../core/record/review-record.js';
import { openRepository } from '../adapters/git/git-client.js';
import { readStagedPatch } from '../adapters/git/read-patches.js';
import type { Logger } from '../adapters/log/logger.js';
import { openReviewStore } from '../adapters/store/review-store.js';

// A hook that ran after the review in the same pre-commit (lint-staged, a formatter) changed the
// staged content: what will be committed is not what was reviewed. The review moves to the
// committed tree and patch, so that the trailer, the note and CI's verification describe this
// commit, and it records what it reviewed and exactly what changed since (files and lines):
// CI reports those as not reviewed (core/policy/verify-review.ts), the reader sees them in the note.
// hooks/hook.sh calls this from prepare-commit-msg, when the index is final.

export type Restaged = NonNullable<ReviewRecord['restaged']>;

export async function restageRecord(cwd: string, reviewedTree: string, committedTree: string, logger: Logger): Promise<Restaged | null> {
  const git = await openRepository(cwd, logger);
  const store = openReviewStore(git.info.commonDir);
  const record = store.readReview(reviewedTree);
  if (record === null || !/^[0-9a-f]{40,64}$/.test(committedTree) || store.readReview(committedTree) !== null) return null;
  const files = parseDiffIndex(await git.readDiffTree(reviewedTree, committedTree)).map((f) => ({
    path: f.path,
    added: f.added,
    removed: f.removed,
  }));
  const restaged: Restaged = {
    reviewedTree: record.restaged?.reviewedTree ?? reviewedTree,
    files,
    added: files.reduce((sum, f) => sum + f.added, 0),
    removed: files.reduce((sum, f) => sum + f.removed, 0),
  };
  // The index is the commit's content now (prepare-commit-msg): its patch against the same base.
  const patch = await readStagedPatch(git, record.base);
  store.writeReview({ ...record, tree: committedTree, patch, restaged });
  return restaged;
}
