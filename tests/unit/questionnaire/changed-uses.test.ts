import { describe, expect, test } from '@jest/globals';
import { intentRulesFor } from '../../helpers/intent-rules.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';

// What a change alters includes a name found on one side only of one of its hunks, not only a
// name found on one side of the whole change: graphql-js 1b419594 (tests/fixtures/answers/grounded-graphql.tune.jsonl)
// makes `source` a parameter of `graphql()` where it was a local built from `requestString`.
// Its body names what the change does through `source`, `graphql`, `parse` and names: words
// its edited lines also keep, so without the hunks it "says little of this change".

describe('a name on one side of a hunk is altered', () => {
  const patch = `diff --git a/src/graphql.js b/src/graphql.js
--- a/src/graphql.js
+++ b/src/graphql.js
@@ -11 +10,0 @@
-import { Source } from './language/source';
@@ -14,0 +14 @@ import { execute } from './execution/execute';
+import type { Source } from './language/source';
@@ -31 +31 @@ import type { ExecutionResult } from './execution/execute';
- * requestString:
+ * source:
@@ -50 +50 @@ export function graphql(
-  requestString: string,
+  source: string | Source,
@@ -58 +57,0 @@ export function graphql(
-    const source = new Source(requestString || '', 'GraphQL request');
diff --git a/src/language/source.js b/src/language/source.js
--- a/src/language/source.js
+++ b/src/language/source.js
@@ -23 +23 @@ export class Source {
-    this.name = name || 'GraphQL';
+    this.name = name || 'GraphQL request';
diff --git a/src/language/__tests__/lexer-test.js b/src/language/__tests__/lexer-test.js
--- a/src/language/__tests__/lexer-test.js
+++ b/src/language/__tests__/lexer-test.js
@@ -26 +28 @@ describe('Lexer', () => {
-      'Syntax Error GraphQL (1:1) ' +
+      'Syntax Error GraphQL request (1:1) ' +
`;
  const rules = intentRulesFor(
    patch,
    ['src/graphql.js', 'src/language/source.js', 'src/language/__tests__/lexer-test.js'],
    new Set(['parse']),
  );
  test('its own body passes', () => {
    const text =
      'This fixes a use case when using named graphql files as a source of truth when calling the graphql() function, using those names in reporting.\n\nPotentially unit-test breaking: may change the error message content from using parse() directly.';
    expect(validateAnswer(text, rules)).toBeNull();
  });
  test('words each hunk keeps on both sides still say little', () => {
    // `Syntax`, `Error` and `name` are on both sides of each hunk they are in: kept, not altered.
    expect(validateAnswer('The error keeps its syntax and its name as before.', rules)).toMatch(/says little/);
  });
});
