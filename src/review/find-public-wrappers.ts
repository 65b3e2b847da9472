import type { SymbolDiff } from '../core/impact/diff-exports.js';
import type { ModuleRecord } from '../core/impact/module-record.js';
import { wrapsImport } from '../core/impact/public-api.js';
import type { Resolver } from '../core/impact/resolve-specifier.js';

// Public API through a wrapper: a direct user that exports the changed binding's value under
// another name (`const Anchor = InternalAnchor as CompoundedComponent; export default Anchor`),
// whose export a package entry passes on. The walk keeps such a file a user (the language
// service lists it so); only the public API reads it as passing the change on.

const MAX_FILES = 50;

export interface WrapperInputs {
  readonly usersPassedTo: (i: number, files: ReadonlySet<string>) => Map<string, Set<string>>;
  readonly passing: readonly ReadonlySet<string>[];
  readonly entries: ReadonlyMap<string, string[]>;
  readonly resolve: Resolver;
  readonly recordOf: (path: string) => ModuleRecord | undefined;
  readonly blobOf: (path: string) => string | undefined;
  readonly readBlobs: (ids: readonly string[]) => Promise<Map<string, string>>;
}

/** For each walked change (by index), the entry specifiers that pass on a wrapper of it. */
export async function findPublicWrappers(diffs: readonly SymbolDiff[], inputs: WrapperInputs): Promise<Map<number, string[]>> {
  const found = new Map<number, string[]>();
  if (inputs.entries.size === 0) return found;
  const entryFiles = new Set(inputs.entries.keys());
  // Per change: the users whose exports an entry passes on, with the local names they import it by.
  const wanted = diffs.map((diff, i) => {
    const locals = new Map<string, { entry: string; locals: string[] }[]>();
    for (const [entry, users] of inputs.usersPassedTo(i, entryFiles))
      for (const user of users) {
        const names = importedLocals(user, diff, inputs.passing[i] ?? new Set([diff.path]), inputs);
        if (names.length > 0) locals.set(user, [...(locals.get(user) ?? []), { entry, locals: names }]);
      }
    return locals;
  });
  const paths = [...new Set(wanted.flatMap((w) => [...w.keys()]))];
  if (paths.length === 0 || paths.length > MAX_FILES) return found;
  const blobs = paths.flatMap((p) => inputs.blobOf(p) ?? []);
  const texts = await inputs.readBlobs([...new Set(blobs)]);
  wanted.forEach((users, i) => {
    const specifiers = new Set<string>();
    for (const [user, list] of users) {
      const text = texts.get(inputs.blobOf(user) ?? '');
      if (text === undefined) continue;
      for (const { entry, locals } of list)
        if (locals.some((local) => wrapsImport(text, local))) for (const s of inputs.entries.get(entry) ?? []) specifiers.add(s);
    }
    if (specifiers.size > 0) found.set(i, [...specifiers].sort());
  });
  return found;
}

/** The local names `user` imports the changed export by (from its file or a barrel passing it on). */
function importedLocals(user: string, diff: SymbolDiff, passing: ReadonlySet<string>, inputs: WrapperInputs): string[] {
  const imported = diff.isDefault === true ? 'default' : diff.name;
  const locals: string[] = [];
  const record = inputs.recordOf(user);
  // Only a variable can hold the value under another name (a function or a class declares its own).
  if (!record?.exports.some((e) => e.from === undefined && (e.kind === 'variable' || e.kind === 'default-expression'))) return locals;
  for (const found of record.imports) {
    const to = inputs.resolve(user, found.specifier);
    if (!('path' in to) || !passing.has(to.path)) continue;
    for (const binding of found.bindings) if (binding.imported === imported) locals.push(binding.local);
  }
  return locals;
}
