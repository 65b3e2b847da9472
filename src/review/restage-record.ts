import { parseDiffIndex } from '../core/change/parse-diff-index.js';
import type { ReviewRecord } from '../core/record/review-record.js';
import { openRepository } from '../adapters/git/git-client.js';
import { readStagedPatch } from '../adapters/git/read-patches.js';
import type { Logger } from '../adapters/log/logger.js';
import { openReviewStore } from '../adapters/store/review-store.js';

// A hook that ran after the review in the same pre-commit (lint-staged, a formatter) changed the
// staged content: what will be committed is not what was reviewed. The review moves to the
// committed tree, so that the trailer and the note describe this commit, and it records what it
// reviewed and exactly what changed since (files and lines), for the reader and for CI.
// hooks/hook.sh calls this from prepare-commit-msg, when the index is final (the committed one).

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
  // The patch too is the committed one: CI (and `selfreview log`) match a commit's change against
  // the record's patch, and `restaged` keeps what was reviewed and exactly what changed since.
  const patch = await readStagedPatch(git, record.base);
  store.writeReview({ ...record, tree: committedTree, patch, restaged });
  return restaged;
}
