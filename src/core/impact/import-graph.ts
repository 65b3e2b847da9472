// The repository's import graph, reversed: for each file, the files that import it. Built from
// the specifiers alone (graph-table.ts, read through view-graph.ts): the full import records
// (names, bindings) are read only for the edges a walk crosses.

export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  /** The specifier as written; the walk reads the imports of `from`'s record that name it. */
  readonly specifier: string;
  /** The importing module's blob (the routes kept between runs hold while it is the same). */
  readonly blob: string;
}

export interface ImportGraph {
  /** The imports of a file by other files, in the order the importing modules come. */
  readonly importersOf: { get(path: string): readonly ImportEdge[] | undefined };
  readonly unresolved: readonly { readonly from: string; readonly specifier: string }[];
  readonly edges: number;
  /** A workspace subpath's runtime source -> the source of its `types` condition, where they differ
   * (read from the packages' manifests when a walk first asks). */
  readonly typesSourceOf?: (file: string) => string | undefined;
  /** `countBeyond` (count-beyond.ts) over the graph's own numbers, without an edge object per
   * import: view-graph.ts gives it, a graph of edge lists does not. */
  readonly countBeyond?: (from: Iterable<string>, listed: ReadonlySet<string>) => number;
}

/** The imports of a path by other files, none when nothing imports it. */
export const importsOf =
  (graph: ImportGraph) =>
  (path: string): readonly ImportEdge[] =>
    graph.importersOf.get(path) ?? [];
