import type { ImportKind, ModuleRecord } from './module-record.js';
import type { Resolver } from './resolve-specifier.js';

// The repository's import graph, reversed: for each file, the files that import it and how.

export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  readonly specifier: string;
  readonly kind: ImportKind;
  readonly isTypeOnly: boolean;
  readonly names: readonly string[] | '*';
  readonly bindings: readonly { readonly imported: string; readonly local: string }[];
}

export interface ImportGraph {
  readonly importersOf: ReadonlyMap<string, readonly ImportEdge[]>;
  readonly unresolved: readonly { readonly from: string; readonly specifier: string }[];
  readonly edges: number;
}

export function buildImportGraph(records: ReadonlyMap<string, ModuleRecord>, resolve: Resolver): ImportGraph {
  const importersOf = new Map<string, ImportEdge[]>();
  const unresolved: Array<{ from: string; specifier: string }> = [];
  let edges = 0;
  for (const [from, record] of records) {
    for (const entry of record.imports) {
      const resolution = resolve(from, entry.specifier);
      if ('unresolved' in resolution) unresolved.push({ from, specifier: entry.specifier });
      if (!('path' in resolution) || resolution.path === from) continue;
      const edge: ImportEdge = { from, to: resolution.path, ...entry };
      const list = importersOf.get(resolution.path);
      if (list) list.push(edge);
      else importersOf.set(resolution.path, [edge]);
      edges++;
    }
  }
  return { importersOf, unresolved, edges };
}
