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

interface BuiltInRule {
  readonly reason: string;
  readonly globs: readonly string[];
}

export const BUILT_IN_EXCLUSIONS: readonly BuiltInRule[] = [
  {
    reason: 'lock file',
    globs: [
      'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb',
      'deno.lock', 'Cargo.lock', 'poetry.lock', 'Pipfile.lock', 'uv.lock', 'pdm.lock', 'go.sum',
      'composer.lock', 'Gemfile.lock', 'mix.lock', 'pubspec.lock', 'Podfile.lock', 'flake.lock',
      'packages.lock.json', 'gradle.lockfile', 'Package.resolved',
    ],
  },
  { reason: 'snapshot', globs: ['**/__snapshots__/**', '*.snap'] },
  {
    reason: 'vendored',
    globs: ['vendor/**', '**/vendor/**', '**/node_modules/**', 'third_party/**', '**/third_party/**', 'third-party/**'],
  },
  {
    reason: 'generated',
    globs: [
      '*.min.js', '*.min.mjs', '*.min.css', '*.map', '*.pb.go', '*_pb2.py', '*_pb2_grpc.py', '*.pb.cc', '*.pb.h',
      '*.generated.*', '*.g.dart', '*.freezed.dart', '**/__generated__/**',
    ],
  },
];

export type ExclusionMatcher = (path: string, attributes?: PathAttributes) => string | null;

/** Builds the matcher once per run: globs compile once, each file is one cheap test per rule. */
export function createExclusionMatcher(configGlobs: readonly string[]): ExclusionMatcher {
  const config = configGlobs.length > 0 ? compileGlobs(configGlobs) : null;
  const builtIn = BUILT_IN_EXCLUSIONS.map((rule) => ({ reason: rule.reason, test: compileGlobs(rule.globs) }));
  return (path, attributes) => {
    if (config?.(path)) return 'excluded by config';
    if (attributes?.generated) return 'generated (linguist-generated)';
    if (attributes?.vendored) return 'vendored (linguist-vendored)';
    if (attributes?.noDiff) return 'not diffed (-diff)';
    for (const rule of builtIn) if (rule.test(path)) return rule.reason;
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
