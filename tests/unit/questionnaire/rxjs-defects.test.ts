import { describe, expect, test } from '@jest/globals';
import { intentRulesFor } from '../../helpers/intent-rules.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';

// Answers of the tune splits of the grounded corpora (rxjs: tests/fixtures/answers/grounded-rxjs.tune.jsonl,
// graphql-js, typeorm, angular-cli) that the rules judged wrongly, each reduced to the class it
// stands for; and the answers the same rules must still accept.

describe('one shared word in a short answer is chance', () => {
  // rxjs 47ae857325 (webSocket's documentation), reduced: `next` is a word of any change that
  // touches an Observer, and "next" a word of any plan.
  const patch = `diff --git a/src/observable/dom/WebSocketSubject.ts b/src/observable/dom/WebSocketSubject.ts
--- a/src/observable/dom/WebSocketSubject.ts
+++ b/src/observable/dom/WebSocketSubject.ts
@@ -4,0 +5 @@ import { Subscriber } from '../../Subscriber';
+import { NextObserver } from '../../Observer';
@@ -40,0 +42,9 @@ export interface WebSocketSubjectConfig {
+  /**
+   * An Observer which watches the socket: when the connection is opened, its \`next\` method
+   * is called with the open event.
+   * @type {NextObserver<Event>}
+   */
+  openObserver?: NextObserver<Event> = null;
+  /** Likewise when the connection is closed, with the close event. */
+  closeObserver?: NextObserver<CloseEvent> = null;
+  closingObserver?: NextObserver<void> = null;
`;
  const rules = intentRulesFor(patch, ['src/observable/dom/WebSocketSubject.ts']);
  test('an answer whose only word of the change is a common one is refused', () => {
    // The generic set of the rxjs corpus (tune), written before any run.
    expect(validateAnswer('Tidying up before the next milestone.', rules)).not.toBeNull();
    // graphql-js's generic set (tune): "kind" is a word of its change there.
    expect(validateAnswer('The same kind of event as the one I made last week.', rules)).not.toBeNull();
  });
  test('a short answer that shares two words, or names a name of the change, still passes', () => {
    expect(validateAnswer('Documents the observers a socket config takes: open, close and closing.', rules)).toBeNull();
    expect(validateAnswer('`openObserver` is documented now: when the socket calls it, and with which event.', rules)).toBeNull();
  });
});

describe('what a change names by moving code', () => {
  // rxjs 7901f7b648: reduce's operator and subscriber move into a new file, reduce-support.ts.
  const patch = `diff --git a/src/operators/reduce.ts b/src/operators/reduce-support.ts
similarity index 83%
copy from src/operators/reduce.ts
copy to src/operators/reduce-support.ts
--- a/src/operators/reduce.ts
+++ b/src/operators/reduce-support.ts
@@ -7,5 +7 @@ import {errorObject} from '../util/errorObject';
-export default function reduce<T, R>(project: (acc: R, x: T) => R, acc?: R) {
-  return this.lift(new ReduceOperator(project, acc));
-}
-
-class ReduceOperator<T, R> implements Operator<T, R> {
+export class ReduceOperator<T, R> implements Operator<T, R> {
diff --git a/src/operators/reduce.ts b/src/operators/reduce.ts
--- a/src/operators/reduce.ts
+++ b/src/operators/reduce.ts
@@ -1,2 +1,2 @@
-import Operator from '../Operator';
-import Subscriber from '../Subscriber';
+import Observable from '../Observable';
+import { ReduceOperator } from './reduce-support';
@@ -7 +4 @@ import Subscriber from '../Subscriber';
-export default function reduce<T, R>(project: (acc: R, x: T) => R, acc?: R) {
+export default function reduce<T, R>(project: (acc: R, x: T) => R, acc?: R): Observable<R> {
`;
  const rules = intentRulesFor(patch, ['src/operators/reduce-support.ts', 'src/operators/reduce.ts']);
  test('a reasoning word the change declares is its name, and a new file is what it makes', () => {
    // Its own body: "reduce" is the operator (not "reduces the cost"), and reduce-support.ts is new.
    const text =
      'Reduce can be used to implement other operators such as max and min.\nCreating a support file for reduce will allow this approach.';
    expect(validateAnswer(text, rules)).toBeNull();
    expect(
      validateAnswer(
        'reduce を使えば max や min などの他のオペレーターを実装できる。reduce 用のサポートファイルを作ることでこの方法が可能になる。',
        rules,
      ),
    ).toBeNull();
  });
  test('the verb alone in an answer about something else is still chance', () => {
    expect(validateAnswer('Reduces the memory the scheduler queue holds while timers wait for their turn.', rules)).not.toBeNull();
  });
});
