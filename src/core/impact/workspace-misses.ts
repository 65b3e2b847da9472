import { isFixturePath } from '../change/test-path.js';
import { isAliasOnly, type WorkspacePackage } from './resolve-specifier.js';

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

/**
 * The misses that can hide users of this change: a module that does not resolve would sit in the
 * package its specifier names, so it can only use the change when that package's files are among
 * the changed files or their dependents (hoppscotch: selfhost-web's import of a generated
 * `@hoppscotch/common/helpers/backend/graphql` was warned about on every backend commit). A miss
 * whose package is not known, or is the root, always counts; so does every miss when the
 * dependents are cut short (`isComplete` false).
 */
export function missesNearChange(
  misses: readonly Unresolved[],
  packages: readonly WorkspacePackage[],
  reached: readonly string[],
  isComplete: boolean,
): Unresolved[] {
  if (!isComplete) return [...misses];
  return misses.filter((miss) => {
    const owners = packages.filter((p) => miss.specifier === p.name || miss.specifier.startsWith(`${p.name}/`));
    if (owners.length === 0 || owners.some((p) => p.dir === '' || p.dir === '.')) return true;
    return owners.some((p) => reached.some((path) => path.startsWith(`${p.dir}/`)));
  });
}

/** The report's one line about the misses, by what they are: path aliases, generated modules (`#…`), else workspace packages. */
export function describeMisses(misses: readonly Unresolved[]): string {
  const [count, { specifier, from }] = [misses.length, misses[0]!];
  const one = count === 1;
  if (misses.every((m) => isAliasOnly(m.specifier)))
    return `${count} import${one ? ' through a path alias does' : 's through path aliases do'} not resolve (e.g. ${specifier} from ${from}): their users are missing; TypeScript reads aliases from a tsconfig.json or jsconfig.json \`paths\` (--debug lists them)`;
  // Nuxt's `#imports` and `#build/…`: modules a build writes, re-exporting the project's own code.
  if (misses.every((m) => m.specifier.startsWith('#')))
    return `${count} import${one ? ' of a generated module does' : 's of generated modules do'} not resolve (e.g. ${specifier} from ${from}: \`#\` names a package.json "imports" entry or a framework's build output, not written in this repository): users of the change through them are missing (--debug lists them)`;
  return `${count} import${one ? ' of a workspace package does' : 's of workspace packages do'} not resolve (e.g. ${specifier} from ${from}): their users are missing (--debug lists them)`;
}
