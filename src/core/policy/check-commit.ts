import type { ChangeTotals } from '../change/totals.js';
import type { RiskAssessment } from '../impact/impact-report.js';
import type { DetectedSignal } from '../provenance/agent-env-signals.js';
import { AGENT_SKIP_SIGNAL } from '../provenance/commit-signals.js';
import type { Finding } from './finding.js';
import type { GateResult } from './size-gate.js';
import type { ReviewStatus, ReviewVerification } from './verify-review.js';

// CI's verdict on one commit: the size budget for its provenance, and its verified review
// (verify-review.ts). An override counts only from a verified record.

export interface CiPolicy {
  /** A commit without a matching review record fails. */
  readonly requireReview: boolean;
  /** An override (with its reason) lets an oversized commit pass; reported either way. */
  readonly allowOverride: boolean;
  /** A commit with AI signals and no review fails even when reviews are not required. */
  readonly aiWithoutReview: 'fail' | 'warn';
}

export type RecordStatus = ReviewStatus;
export type { Finding };

export interface CommitCheckInput {
  readonly isMerge: boolean;
  readonly gate: GateResult | null; // null: not measured (octopus merge)
  readonly signals: readonly DetectedSignal[];
  readonly review: ReviewVerification;
  readonly policy: CiPolicy;
  /** The staged change rather than a commit (`selfreview ci --staged`). */
  readonly isStaged?: boolean;
  /** A merge that adds nothing to git's automatic merge of its parents: nothing to review. */
  readonly addsNothing?: boolean;
  /** Only selfreview's own setup files (setup-files.ts): accepted without a review. */
  readonly isSetupCommit?: boolean;
  /** The record says human while the commit carries AI evidence (decide-commit-provenance.ts). */
  readonly provenanceConflict?: string | null;
}

export interface CommitCheck {
  readonly status: RecordStatus;
  readonly findings: readonly Finding[];
  readonly verdict: 'pass' | 'fail';
}

export function checkCommit(input: CommitCheckInput): CommitCheck {
  const findings: Finding[] = [];
  const { review } = input;
  const status = review.status;
  const isAi = input.signals.some((s) => s.kind === 'ai');
  const override = review.override;
  if (input.gate?.verdict === 'reject') {
    if (override !== null && input.policy.allowOverride) {
      findings.push({ code: 'override', level: 'warning', message: `over budget, let through by an override: ${override}` });
    } else {
      for (const reason of input.gate.reasons) findings.push({ code: reason.code, level: 'error', message: reason.message });
    }
  } else if (override !== null) {
    findings.push({ code: 'override', level: 'note', message: `override recorded though within budget: ${override}` });
  }
  if (input.provenanceConflict) findings.push({ code: 'provenance-conflict', level: 'warning', message: input.provenanceConflict });
  const unreviewedLevel = input.policy.requireReview || (isAi && input.policy.aiWithoutReview === 'fail') ? 'error' : 'warning';
  if (status === 'missing' && input.addsNothing) {
    findings.push({ code: 'clean-merge', level: 'note', message: "a merge that adds nothing to git's automatic merge: nothing to review" });
  } else if (status === 'missing' && input.isSetupCommit) {
    findings.push({
      code: 'setup-commit',
      level: 'note',
      message: "a setup commit: only selfreview's own hook blocks, config and devDependency: nothing to review",
    });
  } else if (status === 'missing') {
    const who = isAi ? ` (AI signals: ${input.signals.map((s) => s.signal).join(', ')})` : '';
    const skippedByAgent = input.signals.some((s) => s.signal === AGENT_SKIP_SIGNAL);
    const what = input.isStaged
      ? 'no review recorded for the staged content: review it at a terminal first'
      : skippedByAgent
        ? "an AI agent's unreviewed commit: made with SELFREVIEW=0 in the agent's environment"
        : 'no review record: committed with --no-verify or without the hooks';
    findings.push({ code: 'review-missing', level: unreviewedLevel, message: `${what}${who}` });
  }
  // The review's own findings: forged lines, unverified records, changes after the review. Where
  // reviews are not required they warn, except what is forged (invalid) or AI work unreviewed.
  for (const f of review.findings) {
    const soften = f.level === 'error' && unreviewedLevel === 'warning' && status !== 'invalid';
    findings.push(soften ? { ...f, level: 'warning' } : f);
  }
  return { status, findings, verdict: findings.some((f) => f.level === 'error') ? 'fail' : 'pass' };
}

export interface CommitSummary {
  readonly commit: string;
  readonly subject: string;
  readonly isMerge: boolean;
  readonly totals: ChangeTotals | null;
  readonly provenance: 'human' | 'ai' | 'unknown';
  /** Which source decided the provenance (decide-commit-provenance.ts). */
  readonly provenanceSource: string;
  readonly signals: readonly DetectedSignal[];
  readonly budget: {
    readonly kind: 'human' | 'ai';
    readonly lines: number;
    readonly files: number;
    /** Measured line by line: AI lines against this budget, the rest against the human one. */
    readonly lineByLine?: { readonly source: string; readonly ai: number; readonly rest: number };
  } | null;
  readonly review: {
    readonly status: RecordStatus;
    /** "same tree", "rebased from <commit>", "combines the reviews of …". */
    readonly how: string | null;
    readonly risk: string | null;
    readonly override: string | null;
    readonly hasNote: boolean;
    /** Digests of the verified records that account for the commit. */
    readonly records: readonly string[];
    /** The record's comprehension check, every attempt counted (describe-quiz-attempts.ts). */
    readonly quiz?: string;
  };
  readonly risk?: RiskAssessment;
  readonly findings: readonly Finding[];
  readonly verdict: 'pass' | 'fail';
  /**
   * Files to annotate (the heaviest counted ones) for GitHub; on a commit with findings, the
   * first holds the lines of its largest hunk (largest-hunk.ts).
   */
  readonly files: readonly { readonly path: string; readonly lines: number; readonly startLine?: number; readonly endLine?: number }[];
}
