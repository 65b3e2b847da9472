import type { QuizQuestion } from './build-quiz.js';

// The quiz flow as a function of the picks so far: a right pick passes; a wrong one shows the
// right answer and asks a second, different question; a second wrong pick (or a wrong pick
// with no other question to ask) rejects the commit, saying what to read before trying again.

export type QuizStep =
  | { readonly kind: 'none' }
  | { readonly kind: 'ask'; readonly quiz: QuizQuestion; readonly correction?: string }
  | { readonly kind: 'passed'; readonly corrections: readonly string[] }
  | { readonly kind: 'failed'; readonly message: string };

/** `picks[i]` is the value chosen for `quiz[i]`. */
export function decideQuizStep(quiz: readonly QuizQuestion[], picks: readonly string[]): QuizStep {
  if (quiz.length === 0) return { kind: 'none' };
  const corrections: string[] = [];
  for (const [index, pick] of picks.entries()) {
    const question = quiz[index];
    if (question === undefined) break;
    if (pick === question.answer) return { kind: 'passed', corrections };
    corrections.push(question.truth);
  }
  const next = quiz[picks.length];
  if (corrections.length < 2 && next !== undefined) {
    const correction = corrections.at(-1);
    return { kind: 'ask', quiz: next, ...(correction !== undefined && { correction: `Not quite: ${correction}` }) };
  }
  return {
    kind: 'failed',
    message: `${corrections.length === 1 ? 'The comprehension check was answered wrongly' : 'Two comprehension answers were wrong'}: ${corrections.join(' ')} Read the staged diff (git diff --cached) and the files it names, then commit again.`,
  };
}
