// Resolves an import specifier to a tracked file the way the project resolves modules: relative
// paths with and without extensions, index files, `.js` specifiers that name `.ts` sources,
// tsconfig `baseUrl` and `paths`, workspace packages by package.json name, exports, main, and
// a package's own `#` specifiers by its package.json `imports`.
// Pure: it works on the list of tracked files and the parsed config files, never the disk.

import type { BareAnswers } from './bare-answers.js';
import { listImportTargets, listTypesSources, resolvePackage, resolveTarget, type BuildDirs } from './resolve-package.js';

export interface TsconfigPaths {
  /** Folder of the tsconfig.json (repository-relative, '' for the root). */
  readonly dir: string;
  /** Repository-relative baseUrl folder, or null. */
  readonly baseUrl: string | null;
  /** Pattern -> substitutions, already relative to the repository root. */
  readonly paths: ReadonlyArray<readonly [string, readonly string[]]>;
  /** Repository-relative outDir and declarationDir: where the build writes what rootDir holds. */
  readonly outDirs?: readonly string[];
  readonly rootDir?: string | null;
}

export interface WorkspacePackage {
  readonly dir: string;
  readonly name: string;
  /** package.json `exports`, `main`, `module`, `types` as written. */
  readonly exports?: unknown;
  readonly main?: string;
  readonly module?: string;
  readonly types?: string;
  /** package.json `imports` as written: `#` specifiers of the package's own files. */
  readonly imports?: unknown;
  /** Entry file name -> the package-relative source a package.json script builds it from. */
  readonly builtFrom?: Readonly<Record<string, string>>;
  /** `"private": true`: never published, its users are all in the repository. */
  readonly isPrivate?: true;
}

/** The tracked files a specifier may resolve to (a Set, or the saved graph's path index). */
export interface PathSet {
  has(path: string): boolean;
}

/** Specifiers no npm package can have (`@/components/x`, `~/lib/y`): aliases, or nothing. */
const ALIAS_ONLY = /^[@~]\//;
export const isAliasOnly = (specifier: string): boolean => ALIAS_ONLY.test(specifier);

export type Resolution = { readonly path: string } | { readonly external: string } | { readonly unresolved: string };

const NOT_A_MODULE = /\.(?:json|css|scss|sass|less|svg|png|jpe?g|gif|webp|wasm|html|md|txt)$/;
const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
// As TypeScript tries them: `./options.js` may be a hand-written `options.d.ts` (execa's types/).
const JS_TO_TS: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.d.ts'],
  '.jsx': ['.tsx', '.d.ts'],
  '.mjs': ['.mts', '.d.mts'],
  '.cjs': ['.cts', '.d.cts'],
};

export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
export const join = (...parts: string[]) => normalizePath(parts.filter((p) => p !== '').join('/'));

/** Tries a path as written, with JS->TS swaps, with each extension, and as a folder index. */
export function probe(files: PathSet, base: string): string | null {
  if (files.has(base)) return declarationBeside(files, base) ?? base;
  const ext = /\.[cm]?jsx?$/.exec(base)?.[0];
  if (ext) {
    for (const swap of JS_TO_TS[ext] ?? []) {
      const candidate = base.slice(0, -ext.length) + swap;
      if (files.has(candidate)) return candidate;
    }
  }
  for (const extension of EXTENSIONS) if (files.has(base + extension)) return base + extension;
  for (const extension of EXTENSIONS) if (files.has(`${base}/index${extension}`)) return `${base}/index${extension}`;
  return null;
}

const JS_FILE = /\.[cm]?jsx?$/;
const DECLARATION = /\.d\.([cm]?)ts$/;
const SCRIPT = /\.([cm]?)js$/;

/** The declaration file TypeScript reads for a JavaScript file (`pino.js` -> `pino.d.ts`). */
export function declarationPath(path: string): string | null {
  const script = SCRIPT.exec(path);
  return script ? `${path.slice(0, script.index)}.d.${script[1]}ts` : null;
}

/** TypeScript resolves `./pino.js` to the `pino.d.ts` beside it (pino's type tests): a
 * JavaScript importer gets the `.js` back (`runtimeFile`). */
function declarationBeside(files: PathSet, path: string): string | null {
  const declaration = declarationPath(path);
  return declaration !== null && files.has(declaration) ? declaration : null;
}

/** pino's `require('./pino')` finds pino.d.ts first, as TypeScript resolves, but node runs
 * pino.js: a declaration file beside a JavaScript file of the same name describes it, and a
 * JavaScript importer uses the JavaScript file. */
