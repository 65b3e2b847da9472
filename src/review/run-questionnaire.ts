import type { ResolvedConfig } from '../core/config/defaults.js';
import type { QuestionnaireResult, ReviewAnalysis } from '../core/contracts/review-outcome.js';
import { evaluateSizeGate } from '../core/policy/size-gate.js';
import type { Prompter } from '../core/questionnaire/prompter.js';
import { isNotSure, NOT_SURE, type Answer, type Question } from '../core/questionnaire/question.js';
import { groundingFor, validateAnswer, type AnswerGroundingRules } from '../core/questionnaire/validate-answer.js';
import { checkImpactClaim } from '../core/questionnaire/check-impact-claim.js';
import { isAdmission } from '../core/questionnaire/detect-admission.js';
import type { RecordInput } from '../core/record/build-record.js';
import type { DeclaredProvenance, ReviewRecord } from '../core/record/review-record.js';
import type { AnswerFileEntry } from '../adapters/config/read-answers-file.js';
import type { Draft, ReviewStore } from '../adapters/store/review-store.js';
import type { QuizFile } from '../core/questionnaire/build-quiz.js';
import {
  earlierQuizAnswers,
  isQuizDue,
  listQuiz,
  nextQuizAttempt,
  quizContentKey,
  runQuizFromFile,
  runQuizInTerminal,
} from './run-quiz.js';

// The questionnaire of one review: the questions from the analysis, answered from a terminal
// (through the Prompter port) or an answers file, each validated the same way; a draft is kept
// after every typed answer; the finished record is written for the commit hooks to attach.

export interface QuestionnaireInputs {
  readonly analysis: ReviewAnalysis;
  readonly questions: readonly Question[];
  /** The index tree the review is bound to. */
  readonly tree: string;
  readonly config: ResolvedConfig;
  readonly store: ReviewStore;
  readonly version: string;
  /** Exactly one of the two: answers from a file, or a prompter on the person's terminal. */
  readonly answers:
    | { readonly kind: 'file'; readonly entries: Record<string, AnswerFileEntry> }
    | { readonly kind: 'prompter'; readonly prompter: Prompter };
  /** The changed modules with their hunks and both sides, for the comprehension check. */
  readonly readQuizFiles: () => Promise<readonly QuizFile[]>;
  /** The change's words and a lookup of other names, for grounding the answers (read-answer-grounding.ts). */
  readonly grounding?: AnswerGroundingRules;
  /** The record from the answers, with what only git knows (the staged patch, the reviewer,
   * a signature): complete-record.ts. Called once, after the last answer. */
  readonly completeRecord: (input: Omit<RecordInput, 'patch' | 'reviewer'>) => Promise<ReviewRecord>;
}

const DECLARED: Record<string, DeclaredProvenance> = { written: 'written', 'ai-assisted': 'ai-assisted', 'ai-generated': 'ai-generated' };

function fromFile(question: Question, entry: AnswerFileEntry | undefined): Answer | null {
  if (entry === undefined) return null;
  if (typeof entry === 'string')
    return question.kind === 'choice' ? { questionId: question.id, choice: entry, text: entry } : { questionId: question.id, text: entry };
  return {
    questionId: question.id,
    ...(entry.choice !== undefined && { choice: entry.choice }),
    text: entry.reason ?? entry.text ?? entry.choice ?? '',
  };
}

