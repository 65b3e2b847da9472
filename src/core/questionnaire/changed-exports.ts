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

/** The exports a piece changes, the ones that break users first, then the most used. */
export function changedExports(paths: ReadonlySet<string>, symbols: readonly ChangedSymbol[], label?: string): ChangedSymbol[] {
  return symbols
    .filter((s) => paths.has(s.path) && s.name !== '*' && s.change !== 'added')
    .sort(
      (a, b) =>
        Number(BREAKING.has(b.change)) - Number(BREAKING.has(a.change)) ||
        Number(b.path === label) - Number(a.path === label) ||
        b.valueUsers.length + b.typeUsers.length - (a.valueUsers.length + a.typeUsers.length),
    );
}
