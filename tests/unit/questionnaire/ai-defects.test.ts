import { describe, expect, test } from '@jest/globals';
import { intentRulesFor } from '../../helpers/intent-rules.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';

// Real explanations of the grounded corpora's tune splits (tests/fixtures/answers/grounded-*.tune.jsonl),
// each against its own commit's patch, refused before this round's rules (the round of the vercel/ai corpus).

describe('a name of the change in the singular or the plural is that name (prettier 042e603a6e)', () => {
  const patch = `diff --git a/src/printer.js b/src/printer.js
--- a/src/printer.js
+++ b/src/printer.js
@@ -2356,2 +2356 @@ function canPrintParamsWithoutParens(node) {
-    !node.params[0].leadingComments &&
-    !node.params[0].trailingComments &&
+    !node.params[0].comments &&
diff --git a/tests/comments/__snapshots__/jsfmt.spec.js.snap b/tests/comments/__snapshots__/jsfmt.spec.js.snap
--- a/tests/comments/__snapshots__/jsfmt.spec.js.snap
+++ b/tests/comments/__snapshots__/jsfmt.spec.js.snap
@@ -236,0 +237 @@ function c(/* comment */ argA, argB, argC) {} // comment
+call((/*object*/ row) => {});
@@ -240,0 +242 @@ function c(/* comment */ argA, argB, argC) {} // comment
+call((/*object*/ row) => {});
diff --git a/tests/comments/function-declaration.js b/tests/comments/function-declaration.js
--- a/tests/comments/function-declaration.js
+++ b/tests/comments/function-declaration.js
@@ -3,0 +4 @@ function c(/* comment */ argA, argB, argC) {} // comment
+call((/*object*/ row) => {});
`;
  const paths = ['src/printer.js', 'tests/comments/__snapshots__/jsfmt.spec.js.snap', 'tests/comments/function-declaration.js'];
  const rules = intentRulesFor(patch, paths, new Set(['leadingcomment', 'trailingcomment']));
  const body =
    '`leadingComment` and `trailingComment` are babylon-specific, we should use `comments` which is what prettier adds.\n\nFixes #1335';
  test('its own body passes: the change removes `leadingComments` and `trailingComments`', () => {
    expect(validateAnswer(body, rules)).toBeNull();
  });
  test('two names of words the change does not hold still say little', () => {
    expect(
      validateAnswer(body.replace('`leadingComment` and `trailingComment`', '`leadingSpace` and `trailingSpace`'), {
        ...rules,
        nameExists: () => true,
      }),
    ).toMatch(/says little/);
  });
  test('a plain word in the plural of a plain name is no name of the change', () => {
    const one = `diff --git a/src/a.js b/src/a.js
--- a/src/a.js
+++ b/src/a.js
@@ -1 +1 @@
-const results = compute(input);
+const results = compute(input, options);
`;
    expect(
      validateAnswer('The `result` of babylon is what prettier prints, with its own spacing and wrapping rules.', {
        ...intentRulesFor(one, ['src/a.js']),
        nameExists: () => true,
      }),
    ).not.toBeNull();
  });
});
