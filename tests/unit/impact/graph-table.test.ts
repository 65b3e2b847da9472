import { describe, expect, test } from '@jest/globals';
import {
  buildGraphTable,
  fitGraphTable,
  patchGraphTable,
  refitGraphTable,
  type TableModule,
} from '../../../src/core/impact/graph-table.js';
import type { ImportGraph } from '../../../src/core/impact/import-graph.js';
import { createResolver } from '../../../src/core/impact/resolve-specifier.js';
import { viewGraph } from '../../../src/core/impact/view-graph.js';
import { countBeyond } from '../../../src/core/impact/count-beyond.js';

// The graph a review keeps for the next one: patched for changed blobs, it must read exactly as a
// graph built from scratch, edge for edge and in the same order.

const imports: Record<string, string[]> = {
  A1: ['./b', './c', 'react'],
  A2: ['./c', './missing', './a'],
  B1: ['./c'],
  B2: [],
  C1: ['./b', './b.js'],
  D1: ['./a'],
  I1: ['./a', './b', './c', './d'],
};
const specifiersOf = (blob: string) => imports[blob] ?? [];
const tsconfigs = [{ dir: '', baseUrl: null, paths: [] }];

function build(modules: TableModule[], extras: string[] = []) {
  const resolve = createResolver(new Set([...modules.map((m) => m.path), ...extras]), tsconfigs, []);
  return buildGraphTable(modules, extras, specifiersOf, resolve);
}

/** Every importer list of every path, and the unresolved imports, as plain data. */
function readGraph(graph: ImportGraph, paths: string[]) {
  return {
    importers: Object.fromEntries(paths.map((p) => [p, (graph.importersOf.get(p) ?? []).map((e) => `${e.from} ${e.specifier}`)])),
    unresolved: graph.unresolved.map((u) => `${u.from} ${u.specifier}`),
    edges: graph.edges,
  };
}

const paths = ['a.ts', 'b.ts', 'c.ts', 'd.ts', 'index.ts'];
const before: TableModule[] = [
  { path: 'a.ts', blob: 'A1' },
  { path: 'b.ts', blob: 'B1' },
  { path: 'c.ts', blob: 'C1' },
  { path: 'd.ts', blob: 'D1' },
  { path: 'index.ts', blob: 'I1' },
];

