import { describe, expect, test } from '@jest/globals';
import { intentRulesFor } from '../../helpers/intent-rules.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';

// Signals only an explanation of THIS change hits (the eleventh corpus's round, docs/questionnaire.md):
// naming, as code, the function or file the change is inside of (ChangeVocabulary.focus); writing a
// number its lines add or remove (changed-numbers.ts); a glob matching its paths (not a name found
// nowhere). Real explanations of the tune splits, each with its commit's patch, were refused before;
// the refusals the signals must keep, after.

/** stylelint/stylelint fb69e01773 "Improve performance of `isPathIgnored()` utility": the call moved. */
const ignorerPatch =
  "diff --git a/.changeset/four-pigs-think.md b/.changeset/four-pigs-think.md\nnew file mode 100644\nindex 000000000..9b6736888\n--- /dev/null\n+++ b/.changeset/four-pigs-think.md\n@@ -0,0 +1,5 @@\n+---\n+\"stylelint\": patch\n+---\n+\n+Fixed: `isPathIgnored()` utility's performance\ndiff --git a/lib/isPathIgnored.js b/lib/isPathIgnored.js\nindex 93b033181..31ec2b6a0 100644\n--- a/lib/isPathIgnored.js\n+++ b/lib/isPathIgnored.js\n@@ -24,2 +23,0 @@ module.exports = async function isPathIgnored(stylelint, filePath) {\n-\tconst ignorer = getFileIgnorer(stylelint._options);\n-\n@@ -39 +37,2 @@ module.exports = async function isPathIgnored(stylelint, filePath) {\n-\t// Check filePath with .stylelintignore file\n+\tconst ignorer = getFileIgnorer(stylelint._options);\n+\ndiff --git a/lib/utils/getFileIgnorer.js b/lib/utils/getFileIgnorer.js\nindex 6a9d5ec65..2408e054c 100644\n--- a/lib/utils/getFileIgnorer.js\n+++ b/lib/utils/getFileIgnorer.js\n@@ -13 +13,3 @@ const DEFAULT_IGNORE_FILENAME = '.stylelintignore';\n- * @param {{ cwd: string, ignorePath?: string | string[], ignorePattern?: string[] }} options\n+ * @typedef {import('stylelint').LinterOptions} LinterOptions\n+ *\n+ * @param {Pick<LinterOptions, 'ignorePath' | 'ignorePattern'> & { cwd: string }} options\n@@ -16 +18 @@ const DEFAULT_IGNORE_FILENAME = '.stylelintignore';\n-module.exports = function getFileIgnorer(options) {\n+module.exports = function getFileIgnorer({ ignorePath, ignorePattern, cwd }) {\n@@ -18 +20 @@ module.exports = function getFileIgnorer(options) {\n-\tconst ignorePaths = [options.ignorePath || []].flat();\n+\tconst ignorePaths = [ignorePath || []].flat();\n@@ -27 +29 @@ module.exports = function getFileIgnorer(options) {\n-\t\t\t: path.resolve(options.cwd, ignoreFilePath);\n+\t\t\t: path.resolve(cwd, ignoreFilePath);\n@@ -40 +42 @@ module.exports = function getFileIgnorer(options) {\n-\tignorer.add(options.ignorePattern || []);\n+\tif (ignorePattern) ignorer.add(ignorePattern);\n";
const ignorerPaths = ['.changeset/four-pigs-think.md', 'lib/isPathIgnored.js', 'lib/utils/getFileIgnorer.js'];
const ignorerBody =
  'This change delays the `getFileIgnorer()` call until needed.\n`getFileIgnorer()` internally uses `fs.readFileSync()` which is a blocking I/O and possible slow.';
/** Its Spanish translation (the corpus's translated-es line). */
const ignorerSpanish =
  'Este cambio retrasa la llamada a `getFileIgnorer()` hasta que hace falta. `getFileIgnorer()` usa internamente `fs.readFileSync()`, que es una E/S bloqueante y puede ser lenta.';
