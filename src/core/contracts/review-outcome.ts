import type { AgentPolicy } from '../policy/agent-policy.js';
import type { ChangeBase, FileChange } from '../change/staged-change.js';
import type { ChangeTotals } from '../change/totals.js';
import type { ImpactReport } from '../impact/impact-report.js';
import type { SplitPart } from '../split/propose-split-parts.js';
import type { GateResult, Reason } from '../policy/size-gate.js';
import type { Provenance } from '../provenance/detect-provenance.js';
import type { Question } from '../questionnaire/question.js';
import type { ReviewRecord } from '../record/review-record.js';

// What one review produces (the contract between review/, which computes it, and cli/ and the
// formatters, which print it and map it to an exit code). `selfreview --json` prints it.

/** The analysis of the staged change: the change model, provenance, the gate and the blast radius. */
export interface ReviewAnalysis {
  readonly verdict: 'pass' | 'reject';
  readonly reasons: readonly Reason[];
  /** What was compared and why, for the special states (first commit, merge, amend, replay). */
  readonly notes: readonly string[];
  readonly base: ChangeBase;
  readonly files: readonly FileChange[];
  readonly totals: ChangeTotals;
  readonly hunks?: number;
  readonly provenance: Provenance;
  readonly gate: GateResult;
  readonly split: readonly SplitPart[];
  /** The emergency override's reason, when one let an oversized change through. */
  readonly override: string | null;
  /** Where the config came from, or null for the defaults. */
  readonly configSource: string | null;
  /** The blast radius and risk; absent when nothing was staged, with --no-impact, or when the
   * review did not need it (an existing review of the same content). */
  readonly impact?: ImpactReport;
  /** A rebase, cherry-pick or revert is replaying commits: nothing to ask about. */
  readonly isReplay?: boolean;
  /** Set when an AI agent's environment drives the review: what it is told to do instead. */
  readonly agentPolicy?: AgentPolicy;
}

/** How the questionnaire ended. */
export type QuestionnaireResult =
  | { readonly kind: 'recorded'; readonly record: ReviewRecord }
  | { readonly kind: 'already-reviewed'; readonly record: ReviewRecord }
  | { readonly kind: 'nothing-to-ask'; readonly reason: string }
  | { readonly kind: 'agent'; readonly signal: string; readonly policy?: AgentPolicy; readonly skipRefused?: boolean }
  /** SELFREVIEW=0 in an agent's environment, allowed by provenance.agentsMaySkip: the commit is marked. */
  | { readonly kind: 'agent-skipped'; readonly signal: string }
  | { readonly kind: 'no-terminal' }
  | { readonly kind: 'not-sure'; readonly question: string }
  | { readonly kind: 'invalid-answers'; readonly problems: readonly string[] }
  | { readonly kind: 'over-ai-budget'; readonly reasons: readonly string[] }
  | { readonly kind: 'quiz-failed'; readonly message: string }
  | { readonly kind: 'interrupted' };

export interface ReviewOutcome {
  readonly analysis: ReviewAnalysis;
  /** The questions asked, or that would be asked (dry run, --json); empty when none apply. */
  readonly questions: readonly Question[];
  /** How the questionnaire ended; null when it did not run (dry run, --json, a rejected gate). */
  readonly questionnaire: QuestionnaireResult | null;
}
