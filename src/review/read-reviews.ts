import { TRAILER_LOG_FIELDS, readTrailerFields, recordStatusOf, type ReviewTrailer } from '../core/record/trailers.js';
import type { ReviewRecord } from '../core/record/review-record.js';
import { openRepository } from '../adapters/git/git-client.js';
import type { Logger } from '../adapters/log/logger.js';

// Reads the reviews recorded on commits: the trailer (bound to a tree) and the note.

export type ReviewStatus = 'reviewed' | 'override' | 'missing' | 'changed-after-review';

export interface CommitReview {
  readonly commit: string;
  readonly tree: string;
  readonly subject: string;
  readonly trailer: ReviewTrailer | null;
  readonly override: string | null;
  readonly status: ReviewStatus;
}

const FIELD = '\x1f';
const RECORD = '\x1e';

function statusOf(tree: string, trailer: ReviewTrailer | null, override: string | null): ReviewStatus {
  const status = recordStatusOf(tree, trailer);
  return status === 'reviewed' && override !== null ? 'override' : status;
}

export async function listCommitReviews(cwd: string, range: string, logger: Logger, limit = 50): Promise<CommitReview[]> {
  const git = await openRepository(cwd, logger);
  const format = ['%H', '%T', '%s', ...TRAILER_LOG_FIELDS].join(FIELD);
  const out = await git.raw(['log', `--max-count=${limit}`, `--format=${format}${RECORD}`, range, '--']);
  return out
    .split(RECORD)
    .map((r) => r.replace(/^\n/, ''))
    .filter((r) => r.trim() !== '')
    .map((r) => {
      const [commit = '', tree = '', subject = '', reviews = '', overrides = ''] = r.split(FIELD);
      const { trailer, override } = readTrailerFields(reviews, overrides);
      return { commit, tree, subject, trailer, override, status: statusOf(tree, trailer, override) };
    });
}

function parseNote(text: string): ReviewRecord | null {
  try {
    return text.trim() === '' ? null : (JSON.parse(text) as ReviewRecord);
  } catch {
    return null;
  }
}

export async function readCommitReview(cwd: string, rev: string, logger: Logger): Promise<{ review: CommitReview; note: ReviewRecord | null } | null> {
  const git = await openRepository(cwd, logger);
  const commit = await git.resolveCommit(rev);
  const [review] = await listCommitReviews(cwd, commit, logger, 1);
  if (!review) return null;
  const text = await git.raw(['notes', '--ref=selfreview', 'show', commit]).catch(() => '');
  return { review, note: parseNote(text) };
}
