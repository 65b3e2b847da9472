import { join, normalizePath, type Resolver } from './resolve-specifier.js';

// The import graph as a table of numbers: every resolvable path numbered, and for each module its
// distinct specifiers with where each resolves. It is what a run keeps for the next one (see
// graph-cache.ts): a warm review re-resolves only the modules whose blob changed since, instead
// of resolving the specifiers of every file again, and reverses only the edges a walk asks for
// (view-graph.ts).

/** Where a specifier of a module leads, when not to a path of the table. */
export const EXTERNAL = -1;
export const UNRESOLVED = -2;
/** A module importing itself: no edge. */
export const SELF = -3;

export interface GraphTable {
  /** Resolvable paths: the modules in index order, then the paths only kept resolvable. */
  readonly paths: readonly string[];
  /** Each path's blob; '' for a path that is only resolvable (deleted by the change). */
  readonly blobs: readonly string[];
  /** The distinct specifiers of all modules, numbered. */
  readonly specifiers: readonly string[];
  /** Path p's links are the pairs at start[p] .. start[p + 1] of `links`. */
  readonly start: Int32Array;
  /** Pairs (specifier number, target): a path number, EXTERNAL, UNRESOLVED or SELF. */
  readonly links: Int32Array;
}

export interface TableModule {
  readonly path: string;
  readonly blob: string;
}

/** Path -> its number in a table. */
export interface PathIndex {
  get(path: string): number | undefined;
  has(path: string): boolean;
}

const indexes = new WeakMap<readonly string[], PathIndex>();

/** Path -> its number in the table, built once per table. */
export function indexPaths(table: GraphTable): PathIndex {
  let index = indexes.get(table.paths);
  if (!index) indexes.set(table.paths, (index = sortedIndex(table.paths) ?? new Map(table.paths.map((path, i) => [path, i]))));
  return index;
}

/**
 * A table's paths are the index's (sorted) and then a few kept resolvable: looked up by binary
 * search over the sorted run and a map of the rest, instead of hashing every path into a map
 * (a warm review asks for a few dozen). Null when the paths are not so.
 */
function sortedIndex(paths: readonly string[]): PathIndex | null {
  let sorted = 1;
  while (sorted < paths.length && paths[sorted - 1]! < paths[sorted]!) sorted++;
  if (paths.length - sorted > 64) return null;
  const rest = new Map<string, number>();
  for (let i = sorted; i < paths.length; i++) if (!rest.has(paths[i]!)) rest.set(paths[i]!, i);
  // A run that asks for many more (a core change's walk over 5,000 files, the resolver probing
  // every package's entries: sentry's core change, warm, asked ~16,000 times, each a dozen comparisons of
  // long paths) hashes the paths once after all: past an eighth of the paths in lookups. The
  // first of two equal paths keeps its number, as the search over the sorted run finds it.
  let lookups = 0;
  let hashed: Map<string, number> | null = null;
  const get = (path: string): number | undefined => {
    if (hashed !== null) return hashed.get(path);
    if (++lookups > paths.length >>> 3) {
      hashed = new Map();
      for (let i = paths.length - 1; i >= 0; i--) hashed.set(paths[i]!, i);
      return hashed.get(path);
    }
    let [low, high] = [0, Math.min(sorted, paths.length) - 1];
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = paths[middle]!;
      if (at === path) return middle;
      if (at < path) low = middle + 1;
      else high = middle - 1;
    }
    return rest.get(path);
  };
  return { get, has: (path) => get(path) !== undefined };
}

interface Sink {
  /** A link by specifier text. */
  add(specifier: string, target: number): void;
}

