import { createRequire } from 'node:module';
import type * as Jsonc from 'jsonc-parser';
import { normalizePath, type TsconfigPaths, type WorkspacePackage } from './resolve-specifier.js';
import { listScriptEntries } from './script-entries.js';
import { compareText } from '../text/compare-text.js';

// The parts of tsconfig.json files (JSON with comments, `extends` chains) and package.json files
// that module resolution needs, read from their text as staged.

interface CompilerPaths {
  baseUrl?: string; // repository-relative
  paths?: { base: string; map: Record<string, string[]> };
  outDirs?: string[]; // outDir, declarationDir: repository-relative
  rootDir?: string;
}

const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

// NOTE: jsonc-parser loads on the first file that plain JSON refuses (a tsconfig with comments),
// not with this module: loading it took most of the blast radius's module load, and a review
// whose config did not change reads no config file at all (the saved graph holds what they say).
const require = createRequire(import.meta.url);
let jsonc: typeof Jsonc | undefined;

/** A JSON object from JSON with comments and trailing commas (a tsconfig), or null. */
export function parseLenient(text: string): Record<string, unknown> | null {
  let value: unknown;
  try {
    value = JSON.parse(text); // most package.json files: several times faster than the JSONC parser
  } catch {
    const errors: Jsonc.ParseError[] = [];
    value = (jsonc ??= require('jsonc-parser') as typeof Jsonc).parse(text, errors, { allowTrailingComma: true });
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

// A monorepo's hundreds of tsconfigs extend a few shared ones, and a CI range reads them again
// for each commit that changes one: each text is parsed once (read, never changed, by the callers).
const parsedTsconfigs = new Map<string, Record<string, unknown> | null>();

function parseTsconfig(text: string): Record<string, unknown> | null {
  let json = parsedTsconfigs.get(text);
  if (json === undefined) {
    if (parsedTsconfigs.size >= 4096) parsedTsconfigs.clear();
    parsedTsconfigs.set(text, (json = parseLenient(text)));
  }
  return json;
}

/** The one folder an `include` list names, or null (several entries, files, wildcards in a name). */
function includedFolder(include: unknown): string | null {
  if (!Array.isArray(include) || include.length !== 1 || typeof include[0] !== 'string') return null;
  const folder = include[0].replace(/^\.\//, '').replace(/\/\*\*(?:\/\*(?:\.[\w*]+)?)?$|\/$/, '');
  return /^[\w-]+(?:\/[\w.-]+)*$/.test(folder) && !/\.[cm]?[jt]sx?$/.test(folder) ? folder : null;
}

// SvelteKit writes `.svelte-kit/tsconfig.json` at build time (not tracked), and the project's
// tsconfig extends it: its `paths` map `$lib` to `src/lib` beside `.svelte-kit`, SvelteKit's
// default (kit.files.lib; an alias set in svelte.config.js is code, not read).
// Nuxt writes `.nuxt/tsconfig.json` (`nuxi prepare`, not tracked), which the app's tsconfig
// extends: `~` and `@` are its source folder, `app/` in Nuxt 4's layout and the root before it
// (both tried, as TypeScript tries a path's targets in order), `~~` and `@@` its root (nuxt/ui's
// playground imports `~/types` from playground/app/types).
const NUXT_PATHS: Record<string, string[]> = {
  '~': ['app', '.'],
  '~/*': ['app/*', '*'],
  '@': ['app', '.'],
  '@/*': ['app/*', '*'],
  '~~': ['.'],
  '~~/*': ['*'],
  '@@': ['.'],
  '@@/*': ['*'],
};

function generatedPaths(file: string): CompilerPaths | null {
  if (/(?:^|\/)\.nuxt\/tsconfig\.json$/.test(file)) return { paths: { base: dirOf(dirOf(file)), map: NUXT_PATHS } };
  if (!/(?:^|\/)\.svelte-kit\/tsconfig\.json$/.test(file)) return null;
  return { paths: { base: dirOf(dirOf(file)), map: { $lib: ['src/lib'], '$lib/*': ['src/lib/*'] } } };
}

function readCompilerPaths(path: string, texts: ReadonlyMap<string, string>, depth = 0): CompilerPaths {
  const text = texts.get(path);
  const json = text === undefined || depth > 8 ? null : parseTsconfig(text);
  if (json === null) return {};
  const dir = dirOf(path);
  const extendsList = (Array.isArray(json.extends) ? json.extends : [json.extends]).filter((e): e is string => typeof e === 'string');
  let inherited: CompilerPaths = {};
  for (const parent of extendsList) {
    if (!parent.startsWith('.')) continue; // a package's shared config: not in this repository's files
    const target = normalizePath(`${dir}/${parent}`);
    const file = target.endsWith('.json') ? target : `${target}.json`;
    inherited = { ...inherited, ...(texts.has(file) ? readCompilerPaths(file, texts, depth + 1) : (generatedPaths(file) ?? {})) };
  }
  const options = (json.compilerOptions ?? {}) as {
    baseUrl?: unknown;
    paths?: unknown;
    outDir?: unknown;
    declarationDir?: unknown;
    rootDir?: unknown;
  };
  const own: CompilerPaths = {};
  const outDirs = [options.outDir, options.declarationDir]
    .filter((d): d is string => typeof d === 'string')
    .map((d) => normalizePath(`${dir}/${d}`));
  if (outDirs.length > 0) own.outDirs = outDirs;
  if (typeof options.rootDir === 'string') own.rootDir = normalizePath(`${dir}/${options.rootDir}`);
  // Without a rootDir, TypeScript builds from the common folder of its inputs: one folder
  // included (ajv's `"include": ["lib"]`, `"src/**/*"`) is that folder.
  else if (inherited.rootDir === undefined) {
    const folder = includedFolder(json.include);
    if (folder !== null) own.rootDir = normalizePath(`${dir}/${folder}`);
  }
  if (typeof options.baseUrl === 'string') own.baseUrl = normalizePath(`${dir}/${options.baseUrl}`);
  if (options.paths && typeof options.paths === 'object') own.paths = { base: dir, map: options.paths as Record<string, string[]> };
  return { ...inherited, ...own };
}

// jsconfig.json is a tsconfig.json for JavaScript (create-react-app, Vite and Next.js projects in
// JavaScript give their `@/*` paths there); beside a tsconfig.json, TypeScript reads that one.
const TSCONFIG = /(?:^|\/)(?:tsconfig(?:\.[\w-]+)?|jsconfig)\.json$/;

/** Whether a file is a TypeScript project config: tsconfig*.json or jsconfig.json. */
export const isTsconfigPath = (path: string): boolean => TSCONFIG.test(path);

/** Every tsconfig*.json and jsconfig.json of the repository, with `paths` made repository-relative. */
export function readTsconfigs(texts: ReadonlyMap<string, string>): TsconfigPaths[] {
  const configs: TsconfigPaths[] = [];
  for (const path of texts.keys()) {
    if (!TSCONFIG.test(path)) continue;
    if (path.endsWith('jsconfig.json') && texts.has(`${path.slice(0, -'jsconfig.json'.length)}tsconfig.json`)) continue;
    const { baseUrl, paths, outDirs, rootDir } = readCompilerPaths(path, texts);
    // TypeScript resolves `paths` against baseUrl when set, else against the config declaring them.
    const base = baseUrl ?? paths?.base ?? '';
    const entries = Object.entries(paths?.map ?? {}).map(
      ([pattern, targets]) =>
        [
          pattern,
          (Array.isArray(targets) ? targets : [])
            .filter((t): t is string => typeof t === 'string')
            .map((t) => normalizePath(`${base}/${t}`)),
        ] as const,
    );
    configs.push({ dir: dirOf(path), baseUrl: baseUrl ?? null, paths: entries, outDirs: outDirs ?? [], rootDir: rootDir ?? null });
  }
  // tsconfig.json before tsconfig.*.json of the same folder.
  return configs.sort((a, b) => compareText(a.dir, b.dir));
}

// Each package.json's package by path, while its text is the same: a CI range reads every manifest
// again for each commit that changes one (sentry: ~250 manifests, a version bump in most commits).
// A package is a value no caller changes, so the same object serves every read.
const readPackageFiles = new Map<string, { readonly text: string; readonly pkg: WorkspacePackage | null }>();

function readPackageFile(path: string, text: string): WorkspacePackage | null {
  const known = readPackageFiles.get(path);
  if (known !== undefined && known.text === text) return known.pkg;
  if (readPackageFiles.size >= 4096) readPackageFiles.clear();
  const pkg = parsePackage(path, text);
  readPackageFiles.set(path, { text, pkg });
  return pkg;
}

function parsePackage(path: string, text: string): WorkspacePackage | null {
  const json = parseLenient(text);
  if (!json || typeof json.name !== 'string') return null;
  const types = json.types ?? json.typings;
  const builtFrom = listScriptEntries(json.scripts);
  return {
    dir: dirOf(path),
    name: json.name,
    ...(json.exports !== undefined && { exports: json.exports }),
    ...(typeof json.main === 'string' && { main: json.main }),
    ...(typeof json.module === 'string' && { module: json.module }),
    // `typings`: the older spelling of `types`, which TypeScript still reads.
    ...(typeof types === 'string' && { types }),
    ...(json.imports !== undefined && { imports: json.imports }),
    ...(Object.keys(builtFrom).length > 0 && { builtFrom }),
    ...(json.private === true && { isPrivate: true as const }),
  };
}

/** Every named package.json of the repository (workspace members and the root). */
export function readPackages(texts: ReadonlyMap<string, string>): WorkspacePackage[] {
  const packages: WorkspacePackage[] = [];
  for (const [path, text] of texts) {
    if (!/(?:^|\/)package\.json$/.test(path)) continue;
    const pkg = readPackageFile(path, text);
    if (pkg !== null) packages.push(pkg);
  }
  // A monorepo's root is not installed under its name: remeda's root package.json is named
  // `remeda` like packages/remeda, which is what `import … from 'remeda'` loads. A root with an
  // entry of its own is the package (typedoc's, beside a test fixture's package.json named
  // `typedoc` too: its site plugins' `import … from "typedoc"` went unresolved).
  const hasEntry = (p: WorkspacePackage) => [p.exports, p.main, p.module, p.types].some((e) => e !== undefined);
  return packages.filter((p) => p.dir !== '' || hasEntry(p) || !packages.some((q) => q.dir !== '' && q.name === p.name));
}
