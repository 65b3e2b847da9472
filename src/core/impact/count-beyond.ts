import type { ImportGraph } from './import-graph.js';

// "and up to N more": a walk that stopped early (blast-radius.ts) reaches nothing past the files
// it stopped at but through their importers, so every file importing them, directly or not,
// that it did not list, bounds what it left out. A bound, not a count: an importer may take
// none of the changed names.

/** Files importing `from`, directly or not, that are neither among `from` nor in `listed`. */
export function countBeyond(graph: ImportGraph, from: Iterable<string>, listed: ReadonlySet<string>): number {
  if (graph.countBeyond !== undefined) return graph.countBeyond(from, listed);
  const seen = new Set(from);
  const queue = [...seen];
  let count = 0;
  while (queue.length > 0) {
    for (const { from: importer } of graph.importersOf.get(queue.pop()!) ?? []) {
      if (seen.has(importer)) continue;
      seen.add(importer);
      queue.push(importer);
      if (!listed.has(importer)) count++;
    }
  }
  return count;
}
