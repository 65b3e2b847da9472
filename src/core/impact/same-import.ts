import { moduleKey, type SameImport } from './find-changed-helper.js';
import type { Resolver } from './resolve-specifier.js';

// Whether a changed import of a changed file takes the same thing as before, as the project
// resolves it. socket.io's `import base64id from "base64id"` → `import { base64id } from
// "./contrib/base64id"` (a package replaced by a file the change adds) does not: every
// declaration calling it runs other code. `./util` → `./util.js`, or a barrel → the file it
// re-exports from (an existing file), do: an import reorganised is no behaviour change.

/** `importer`: the changed file, with its old path when it moved; `created`: the files this
 * change adds (or copies). */
export function sameImportUnder(resolve: Resolver, importer: { path: string; oldPath?: string }, created: ReadonlySet<string>): SameImport {
  return (before, after) => {
    if (before.imported !== after.imported) return false;
    if (moduleKey(before.specifier) === moduleKey(after.specifier)) return true;
    const [was, now] = [resolve(importer.oldPath ?? importer.path, before.specifier), resolve(importer.path, after.specifier)];
    // A package for another package, or a package for a file of the repository (or back).
    if ('external' in was || 'external' in now) return false;
    // Another file of the repository: only one this change writes is new code.
    if ('path' in now) return ('path' in was && was.path === now.path) || !created.has(now.path);
    return true;
  };
}
