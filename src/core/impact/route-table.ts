import type { GraphTable, PathIndex } from './graph-table.js';

// The routes of a blast radius kept for the next run (issue 23): what crossing each import does
// to each (file, name, member) a walk reached, as numbers, so a warm run walks a core change of
// sentry-javascript (4,800 dependent files) without decoding the module record of any of them.
// A route depends only on the importing file's record and on the graph: when a module's blob
// changed since, the routes out of it and of every file it imports now are dropped (computed
// again from records); a graph of other paths or another resolution drops them all.

/** A route as the walk reads it (blast-radius.ts): names are numbers of `nodes`, files of `paths`. */
export interface StoredRoute {
  readonly from: number;
  readonly isTypeOnly: boolean;
  readonly same: readonly number[];
  readonly value: number;
  readonly type: number;
  readonly isWholeUse: boolean;
  readonly next: readonly number[];
  readonly isShared?: boolean;
}

export interface RouteTable {
  /** What resolution the graph was built with (the caller's digest of its project config). */
  readonly resolution: string;
  /** The graph's paths and blobs when the routes were taken. */
  readonly paths: readonly string[];
  readonly blobs: readonly string[];
  /** Node n is (paths[nodeFiles[n]], names[2n], names[2n + 1] or no member when ''). */
  readonly nodeFiles: Int32Array;
  readonly names: readonly string[];
  /** Node n's routes are refs[routeSpans[2n] .. routeSpans[2n + 1]]; -1, -1 when not known. */
  readonly routeSpans: Int32Array;
  /** Numbers of distinct routes (a shared route is one number in many nodes' lists). */
  readonly refs: Int32Array;
  /** Route r is data[routeAt[r] ..]: from, flags, value, type, same count, same…, next count, next…. */
  readonly routeAt: Int32Array;
  readonly data: Int32Array;
}

const TYPE_ONLY = 1;
const WHOLE_USE = 2;
const SHARED = 4;

export function readStoredRoute(table: RouteTable, route: number): StoredRoute {
  const { data } = table;
  let at = table.routeAt[route]!;
  const [from, flags, value, type] = [data[at]!, data[at + 1]!, data[at + 2]!, data[at + 3]!];
  at += 4;
  const same = Array.from(data.subarray(at + 1, at + 1 + data[at]!));
  at += 1 + same.length;
  const next = Array.from(data.subarray(at + 1, at + 1 + data[at]!));
  return {
    from,
    isTypeOnly: (flags & TYPE_ONLY) !== 0,
    same,
    value,
    type,
    isWholeUse: (flags & WHOLE_USE) !== 0,
    next,
    isShared: (flags & SHARED) !== 0,
  };
}

/** Builds a table from the nodes and routes of a run. */
export function encodeRouteTable(
  resolution: string,
  graph: Pick<GraphTable, 'paths' | 'blobs'>,
  pathIndex: PathIndex,
  nodes: readonly { readonly file: string; readonly name: string; readonly member?: string | undefined }[],
  routesOf: (node: number) => ReadonlyArray<Omit<StoredRoute, 'from'> & { readonly from: string }> | undefined,
): RouteTable | null {
  const nodeFiles = new Int32Array(nodes.length);
  const names: string[] = [];
  const routeSpans = new Int32Array(nodes.length * 2).fill(-1);
  const refs: number[] = [];
  const routeAt: number[] = [];
  const data: number[] = [];
  const numbered = new Map<object, number>();
  for (let n = 0; n < nodes.length; n++) {
    const file = pathIndex.get(nodes[n]!.file);
    if (file === undefined) return null;
    nodeFiles[n] = file;
    names.push(nodes[n]!.name, nodes[n]!.member ?? '');
    const routes = routesOf(n);
    if (routes === undefined) continue;
    routeSpans[2 * n] = refs.length;
    for (const route of routes) {
      let number = numbered.get(route);
      if (number === undefined) {
        const from = pathIndex.get(route.from);
        if (from === undefined) return null;
        numbered.set(route, (number = routeAt.length));
        routeAt.push(data.length);
        const flags = (route.isTypeOnly ? TYPE_ONLY : 0) | (route.isWholeUse ? WHOLE_USE : 0) | (route.isShared === true ? SHARED : 0);
        data.push(from, flags, route.value, route.type, route.same.length, ...route.same, route.next.length, ...route.next);
      }
      refs.push(number);
    }
    routeSpans[2 * n + 1] = refs.length;
  }
  return {
    resolution,
    paths: graph.paths,
    blobs: graph.blobs,
    nodeFiles,
    names,
    routeSpans,
    refs: Int32Array.from(refs),
    routeAt: Int32Array.from(routeAt),
    data: Int32Array.from(data),
  };
}

