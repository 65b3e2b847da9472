import { expect, test } from '@jest/globals';
import { listChangedFileEdges } from '../../../src/core/impact/changed-file-edges.js';
import { buildGraphTable } from '../../../src/core/impact/graph-table.js';
import { viewGraph } from '../../../src/core/impact/view-graph.js';

test('only imports between changed files, once each', () => {
  const specifiers = new Map([
    ['a.ts', ['./b', './b', './c']],
    ['b.ts', ['./c']],
    ['c.ts', []],
    ['d.ts', ['./a']],
  ]);
  const resolve = (_from: string, spec: string) => ({ path: `${spec.slice(2)}.ts` });
  const modules = [...specifiers.keys()].map((path) => ({ path, blob: path }));
  const graph = viewGraph(buildGraphTable(modules, [], (blob) => specifiers.get(blob) ?? [], resolve));
  expect(listChangedFileEdges(graph, new Set(['a.ts', 'b.ts', 'd.ts']))).toEqual([
    { from: 'a.ts', to: 'b.ts' },
    { from: 'd.ts', to: 'a.ts' },
  ]);
});