/** stylelint f07783a603: a README example's `font: italic 900` corrected to `400`. */
const weightPatch =
  'diff --git a/lib/rules/font-weight-notation/README.md b/lib/rules/font-weight-notation/README.md\nindex 17ef54218..1646462e3 100644\n--- a/lib/rules/font-weight-notation/README.md\n+++ b/lib/rules/font-weight-notation/README.md\n@@ -44 +44 @@ a { font-weight: 700; }\n-a { font: italic 900 20px; }\n+a { font: italic 400 20px; }\n';
const weightPaths = ['lib/rules/font-weight-notation/README.md'];
const weightBody =
  'In this example, violations for `bold` and `normal` are mapping to non-violations in the values for `700` and `900`. The latter should map to `400`.\n\n> Which issue, if any, is this issue related to?\n\ne.g. "Closes #000" or "None, as it\'s a documentation fix."\n\n> Is there anything in the PR that needs further explanation?\n\ne.g. "No, it\'s self explanatory."';
/** ReactiveX/rxjs b171f35492: Node 14 removed from the CI matrix. */
const node14Patch =
  "diff --git a/.github/workflows/ci_main.yml b/.github/workflows/ci_main.yml\nindex bfc4060d7..fc46c919e 100644\n--- a/.github/workflows/ci_main.yml\n+++ b/.github/workflows/ci_main.yml\n@@ -12 +12 @@ jobs:\n-        node: ['14', '16', '18']\n+        node: ['16', '18']\n@@ -37 +37 @@ jobs:\n-        if: ${{ matrix.node == '14' }}\n+        if: ${{ matrix.node == '18' }}\n@@ -40 +40 @@ jobs:\n-        if: ${{ matrix.node == '14' || matrix.node == '15' }}\n+        if: ${{ matrix.node == '16' || matrix.node == '18' }}\n";
const node14Paths = ['.github/workflows/ci_main.yml'];
const node14Body =
  "+ Remove Node 14 from CI\n\nBREAKING CHANGE: Node 14 is no longer supported in version 8. End of life for Node 14 is April 30, 2023. There's no reason for RxJS version 8 to support it, as we won't even be out of beta at that point.";
