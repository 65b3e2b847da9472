import { toRecordedSplit, type LineSplit } from '../provenance/lines/line-owners.js';
import type { PatchSummary } from '../change/patch-summary.js';
import type { Answer, Question } from '../questionnaire/question.js';
import type { DeclaredProvenance, ReviewRecord } from './review-record.js';
import { toTrailerValue } from './trailers.js';

// The review record from the analysis and the answers: what the commit will carry.

export interface RecordInput {
  readonly tree: string;
  readonly base: string;
  readonly patch: PatchSummary;
  readonly reviewer: ReviewRecord['reviewer'];
  readonly answeredFrom: ReviewRecord['answeredFrom'];
  readonly now: Date;
  readonly provenance: { readonly kind: 'human' | 'ai' | 'unknown'; readonly decidedBy: string | null; readonly lines?: LineSplit };
  readonly declared?: DeclaredProvenance;
  readonly totals: { readonly files: number; readonly added: number; readonly removed: number };
  readonly risk: ReviewRecord['risk'];
  readonly questions: readonly Question[];
  readonly answers: readonly Answer[];
  readonly override: string | null;
  readonly version: string;
  readonly timingsMs?: Readonly<Record<string, number>>;
}

export function buildReviewRecord(input: RecordInput): ReviewRecord {
  const messages = new Map(input.questions.map((q) => [q.id, q.message]));
  const intent = input.answers.find((a) => a.questionId === 'intent')?.text ?? '';
  return {
    version: 2,
    tree: input.tree,
    base: input.base,
    patch: input.patch,
    reviewer: input.reviewer,
    answeredFrom: input.answeredFrom,
    createdAt: input.now.toISOString(),
    provenance: {
      kind: input.provenance.kind,
      decidedBy: input.provenance.decidedBy,
      ...(input.declared && { declared: input.declared }),
      ...(input.provenance.lines && { lines: toRecordedSplit(input.provenance.lines) }),
    },
    totals: input.totals,
    risk: input.risk,
    intent: toTrailerValue(intent.split('\n')[0] ?? ''),
    answers: input.answers.map((a) => ({
      questionId: a.questionId,
      question: messages.get(a.questionId) ?? a.questionId,
      ...(a.choice !== undefined && { choice: a.choice }),
      answer: a.text,
    })),
    override: input.override,
    ...(input.timingsMs && { timingsMs: input.timingsMs }),
    tool: { name: 'selfreview', version: input.version },
  };
}
