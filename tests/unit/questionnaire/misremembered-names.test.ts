import { describe, expect, test } from '@jest/globals';
import { intentRulesFor } from '../../helpers/intent-rules.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';

// A name that exists nowhere is refused by name; a name of THIS change misremembered by one word
// (inserted, dropped or replaced, two of its words kept) is not another project's name. Real
// sentences of the rxjs corpus's tune split (tests/fixtures/answers/grounded-rxjs.tune.jsonl),
// their patches reduced to the lines that carry the names.

describe('a name on the change`s lines with one word inserted', () => {
  // rxjs 7300a124: `ConnectableSubscriber` stops extending `SubjectSubscriber`; the body calls it
  // `ConnectableObservableSubscriber`.
  const patch = `diff --git a/src/internal/observable/ConnectableObservable.ts b/src/internal/observable/ConnectableObservable.ts
--- a/src/internal/observable/ConnectableObservable.ts
+++ b/src/internal/observable/ConnectableObservable.ts
@@ -1 +1 @@
-import { SubjectSubscriber } from '../Subject';
+import { Subscriber } from '../Subscriber';
@@ -146 +146 @@ export const connectableObservableDescriptor
-class ConnectableSubscriber<T> extends SubjectSubscriber<T> {
+class ConnectableSubscriber<T> extends Subscriber<T> {
@@ -160,0 +161,3 @@ class ConnectableSubscriber<T> extends Subscriber<T> {
+  protected get destination() {
+    return this.subject;
+  }
`;
  const rules = intentRulesFor(patch, ['src/internal/observable/ConnectableObservable.ts'], new Set(['subjectsubscriber']));
  test('its own body passes', () => {
    const text =
      'Changes `ConnectableObservableSubscriber` to just override `destination` directly instead of going through the old `SubjectSubscriber`.';
    expect(validateAnswer(text, rules)).toBeNull();
  });
  test('a name two words away, or another project`s name, is still refused by name', () => {
    expect(validateAnswer('Changes `ConnectableReplayObservableSubscriber` to override `destination` directly.', rules)).toMatch(
      /ConnectableReplayObservableSubscriber` is not in this repository/,
    );
    expect(validateAnswer('Changes `useSyncExternalStore` to override `destination` directly.', rules)).toMatch(
      /useSyncExternalStore` is not in this repository/,
    );
  });
});

describe('a name on the change`s lines with one word replaced', () => {
  // rxjs c93aa60e: QueueAction's `requestAsyncId` returns 0; the squashed step says `requestActionId`.
  const patch = `diff --git a/src/internal/scheduler/QueueAction.ts b/src/internal/scheduler/QueueAction.ts
--- a/src/internal/scheduler/QueueAction.ts
+++ b/src/internal/scheduler/QueueAction.ts
@@ -38 +38 @@ export class QueueAction<T> extends AsyncAction<T> {
-  protected requestAsyncId(scheduler: QueueScheduler, id?: any, delay: number = 0): any {
+  protected requestAsyncId(scheduler: QueueScheduler, id?: TimerHandle, delay: number = 0): TimerHandle {
@@ -46,0 +47,2 @@ export class QueueAction<T> extends AsyncAction<T> {
+    // Otherwise flush the scheduler starting with this action.
+    scheduler.flush(this);
+    return 0;
`;
  const rules = intentRulesFor(patch, ['src/internal/scheduler/QueueAction.ts']);
  test('its own step passes', () => {
    const text =
      'refactor(QueueAction): Have requestActionId return 0\n\nChanges this to return `0` as a compromise given it was returning `void` in the past.';
    expect(validateAnswer(text, rules)).toBeNull();
  });
  test('one word kept of two is not the same name', () => {
    expect(
      validateAnswer('refactor(QueueAction): Have `cancelAnimationId` return 0 as a compromise, given it returned void.', rules),
    ).toMatch(/cancelAnimationId` is not in this repository/);
  });
});

describe('a name of the change misspelt by one letter', () => {
  // prettier c085aeb152: the body writes `CallExpresion` for the `CallExpression` its tests name.
  const patch = `diff --git a/src/language-js/comments.js b/src/language-js/comments.js
--- a/src/language-js/comments.js
+++ b/src/language-js/comments.js
@@ -10,0 +11,3 @@ function hasTypeCastComment(node) {
+  // The numberOrString.map CallExpression is typecast
+  const isParenthesized = node.extra && node.extra.parenthesized;
+  if (isParenthesized && isTypeCastComment(node.leadingComments)) return true;
`;
  const rules = intentRulesFor(patch, ['src/language-js/comments.js'], new Set(['memberexpression', 'identifier']));
  test('its own body passes', () => {
    const text =
      "This fixes casts when they are followed by a closing parenthesis. The old code would see the `CallExpresion`'s closing `)` and assume the typecast belonged to the `MemberExpression`, not the `arrOrString` `Identifier`.";
    expect(validateAnswer(text, rules)).toBeNull();
  });
  test('two letters off, a short name one letter off, or another project`s name, is still refused by name', () => {
    const refused = (name: string) =>
      validateAnswer(`The old code would see the \`${name}\`'s closing parenthesis and assume the typecast was wrong.`, rules);
    expect(refused('CalExpresion')).toMatch(/CalExpresion` is not in this repository/);
    expect(refused('extro')).toMatch(/extro` is not in this repository/);
    expect(refused('useQuery')).toMatch(/useQuery` is not in this repository/);
    expect(refused('QueryObserver')).toMatch(/QueryObserver` is not in this repository/);
  });
});
