import type { CommitReview, ReviewStatus } from '../core/contracts/commit-review.js';
import type { ReviewRecord } from '../core/record/review-record.js';
import { readTrailerFields } from '../core/record/trailers.js';
import { loadConfig } from '../adapters/config/load-config.js';
import { openRepository } from '../adapters/git/git-client.js';
import type { Logger } from '../adapters/log/logger.js';
import { readRangeCommit, verifyRangeReviews } from './verify-range-reviews.js';

// Reads the reviews recorded on commits for `show` and `log`, verified as CI verifies them: the
// claim of the message or the note, the record it names in the notes, and whether that record's
// patch accounts for the commit's change. Comparing the trailer's tree with the commit's called
// every rebased commit "changed after review" and believed a hand-written trailer.

export type { CommitReview, ReviewStatus };

export async function listCommitReviews(cwd: string, range: string, logger: Logger, limit = 50): Promise<CommitReview[]> {
  const git = await openRepository(cwd, logger);
  const config = await loadConfig(git.info.root, undefined, logger);
  const entries = await git.readCommitLog(range, { maxCount: limit });
  const commits = [];
  for (const entry of entries) commits.push(await readRangeCommit(git, entry));
  const reviews = await verifyRangeReviews(git, config, commits);
  return entries.map((entry) => {
    const { verification } = reviews.get(entry.commit)!;
    const { trailer } = readTrailerFields(entry.reviewTrailers, entry.overrideTrailers);
    const isOverride = verification.status === 'reviewed' && verification.override !== null;
    return {
      commit: entry.commit,
      tree: entry.tree,
      subject: entry.subject,
      trailer,
      override: verification.override,
      status: isOverride ? 'override' : verification.status,
      how: verification.how,
      problems: verification.findings.filter((f) => f.level === 'error').map((f) => f.message),
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
