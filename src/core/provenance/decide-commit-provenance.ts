import type { DetectedSignal } from './agent-env-signals.js';
import type { ProvenanceKind } from './detect-provenance.js';

// A commit's provenance in CI, from every source, strongest first: the verified review record's
// declaration (or what the hook detected when it was recorded), the AI trailers and authors of
// the commit, a git-ai note, then the config's team default. One rule keeps the order from
// helping an agent: evidence of AI is never outvoted by a declaration of human work (as in the
// hook, where an agent's environment wins over SELFREVIEW_AI=0); the declaration of human work
// still decides over "unknown" and is reported against the evidence.

export interface CommitProvenanceInput {
  /** The verified record's provenance, when the commit has one. */
  readonly record: { readonly kind: ProvenanceKind; readonly decidedBy: string | null; readonly declared?: string } | null;
  /** Trailers and author (commit-signals.ts). */
  readonly commitSignals: readonly DetectedSignal[];
  /** The commit has a git-ai authorship note (refs/notes/ai). */
  readonly hasAiNote: boolean;
  readonly assume: 'detect' | 'human' | 'ai';
}

export interface CommitProvenance {
  readonly kind: ProvenanceKind;
  /** Which source decided, in words every output prints. */
  readonly source: string;
  readonly signals: readonly DetectedSignal[];
  /** The record said human while the commit carries AI evidence. */
  readonly conflict: string | null;
}

function describeRecord(record: NonNullable<CommitProvenanceInput['record']>): string {
  // The hook's commit-msg gate recorded AI evidence over a declaration of human work: say both.
  if (record.declared === 'written' && record.kind === 'ai' && record.decidedBy !== null)
    return `review record: ${record.decidedBy} (declared written)`;
  if (record.declared !== undefined) return `review record: declared ${record.declared}`;
  return `review record: ${record.decidedBy ?? record.kind}`;
}

export function decideCommitProvenance(input: CommitProvenanceInput): CommitProvenance {
  const signals: DetectedSignal[] = [...input.commitSignals];
  if (input.hasAiNote) signals.push({ signal: 'git-ai note', kind: 'ai', detail: 'git-ai authorship note under refs/notes/ai' });
  const { record } = input;
  const evidence = signals[0];
  if (record !== null && record.kind === 'ai') return { kind: 'ai', source: describeRecord(record), signals, conflict: null };
  if (evidence !== undefined) {
    const conflict =
      record?.kind === 'human'
        ? `the review record says ${describeRecord(record).replace('review record: ', '')}, but the commit carries ${evidence.signal}`
        : null;
    return { kind: 'ai', source: evidence.signal, signals, conflict };
  }
  if (record !== null && record.kind === 'human') return { kind: 'human', source: describeRecord(record), signals, conflict: null };
  if (input.assume !== 'detect') return { kind: input.assume, source: `config provenance.assume=${input.assume}`, signals, conflict: null };
  return { kind: 'unknown', source: 'no source: the human budget applies', signals, conflict: null };
}
