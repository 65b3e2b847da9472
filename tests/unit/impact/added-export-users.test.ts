import { describe, expect, test } from '@jest/globals';
import { mayHaveUsers } from '../../../src/core/impact/blast-radius.js';
import type { ImportEdge, ImportGraph } from '../../../src/core/impact/import-graph.js';

// An added export can only be used by files that change with it: nothing could use it before.
// Its walk is skipped when no staged module imports its file, directly or through barrels.

const graphOf = (edges: readonly [from: string, to: string][]): ImportGraph => {
  const importers = new Map<string, ImportEdge[]>();
  for (const [from, to] of edges) importers.set(to, [...(importers.get(to) ?? []), { from, to, specifier: `./${to}`, blob: '' }]);
  return { importersOf: importers, unresolved: [], edges: edges.length };
};

describe('mayHaveUsers', () => {
  const graph = graphOf([
    ['lib/main-async.js', 'lib/kill.js'],
    ['src/index.ts', 'src/sub/index.ts'],
    ['src/sub/index.ts', 'src/helper.ts'],
    ['app/page.ts', 'src/index.ts'],
    ['src/cycle-a.ts', 'src/cycle-b.ts'],
    ['src/cycle-b.ts', 'src/cycle-a.ts'],
    ['src/core/a.ts', 'src/core/new.ts'],
    ['src/core/b.ts', 'src/core/a.ts'],
    ['app/far.ts', 'src/core/b.ts'],
  ]);
  test("a staged file importing the new export's file, directly or through two barrels (execa's main-async.js)", () => {
    expect(mayHaveUsers('lib/kill.js', graph, new Set(['lib/kill.js', 'lib/main-async.js']))).toBe(true);
    expect(mayHaveUsers('src/helper.ts', graph, new Set(['src/helper.ts', 'app/page.ts']))).toBe(true);
  });
  test('no staged importer: no walk (a file gaining an export nothing imports yet, as in the bench)', () => {
    expect(mayHaveUsers('lib/kill.js', graph, new Set(['lib/kill.js']))).toBe(false);
    expect(mayHaveUsers('src/helper.ts', graph, new Set(['src/helper.ts', 'lib/main-async.js']))).toBe(false);
    // Three files away through files that are no barrels by name: most of a repository, no user.
    expect(mayHaveUsers('src/core/new.ts', graph, new Set(['src/core/new.ts', 'app/far.ts']))).toBe(false);
    expect(mayHaveUsers('src/core/new.ts', graph, new Set(['src/core/new.ts', 'src/core/b.ts']))).toBe(true);
    // Its own file importing itself back through a cycle is no user.
    expect(mayHaveUsers('src/cycle-a.ts', graph, new Set(['src/cycle-a.ts']))).toBe(false);
  });
});
