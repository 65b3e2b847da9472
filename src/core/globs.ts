import { createRequire } from 'node:module';
import type Picomatch from 'picomatch';

// One glob dialect for every config key: paths from the repository root, dotfiles included, and
// a glob without '/' matches the file name in any folder (like .gitignore).
// NOTE: picomatch's own `basename` option also applies to globs that contain '/', where it
// matches them against the file name alone ('docs/**' would never match): we split them.

export type PathTest = (path: string) => boolean;

// NOTE: picomatch loads on the first glob, not with this module: most hook runs (default config,
// no per-path budget) compile none, and loading it was a measurable part of every start-up.
const require = createRequire(import.meta.url);
let picomatch: typeof Picomatch | undefined;
const loadPicomatch = (): typeof Picomatch => (picomatch ??= require('picomatch') as typeof Picomatch);

// `**/name/**`: any path with a folder or file of that name. The default sensitive paths are all
// of this form, and a review with the blast radius tests them on every commit: no glob engine
// to load and compile for them (a unit test holds this to picomatch's answers).
const SEGMENT_GLOB = /^\*\*\/([^*?[\]{}()!+@/\\]+)\/\*\*$/;

export function compileGlobs(globs: readonly string[]): PathTest {
  const segments = globs.flatMap((g) => {
    const name = SEGMENT_GLOB.exec(g)?.[1];
    return name === undefined ? [] : [`/${name}/`];
  });
  const others = globs.filter((g) => !SEGMENT_GLOB.test(g));
  const byName = others.filter((g) => !g.includes('/'));
  const byPath = others.filter((g) => g.includes('/'));
  const testName = byName.length > 0 ? loadPicomatch()(byName, { dot: true, basename: true }) : null;
  const testPath = byPath.length > 0 ? loadPicomatch()(byPath, { dot: true }) : null;
  const testSegment = (path: string) => segments.length > 0 && segments.some((s) => `/${path}/`.includes(s));
  return (path) => testSegment(path) || (testName?.(path) ?? false) || (testPath?.(path) ?? false);
}
