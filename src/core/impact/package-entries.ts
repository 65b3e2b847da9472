import { listPublicEntries } from './public-api.js';
import { findTypesSources, type PathSet, type Resolver, type TsconfigPaths, type WorkspacePackage } from './resolve-specifier.js';

// What every workspace package's manifest resolves to under one resolution (the graph's paths,
// packages and tsconfigs): the entry files (the risk's entry points), the public entries with
// their specifiers (public-api.ts), and each subpath's runtime source -> its types source
// (resolve-package.ts `listTypesSources`). They depend on nothing else, so the saved graph keeps
// them (graph-cache.ts): a warm run on sentry-javascript resolved every package's entries again,
// ~15% of its CPU (docs/speed.md, round 50).

export interface PackageEntries {
  /** The file each package's own name resolves to, in package order. */
  readonly entryPoints: readonly string[];
  /** Each entry file of a publishable package -> the specifiers that load it, in `listPublicEntries` order. */
  readonly publicEntries: ReadonlyMap<string, string[]>;
  readonly typesSources: ReadonlyMap<string, string>;
}

/** The entry files of `packages`' own names (`@sentry/core` -> packages/core/src/index.ts). */
export const listEntryPoints = (packages: readonly WorkspacePackage[], resolve: Resolver): string[] =>
  packages.map((p) => resolve(`${p.dir}/package.json`, p.name)).flatMap((r) => ('path' in r ? [r.path] : []));

/** Every entry of the packages, resolved by `resolve` among `files` (the paths `resolve` finds files among). */
export function computePackageEntries(
  files: PathSet,
  resolve: Resolver,
  packages: readonly WorkspacePackage[],
  tsconfigs: readonly TsconfigPaths[],
): PackageEntries {
  return {
    entryPoints: listEntryPoints(packages, resolve),
    publicEntries: listPublicEntries(packages, resolve),
    typesSources: findTypesSources(files, tsconfigs, packages),
  };
}

/** The entries as the graph file's head holds them: plain arrays, in their maps' order. */
export interface StoredEntries {
  readonly entryPoints: string[];
  readonly publicEntries: Array<[string, string[]]>;
  readonly typesSources: Array<[string, string]>;
}

export const storeEntries = (entries: PackageEntries): StoredEntries => ({
  entryPoints: [...entries.entryPoints],
  publicEntries: [...entries.publicEntries].map(([path, specifiers]) => [path, [...specifiers]]),
  typesSources: [...entries.typesSources],
});

const isText = (x: unknown): x is string => typeof x === 'string';
const isTexts = (x: unknown): x is string[] => Array.isArray(x) && x.every(isText);

/** The entries back from what a file held, or null when it is not of their shape (they are then resolved again). */
export function readStoredEntries(stored: unknown): PackageEntries | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { entryPoints, publicEntries, typesSources } = stored as Record<string, unknown>;
  if (!isTexts(entryPoints) || !Array.isArray(publicEntries) || !Array.isArray(typesSources)) return null;
  const isPublic = (e: unknown) => Array.isArray(e) && e.length === 2 && isText(e[0]) && isTexts(e[1]);
  const isTypes = (e: unknown) => Array.isArray(e) && e.length === 2 && isText(e[0]) && isText(e[1]);
  if (!publicEntries.every(isPublic) || !typesSources.every(isTypes)) return null;
  return {
    entryPoints,
    publicEntries: new Map(publicEntries as Array<[string, string[]]>),
    typesSources: new Map(typesSources as Array<[string, string]>),
  };
}
