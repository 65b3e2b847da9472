import type { CiReport } from '../../core/contracts/ci-report.js';
import type { ImpactReport } from '../../core/impact/impact-report.js';
import type { CommitReview } from '../../core/contracts/commit-review.js';
import type { ReviewRecord } from '../../core/record/review-record.js';
import { stringifyJson } from '../../core/text/stringify-json.js';

// The --json documents of `impact`, `ci`, `show` and `log` (the review's is format-json-report).
// Each starts with the tool's `version`; later versions add keys, never remove or rename one.
// docs/json.md describes every shape.

// stringifyJson: DEL, C1 controls and line separators from repository text as \u escapes.
const print = (document: unknown) => `${stringifyJson(document)}\n`;

export function formatImpactJson(impact: ImpactReport, version: string): string {
  return print({ version, ...impact });
}

export function formatCiJson(report: CiReport, version: string): string {
  return print({ version, ...report });
}

export function formatShowJson(review: CommitReview, note: ReviewRecord | null, version: string): string {
  return print({ version, ...review, note });
}

export function formatLogJson(reviews: readonly CommitReview[], version: string): string {
  return print({ version, commits: reviews });
}
