import { isFixturePath } from '../change/test-path.js';
import type { WorkspacePackage } from './resolve-specifier.js';

interface Unresolved {
  readonly from: string;
  readonly specifier: string;
}

/**
 * The unresolved bare imports that lose users of the project: an import of a workspace package
 * that does not reach a file. A fixture's imports are none (pnpm/pnpm's
 * `pnpr/.fixtures/…/postinstall.js` requires `is-positive` from npm), nor is a name that only
 * packages inside fixture folders declare (its `test/fixtures/…/is-positive/package.json`):
 * nothing installs those under their name.
 */
export function listWorkspaceMisses(unresolved: readonly Unresolved[], packages: readonly WorkspacePackage[]): Unresolved[] {
  const onlyInFixtures = (specifier: string) => {
    const owners = packages.filter((p) => specifier === p.name || specifier.startsWith(`${p.name}/`));
    return owners.length > 0 && owners.every((p) => isFixturePath(`${p.dir}/`));
  };
  return unresolved.filter(
    (u) => !u.specifier.startsWith('.') && !u.specifier.startsWith('/') && !isFixturePath(u.from) && !onlyInFixtures(u.specifier),
  );
}
