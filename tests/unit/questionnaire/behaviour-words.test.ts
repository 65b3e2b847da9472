import { describe, expect, test } from '@jest/globals';
import { intentRulesFor } from '../../helpers/intent-rules.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';

// A real explanation may name what the change's code does in the words a reader uses for it, not
// the words its lines hold: the event an `emit(…)` fires, the link an `<a href>` makes, the paths an
// ignore file makes a tool skip (behaviour-words.ts), a duration in seconds that the code writes in
// milliseconds (changed-numbers.ts). Each patch below is the real commit's, each explanation its real
// body; each was refused before (tune splits, docs/questionnaire.md, round 51).

/** mongodb/node-mongodb-native 462d2f9ad4: the pool emits `stateChanged`. */
const pool = intentRulesFor(
  "diff --git a/connection/pool.js b/connection/pool.js\nindex c0613e2fd0..c87ecb919c 100644\n--- a/connection/pool.js\n+++ b/connection/pool.js\n@@ -212,0 +213 @@ function stateTransition(self, newState) {\n+    self.emit('stateChanged', self.state, newState);\n",
  ['connection/pool.js'],
);
/** jestjs/jest 508f789a8e: a video's title becomes a link to it. */
const videos = intentRulesFor(
  'diff --git a/website/pages/en/videos.js b/website/pages/en/videos.js\nindex 3820a798a3..3253ed5489 100644\n--- a/website/pages/en/videos.js\n+++ b/website/pages/en/videos.js\n@@ -39 +39 @@ class Videos extends React.Component {\n-            <h2>{title}</h2>\n+            <h2><a href={url}>{title}</a></h2>\n',
  ['website/pages/en/videos.js'],
);
/** mochajs/mocha 1ded82fb32: `out/` added to .eslintignore and .gitignore. */
const ignored = intentRulesFor(
  'diff --git a/.eslintignore b/.eslintignore\nindex 48c498f2..2226cf1f 100644\n--- a/.eslintignore\n+++ b/.eslintignore\n@@ -4,0 +5 @@ docs/\n+out/\ndiff --git a/.gitignore b/.gitignore\nindex f11fc29c..7e1edeb7 100644\n--- a/.gitignore\n+++ b/.gitignore\n@@ -24,0 +25 @@ docs/api\n+out/\n',
  ['.eslintignore', '.gitignore'],
);
/** pouchdb/pouchdb 3c36cfeeec: two tests' `this.timeout(15000)` and `this.timeout(30000)` removed. */
const timeouts = intentRulesFor(
  'diff --git a/tests/integration/test.replication.js b/tests/integration/test.replication.js\nindex fb30deec4..23c6bfaf0 100644\n--- a/tests/integration/test.replication.js\n+++ b/tests/integration/test.replication.js\n@@ -1931 +1930,0 @@ adapters.forEach(function (adapters) {\n-      this.timeout(15000);\n@@ -2937 +2935,0 @@ adapters.forEach(function (adapters) {\n-      this.timeout(30000);\n',
  ['tests/integration/test.replication.js'],
);

describe('what the change does, in the words a reader uses for it', () => {
  test.each([
    [
      'This is a low-impact change that allows us to potentially make far\nmore accurate assessments of when certain events have completed in\nthe pool. This also allows us to reduce the chances of flakey pool\ntests',
      pool,
    ],
    [
      "As per CSS rules, video's are hidden for mobile resolutions.\nThis at least lets the user view them by clicking on the title.\n\nGoing forward we should make a proper layout for mobile users.",
      videos,
    ],
    [
      'Prettier-ESLint keeps busying itself with the JSDoc output directory upon any commit, spewing hundreds of errors.\nThis tells both ESLint and Git to ignore the directory.',
      ignored,
    ],
    [
      "We're manually setting the timeout to 30s,\nwhen the default is 60. This causes the test\nto fail pretty frequently as I test on my local network.",
      timeouts,
    ],
  ])('the real body is accepted: %s', (text, rules) => {
    expect(validateAnswer(text, rules)).toBeNull();
  });

  test.each([
    ['Improved the event handling in the pool so it works better.', pool],
    ['Updated the link so that clicking works correctly.', videos],
    ['Changed the ignore files so things are ignored properly.', ignored],
    ['Set the limit to 30s so things work better.', timeouts],
    // Another change's body in the same words: pouchdb's replication events, the docs' links.
    ['The replication now fires a paused event when the remote database goes offline, so the UI can show it.', ignored],
    ['Clicking a link in the sidebar now scrolls the page to the heading.', pool],
  ])('generic or another change in the same words is refused: %s', (text, rules) => {
    expect(validateAnswer(text, rules)).not.toBeNull();
  });
});
