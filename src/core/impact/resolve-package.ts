import { join, matchPattern, probe, type PathSet, type WorkspacePackage } from './resolve-specifier.js';

// A workspace package's import, resolved to the source file it is built from. package.json
// points at build output (build/types/index.d.ts, build/cjs/index.js), which git does not
// track: the package's tsconfig says where it comes from (outDir or declarationDir -> rootDir,
// src by default); without one, leading build folders are dropped (build/npm/esm/prod/x.js ->
// src/x). Only then the target as written (a committed file, a root shim).

export interface BuildDirs {
  readonly outDir: string;
  readonly rootDir: string | null;
}

const BUILD_FOLDERS = new Set([
  'build',
  'dist',
  'lib',
  'out',
  'npm',
  'cjs',
  'esm',
  'es',
  'esm2015',
  'mjs',
  'umd',
  'types',
  'types-ts3.8',
  'prod',
  'dev',
  'module',
  'commonjs',
  'node',
  'browser',
]);
const CONDITIONS = ['source', 'types', 'import', 'module', 'default', 'require', 'node'];
const stripDeclaration = (path: string) => path.replace(/\.d\.([cm]?)ts$/, '');
const JS_FILE = /\.[cm]?jsx?$/;

/** Every string target of an exports entry, source-like conditions first. */
function listTargets(entry: unknown, out: string[] = []): string[] {
  if (typeof entry === 'string') out.push(entry);
  else if (Array.isArray(entry)) for (const item of entry) listTargets(item, out);
  else if (entry && typeof entry === 'object') {
    const record = entry as Record<string, unknown>;
    const keys = [...CONDITIONS.filter((k) => k in record), ...Object.keys(record).filter((k) => !CONDITIONS.includes(k))];
    for (const key of keys) listTargets(record[key], out);
  }
  return out;
}

function toSource(files: PathSet, pkgDir: string, target: string, builds: readonly BuildDirs[]): string | null {
  // A bundler writes index.cjs and index.mjs from index.ts (mswjs/interceptors' tsup build):
  // TypeScript's `.cjs` -> `.cts` does not hold for build output.
  const probeBuilt = (files: PathSet, base: string): string | null =>
    probe(files, base) ?? (JS_FILE.test(base) ? probe(files, base.replace(JS_FILE, '')) : null);
  const path = join(pkgDir, target);
  for (const { outDir, rootDir } of builds) {
    if (!path.startsWith(`${outDir}/`)) continue;
    const found = probeBuilt(files, stripDeclaration(join(rootDir ?? join(pkgDir, 'src'), path.slice(outDir.length + 1))));
    if (found) return found;
  }
  const segments = (pkgDir === '' ? path : path.slice(pkgDir.length + 1)).split('/');
  let folders = 0;
  while (folders < segments.length - 1 && BUILD_FOLDERS.has(segments[folders]!)) folders++;
  for (let k = folders; k >= 1; k--) {
    const found = probeBuilt(files, stripDeclaration(join(pkgDir, 'src', ...segments.slice(k))));
    if (found) return found;
  }
  // A build folder inside an entry's own folder (TanStack router's dist/default-entry/esm/server.js,
  // built from src/default-entry/server.ts).
  const inner = segments.slice(folders, -1);
  if (folders > 0 && inner.some((s) => BUILD_FOLDERS.has(s))) {
    const found = probeBuilt(files, stripDeclaration(join(pkgDir, 'src', ...inner.filter((s) => !BUILD_FOLDERS.has(s)), segments.at(-1)!)));
    if (found) return found;
  }
  // A bundle named after its entry, in a folder of the build's own (dexie-cloud-addon's
  // dist/modern/dexie-cloud-addon.js, rollup's output of src/dexie-cloud-addon.ts).
  return folders > 0 && inner.length > 0 ? probeBuilt(files, stripDeclaration(join(pkgDir, 'src', segments.at(-1)!))) : null;
}

/** A target of a package's `imports` or `exports`, written relative to the package: its source file. */
export const resolveTarget = (files: PathSet, pkgDir: string, target: string, builds: readonly BuildDirs[]): string | null =>
  toSource(files, pkgDir, target, builds) ?? probe(files, join(pkgDir, target));

/**
 * The targets of the package.json `imports` entry a `#` specifier matches (`"#app/*": "./src/*"`),
 * source-like conditions first: an exact key, else the pattern with the longest prefix, as node
 * picks. A target not starting with `./` names another package.
 */
export function listImportTargets(imports: unknown, specifier: string): string[] {
  if (imports === null || typeof imports !== 'object' || Array.isArray(imports)) return [];
  const map = imports as Record<string, unknown>;
  if (specifier in map) return listTargets(map[specifier]);
  let best: { prefix: number; targets: string[] } | null = null;
  for (const [pattern, entry] of Object.entries(map)) {
    const star = pattern.includes('*') ? matchPattern(pattern, specifier) : null;
    if (star === null || (best !== null && pattern.indexOf('*') <= best.prefix)) continue;
    best = { prefix: pattern.indexOf('*'), targets: listTargets(entry).map((t) => t.replaceAll('*', star)) };
  }
  return best?.targets ?? [];
}

