import type { Budget } from '../config/defaults.js';
import type { Unit } from './link-units.js';
import { sharedDepth } from './pair-tests.js';
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

/** How closely a unit belongs with a bin: 0 means not at all. */
function affinity(bin: Bin, unit: Unit, imports: ReadonlyMap<string, readonly string[]>): number {
  if (unit.kind !== 'code') return 1;
  const inBin = new Set(bin.units.flatMap((u) => u.files.map((f) => f.path)));
  const links =
    unit.files.filter((f) => (imports.get(f.path) ?? []).some((p) => inBin.has(p))).length +
    [...inBin].filter((p) => (imports.get(p) ?? []).some((q) => unit.files.some((f) => f.path === q))).length;
  const path = unit.files[0]!.path;
  const minimum = CONTAINERS.test(path) ? 2 : 1;
  const depth = Math.max(...[...inBin].map((p) => sharedDepth(folderOf(path) + 'x', folderOf(p) + 'x')));
  return links * 10 + (depth >= minimum ? depth : 0);
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
      const score = affinity(bin, unit, imports);
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    if (best < 0) {
      bins.push({ units: [unit], ...size, sealed });
      best = bins.length - 1;
    } else {
      const bin = bins[best]!;
      bin.units.push(unit);
      bin.lines += size.lines;
      bin.files += size.files;
    }
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
