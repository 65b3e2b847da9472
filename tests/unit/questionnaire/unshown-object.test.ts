import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { intentRulesFor } from '../../helpers/intent-rules.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';

// A line that claims to have fixed or added a thing the change never writes ("the hollow reply loop",
// "some breadcrumbs flavour"), in a part the change does touch ("the assistant chat"), or that claims an
// effect with no cause ("… now works better with the data of the queries."), says nothing a reader can
// check in the diff (unshown-object.ts). Real patches; the refused answers are elsewhere-inbox-zero's and
// elsewhere-unkey's generic answers (tune split), accepted before. The accepted ones are real commit
// subjects and bodies of those changes: a defect told in one word with where it happens, a means
// ("by obfuscating …"), names of the change in the object.

const rulesOf = (file: string) => {
  const patch = readFileSync(new URL(`../../fixtures/answers/patches/${file}`, import.meta.url), 'utf8');
  return intentRulesFor(
    patch,
    [...patch.matchAll(/^\+\+\+ b\/(.+)$/gm)].map((m) => m[1]!),
  );
};
/** elie222/inbox-zero 60a16d39cc: the app's error boundary logs its context, and once. */
const errorBoundary = rulesOf('inbox-zero-60a16d39cc.diff');
/** elie222/inbox-zero 4f1f5fb746: the assistant chat's empty responses. */
const assistantChat = rulesOf('inbox-zero-4f1f5fb746.diff');
/** unkeyed/unkey 8d1a93ea07: the tables' page clamp waits for their data. */
const pageClamp = rulesOf('unkey-8d1a93ea07.diff');
/** prettier/prettier a6ec181566: a single rest element on a class declaration no longer crashes the printer. */
const rest = rulesOf('prettier-a6ec181566.diff');
/** mfts/papermark 97ad7b4cd1: the Notion viewer's table of contents scrolls by anchors it rewrites. */
const notion = rulesOf('papermark-97ad7b4cd1.diff');
/** mfts/papermark 1405ed66d5: the hidden documents components guard `teamInfo` and key their skeletons. */
const hidden = rulesOf('papermark-1405ed66d5.diff');

describe('a claim whose object the change never writes', () => {
  test.each([
    ['Fixed the hollow reply loop in the assistant chat.', assistantChat],
    ['Added some breadcrumbs flavour to the error boundary logs.', errorBoundary],
    // An effect claimed with no cause, alone or after an edit named without its kind (the second written for
    // this test, refused on a3e9e31 too by touched-parts-only.ts: a guard).
    ['The clamp effect now works better with the data of the queries.', pageClamp],
    ['Updated the clamp effect in the query hooks. The tables look good now.', pageClamp],
    // The effect told as the edit's purpose (written for this test: its words of its own, "pagination", "overview",
    // "load", are more than a summary of the touched parts may carry, and it was accepted).
    ['Changed the pagination clamp of the overview hooks so that the tables look right on load.', pageClamp],
  ])('is refused: %s', (text, rules) => {
    expect(validateAnswer(text, rules)).toMatch(/names what the change touches, not what it does/);
  });

  test.each([
    ['Fix crash for single rest on class declaration', rest],
    ['Fix Notion TOC scrolling by obfuscating anchor hrefs', notion],
    ['Fix teamInfo guards and Skeleton key props in hidden documents components', hidden],
    ['* fix: log frontend error boundary context\n\n* fix: avoid duplicate frontend error logs', errorBoundary],
    // The same effect with its cause, or with what the edit does.
    ['Changed the clamp effect so that it returns early while there is no data.', pageClamp],
    ['The clamp effect now works better: it returns early while there is no data, so a deep link keeps its page.', pageClamp],
  ])('is accepted: %s', (text, rules) => {
    expect(validateAnswer(text, rules)).toBeNull();
  });
});
