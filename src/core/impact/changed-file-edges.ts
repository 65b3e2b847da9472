import type { ImportGraph } from './import-graph.js';

// The imports between the files of a change: the split plan keeps new files that import each
// other together and orders a commit after the commits of what it imports.

export interface FileEdge {
  /** The importing file. */
  readonly from: string;
  readonly to: string;
}

export function listChangedFileEdges(graph: ImportGraph, changed: ReadonlySet<string>): FileEdge[] {
  const edges = new Map<string, FileEdge>();
  for (const to of changed) {
    for (const edge of graph.importersOf.get(to) ?? []) {
      if (changed.has(edge.from)) edges.set(`${edge.from}\0${to}`, { from: edge.from, to });
    }
  }
  return [...edges.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}
