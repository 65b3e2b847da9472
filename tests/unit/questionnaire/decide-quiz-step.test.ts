import { describe, expect, test } from '@jest/globals';
import type { QuizQuestion } from '../../../src/core/questionnaire/build-quiz.js';
import { decideQuizStep } from '../../../src/core/questionnaire/decide-quiz-step.js';

const quiz = (id: string, answer: string): QuizQuestion => ({
  question: {
    id,
    kind: 'choice',
    isQuiz: true,
    message: `${id}?`,
    context: [],
    choices: [
      { value: answer, label: answer },
      { value: 'other', label: 'other' },
    ],
    contentKey: id,
  },
  answer,
  truth: `the truth of ${id} is ${answer}.`,
});
const two = [quiz('q1', 'a.ts'), quiz('q2', 'b.ts')];

describe('decideQuizStep', () => {
  test('asks the first question, passes on a right pick', () => {
    expect(decideQuizStep(two, [])).toEqual({ kind: 'ask', quiz: two[0] });
    expect(decideQuizStep(two, ['a.ts'])).toEqual({ kind: 'passed', corrections: [] });
  });

  test('a wrong pick shows the right answer and asks a second, different question', () => {
    const step = decideQuizStep(two, ['other']);
    expect(step).toMatchObject({ kind: 'ask', quiz: { question: { id: 'q2' } } });
    expect(step.kind === 'ask' && step.correction).toMatch(/Not quite: the truth of q1 is a\.ts/);
    expect(decideQuizStep(two, ['other', 'b.ts'])).toEqual({ kind: 'passed', corrections: ['the truth of q1 is a.ts.'] });
  });

  test('two wrong picks reject, with both truths and what to do next', () => {
    const step = decideQuizStep(two, ['other', 'other']);
    expect(step.kind).toBe('failed');
    expect(step.kind === 'failed' && step.message).toMatch(
      /Two comprehension answers were wrong: the truth of q1 is a\.ts\. the truth of q2 is b\.ts\. Read the staged diff/,
    );
  });

  test('no question, nothing to ask; one question answered wrongly rejects', () => {
    expect(decideQuizStep([], [])).toEqual({ kind: 'none' });
    expect(decideQuizStep([two[0]!], ['other']).kind).toBe('failed');
  });
});
