import { describe, expect, test } from '@jest/globals';
import { buildGraphTable, type TableModule } from '../../../src/core/impact/graph-table.js';
import { createResolver } from '../../../src/core/impact/resolve-specifier.js';
import {
  encodeRouteTable,
  isConsistentRouteTable,
  readStoredRoute,
  validRoutes,
  type RouteTable,
} from '../../../src/core/impact/route-table.js';

// The routes a run keeps for the next: read back as they were written, dropped where a module
// they start from changed or a changed module imports the file they leave, and refused whole
// when a number is out of range.

const imports: Record<string, string[]> = { A1: [], B1: ['./a'], B2: ['./a'], C1: ['./b'], C2: ['./b', './a'] };
const tsconfigs = [{ dir: '', baseUrl: null, paths: [] }];
function build(modules: TableModule[]) {
  const resolve = createResolver(new Set(modules.map((m) => m.path)), tsconfigs, []);
  return buildGraphTable(modules, [], (blob) => imports[blob] ?? [], resolve);
}
const before = build([
  { path: 'a.ts', blob: 'A1' },
  { path: 'b.ts', blob: 'B1' },
  { path: 'c.ts', blob: 'C1' },
]);
const index = new Map(before.paths.map((p, i) => [p, i]));
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
const table = encodeRouteTable('R', before, index, nodes, (n) => routes[n])!;

describe('route table', () => {
  test('reads back the routes it was given, and a node without routes as unknown', () => {
    expect(isConsistentRouteTable(table)).toBe(true);
    const r = table.refs[table.routeSpans[2]!]!;
    expect(readStoredRoute(table, r)).toEqual({ ...route('c.ts', [2], [0]), from: index.get('c.ts'), isShared: false });
    expect([table.routeSpans[4], table.routeSpans[5]]).toEqual([-1, -1]);
    expect(table.names).toEqual(['x', '', 'y', '', 'z', 'm']);
  });

  test('the same graph keeps every known node; another resolution or other paths none', () => {
    expect(Array.from(validRoutes(table, before, 'R')!)).toEqual([1, 1, 0]);
    expect(validRoutes(table, before, 'other')).toBeNull();
    expect(validRoutes(table, build([{ path: 'a.ts', blob: 'A1' }]), 'R')).toBeNull();
  });

  test('a changed module drops the routes from it and the nodes of every file it imports now', () => {
    // b.ts changed: the route of (a.ts, x) starts from it; (b.ts, y)'s route is from c.ts: kept.
    const bChanged = build([
      { path: 'a.ts', blob: 'A1' },
      { path: 'b.ts', blob: 'B2' },
      { path: 'c.ts', blob: 'C1' },
    ]);
    expect(Array.from(validRoutes(table, bChanged, 'R')!)).toEqual([0, 1, 0]);
    // c.ts now imports a.ts too: (a.ts, x) must be asked again; (b.ts, y) starts from c.ts.
    const cChanged = build([
      { path: 'a.ts', blob: 'A1' },
      { path: 'b.ts', blob: 'B1' },
      { path: 'c.ts', blob: 'C2' },
    ]);
    expect(Array.from(validRoutes(table, cChanged, 'R')!)).toEqual([0, 0, 0]);
  });

  test('a number out of range makes the table inconsistent', () => {
    const broken = (change: (t: RouteTable) => Partial<RouteTable>) => isConsistentRouteTable({ ...table, ...change(table) });
    expect(broken(() => ({ nodeFiles: Int32Array.from([0, 1, 9]) }))).toBe(false);
    expect(broken((t) => ({ refs: Int32Array.from(t.refs, () => 7) }))).toBe(false);
    expect(broken((t) => ({ data: Int32Array.from(t.data, (v, i) => (i === t.data.length - 1 ? 99 : v)) }))).toBe(false);
    expect(broken((t) => ({ routeSpans: Int32Array.from(t.routeSpans, (v, i) => (i === 1 ? 50 : v)) }))).toBe(false);
    expect(broken((t) => ({ names: t.names.slice(1) }))).toBe(false);
  });
});