export function runtimeFile(files: PathSet, path: string): string {
  const declaration = DECLARATION.exec(path);
  if (!declaration) return path;
  const script = `${path.slice(0, declaration.index)}.${declaration[1]}js`;
  return files.has(script) ? script : path;
}

export function matchPattern(pattern: string, specifier: string): string | null {
  const star = pattern.indexOf('*');
  if (star < 0) return pattern === specifier ? '' : null;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  if (!specifier.startsWith(prefix) || !specifier.endsWith(suffix) || specifier.length < prefix.length + suffix.length) return null;
  return specifier.slice(prefix.length, specifier.length - suffix.length);
}

/** Where a package's tsconfigs build to, and from. */
const buildsOf = (tsconfigs: readonly TsconfigPaths[], pkg: WorkspacePackage): BuildDirs[] =>
  tsconfigs.filter((c) => c.dir === pkg.dir).flatMap((c) => (c.outDirs ?? []).map((outDir) => ({ outDir, rootDir: c.rootDir ?? null })));

/** Each workspace subpath's runtime source -> its types source, where they differ (`listTypesSources`). */
export function findTypesSources(
  files: PathSet,
  tsconfigs: readonly TsconfigPaths[],
  packages: readonly WorkspacePackage[],
): Map<string, string> {
  const out = new Map<string, string>();
  const byDir = new Map<string, TsconfigPaths[]>();
  for (const c of tsconfigs) byDir.set(c.dir, [...(byDir.get(c.dir) ?? []), c]);
  for (const pkg of packages)
    if (pkg.exports !== undefined && pkg.exports !== null) listTypesSources(files, pkg, buildsOf(byDir.get(pkg.dir) ?? [], pkg), out);
  return out;
}

export type Resolver = (from: string, specifier: string) => Resolution;

