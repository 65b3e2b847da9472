import type { ChangedSymbol } from '../impact/impact-report.js';

// The exports a piece of the change touches, and the words a question uses for how each changed.

const BREAKING = new Set<ChangedSymbol['change']>(['removed', 'renamed', 'shape-changed', 'unknown']);

export const CHANGE_WORDS: Record<ChangedSymbol['change'], string> = {
  added: 'was added',
  removed: 'was removed',
  renamed: 'was renamed',
  'shape-changed': 'changed its signature',
  'body-changed': 'changed its implementation',
  unknown: 'may have changed',
};

const isTouchedAndUsed = (s: ChangedSymbol) => s.via === undefined && s.valueUsers.length + s.typeUsers.length > 0;

/** The exports a piece changes, the ones that break users first, then those the edit touched, then the most used. */
export function changedExports(paths: ReadonlySet<string>, symbols: readonly ChangedSymbol[], label?: string): ChangedSymbol[] {
  return symbols
    .filter((s) => paths.has(s.path) && s.name !== '*' && s.change !== 'added')
    .sort(
      (a, b) =>
        Number(BREAKING.has(b.change)) - Number(BREAKING.has(a.change)) ||
        Number(b.path === label) - Number(a.path === label) ||
        // What the edit touched, when something uses it, before what changed through it (TanStack
        // table's `aggregationFn_median` before `aggregationFns`, which holds it).
        Number(isTouchedAndUsed(b)) - Number(isTouchedAndUsed(a)) ||
        b.valueUsers.length + b.typeUsers.length - (a.valueUsers.length + a.typeUsers.length),
    );
}
