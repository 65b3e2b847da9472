import type { Resolver } from './resolve-specifier.js';

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
  readonly importersOf: ReadonlyMap<string, readonly ImportEdge[]>;
  readonly unresolved: readonly { readonly from: string; readonly specifier: string }[];
  readonly edges: number;
}

export function buildImportGraph(specifiers: ReadonlyMap<string, readonly string[]>, resolve: Resolver): ImportGraph {
  const importersOf = new Map<string, ImportEdge[]>();
  const unresolved: Array<{ from: string; specifier: string }> = [];
  let edges = 0;
  for (const [from, list] of specifiers) {
    for (const specifier of new Set(list)) {
      const resolution = resolve(from, specifier);
      if ('unresolved' in resolution) unresolved.push({ from, specifier });
      if (!('path' in resolution) || resolution.path === from) continue;
      const edge: ImportEdge = { from, to: resolution.path, specifier };
      const importers = importersOf.get(resolution.path);
      if (importers) importers.push(edge);
      else importersOf.set(resolution.path, [edge]);
      edges++;
    }
  }
  return { importersOf, unresolved, edges };
}
