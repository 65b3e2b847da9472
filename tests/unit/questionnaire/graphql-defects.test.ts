import { describe, expect, test } from '@jest/globals';
import { intentRulesFor } from '../../helpers/intent-rules.js';
import { wordPairsOf } from '../../../src/core/questionnaire/change-vocabulary.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';

// Real explanations refused against their own commit in the tune splits of the grounded corpora
// (graphql/graphql-js: tests/fixtures/answers/grounded-graphql.tune.jsonl, typeorm, angular-cli),
// each reduced to the class it stands for; and the answers the same rules must still refuse.

describe('words in a row as the change has them', () => {
  // graphql-js 44a2cff1a5: a warning's message gains a sentence.
  const patch = `diff --git a/src/utilities/assertValidName.js b/src/utilities/assertValidName.js
--- a/src/utilities/assertValidName.js
+++ b/src/utilities/assertValidName.js
@@ -35 +35,2 @@ export function assertValidName(
-        'GraphQL introspection.'
+        'GraphQL introspection. In a future release of graphql this will ' +
+        'become a hard error.'
`;
  const rules = intentRulesFor(patch, ['src/utilities/assertValidName.js']);
  test('pairs are read clause by clause across wrapped lines, names whole, grammar left out', () => {
    expect([...wordPairsOf('This will become a hard\nerror. Future work')]).toEqual(['becom hard', 'hard error', 'futur work']);
    expect([...wordPairsOf('a `GraphQLError` is thrown')]).toEqual(['graphqlerror throw']);
  });
  test('a motivation that quotes a phrase of the change is about it', () => {
    const text = `To adequately serve as a deprecation warning, the message should provide
advance notice that it non-compliance will eventually become a hard
error. I haven't put a version number in there yet because I don't know
which version it will happen in.`;
    expect(validateAnswer(text, rules)).toBeNull();
  });
  test('the same words apart, or another change told in the repository words, are not', () => {
    expect(
      validateAnswer('A hard decision: the error handling of the whole schema was reworked and every release note rewritten.', rules),
    ).not.toBeNull();
    expect(validateAnswer('The change modernizes the approach, which improves correctness and readability.', rules)).not.toBeNull();
  });
});

describe('words a rewritten line keeps are not what the change does', () => {
  // A rule tried on the tune split and removed: two words of the lines a change rewrites (both
  // sides keep them) passed the delta rule. Tune: 4 real explanations more; held out: none, and
  // 4 explanations of other commits (typeorm, angular-cli) let through. graphql-js 50768f1478:
  const patch = `diff --git a/src/executor/__tests__/executor.js b/src/executor/__tests__/executor.js
--- a/src/executor/__tests__/executor.js
+++ b/src/executor/__tests__/executor.js
@@ -139 +139 @@ describe('Execute: Handles basic execution tasks', () => {
-      await execute(schema, data, ast, 'Example', { size: 100 })
+      await execute(schema, ast, data, { size: 100 }, 'Example')
@@ -317 +317 @@ describe('Execute: Handles basic execution tasks', () => {
-    var result = await execute(schema, data, docAst);
+    var result = await execute(schema, ast, data);
`;
  const rules = intentRulesFor(patch, ['src/executor/__tests__/executor.js']);
  test('an answer sharing only words both sides keep, or a hunk header, is refused', () => {
    expect(validateAnswer('Resolved the failing CI job by adjusting the execute code and its result.', rules)).not.toBeNull();
    expect(validateAnswer('Handles basic execution tasks better than before, as described in the tests.', rules)).not.toBeNull();
  });
  test('naming what moved is enough', () => {
    expect(validateAnswer('`execute` now takes the document `ast` before the root `data`, as `graphql()` does.', rules)).toBeNull();
  });
});

describe('names an explanation writes that the repository spells otherwise', () => {
  const patch = `diff --git a/src/language/lexer.ts b/src/language/lexer.ts
--- a/src/language/lexer.ts
+++ b/src/language/lexer.ts
@@ -10,0 +11,2 @@ export function readBlockString(lexer: Lexer, start: number): Token {
+  if (isSupplementaryCodePoint(body, position)) {
+    position += 2;
`;
  const repository = new Set(['readblockstring', 'specifiedrules', 'scalarleafsrule']);
  const rules = intentRulesFor(patch, ['src/language/lexer.ts'], repository);
  test('a plural of a name of the repository is that name', () => {
    // graphql-js 8ca3d89679
    const text =
      '`isSupplementaryCodePoint` is used in String, `readBlockStrings`, and Comments to ensure correct lexing of UTF-16 source.';
    expect(validateAnswer(text, rules)).toBeNull();
  });
  test('a name the answer declares in its own example is defined there', () => {
    // graphql-js 2b94926ff6, the example of its body
    const text =
      'Checking `isSupplementaryCodePoint` in the lexer lets a caller keep a list of rules:\n\n```js\nconst allowedRules = [ ScalarLeafsRule ];\nvalidate(schema, ast, allowedRules);\n```';
    expect(validateAnswer(text, rules)).toBeNull();
  });
  test('a name that exists nowhere is still refused, plural or not', () => {
    expect(validateAnswer('`isSupplementaryCodePoint` now calls `useQueries` before lexing.', rules)).toMatch(
      /`useQueries` is not in this repository/,
    );
    expect(validateAnswer('`isSupplementaryCodePoint` now calls `useQuery` before lexing.', rules)).toMatch(
      /`useQuery` is not in this repository/,
    );
  });
});
