import { describe, expect, test } from '@jest/globals';
import { buildChangeVocabulary } from '../../../src/core/questionnaire/change-vocabulary.js';
import { classifyWords } from '../../../src/core/questionnaire/classify-words.js';
import { validateAnswer, type AnswerRules } from '../../../src/core/questionnaire/validate-answer.js';

// Answers written elsewhere (issue 19, round 37): a correct explanation of ANOTHER change of the
// same repository names that change's functions, which exist in the repository but not in this
// change; and a name written as a call ("remove()") is a name, not the plain word "remove".

const PATCH = `diff --git a/src/cart.ts b/src/cart.ts
--- a/src/cart.ts
+++ b/src/cart.ts
@@ -40,2 +40,5 @@ export class Cart {
-  remove(index: number): void {
-    this.items.splice(index, 1);
+  remove(index: number): boolean {
+    const removed = this.items.splice(index, 1).length > 0;
+    // An order whose lines were all removed has no lines left, not a list of holes.
+    if (this.items.every((item) => item === undefined)) this.items = [];
+    return removed;
`;
const change = buildChangeVocabulary({ patch: PATCH, paths: ['src/cart.ts'] });
/** The repository's other names: another module of it, with its own functions. */
const repository = new Set(['applycoupon', 'coupons', 'discountrate', 'checkout', 'totalprice']);
const rules: AnswerRules = {
  minWords: 4,
  otherAnswers: [],
  fileNames: ['src/cart.ts'],
  question: 'What problem does this change solve, and why this way?',
  change,
  asksWhatChanged: true,
  nameExists: (name) => repository.has(name.toLowerCase()),
};

describe('names found elsewhere in the repository', () => {
  test("a short explanation naming another change's functions is refused", () => {
    const other = 'applyCoupon now clamps discountRate, so checkout never shows a negative totalPrice when the order list has free lines.';
    expect(validateAnswer(other, rules)).toMatch(/elsewhere in the repository/);
  });
  test("the same words with this change's names are accepted", () => {
    const own = 'remove() now empties `items` when every line was removed, so an order has no holes, and says if it removed one.';
    expect(validateAnswer(own, rules)).toBeNull();
  });
  test('a long explanation may name its context', () => {
    const long =
      'When the last line of an order was removed, `items` was left as a list of holes rather than an empty list, ' +
      'so checkout saw an order with lines and applyCoupon still computed a discountRate for it. ' +
      'remove() now empties the list when every line is gone and tells the caller whether it removed anything at all.';
    expect(validateAnswer(long, rules)).toBeNull();
  });
});

describe('a name written as a call', () => {
  test('"remove()" is a name, the plain word "remove" is not', () => {
    expect([...classifyWords('remove(): drop the holes').names]).toEqual(['remove()']);
    expect([...classifyWords('(see reset()) and remove the holes').names]).toEqual(['reset()']);
    expect([...classifyWords('remove the holes').names]).toEqual([]);
  });
  test("a terse answer naming the change's method as a call is accepted", () => {
    expect(validateAnswer('remove(): collapse an all-undefined array to []', rules)).toBeNull();
  });
});
