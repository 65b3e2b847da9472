import type { FileChange } from '../change/staged-change.js';
import { classifyFile, subjectName } from './classify-file.js';
import { compareText } from '../text/compare-text.js';

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

/** The candidate sharing the most folders with `test`, the first by path among equals: one pass. */
function closest(test: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDepth = -1;
  for (const candidate of candidates) {
    const depth = sharedDepth(test, candidate);
    if (depth > bestDepth || (depth === bestDepth && compareText(candidate, best!) < 0)) [best, bestDepth] = [candidate, depth];
  }
  return best;
}

/** A test tests code of its own language: pnpm/pnpm's Rust `tests/suite/sbom.rs` is not the test
 * of `src/sbom/sbom.ts` beside the Rust `src/cli_args/sbom.rs`. The JavaScript family is one. */
const languageOf = (path: string): string => {
  const ext = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  return /^(?:[cm]?[jt]sx?|vue|svelte|astro)$/.test(ext) ? 'js' : ext;
};

/** For each changed test, the changed file it tests, when one can be told. */
export function pairTests(files: readonly FileChange[], imports: ReadonlyMap<string, readonly string[]>): Map<string, string> {
  const roles = new Map(files.map((f) => [f.path, classifyFile(f.path, f.excluded)]));
  const subjects = files.filter((f) => roles.get(f.path) === 'source' || roles.get(f.path) === 'other');
  const byName = new Map<string, string[]>();
  for (const file of subjects) {
    const name = subjectName(file.path);
    const list = byName.get(name);
    if (list) list.push(file.path);
    else byName.set(name, [file.path]);
  }
  const pairs = new Map<string, string>();
  for (const file of files) {
    if (roles.get(file.path) !== 'test' || file.excluded !== null) continue;
    const language = languageOf(file.path);
    const named = (byName.get(subjectName(file.path)) ?? []).filter((p) => languageOf(p) === language);
    const imported = (imports.get(file.path) ?? []).filter((p) => roles.get(p) === 'source');
    const importedSet = new Set(imported);
    // A same-named file the test imports beats one it does not; then the nearest of either kind.
    const subject =
      closest(
        file.path,
        named.filter((p) => importedSet.has(p)),
      ) ??
      closest(file.path, named) ??
      closest(file.path, imported);
    if (subject !== undefined) pairs.set(file.path, subject);
  }
  return pairs;
}

export { sharedDepth };
