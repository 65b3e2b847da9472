import { describe, expect, test } from '@jest/globals';
import { listAddedTestNames, listEditedTestNames } from '../../../src/core/questionnaire/added-test-names.js';
import { generateQuestions } from '../../../src/core/questionnaire/generate-questions.js';
import { parsePatchHunks } from '../../../src/core/split/parse-patch-hunks.js';
import { fileChange } from '../../helpers/file-change.js';

// A test-only piece is asked about the tests it adds, by title (trpc 2b8a4f826 and zod 830ba3147
// asked "What do the changed tests in X check …?", the one generic question left there).

/** The question a test file's piece is asked, its hunks read from `edit`, beside a source file. */
const askTests = (edit: string, testFile: Parameters<typeof fileChange>, source: Parameters<typeof fileChange>) => {
  const hunks = parsePatchHunks(edit);
  const questions = generateQuestions({
    files: [fileChange(...testFile), fileChange(...source)],
    provenance: 'human',
    testNames: listAddedTestNames(hunks),
    editedTestNames: listEditedTestNames(hunks),
  });
  return questions.find((q) => q.id === `unit:${testFile[0]}`)!.message;
};

const patch = `diff --git a/packages/tests/server/errors.test.ts b/packages/tests/server/errors.test.ts
--- a/packages/tests/server/errors.test.ts
+++ b/packages/tests/server/errors.test.ts
@@ -10,0 +11,6 @@ describe('links have meta data about http failures', async () => {
+  test('onError receives the cause unwrapped when streaming', async () => {
+    expect(error).toBeInstanceOf(MyCustomError);
+  });
+  it.each([1, 2])("keeps the code of a thrown TRPCError", async () => {
+  describe(\`nested \${x}\`, () => {
+    // test('commented out', () => {
`;