/** stylelint 988adba45b "Migrate `lib/utils/*.js` to ESM": three of its 208 files' diffs. */
const globPatch =
  "diff --git a/lib/utils/getFileIgnorer.js b/lib/utils/getFileIgnorer.cjs\nsimilarity index 57%\ncopy from lib/utils/getFileIgnorer.js\ncopy to lib/utils/getFileIgnorer.cjs\nindex f0b5b3998..ed66b79d9 100644\n--- a/lib/utils/getFileIgnorer.js\n+++ b/lib/utils/getFileIgnorer.cjs\n@@ -3,5 +3,4 @@\n-const fs = require('fs');\n-const path = require('path');\n-const { default: ignore } = require('ignore');\n-\n-const { DEFAULT_IGNORE_FILENAME } = require('../constants.cjs');\n+const node_path = require('node:path');\n+const node_fs = require('node:fs');\n+const ignore = require('ignore');\n+const constants = require('../constants.cjs');\n@@ -16 +15 @@ const isPathNotFoundError = require('./isPathNotFoundError.cjs');\n-module.exports = function getFileIgnorer({ ignorePath, ignorePattern, cwd }) {\n+function getFileIgnorer({ ignorePath, ignorePattern, cwd }) {\n@@ -21 +20 @@ module.exports = function getFileIgnorer({ ignorePath, ignorePattern, cwd }) {\n-\t\tignorePaths.push(DEFAULT_IGNORE_FILENAME);\n+\t\tignorePaths.push(constants.DEFAULT_IGNORE_FILENAME);\n@@ -25 +24 @@ module.exports = function getFileIgnorer({ ignorePath, ignorePattern, cwd }) {\n-\t\tconst absoluteIgnoreFilePath = path.isAbsolute(ignoreFilePath)\n+\t\tconst absoluteIgnoreFilePath = node_path.isAbsolute(ignoreFilePath)\n@@ -27 +26 @@ module.exports = function getFileIgnorer({ ignorePath, ignorePattern, cwd }) {\n-\t\t\t: path.resolve(cwd, ignoreFilePath);\n+\t\t\t: node_path.resolve(cwd, ignoreFilePath);\n@@ -30 +29 @@ module.exports = function getFileIgnorer({ ignorePath, ignorePattern, cwd }) {\n-\t\t\tconst ignoreText = fs.readFileSync(absoluteIgnoreFilePath, 'utf8');\n+\t\t\tconst ignoreText = node_fs.readFileSync(absoluteIgnoreFilePath, 'utf8');\n@@ -43 +42,3 @@ module.exports = function getFileIgnorer({ ignorePath, ignorePattern, cwd }) {\n-};\n+}\n+\n+module.exports = getFileIgnorer;\ndiff --git a/lib/utils/getFileIgnorer.js b/lib/utils/getFileIgnorer.mjs\nsimilarity index 55%\nrename from lib/utils/getFileIgnorer.js\nrename to lib/utils/getFileIgnorer.mjs\nindex f0b5b3998..8fe405703 100644\n--- a/lib/utils/getFileIgnorer.js\n+++ b/lib/utils/getFileIgnorer.mjs\n@@ -1 +1,2 @@\n-'use strict';\n+import { isAbsolute, resolve } from 'node:path';\n+import { readFileSync } from 'node:fs';\n@@ -3,3 +4 @@\n-const fs = require('fs');\n-const path = require('path');\n-const { default: ignore } = require('ignore');\n+import ignore from 'ignore';\n@@ -7,2 +6,2 @@ const { default: ignore } = require('ignore');\n-const { DEFAULT_IGNORE_FILENAME } = require('../constants.cjs');\n-const isPathNotFoundError = require('./isPathNotFoundError.cjs');\n+import { DEFAULT_IGNORE_FILENAME } from '../constants.mjs';\n+import isPathNotFoundError from './isPathNotFoundError.mjs';\n@@ -16 +15 @@ const isPathNotFoundError = require('./isPathNotFoundError.cjs');\n-module.exports = function getFileIgnorer({ ignorePath, ignorePattern, cwd }) {\n+export default function getFileIgnorer({ ignorePath, ignorePattern, cwd }) {\n@@ -25 +24 @@ module.exports = function getFileIgnorer({ ignorePath, ignorePattern, cwd }) {\n-\t\tconst absoluteIgnoreFilePath = path.isAbsolute(ignoreFilePath)\n+\t\tconst absoluteIgnoreFilePath = isAbsolute(ignoreFilePath)\n@@ -27 +26 @@ module.exports = function getFileIgnorer({ ignorePath, ignorePattern, cwd }) {\n-\t\t\t: path.resolve(cwd, ignoreFilePath);\n+\t\t\t: resolve(cwd, ignoreFilePath);\n@@ -30 +29 @@ module.exports = function getFileIgnorer({ ignorePath, ignorePattern, cwd }) {\n-\t\t\tconst ignoreText = fs.readFileSync(absoluteIgnoreFilePath, 'utf8');\n+\t\t\tconst ignoreText = readFileSync(absoluteIgnoreFilePath, 'utf8');\n@@ -43 +42 @@ module.exports = function getFileIgnorer({ ignorePath, ignorePattern, cwd }) {\n-};\n+}\ndiff --git a/rollup.config.mjs b/rollup.config.mjs\nindex a6423b1b0..1f6ee5a48 100644\n--- a/rollup.config.mjs\n+++ b/rollup.config.mjs\n@@ -38,0 +39 @@ export default inputFiles.map((input) => {\n+\t\t\tvalidate: true,\n@@ -39,0 +41 @@ export default inputFiles.map((input) => {\n+\t\ttreeshake: false,\n";
const globPaths = [
  'lib/utils/getFileIgnorer.js',
  'lib/utils/getFileIgnorer.cjs',
  'lib/utils/getFileIgnorer.js',
  'lib/utils/getFileIgnorer.mjs',
  'rollup.config.mjs',
  'rollup.config.mjs',
];
const globBody =
  'This change rewrites almost `lib/utils/*.js` files to ESM, except for files depending on `rules/index.js` and `formatters/index.js`.\n\nAlso, this change disables the `treeshake` option of Rollup since optimization of output files is unneeded.\nSee https://rollupjs.org/configuration-options/#treeshake';
/** Names that exist in stylelint's tree, and `RxJS` in rxjs's (the answers' other names are absent). */
const stylelintNames = new Set([
  'rules/index.js',
  'formatters/index.js',
  'fs.readfilesync',
  'readfilesync',
  'fs',
  'bold',
  'normal',
  'getfileignorer',
  'rxjs',
]);

