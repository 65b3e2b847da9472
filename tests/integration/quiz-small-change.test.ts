import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from '@jest/globals';
import { createScenarioRepo } from '../helpers/fixture-repo.js';
import { PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, type Listed } from '../helpers/listed-questions.js';

// A change of a line or two offers one askable fact: its quiz was one question a guesser passed
// 1 in 5 (openai-node dfec1297b4 drops a comment beside the field the report names; shiki
// f694a7256f adds one call the report names). Through the real CLI: the small quiz asks the
// hunk's other side too ("none of these" is right there, and offered everywhere), and a line
// holding a name the report prints as newly called is never a choice.

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

const NONE = '(none of these lines)';
const sideOf = (scenario: string, which: 'before' | 'after', path: string) =>
  new Set(
    readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'quiz', scenario, which, path), 'utf8')
      .split('\n')
      .map((l) => l.trim()),
  );
const quizOf = (questions: readonly Listed[]) => questions.filter((q) => q.quiz);

test('a one-line removal asks two questions, each with one right choice, a guesser passing under 1 in 25', () => {
  repo = createScenarioRepo('quiz', 'comment-removed');
  const quiz = quizOf(listQuestions(repo));
  const before = sideOf('comment-removed', 'before', 'src/flush-queue.ts');
  const after = sideOf('comment-removed', 'after', 'src/flush-queue.ts');
  expect(quiz.length).toBeGreaterThanOrEqual(2);
  let chance = 1;
  for (const q of quiz) {
    const lines = q.choices!.filter((c) => c !== NONE);
    // Worked out from the fixture: a line is added when not in the old file, removed when not in the new.
    const right = /does this change add to/.test(q.message) ? lines.filter((l) => !before.has(l)) : lines.filter((l) => !after.has(l));
    expect(right.length).toBeLessThanOrEqual(1);
    expect(q.choices).toContain(NONE);
    chance /= q.choices!.length;
  }
  expect(quiz.some((q) => q.choices!.includes('// Keep the batch small enough for one request'))).toBe(true);
  expect(chance).toBeLessThanOrEqual(1 / 25);
});

test('a line holding a name the report prints as newly called is not offered (shiki f694a7256f)', () => {
  repo = createScenarioRepo('quiz', 'branch-added');
  const questions = listQuestions(repo);
  expect(questions.some((q) => q.message.includes('now calls `clearModernPrefix`'))).toBe(true);
  for (const q of quizOf(questions)) for (const c of q.choices!) expect(c).not.toContain('clearModernPrefix');
});
