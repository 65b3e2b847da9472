import type { ReviewTrailer } from '../record/trailers.js';

// A commit as `selfreview show` and `log` see it: its review trailer and what that says of it.

export type ReviewStatus = 'reviewed' | 'override' | 'missing' | 'changed-after-review';

export interface CommitReview {
  readonly commit: string;
  readonly tree: string;
  readonly subject: string;
  readonly trailer: ReviewTrailer | null;
  readonly override: string | null;
  readonly status: ReviewStatus;
}
