import type { Budget } from '../config/defaults.js';
import type { Unit } from './link-units.js';
import { countedFiles, countedLines, fitsBudget } from './split-plan.js';

// Packs ordered units into commits. A unit joins an earlier commit only when it fits the budget,
// is of the same kind (docs with docs), stands on nothing placed later, and belongs with it: an
// import between them, or the same folder (the same package in a monorepo). Then small commits
// left next to each other are merged while they fit, so a change of many small unrelated edits
// becomes a few full commits, not dozens of three-file ones; two large unrelated commits stay two.

export interface Bin {
  units: Unit[];
  lines: number;
  files: number;
  /** Over budget on its own, or a mechanical edit: nothing joins it. */
  sealed: boolean;
}

const CONTAINERS = /^(?:packages|apps|libs|modules|plugins|services|examples|crates|projects)\//;
const folderOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);

/** What affinity reads of a bin, kept as units join it (recomputing it made packing quadratic). */
interface BinIndex {
  readonly paths: Set<string>;
  /** Each distinct folder of the bin's files, as its segments. */
  readonly folders: Map<string, readonly string[]>;
}

function addToIndex(index: BinIndex, unit: Unit): void {
  for (const f of unit.files) {
    index.paths.add(f.path);
    const folder = folderOf(f.path);
    if (!index.folders.has(folder)) index.folders.set(folder, folder.split('/').slice(0, -1));
  }
}

/** How closely a unit belongs with a bin: 0 means not at all. */
function affinity(
  index: BinIndex,
  unit: Unit,
  imports: ReadonlyMap<string, readonly string[]>,
  importedBy: ReadonlyMap<string, readonly string[]>,
): number {
  if (unit.kind !== 'code') return 1;
  // The unit's files that import a file of the bin, and the bin's files that import one of the unit's.
  const importers = new Set<string>();
  for (const f of unit.files) for (const p of importedBy.get(f.path) ?? []) if (index.paths.has(p)) importers.add(p);
  const links = unit.files.filter((f) => (imports.get(f.path) ?? []).some((p) => index.paths.has(p))).length + importers.size;
  const path = unit.files[0]!.path;
  const minimum = CONTAINERS.test(path) ? 2 : 1;
  const own = folderOf(path).split('/').slice(0, -1);
  let depth = 0;
  for (const segments of index.folders.values()) {
    let d = 0;
    while (d < own.length && d < segments.length && own[d] === segments[d]) d++;
    if (d > depth) depth = d;
  }
  return links * 10 + (depth >= minimum ? depth : 0);
}

function invertImports(imports: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const importedBy = new Map<string, string[]>();
  for (const [from, targets] of imports) {
    for (const target of new Set(targets)) {
      const list = importedBy.get(target);
      if (list) list.push(from);
      else importedBy.set(target, [from]);
    }
  }
  return importedBy;
}

function measure(units: readonly Unit[]): { lines: number; files: number } {
  const files = units.flatMap((u) => u.files);
  return { lines: countedLines(files), files: countedFiles(files) };
}

export function packGroups(
  order: readonly Unit[],
  after: ReadonlyMap<number, ReadonlySet<number>>,
  budget: Budget,
  imports: ReadonlyMap<string, readonly string[]>,
): Bin[] {
  const bins: Bin[] = [];
  const indexes: BinIndex[] = [];
  const importedBy = invertImports(imports);
  const binOf = new Map<number, number>();
  for (const unit of order) {
    const size = measure([unit]);
    const earliest = Math.max(0, ...[...(after.get(unit.id) ?? [])].map((id) => binOf.get(id) ?? 0));
    const sealed = !fitsBudget(size, budget) || unit.mechanical !== undefined;
    let best = -1;
    let bestScore = 0;
    for (let i = earliest; i < bins.length && !sealed; i++) {
      const bin = bins[i]!;
      if (
        bin.sealed ||
        bin.units[0]!.kind !== unit.kind ||
        !fitsBudget({ lines: bin.lines + size.lines, files: bin.files + size.files }, budget)
      )
        continue;
      const score = affinity(indexes[i]!, unit, imports, importedBy);
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    if (best < 0) {
      bins.push({ units: [unit], ...size, sealed });
      indexes.push({ paths: new Set(), folders: new Map() });
      best = bins.length - 1;
    } else {
      const bin = bins[best]!;
      bin.units.push(unit);
      bin.lines += size.lines;
      bin.files += size.files;
    }
    addToIndex(indexes[best]!, unit);
    binOf.set(unit.id, best);
  }
  return mergeSmallNeighbours(bins, after, budget);
}

/** Merges a small bin with the previous one of its kind while they fit, if nothing in between is needed. */
function mergeSmallNeighbours(bins: Bin[], after: ReadonlyMap<number, ReadonlySet<number>>, budget: Budget): Bin[] {
  // Small: a quarter of the lines; files count less (fifty one-line edits are a quick read).
  const isSmall = (bin: Bin) => bin.lines * 4 <= budget.lines && bin.files * 2 <= budget.files;
  const merged: Bin[] = [];
  for (const bin of bins) {
    const needs = new Set(bin.units.flatMap((u) => [...(after.get(u.id) ?? [])]));
    let target = -1;
    for (let i = merged.length - 1; i >= 0; i--) {
      const candidate = merged[i]!;
      if (
        !candidate.sealed &&
        !bin.sealed &&
        candidate.units[0]!.kind === bin.units[0]!.kind &&
        (isSmall(bin) || isSmall(candidate)) &&
        fitsBudget({ lines: candidate.lines + bin.lines, files: candidate.files + bin.files }, budget)
      ) {
        target = i;
        break;
      }
      // Moving `bin` before a bin it builds on would break the order.
      if (candidate.units.some((u) => needs.has(u.id))) break;
    }
    if (target < 0) merged.push({ ...bin, units: [...bin.units] });
    else {
      const into = merged[target]!;
      into.units.push(...bin.units);
      into.lines += bin.lines;
      into.files += bin.files;
    }
  }
  return merged;
}
