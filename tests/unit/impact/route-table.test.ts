import { describe, expect, test } from '@jest/globals';
import { buildGraphTable, type GraphTable, type TableModule } from '../../../src/core/impact/graph-table.js';
import { importsOf } from '../../../src/core/impact/import-graph.js';
import { createResolver } from '../../../src/core/impact/resolve-specifier.js';
import {
  encodeRouteTable,
  isConsistentRouteTable,
  readStoredRoute,
  validRoutes,
  type RouteTable,
} from '../../../src/core/impact/route-table.js';
import { viewGraph } from '../../../src/core/impact/view-graph.js';

// The routes a run keeps for the next: read back as they were written, with the imports of only
// the files they leave (not every path and blob of the graph); dropped where a module they start
// from changed, a changed module imports the file they leave, or a specifier resolves elsewhere
// now; refused whole when a number is out of range.

const imports: Record<string, string[]> = {
  A1: [],
  B1: ['./a'],
  B2: ['./a'],
  C1: ['./b'],
  C2: ['./b', './a'],
  D1: [],
  D2: ['./a'],
  E1: [],
  F1: ['./x'],
};
const tsconfigs = [{ dir: '', baseUrl: null, paths: [] }];
function build(blobs: Record<string, string>): GraphTable {
  const modules: TableModule[] = Object.entries(blobs).map(([path, blob]) => ({ path, blob }));
  const resolve = createResolver(new Set(modules.map((m) => m.path)), tsconfigs, []);
  return buildGraphTable(modules, [], (blob) => imports[blob] ?? [], resolve);
}
const first = { 'a.ts': 'A1', 'b.ts': 'B1', 'c.ts': 'C1', 'd.ts': 'D1', 'e.ts': 'E1' };
const before = build(first);
const importersIn = (graph: GraphTable) => importsOf(viewGraph(graph));
const valid = (graph: GraphTable) => Array.from(validRoutes(table, 'R', importersIn(graph))!);
// Nodes: (a.ts, x), (b.ts, y), (c.ts, z). a.ts's x is used by b.ts, which exports y on; c.ts uses y.
const nodes = [
  { file: 'a.ts', name: 'x' },
  { file: 'b.ts', name: 'y' },
  { file: 'c.ts', name: 'z', member: 'm' },
];
const route = (from: string, next: number[], same: number[] = []) => ({
  from,
  isTypeOnly: false,
  same,
  value: 3,
  type: 0,
  isWholeUse: false,
  next,
});
const routes = [[route('b.ts', [1])], [route('c.ts', [2], [0])], undefined];
const table = encodeRouteTable('R', nodes, (n) => routes[n], importersIn(before));

describe('route table', () => {
  test('reads back the routes it was given, and a node without routes as unknown', () => {
    expect(isConsistentRouteTable(table)).toBe(true);
    const r = table.refs[table.routeSpans[2]!]!;
    expect(readStoredRoute(table, r)).toEqual({ ...route('c.ts', [2], [0]), from: table.files.indexOf('c.ts'), isShared: false });
    expect([table.routeSpans[4], table.routeSpans[5]]).toEqual([-1, -1]);
    expect(table.names).toEqual(['x', '', 'y', '', 'z', 'm']);
  });

  test('keeps the imports of the files its routes leave, with their importers’ blobs, and no other file', () => {
    const kept = (file: string) => {
      const f = table.files.indexOf(file);
      const [begin, end] = [table.importSpans[2 * f]!, table.importSpans[2 * f + 1]!];
      const pairs = Array.from(table.imports.subarray(begin, end));
      return pairs.flatMap((v, i) => (i % 2 === 0 ? [`${table.files[v]!}@${table.blobs[v]!} ${table.specifiers[pairs[i + 1]!]!}`] : []));
    };
    expect([kept('a.ts'), kept('b.ts')]).toEqual([['b.ts@B1 ./a'], ['c.ts@C1 ./b']]);
    expect([...table.files].sort()).toEqual(['a.ts', 'b.ts', 'c.ts']);
  });

  test('the same graph keeps every known node; another resolution none', () => {
    expect(valid(before)).toEqual([1, 1, 0]);
    expect(validRoutes(table, 'other', importersIn(before))).toBeNull();
  });

  test('a changed module drops the routes from it and the nodes of every file it imports now', () => {
    // b.ts changed: the route of (a.ts, x) starts from it; (b.ts, y)'s route is from c.ts: kept.
    expect(valid(build({ ...first, 'b.ts': 'B2' }))).toEqual([0, 1, 0]);
    // c.ts now imports a.ts too: (a.ts, x) must be asked again; (b.ts, y) starts from c.ts.
    expect(valid(build({ ...first, 'c.ts': 'C2' }))).toEqual([0, 0, 0]);
  });

  test('a file the table never named that now imports a node’s file drops that node', () => {
    expect(valid(build({ ...first, 'd.ts': 'D2' }))).toEqual([0, 1, 0]);
    // A new file importing a node's file too; one that imports none of them changes nothing.
    expect(valid(build({ ...first, 'g.ts': 'D2' }))).toEqual([0, 1, 0]);
    expect(valid(build({ ...first, 'e.ts': 'E2', 'f.ts': 'F1' }))).toEqual([1, 1, 0]);
  });

  test('an unchanged file whose specifier now resolves elsewhere drops the node it left', () => {
    // a.ts removed, a/index.ts added: b.ts's './a' leads there now, and (a.ts, x) has no importer.
    const moved = build({ 'a/index.ts': 'A1', 'b.ts': 'B1', 'c.ts': 'C1', 'd.ts': 'D1', 'e.ts': 'E1' });
    expect(valid(moved)).toEqual([0, 1, 0]);
  });

  test('a number out of range makes the table inconsistent', () => {
    const broken = (change: (t: RouteTable) => Partial<RouteTable>) => isConsistentRouteTable({ ...table, ...change(table) });
    expect(broken(() => ({ nodeFiles: Int32Array.from([0, 1, 9]) }))).toBe(false);
    expect(broken((t) => ({ refs: Int32Array.from(t.refs, () => 7) }))).toBe(false);
    expect(broken((t) => ({ data: Int32Array.from(t.data, (v, i) => (i === t.data.length - 1 ? 99 : v)) }))).toBe(false);
    expect(broken((t) => ({ routeSpans: Int32Array.from(t.routeSpans, (v, i) => (i === 1 ? 50 : v)) }))).toBe(false);
    expect(broken((t) => ({ names: t.names.slice(1) }))).toBe(false);
    expect(broken((t) => ({ blobs: t.blobs.slice(1) }))).toBe(false);
    expect(broken((t) => ({ imports: Int32Array.from(t.imports, () => 9) }))).toBe(false);
    expect(broken((t) => ({ importSpans: Int32Array.from(t.importSpans, (v, i) => (i === 1 ? 40 : v)) }))).toBe(false);
  });
});
