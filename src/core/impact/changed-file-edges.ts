import type { ImportGraph } from './import-graph.js';
import { compareText } from '../text/compare-text.js';

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
  return [...edges.values()].sort((a, b) => compareText(a.from, b.from) || compareText(a.to, b.to));
}

/**
 * The imports between changed files as they were before the change, named by each file's path
 * in the change (its new path). A file that stopped importing a deleted or renamed one was
 * updated for it: the split keeps them together.
 */
export function listPreviousFileEdges(
  files: readonly { readonly path: string; readonly oldPath?: string; readonly status: string; readonly oldBlob: string }[],
  specifiersOf: (blob: string) => readonly string[],
  resolve: (from: string, specifier: string) => { path: string } | object,
  isModule: (path: string) => boolean,
): FileEdge[] {
  const byOldPath = new Map(files.filter((f) => f.status !== 'added').map((f) => [f.oldPath ?? f.path, f.path]));
  const edges = new Map<string, FileEdge>();
  for (const file of files) {
    const oldPath = file.oldPath ?? file.path;
    if (file.status === 'added' || !isModule(oldPath)) continue;
    for (const specifier of specifiersOf(file.oldBlob)) {
      const resolved = resolve(oldPath, specifier);
      const to = 'path' in resolved ? byOldPath.get(resolved.path) : undefined;
      if (to !== undefined && to !== file.path) edges.set(`${file.path}\0${to}`, { from: file.path, to });
    }
  }
  return [...edges.values()].sort((a, b) => compareText(a.from, b.from) || compareText(a.to, b.to));
}
