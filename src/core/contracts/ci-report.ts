import type { CommitSummary } from '../policy/check-commit.js';

// What `selfreview ci` produces: review/ computes it, the formatters print it (text, JSON,
// Markdown, GitHub annotations, SARIF).

export type { CommitSummary };

export interface CiReport {
  readonly range: { readonly base: string; readonly head: string };
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
  };
}
