import { describe, expect, test } from '@jest/globals';
import { intentRulesFor } from '../../helpers/intent-rules.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';

// The chance rule's trade-off moved (the tenth corpus's round, docs/questionnaire.md): a change of
// v word stems is taken to hold v / (v + 700) of any text's words, and shared words count at the
// 10% level. Real explanations of the tune splits that share a few words with their own change,
// each with its commit's whole patch, were refused before; the refusals the rule must keep, after.

/** sinonjs/sinon a74aba50b0 "Abort pre-commit script when no files are changed". */
const stashPatch =
  'diff --git a/scripts/eslint-pre-commit b/scripts/eslint-pre-commit\nindex c2227383..cbc2b23d 100755\n--- a/scripts/eslint-pre-commit\n+++ b/scripts/eslint-pre-commit\n@@ -2,0 +3,5 @@\n+if git status -uno --porcelain | wc -l | egrep \' +0\' > /dev/null; then\n+    echo "No files to commit. Aborting pre-commit check"\n+    exit 1\n+fi\n+\n';
const stashPaths = ['scripts/eslint-pre-commit'];
const stashBody =
  'Running this script when there are no files to stash\nwill mess up the current files and pop previous\nstashes from the stash list.\n\nExit early to avoid the mess: it makes little sense to do a\nlinting of changed files when there are none, so it should\nbe seen as a mistake anyway.';
/** typeorm/typeorm 4173e51dd8: a docs example's `createQueryBuilder('users')` corrected. */
const docsPatch =
  "diff --git a/docs/delete-query-builder.md b/docs/delete-query-builder.md\nindex 2d7764360..b07673c37 100644\n--- a/docs/delete-query-builder.md\n+++ b/docs/delete-query-builder.md\n@@ -15 +15 @@ await myDataSource\n-    .createQueryBuilder('users')\n+    .createQueryBuilder()\n";
const docsPaths = ['docs/delete-query-builder.md'];
const docsBody =
  "For previous examples typescript error occurs in createQueryBuilder that says \u201cArgument of type 'string' is not assignable to parameter of type 'QueryRunner'.ts(2345)\u201d.\nIf you check the type of createQueryBuilder, the string cannot come as the first argument.\nThe types of createQueryBuilder are as follows.\nmyDataSource.createQueryBuilder<ObjectLiteral>(entityClass: EntityTarget<ObjectLiteral>, alias: string, queryRunner?: QueryRunner | undefined):";
const docsNames = new Set(['querybuilder', 'queryrunner', 'objectliteral', 'entitytarget', 'mydatasource']);
/** prettier/prettier c9af5a6c3b: strings printed with jsesc instead of `JSON.stringify`. */
const jsescPatch =
  'diff --git a/package.json b/package.json\nindex 04c16ab223..5b682278e0 100644\n--- a/package.json\n+++ b/package.json\n@@ -22,0 +23 @@\n+    "jsesc": "^2.4.0",\ndiff --git a/src/printer.js b/src/printer.js\nindex 4afe8c1f20..b8943c76a9 100644\n--- a/src/printer.js\n+++ b/src/printer.js\n@@ -27,0 +28 @@ var isIdentifierName = require("esutils").keyword.isIdentifierNameES6;\n+var jsesc = require("jsesc");\n@@ -2130,6 +2130,0 @@ function lastNonSpaceCharacter(lines) {\n-function swapQuotes(str) {\n-  return str.replace(/[\'"]/g, function(m) {\n-    return m === \'"\' ? "\'" : \'"\';\n-  });\n-}\n-\n@@ -2150,5 +2145,4 @@ function nodeStr(str, options) {\n-  if (shouldUseSingleQuote) {\n-    return swapQuotes(JSON.stringify(swapQuotes(str)));\n-  } else {\n-    return JSON.stringify(str);\n-  }\n+  return jsesc(str, {\n+    quotes: shouldUseSingleQuote ? \'single\' : \'double\',\n+    wrap: true\n+  });\ndiff --git a/tests/quotes/__snapshots__/jsfmt.spec.js.snap b/tests/quotes/__snapshots__/jsfmt.spec.js.snap\nindex cbc3e7bd53..fe175ae9e3 100644\n--- a/tests/quotes/__snapshots__/jsfmt.spec.js.snap\n+++ b/tests/quotes/__snapshots__/jsfmt.spec.js.snap\n@@ -73,2 +73,2 @@ exports[`test strings.js 1`] = `\n-\\"\\\\u0000\\";\n-\\"\ud83d\udc36\\";\n+\\"\\\\0\\";\n+\\"\\\\uD83D\\\\uDC36\\";\n@@ -120,2 +120,2 @@ exports[`test strings.js 2`] = `\n-\\\'\\\\u0000\\\';\n-\\\'\ud83d\udc36\\\';\n+\\\'\\\\0\\\';\n+\\\'\\\\uD83D\\\\uDC36\\\';\ndiff --git a/tests/strings/__snapshots__/jsfmt.spec.js.snap b/tests/strings/__snapshots__/jsfmt.spec.js.snap\nindex 3e21efa76a..b979849097 100644\n--- a/tests/strings/__snapshots__/jsfmt.spec.js.snap\n+++ b/tests/strings/__snapshots__/jsfmt.spec.js.snap\n@@ -40,2 +40,2 @@ exports[`test strings.js 1`] = `\n-  \\"\\\\u0000\\",\n-  \\"\ud83d\udc36\\"\n+  \\"\\\\0\\",\n+  \\"\\\\uD83D\\\\uDC36\\"\n';
