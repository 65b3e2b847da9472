import type { ChangeTotals } from '../change/totals.js';
import type { RiskAssessment } from '../impact/impact-report.js';
import type { DetectedSignal } from '../provenance/agent-env-signals.js';
import { recordStatusOf, type RecordStatus, type ReviewTrailer } from '../record/trailers.js';
import type { GateResult } from './size-gate.js';

// CI's verdict on one commit: the size budget for its provenance, and its review record.

export interface CiPolicy {
  /** A commit without a matching review record fails. */
  readonly requireReview: boolean;
  /** An override (with its reason) lets an oversized commit pass; reported either way. */
  readonly allowOverride: boolean;
  /** A commit with AI signals and no review fails even when reviews are not required. */
  readonly aiWithoutReview: 'fail' | 'warn';
}

export type { RecordStatus };

export interface CommitCheckInput {
  readonly tree: string;
  readonly isMerge: boolean;
  readonly gate: GateResult | null; // null: not measured (octopus merge)
  readonly signals: readonly DetectedSignal[];
  readonly trailer: ReviewTrailer | null;
  readonly override: string | null;
  readonly policy: CiPolicy;
  /** The staged change rather than a commit (`selfreview ci --staged`). */
  readonly isStaged?: boolean;
  /** A merge that adds nothing to git's automatic merge of its parents: nothing to review. */
  readonly addsNothing?: boolean;
}

export interface Finding {
  readonly code: string;
  readonly level: 'error' | 'warning' | 'note';
  readonly message: string;
}

export interface CommitCheck {
  readonly status: RecordStatus;
  readonly findings: readonly Finding[];
  readonly verdict: 'pass' | 'fail';
}

export function checkCommit(input: CommitCheckInput): CommitCheck {
  const findings: Finding[] = [];
  const status = recordStatusOf(input.tree, input.trailer);
  const isAi = input.signals.some((s) => s.kind === 'ai');
  if (input.gate?.verdict === 'reject') {
    if (input.override !== null && input.policy.allowOverride) {
      findings.push({ code: 'override', level: 'warning', message: `over budget, let through by an override: ${input.override}` });
    } else {
      for (const reason of input.gate.reasons) findings.push({ code: reason.code, level: 'error', message: reason.message });
    }
  } else if (input.override !== null) {
    findings.push({ code: 'override', level: 'note', message: `override recorded though within budget: ${input.override}` });
  }
  if (status === 'missing' && input.addsNothing) {
    findings.push({ code: 'clean-merge', level: 'note', message: "a merge that adds nothing to git's automatic merge: nothing to review" });
  } else if (status === 'missing') {
    const level = input.policy.requireReview || (isAi && input.policy.aiWithoutReview === 'fail') ? 'error' : 'warning';
    const who = isAi ? ` (AI signals: ${input.signals.map((s) => s.signal).join(', ')})` : '';
    const what = input.isStaged ? 'no review recorded for the staged content: run `npx selfreview` in a terminal' : 'no review record: committed with --no-verify or without the hooks';
    findings.push({ code: 'review-missing', level, message: `${what}${who}` });
  } else if (status === 'changed-after-review') {
    findings.push({ code: 'changed-after-review', level: input.policy.requireReview ? 'error' : 'warning', message: `the content changed after its review (reviewed tree ${input.trailer!.tree.slice(0, 10)}, commit tree ${input.tree.slice(0, 10)})` });
  }
  return { status, findings, verdict: findings.some((f) => f.level === 'error') ? 'fail' : 'pass' };
}

export interface CommitSummary {
  readonly commit: string;
  readonly subject: string;
  readonly isMerge: boolean;
  readonly totals: ChangeTotals | null;
  readonly provenance: 'human' | 'ai' | 'unknown';
  readonly signals: readonly DetectedSignal[];
  readonly budget: { readonly kind: 'human' | 'ai'; readonly lines: number; readonly files: number } | null;
  readonly review: { readonly status: RecordStatus; readonly risk: string | null; readonly override: string | null; readonly hasNote: boolean };
  readonly risk?: RiskAssessment;
  readonly findings: readonly Finding[];
  readonly verdict: 'pass' | 'fail';
  /** Files to annotate (the heaviest counted ones) for GitHub. */
  readonly files: readonly { readonly path: string; readonly lines: number }[];
}
