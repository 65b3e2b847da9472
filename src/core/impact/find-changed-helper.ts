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

/** `./a`, `./a.js`, `./a/index.ts` and `node:fs`, `fs` name the same module: an ESM migration that
 * adds extensions re-binds nothing. */
export const moduleKey = (specifier: string): string =>
  specifier
    .replace(/^node:/, '')
    .replace(/\.(?:[cm]?[jt]sx?)$/, '')
    .replace(/\/index$/, '');

/** Where an imported name comes from: the import's specifier and the name it takes there. */
export interface ImportSource {
  readonly specifier: string;
  readonly imported: string;
}

/** Whether two imports of one local take the same thing. The caller that resolves specifiers
 * knows better (a barrel and the file it re-exports from are one source); without it, the
 * specifiers are compared as written. */
export type SameImport = (before: ImportSource, after: ImportSource) => boolean;

const sameAsWritten: SameImport = (a, b) => a.imported === b.imported && moduleKey(a.specifier) === moduleKey(b.specifier);

/** Imported names that now come from another module or under another name: socket.io's
 * `import base64id from "base64id"` became `from "./contrib/base64id"`, and every declaration
 * calling `base64id` runs other code. */
function rebound(before: ModuleRecord, after: ModuleRecord, isSame: SameImport): Map<string, { isTypeOnly: boolean }> {
  const old = new Map(
    before.imports.flatMap((i) => i.bindings.map((b) => [b.local, { specifier: i.specifier, imported: b.imported }] as const)),
  );
  const found = new Map<string, { isTypeOnly: boolean }>();
  for (const i of after.imports)
    for (const b of i.bindings) {
      const from = old.get(b.local);
      if (from !== undefined && !isSame(from, { specifier: i.specifier, imported: b.imported }))
        found.set(b.local, { isTypeOnly: i.isTypeOnly });
    }
  return found;
}

/** What changed inside a file, read once for all its exports: its declarations whose syntax
 * changed, and its imports that take their name from elsewhere now. */
export interface ChangedLocals {
  readonly changed: ReadonlySet<string>;
  readonly rebinds: ReadonlyMap<string, { readonly isTypeOnly: boolean }>;
}

export function listChangedLocals(before: ModuleRecord, after: ModuleRecord, isSameImport: SameImport = sameAsWritten): ChangedLocals {
  return { changed: changedDeclarations(before, after), rebinds: rebound(before, after, isSameImport) };
}

/** The nearest changed code of its file that `local` uses, else the nearest changed type, if any.
 * A type naming a class whose shape changed (playwright's `LocatorOptions = { has?: Locator }`
 * when `Locator` gained `description()`) is built on it: a route, though it only holds the class. */
export function findChangedHelper(
  after: ModuleRecord,
  local: string,
  { changed, rebinds }: ChangedLocals,
  isShapeChanged: (local: string) => boolean = () => false,
  /** Whether a changed object's own keys changed (`keyof typeof x` reads them alone); unknown: yes. */
  isKeysChanged: (local: string) => boolean = () => true,
): ChangedHelper | undefined {
  if (changed.size === 0 && rebinds.size === 0) return undefined;
  const byLocal = new Map<string, Declaration>(after.declarations.map((d) => [d.local, d]));
  const isTypeExport = byLocal.get(local)?.isType === true;
  const seen = new Set([local]);
  const queue = [local];
  // Reached through code of the file other than the export (a variable, a function): a type found
  // there types that code, not the export (growthbook c72aa5e9b5's `onHidden()` reads `streams:
  // Map<string, ScopedChannel>` and was "changed its signature" when `ScopedChannel` gained `key`).
  const insideCode = new Set<string>();
  let nearestType: string | undefined;
  let nearestCode: string | undefined;
  while (queue.length > 0) {
    const name = queue.shift()!;
    const declaration = byLocal.get(name);
    const isInsideCode = insideCode.has(name) || (name !== local && declaration !== undefined && declaration.isType !== true);
    for (const use of declaration?.uses ?? []) {
      const isHeld = declaration!.passes?.includes(use) === true && !(declaration!.isType === true && isShapeChanged(use));
      if (seen.has(use) || isHeld) continue;
      seen.add(use);
      // `keyof typeof aggregationFns` changes with the object's own keys, not with the functions it holds.
      if (declaration!.keys?.includes(use)) {
        if (changed.has(use) && isKeysChanged(use)) nearestType ??= use;
        continue;
      }
      queue.push(use);
      if (isInsideCode) insideCode.add(use);
      // An import is used as itself or through a member (`base64id.generateId`).
      const imported = rebinds.get(use.split('.', 1)[0]!);
      if (imported !== undefined) {
        if (!imported.isTypeOnly) return { name: use.split('.', 1)[0]!, carries: 'implementation' };
        if (!isInsideCode || isTypeExport) nearestType ??= use.split('.', 1)[0]!;
      }
      if (!changed.has(use)) continue;
      // A type changes with the types it is built of before the code it reads through `typeof`
      // (TanStack router's `ProcessedTree` holds the changed `DynamicSegmentNode`, and a cache
      // typed `ReturnType<typeof findMatch>`, whose callee `getNodeMatch` changed its body).
      if (byLocal.get(use)?.isType !== true) {
        if (!isTypeExport) return { name: use, carries: 'implementation' };
        // A class whose shape changed is a type the export is built of (`AnyRouter = RouterCore<…>`).
        if (isShapeChanged(use)) nearestType ??= use;
        else nearestCode ??= use;
      } else if (!isInsideCode || isTypeExport) nearestType ??= use;
    }
  }
  if (nearestType !== undefined) return { name: nearestType, carries: 'type' };
  return nearestCode === undefined ? undefined : { name: nearestCode, carries: 'implementation' };
}
