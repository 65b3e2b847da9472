import { describe, expect, test } from '@jest/globals';
import { intentRulesFor } from '../../helpers/intent-rules.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';

// Real explanations of the grounded corpora's tune splits (tests/fixtures/answers/grounded-*.tune.jsonl),
// each against its own commit's patch, refused before this round's rules (the round of the vercel/ai corpus).

describe('a name of the change in the singular or the plural is that name (prettier 042e603a6e)', () => {
  const patch = `diff --git a/src/printer.js b/src/printer.js
--- a/src/printer.js
+++ b/src/printer.js
@@ -2356,2 +2356 @@ function canPrintParamsWithoutParens(node) {
-    !node.params[0].leadingComments &&
-    !node.params[0].trailingComments &&
+    !node.params[0].comments &&
diff --git a/tests/comments/__snapshots__/jsfmt.spec.js.snap b/tests/comments/__snapshots__/jsfmt.spec.js.snap
--- a/tests/comments/__snapshots__/jsfmt.spec.js.snap
+++ b/tests/comments/__snapshots__/jsfmt.spec.js.snap
@@ -236,0 +237 @@ function c(/* comment */ argA, argB, argC) {} // comment
+call((/*object*/ row) => {});
@@ -240,0 +242 @@ function c(/* comment */ argA, argB, argC) {} // comment
+call((/*object*/ row) => {});
diff --git a/tests/comments/function-declaration.js b/tests/comments/function-declaration.js
--- a/tests/comments/function-declaration.js
+++ b/tests/comments/function-declaration.js
@@ -3,0 +4 @@ function c(/* comment */ argA, argB, argC) {} // comment
+call((/*object*/ row) => {});
`;
  const paths = ['src/printer.js', 'tests/comments/__snapshots__/jsfmt.spec.js.snap', 'tests/comments/function-declaration.js'];
  const rules = intentRulesFor(patch, paths, new Set(['leadingcomment', 'trailingcomment']));
  const body =
    '`leadingComment` and `trailingComment` are babylon-specific, we should use `comments` which is what prettier adds.\n\nFixes #1335';
  test('its own body passes: the change removes `leadingComments` and `trailingComments`', () => {
    expect(validateAnswer(body, rules)).toBeNull();
  });
  test('two names of words the change does not hold still say little', () => {
    expect(
      validateAnswer(body.replace('`leadingComment` and `trailingComment`', '`leadingSpace` and `trailingSpace`'), {
        ...rules,
        nameExists: () => true,
      }),
    ).toMatch(/says little/);
  });
  test('a plain word in the plural of a plain name is no name of the change', () => {
    const one = `diff --git a/src/a.js b/src/a.js
--- a/src/a.js
+++ b/src/a.js
@@ -1 +1 @@
-const results = compute(input);
+const results = compute(input, options);
`;
    expect(
      validateAnswer('The `result` of babylon is what prettier prints, with its own spacing and wrapping rules.', {
        ...intentRulesFor(one, ['src/a.js']),
        nameExists: () => true,
      }),
    ).not.toBeNull();
  });
});

describe("a translation is compared on its language's content words, not its grammar (rxjs 7901f7b648)", () => {
  // reduce's operator and subscriber move into a new file, reduce-support.ts: the whole patch (a shorter one is a
  // small change, where a few shared words are above chance in any language).
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
@@ -26 +22 @@ class ReduceOperator<T, R> implements Operator<T, R> {
-class ReduceSubscriber<T, R> extends Subscriber<T> {
+export class ReduceSubscriber<T, R> extends Subscriber<T> {
diff --git a/src/operators/reduce.ts b/src/operators/reduce.ts
--- a/src/operators/reduce.ts
+++ b/src/operators/reduce.ts
@@ -1,2 +1,2 @@
-import Operator from '../Operator';
-import Subscriber from '../Subscriber';
+import Observable from '../Observable';
+import { ReduceOperator } from './reduce-support';
@@ -4,4 +4 @@ import Subscriber from '../Subscriber';
-import tryCatch from '../util/tryCatch';
-import {errorObject} from '../util/errorObject';
-
-export default function reduce<T, R>(project: (acc: R, x: T) => R, acc?: R) {
+export default function reduce<T, R>(project: (acc: R, x: T) => R, acc?: R): Observable<R> {
@@ -10,51 +6,0 @@ export default function reduce<T, R>(project: (acc: R, x: T) => R, acc?: R) {
-
-class ReduceOperator<T, R> implements Operator<T, R> {
-
-  acc: R;
-  project: (acc: R, x: T) => R;
-
-  constructor(project: (acc: R, x: T) => R, acc?: R) {
-    this.acc = acc;
-    this.project = project;
-  }
-
-  call(subscriber: Subscriber<T>): Subscriber<T> {
-    return new ReduceSubscriber(subscriber, this.project, this.acc);
-  }
-}
-
-class ReduceSubscriber<T, R> extends Subscriber<T> {
-
-  acc: R;
-  hasSeed: boolean;
-  hasValue: boolean = false;
-  project: (acc: R, x: T) => R;
-
-  constructor(destination: Subscriber<T>, project: (acc: R, x: T) => R, acc?: R) {
-    super(destination);
-    this.acc = acc;
-    this.project = project;
-    this.hasSeed = typeof acc !== 'undefined';
-  }
-
-  _next(x) {
-    if (this.hasValue || (this.hasValue = this.hasSeed)) {
-      const result = tryCatch(this.project).call(this, this.acc, x);
-      if (result === errorObject) {
-        this.destination.error(errorObject.e);
-      } else {
-        this.acc = result;
-      }
-    } else {
-      this.acc = x;
-      this.hasValue = true;
-    }
-  }
-
-  _complete() {
-    if (this.hasValue || this.hasSeed) {
-      this.destination.next(this.acc);
-    }
-    this.destination.complete();
-  }
-}
`;
  const rules = intentRulesFor(patch, ['src/operators/reduce-support.ts', 'src/operators/reduce.ts']);
  test('the Spanish and German translations of its own body pass, as the English one does', () => {
    expect(
      validateAnswer(
        'Reduce se puede usar para implementar otros operadores como max y min. Crear un archivo de soporte para reduce permitirá este enfoque.',
        rules,
      ),
    ).toBeNull();
    expect(
      validateAnswer(
        'Mit reduce lassen sich andere Operatoren wie max und min implementieren. Eine eigene Support-Datei für reduce ermöglicht diesen Ansatz.',
        rules,
      ),
    ).toBeNull();
  });
  test('filler and answers about something else in those languages are still refused', () => {
    expect(
      validateAnswer('Se mejoró la implementación para que el comportamiento sea más robusto y fácil de mantener.', rules),
    ).not.toBeNull();
    expect(validateAnswer('Der Code wurde überarbeitet, damit er sauberer, stabiler und leichter wartbar ist.', rules)).not.toBeNull();
    expect(
      validateAnswer('El planificador ahora libera la memoria de la cola mientras los temporizadores esperan su turno.', rules),
    ).not.toBeNull();
  });
});
