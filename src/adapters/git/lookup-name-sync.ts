import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isUnreadPackage, readDeclaredPackages } from './read-declared-packages-sync.js';
import { isWrittenInTexts } from './path-texts.js';

// Whether a name an answer uses exists in the repository, synchronously (the prompt validates
// as the person types and cannot wait). Asked only for the few names the change itself does
// not contain, each once: platform names first (passed in), then `git grep` on the staged index
// or a commit's tree, then the type declarations of the packages package.json depends on.

const isComponentFile = (segment: string) => /\.(?:vue|svelte|astro)$/.test(segment);
const componentWord = (segment: string) => segment.replace(/\.(?:vue|svelte|astro)$/, '').replace(/[^a-z0-9_$]+/g, '');

export type NameSource = { readonly kind: 'index' } | { readonly kind: 'tree'; readonly rev: string };

function git(root: string, args: readonly string[]): { code: number; stdout: string } {
  try {
    // stdio ignored but stdout: a failure is "not found" (exit 1) or no such object (128), never noise.
    const stdout = execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return { code: 0, stdout };
  } catch (error) {
    return { code: (error as { status?: number }).status ?? 2, stdout: '' };
  }
}

/** A dependency's file whose names an answer may use: its type declarations, and the JSON schema
 * of its configuration (Biome's rule names, `useLiteralKeys`, are in `configuration_schema.json`
 * alone: midday db458378c8 sets it in biome.json). */
export const isDeclarationFile = (file: string) => /\.d\.m?ts$/.test(file) || /(?:^|[._-])schema\.json$/i.test(file);

/** Workspace packages a change touches, at most: each adds its dependencies' declarations. */
const MAX_PACKAGES = 4;

/** The folder of the nearest package.json above `path` (in the work tree), '' for the root, or
 * undefined when none is below the root. */
function packageDirOf(root: string, path: string): string | undefined {
  const parts = path.split('/').slice(0, -1);
  for (let n = parts.length; n > 0; n--) {
    const dir = parts.slice(0, n).join('/');
    if (/(?:^|\/)node_modules(?:\/|$)/.test(dir)) return undefined;
    if (existsSync(join(root, dir, 'package.json'))) return dir;
  }
  return undefined;
}

/**
 * The installed declaration folders (relative to the root: `node_modules/react`,
 * `packages/front-end/node_modules/next`), and whether a declared package is not installed. The
 * root's manifest, and the manifests of the workspace packages holding `paths` (growthbook
 * d3bfc678de names Next's `images.maximumDiskCacheSize`: `next` is a dependency of
 * packages/front-end/package.json, installed in its node_modules or hoisted to the root's).
 */
export function readDependencyDirs(root: string, paths: readonly string[] = []): { dirs: string[]; isIncomplete: boolean } {
  const dirs = new Set<string>();
  let isIncomplete = false;
  const packages = [...new Set(paths.map((p) => packageDirOf(root, p)).filter((d) => d !== undefined && d !== ''))].slice(0, MAX_PACKAGES);
  for (const pkg of ['', ...packages] as string[]) {
    try {
      const manifest = JSON.parse(readFileSync(join(root, pkg, 'package.json'), 'utf8')) as Record<
        string,
        Record<string, string> | undefined
      >;
      for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
        for (const name of Object.keys(manifest[field] ?? {})) {
          const types = `@types/${name.replace(/^@([^/]+)\/(.+)$/, '$1__$2')}`;
          // Installed beside the package, or hoisted to the root.
          const where = (dep: string) => [join(pkg, 'node_modules', dep), join('node_modules', dep)].find((d) => existsSync(join(root, d)));
          const found = where(name);
          // A CI job that did not install the dependencies cannot tell their names from invented
          // ones: such a name is given the benefit of the doubt, so CI never refuses what the hook,
          // with node_modules, accepted.
          // The root's alone decides it: a workspace package's dependency not installed only lends nothing.
          if (found === undefined && pkg === '' && field !== 'optionalDependencies' && field !== 'peerDependencies') isIncomplete = true;
          for (const dir of [found, where(types)]) if (dir !== undefined) dirs.add(dir);
        }
      }
    } catch {
      // No package.json (or not JSON): no dependencies to look in.
    }
  }
  if (existsSync(join(root, 'node_modules', '@types', 'node'))) dirs.add(join('node_modules', '@types', 'node'));
  return { dirs: [...dirs], isIncomplete };
}

