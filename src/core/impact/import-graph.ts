import { buildGraphTable } from './graph-table.js';
import type { Resolver } from './resolve-specifier.js';
import { viewGraph } from './view-graph.js';

// The repository's import graph, reversed: for each file, the files that import it. Built from
// the specifiers alone: the full import records (names, bindings) are read only for the edges a
// walk crosses, which lets the cache hand them over lazily.

export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  /** The specifier as written; the walk reads the imports of `from`'s record that name it. */
  readonly specifier: string;
}

export interface ImportGraph {
  /** The imports of a file by other files, in the order the importing modules come. */
  readonly importersOf: { get(path: string): readonly ImportEdge[] | undefined };
  readonly unresolved: readonly { readonly from: string; readonly specifier: string }[];
  readonly edges: number;
}

/** The graph of modules given with their specifiers (in this order), each resolved once. */
export function buildImportGraph(specifiers: ReadonlyMap<string, readonly string[]>, resolve: Resolver): ImportGraph {
  const modules = [...specifiers.keys()].map((path) => ({ path, blob: path }));
  return viewGraph(buildGraphTable(modules, [], (path) => specifiers.get(path) ?? [], resolve));
}
