import type { DetectedSignal } from './agent-env-signals.js';
import type { ProvenanceKind } from './detect-provenance.js';
import type { LineSplit } from './lines/line-owners.js';

// A commit's provenance in CI, from every source, strongest first: the verified review record's
// declaration (or what the hook detected when it was recorded), the AI trailers and authors of
// the commit, a git-ai note, then the config's team default. One rule keeps the order from
// helping an agent: evidence of AI is never outvoted by a declaration of human work (as in the
// hook, where an agent's environment wins over SELFREVIEW_AI=0); the declaration of human work
// still decides over "unknown" and is reported against the evidence.

export interface CommitProvenanceInput {
  /** The verified record's provenance, when the commit has one. */
  readonly record: {
    readonly kind: ProvenanceKind;
    readonly decidedBy: string | null;
    readonly declared?: string;
    /** The line split the hook measured (git-ai working log, Agent Trace records). */
    readonly lines?: LineSplit;
  } | null;
  /** Trailers and author (commit-signals.ts). */
  readonly commitSignals: readonly DetectedSignal[];
  /** The commit has a git-ai authorship note (refs/notes/ai) that gives no lines (unreadable). */
  readonly hasAiNote: boolean;
  /**
   * AI-written lines from the commit's notes (refs/notes/ai, refs/notes/agent-trace) where they
   * exist, else the record's own split; null when neither gives lines.
   */
  readonly lines?: LineSplit | null;
  readonly assume: 'detect' | 'human' | 'ai';
}

export interface CommitProvenance {
  readonly kind: ProvenanceKind;
  /** Which source decided, in words every output prints. */
  readonly source: string;
  readonly signals: readonly DetectedSignal[];
  /** The record said human while the commit carries AI evidence. */
  readonly conflict: string | null;
  /** Set when only line-level records make the change AI: its AI lines meet the AI budget, the rest the human one. */
  readonly lines?: LineSplit;
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
  // Whole-commit evidence (a trailer, an author, an unreadable note, a declaration of AI work)
  // puts every line under the AI budget; line-level records alone measure line by line.
  const wholeCommit = signals[0];
  const lines = input.lines != null && input.lines.ai > 0 ? input.lines : null;
  if (lines !== null)
    signals.push({ signal: lines.source, kind: 'ai', detail: `${lines.ai} of ${lines.ai + lines.human} changed lines written by AI` });
  // A record the hook decided by its own line split is measured line by line here too.
  const recordByLines = record?.kind === 'ai' && lines !== null && record.lines !== undefined && record.decidedBy === record.lines.source;
  if (record !== null && record.kind === 'ai' && !recordByLines)
    return { kind: 'ai', source: describeRecord(record), signals, conflict: null };
  const evidence = signals[0];
  if (evidence !== undefined) {
    const conflict =
      record?.kind === 'human'
        ? `the review record says ${describeRecord(record).replace('review record: ', '')}, but the commit carries ${evidence.signal}`
        : null;
    // `provenance.assume: ai` is a team's strict budget for every line.
    const byLines = wholeCommit === undefined && lines !== null && input.assume !== 'ai';
    return { kind: 'ai', source: evidence.signal, signals, conflict, ...(byLines && { lines }) };
  }
  if (record !== null && record.kind === 'human') return { kind: 'human', source: describeRecord(record), signals, conflict: null };
  if (input.assume !== 'detect') return { kind: input.assume, source: `config provenance.assume=${input.assume}`, signals, conflict: null };
  return { kind: 'unknown', source: 'no source: the human budget applies', signals, conflict: null };
}
