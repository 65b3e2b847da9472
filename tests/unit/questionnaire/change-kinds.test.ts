import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { intentRulesFor } from '../../helpers/intent-rules.js';
import { readChangeKinds } from '../../../src/core/questionnaire/change-kinds.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';

// An explanation that shares no word with its change may say what KIND of change it is, and the
// patch shows that kind without a shared word (change-kinds.ts): a change that only deletes, one
// that only edits comments. Naming the kind the patch shows connects a sentence that says more
// than the kind; filler naming it, or naming a kind the patch does not show, stays refused
// (docs/questionnaire.md, "Kinds of change").

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/answers/kinds/${name}`, import.meta.url), 'utf8');
/** sinonjs/sinon 2e8abade29 "Remove obsoleted lib/sinon/sandbox-stub.js": deletes the file (42 lines). */
const deletion = { patch: fixture('sinon-2e8abade29.diff'), paths: ['lib/sinon/sandbox-stub.js'] };
/** ReactiveX/rxjs 1a9b13e4f3: rewords Observable's doc comment (9 lines for 9). */
const rewording = { patch: fixture('rxjs-1a9b13e4f3.diff'), paths: ['src/internal/Observable.ts'] };
/** A change that does neither: it adds code (a line of a guard). */
const addition = {
  patch: [
    'diff --git a/src/parse.ts b/src/parse.ts',
    '--- a/src/parse.ts',
    '+++ b/src/parse.ts',
    '@@ -3,0 +4 @@ export function parseConfig(text: string) {',
    "+  if (text.trim() === '') return {};",
  ].join('\n'),
  paths: ['src/parse.ts'],
};
const rulesOf = (change: { patch: string; paths: string[] }) => intentRulesFor(change.patch, change.paths);

const deletionBody =
  'This should have been removed in 74263dd9c5154587e1436d1b742af6d0137bd399,\nwhere we removed a lot of deprecated things. This file was overlooked and\nwas left behind.';
const rewordingBody =
  '* Inline Documentation Readability Changes\n\nI found it hard to read easily some of the documentation, which led me to clean up some of the sentences and the wording. Once this was done I found it easier to read and understand.\n\n* Fix whitespace issue';

describe('the kind of change a patch shows', () => {
  test('only deleting, or only editing comment lines, is a kind; adding code is neither', () => {
    expect([...readChangeKinds(deletion)]).toEqual(['deletion']);
    expect([...readChangeKinds(rewording)]).toEqual(['comments']);
    expect(readChangeKinds(addition).size).toBe(0);
    // Prose files have no comment lines to tell apart: a README edit is not a comments-only change.
    const readme = { patch: 'diff --git a/README.md b/README.md\n@@ -1 +1 @@\n-# Old title\n+# New title', paths: ['README.md'] };
    expect(readChangeKinds(readme).size).toBe(0);
  });
});

describe('an explanation naming the kind its change shows', () => {
  test('is connected to its own change, in English and in another language', () => {
    expect(validateAnswer(deletionBody, rulesOf(deletion))).toBeNull();
    expect(validateAnswer(rewordingBody, rulesOf(rewording))).toBeNull();
    const spanish =
      'Esto debió eliminarse en 74263dd9c5, donde quitamos muchas cosas obsoletas. Este archivo se pasó por alto y quedó olvidado.';
    expect(validateAnswer(spanish, rulesOf(deletion))).toBeNull();
  });

  test('is refused against a change that does not show that kind', () => {
    expect(validateAnswer(deletionBody, rulesOf(addition))).toMatch(/connects to nothing|says little/);
    expect(validateAnswer(rewordingBody, rulesOf(deletion))).toMatch(/connects to nothing|says little/);
    expect(validateAnswer(deletionBody, rulesOf(rewording))).toMatch(/connects to nothing|says little/);
  });

  test('filler that names the kind, or only the kind, is refused even where the patch shows it', () => {
    for (const filler of [
      'Cleaned up unused code.',
      'Removed obsolete code that was no longer used.',
      'Quité código sin uso.',
      '删除了未使用的代码。',
      'Typo.',
    ])
      expect(validateAnswer(filler, rulesOf(deletion))).not.toBeNull();
    for (const filler of ['Fixed some typos and wording here and there.', 'Reworded the comments for clarity.', 'Typo.'])
      expect(validateAnswer(filler, rulesOf(rewording))).not.toBeNull();
  });
});

describe('comment lines of any code file, not only the languages listed (angular-cli 712f5081f0)', () => {
  // Copyright headers of BUILD.bazel, .bzl files and a jq filter (`tools/package_json_release_filter.jq`, `#` comments).
  const patch = fixture('angular-712f5081f0.diff');
  const headers = { patch, paths: [...new Set([...patch.matchAll(/^diff --git a\/(\S+) b\//gm)].map((m) => m[1]!))] };
  const body =
    'Update all copyright headers throughout the codebase to reflect the\ncurrent legal entity name. This is a non-functional change that only\naffects the copyright notices in source files.';

  test('a change of copyright headers is a comments change, and its explanation connects', () => {
    expect([...readChangeKinds(headers)]).toEqual(['comments']);
    expect(validateAnswer(body, rulesOf(headers))).toBeNull();
  });
  test('a Markdown heading or list item is no comment: prose files stay out', () => {
    const readme = { patch: 'diff --git a/README.md b/README.md\n@@ -1 +1 @@\n-# Old title\n+# New title', paths: ['README.md'] };
    expect(readChangeKinds(readme).size).toBe(0);
  });
});
