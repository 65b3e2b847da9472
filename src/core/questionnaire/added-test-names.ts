import type { FileHunks } from '../split/split-plan.js';

// The titles of the tests a change adds (`it('resolves the context date type', …)`), per file:
// a test-only piece is asked about them by name, and the quiz leaves their lines alone (the
// question has printed them).

// A title may be a sentence: xstate's run to 160 characters ("should enter the parallel default
// configuration when a deep history state …").
const TEST_CALL = /^\s*(?:it|test|describe)(?:\.\w+)*\(\s*(['"`])((?:(?!\1).){3,300})\1/;

export function listAddedTestNames(hunks: FileHunks): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const [path, fileHunks] of hunks) {
    const added = fileHunks.flatMap((h) => h.added.map((line) => TEST_CALL.exec(line)?.[2])).filter((n): n is string => n !== undefined);
    if (added.length > 0) names.set(path, [...new Set(added)]);
  }
  return names;
}

/** The titles of the tests whose bodies a change edits: the hunks' headings that open a test
 * (git names the enclosing `it('…', () => {` line), less the tests it adds. */
export function listEditedTestNames(hunks: FileHunks): Map<string, string[]> {
  const added = listAddedTestNames(hunks);
  const names = new Map<string, string[]>();
  for (const [path, fileHunks] of hunks) {
    const edited = fileHunks.map((h) => TEST_CALL.exec(h.heading)?.[2]).filter((n): n is string => n !== undefined);
    const fresh = [...new Set(edited)].filter((n) => !(added.get(path) ?? []).includes(n));
    if (fresh.length > 0) names.set(path, fresh);
  }
  return names;
}
