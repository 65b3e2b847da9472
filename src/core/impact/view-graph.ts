import { indexPaths, UNRESOLVED, type GraphTable } from './graph-table.js';
import type { ImportEdge, ImportGraph } from './import-graph.js';

// The import graph a walk reads, over a table: the table's links reversed once into flat arrays
// (who imports each path, in the order the modules come), and edges made only for the files a
// walk asks about. A warm review on a large repository asks about a few dozen of them.

export function viewGraph(table: GraphTable): ImportGraph {
  const { paths, start, links, specifiers } = table;
  const count = new Int32Array(paths.length + 1);
  const unresolved: Array<{ from: string; specifier: string }> = [];
  let edges = 0;
  for (let p = 0; p < paths.length; p++) {
    for (let at = start[p]!; at < start[p + 1]!; at += 2) {
      const target = links[at + 1]!;
      if (target >= 0) {
        count[target + 1]!++;
        edges++;
      } else if (target === UNRESOLVED) unresolved.push({ from: paths[p]!, specifier: specifiers[links[at]!]! });
    }
  }
  // Importers of path t: from[first[t] .. first[t + 1]], with the specifier of each import.
  const first = count;
  for (let t = 0; t < paths.length; t++) first[t + 1]! += first[t]!;
  const from = new Int32Array(edges);
  const via = new Int32Array(edges);
  const filled = first.slice(0, paths.length);
  for (let p = 0; p < paths.length; p++) {
    for (let at = start[p]!; at < start[p + 1]!; at += 2) {
      const target = links[at + 1]!;
      if (target < 0) continue;
      const slot = filled[target]!++;
      from[slot] = p;
      via[slot] = links[at]!;
    }
  }
  const made = new Map<string, readonly ImportEdge[] | undefined>();
  const importersOf = {
    get(path: string): readonly ImportEdge[] | undefined {
      if (made.has(path)) return made.get(path);
      const t = indexPaths(table).get(path);
      let list: ImportEdge[] | undefined;
      if (t !== undefined && first[t + 1]! > first[t]!) {
        list = [];
        for (let slot = first[t]!; slot < first[t + 1]!; slot++)
          list.push({ from: paths[from[slot]!]!, to: path, specifier: specifiers[via[slot]!]!, blob: table.blobs[from[slot]!]! });
      }
      made.set(path, list);
      return list;
    },
  };
  // "and up to N more" (count-beyond.ts) climbs every importer of the files a capped walk stopped
  // at, often most of the repository (sentry's core: ~5,000 files, once per changed export): by
  // number, over the reversed arrays, with no edge made. A path of `from` the table lacks has no
  // importers; the table's paths are distinct, so a number stands for its path.
  const countBeyond = (start: Iterable<string>, listed: ReadonlySet<string>): number => {
    const index = indexPaths(table);
    const seen = new Uint8Array(paths.length);
    const queue: number[] = [];
    for (const path of start) {
      const t = index.get(path);
      if (t !== undefined && seen[t] === 0) {
        seen[t] = 1;
        queue.push(t);
      }
    }
    let count = 0;
    while (queue.length > 0) {
      const t = queue.pop()!;
      for (let slot = first[t]!; slot < first[t + 1]!; slot++) {
        const importer = from[slot]!;
        if (seen[importer] === 1) continue;
        seen[importer] = 1;
        queue.push(importer);
        if (!listed.has(paths[importer]!)) count++;
      }
    }
    return count;
  };
  return { importersOf, unresolved, edges, countBeyond };
}
