import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { intentRulesFor } from '../../helpers/intent-rules.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';

// A number the change's lines hold connects an answer to it (changed-numbers.ts), and is the first
// thing an adversary writes: filler carrying one of the change's numbers, or another change's real
// explanation that happens to share one (tests/fixtures/answers/adversarial-own-change.*.jsonl).
// The number counts only in a change of about a screen of lines, and an answer it alone connects
// must be specific without it (docs/questionnaire.md, "Numbers and names under attack").

/** stylelint f07783a603: a README example's `font: italic 900` corrected to `400` (2 lines). */
const weightPatch =
  'diff --git a/lib/rules/font-weight-notation/README.md b/lib/rules/font-weight-notation/README.md\nindex 17ef54218..1646462e3 100644\n--- a/lib/rules/font-weight-notation/README.md\n+++ b/lib/rules/font-weight-notation/README.md\n@@ -44 +44 @@ a { font-weight: 700; }\n-a { font: italic 900 20px; }\n+a { font: italic 400 20px; }\n';
const weight = intentRulesFor(weightPatch, ['lib/rules/font-weight-notation/README.md'], new Set(['bold', 'normal']));
/** ReactiveX/rxjs b171f35492: Node 14 removed from the CI matrix (6 lines). */
const node14Patch =
  "diff --git a/.github/workflows/ci_main.yml b/.github/workflows/ci_main.yml\nindex bfc4060d7..fc46c919e 100644\n--- a/.github/workflows/ci_main.yml\n+++ b/.github/workflows/ci_main.yml\n@@ -12 +12 @@ jobs:\n-        node: ['14', '16', '18']\n+        node: ['16', '18']\n@@ -37 +37 @@ jobs:\n-        if: ${{ matrix.node == '14' }}\n+        if: ${{ matrix.node == '18' }}\n@@ -40 +40 @@ jobs:\n-        if: ${{ matrix.node == '14' || matrix.node == '15' }}\n+        if: ${{ matrix.node == '16' || matrix.node == '18' }}\n";
const node14 = intentRulesFor(node14Patch, ['.github/workflows/ci_main.yml'], new Set(['rxjs']));
/** stylelint 958bf36912 (71 changed lines, `isIgnoredFunction` and two rules): its lines hold `10`. */
const ignoredFunctionPatch = readFileSync(new URL('../../fixtures/answers/numbers/stylelint-958bf36912.diff', import.meta.url), 'utf8');
const ignoredFunction = intentRulesFor(
  ignoredFunctionPatch,
  [
    'lib/rules/color-hex-length/index.js',
    'lib/rules/color-no-hex/index.js',
    'lib/utils/__tests__/isIgnoredFunction.test.mjs',
    'lib/utils/isIgnoredFunction.js',
  ],
  new Set(['promise.resolve', 'promise', 'resolve', 'async']),
);

describe('a number the change holds, written by an adversary', () => {
  test.each([
    ['Set the limit to 400 so that things work better in general.', weight],
    ['Changed the value to 900 as discussed, this should improve stability.', weight],
    ['Bumped the timeout to 14 seconds to make it more robust.', node14],
    ['Set the limit to 16 so that things work better in general.', node14],
  ])('filler carrying one of its numbers is refused: %s', (text, rules) => {
    expect(validateAnswer(text, rules)).not.toBeNull();
  });

  test("another change's real explanation sharing a number of a 71-line change is refused", () => {
    // stylelint bf45220110's body, answered against 958bf36912 (its lines hold `10` of their own).
    const other =
      '* Refactor CLI system test\n\n- Remove the workaround for Node < 7. Now, Node 10 is required.\n- Inline unnecessary `Promise.resolve()`.\n- Convert to an arrow function for consistency in a file.\n\n* Convert to `async` functions for readability';
    expect(validateAnswer(other, ignoredFunction)).not.toBeNull();
  });

  test('own explanations that a number connects are still accepted', () => {
    expect(
      validateAnswer(
        'In this example, violations for `bold` and `normal` are mapping to non-violations in the values for `700` and `900`. The latter should map to `400`.',
        weight,
      ),
    ).toBeNull();
    expect(
      validateAnswer(
        "+ Remove Node 14 from CI\n\nBREAKING CHANGE: Node 14 is no longer supported in version 8. End of life for Node 14 is April 30, 2023. There's no reason for RxJS version 8 to support it, as we won't even be out of beta at that point.",
        node14,
      ),
    ).toBeNull();
    expect(validateAnswer('The example should use 400 instead of 900, since 900 is reported by the rule.', weight)).toBeNull();
  });
});

describe('a name of the change alone, in one sentence', () => {
  test.each(['Refactored `isIgnoredFunction` a bit for readability.', 'Refactored `color-no-hex` a bit, for readability.'])(
    'is no explanation: %s',
    (text) => {
      expect(validateAnswer(text, ignoredFunction)).toMatch(/fit any change/);
    },
  );

  test('with a word of the change beside it, a short answer still says enough', () => {
    expect(validateAnswer('`isIgnoredFunction` tells the url functions apart.', ignoredFunction)).toBeNull();
  });
});
