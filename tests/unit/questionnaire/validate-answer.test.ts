import { describe, expect, test } from '@jest/globals';
import { isNotSure } from '../../../src/core/questionnaire/question.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';

const rules = { minWords: 4, otherAnswers: ['Callers pass the new option through the loader'], fileNames: ['src/config/parse.ts'] };

describe('validateAnswer', () => {
  test.each([
    ['Adds a strict mode so malformed configs fail at startup'],
    ['Parsing keeps the old default; only the new flag changes behaviour'],
  ])('accepts a real explanation: %s', (answer) => {
    expect(validateAnswer(answer, rules)).toBeNull();
  });

  test.each([
    ['', /An answer is needed/],
    ['fix', /placeholder/],
    ['WIP', /placeholder/],
    ['n/a', /placeholder/],
    ['see code', /placeholder/],
    ['.', /placeholder/],
    ['asdf', /placeholder/],
    ['aaaaaaa', /placeholder/],
    ['it is the fix', /Too short: at least 4 meaningful words \(you wrote 1\)/],
    ['src/config/parse.ts', /file name/],
    ['parse.ts', /file name/],
    ['callers pass the new option through the loader', /repeats another answer/],
    ['diff --git a/x b/x\n+added line', /pasted diff/],
    ['+one\n+two\n-three', /pasted diff/],
  ])('refuses %j', (answer, message) => {
    expect(validateAnswer(answer, rules)).toMatch(message);
  });

  test('"I am not sure" in its common forms', () => {
    for (const text of ['I am not sure', "I'm not sure.", 'not sure', '?', "don't know"]) expect(isNotSure(text)).toBe(true);
    expect(isNotSure('I am not sure the cache is needed, so it is removed')).toBe(false);
  });
});
