import type { SymbolDiff } from './diff-exports.js';
import type { ChangedSymbol, DependentRef, SymbolUse } from './impact-report.js';
import { compareText } from '../text/compare-text.js';

// The users the walk reached, as a reader counts them: a file that uses the name (value or
// type, depth 1), then the files further away. A file that only holds the whole module through
// a namespace that escapes (`window.Sentry = Sentry`, `vi.mocked(ns)`) is not a user: it may
// reach the name, so it is listed apart (`wholeModuleUsers`) and counted in no dependent total;
// the files it leads to are not followed into the counts either.

/** A file the walk reached: its nearest depth and chain, and its first value and type lines. */
export interface Reached {
  readonly depth: number;
  readonly chain: readonly string[];
  value: number;
  type: number;
  /** Reached only through a namespace that escapes whole. */
  readonly isWhole: boolean;
}

export function describeUsers(
  reached: ReadonlyMap<string, Reached>,
  /** The order of paths (compareText's; compare-text.ts's compareByRank for many symbols). */
  compare: (a: string, b: string) => number = compareText,
): Omit<ChangedSymbol, keyof SymbolDiff> {
  const byPath = (a: { path: string }, b: { path: string }) => compare(a.path, b.path);
  const named = [...reached].filter(([, r]) => !r.isWhole);
  const direct = named.filter(([, r]) => r.depth === 1);
  const further = named.filter(([, r]) => r.depth > 1).sort((a, b) => a[1].depth - b[1].depth || compare(a[0], b[0]));
  const dependents: DependentRef[] = [...direct, ...further].map(([path, r]) => ({
    path,
    depth: r.depth,
    chain: r.chain,
    isTypeOnly: r.value === 0,
  }));
  const wholeModuleUsers: SymbolUse[] = [...reached]
    .filter(([, r]) => r.isWhole && r.depth === 1)
    .map(([path, r]) => ({ path, line: r.value === 0 ? r.type : r.type === 0 ? r.value : Math.min(r.value, r.type) }))
    .sort(byPath);
  return {
    valueUsers: direct
      .filter(([, r]) => r.value > 0)
      .map(([path, r]) => ({ path, line: r.value }))
      .sort(byPath),
    typeUsers: direct
      .filter(([, r]) => r.value === 0)
      .map(([path, r]) => ({ path, line: r.type }))
      .sort(byPath),
    wholeModuleUsers,
    transitive: { count: further.length, chains: further.slice(0, 5).map(([, r]) => r.chain) },
    dependents: dependents.sort((a, b) => a.depth - b.depth || compare(a.path, b.path)),
  };
}
