import picomatch from 'picomatch';

// One glob dialect for every config key: paths from the repository root, dotfiles included, and
// a glob without '/' matches the file name in any folder (like .gitignore).
// NOTE: picomatch's own `basename` option also applies to globs that contain '/', where it
// matches them against the file name alone ('docs/**' would never match): we split them.

export type PathTest = (path: string) => boolean;

export function compileGlobs(globs: readonly string[]): PathTest {
  const byName = globs.filter((g) => !g.includes('/'));
  const byPath = globs.filter((g) => g.includes('/'));
  const testName = byName.length > 0 ? picomatch(byName, { dot: true, basename: true }) : null;
  const testPath = byPath.length > 0 ? picomatch(byPath, { dot: true }) : null;
  return (path) => (testName?.(path) ?? false) || (testPath?.(path) ?? false);
}
