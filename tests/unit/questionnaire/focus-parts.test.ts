import { describe, expect, test } from '@jest/globals';
import { intentRulesFor } from '../../helpers/intent-rules.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';

// Prose shortens the declaration a change is inside of to a run of its words: rxjs's body says
// "the closingNotifier Observable" of a change inside `class WindowClosingNotifierSubscriber`
// (connect-to-change.ts, focusPartsOf). The patch is the real commit's, the body its real one,
// refused before (tune split of grounded-rxjs, docs/questionnaire.md, round 52).

/** ReactiveX/rxjs 42beff10: `_error` and `_complete` forwarded to the parent subscriber. */
const window = intentRulesFor(
  'diff --git a/src/operators/window.ts b/src/operators/window.ts\nindex 2e19dd224..e73d77dc3 100644\n--- a/src/operators/window.ts\n+++ b/src/operators/window.ts\n@@ -64,0 +65,8 @@ class WindowClosingNotifierSubscriber<T> extends Subscriber<T> {\n+\n+  _error(err: any) {\n+    this.parent._error(err);\n+  }\n+\n+  _complete() {\n+    this.parent._complete();\n+  }\n',
  ['src/operators/window.ts'],
  // The repository is rxjs: its name is found in it.
  new Set(['rxjs']),
);

describe('a name written as part of the declaration the change is inside of', () => {
  test('the real body is accepted', () => {
    expect(
      validateAnswer(
        'happening on the closingNotifier Observable given as parameter to\nwindow. This is important in order to pass all tests (that mirror RxJS\nlegacy tests).',
        window,
      ),
    ).toBeNull();
  });

  test.each([
    // Another rxjs commit's body, judged against this change in the corpus.
    'Simply hides the creation of `new OperatorSubscriber` in a function called `createOperatorSubscriber`.\n\nThis is part of a larger plan to:\n\n1. Productize our internal means of creating operators so others can use them.',
    // The part named, nothing said of it.
    'Refactored `closingNotifier` a bit for readability.',
    'Improved the closingNotifier handling so that it works better.',
    // A run of words that is no part of the declaration's name.
    'The closingSelector of bufferToggle now completes the buffer when the source completes.',
  ])('refused: %s', (text) => {
    expect(validateAnswer(text, window)).not.toBeNull();
  });
});
