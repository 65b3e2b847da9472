import type { Declaration, ModuleRecord } from './module-record.js';

// An export whose own syntax is unchanged still behaves differently when a declaration of its
// file that it uses (directly or through other locals) changed: `isSentryRequestUrl` through a
// private `checkDsn`, TanStack/query's `replaceData` through the exported `replaceEqualDeep`, a
// class through a changed function its methods call. Found by following each declaration's uses,
// breadth first, so the declaration named is the nearest one. A class it only passes along
// (mobx's `createInstanceofPredicate("ObservableMap", ObservableMap)`) is no route. A changed
// type reached where no changed code is changes the export's type, not its implementation
// (jotai's `getBuildingBlocks` returns a tuple holding the changed `AtomOnMount`).

export interface ChangedHelper {
  readonly name: string;
  /** 'type': only changed types are reached (an interface or a type alias): the export's type changed. */
  readonly carries: 'implementation' | 'type';
}

function changedDeclarations(before: ModuleRecord, after: ModuleRecord): Set<string> {
  const old = new Map(before.declarations.map((d) => [d.local, d]));
  return new Set(after.declarations.filter((d) => old.has(d.local) && old.get(d.local)!.hash !== d.hash).map((d) => d.local));
}

/** The nearest changed code of its file that `local` uses, else the nearest changed type, if any. */
export function findChangedHelper(before: ModuleRecord, after: ModuleRecord, local: string): ChangedHelper | undefined {
  const changed = changedDeclarations(before, after);
  if (changed.size === 0) return undefined;
  const byLocal = new Map<string, Declaration>(after.declarations.map((d) => [d.local, d]));
  const seen = new Set([local]);
  const queue = [local];
  let nearestType: string | undefined;
  while (queue.length > 0) {
    const declaration = byLocal.get(queue.shift()!);
    for (const use of declaration?.uses ?? []) {
      if (seen.has(use) || declaration!.passes?.includes(use)) continue;
      seen.add(use);
      queue.push(use);
      if (!changed.has(use)) continue;
      if (byLocal.get(use)?.isType !== true) return { name: use, carries: 'implementation' };
      nearestType ??= use;
    }
  }
  return nearestType === undefined ? undefined : { name: nearestType, carries: 'type' };
}