const jsescPaths = [
  'package.json',
  'src/printer.js',
  'tests/quotes/__snapshots__/jsfmt.spec.js.snap',
  'tests/strings/__snapshots__/jsfmt.spec.js.snap',
];
const jsescBody =
  "The current implementation with `JSON.stringify()` is clever but unfortunately generates incorrect JavaScript. Using `jsesc` seems like a better and safer option. https://github.com/mathiasbynens/jsesc It doesn't have any dependencies and is pretty small.\n\nI opted for escaping all the non ascii characters, so we don't display emojis anymore. I don't think that the world is ready yet for having random unicode characters inside of source files, there still are so many parts of the toolchain that breaks with them. If we want to revert back on this decision, there's a `minimal` option on jsesc which only escapes values that need to in order to generate valid JavaScript file (assuming the encoding of the file is set to utf8).\n\nAlso, while working on React Native, we've seen that there is an optimization inside of jsc for js files that are all ascii: it doesn't do a copy for the conversion to ucs16.\n\nFixes #163";

const stash = intentRulesFor(stashPatch, stashPaths);
const docs = intentRulesFor(docsPatch, docsPaths, docsNames);
const jsesc = intentRulesFor(jsescPatch, jsescPaths, new Set(['minimal']));

describe('an explanation sharing a few words with its change, above the looser chance', () => {
  test('sinon a74aba50b0: "no files to stash … exit early" of a pre-commit script that exits when nothing is staged', () => {
    expect(validateAnswer(stashBody, stash)).toBeNull();
  });
  test("typeorm 4173e51dd8: the type error of `createQueryBuilder('users')` in a docs example", () => {
    expect(validateAnswer(docsBody, docs)).toBeNull();
  });
  test('prettier c9af5a6c3b: `JSON.stringify()` replaced by jsesc, most of it motivation', () => {
    expect(validateAnswer(jsescBody, jsesc)).toBeNull();
  });
});

describe('what the looser chance must still refuse, against the same changes', () => {
  const changes = [stash, docs, jsesc];
  test("each explanation against another's change, and sinon 78dc5b455e's against the pre-commit script", () => {
    const names = new Set([...docsNames, 'minimal', 'settimeout', 'createquerybuilder', 'json', 'stringify', 'jsesc']);
    const against = (patch: string, paths: string[]) => intentRulesFor(patch, paths, names);
    expect(validateAnswer(stashBody, against(docsPatch, docsPaths))).toMatch(/connects to nothing|says little/);
    expect(validateAnswer(docsBody, against(jsescPatch, jsescPaths))).toMatch(/connects to nothing|says little/);
    expect(validateAnswer(jsescBody, against(stashPatch, stashPaths))).toMatch(/connects to nothing|says little/);
    expect(
      validateAnswer(
        'As per the spec at http://www.whatwg.org/specs/web-apps/current-work/multipage/timers.html#timers, `setTimeout` et al. must return an id *greater than 0*.',
        against(stashPatch, stashPaths),
      ),
    ).toMatch(/connects to nothing|says little/);
  });
  test.each([
    [
      'useQuery ignored staleTime after invalidateQueries, so QueryObserver.updateResult now resets fetchStatus before notifying listeners.',
      /`useQuery` is not in this repository/,
    ],
    ['Added a VAT line to the invoice so German customers see 19% tax separately from the net total.', /says little|connects to nothing/],
    [
      'This change streamlines the overall approach, resulting in cleaner code and a more robust experience for everyone.',
      /says little|connects to nothing|fit any change/,
    ],
    [
      'By reworking the underlying logic, this update improves consistency and long-term maintainability across the board.',
      /says little|connects to nothing|fit any change/,
    ],
    ['Se corrigió un error en la función para que funcione correctamente como se esperaba.', /connects to nothing|says little/],
    ['优化了代码结构，提高了可维护性和可读性。', /connects to nothing|says little/],
    ['Fixed the issue and cleaned up the code so it works better now.', /says little|connects to nothing|fit any change/],
    [
      'Restoring a sandbox now puts back every method it replaced, including the ones replaced by fakes made from it.',
      /says little|connects to nothing/,
    ],
    ['No idea, the AI suggested these edits and the tests passed so I kept them.', /I am not sure/],
    ['Ni idea, lo escribió la IA y parecía correcto.', /I am not sure/],
    ['不知道为什么，这是 AI 写的。', /I am not sure/],
  ])('refuses %j', (text, message) => {
    for (const rules of changes) expect(validateAnswer(text, rules)).toMatch(message);
  });
});
