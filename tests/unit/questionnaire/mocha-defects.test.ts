import { describe, expect, test } from '@jest/globals';
import { intentRulesFor } from '../../helpers/intent-rules.js';
import { buildChangeVocabulary } from '../../../src/core/questionnaire/change-vocabulary.js';
import { isAdmission } from '../../../src/core/questionnaire/detect-admission.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';
import { quotesChangedCode } from '../../../src/core/questionnaire/verbatim-code.js';

// Real explanations of the grounded corpora's tune splits (tests/fixtures/answers/grounded-*.tune.jsonl),
// each against its own commit's whole patch, refused before this round's rules (the round of the
// mochajs/mocha corpus).

const bracketPatch =
  'diff --git a/src/printer.js b/src/printer.js\n--- a/src/printer.js\n+++ b/src/printer.js\n@@ -2956,8 +2956,18 @@ function printMemberLookup(path, options, print) {\n-  return concat(\n-    n.computed\n-      ? [\n-          "[",\n-          group(concat([indent(concat([softline, property])), softline])),\n-          "]"\n-        ]\n-      : [".", property]\n+  if (!n.computed) {\n+    return concat([".", property]);\n+  }\n+\n+  if (\n+    (n.property.type === "Literal" && typeof n.property.value === "number") ||\n+      n.property.type === "NumericLiteral"\n+  ) {\n+    return concat(["[", property, "]"]);\n+  }\n+\n+  return group(\n+    concat([\n+      "[",\n+      indent(concat([softline, property])),\n+      softline,\n+      "]"\n+    ])\ndiff --git a/tests/method-chain/__snapshots__/jsfmt.spec.js.snap b/tests/method-chain/__snapshots__/jsfmt.spec.js.snap\n--- a/tests/method-chain/__snapshots__/jsfmt.spec.js.snap\n+++ b/tests/method-chain/__snapshots__/jsfmt.spec.js.snap\n@@ -2,0 +3,24 @@\n+exports[`bracket_0.js 1`] = `\n+function a() {\n+  function b() {\n+\tqueryThenMutateDOM(\n+      () => {\n+        title = SomeThing.call(root, \'someLongStringThatPushesThisTextReallyFar\')[0];\n+      }\n+    );\n+  }\n+}\n+~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n+function a() {\n+  function b() {\n+    queryThenMutateDOM(() => {\n+      title = SomeThing.call(\n+        root,\n+        "someLongStringThatPushesThisTextReallyFar"\n+      )[0];\n+    });\n+  }\n+}\n+\n+`;\n+\ndiff --git a/tests/method-chain/bracket_0.js b/tests/method-chain/bracket_0.js\nnew file mode 100644\n--- /dev/null\n+++ b/tests/method-chain/bracket_0.js\n@@ -0,0 +1,9 @@\n+function a() {\n+  function b() {\n+\tqueryThenMutateDOM(\n+      () => {\n+        title = SomeThing.call(root, \'someLongStringThatPushesThisTextReallyFar\')[0];\n+      }\n+    );\n+  }\n+}\n';
const bracketPaths = ['src/printer.js', 'tests/method-chain/__snapshots__/jsfmt.spec.js.snap', 'tests/method-chain/bracket_0.js'];
const bracketBody =
  'In practice, we never want to break on `[0]`. By not doing that, it forces prettier to find a more suitable break placement.\n\nFixes #1418';