describe('listAddedTestNames', () => {
  // mswjs/interceptors a89b4e40: prettier put the title on the line after `it(`, and the new test
  // file was asked "What do the changed tests in … check that was not checked before?".
  test('a title on the line after its `it(` is its title', () => {
    const interceptors = `diff --git a/test/modules/fetch/fetch.memory.test.ts b/test/modules/fetch/fetch.memory.test.ts
--- /dev/null
+++ b/test/modules/fetch/fetch.memory.test.ts
@@ -0,0 +32,4 @@
+it(
+  'does not retain per-request state after passthrough without listeners',
+  async () => {
+    const snapshotPath = path.resolve(__dirname, 'fetch-memory.heapsnapshot')
`;
    expect(listAddedTestNames(parsePatchHunks(interceptors)).get('test/modules/fetch/fetch.memory.test.ts')).toEqual([
      'does not retain per-request state after passthrough without listeners',
    ]);
  });

  // Its new worker script, beside it in the test folder, was asked about "the changed tests" in it.
  test('a new file of a test folder that is no test is asked what it does for the tests', () => {
    const worker = `diff --git a/test/modules/fetch/fetch-memory-worker.js b/test/modules/fetch/fetch-memory-worker.js
--- /dev/null
+++ b/test/modules/fetch/fetch-memory-worker.js
@@ -0,0 +1,3 @@
+const { parentPort, workerData } = require('node:worker_threads')
+const { setTimeout: delay } = require('node:timers/promises')
+const { writeHeapSnapshot } = require('node:v8')
`;
    const asked = askTests(
      worker,
      ['test/modules/fetch/fetch-memory-worker.js', 3, { status: 'added' }],
      ['src/utils/handleRequest.ts', 9],
    );
    expect(asked).toBe('What does test/modules/fetch/fetch-memory-worker.js, new here, do for the tests that use it?');
  });

  test('a title that is a long sentence is a title too (xstate e913eebb65, 160 characters)', () => {
    const title =
      'should enter the parallel default configuration when a deep history state without a default target is targeted and its parent parallel state was never visited yet';
    const xstate = `diff --git a/packages/core/test/history.test.ts b/packages/core/test/history.test.ts
--- a/packages/core/test/history.test.ts
+++ b/packages/core/test/history.test.ts
@@ -297,0 +298,2 @@ describe('history states', () => {
+  it('${title}', () => {
+    const machine = createMachine({
`;
    expect(listAddedTestNames(parsePatchHunks(xstate))).toEqual(new Map([['packages/core/test/history.test.ts', [title]]]));
  });

  test('titles of added it/test calls, quoted any way; not comments; a describe title only where no test is added', () => {
    expect(listAddedTestNames(parsePatchHunks(patch))).toEqual(
      new Map([['packages/tests/server/errors.test.ts', ['onError receives the cause unwrapped when streaming']]]),
    );
    const suiteOnly = `diff --git a/test/a.test.ts b/test/a.test.ts
--- a/test/a.test.ts
+++ b/test/a.test.ts
@@ -10,0 +11,2 @@ describe('outer', () => {
+  describe(\`nested \${x}\`, () => {
+  })
`;
    expect(listAddedTestNames(parsePatchHunks(suiteOnly))).toEqual(new Map([['test/a.test.ts', ['nested ${x}']]]));
  });

  test('a describe title is not listed as one more test beside the tests it holds (mobx-state-tree aeb4e8a6: "…overridden by", "a view")', () => {
    const mst = `diff --git a/__tests__/core/model.test.ts b/__tests__/core/model.test.ts
--- a/__tests__/core/model.test.ts
+++ b/__tests__/core/model.test.ts
@@ -400,0 +401,5 @@ describe("props", () => {
+  describe("Should show a friendly message when a model has a property overridden by", () => {
+    test("a view", () => {
+    })
+    test("an action", () => {
+    })
`;
    expect(listAddedTestNames(parsePatchHunks(mst))).toEqual(new Map([['__tests__/core/model.test.ts', ['a view', 'an action']]]));
  });

  test('a test-only piece names what it adds', () => {
    const files = [fileChange('packages/tests/server/errors.test.ts', 6), fileChange('packages/server/src/http/resolveResponse.ts', 2)];
    const questions = generateQuestions({ files, provenance: 'human', testNames: listAddedTestNames(parsePatchHunks(patch)) });
    expect(questions.find((q) => q.id === 'unit:packages/tests/server/errors.test.ts')!.message).toBe(
      'The tests in packages/tests/server/errors.test.ts add `onError receives the cause unwrapped when streaming`: what do they catch that the existing tests did not?',
    );
  });

  test('a test-only piece that adds no test names the tests it edits (immer a3be9df: assertions inside `infers curried`)', () => {
    const edit = `diff --git a/__tests__/produce.ts b/__tests__/produce.ts
--- a/__tests__/produce.ts
+++ b/__tests__/produce.ts
@@ -757,0 +758,3 @@ it("infers curried", () => {
+\t{
+\t\tconst f = produceWithPatches((state: State) => state)
+\t}
@@ -801 +804 @@ export interface State {
-  count: number
+  readonly count: number
`;
    expect(listEditedTestNames(parsePatchHunks(edit))).toEqual(new Map([['__tests__/produce.ts', ['infers curried']]]));
    expect(askTests(edit, ['__tests__/produce.ts', 5], ['src/types/types-external.ts', 16])).toBe(
      'What do the changed tests in __tests__/produce.ts (in `infers curried`) check that was not checked before?',
    );
  });

  test('tests written as functions are named by the function a hunk edits (dom-testing-library 1f143e5)', () => {
    const edit = `diff --git a/types/__tests__/type-tests.ts b/types/__tests__/type-tests.ts
--- a/types/__tests__/type-tests.ts
+++ b/types/__tests__/type-tests.ts
@@ -256,0 +257,6 @@ export async function testWithin() {
+
+  let withinQueries = within(document.body)
+  withinQueries = within(document.body)
+  withinQueries.getByRole<HTMLButtonElement>('button', {name: /click me/i})
+  withinQueries = within(document.body)
+  withinQueries.getByRole<HTMLButtonElement>('button', {name: /click me/i})
`;
    expect(askTests(edit, ['types/__tests__/type-tests.ts', 6], ['types/get-queries-for-element.d.ts', 5])).toBe(
      'What do the changed tests in types/__tests__/type-tests.ts (in `testWithin`) check that was not checked before?',
    );
  });

  test('a test piece that only removes lines asks why they are no longer needed (TanStack virtual a0a411e0 drops a wait)', () => {
    const edit = `diff --git a/e2e/option-gates.spec.ts b/e2e/option-gates.spec.ts
--- a/e2e/option-gates.spec.ts
+++ b/e2e/option-gates.spec.ts
@@ -40,3 +39,0 @@ test('enabled=false disables the virtualizer', async ({ page }) => {
-  // Work around the debounce: remove it when the core fix lands.
-  await page.waitForTimeout(250)
-
`;
    const hunks = parsePatchHunks(edit);
    const questions = generateQuestions({
      files: [fileChange('e2e/option-gates.spec.ts', 0, { removed: 3 }), fileChange('src/utils.ts', 14)],
      provenance: 'human',
      testNames: listAddedTestNames(hunks),
      editedTestNames: listEditedTestNames(hunks),
    });
    expect(questions.find((q) => q.id === 'unit:e2e/option-gates.spec.ts')!.message).toBe(
      'Why do the tests in e2e/option-gates.spec.ts (in `enabled=false disables the virtualizer`) no longer need the lines this change removes?',
    );
  });
});

