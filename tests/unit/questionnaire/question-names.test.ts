import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { buildChangeVocabulary } from '../../../src/core/questionnaire/change-vocabulary.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';

// What a question names in code is what a real answer names too. The demo's impact question came
// to say "`parseConfig` … changed its signature (a new parameter `defaults`)", and the answer the
// README shows, "The only caller, the cart, passes the new defaults in this same change", was
// refused as fitting any change: the question's words are set aside, and `defaults` was one.

const patch = readFileSync(new URL('../../fixtures/answers/question-names/demo-tax-rate.diff', import.meta.url), 'utf8');
const paths = ['src/cart/total.test.ts', 'src/cart/total.ts', 'src/config/parse.ts'];
const change = buildChangeVocabulary({ patch, paths });
const question =
  '`parseConfig` in src/config/parse.ts changed its signature (a new parameter `defaults`); 1 file uses it (src/cart/total.ts:3): why do they keep working?';
const check = (text: string) =>
  validateAnswer(text, { change, question, minWords: 5, otherAnswers: [], fileNames: paths, nameExists: () => true });

describe('the names a question quotes', () => {
  test('count in an answer that says what the users do with them', () => {
    expect(check('The only caller, the cart, passes the new defaults in this same change')).toBeNull();
    expect(check('total.ts, its only caller, now passes { taxRate: 0.2 } as the defaults, in this same change')).toBeNull();
  });

  test('an answer that only repeats the question is still refused', () => {
    expect(check('parseConfig changed its signature with a new parameter defaults, and the file uses it')).not.toBeNull();
    expect(check('They keep working because the change is fine and nothing else changed')).not.toBeNull();
  });
});