function assemble(
  paths: readonly string[],
  blobs: readonly string[],
  specifiers: string[],
  linksOf: (path: number, sink: Sink) => void,
  runs?: { readonly table: GraphTable; readonly changedAt: readonly number[] },
): GraphTable {
  // Numbered on the first new specifier only: a patch copies most links by number.
  let specifierIndex: Map<string, number> | null = null;
  const start = new Int32Array(paths.length + 1);
  let links: Int32Array = new Int32Array(Math.max(64, paths.length * 8));
  let length = 0;
  const room = (more: number) => {
    if (length + more > links.length) links = growTo(links, Math.max(links.length * 2, length + more));
  };
  const sink: Sink = {
    add(specifier, target) {
      specifierIndex ??= new Map(specifiers.map((s, i) => [s, i]));
      let number = specifierIndex.get(specifier);
      if (number === undefined) specifierIndex.set(specifier, (number = specifiers.push(specifier) - 1));
      room(2);
      links[length++] = number;
      links[length++] = target;
    },
  };
  if (runs !== undefined) {
    // The same paths, and the modules between two changed ones unchanged: their links copied as
    // one run and their starts shifted, without a call per module.
    const { table, changedAt } = runs;
    let prev = 0;
    for (const p of [...changedAt, paths.length]) {
      const begin = table.start[prev]!;
      const end = table.start[p]!;
      const shift = length - begin;
      for (let q = prev; q < p; q++) start[q] = table.start[q]! + shift;
      room(end - begin);
      links.set(table.links.subarray(begin, end), length);
      length += end - begin;
      if (p === paths.length) break;
      start[p] = length;
      if (blobs[p] !== '') linksOf(p, sink);
      prev = p + 1;
    }
  } else {
    for (let p = 0; p < paths.length; p++) {
      start[p] = length;
      if (blobs[p] !== '') linksOf(p, sink);
    }
  }
  start[paths.length] = length;
  return { paths, blobs, specifiers, start, links: links.slice(0, length) };
}

function growTo(array: Int32Array, size: number): Int32Array {
  const grown = new Int32Array(size);
  grown.set(array);
  return grown;
}

function resolveInto(path: string, list: readonly string[], resolve: Resolver, index: PathIndex, sink: Sink) {
  for (const specifier of new Set(list)) resolveOne(path, specifier, resolve, index, sink);
}

function resolveOne(path: string, specifier: string, resolve: Resolver, index: PathIndex, sink: Sink) {
  const resolution = resolve(path, specifier);
  if ('path' in resolution) sink.add(specifier, resolution.path === path ? SELF : (index.get(resolution.path) ?? UNRESOLVED));
  else sink.add(specifier, 'unresolved' in resolution ? UNRESOLVED : EXTERNAL);
}

/** Resolves every module's specifiers. `extras` are paths that resolve without being modules. */
export function buildGraphTable(
  modules: readonly TableModule[],
  extras: readonly string[],
  specifiersOf: (blob: string) => readonly string[],
  resolve: Resolver,
): GraphTable {
  const paths = [...modules.map((m) => m.path), ...extras];
  const blobs = [...modules.map((m) => m.blob), ...extras.map(() => '')];
  const index = new Map(paths.map((path, i) => [path, i]));
  const table = assemble(paths, blobs, [], (p, sink) => resolveInto(paths[p]!, specifiersOf(blobs[p]!), resolve, index, sink));
  indexes.set(table.paths, index);
  return table;
}

/**
 * The blob of each of the table's paths in this tree, when the tree has the same resolvable
 * paths in the same order ('' for one only kept resolvable): a module whose blob changed can
 * then be resolved alone. Null when a file was added or renamed (resolution may change
 * anywhere) or a path kept resolvable before is a module again: the table is built anew.
 */
export function fitGraphTable(table: GraphTable, modules: readonly TableModule[], extras: readonly string[]): string[] | null {
  if (modules.length + extras.length !== table.paths.length) return null;
  const index = indexPaths(table);
  const blobs: string[] = table.blobs.map(() => '');
  let last = -1;
  for (const module of modules) {
    const p = index.get(module.path);
    if (p === undefined || p <= last || table.blobs[p] === '') return null;
    blobs[p] = module.blob;
    last = p;
  }
  for (const extra of extras) if (!index.has(extra)) return null;
  return blobs;
}

