import type { QuizFile } from './build-quiz.js';

// "Which test does this change add to `x.test.ts`?": the title of a test (or `describe`) on an
// added line that the old file did not have, beside titles of the same file that it keeps. It
// asks what covers the change, and works on a pure addition (a new test beside old ones). A
// title a question before the quiz prints (a test-only piece names its new tests) is not used.

const TEST_CALL = /^\s*(?:it|test|describe)(?:\.\w+)*\(\s*(['"`])((?:(?!\1).){3,100})\1/;

export interface TestFact {
  readonly path: string;
  readonly answer: string;
  readonly distractors: readonly string[];
}

const titles = (lines: readonly string[]) =>
  lines.map((line) => TEST_CALL.exec(line)?.[2]).filter((t): t is string => t !== undefined && !t.includes('${'));

export function findTestFacts(file: QuizFile, isShown: (text: string) => boolean): TestFact[] {
  const old = new Set(titles(file.oldText.split('\n')));
  const now = new Set(titles(file.newText.split('\n')));
  // Kept titles: in both sides, the wrong choices.
  const kept = [...now].filter((t) => old.has(t) && !isShown(t));
  if (kept.length < 3) return [];
  const added = [...new Set(titles(file.hunks.flatMap((h) => h.added)))].filter((t) => !old.has(t) && now.has(t) && !isShown(t));
  return added.map((answer) => ({ path: file.path, answer, distractors: kept }));
}

/** Titles the change adds that a question before the quiz prints: no line holding one is asked. */
export function findShownTitles(file: QuizFile, isShown: (text: string) => boolean): string[] {
  const old = new Set(titles(file.oldText.split('\n')));
  return [...new Set(titles(file.hunks.flatMap((h) => h.added)))].filter((t) => !old.has(t) && isShown(t));
}
