import { sanitizeForTerminal as clean } from '../core/text/sanitize.js';
import type { ReviewRecord } from '../core/record/review-record.js';
import { openRepository } from '../adapters/git/git-client.js';
import type { Logger } from '../adapters/log/logger.js';
import { openReviewStore } from '../adapters/store/review-store.js';

// A hook that ran after the review in the same pre-commit (lint-staged, a formatter) changed the
// staged content: what will be committed is not what was reviewed. The review moves to the
// committed tree, so that the trailer and the note describe this commit, and it records what it
// reviewed and exactly what changed since (files and lines), for the reader and for CI.
// hooks/hook.sh calls this from prepare-commit-msg, when the index is final.

type Restaged = NonNullable<ReviewRecord['restaged']>;

function parseNumstat(output: string): Restaged['files'] {
  return output
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [added = '-', removed = '-', ...path] = line.split('\t');
      return { path: path.join('\t'), added: Number(added) || 0, removed: Number(removed) || 0 };
    });
}

export async function restageRecord(cwd: string, reviewedTree: string, committedTree: string, logger: Logger): Promise<Restaged | null> {
  const git = await openRepository(cwd, logger);
  const store = openReviewStore(git.info.commonDir);
  const record = store.readReview(reviewedTree);
  if (record === null || !/^[0-9a-f]{40,64}$/.test(committedTree) || store.readReview(committedTree) !== null) return null;
  const files = parseNumstat(await git.raw(['diff-tree', '-r', '--numstat', '--no-renames', reviewedTree, committedTree]));
  const restaged: Restaged = {
    reviewedTree: record.restaged?.reviewedTree ?? reviewedTree,
    files,
    added: files.reduce((sum, f) => sum + f.added, 0),
    removed: files.reduce((sum, f) => sum + f.removed, 0),
  };
  store.writeReview({ ...record, tree: committedTree, restaged });
  const names = files.slice(0, 3).map((f) => clean(f.path)).join(', ') + (files.length > 3 ? `, +${files.length - 3} more` : '');
  process.stderr.write(
    `selfreview: a hook after the review changed the staged content (${names}; +${restaged.added}/-${restaged.removed}): the commit's review records it.\n`,
  );
  return restaged;
}
