import type { FileChange } from '../change/staged-change.js';
import type { SplitGroup } from './split-plan.js';

// What the index holds after `split --stage N`: group N's paths as the original index had them,
// every other path of the change as HEAD has it (absent when HEAD lacks it), all other entries
// untouched. A group whose paths HEAD already holds as the original index did is committed.

export interface Entry {
  readonly mode: string;
  readonly blob: string;
}

export type EntryMap = Readonly<Record<string, Entry | null>>;

/** The index paths a group's files own: the new path, and the old path of a rename. */
export function pathsOfGroup(group: Pick<SplitGroup, 'files'>, allFiles: readonly FileChange[]): string[] {
  const ownPaths = new Set(allFiles.map((f) => f.path));
  // A copy leaves its source alone; a rename's old path is the rename's unless another file claims it.
  return group.files.flatMap((f) =>
    f.status === 'renamed' && f.oldPath !== undefined && !ownPaths.has(f.oldPath) ? [f.path, f.oldPath] : [f.path],
  );
}

const same = (a: Entry | null | undefined, b: Entry | null | undefined) =>
  (a ?? null) === null ? (b ?? null) === null : a!.mode === b?.mode && a!.blob === b.blob;

export function computeStageEntries(
  groups: readonly Pick<SplitGroup, 'files'>[],
  stage: number,
  original: EntryMap,
  head: ReadonlyMap<string, Entry>,
): Array<{ path: string; entry: Entry | null }> {
  const allFiles = groups.flatMap((g) => g.files);
  const chosen = new Set(pathsOfGroup(groups[stage - 1]!, allFiles));
  return Object.keys(original)
    .sort()
    .map((path) => ({ path, entry: chosen.has(path) ? (original[path] ?? null) : (head.get(path) ?? null) }));
}

/** Numbers of the groups HEAD already holds as the original index did. */
export function listCommittedGroups(
  groups: readonly Pick<SplitGroup, 'files'>[],
  original: EntryMap,
  head: ReadonlyMap<string, Entry>,
): number[] {
  const allFiles = groups.flatMap((g) => g.files);
  return groups.flatMap((group, i) => (pathsOfGroup(group, allFiles).every((p) => same(original[p], head.get(p))) ? [i + 1] : []));
}