function isInterrupt(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

export async function runQuestionnaire(inputs: QuestionnaireInputs): Promise<QuestionnaireResult> {
  const { analysis, questions, config, store, tree } = inputs;
  const fileNames = analysis.files.map((f) => f.path);
  const answers: Answer[] = [];
  // An admission ("no idea, the AI wrote it") is "I am not sure": it stops the commit below.
  // Not on the provenance question, whose reason may rightly say the AI wrote it.
  const notSure = (question: Question, text: string) => isNotSure(text) || (question.id !== 'provenance' && isAdmission(text));
  const asked: Question[] = [...questions];
  const validateFor = (question: Question) => (text: string) =>
    notSure(question, text)
      ? null
      : validateAnswer(text, {
          minWords: config.questionnaire.minWords,
          otherAnswers: answers.filter((a) => !a.questionId.startsWith('quiz:')).map((a) => a.text),
          fileNames,
          question: question.message,
          ...groundingFor(question.id, inputs.grounding ?? {}),
        });
  let quizAsked = false;
  const file = inputs.answers.kind === 'file' ? inputs.answers.entries : null;
  const prompter = inputs.answers.kind === 'prompter' ? inputs.answers.prompter : null;
  const draft: Draft = prompter ? store.readDraft(tree) : {};
  let declared: DeclaredProvenance | undefined;
  const problems: string[] = [];
  try {
    for (const question of questions) {
      let answer: Answer | null;
      const validate = validateFor(question);
      // The quiz comes once provenance is known, before the impact questions it prepares for.
      if (!quizAsked && (question.id.startsWith('impact:') || question.id === 'verification')) {
        quizAsked = true;
        if (isQuizDue(config, analysis, declared)) {
          // Every attempt counts: a failed one is kept in the draft, the next asks other questions.
          const saved = prompter ? draft : store.readDraft(tree);
          const key = quizContentKey(analysis);
          const attempt = nextQuizAttempt(saved, key);
          const quiz = await listQuiz(analysis, inputs.readQuizFiles, attempt, questions);
          const result = file ? runQuizFromFile(quiz, file) : await runQuizInTerminal(quiz, prompter!);
          const earlier = earlierQuizAnswers(saved, key);
          const messages = new Map([...earlier.messages, ...quiz.map((q) => [q.question.id, q.question.message] as const)]);
          if (result.kind === 'failed' && result.problems.length > 0) problems.push(...result.problems);
          else if (result.kind === 'failed') {
            for (const a of result.answers)
              saved[a.questionId] = {
                text: a.text,
                contentKey: key,
                question: messages.get(a.questionId) ?? a.questionId,
                ...(a.choice && { choice: a.choice }),
              };
            saved[`quiz:${attempt}`] = { text: 'failed', contentKey: key };
            store.writeDraft(tree, saved);
            return { kind: 'quiz-failed', message: result.message };
          } else {
            answers.push(...earlier.answers, ...result.answers);
            for (const [id, message] of messages) asked.push({ id, kind: 'choice', isQuiz: true, message, context: [], contentKey: key });
          }
        }
      }
      if (file) {
        answer = fromFile(question, file[question.id]);
        if (answer === null) {
          problems.push(`${question.id}: no answer (${question.message})`);
          continue;
        }
        const choices = question.choices?.map((c) => c.value);
        if (choices && !choices.includes(answer.choice ?? '')) problems.push(`${question.id}: choose one of ${choices.join(', ')}`);
        const problem =
          question.kind === 'text' || question.needsReason ? (validate(answer.text) ?? checkImpactClaim(question, answer)) : null;
        if (problem) problems.push(`${question.id}: ${problem}`);
      } else {
        const saved = draft[question.id];
        const isUsable = saved && saved.contentKey === question.contentKey && saved.choice !== NOT_SURE && !notSure(question, saved.text);
        let defaultAnswer = isUsable
          ? { questionId: question.id, text: saved.text, ...(saved.choice && { choice: saved.choice }) }
          : undefined;
        for (;;) {
          answer = await prompter!.ask(question, { ...(defaultAnswer && { defaultAnswer }), validate });
          const challenge = answer.choice === NOT_SURE ? null : checkImpactClaim(question, answer);
          if (challenge === null) break;
          prompter!.write(`${challenge}\n`);
          defaultAnswer = answer;
        }
        // "I am not sure" stops the commit; it must never come back as the next attempt's default.
        if (answer.choice !== NOT_SURE && !notSure(question, answer.text)) {
          draft[question.id] = { text: answer.text, contentKey: question.contentKey, ...(answer.choice && { choice: answer.choice }) };
          store.writeDraft(tree, draft);
        }
      }
      if (answer.choice === NOT_SURE || notSure(question, answer.text)) return { kind: 'not-sure', question: question.message };
      answers.push(answer);
      if (question.id === 'provenance') {
        declared = DECLARED[answer.choice ?? ''];
        if (declared !== undefined && declared !== 'written') {
          // AI work gets the AI budget, applied before anything else is asked.
          const gate = evaluateSizeGate({
            files: analysis.files,
            ...(analysis.hunks !== undefined && { hunks: analysis.hunks }),
            provenance: 'ai',
            config,
          });
          if (gate.verdict === 'reject' && analysis.override === null)
            return { kind: 'over-ai-budget', reasons: gate.reasons.map((r) => r.message) };
        }
      }
    }
  } catch (error) {
    if (isInterrupt(error)) return { kind: 'interrupted' };
    throw error;
  }
  if (problems.length > 0) return { kind: 'invalid-answers', problems };
  const kind = declared === undefined ? analysis.provenance.kind : declared === 'written' ? 'human' : 'ai';
  const record = await inputs.completeRecord({
    tree,
    base: analysis.base.rev,
    answeredFrom: file ? 'file' : 'terminal',
    now: new Date(),
    provenance: {
      kind,
      decidedBy: declared !== undefined ? 'declared by the author' : analysis.provenance.decidedBy,
      ...(declared === undefined && analysis.provenance.lines && { lines: analysis.provenance.lines }),
    },
    ...(declared !== undefined && { declared }),
    totals: analysis.totals,
    risk: analysis.impact?.risk.level ?? 'unknown',
    questions: asked,
    answers,
    override: analysis.override,
    version: inputs.version,
  });
  store.writeReview(record);
  store.removeDraft(tree);
  return { kind: 'recorded', record };
}