export function resolvePackage(files: PathSet, pkg: WorkspacePackage, subpath: string, builds: readonly BuildDirs[]): string | null {
  const key = subpath === '' ? '.' : `./${subpath}`;
  const candidates: string[] = [];
  if (pkg.exports !== undefined) {
    const isMap =
      typeof pkg.exports === 'object' &&
      pkg.exports !== null &&
      !Array.isArray(pkg.exports) &&
      Object.keys(pkg.exports).some((k) => k.startsWith('.'));
    const map = isMap ? (pkg.exports as Record<string, unknown>) : { '.': pkg.exports };
    for (const [pattern, entry] of Object.entries(map)) {
      const star = matchPattern(pattern, key);
      if (star !== null) candidates.push(...listTargets(entry).map((t) => t.replace('*', star)));
    }
  }
  if (subpath === '') candidates.push(...[pkg.types, pkg.module, pkg.main].filter((x): x is string => typeof x === 'string'));
  // The targets package.json writes, before the places guessed.
  const written = candidates.length;
  if (subpath === '') candidates.push('src/index', 'index');
  else candidates.push(subpath, `src/${subpath}`);
  for (const candidate of candidates) {
    const found = toSource(files, pkg.dir, candidate, builds);
    if (found) return found;
  }
  // A bundle (vue's `dist/vue.d.mts`) maps to no source file of its name: the package's
  // `src/index` is its source, before a tracked shim that loads the build (`index.mjs`).
  if (subpath === '') {
    const found = probe(files, join(pkg.dir, 'src/index'));
    if (found) return found;
  }
  // An entry a script builds from a source it names (dnd-kit's `./index.js`, `tsup src/core/index.ts`).
  for (const candidate of candidates.slice(0, written)) {
    const source = pkg.builtFrom?.[candidate.slice(candidate.lastIndexOf('/') + 1).replace(/(?:\.d)?\.[cm]?[jt]sx?$/, '')];
    const found = source === undefined ? null : probe(files, join(pkg.dir, source));
    if (found) return found;
  }
  for (const candidate of candidates) {
    const found = probe(files, join(pkg.dir, candidate));
    if (found) return found;
  }
  return null;
}

/** Targets under a `types` condition, and every other target, of one exports entry. */
function splitTargets(entry: unknown, isTypes: boolean, out: { types: string[]; runtime: string[] }): void {
  if (typeof entry === 'string') (isTypes ? out.types : out.runtime).push(entry);
  else if (Array.isArray(entry)) for (const item of entry) splitTargets(item, isTypes, out);
  else if (entry && typeof entry === 'object')
    for (const [key, value] of Object.entries(entry as Record<string, unknown>)) splitTargets(value, isTypes || key === 'types', out);
}

/**
 * Runtime source -> the source a subpath's `types` condition is built from, where the two
 * differ. sentry's `@sentry/solidstart/solidrouter`: its types (`./solidrouter.d.ts`) come from
 * src/solidrouter.ts, which declares `withSentryRouterRouting` itself; the browser runs
 * src/solidrouter.client.ts, which re-exports @sentry/solid's. Importers resolve to the types
 * source, as TypeScript does; what the runtime source passes on reaches them as values
 * (the walk steps on the types source as on a declaration file beside a script).
 */
export function listTypesSources(files: PathSet, pkg: WorkspacePackage, builds: readonly BuildDirs[], out: Map<string, string>): void {
  const exports = pkg.exports;
  if (exports === null || typeof exports !== 'object' || Array.isArray(exports)) return;
  for (const [pattern, entry] of Object.entries(exports as Record<string, unknown>)) {
    if (!pattern.startsWith('.') || pattern.includes('*')) continue;
    const targets = { types: [] as string[], runtime: [] as string[] };
    splitTargets(entry, false, targets);
    if (targets.types.length === 0) continue;
    const known = new Map<string, string | null>(); // browser.types and node.types name one file
    const sourceOf = (target: string) => {
      let found = known.get(target);
      if (found === undefined) known.set(target, (found = toSource(files, pkg.dir, target, builds)));
      return found;
    };
    const types = targets.types.map(sourceOf).find((found) => found !== null);
    if (types === undefined) continue;
    const runtimes = new Set(targets.runtime.map(sourceOf).filter((found) => found !== null));
    // A types source that also runs somewhere (@sentry/opentelemetry's src/index.ts, whose browser
    // build is src/index.browser.ts) is what its importers run unless their bundler picks the
    // variant: only a source that never runs stands for the others.
    if (runtimes.has(types)) continue;
    for (const runtime of runtimes) if (!out.has(runtime)) out.set(runtime, types);
  }
}
