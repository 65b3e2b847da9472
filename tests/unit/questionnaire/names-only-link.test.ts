import { describe, expect, test } from '@jest/globals';
import { intentRulesFor } from '../../helpers/intent-rules.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';

// An answer whose one link to the change is a name it repeats (the changed file), with words the change
// has nowhere and nothing said of what the change does, is filler with a name put in (names-only-link.ts).
// The patches are real hyperdxio/hyperdx commits; the filler was written from their subject lines before
// any run (tests/fixtures/answers/elsewhere-hyperdx.tune.jsonl), and each was accepted before.

/** hyperdxio/hyperdx 0d01864220 "Loading overlay dots announced by screen readers". */
const blocker = intentRulesFor(
  'diff --git a/packages/app/src/AuthLoadingBlocker.tsx b/packages/app/src/AuthLoadingBlocker.tsx\nindex 08066903d..455e20f69 100644\n--- a/packages/app/src/AuthLoadingBlocker.tsx\n+++ b/packages/app/src/AuthLoadingBlocker.tsx\n@@ -26,0 +27,2 @@ export default function AuthLoadingBlocker() {\n+          role="status"\n+          aria-live="polite"\n@@ -29 +31,3 @@ export default function AuthLoadingBlocker() {\n-          <span style={{ width: 0 }}>{\'.\'.repeat(periods)}</span>\n+          <span style={{ width: 0 }} aria-hidden="true">\n+            {\'.\'.repeat(periods)}\n+          </span>\n',
  ['packages/app/src/AuthLoadingBlocker.tsx'],
);
/** hyperdxio/hyperdx e2db2efe18 "Tune HyperDX theme tokens and chart assistant button". */
const tokens = intentRulesFor(
  'diff --git a/packages/app/src/DBChartPage.tsx b/packages/app/src/DBChartPage.tsx\nindex d1f24dfcf..b30215a5d 100644\n--- a/packages/app/src/DBChartPage.tsx\n+++ b/packages/app/src/DBChartPage.tsx\n@@ -152,6 +152 @@ function AIAssistant({\n-        <Button\n-          onClick={() => setOpened(o => !o)}\n-          size="xs"\n-          variant="subtle"\n-          color="gray"\n-        >\n+        <Button onClick={() => setOpened(o => !o)} size="xs" variant="subtle">\ndiff --git a/packages/app/src/theme/themes/hyperdx/_tokens.scss b/packages/app/src/theme/themes/hyperdx/_tokens.scss\nindex 275e1b3e9..1503bbc4a 100644\n--- a/packages/app/src/theme/themes/hyperdx/_tokens.scss\n+++ b/packages/app/src/theme/themes/hyperdx/_tokens.scss\n@@ -19,2 +19,2 @@\n-  --color-bg-sidenav-link-active: var(--mantine-color-dark-6);\n-  --color-bg-sidenav-link-active-hover: var(--mantine-color-dark-7);\n+  --color-bg-sidenav-link-active: var(--mantine-color-dark-7);\n+  --color-bg-sidenav-link-active-hover: var(--mantine-color-dark-6);\n@@ -24,3 +24,3 @@\n-  --color-bg-field: var(--mantine-color-dark-6);\n-  --color-bg-field-highlighted: var(--mantine-color-dark-5);\n-  --color-bg-field-addon: var(--mantine-color-dark-5);\n+  --color-bg-field: var(--mantine-color-dark-7);\n+  --color-bg-field-highlighted: var(--mantine-color-dark-6);\n+  --color-bg-field-addon: var(--mantine-color-dark-6);\n@@ -40 +40 @@\n-  --color-border: var(--mantine-color-dark-5);\n+  --color-border: var(--mantine-color-dark-6);\n@@ -132 +132 @@\n-  --color-bg-sidenav-link-active: #f6f6fa;\n+  --color-bg-sidenav-link-active: #ebebef;\n@@ -136 +136 @@\n-  --color-bg-hover: var(--mantine-color-gray-3);\n+  --color-bg-hover: var(--mantine-color-gray-1);\n',
  ['packages/app/src/DBChartPage.tsx', 'packages/app/src/theme/themes/hyperdx/_tokens.scss'],
);

describe('a name of the change alone, with nothing said of what it does', () => {
  test.each([
    ['This update to `AuthLoadingBlocker.tsx` improves accessibility and follows best practices for an inclusive experience.', blocker],
    ['Small improvements to `AuthLoadingBlocker.tsx`, nothing special.', blocker],
    // A purpose that is only a claim of betterment.
    ['Changed `AuthLoadingBlocker.tsx` so the overlay shows properly.', blocker],
    [
      'This update to `_tokens.scss` and `DBChartPage.tsx` polishes the visual design and improves consistency across the application.',
      tokens,
    ],
  ])('is refused: %s', (text, rules) => {
    expect(validateAnswer(text, rules)).toMatch(/names what the change touches, not what it does/);
  });

  test.each([
    // The real bodies (trailers, headings and the empty template removed).
    [
      "The animated dot animation ('.'.repeat(periods)) is inside a full-screen loading blocker with no aria-hidden attribute. Screen readers will announce each period change as the animation progresses, creating a noisy experience.",
      blocker,
    ],
    [
      '- Adjusts HyperDX dark/light tokens for sidenav active states, field backgrounds, borders, and hover grays.\n- Removes redundant `color` on a subtle `Button` in Chart Explorer assistant UI.',
      tokens,
    ],
    // The same name with what the change does to it: a negation, a condition.
    ['`AuthLoadingBlocker.tsx` no longer lets screen readers read out every dot of the animation.', blocker],
    ['`DBChartPage.tsx`: the assistant toggle keeps its gray only when the theme says so.', tokens],
    // A purpose told as what a part can now do (ci-workflows' review-commit answer).
    ['Reword `AuthLoadingBlocker.tsx` so the overlay keeps quiet for screen readers.', blocker],
  ])('is accepted: %s', (text, rules) => {
    expect(validateAnswer(text, rules)).toBeNull();
  });
});
