import type { ChangeBase, FileChange } from '../core/change/staged-change.js';
import type { ImpactReport } from '../core/impact/impact-report.js';
import type { ChangeTotals } from '../core/change/totals.js';
import type { Provenance } from '../core/provenance/detect-provenance.js';
import type { GateResult, Reason } from '../core/policy/size-gate.js';
import type { SplitPart } from '../core/policy/propose-split.js';

/** What one review found; cli/ turns it into output and an exit code. */
export interface ReviewOutcome {
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
  /** The blast radius and risk; absent when nothing was staged. */
  readonly impact?: ImpactReport;
  /** A rebase, cherry-pick or revert is replaying commits: nothing to ask about. */
  readonly isReplay?: boolean;
}
