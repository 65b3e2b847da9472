import type { ImportEdge } from './import-graph.js';

// The routes of a blast radius kept for the next run (issue 23): what crossing each import does
// to each (file, name, member) a walk reached, as numbers, so a warm run walks a core change of
// sentry-javascript (4,800 dependent files) without decoding the module record of any of them.
// A node's routes are the crossings of the imports of its file: they depend only on those
// imports (which file, by which specifier) and on the importing files' records. So the table
// keeps, for each file whose nodes have routes, its imports as they were, each with its importer's
// blob: while the graph shows the same imports of the same blobs, the routes hold; otherwise
// they are computed again from records. (It kept every path and blob of the graph before, 99.9%
// of a 10,000-file repository's table, read on every warm review.)

/** A route as the walk reads it (blast-radius.ts): names are numbers of `nodes`, files of `files`. */
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
  /** What the graph's resolution was (the caller's digest of its project config). */
  readonly resolution: string;
  /** The nodes' files and the files importing them, with each one's blob ('' for a file seen only as a node's). */
  readonly files: readonly string[];
  readonly blobs: readonly string[];
  /** The specifiers of the imports kept. */
  readonly specifiers: readonly string[];
  /** File f's imports by other files are the pairs (importer, specifier) at imports[importSpans[2f] .. importSpans[2f + 1]]; -1, -1 when not kept. */
  readonly importSpans: Int32Array;
  readonly imports: Int32Array;
  /** Node n is (files[nodeFiles[n]], names[2n], names[2n + 1] or no member when ''). */
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

/** The imports of a file by other files, in the order the graph lists them. */
export type ImportersOf = (path: string) => readonly ImportEdge[];

const TYPE_ONLY = 1;
const WHOLE_USE = 2;
const SHARED = 4;

/** Route `route` of the table, its nodes numbered by `nodeOf` (the table's own numbers by default):
 * read straight from the numbers, no view or copy of them made (a warm walk reads thousands). */
export function readStoredRoute(table: RouteTable, route: number, nodeOf: (node: number) => number = (node) => node): StoredRoute {
  const { data } = table;
  const at = table.routeAt[route]!;
  const flags = data[at + 1]!;
  const same = readNodes(data, at + 4, nodeOf);
  const next = readNodes(data, at + 5 + same.length, nodeOf);
  return {
    from: data[at]!,
    isTypeOnly: (flags & TYPE_ONLY) !== 0,
    same,
    value: data[at + 2]!,
    type: data[at + 3]!,
    isWholeUse: (flags & WHOLE_USE) !== 0,
    next,
    isShared: (flags & SHARED) !== 0,
  };
}

/** The node list at data[at]: its length, then its nodes. */
function readNodes(data: Int32Array, at: number, nodeOf: (node: number) => number): number[] {
  const count = data[at]!;
  const nodes = new Array<number>(count);
  for (let i = 0; i < count; i++) nodes[i] = nodeOf(data[at + 1 + i]!);
  return nodes;
}

/** Builds a table from the nodes and routes of a run. */
export function encodeRouteTable(
  resolution: string,
  nodes: readonly { readonly file: string; readonly name: string; readonly member?: string | undefined }[],
  routesOf: (node: number) => ReadonlyArray<Omit<StoredRoute, 'from'> & { readonly from: string }> | undefined,
  importersOf: ImportersOf,
): RouteTable {
  const files: string[] = [];
  const blobs: string[] = [];
  const fileNumbers = new Map<string, number>();
  const fileOf = (path: string): number => {
    let number = fileNumbers.get(path);
    if (number === undefined) {
      fileNumbers.set(path, (number = files.length));
      files.push(path);
      blobs.push('');
    }
    return number;
  };
  const specifiers: string[] = [];
  const specifierNumbers = new Map<string, number>();
  const spans = new Map<number, readonly [number, number]>();
  const imports: number[] = [];
  const keepImportsOf = (file: number) => {
    if (spans.has(file)) return;
    const begin = imports.length;
    for (const edge of importersOf(files[file]!)) {
      const importer = fileOf(edge.from);
      blobs[importer] = edge.blob;
      let specifier = specifierNumbers.get(edge.specifier);
      if (specifier === undefined) specifierNumbers.set(edge.specifier, (specifier = specifiers.push(edge.specifier) - 1));
      imports.push(importer, specifier);
    }
    spans.set(file, [begin, imports.length]);
  };
  const nodeFiles = new Int32Array(nodes.length);
  const names: string[] = [];
  const routeSpans = new Int32Array(nodes.length * 2).fill(-1);
  const refs: number[] = [];
  const routeAt: number[] = [];
  const data: number[] = [];
  const numbered = new Map<object, number>();
  for (let n = 0; n < nodes.length; n++) {
    const file = fileOf(nodes[n]!.file);
    nodeFiles[n] = file;
    names.push(nodes[n]!.name, nodes[n]!.member ?? '');
    const routes = routesOf(n);
    if (routes === undefined) continue;
    // Its routes start from the files importing it: kept with it.
    keepImportsOf(file);
    routeSpans[2 * n] = refs.length;
    for (const route of routes) {
      let number = numbered.get(route);
      if (number === undefined) {
        numbered.set(route, (number = routeAt.length));
        routeAt.push(data.length);
        const flags = (route.isTypeOnly ? TYPE_ONLY : 0) | (route.isWholeUse ? WHOLE_USE : 0) | (route.isShared === true ? SHARED : 0);
        data.push(fileOf(route.from), flags, route.value, route.type, route.same.length, ...route.same, route.next.length, ...route.next);
      }
      refs.push(number);
    }
    routeSpans[2 * n + 1] = refs.length;
  }
  const importSpans = new Int32Array(2 * files.length).fill(-1);
  for (const [file, [begin, end]] of spans) importSpans.set([begin, end], 2 * file);
  return {
    resolution,
    files,
    blobs,
    specifiers,
    importSpans,
    imports: Int32Array.from(imports),
    nodeFiles,
    names,
    routeSpans,
    refs: Int32Array.from(refs),
    routeAt: Int32Array.from(routeAt),
    data: Int32Array.from(data),
  };
}

