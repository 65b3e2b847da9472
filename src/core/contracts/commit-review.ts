import type { Finding } from '../policy/finding.js';
import type { ReviewTrailer } from '../record/trailers.js';

// A commit as `selfreview show` and `log` see it: its review, verified the way CI verifies it
// (core/policy/verify-review.ts), so a rebased or squashed commit whose recorded review still
// accounts for its change is reviewed, and a hand-written trailer is not.

/** `setup`: a setup commit (core/setup/setup-files.ts), accepted without a review; `unreadable`: git cannot read the commit. */
export type ReviewStatus = 'reviewed' | 'override' | 'setup' | 'missing' | 'changed-after-review' | 'unverified' | 'invalid' | 'unreadable';

export interface CommitReview {
  readonly commit: string;
  readonly tree: string;
  readonly subject: string;
  readonly trailer: ReviewTrailer | null;
  /** The override of a verified record (a trailer alone is not believed). */
  readonly override: string | null;
  readonly status: ReviewStatus;
  /** How it was reviewed: "same tree", "rebased from <commit>", "combines the reviews of …". */
  readonly how: string | null;
  /** What does not verify, one sentence each (empty when reviewed). */
  readonly problems: readonly string[];
  /** CI's verdict on the commit (core/policy/decide-commit.ts), with its provenance and findings. */
  readonly ci: {
    readonly verdict: 'pass' | 'fail';
    readonly provenance: 'human' | 'ai' | 'unknown';
    readonly provenanceSource: string;
    readonly findings: readonly Finding[];
  };
}