const arrowPatch =
  'diff --git a/src/fast-path.js b/src/fast-path.js\n--- a/src/fast-path.js\n+++ b/src/fast-path.js\n@@ -451,0 +452 @@ FPp.needsParens = function(assumeExpressionContext) {\n+        case "ArrowFunctionExpression":\ndiff --git a/tests/break-calls/__snapshots__/jsfmt.spec.js.snap b/tests/break-calls/__snapshots__/jsfmt.spec.js.snap\n--- a/tests/break-calls/__snapshots__/jsfmt.spec.js.snap\n+++ b/tests/break-calls/__snapshots__/jsfmt.spec.js.snap\n@@ -73 +73 @@ const mapChargeItems = fp.flow(\n-  l => l < 10 ? l : 1,\n+  l => (l < 10 ? l : 1),\ndiff --git a/tests/conditional/__snapshots__/jsfmt.spec.js.snap b/tests/conditional/__snapshots__/jsfmt.spec.js.snap\n--- a/tests/conditional/__snapshots__/jsfmt.spec.js.snap\n+++ b/tests/conditional/__snapshots__/jsfmt.spec.js.snap\n@@ -91,0 +92,11 @@ const testConsole = new TestConsole(\n+\n+exports[`no-confusing-arrow.js 1`] = `\n+"// no-confusing-arrow\n+var x = a => 1 ? 2 : 3;\n+var x = a <= 1 ? 2 : 3;\n+~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n+// no-confusing-arrow\n+var x = a => (1 ? 2 : 3);\n+var x = a <= 1 ? 2 : 3;\n+"\n+`;\ndiff --git a/tests/conditional/no-confusing-arrow.js b/tests/conditional/no-confusing-arrow.js\nnew file mode 100644\n--- /dev/null\n+++ b/tests/conditional/no-confusing-arrow.js\n@@ -0,0 +1,3 @@\n+// no-confusing-arrow\n+var x = a => 1 ? 2 : 3;\n+var x = a <= 1 ? 2 : 3;\ndiff --git a/tests/flow/dump-types/__snapshots__/jsfmt.spec.js.snap b/tests/flow/dump-types/__snapshots__/jsfmt.spec.js.snap\n--- a/tests/flow/dump-types/__snapshots__/jsfmt.spec.js.snap\n+++ b/tests/flow/dump-types/__snapshots__/jsfmt.spec.js.snap\n@@ -52 +52 @@ function unannotated(x) {\n-const nullToUndefined = val => val === null ? undefined : val;\n+const nullToUndefined = val => (val === null ? undefined : val);\ndiff --git a/tests/last_argument_expansion/__snapshots__/jsfmt.spec.js.snap b/tests/last_argument_expansion/__snapshots__/jsfmt.spec.js.snap\n--- a/tests/last_argument_expansion/__snapshots__/jsfmt.spec.js.snap\n+++ b/tests/last_argument_expansion/__snapshots__/jsfmt.spec.js.snap\n@@ -76 +76 @@ true\n-        url.startsWith(\\\\"/\\\\") || /^[a-z]+:/.test(url) ? url : \\`/static/\\${url}\\`\n+        (url.startsWith(\\\\"/\\\\") || /^[a-z]+:/.test(url) ? url : \\`/static/\\${url}\\`)\n';
const arrowPaths = [
  'src/fast-path.js',
  'tests/break-calls/__snapshots__/jsfmt.spec.js.snap',
  'tests/conditional/__snapshots__/jsfmt.spec.js.snap',
  'tests/conditional/no-confusing-arrow.js',
  'tests/flow/dump-types/__snapshots__/jsfmt.spec.js.snap',
  'tests/last_argument_expansion/__snapshots__/jsfmt.spec.js.snap',
];
const arrowBody =
  'I\'m unclear whether anyone was ever confused by this but the eslint page is kind of compelling\n\n```js\n// The intent is not clear\nvar x = a => 1 ? 2 : 3;\n// Did the author mean this\nvar x = function (a) { return 1 ? 2 : 3 };\n// Or this\nvar x = a <= 1 ? 2 : 3;\n```\n\nAdding a parenthesis makes it valid with `{"allowParens": true}` rule. Note that if this option is not enabled, the code would not pass lint in the first place.';
