import type { ReviewOutcome } from '../../core/contracts/review-outcome.js';
import { stringifyJson } from '../../core/text/stringify-json.js';

// The --json contract (README "JSON output"): later versions add keys, never remove or rename.

export function formatJsonReport(reviewOutcome: ReviewOutcome, version: string): string {
  const outcome = reviewOutcome.analysis;
  const questions = outcome.verdict === 'pass' && outcome.totals.files > 0 && !outcome.isReplay ? reviewOutcome.questions : undefined;
  const { gate, provenance, totals } = outcome;
  const document = {
    version,
    verdict: outcome.verdict,
    reasons: outcome.reasons,
    notes: outcome.notes,
    base: outcome.base,
    provenance: {
      kind: provenance.kind,
      signals: provenance.signals,
      decidedBy: provenance.decidedBy,
      isAgentDriven: provenance.isAgentDriven,
      ...(provenance.lines !== undefined && { lines: provenance.lines }),
    },
    budget: { ...gate.budget, kind: gate.budgetKind, ...(gate.split !== undefined && { lineByLine: gate.split }) },
    groups: gate.groups,
    totals,
    ...(outcome.hunks !== undefined && { hunks: outcome.hunks }),
    files: outcome.files.map((f) => ({
      path: f.path,
      ...(f.oldPath !== undefined && { oldPath: f.oldPath }),
      status: f.status,
      ...(f.similarity !== undefined && { similarity: f.similarity }),
      added: f.added,
      removed: f.removed,
      binary: f.binary,
      excluded: f.excluded,
      kind: f.newKind === 'none' ? f.oldKind : f.newKind,
      ...(f.modeOnly && { modeOnly: true }),
    })),
    split: outcome.split,
    override: outcome.override,
    config: outcome.configSource,
    ...(outcome.impact !== undefined && { impact: outcome.impact }),
    ...(outcome.agentPolicy !== undefined && { agentPolicy: outcome.agentPolicy }),
    ...(questions !== undefined && {
      questions: questions.map((q) => ({
        id: q.id,
        kind: q.kind,
        message: q.message,
        ...(q.choices && { choices: q.choices.map((c) => c.value) }),
        ...(q.needsReason && { needsReason: true }),
        ...(q.isQuiz && { quiz: true }),
      })),
    }),
  };
  return `${stringifyJson(document)}\n`;
}
