import type { CommitReview, ReviewStatus } from '../core/contracts/commit-review.js';
import type { ReviewRecord } from '../core/record/review-record.js';
import { parseNoteRecords } from '../core/record/parse-note-records.js';
import { readTrailerFields } from '../core/record/trailers.js';
import { loadConfig } from '../adapters/config/load-config.js';
import { openRepository, type GitClient } from '../adapters/git/git-client.js';
import type { Logger } from '../adapters/log/logger.js';
import { readRangeCommit, verifyRangeReviews } from './verify-range-reviews.js';

// Reads the reviews recorded on commits for `show` and `log`, verified as CI verifies them: the
// claim of the message or the note, the record it names in the notes, and whether that record's
// patch accounts for the commit's change. Comparing the trailer's tree with the commit's called
// every rebased commit "changed after review" and believed a hand-written trailer.

export type { CommitReview, ReviewStatus };

export async function listCommitReviews(cwd: string, range: string, logger: Logger, limit = 50): Promise<CommitReview[]> {
  return verifyCommits(await openRepository(cwd, logger), range, logger, limit);
}

async function verifyCommits(git: GitClient, range: string, logger: Logger, limit: number): Promise<CommitReview[]> {
  const config = await loadConfig(git.info.root, undefined, logger);
  const entries = await git.readCommitLog(range, { maxCount: limit });
  const commits = [];
  for (const entry of entries) commits.push(await readRangeCommit(git, entry));
  // A developer's machine: the remotes' fetched notes too (a teammate's review before it is merged).
  const reviews = await verifyRangeReviews(git, config, commits, { remoteCopies: true });
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

export async function readCommitReview(
  cwd: string,
  rev: string,
  logger: Logger,
): Promise<{ review: CommitReview; note: ReviewRecord | null } | null> {
  const git = await openRepository(cwd, logger);
  const commit = await git.resolveCommit(rev);
  const [review] = await verifyCommits(git, commit, logger, 1);
  if (!review) return null;
  const text = await git.readNote('selfreview', commit);
  // A note git concatenated (a squash) holds several records: the first is shown.
  return { review, note: text === null ? null : (parseNoteRecords(text).records[0] ?? null) };
}
