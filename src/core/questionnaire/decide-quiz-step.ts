import type { QuizQuestion } from './build-quiz.js';

// The quiz flow as a function of the picks so far. Questions are asked until the right picks
// are worth more than luck: the chance that random picks got them all right falls to BAR (1 in
// 25), or to BAR_AFTER_WRONG (1 in 500) once a pick was wrong. A wrong pick earns one more chance,
// and only with a question of another kind; a second wrong pick, or no other kind left to ask,
// fails. A quiz that runs out of questions with every pick right passes. Nothing here says which
// choice was right: a failure names what to read, and the retry asks other questions.
// tests/unit/questionnaire/quiz-guessers.test.ts measures what a random guesser passes.

export const BAR = 1 / 25;
export const BAR_AFTER_WRONG = 1 / 500;

export type QuizStep =
  | { readonly kind: 'none' }
  | { readonly kind: 'ask'; readonly quiz: QuizQuestion; readonly afterWrong: boolean }
  | { readonly kind: 'passed' }
  | { readonly kind: 'failed'; readonly reason: QuizFailure };

/** Why a quiz failed: two wrong picks; a wrong one and no question of another kind; a wrong one
 * and too few questions left to outweigh luck. */
export type QuizFailure = 'two-wrong' | 'no-other-kind' | 'too-few-left';

/** `picks[i]` is the value chosen for the i-th question asked (see askedQuestions). */
export function decideQuizStep(quiz: readonly QuizQuestion[], picks: readonly string[]): QuizStep {
  if (quiz.length === 0) return { kind: 'none' };
  const asked = new Set<QuizQuestion>();
  let current: QuizQuestion = quiz[0]!;
  let chance = 1;
  let wrongKind: QuizQuestion['kind'] | null = null;
  let isLastWrong = false;
  for (const pick of picks) {
    asked.add(current);
    const rest = quiz.filter((q) => !asked.has(q));
    isLastWrong = pick !== current.answer;
    if (!isLastWrong) {
      chance *= current.chance;
      // (1e-9: 1/5 * 1/5 is 0.04000000000000001 in floating point)
      if (chance <= (wrongKind === null ? BAR : BAR_AFTER_WRONG) * (1 + 1e-9)) return { kind: 'passed' };
      const next = rest[0];
      if (next === undefined) return wrongKind === null ? { kind: 'passed' } : { kind: 'failed', reason: 'too-few-left' };
      current = next;
      continue;
    }
    if (wrongKind !== null) return { kind: 'failed', reason: 'two-wrong' };
    wrongKind = current.kind;
    const other = rest.find((q) => q.kind !== wrongKind);
    if (other === undefined) return { kind: 'failed', reason: 'no-other-kind' };
    current = other;
  }
  return { kind: 'ask', quiz: current, afterWrong: isLastWrong };
}

/** The questions asked for these picks, in order (the record keeps each with its pick). */
export function askedQuestions(quiz: readonly QuizQuestion[], picks: readonly string[]): QuizQuestion[] {
  const out: QuizQuestion[] = [];
  for (let i = 0; i <= picks.length; i++) {
    const step = decideQuizStep(quiz, picks.slice(0, i));
    if (step.kind !== 'ask') break;
    out.push(step.quiz);
  }
  return out;
}
