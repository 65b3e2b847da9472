import type { CommitSummary } from '../policy/check-commit.js';

// What `selfreview ci` produces: review/ computes it, the formatters print it (text, JSON,
// Markdown, GitHub annotations, SARIF).

export type { CommitSummary };

export interface CiReport {
  readonly range: { readonly base: string; readonly head: string };
  /**
   * Where the policy came from ("--config ci.json", ".selfreviewrc.json at base 1a2b3c4d5e",
   * "defaults at base …"), and what the range changes in it: a change applies from the next range.
   */
  readonly policy?: { readonly source: string; readonly change: string | null };
  readonly commits: readonly CommitSummary[];
  readonly verdict: 'pass' | 'fail';
  readonly totals: {
    readonly commits: number;
    readonly failed: number;
    readonly reviewed: number;
    readonly missing: number;
    readonly changedAfterReview: number;
    readonly overrides: number;
    /** Reviews whose record is not in the fetched notes. */
    readonly unverified: number;
    /** Review claims that do not verify (hand-written lines, altered records, bad signatures). */
    readonly invalid: number;
    /** Commits before ci.since: reported, not judged. */
    readonly beforeStart?: number;
  };
}
