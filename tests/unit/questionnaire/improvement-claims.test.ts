import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { intentRulesFor } from '../../helpers/intent-rules.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';

// A one-line summary that claims an improvement ("Improved …", "Decluttered …", "… to improve the layout")
// and names the parts the change touches with two words of its own ("the presentation mode") says no more
// than one with one such word (touched-parts-only.ts). A line that adds something, without such a claim,
// keeps the tighter bound: the real body "Adds a fullscreen toggle and keyboard shortcut to image and page
// viewers." is accepted. Real patches; the generic answers are the elsewhere-papermark and elsewhere-hyperdx
// corpora's (tune), accepted before.

const rulesOf = (file: string) => {
  const patch = readFileSync(new URL(`../../fixtures/answers/patches/${file}`, import.meta.url), 'utf8');
  return intentRulesFor(
    patch,
    [...patch.matchAll(/^\+\+\+ b\/(.+)$/gm)].map((m) => m[1]!),
  );
};
/** papermark 5caeaf186a: a fullscreen toggle and its keyboard shortcut in the image and page viewers. */
const viewers = rulesOf('papermark-5caeaf186a.diff');
/** hyperdxio/hyperdx ec161d70fd: a tile's fullscreen action moves from its menu to a toolbar icon. */
const tiles = rulesOf('hyperdx-ec161d70fd.diff');
/** papermark b7272b1d6c: the documents page renders its hidden-items button only when there are hidden items. */
const documents = rulesOf('papermark-b7272b1d6c.diff');

describe('an improvement claimed of the parts a change touches', () => {
  test.each([
    ['Moved things around in `DBDashboardPage` to improve the layout. The toolbar is cleaner now.', tiles],
    ['Decluttered the documents page header around the hidden button.', documents],
  ])('is refused: %s', (text, rules) => {
    expect(validateAnswer(text, rules)).toMatch(/names what the change touches, not what it does/);
  });

  test.each([
    ['Adds a fullscreen toggle and keyboard shortcut to image and page viewers.', viewers],
    [
      '- Use useHiddenDocuments hook to check for hidden folders/documents\n- Conditionally render the eye-off button based on hasHiddenItems',
      documents,
    ],
    // The same claim with what the change does: a condition.
    ['Improved the documents page: the eye-off button shows only when there are hidden items.', documents],
  ])('is accepted: %s', (text, rules) => {
    expect(validateAnswer(text, rules)).toBeNull();
  });
});
