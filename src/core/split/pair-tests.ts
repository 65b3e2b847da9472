import type { FileChange } from '../change/staged-change.js';
import { classifyFile, subjectName } from './classify-file.js';

// Tests go with what they test: `total.test.ts` with `total.ts` (same name, nearest folder), or
// else with the changed file it imports that sits closest to it. A test that matches nothing
// changed stays on its own ("tests only").

const folders = (path: string): string[] => path.split('/').slice(0, -1);

function sharedDepth(a: string, b: string): number {
  const fa = folders(a);
  const fb = folders(b);
  let depth = 0;
  while (depth < fa.length && depth < fb.length && fa[depth] === fb[depth]) depth++;
  return depth;
}

function closest(test: string, candidates: readonly string[]): string | undefined {
  return [...candidates].sort((a, b) => sharedDepth(test, b) - sharedDepth(test, a) || a.localeCompare(b))[0];
}

/** For each changed test, the changed file it tests, when one can be told. */
export function pairTests(files: readonly FileChange[], imports: ReadonlyMap<string, readonly string[]>): Map<string, string> {
  const roles = new Map(files.map((f) => [f.path, classifyFile(f.path, f.excluded)]));
  const subjects = files.filter((f) => roles.get(f.path) === 'source');
  const byName = new Map<string, string[]>();
  for (const file of subjects) byName.set(subjectName(file.path), [...(byName.get(subjectName(file.path)) ?? []), file.path]);
  const pairs = new Map<string, string>();
  for (const file of files) {
    if (roles.get(file.path) !== 'test' || file.excluded !== null) continue;
    const named = byName.get(subjectName(file.path)) ?? [];
    const imported = (imports.get(file.path) ?? []).filter((p) => roles.get(p) === 'source');
    // A same-named file the test imports beats one it does not; then the nearest of either kind.
    const subject =
      closest(
        file.path,
        named.filter((p) => imported.includes(p)),
      ) ??
      closest(file.path, named) ??
      closest(file.path, imported);
    if (subject !== undefined) pairs.set(file.path, subject);
  }
  return pairs;
}

export { sharedDepth };