/**
 * Which nodes' routes still hold on `graph` (1 per node), or null when none does: another
 * resolution or other paths. A module whose blob changed since may import other names now: the
 * routes that start from it are dropped with their nodes, and so are the nodes of every file it
 * imports now.
 */
export function validRoutes(table: RouteTable, graph: GraphTable, resolution: string): Uint8Array | null {
  if (table.resolution !== resolution || table.paths.length !== graph.paths.length) return null;
  for (let p = 0; p < graph.paths.length; p++) if (table.paths[p] !== graph.paths[p]) return null;
  const changed = new Uint8Array(graph.paths.length);
  const stale = new Uint8Array(graph.paths.length);
  for (let p = 0; p < graph.paths.length; p++) {
    if (table.blobs[p] === graph.blobs[p]) continue;
    changed[p] = 1;
    for (let at = graph.start[p]!; at < graph.start[p + 1]!; at += 2) if (graph.links[at + 1]! >= 0) stale[graph.links[at + 1]!] = 1;
  }
  const nodes = table.nodeFiles.length;
  const valid = new Uint8Array(nodes);
  for (let n = 0; n < nodes; n++) {
    const [begin, end] = [table.routeSpans[2 * n]!, table.routeSpans[2 * n + 1]!];
    if (begin < 0 || stale[table.nodeFiles[n]!] === 1) continue;
    let isValid = true;
    for (let r = begin; r < end && isValid; r++) if (changed[table.data[table.routeAt[table.refs[r]!]!]!] === 1) isValid = false;
    valid[n] = isValid ? 1 : 0;
  }
  return valid;
}

/** Whether every number of the table is in range, so reading it never goes past its arrays. */
export function isConsistentRouteTable(table: RouteTable): boolean {
  const { paths, blobs, nodeFiles, names, routeSpans, refs, routeAt, data } = table;
  const nodes = nodeFiles.length;
  if (blobs.length !== paths.length || names.length !== 2 * nodes || routeSpans.length !== 2 * nodes) return false;
  for (let n = 0; n < nodes; n++) {
    if (nodeFiles[n]! < 0 || nodeFiles[n]! >= paths.length) return false;
    const [begin, end] = [routeSpans[2 * n]!, routeSpans[2 * n + 1]!];
    if (!(begin === -1 && end === -1) && !(begin >= 0 && begin <= end && end <= refs.length)) return false;
  }
  for (const r of refs) if (r < 0 || r >= routeAt.length) return false;
  const isNodeList = (at: number): number => {
    if (at >= data.length || data[at]! < 0 || at + 1 + data[at]! > data.length) return -1;
    for (let i = at + 1; i < at + 1 + data[at]!; i++) if (data[i]! < 0 || data[i]! >= nodes) return -1;
    return at + 1 + data[at]!;
  };
  for (const at of routeAt) {
    if (at < 0 || at + 4 > data.length || data[at]! < 0 || data[at]! >= paths.length) return false;
    const afterSame = isNodeList(at + 4);
    if (afterSame < 0 || isNodeList(afterSame) < 0) return false;
  }
  return true;
}
