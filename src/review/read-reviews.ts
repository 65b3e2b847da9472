import { readTrailerFields, recordStatusOf, type ReviewTrailer } from '../core/record/trailers.js';
import type { CommitReview, ReviewStatus } from '../core/contracts/commit-review.js';
import type { ReviewRecord } from '../core/record/review-record.js';
import { openRepository } from '../adapters/git/git-client.js';
import type { Logger } from '../adapters/log/logger.js';

// Reads the reviews recorded on commits: the trailer (bound to a tree) and the note.

export type { CommitReview, ReviewStatus };

function statusOf(tree: string, trailer: ReviewTrailer | null, override: string | null): ReviewStatus {
  const status = recordStatusOf(tree, trailer);
  return status === 'reviewed' && override !== null ? 'override' : status;
}

export async function listCommitReviews(cwd: string, range: string, logger: Logger, limit = 50): Promise<CommitReview[]> {
  const git = await openRepository(cwd, logger);
  const entries = await git.readCommitLog(range, { maxCount: limit });
  return entries.map((entry) => {
    const { trailer, override } = readTrailerFields(entry.reviewTrailers, entry.overrideTrailers);
    return {
      commit: entry.commit,
      tree: entry.tree,
      subject: entry.subject,
      trailer,
      override,
      status: statusOf(entry.tree, trailer, override),
    };
  });
}

function parseNote(text: string): ReviewRecord | null {
  try {
    return text.trim() === '' ? null : (JSON.parse(text) as ReviewRecord);
  } catch {
    return null;
  }
}

export async function readCommitReview(
  cwd: string,
  rev: string,
  logger: Logger,
): Promise<{ review: CommitReview; note: ReviewRecord | null } | null> {
  const git = await openRepository(cwd, logger);
  const commit = await git.resolveCommit(rev);
  const [review] = await listCommitReviews(cwd, commit, logger, 1);
  if (!review) return null;
  const text = await git.readNote('selfreview', commit);
  return { review, note: text === null ? null : parseNote(text) };
}
