import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';

// The validator on corpora from public commit history (tests/fixtures/answers/README.md):
// real explanations must pass, low-effort subjects and generic answers must not. Each corpus
// has a part used while tuning and a held-out part that was not looked at; both must hold.

const dir = new URL('../../fixtures/answers/', import.meta.url);
const read = (name: string) =>
  readFileSync(new URL(name, dir), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { text: string }).text);
const rules = { minWords: 4, otherAnswers: [], fileNames: [], question: 'What problem does this change solve, and why this way?' };
const rate = (texts: string[], accepted: boolean) =>
  texts.filter((t) => (validateAnswer(t, rules) === null) === accepted).length / texts.length;

describe.each(['tune', 'holdout'])('answer corpora (%s part)', (part) => {
  test('accepts at least 95% of real explanations', () => {
    expect(rate(read(`explanations.${part}.jsonl`), true)).toBeGreaterThanOrEqual(0.95);
  });
  test('rejects at least 95% of real low-effort commit subjects', () => {
    expect(rate(read(`low-effort-subjects.${part}.jsonl`), false)).toBeGreaterThanOrEqual(0.95);
  });
  test('rejects at least 95% of generic or lazy answers', () => {
    expect(rate(read(`generic-answers.${part}.jsonl`), false)).toBeGreaterThanOrEqual(0.95);
  });
});
