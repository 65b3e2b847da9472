import type { FileChange } from '../change/staged-change.js';
import type { ResolvedConfig } from '../config/defaults.js';
import { decideCommitProvenance, type CommitProvenance, type CommitProvenanceInput } from '../provenance/decide-commit-provenance.js';
import { checkCommit, type CiPolicy, type CommitCheck } from './check-commit.js';
import { evaluateSizeGate, type GateResult } from './size-gate.js';
import type { ReviewVerification } from './verify-review.js';
import { isSetupOnly } from '../setup/setup-files.js';

// One commit's verdict on provenance and size, from every signal it carries: the one decision
// the commit-msg hook (before the commit exists), `selfreview ci`, `log` and `show` all take, so
// a commit the hook accepts is never failed by CI for its provenance or its size, and the reverse.
// The hook passes what it has at that moment (the pending record, the message, the author); CI
// the same from the commit and its note.

export interface CommitDecisionInput extends CommitProvenanceInput {
  /** The counted change; null when it is not measured (an octopus merge). */
  readonly files: readonly FileChange[] | null;
  readonly isMerge: boolean;
  readonly review: ReviewVerification;
  readonly policy: CiPolicy;
  readonly config: ResolvedConfig;
  readonly isStaged?: boolean;
}

export interface CommitDecision {
  readonly provenance: CommitProvenance;
  readonly gate: GateResult | null;
  readonly check: CommitCheck;
}

export function decideCommit(input: CommitDecisionInput): CommitDecision {
  const provenance = decideCommitProvenance(input);
  const { files } = input;
  const gate =
    files === null
      ? null
      : evaluateSizeGate({ files, provenance: provenance.kind, config: input.config, lineSplit: provenance.lines ?? null });
  // A merge whose counted change is empty adds nothing to git's automatic merge of its parents.
  const addsNothing = input.isMerge && files !== null && files.every((f) => f.excluded !== null);
  const check = checkCommit({
    isMerge: input.isMerge,
    gate,
    signals: provenance.signals,
    review: input.review,
    policy: input.policy,
    addsNothing,
    isSetupCommit: !input.isMerge && files !== null && isSetupOnly(files),
    provenanceConflict: provenance.conflict,
    ...(input.isStaged === true && { isStaged: true }),
  });
  return { provenance, gate, check };
}
