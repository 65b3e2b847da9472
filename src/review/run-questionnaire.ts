import { buildQuiz } from '../core/questionnaire/build-quiz.js';
import { generateQuestions } from '../core/questionnaire/generate-questions.js';
import { isNotSure, NOT_SURE, type Answer, type Question } from '../core/questionnaire/question.js';
import { validateAnswer } from '../core/questionnaire/validate-answer.js';
import type { DeclaredProvenance, ReviewRecord } from '../core/record/review-record.js';
import { evaluateSizeGate } from '../core/policy/size-gate.js';
import type { ResolvedConfig } from '../core/config/defaults.js';
import type { AnswerFileEntry } from '../adapters/config/read-answers-file.js';
import type { GitClient } from '../adapters/git/git-client.js';
import type { Prompter } from '../adapters/prompts/terminal-prompter.js';
import { openReviewStore, type Draft } from '../adapters/store/review-store.js';
import { isModulePath } from '../core/impact/module-path.js';
import { completeRecord } from './complete-record.js';
import type { ReviewOutcome } from './review-outcome.js';

// After the gate passed: bind the review to the index tree, and unless a review of that exact
// content exists, ask the questions (from a terminal or an answers file), keeping a draft after
// every answer, and write the finished record for the commit hooks to attach.

export type QuestionnaireResult =
  | { readonly kind: 'recorded'; readonly record: ReviewRecord }
  | { readonly kind: 'already-reviewed'; readonly record: ReviewRecord }
  | { readonly kind: 'nothing-to-ask'; readonly reason: string }
  | { readonly kind: 'agent'; readonly signal: string }
  | { readonly kind: 'no-terminal' }
  | { readonly kind: 'not-sure'; readonly question: string }
  | { readonly kind: 'invalid-answers'; readonly problems: readonly string[] }
  | { readonly kind: 'over-ai-budget'; readonly reasons: readonly string[] }
  | { readonly kind: 'interrupted' };

export interface QuestionnaireOptions {
  readonly outcome: ReviewOutcome;
  readonly git: GitClient;
  readonly config: ResolvedConfig;
  readonly version: string;
  /** Answers from a file; when absent, `openPrompter` is asked for a terminal. */
  readonly answersFile?: Record<string, AnswerFileEntry>;
  readonly openPrompter: () => Prompter | null;
}

const DECLARED: Record<string, DeclaredProvenance> = { written: 'written', 'ai-assisted': 'ai-assisted', 'ai-generated': 'ai-generated' };

function fromFile(question: Question, entry: AnswerFileEntry | undefined): Answer | null {
  if (entry === undefined) return null;
  if (typeof entry === 'string') return question.kind === 'choice' ? { questionId: question.id, choice: entry, text: entry } : { questionId: question.id, text: entry };
  return { questionId: question.id, ...(entry.choice !== undefined && { choice: entry.choice }), text: entry.reason ?? entry.text ?? entry.choice ?? '' };
}