/** The table with the blobs `fitGraphTable` gave: changed modules resolved again, deleted ones without links. */
export function patchGraphTable(
  table: GraphTable,
  blobs: readonly string[],
  specifiersOf: (blob: string) => readonly string[],
  resolve: Resolver,
): { table: GraphTable; changed: number } {
  const index = indexPaths(table);
  const changedAt: number[] = [];
  for (let p = 0; p < blobs.length; p++) if (blobs[p] !== table.blobs[p]) changedAt.push(p);
  const patched = assemble(
    table.paths,
    blobs,
    [...table.specifiers],
    (p, sink) => resolveInto(table.paths[p]!, specifiersOf(blobs[p]!), resolve, index, sink),
    { table, changedAt },
  );
  const changed = changedAt.filter((p) => blobs[p] !== '').length;
  indexes.set(patched.paths, index);
  return { table: patched, changed };
}

/** A relative specifier's resolution probes only paths that start with this (its JS extension dropped). */
function probedStem(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) return null;
  const base = specifier.startsWith('/') ? normalizePath(specifier) : join(dirOfPath(from), specifier);
  return base.replace(/\.[cm]?jsx?$/, '');
}

const dirOfPath = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/**
 * The table for a tree whose paths differ (files added, deleted or renamed), or whose config
 * resolves bare specifiers otherwise: an unchanged module keeps the links of its relative
 * specifiers (resolved by the paths alone) unless an added or
 * removed path is one they may probe (`./x` probes `x.ts`, `x/index.ts`, …); its bare
 * specifiers are resolved again (memoized by the resolver); new and changed modules are resolved
 * whole. The same table as one built anew, for a few added files instead of every import.
 */
export function refitGraphTable(
  table: GraphTable,
  modules: readonly TableModule[],
  extras: readonly string[],
  specifiersOf: (blob: string) => readonly string[],
  resolve: Resolver,
): { table: GraphTable; changed: number } {
  const paths = [...modules.map((m) => m.path), ...extras];
  const blobs = [...modules.map((m) => m.blob), ...extras.map(() => '')];
  const index = new Map(paths.map((path, i) => [path, i]));
  const before = indexPaths(table);
  const moved = [...paths.filter((p) => !before.has(p)), ...table.paths.filter((p) => !index.has(p))];
  // A path that was only kept resolvable and is a module again (or the reverse) counts as moved.
  for (let p = 0; p < paths.length; p++) {
    const was = before.get(paths[p]!);
    if (was !== undefined && (table.blobs[was] === '') !== (blobs[p] === '')) moved.push(paths[p]!);
  }
  let changed = 0;
  // Whether a relative specifier may probe a moved path depends on its folder alone: asked once
  // per folder and specifier (none is, when only the config changed).
  const nearByDir = new Map<string, Map<string, boolean>>();
  const rebuilt = assemble(paths, blobs, [], (p, sink) => {
    const path = paths[p]!;
    const was = before.get(path);
    if (was === undefined || table.blobs[was] !== blobs[p]) {
      changed++;
      return resolveInto(path, specifiersOf(blobs[p]!), resolve, index, sink);
    }
    let near: Map<string, boolean> | undefined;
    for (let at = table.start[was]!; at < table.start[was + 1]!; at += 2) {
      const specifier = table.specifiers[table.links[at]!]!;
      const target = table.links[at + 1]!;
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        let isNear = false;
        if (moved.length > 0) {
          if (near === undefined) {
            const dir = dirOfPath(path);
            near = nearByDir.get(dir);
            if (near === undefined) nearByDir.set(dir, (near = new Map()));
          }
          let known = near.get(specifier);
          if (known === undefined) {
            const stem = probedStem(path, specifier)!;
            near.set(specifier, (known = moved.some((m) => m.startsWith(stem))));
          }
          isNear = known;
        }
        if (!isNear) {
          sink.add(specifier, target >= 0 ? (index.get(table.paths[target]!) ?? UNRESOLVED) : target);
          continue;
        }
      }
      resolveOne(path, specifier, resolve, index, sink);
    }
  });
  indexes.set(rebuilt.paths, index);
  return { table: rebuilt, changed };
}
