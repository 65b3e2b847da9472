import { buildQuiz, type QuizQuestion } from '../core/questionnaire/build-quiz.js';
import { decideQuizStep } from '../core/questionnaire/decide-quiz-step.js';
import type { Answer } from '../core/questionnaire/question.js';
import type { ResolvedConfig } from '../core/config/defaults.js';
import type { DeclaredProvenance } from '../core/record/review-record.js';
import { isModulePath } from '../core/impact/module-path.js';
import type { ReviewAnalysis } from '../core/contracts/review-outcome.js';
import type { Prompter } from '../core/questionnaire/prompter.js';
import type { AnswerFileEntry } from '../adapters/config/read-answers-file.js';

// The comprehension check inside the questionnaire: built once from the impact report and the
// index, asked from a terminal or read from an answers file, judged by decideQuizStep.

export type QuizResult =
  | { readonly kind: 'passed'; readonly answers: readonly Answer[] }
  | { readonly kind: 'failed'; readonly message: string; readonly problems: readonly string[] };

/** Whether the quiz applies: AI-generated changes, or always/never by config. */
export function isQuizDue(config: ResolvedConfig, analysis: ReviewAnalysis, declared: DeclaredProvenance | undefined): boolean {
  if (config.questionnaire.quiz === 'never') return false;
  if (config.questionnaire.quiz === 'always') return true;
  return declared === 'ai-generated' || (declared === undefined && analysis.provenance.kind === 'ai');
}

/** Whether the quiz may apply, before the author has declared who wrote the change (--dry-run). */
export function isQuizPossible(config: ResolvedConfig, analysis: ReviewAnalysis): boolean {
  if (config.questionnaire.quiz === 'never') return false;
  return config.questionnaire.quiz === 'always' || analysis.provenance.kind !== 'human';
}

export async function listQuiz(analysis: ReviewAnalysis, listModulePaths: () => Promise<readonly string[]>): Promise<QuizQuestion[]> {
  if (analysis.impact === undefined) return [];
  const candidates = (await listModulePaths()).filter(isModulePath);
  return buildQuiz({ impact: analysis.impact, candidates, seed: analysis.totals.added + analysis.totals.removed });
}

const toAnswer = (quiz: QuizQuestion, pick: string): Answer => ({
  questionId: quiz.question.id,
  choice: pick,
  text: pick === quiz.answer ? 'right' : 'wrong',
});

/** The quiz answered from a file: every question asked must have an answer there. */
export function runQuizFromFile(quiz: readonly QuizQuestion[], file: Record<string, AnswerFileEntry>): QuizResult {
  const picks: string[] = [];
  for (;;) {
    const step = decideQuizStep(quiz, picks);
    if (step.kind === 'none' || step.kind === 'passed') return { kind: 'passed', answers: picks.map((p, i) => toAnswer(quiz[i]!, p)) };
    if (step.kind === 'failed') return { kind: 'failed', message: step.message, problems: [] };
    const entry = file[step.quiz.question.id];
    const pick = typeof entry === 'string' ? entry : entry?.choice;
    if (pick === undefined) {
      const choices = step.quiz.question.choices?.map((c) => c.value).join(' | ') ?? '';
      return {
        kind: 'failed',
        message: '',
        problems: [`${step.quiz.question.id}: no answer (${step.quiz.question.message} [${choices}])`],
      };
    }
    picks.push(pick);
  }
}

export async function runQuizInTerminal(quiz: readonly QuizQuestion[], prompter: Prompter): Promise<QuizResult> {
  const picks: string[] = [];
  for (;;) {
    const step = decideQuizStep(quiz, picks);
    if (step.kind === 'none') return { kind: 'passed', answers: [] };
    if (step.kind === 'passed') {
      if (picks.length > 1) prompter.write('Right.\n');
      return { kind: 'passed', answers: picks.map((p, i) => toAnswer(quiz[i]!, p)) };
    }
    if (step.kind === 'failed') return { kind: 'failed', message: step.message, problems: [] };
    if (step.correction) prompter.write(`${step.correction}\nA second question:\n`);
    const picked = await prompter.ask(step.quiz.question, { validate: () => null });
    picks.push(picked.choice ?? '');
  }
}