/** The root's ignore files: .gitignore, .prettierignore, .eslintignore, .npmignore, .dockerignore … */
const IGNORE_FILE = /^\.[a-z]+ignore$/;

/**
 * Whether a folder (its path from the root, lower-cased) is one that ignore files name (their
 * text, joined): a plain name (`dist`, `.vscode/`) at any depth, or at the root with a leading `/`;
 * a name after `**\/` (`**\/dist`) at any depth; a name's end after `*` (`*.vscode`, keystone's
 * .prettierignore); a folder path (`docs/public/assets/`) from the root. Other patterns (`*`,
 * `src/*`, `*.{js,ts}`, `!keep`) are left out: an ignore file of `*` and exceptions (an .npmignore)
 * names every folder, and a path under it says nothing.
 */
export function readIgnoredFolders(text: string): (folder: string) => boolean {
  const anywhere = new Set<string>();
  const atRoot = new Set<string>();
  const endings: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim().toLowerCase();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const isAnchored = line.startsWith('/') || (/.\/./.test(line.replace(/\/$/, '')) && !line.startsWith('**/'));
    const folder = line
      .replace(/^\//, '')
      .replace(/^\*\*\//, '')
      .replace(/\/$/, '');
    if (/^\*[^*?[\]{}\\/]{2,}$/.test(folder)) endings.push(folder.slice(1));
    else if (folder !== '' && !/[*?[\]{}\\]/.test(folder)) (isAnchored ? atRoot : anywhere).add(folder);
  }
  return (folder) => {
    const name = folder.slice(folder.lastIndexOf('/') + 1);
    return anywhere.has(name) || atRoot.has(folder) || endings.some((ending) => name.endsWith(ending));
  };
}

/** The names index, when one is built (names-index.ts): once it is there, no name costs a process. */
export type ReadNamesIndex = () =>
  | {
      names: ReadonlySet<string>;
      paths: readonly string[];
      dependencyNames: ReadonlySet<string> | 'incomplete';
      /** The texts' words written as paths (names-index.ts): a path none of them holds is not grepped for. */
      pathTexts?: ReadonlySet<string>;
    }
  | undefined;

export function createNameLookup(
  root: string,
  source: NameSource,
  platformNames: () => ReadonlySet<string>,
  namesIndex: ReadNamesIndex = () => undefined,
  /** The change's paths: the workspace packages holding them lend their dependencies' names. */
  changedPaths: readonly string[] = [],
): (name: string, kind: 'identifier' | 'path', qualifier?: string) => boolean {
  const known = new Map<string, boolean>();
  let declared: Map<string, string[]> | undefined;
  let paths: string[] | undefined;
  let pathWords: Set<string> | undefined;
  let deps: { dirs: string[]; isIncomplete: boolean } | undefined;
  const where = source.kind === 'index' ? ['--cached'] : [source.rev];
  // Where a declared dependency is not installed, an unfound name may be one of its names. CI
  // (a commit's tree, often without node_modules) gives it the benefit of the doubt, so it never
  // refuses what the hook accepted; the hook does not: a name it cannot find anywhere is refused,
  // and the answer it accepts is one CI accepts too.
  const mayDoubt = source.kind === 'tree';
  const listPaths = () =>
    (paths ??= (
      source.kind === 'index' ? git(root, ['ls-files', '-z']) : git(root, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', source.rev])
    ).stdout
      .split('\0')
      .map((p) => p.toLowerCase()));
  // A file's or folder's name is a name of the repository though no text spells it: the question
  // itself may name `tests/middlewareTypes.test.tsx` (found on zustand), and `middlewareTypes` is
  // how an answer says it. Each path segment, and each of its dot-separated parts.
  // A Vue or Svelte component is named after its file: `user-card.vue` is `UserCard` (as the
  // questions name it, and `<UserCard>` in a template).
  // Built with plain loops, once a review: sentry-javascript's 10,000 paths took 150-250 ms
  // through nested flatMap at load 17 (a review's first unknown name paid it), 15-65 ms so.
  const readPathWords = () => {
    const words = new Set<string>();
    const segments = new Set<string>();
    for (const path of listPaths())
      for (const segment of path.split('/')) {
        if (segments.has(segment)) continue;
        segments.add(segment);
        words.add(segment);
        if (segment.includes('.')) for (const part of segment.split('.')) words.add(part);
        if (isComponentFile(segment)) words.add(componentWord(segment));
      }
    return words;
  };
  const isPathWord = (lower: string) => (pathWords ??= readPathWords()).has(lower);
  // -F -w: the name as a whole word, not a pattern; -i: answers are not always cased as the code.
  const grep = (name: string) => git(root, ['grep', '-q', '-I', '-F', '-w', '-i', '-e', name, ...where, '--']).code === 0;
  const inDependencies = (name: string) => {
    deps ??= readDependencyDirs(root, changedPaths);
    if (deps.isIncomplete && mayDoubt) return true;
    if (deps.dirs.length === 0) return false;
    const specs = deps.dirs.flatMap((d) => [`:(glob)${d}/**/*.d.ts`, `:(glob)${d}/**/*.d.mts`, `:(glob)${d}/**/*schema.json`]);
    return git(root, ['grep', '--no-index', '-q', '-I', '-F', '-w', '-i', '-e', name, '--', ...specs]).code === 0;
  };
  // A path from the author's machine (`/Users/ana/work/prettier/src/printer-postcss.js`) names the
  // tracked file its end spells from the root (`src/printer-postcss.js`).
  const isMachinePath = (lower: string) => {
    if (!/^(?:\/|~\/|[a-z]:[\\/])/.test(lower)) return false;
    const segments = lower.split(/[\\/]/).filter((s) => s !== '');
    const tails = new Set(segments.map((_, at) => segments.slice(at).join('/')));
    return listPaths().some((p) => tails.has(p));
  };
  // A path under a folder a root ignore file names (.gitignore's `dist` for `dist/*.js`,
  // .prettierignore's `.vscode` for `.vscode/launch.json`): build output or a machine's
  // settings, which no tracked file shows: not the repository's to deny.
  let isIgnoredFolder: ((folder: string) => boolean) | undefined;
  const isUnderIgnoredFolder = (lower: string) => {
    isIgnoredFolder ??= readIgnoredFolders(
      listPaths()
        .filter((p) => IGNORE_FILE.test(p))
        .map((p) => git(root, ['show', `${source.kind === 'index' ? '' : source.rev}:${p}`]).stdout)
        .join('\n'),
    );
    // ... and that holds no tracked file: an .npmignore's `packages` or an .eslintignore's `docs/`
    // are the repository's sources (jest 6c84ede302), where a path found nowhere is still refused.
    const folders = lower.split('/').slice(0, -1);
    return folders.some((_, at) => {
      const folder = folders.slice(0, at + 1).join('/');
      return isIgnoredFolder!(folder) && !listPaths().some((p) => p.startsWith(`${folder}/`));
    });
  };
  return (name, kind, qualifier) => {
    const key = `${kind}:${name.toLowerCase()}:${qualifier?.toLowerCase() ?? ''}`;
    let found = known.get(key);
    if (found === undefined) {
      const lower = name.toLowerCase().replace(/^\.\//, '');
      const index = namesIndex();
      if (index !== undefined) paths ??= [...index.paths];
      found =
        kind === 'identifier' && index !== undefined
          ? platformNames().has(lower) ||
            index.names.has(lower) ||
            isPathWord(lower) ||
            (index.dependencyNames === 'incomplete' ? mayDoubt : index.dependencyNames.has(lower))
          : kind === 'path'
            ? listPaths().some((p) => p === lower || p.endsWith(`/${lower}`)) ||
              isMachinePath(lower) ||
              isUnderIgnoredFolder(lower) ||
              // Written in a text (a build output package.json names, a docs link): the index's path words
              // answer as `git grep` does, without reading every file again for each path (names-index.ts).
              ((index?.pathTexts === undefined ? undefined : isWrittenInTexts(name.toLowerCase(), index.pathTexts)) ?? grep(name))
            : platformNames().has(lower) || grep(name) || isPathWord(lower) || inDependencies(name);
      // A member of a package the repository declares (`React.renderToString`, react in a
      // package.json) whose declarations are not installed cannot be told from an invented one:
      // where they cannot be read, the name is given the benefit of the doubt; where they can,
      // it is looked for there (above) and refused when absent.
      if (!found && qualifier !== undefined && kind === 'identifier')
        found = isUnreadPackage(root, (declared ??= readDeclaredPackages(root, source)), qualifier);
      known.set(key, found);
    }
    return found;
  };
}
