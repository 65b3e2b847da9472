import { expect, test } from '@jest/globals';
import { listChangedFileEdges } from '../../../src/core/impact/changed-file-edges.js';
import { buildImportGraph } from '../../../src/core/impact/import-graph.js';

test('only imports between changed files, once each', () => {
  const specifiers = new Map([
    ['a.ts', ['./b', './b', './c']],
    ['b.ts', ['./c']],
    ['c.ts', []],
    ['d.ts', ['./a']],
  ]);
  const resolve = (_from: string, spec: string) => ({ path: `${spec.slice(2)}.ts` });
  const graph = buildImportGraph(specifiers, resolve);
  expect(listChangedFileEdges(graph, new Set(['a.ts', 'b.ts', 'd.ts']))).toEqual([
    { from: 'a.ts', to: 'b.ts' },
    { from: 'd.ts', to: 'a.ts' },
  ]);
});
