import type { FileChange } from '../change/staged-change.js';
import type { Budget } from '../config/defaults.js';
import { fitsBudget } from './split-plan.js';

// New files that import only each other belong together, but forty new files are still more
// than a person reads at once. They can be committed in layers without breaking anything: the
// files nothing else imports last, what they import first. Chunks follow that order and fill up
// to the budget; excluded files ride in the chunk of the file they were attached to.

function layerOrder(paths: readonly string[], imports: ReadonlyMap<string, readonly string[]>): string[] {
  const members = new Set(paths);
  const placed = new Set<string>();
  const order: string[] = [];
  const visit = (path: string, trail: Set<string>) => {
    if (placed.has(path) || trail.has(path)) return; // a cycle: the first reached goes first
    trail.add(path);
    for (const dep of [...(imports.get(path) ?? [])].sort()) if (members.has(dep)) visit(dep, trail);
    placed.add(path);
    order.push(path);
  };
  for (const path of [...paths].sort()) visit(path, new Set());
  return order;
}

export function chunkNewFiles(
  files: readonly FileChange[],
  imports: ReadonlyMap<string, readonly string[]>,
  riders: ReadonlyMap<string, string>,
  budget: Budget,
): string[][] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const counted = files.filter((f) => f.excluded === null).map((f) => f.path);
  if (counted.length === 0) return [files.map((f) => f.path)];
  const chunks: string[][] = [];
  let lines = 0;
  for (const path of layerOrder(counted, imports)) {
    const size = byPath.get(path)!.added + byPath.get(path)!.removed;
    const current = chunks[chunks.length - 1];
    if (current === undefined || !fitsBudget({ lines: lines + size, files: current.length + 1 }, budget)) {
      chunks.push([path]);
      lines = size;
    } else {
      current.push(path);
      lines += size;
    }
  }
  const chunkOf = new Map(chunks.flatMap((chunk, i) => chunk.map((p) => [p, i] as const)));
  for (const file of files) {
    if (file.excluded === null) continue;
    const host = riders.get(file.path);
    chunks[(host !== undefined ? chunkOf.get(host) : undefined) ?? chunks.length - 1]?.push(file.path);
  }
  return chunks.filter((c) => c.length > 0);
}
