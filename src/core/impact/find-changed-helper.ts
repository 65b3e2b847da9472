import type { Declaration, ModuleRecord } from './module-record.js';

// An export whose own syntax is unchanged still behaves differently when a non-exported
// declaration it uses (directly or through other locals) changed: `isSentryRequestUrl` through
// a private `checkDsn`. Found by following each declaration's uses, breadth first, so the
// helper named is the nearest one.

function changedHelpers(before: ModuleRecord, after: ModuleRecord): Set<string> {
  const old = new Map(before.declarations.map((d) => [d.local, d]));
  const exported = new Set(after.exports.map((e) => e.local));
  return new Set(
    after.declarations
      .filter((d) => !d.isExported && !exported.has(d.local) && old.has(d.local) && old.get(d.local)!.hash !== d.hash)
      .map((d) => d.local),
  );
}

/** The nearest changed non-exported helper that `local` uses, if any. */
export function findChangedHelper(before: ModuleRecord, after: ModuleRecord, local: string): string | undefined {
  const changed = changedHelpers(before, after);
  if (changed.size === 0) return undefined;
  const byLocal = new Map<string, Declaration>(after.declarations.map((d) => [d.local, d]));
  const seen = new Set([local]);
  const queue = [local];
  while (queue.length > 0) {
    for (const use of byLocal.get(queue.shift()!)?.uses ?? []) {
      if (seen.has(use)) continue;
      if (changed.has(use)) return use;
      seen.add(use);
      queue.push(use);
    }
  }
  return undefined;
}
