import { describe, expect, test } from '@jest/globals';
import type { QuizKind, QuizQuestion } from '../../../src/core/questionnaire/build-quiz.js';
import { askedQuestions, decideQuizStep } from '../../../src/core/questionnaire/decide-quiz-step.js';

const quiz = (id: string, kind: QuizKind, choices = 5): QuizQuestion => ({
  question: {
    id,
    kind: 'choice',
    isQuiz: true,
    message: `${id}?`,
    context: [],
    choices: Array.from({ length: choices }, (_, i) => ({ value: `${id}-${i}`, label: `${id}-${i}` })),
    contentKey: id,
  },
  answer: `${id}-0`,
  kind,
  chance: 1 / choices,
});
const pool = [
  quiz('a1', 'added'),
  quiz('a2', 'added'),
  quiz('r1', 'removed'),
  quiz('a3', 'added'),
  quiz('r2', 'removed'),
  quiz('r3', 'removed'),
];
const right = (q: QuizQuestion) => q.answer;
const wrong = (q: QuizQuestion) => `${q.question.id}-1`;

describe('decideQuizStep', () => {
  test('two right picks of five choices pass (1 in 25); nothing to ask is no quiz', () => {
    expect(decideQuizStep([], [])).toEqual({ kind: 'none' });
    expect(decideQuizStep(pool, [])).toEqual({ kind: 'ask', quiz: pool[0], afterWrong: false });
    expect(decideQuizStep(pool, [right(pool[0]!)])).toEqual({ kind: 'ask', quiz: pool[1], afterWrong: false });
    expect(decideQuizStep(pool, [right(pool[0]!), right(pool[1]!)])).toEqual({ kind: 'passed' });
  });

  test('four choices need three right picks', () => {
    const four = pool.map((q) => quiz(q.question.id, q.kind, 4));
    expect(decideQuizStep(four, [right(four[0]!), right(four[1]!)]).kind).toBe('ask');
    expect(decideQuizStep(four, [right(four[0]!), right(four[1]!), right(four[2]!)])).toEqual({ kind: 'passed' });
  });

  test('a wrong pick is followed by a question of another kind, and then more are needed', () => {
    const step = decideQuizStep(pool, [wrong(pool[0]!)]);
    expect(step).toEqual({ kind: 'ask', quiz: pool[2], afterWrong: true });
    // After a wrong pick the right ones must outweigh 1 in 500: four of five choices.
    const picks = [wrong(pool[0]!), right(pool[2]!), right(pool[1]!), right(pool[3]!), right(pool[4]!)];
    expect(decideQuizStep(pool, picks.slice(0, 4)).kind).toBe('ask');
    expect(decideQuizStep(pool, picks)).toEqual({ kind: 'passed' });
    expect(askedQuestions(pool, picks).map((q) => q.question.id)).toEqual(['a1', 'r1', 'a2', 'a3', 'r2']);
  });

  test('a second wrong pick fails; so does a wrong one with no other kind or too few left', () => {
    expect(decideQuizStep(pool, [wrong(pool[0]!), wrong(pool[2]!)])).toEqual({ kind: 'failed', reason: 'two-wrong' });
    const added = [quiz('a1', 'added'), quiz('a2', 'added')];
    expect(decideQuizStep(added, [wrong(added[0]!)])).toEqual({ kind: 'failed', reason: 'no-other-kind' });
    const small = [quiz('a1', 'added'), quiz('r1', 'removed')];
    expect(decideQuizStep(small, [wrong(small[0]!), right(small[1]!)])).toEqual({ kind: 'failed', reason: 'too-few-left' });
  });

  test('a quiz that runs out with every pick right passes', () => {
    const one = [quiz('a1', 'added')];
    expect(decideQuizStep(one, [right(one[0]!)])).toEqual({ kind: 'passed' });
  });
});