const scopedPatch =
  "diff --git a/lib/utils.js b/lib/utils.js\n--- a/lib/utils.js\n+++ b/lib/utils.js\n@@ -298 +298 @@ exports.highlightTags = function(name) {\n-  var code = document.getElementsByTagName(name);\n+  var code = document.getElementById('mocha').getElementsByTagName(name);\n";
const scopedPaths = ['lib/utils.js'];
const scopedBody =
  "I'm not sure whether I'm missing an edge case or not, but this solves my issue and it makes sense to me that this is what we would want it to be anyway. Everything should be scoped to the `#mocha` element anyway. My use case is I have a collection of components and I have tests for them. I have a site that shows the component, an example, and the test. The example and test is interactive and runs on the page. Without this change, mocha will highlight all my other code tags on the page which messes things up. Here's an example of this change working on my page: http://kent.doddsfamily.us/kcd-angular/#/kcd-dynamic-attr#spec (see the spec toward the bottom)";

describe('code the answer quotes that the change holds verbatim connects it (prettier c99a877b9f, 2e63684ff5)', () => {
  test('`[0]`, quoted from the lines the change adds, connects a body of common words', () => {
    expect(validateAnswer(bracketBody, intentRulesFor(bracketPatch, bracketPaths))).toBeNull();
  });
  test('the same body against another change, which has no `[0]`, still connects to nothing', () => {
    expect(validateAnswer(bracketBody, intentRulesFor(scopedPatch, scopedPaths))).toMatch(/connects to nothing/);
  });
  test('a quoted fragment the change does not hold does not connect', () => {
    expect(validateAnswer(bracketBody.replace('`[0]`', '`[1]`'), intentRulesFor(bracketPatch, bracketPaths))).toMatch(
      /connects to nothing/,
    );
  });
  test('a fenced example whose lines the change adds (its test fixture) connects', () => {
    expect(validateAnswer(arrowBody, intentRulesFor(arrowPatch, arrowPaths))).toBeNull();
  });
  test('a fenced example the change does not hold still says little', () => {
    const elsewhere = arrowBody.replace(/var x = a (=>|<=) 1 \? 2 : 3;/g, 'let y = b $1 4 ? 5 : 6;');
    expect(validateAnswer(elsewhere, intentRulesFor(arrowPatch, arrowPaths))).toMatch(/says little/);
  });
  test('one name in a span (`JSON.stringify`, `close()`, `--watch`) or words in a row are no quoted code: names and words are matched as such', () => {
    const patch =
      'diff --git a/src/a.js b/src/a.js\n--- a/src/a.js\n+++ b/src/a.js\n@@ -1 +1 @@\n-const out = JSON.stringify(value); close();\n+const out = new Value(JSON.stringify(value)[0]); // --watch\n';
    const change = buildChangeVocabulary({ patch, paths: ['src/a.js'] });
    for (const span of ['`JSON.stringify`', '`close()`', '`--watch`', '`new Value`', '`[1]`'])
      expect(quotesChangedCode(`It is about ${span} here.`, change)).toBe(false);
    for (const span of ['`[0]`', '`JSON.stringify(value)`', '`new Value(JSON.stringify(value)[0])`'])
      expect(quotesChangedCode(`It is about ${span} here.`, change)).toBe(true);
  });
});

describe('a doubt whether the change is right or complete is no admission (mocha 414d793d01)', () => {
  test('its own body is an answer, judged against its change', () => {
    expect(isAdmission(scopedBody)).toBe(false);
    expect(validateAnswer(scopedBody, intentRulesFor(scopedPatch, scopedPaths))).toBeNull();
  });
  test.each([
    "I'm not sure why this works but it does, so I'm committing it.",
    'Not sure what this changes exactly, I will explain it later.',
    "Not sure whether it's correct, I have no idea what the diff does.",
    "I'm not sure if it's correct, the AI wrote it.",
    'No idea, I just copied it from a Stack Overflow answer and it seemed to work.',
  ])('an admission stays one: %s', (text) => {
    expect(isAdmission(text)).toBe(true);
  });
});
