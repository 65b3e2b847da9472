import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { buildQuiz, quizSeed, type QuizQuestion } from '../../src/core/questionnaire/build-quiz.js';
import { decideQuizStep } from '../../src/core/questionnaire/decide-quiz-step.js';
import { quizContentKey, readQuizFiles } from '../../src/review/run-quiz.js';
import { createScenarioRepo } from '../helpers/fixture-repo.js';
import { analyseAsAi } from '../helpers/analyse-as-ai.js';
import type { QuizFile } from '../../src/core/questionnaire/build-quiz.js';

// What a random guesser passes: many seeded random pickers through the real pure flow
// (buildQuiz, decideQuizStep) on the quiz material of real fixture changes, read from real git
// repositories by the product's own reader. The bar is 5% of reviews; a reader who picks right
// always passes, and one who slips once passes when a question of another kind is left.

const SCENARIOS = [
  ...['barrels', 'helper-change', 'precision', 'renamed-removed', 'rename-both', 'deep-nesting', 'warm-edit', 'workspaces'].map((s) => [
    'impact',
    s,
  ]),
  ['quiz', 'format-price'],
  // A pure addition: a new module with defaults and a new test beside kept ones.
  ['quiz', 'pure-addition'],
  // One removed comment: one askable line, and the hunk's empty side (openai-node dfec1297b4's shape).
  ['quiz', 'comment-removed'],
] as const;
const ATTEMPTS = 40;
const PICKERS = 50;

interface Material {
  readonly scenario: string;
  readonly files: readonly QuizFile[];
  readonly seed: number;
}
const materials: Material[] = [];

beforeAll(async () => {
  for (const [theme, scenario] of SCENARIOS) {
    const repo = createScenarioRepo(theme, scenario);
    try {
      const { git, analysis } = await analyseAsAi(repo.dir);
      materials.push({ scenario, files: await readQuizFiles(git, analysis), seed: quizSeed(quizContentKey(analysis)) });
    } finally {
      repo.cleanup();
    }
  }
}, 120_000);
afterAll(() => undefined);

/** A small seeded generator for the pickers (not the quiz's own). */
function picker(seed: number): () => number {
  let state = seed * 2654435761 + 1;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

type Strategy = (question: QuizQuestion, next: () => number) => string;
const randomPick: Strategy = (q, next) => q.question.choices![Math.floor(next() * q.question.choices!.length)]!.value;
const rightPick: Strategy = (q) => q.answer;

function play(quiz: readonly QuizQuestion[], strategy: Strategy, next: () => number): 'none' | 'passed' | 'failed' {
  const picks: string[] = [];
  for (;;) {
    const step = decideQuizStep(quiz, picks);
    if (step.kind !== 'ask') return step.kind;
    picks.push(strategy(step.quiz, next));
  }
}

describe('a random guesser against the quiz of real changes', () => {
  test('passes at most 5% of the reviews that ask a quiz; a reader passes them all', () => {
    let asked = 0;
    let guessed = 0;
    const perScenario: string[] = [];
    for (const material of materials) {
      let quizzes = 0;
      let passes = 0;
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        // Attempts and seeds vary the questions as retries and other changes of the same code do.
        const quiz = buildQuiz({ files: material.files, seed: material.seed + attempt * 7919, attempt });
        if (quiz.length === 0) continue;
        expect(play(quiz, rightPick, () => 0)).toBe('passed');
        for (let p = 0; p < PICKERS; p++) {
          quizzes++;
          if (play(quiz, randomPick, picker(attempt * 1000 + p)) === 'passed') passes++;
        }
      }
      asked += quizzes;
      guessed += passes;
      // A change of one askable line is no easier to guess than the rest.
      if (material.scenario === 'comment-removed') expect(passes / quizzes).toBeLessThanOrEqual(0.05);
      perScenario.push(`${material.scenario}: ${quizzes === 0 ? 'no quiz' : `${((100 * passes) / quizzes).toFixed(1)}%`}`);
    }
    // The measure of record (docs/questionnaire.md): printed with --verbose runs of this file.
    process.stdout.write(`random guesser: ${((100 * guessed) / asked).toFixed(2)}% of ${asked} quizzes (${perScenario.join(', ')})\n`);
    expect(asked).toBeGreaterThan(1000);
    expect(guessed / asked).toBeLessThanOrEqual(0.05);
  });

  test('a reader who slips once passes when a question of another kind is left, and fails on a second slip', () => {
    let recovered = 0;
    for (const material of materials) {
      const quiz = buildQuiz({ files: material.files, seed: material.seed, attempt: 1 });
      const kinds = new Set(quiz.map((q) => q.kind));
      if (kinds.size < 2 || quiz.length < 5) continue;
      let slips = 0;
      const slipOnce: Strategy = (q) => (slips++ === 0 ? q.question.choices!.find((c) => c.value !== q.answer)!.value : q.answer);
      expect(play(quiz, slipOnce, () => 0)).toBe('passed');
      recovered++;
      const alwaysWrong: Strategy = (q) => q.question.choices!.find((c) => c.value !== q.answer)!.value;
      expect(play(quiz, alwaysWrong, () => 0)).toBe('failed');
    }
    expect(recovered).toBeGreaterThan(0);
  });

  test('a pure addition (a new module and a new test) is asked questions of more than one kind', () => {
    const material = materials.find((m) => m.scenario === 'pure-addition')!;
    const kinds = new Set<string>();
    for (let attempt = 1; attempt <= 5; attempt++) {
      const quiz = buildQuiz({ files: material.files, seed: material.seed, attempt });
      expect(new Set(quiz.map((q) => q.kind)).size).toBeGreaterThanOrEqual(2);
      for (const q of quiz) kinds.add(q.kind);
    }
    // The new module gives defaults, the test file a new title (and added lines beside old ones).
    expect([...kinds]).toEqual(expect.arrayContaining(['default', 'test']));
  });

  test('a retry asks other questions', () => {
    for (const material of materials) {
      const first = buildQuiz({ files: material.files, seed: material.seed, attempt: 1 });
      const second = buildQuiz({ files: material.files, seed: material.seed, attempt: 2 });
      // Where the change offers more than one attempt's worth, the first questions differ.
      if (first.length < 4) continue;
      const opening = (quiz: readonly QuizQuestion[]) => quiz.slice(0, 2).map((q) => `${q.question.message} ${q.answer}`);
      expect(opening(second)).not.toEqual(opening(first));
      expect(second[0]!.question.id).not.toBe(first[0]!.question.id);
    }
  });
});