function isInterrupt(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

export async function runQuestionnaire(options: QuestionnaireOptions): Promise<QuestionnaireResult> {
  const { outcome, git, config } = options;
  if (outcome.isReplay) return { kind: 'nothing-to-ask', reason: 'commits being replayed were reviewed when first made' };
  if (outcome.totals.files === 0) return { kind: 'nothing-to-ask', reason: 'no counted file changed' };
  const store = openReviewStore(git.info.commonDir);
  const tree = await git.readIndexTree();
  const existing = store.readReview(tree);
  if (existing) return { kind: 'already-reviewed', record: existing };
  // An agent in a pseudo-terminal would answer for the person: never prompt it.
  if (outcome.provenance.isAgentDriven) return { kind: 'agent', signal: outcome.provenance.decidedBy ?? 'an AI agent environment' };

  const questions = listQuestions(outcome);
  const fileNames = outcome.files.map((f) => f.path);
  const answers: Answer[] = [];
  const validate = (text: string) =>
    isNotSure(text) ? null : validateAnswer(text, { minWords: config.questionnaire.minWords, otherAnswers: answers.map((a) => a.text), fileNames });

  const prompter = options.answersFile ? null : options.openPrompter();
  if (!options.answersFile && prompter === null) return { kind: 'no-terminal' };
  const draft: Draft = options.answersFile ? {} : store.readDraft(tree);
  let declared: DeclaredProvenance | undefined;
  const problems: string[] = [];
  try {
    for (const question of questions) {
      let answer: Answer | null;
      if (options.answersFile) {
        answer = fromFile(question, options.answersFile[question.id]);
        if (answer === null) {
          problems.push(`${question.id}: no answer (${question.message})`);
          continue;
        }
        const choices = question.choices?.map((c) => c.value);
        if (choices && !choices.includes(answer.choice ?? '')) problems.push(`${question.id}: choose one of ${choices.join(', ')}`);
        const problem = question.kind === 'text' || question.needsReason ? validate(answer.text) : null;
        if (problem) problems.push(`${question.id}: ${problem}`);
      } else {
        if (question.id.startsWith('impact:') && isQuizDue(config, outcome, declared)) {
          const quizAnswer = await askQuiz(question, outcome, git, prompter!);
          if (quizAnswer) answers.push(quizAnswer);
        }
        const saved = draft[question.id];
        const defaultAnswer = saved && saved.contentKey === question.contentKey ? { questionId: question.id, text: saved.text, ...(saved.choice && { choice: saved.choice }) } : undefined;
        answer = await prompter!.ask(question, { ...(defaultAnswer && { defaultAnswer }), validate });
        draft[question.id] = { text: answer.text, contentKey: question.contentKey, ...(answer.choice && { choice: answer.choice }) };
        store.writeDraft(tree, draft);
      }
      if (answer.choice === NOT_SURE || isNotSure(answer.text)) return { kind: 'not-sure', question: question.message };
      answers.push(answer);
      if (question.id === 'provenance') {
        declared = DECLARED[answer.choice ?? ''];
        if (declared !== undefined && declared !== 'written') {
          // AI work gets the AI budget, applied before anything else is asked.
          const gate = evaluateSizeGate({ files: outcome.files, ...(outcome.hunks !== undefined && { hunks: outcome.hunks }), provenance: 'ai', config });
          if (gate.verdict === 'reject' && outcome.override === null) return { kind: 'over-ai-budget', reasons: gate.reasons.map((r) => r.message) };
        }
      }
    }
  } catch (error) {
    if (isInterrupt(error)) return { kind: 'interrupted' };
    throw error;
  } finally {
    prompter?.close();
  }
  if (problems.length > 0) return { kind: 'invalid-answers', problems };
  const kind = declared === undefined ? outcome.provenance.kind : declared === 'written' ? 'human' : 'ai';
  const record = await completeRecord(git, config, {
    tree,
    base: outcome.base.rev,
    answeredFrom: options.answersFile ? 'file' : 'terminal',
    now: new Date(),
    provenance: { kind, decidedBy: declared !== undefined ? 'declared by the author' : outcome.provenance.decidedBy },
    ...(declared !== undefined && { declared }),
    totals: outcome.totals,
    risk: outcome.impact?.risk.level ?? 'unknown',
    questions,
    answers,
    override: outcome.override,
    version: options.version,
  });
  store.writeReview(record);
  store.removeDraft(tree);
  return { kind: 'recorded', record };
}

function isQuizDue(config: ResolvedConfig, outcome: ReviewOutcome, declared: DeclaredProvenance | undefined): boolean {
  if (config.questionnaire.quiz === 'never') return false;
  if (config.questionnaire.quiz === 'always') return true;
  return declared === 'ai-generated' || (declared === undefined && outcome.provenance.kind === 'ai');
}

/** The comprehension check before an impact question; a wrong pick shows the truth. */
async function askQuiz(impactQuestion: Question, outcome: ReviewOutcome, git: GitClient, prompter: Prompter): Promise<Answer | null> {
  const symbol = outcome.impact?.changedSymbols.find((s) => impactQuestion.id === `impact:${s.path}#${s.name}`);
  if (!symbol) return null;
  const candidates = (await git.listIndex()).map((e) => e.path).filter(isModulePath);
  const quiz = buildQuiz(symbol, candidates, outcome.totals.added + outcome.totals.removed);
  if (!quiz) return null;
  const picked = await prompter.ask(quiz.question, { validate: () => null });
  const isRight = picked.choice === quiz.answer;
  if (!isRight) prompter.write(`Not quite: ${quiz.truth}\n`);
  return { questionId: quiz.question.id, ...(picked.choice !== undefined && { choice: picked.choice }), text: isRight ? 'right' : `wrong; ${quiz.truth}` };
}

/** The questions the review would ask, for --dry-run. */
export function listQuestions(outcome: ReviewOutcome): Question[] {
  return generateQuestions({ files: outcome.files, provenance: outcome.provenance.kind, ...(outcome.impact && { impact: outcome.impact }) });
}
