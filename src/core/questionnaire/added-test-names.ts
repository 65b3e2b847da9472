import type { FileHunks } from '../split/split-plan.js';

// The titles of the tests a change adds (`it('resolves the context date type', …)`), per file:
// a test-only piece is asked about them by name, and the quiz leaves their lines alone (the
// question has printed them).

// A title may be a sentence: xstate's run to 160 characters ("should enter the parallel default
// configuration when a deep history state …").
const TEST_CALL = /^\s*(it|test|describe)(?:\.\w+)*\(\s*(['"`])((?:(?!\2).){3,300})\2/;

/** A call opened at the end of its line takes its first argument from the next: prettier writes a
 * title too long for the line so (mswjs/interceptors a89b4e40's `it(\n  'does not retain
 * per-request state after passthrough without listeners',`). */
const OPENED_CALL = /^\s*(?:it|test|describe)(?:\.\w+)*\(\s*$/;
const joinOpenedCalls = (lines: readonly string[]) =>
  lines.map((line, at) => (OPENED_CALL.test(line) && at + 1 < lines.length ? `${line}${lines[at + 1]!.trimStart()}` : line));

/** The titles the lines open: the tests', or, where the lines open none, the suites' (a
 * `describe` title beside a test's reads as one more test: mobx-state-tree aeb4e8a6's "a view"). */
export function titlesOf(lines: readonly string[]): string[] {
  const calls = joinOpenedCalls(lines)
    .map((line) => TEST_CALL.exec(line))
    .filter((m): m is RegExpExecArray => m !== null);
  const tests = calls.filter((m) => m[1] !== 'describe');
  return [...new Set((tests.length > 0 ? tests : calls).map((m) => m[3]!))];
}

// Tests other languages write as functions, found beside TypeScript in a monorepo (pnpm/pnpm's
// Rust crates): Go's `func TestX(t *testing.T)`, Python's `def test_x(`, and a Rust `fn` under a
// test attribute (`#[test]`, `#[tokio::test]`, `#[rstest]`) a line or two above.
const GO_OR_PYTHON_TEST = /^\s*(?:func\s+((?:Test|Benchmark|Fuzz)[A-Z0-9_]\w*)\s*\(|(?:async\s+)?def\s+(test_\w+)\s*\()/;
const RUST_FN = /^\s*(?:pub(?:\([\w\s]+\))?\s+)?(?:async\s+)?fn\s+(\w+)\s*[<(]/;
const RUST_TEST_ATTRIBUTE = /^\s*#\[(?:[\w:]+::)?(?:test|rstest)\b/;

function testFunctionsOf(path: string, lines: readonly string[]): string[] {
  const names: string[] = [];
  lines.forEach((line, at) => {
    const native = GO_OR_PYTHON_TEST.exec(line);
    if (native) names.push((native[1] ?? native[2])!);
    const rust = path.endsWith('.rs') ? RUST_FN.exec(line) : null;
    if (rust && lines.slice(Math.max(0, at - 3), at).some((above) => RUST_TEST_ATTRIBUTE.test(above))) names.push(rust[1]!);
  });
  return [...new Set(names)];
}

// A Rust test module's `fn` and Go's `func TestX` too (pnpm's `self_update/tests.rs`).
const FUNCTION =
  /^\s*(?:(?:export\s+)?(?:default\s+)?(?:async\s+)?function\*?\s*([A-Za-z_$][\w$]*)|(?:pub(?:\([\w\s]+\))?\s+)?(?:async\s+)?fn\s+(\w+)|func\s+(Test\w+))/;
const functionsOf = (lines: readonly string[]) => [
  ...new Set(
    lines
      .map((line) => FUNCTION.exec(line))
      .map((m) => m?.[1] ?? m?.[2] ?? m?.[3])
      .filter((n): n is string => n !== undefined),
  ),
];

export function listAddedTestNames(hunks: FileHunks): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const [path, fileHunks] of hunks) {
    const lines = fileHunks.flatMap((h) => h.added);
    const titles = titlesOf(lines);
    const added = titles.length > 0 ? titles : testFunctionsOf(path, lines);
    if (added.length > 0) names.set(path, added);
  }
  return names;
}

/** The titles of the tests whose bodies a change edits: the hunks' headings that open a test
 * (git names the enclosing `it('…', () => {` line), less the tests it adds. */
export function listEditedTestNames(hunks: FileHunks): Map<string, string[]> {
  const added = listAddedTestNames(hunks);
  const names = new Map<string, string[]>();
  for (const [path, fileHunks] of hunks) {
    const headings = fileHunks.map((h) => h.heading);
    const titles = titlesOf(headings);
    // Tests written as functions (dom-testing-library's types/__tests__/type-tests.ts edits
    // `export async function testWithin()`) are named by the function where no title is.
    const fresh = (titles.length > 0 ? titles : functionsOf(headings)).filter((n) => !(added.get(path) ?? []).includes(n));
    if (fresh.length > 0) names.set(path, fresh);
  }
  return names;
}