// pnpm/pnpm cc5df67f2f: a Rust test file beside the TypeScript one was asked "What does the change
// to …/tests.rs do?"; its new `#[test]` function names what it checks.
describe('tests written as functions in other languages', () => {
  const rust = `diff --git a/crates/git-resolver/src/parse/tests.rs b/crates/git-resolver/src/parse/tests.rs
--- a/crates/git-resolver/src/parse/tests.rs
+++ b/crates/git-resolver/src/parse/tests.rs
@@ -121,0 +122,9 @@ fn finalize_hosted_auth_url_kept_verbatim_without_archive_eligibility() {
+// [pnpm/pnpm#13999]. Each row
+// is \`(input, normalized_bare_specifier, git_committish, git_range)\`.
+#[test]
+fn every_representation_of_a_hosted_specifier_keeps_its_committish() {
+    let auth_url = |committish: &str| {
+        format!("git+https://token@github.com/foo/bar.git#{committish}")
+    };
+}
+fn helper_without_attribute() {}
`;
  test('a Rust #[test] fn is named; a helper fn beside it is not', () => {
    expect(listAddedTestNames(parsePatchHunks(rust)).get('crates/git-resolver/src/parse/tests.rs')).toEqual([
      'every_representation_of_a_hosted_specifier_keeps_its_committish',
    ]);
    expect(askTests(rust, ['crates/git-resolver/src/parse/tests.rs', 9], ['crates/git-resolver/src/parse.rs', 4])).toMatch(
      /add `every_representation_of_a_hosted_specifier_keeps_its_committish`: what do they catch/,
    );
  });

  test('an edited Rust test is named by the fn its hunk is in (pnpm bd2d0b7bba)', () => {
    const edit = `diff --git a/crates/cli/src/self_update/tests.rs b/crates/cli/src/self_update/tests.rs
--- a/crates/cli/src/self_update/tests.rs
+++ b/crates/cli/src/self_update/tests.rs
@@ -47,9 +50,9 @@ fn pin_specifier_records_the_resolved_pin_not_the_cli_dist_tag() {
-    assert_eq!(pin, "^9.0.0");
+    assert_eq!(pin, "^10.1.0");
`;
    expect(listEditedTestNames(parsePatchHunks(edit)).get('crates/cli/src/self_update/tests.rs')).toEqual([
      'pin_specifier_records_the_resolved_pin_not_the_cli_dist_tag',
    ]);
  });

  test("Go's func TestX and Python's def test_x are tests; func helper and def setup are not", () => {
    const other = `diff --git a/pkg/spec_test.go b/pkg/spec_test.go
--- a/pkg/spec_test.go
+++ b/pkg/spec_test.go
@@ -1,0 +2,3 @@
+func TestParseKeepsCommittish(t *testing.T) {
+func helper(t *testing.T) {
+func Testable() {
diff --git a/tests/test_spec.py b/tests/test_spec.py
--- a/tests/test_spec.py
+++ b/tests/test_spec.py
@@ -1,0 +2,3 @@
+def test_keeps_committish(tmp_path):
+async def test_async_case():
+def setup_module():
`;
    const names = listAddedTestNames(parsePatchHunks(other));
    expect(names.get('pkg/spec_test.go')).toEqual(['TestParseKeepsCommittish']);
    expect(names.get('tests/test_spec.py')).toEqual(['test_keeps_committish', 'test_async_case']);
  });
});