/** `bare`: answers kept from an earlier resolver, when `files` is the set its `begin` gave. */
export function createResolver(
  files: PathSet,
  tsconfigs: readonly TsconfigPaths[],
  packages: readonly WorkspacePackage[],
  bare?: BareAnswers,
): Resolver {
  // The longest name first; of two packages with one name, the shallower (typedoc's root
  // package.json beside its test fixture src/test/converter2/package.json, also "typedoc").
  const depthOf = (dir: string) => (dir === '' ? 0 : dir.split('/').length);
  const byName = [...packages].sort((a, b) => b.name.length - a.name.length || depthOf(a.dir) - depthOf(b.dir));
  // Files of one folder import the same specifiers over and over: resolve each pair once.
  const memo = new Map<string, Map<string, Resolution>>();
  let lastFrom = '';
  let lastMemo = new Map<string, Resolution>();
  // The nearest tsconfig of each folder, found once: a monorepo has hundreds of them. It is the
  // first config (in the given order) of the deepest folder holding one, up from `dir`.
  const configOf = new Map<string, TsconfigPaths | undefined>();
  const firstOfDir = new Map<string, TsconfigPaths>();
  for (const c of tsconfigs) if (!firstOfDir.has(c.dir)) firstOfDir.set(c.dir, c);
  const nearestConfig = (dir: string) => {
    let config = configOf.get(dir);
    if (config === undefined && !configOf.has(dir)) {
      for (let at = dir; config === undefined; at = dirOf(at)) {
        config = firstOfDir.get(at);
        if (at === '') break;
      }
      configOf.set(dir, config);
    }
    return config;
  };
  // A bare specifier resolves the same from every folder under one tsconfig.
  const bareMemo = new Map<TsconfigPaths | undefined, Map<string, Resolution>>();
  const resolveBare = (files: PathSet, config: TsconfigPaths | undefined, specifier: string): Resolution => {
    const found = resolveByConfig(files, config, specifier);
    if (found) return found;
    const pkg = byName.find((p) => specifier === p.name || specifier.startsWith(`${p.name}/`));
    // `@acme/core/package.json`, a stylesheet: a file of the package, but not a module.
    if (pkg && NOT_A_MODULE.test(specifier)) return { external: specifier };
    if (pkg) {
      const found = resolvePackage(files, pkg, specifier.slice(pkg.name.length + 1), buildsOf(tsconfigs, pkg));
      return found ? { path: found } : { unresolved: specifier };
    }
    // A folder's own tsconfig without the alias, inside a project whose tsconfig includes it and
    // maps it (vite's playground/tsconfig.json `~utils` for playground/*/__tests__/serve.ts).
    for (let at = config; at !== undefined && at.dir !== '';) {
      at = nearestConfig(dirOf(at.dir));
      const outer = resolveByConfig(files, at, specifier);
      if (outer) return outer;
    }
    // No package has such a name: an alias no tsconfig or jsconfig maps (given only to a bundler:
    // vite.config.js's `'@': 'src'` without a jsconfig.json) leaves its importers' users unfound, and
    // says so. One a config maps to no file is generated (hoppscotch's `~/helpers/backend/graphql`),
    // and a stylesheet or `?raw` text is no module: as before.
    const isModule = !NOT_A_MODULE.test(specifier) && !specifier.includes('?');
    return ALIAS_ONLY.test(specifier) && isModule && !isMapped(config, specifier) ? { unresolved: specifier } : { external: specifier };
  };
  /** Whether a `paths` pattern of the nearest config or one it sits in matches the specifier. */
  const isMapped = (config: TsconfigPaths | undefined, specifier: string): boolean => {
    for (let at = config; at !== undefined; at = at.dir === '' ? undefined : nearestConfig(dirOf(at.dir)))
      if (at.paths.some(([pattern]) => matchPattern(pattern, specifier) !== null)) return true;
    return false;
  };
  const resolveByConfig = (files: PathSet, config: TsconfigPaths | undefined, specifier: string): Resolution | null => {
    if (config) {
      for (const [pattern, substitutions] of config.paths) {
        const star = matchPattern(pattern, specifier);
        if (star === null) continue;
        for (const substitution of substitutions) {
          const found = probe(files, normalizePath(substitution.replace('*', star)));
          if (found) return { path: found };
        }
      }
      if (config.baseUrl !== null) {
        const found = probe(files, join(config.baseUrl, specifier));
        if (found) return { path: found };
      }
    }
    return null;
  };
  const byDir = new Map(packages.map((p) => [p.dir, p]));
  // ariakit's app/package.json `"imports": { "#app/*": "./src/*" }`: a `#` specifier is looked up
  // in the package.json of the importer's package, after the tsconfig's `paths` (as TypeScript).
  const resolveOwnImport = (from: string, config: TsconfigPaths | undefined, specifier: string): Resolution | null => {
    let at = dirOf(from);
    while (!byDir.has(at) && at !== '') at = dirOf(at);
    const pkg = byDir.get(at);
    if (pkg?.imports === undefined) return null;
    const byConfig = resolveByConfig(files, config, specifier);
    if (byConfig) return byConfig;
    for (const target of listImportTargets(pkg.imports, specifier)) {
      const found = target.startsWith('./') ? resolveTarget(files, pkg.dir, target, buildsOf(tsconfigs, pkg)) : null;
      if (found) return { path: found };
      if (!target.startsWith('.')) return resolveBare(files, config, target);
    }
    return { unresolved: specifier };
  };
  const resolve = (from: string, specifier: string): Resolution => {
    if (specifier.startsWith('.') || specifier.startsWith('/')) {
      const path = specifier.startsWith('/') ? normalizePath(specifier) : join(dirOf(from), specifier);
      // A folder with a package.json and no index loads its entry, as TypeScript reads it (zag's
      // packages/core/tests: `import { createMachine } from '..'`, `main: src/index.ts`).
      const pkg = byDir.get(path);
      const found = probe(files, path) ?? (pkg ? resolvePackage(files, pkg, '', buildsOf(tsconfigs, pkg)) : null);
      // `require('../package.json')`, `import styles from './a.css'` (discord.js: 55 of 72 unresolved): no module.
      if (!found && NOT_A_MODULE.test(specifier)) return { external: specifier };
      return found ? { path: found } : { unresolved: specifier };
    }
    const config = nearestConfig(dirOf(from));
    const own = specifier.startsWith('#') ? resolveOwnImport(from, config, specifier) : null;
    if (own) return own;
    let memo = bareMemo.get(config);
    if (!memo) bareMemo.set(config, (memo = new Map()));
    let resolution = memo.get(specifier);
    if (!resolution) {
      resolution =
        bare === undefined
          ? resolveBare(files, config, specifier)
          : bare.answer(config, specifier, files, (checked) => resolveBare(checked, config, specifier));
      memo.set(specifier, resolution);
    }
    return resolution;
  };
  return (from, specifier) => {
    if (from !== lastFrom) {
      // A JavaScript file runs what node loads: its folder keeps answers of its own.
      const key = JS_FILE.test(from) ? `${dirOf(from)}\0js` : dirOf(from);
      lastFrom = from;
      lastMemo = memo.get(key) ?? new Map();
      memo.set(key, lastMemo);
    }
    let resolution = lastMemo.get(specifier);
    if (resolution === undefined) {
      resolution = resolve(from, specifier);
      if ('path' in resolution && JS_FILE.test(from)) resolution = { path: runtimeFile(files, resolution.path) };
      lastMemo.set(specifier, resolution);
    }
    return resolution;
  };
}