const ignorer = intentRulesFor(ignorerPatch, ignorerPaths, stylelintNames);
const weight = intentRulesFor(weightPatch, weightPaths, stylelintNames);
const node14 = intentRulesFor(node14Patch, node14Paths, stylelintNames);
const globbed = intentRulesFor(globPatch, globPaths, stylelintNames);

describe('an explanation naming what only its own change holds', () => {
  test('stylelint fb69e01773: `getFileIgnorer()`, the function the change edits and whose call it moves', () => {
    expect(validateAnswer(ignorerBody, ignorer)).toBeNull();
    expect(validateAnswer(ignorerSpanish, ignorer)).toBeNull();
  });
  test('stylelint f07783a603: `900` and `400`, the values its README line swaps', () => {
    expect(validateAnswer(weightBody, weight)).toBeNull();
  });
  test('rxjs b171f35492: "Node 14" of a CI matrix losing `14`', () => {
    expect(validateAnswer(node14Body, node14)).toBeNull();
  });
  test('stylelint 988adba45b: `lib/utils/*.js` is a glob of its paths, not a name found nowhere', () => {
    expect(validateAnswer(globBody, globbed)).toBeNull();
  });
});

describe('what the signals must still refuse', () => {
  const changes = [ignorer, weight, node14, globbed];
  test("each explanation against another's change", () => {
    expect(validateAnswer(ignorerBody, weight)).toMatch(/connects to nothing|says little/);
    expect(validateAnswer(weightBody, ignorer)).toMatch(/connects to nothing|says little/);
    expect(validateAnswer(node14Body, weight)).toMatch(/connects to nothing|says little/);
    expect(validateAnswer(weightBody, node14)).toMatch(/connects to nothing|says little/);
  });
  test('a number the change does not hold, an issue number, a version or a number in a URL is no value of it', () => {
    const text = (n: string) => `The retry queue dropped a request after a timeout, see ${n} for the discussion about it.`;
    for (const n of ['`700`', '#900', 'version 4.00.1', 'https://example.com/issues/400'])
      expect(validateAnswer(text(n), weight)).toMatch(/connects to nothing|says little/);
  });
  test("a glob matching none of the change's paths is still a name found nowhere", () => {
    expect(validateAnswer('This change rewrites the `src/legacy/*.ts` files to ESM so the build no longer needs Babel.', globbed)).toMatch(
      /`src\/legacy\/\*\.ts` is not in this repository/,
    );
  });
  test('a focus name of another change does not connect to this one', () => {
    expect(validateAnswer('This change delays the `printDocToString()` call until needed, since it is slow.', ignorer)).toMatch(
      /not in this repository|connects to nothing|says little/,
    );
  });
  test.each([
    [
      'useQuery ignored staleTime after invalidateQueries, so QueryObserver.updateResult now resets fetchStatus before notifying listeners.',
      /`useQuery` is not in this repository/,
    ],
    ['Added a VAT line to the invoice so German customers see 19% tax separately from the net total.', /says little|connects to nothing/],
    [
      'This update refines the overall design so that everything fits together more naturally and reliably.',
      /says little|connects to nothing|fit any change/,
    ],
    [
      'Este cambio mejora la estructura general y deja el código más claro y fácil de mantener en el futuro.',
      /connects to nothing|says little/,
    ],
    ['这次改动让整体结构更清晰，代码更健壮，也方便以后继续维护和扩展。', /connects to nothing|says little/],
    ['Cleaned things up a bit and fixed a couple of problems along the way.', /says little|connects to nothing|fit any change/],
    [
      'The cache is now invalidated when the configuration file changes, so a stale result is not reported after editing it.',
      /says little|connects to nothing/,
    ],
    ['Not sure why this works, Claude suggested it.', /I am not sure/],
    ['No sé por qué funciona, lo generó la IA.', /I am not sure/],
    ['我也不清楚为什么，这是 AI 生成的。', /I am not sure/],
  ])('refuses %j', (text, message) => {
    for (const rules of changes) expect(validateAnswer(text, rules)).toMatch(message);
  });
});
