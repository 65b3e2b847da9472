import { compileGlobs } from '../globs.js';

// Files that are listed but do not count toward the budget: nobody reads them line by line.
// Each rule names its reason, which the report prints beside the file.

export interface PathAttributes {
  /** `linguist-generated` is set (or true). */
  readonly generated: boolean;
  /** `linguist-vendored` is set (or true). */
  readonly vendored: boolean;
  /** `-diff` (diff unset): git itself shows no text diff for it. */
  readonly noDiff: boolean;
}

// Built-in rules are names, suffixes and folders rather than globs: the hook tests every staged
// file against all of them, and set lookups cost nothing where compiling forty globs costs
// milliseconds at every start.
interface BuiltInRule {
  readonly reason: string;
  /** Exact file names, in any folder. */
  readonly names?: readonly string[];
  /** File name endings. */
  readonly suffixes?: readonly string[];
  /** Folder names: the file is inside such a folder at any depth. */
  readonly folders?: readonly string[];
  /** Folder names that count only at the repository root. */
  readonly rootFolders?: readonly string[];
  /** A file name pattern, for markers inside the name. */
  readonly pattern?: RegExp;
  /** When set, the rule holds only for files directly in a folder of this name. */
  readonly parent?: string;
}

export const BUILT_IN_EXCLUSIONS: readonly BuiltInRule[] = [
  {
    reason: 'lock file',
    names: [
      'package-lock.json',
      'npm-shrinkwrap.json',
      'yarn.lock',
      'pnpm-lock.yaml',
      'bun.lock',
      'bun.lockb',
      'deno.lock',
      'Cargo.lock',
      'poetry.lock',
      'Pipfile.lock',
      'uv.lock',
      'pdm.lock',
      'go.sum',
      'composer.lock',
      'Gemfile.lock',
      'mix.lock',
      'pubspec.lock',
      'Podfile.lock',
      'flake.lock',
      'packages.lock.json',
      'gradle.lockfile',
      'Package.resolved',
    ],
  },
  { reason: 'snapshot', suffixes: ['.snap'], folders: ['__snapshots__'] },
  { reason: 'vendored', folders: ['vendor', 'node_modules', 'third_party'], rootFolders: ['third-party'] },
  {
    reason: 'generated',
    suffixes: [
      '.min.js',
      '.min.mjs',
      '.min.css',
      '.map',
      '.pb.go',
      '_pb2.py',
      '_pb2_grpc.py',
      '.pb.cc',
      '.pb.h',
      '.g.dart',
      '.freezed.dart',
    ],
    folders: ['__generated__'],
    pattern: /\.generated\.[^.]+$/, // name.generated.ts
  },
  // drizzle-kit writes the whole schema again with every migration (3,500 lines on karakeep); the
  // migration's SQL beside it stays counted.
  { reason: 'generated (drizzle-kit)', pattern: /^\d{4}_snapshot\.json$/, parent: 'meta' },
];

function matchesBuiltIn(rule: BuiltInRule, name: string, folders: readonly string[]): boolean {
  if (rule.parent !== undefined && folders.at(-1) !== rule.parent) return false;
  if (rule.names?.includes(name)) return true;
  if (rule.suffixes?.some((suffix) => name.endsWith(suffix) && name.length > suffix.length)) return true;
  if (rule.folders?.some((folder) => folders.includes(folder))) return true;
  if (rule.rootFolders?.includes(folders[0] ?? '')) return true;
  return rule.pattern?.test(name) ?? false;
}

export type ExclusionMatcher = (path: string, attributes?: PathAttributes) => string | null;

/** Builds the matcher once per run; config globs are compiled once, built-ins need no compiling. */
export function createExclusionMatcher(configGlobs: readonly string[]): ExclusionMatcher {
  const config = configGlobs.length > 0 ? compileGlobs(configGlobs) : null;
  return (path, attributes) => {
    if (config?.(path)) return 'excluded by config';
    if (attributes?.generated) return 'generated (linguist-generated)';
    if (attributes?.vendored) return 'vendored (linguist-vendored)';
    if (attributes?.noDiff) return 'not diffed (-diff)';
    const segments = path.split('/');
    const name = segments.pop() ?? path;
    for (const rule of BUILT_IN_EXCLUSIONS) if (matchesBuiltIn(rule, name, segments)) return rule.reason;
    return null;
  };
}

/** Parses `git check-attr -z linguist-generated linguist-vendored diff` output. */
export function parseCheckAttr(output: string): Map<string, PathAttributes> {
  const tokens = output.split('\0');
  const result = new Map<string, { generated: boolean; vendored: boolean; noDiff: boolean }>();
  for (let i = 0; i + 2 < tokens.length; i += 3) {
    const path = tokens[i]!;
    const attribute = tokens[i + 1]!;
    const value = tokens[i + 2]!;
    const entry = result.get(path) ?? { generated: false, vendored: false, noDiff: false };
    const isSet = value === 'set' || value === 'true';
    if (attribute === 'linguist-generated') entry.generated = isSet;
    else if (attribute === 'linguist-vendored') entry.vendored = isSet;
    else if (attribute === 'diff') entry.noDiff = value === 'unset';
    result.set(path, entry);
  }
  return result;
}