/**
 * Which nodes' routes still hold (1 per node), or null when none does (another resolution): a
 * node holds while its file's imports, as the graph lists them now, are the ones kept, of the
 * same blobs. A changed module may import other names now; a file added may take a specifier.
 */
export function validRoutes(table: RouteTable, resolution: string, importersOf: ImportersOf): Uint8Array | null {
  if (table.resolution !== resolution) return null;
  const { files, blobs, specifiers, importSpans, imports, nodeFiles, routeSpans } = table;
  // 1: the file's imports are the kept ones; 2: not.
  const importsHold = new Uint8Array(files.length);
  const holds = (file: number): boolean => {
    if (importsHold[file] === 0) {
      const begin = importSpans[2 * file]!;
      const end = importSpans[2 * file + 1]!;
      const now = importersOf(files[file]!);
      let isSame = begin >= 0 && now.length === (end - begin) / 2;
      for (let i = 0; isSame && i < now.length; i++) {
        const [importer, specifier] = [imports[begin + 2 * i]!, imports[begin + 2 * i + 1]!];
        const edge = now[i]!;
        isSame = edge.from === files[importer] && edge.specifier === specifiers[specifier] && edge.blob === blobs[importer];
      }
      importsHold[file] = isSame ? 1 : 2;
    }
    return importsHold[file] === 1;
  };
  const valid = new Uint8Array(nodeFiles.length);
  for (let n = 0; n < nodeFiles.length; n++) if (routeSpans[2 * n]! >= 0 && holds(nodeFiles[n]!)) valid[n] = 1;
  return valid;
}

/** Whether every number of the table is in range, so reading it never goes past its arrays. */
export function isConsistentRouteTable(table: RouteTable): boolean {
  const { files, blobs, specifiers, importSpans, imports, nodeFiles, names, routeSpans, refs, routeAt, data } = table;
  const nodes = nodeFiles.length;
  if (blobs.length !== files.length || importSpans.length !== 2 * files.length || imports.length % 2 !== 0) return false;
  if (names.length !== 2 * nodes || routeSpans.length !== 2 * nodes) return false;
  const isSpan = (begin: number, end: number, length: number) =>
    (begin === -1 && end === -1) || (begin >= 0 && begin <= end && end <= length);
  for (let f = 0; f < files.length; f++) {
    const begin = importSpans[2 * f]!;
    const end = importSpans[2 * f + 1]!;
    if (!isSpan(begin, end, imports.length) || (begin >= 0 && (begin % 2 !== 0 || end % 2 !== 0))) return false;
  }
  for (let at = 0; at < imports.length; at += 2) {
    if (imports[at]! < 0 || imports[at]! >= files.length || imports[at + 1]! < 0 || imports[at + 1]! >= specifiers.length) return false;
  }
  for (let n = 0; n < nodes; n++) {
    if (nodeFiles[n]! < 0 || nodeFiles[n]! >= files.length) return false;
    if (!isSpan(routeSpans[2 * n]!, routeSpans[2 * n + 1]!, refs.length)) return false;
  }
  for (const r of refs) if (r < 0 || r >= routeAt.length) return false;
  const isNodeList = (at: number): number => {
    if (at >= data.length || data[at]! < 0 || at + 1 + data[at]! > data.length) return -1;
    for (let i = at + 1; i < at + 1 + data[at]!; i++) if (data[i]! < 0 || data[i]! >= nodes) return -1;
    return at + 1 + data[at]!;
  };
  for (const at of routeAt) {
    if (at < 0 || at + 4 > data.length || data[at]! < 0 || data[at]! >= files.length) return false;
    const afterSame = isNodeList(at + 4);
    if (afterSame < 0 || isNodeList(afterSame) < 0) return false;
  }
  return true;
}