describe('graph table', () => {
  test('a view lists importers in module order, one edge per distinct specifier, and the unresolved', () => {
    const graph = viewGraph(build(before));
    expect(graph.importersOf.get('b.ts')?.map((e) => `${e.from} ${e.specifier}`)).toEqual([
      'a.ts ./b',
      'c.ts ./b',
      'c.ts ./b.js',
      'index.ts ./b',
    ]);
    expect(graph.importersOf.get('index.ts')).toBeUndefined();
    expect(graph.importersOf.get('not-a-file.ts')).toBeUndefined();
    expect(graph.unresolved).toEqual([]);
    expect(graph.edges).toBe(10);
  });

  test("the view counts a stopped walk's further importers by number as the edge lists count them", () => {
    // b.ts and c.ts import each other (c.ts twice, as ./b and ./b.js); a path the table lacks has no importers.
    const graph = viewGraph(build(before));
    const byEdges: ImportGraph = { importersOf: graph.importersOf, unresolved: graph.unresolved, edges: graph.edges };
    expect(graph.countBeyond).toBeDefined();
    const starts = [['b.ts'], ['c.ts'], ['a.ts', 'b.ts'], ['d.ts'], ['index.ts'], ['not-a-file.ts', 'c.ts'], []];
    const listings = [new Set<string>(), new Set(['index.ts']), new Set(['a.ts', 'c.ts', 'not-a-file.ts'])];
    const counts = starts.flatMap((from) =>
      listings.map((listed) => [countBeyond(graph, from, listed), countBeyond(byEdges, from, listed)]),
    );
    for (const [byNumber, byEdge] of counts) expect(byNumber).toBe(byEdge);
    // b.ts: c.ts, a.ts, index.ts, d.ts import it, directly or not.
    expect(countBeyond(graph, ['b.ts'], new Set())).toBe(4);
    expect(countBeyond(graph, ['b.ts'], new Set(['index.ts']))).toBe(3);
    expect(countBeyond(graph, ['index.ts'], new Set())).toBe(0);
  });

  test('patched for changed blobs, it reads as the graph built from scratch', () => {
    const table = build(before);
    const after = before.map((m) => (m.path === 'a.ts' ? { ...m, blob: 'A2' } : m.path === 'b.ts' ? { ...m, blob: 'B2' } : m));
    const blobs = fitGraphTable(table, after, []);
    expect(blobs).not.toBeNull();
    const resolve = createResolver(new Set(paths), tsconfigs, []);
    const patched = patchGraphTable(table, blobs!, specifiersOf, resolve);
    expect(patched.changed).toBe(2);
    expect(readGraph(viewGraph(patched.table), paths)).toEqual(readGraph(viewGraph(build(after)), paths));
    expect(viewGraph(patched.table).unresolved).toEqual([{ from: 'a.ts', specifier: './missing' }]);
  });

  test('a module deleted by the change keeps its path resolvable and loses its imports', () => {
    const table = build(before);
    const after = before.filter((m) => m.path !== 'd.ts');
    const blobs = fitGraphTable(table, after, ['d.ts']);
    const resolve = createResolver(new Set(paths), tsconfigs, []);
    const patched = patchGraphTable(table, blobs!, specifiersOf, resolve).table;
    expect(readGraph(viewGraph(patched), paths)).toEqual(readGraph(viewGraph(build(after, ['d.ts'])), paths));
    expect(
      viewGraph(patched)
        .importersOf.get('d.ts')
        ?.map((e) => e.from),
    ).toEqual(['index.ts']);
  });

  test('an added or renamed file, or a path that comes back as a module, needs a new table', () => {
    const table = build(before);
    expect(fitGraphTable(table, [...before, { path: 'e.ts', blob: 'B2' }], [])).toBeNull();
    expect(
      fitGraphTable(
        table,
        before.map((m) => (m.path === 'd.ts' ? { ...m, path: 'e.ts' } : m)),
        ['d.ts'],
      ),
    ).toBeNull();
    const withoutD = build(
      before.filter((m) => m.path !== 'd.ts'),
      ['d.ts'],
    );
    expect(fitGraphTable(withoutD, before, [])).toBeNull();
    expect(fitGraphTable(table, [...before].reverse(), [])).toBeNull();
  });
});

describe('graph table refitted for added, deleted and renamed files', () => {
  const cases: Array<[string, TableModule[], string[]]> = [
    ['a file added that an import now resolves to (./missing)', [...before, { path: 'missing.ts', blob: 'B2' }], []],
    ['a file added that takes over a folder import (./b.js -> b/index.ts stays b.ts)', [...before, { path: 'b/index.ts', blob: 'B2' }], []],
    ['a file deleted by the change, kept resolvable', before.filter((m) => m.path !== 'd.ts'), ['d.ts']],
    ['a file deleted outright, its importers unresolved', before.filter((m) => m.path !== 'c.ts'), []],
    [
      'a file renamed, with a changed blob beside it',
      [...before.filter((m) => m.path !== 'd.ts'), { path: 'e.ts', blob: 'D1' }].map((m) => (m.path === 'a.ts' ? { ...m, blob: 'A2' } : m)),
      [],
    ],
  ];
  for (const [what, after, extras] of cases) {
    test(`${what}: reads as the graph built from scratch`, () => {
      const table = build(before);
      const all = [...after.map((m) => m.path), ...extras];
      const resolve = createResolver(new Set(all), tsconfigs, []);
      const refitted = refitGraphTable(table, after, extras, specifiersOf, resolve).table;
      const fresh = build(after, extras);
      const every = [...new Set([...paths, ...all, 'missing.ts'])];
      expect(readGraph(viewGraph(refitted), every)).toEqual(readGraph(viewGraph(fresh), every));
      expect(refitted.paths).toEqual(fresh.paths);
    });
  }
});
