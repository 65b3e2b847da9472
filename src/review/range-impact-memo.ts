import type { FileChange } from '../core/change/staged-change.js';
import type { SavedGraph } from '../adapters/cache/graph-cache.js';
import type { TreeEntry } from '../adapters/git/git-client.js';
import { createBareAnswers, type BareAnswers } from '../core/impact/bare-answers.js';
import type { ParsePool } from '../adapters/typescript/parse-modules.js';

// What the blast radius of one commit can hand to the next in a CI range, so a range does not
// rebuild the repository's import graph for every commit: the tree's entries (updated from the
// commit's own file changes instead of a new `ls-tree`), and the graph with its resolver, kept
// while no module was added or removed, no project config changed and no changed module
// imports anything new. Only the changed blobs are read again.

export interface RangeImpactMemo {
  /** The commit whose tree `entries` holds. */
  commit: string | null;
  entries: Map<string, TreeEntry> | null;
  /** The previous commit's graph, patched for the next commit's changed blobs (graph-table.ts). */
  graph: SavedGraph | null;
  /** Project config texts (package.json, tsconfig) by blob id. */
  readonly texts: Map<string, string>;
  /** Blobs left unparsed by the walk's text prefilter, with the names their text does not use. */
  readonly unused: Map<string, ReadonlySet<string>>;
  /** The resolvers' bare-specifier answers, each kept while the paths it looked for did not move. */
  readonly bare: BareAnswers;
  /** The parse pool of the range's first commit that needed one, closed by the range's end (`closeRangeImpactMemo`). */
  pool: ParsePool | null;
}

export const createRangeImpactMemo = (): RangeImpactMemo => ({
  commit: null,
  entries: null,
  graph: null,
  texts: new Map(),
  unused: new Map(),
  bare: createBareAnswers(),
  pool: null,
});

/** Stops the range's parse pool, once its last commit is done. */
export async function closeRangeImpactMemo(memo: RangeImpactMemo): Promise<void> {
  const { pool } = memo;
  memo.pool = null;
  await pool?.close();
}

const MODES = { file: '100644', executable: '100755', symlink: '120000' } as const;

/** The commit's tree entries from its parent's and its own changes; null when not derivable. */
export function advanceEntries(
  memo: RangeImpactMemo,
  commit: string,
  parents: readonly string[],
  files: readonly FileChange[],
): TreeEntry[] | null {
  if (memo.entries === null || parents.length !== 1 || parents[0] !== memo.commit) return null;
  const entries = memo.entries;
  for (const f of files) {
    if (f.oldPath !== undefined && f.status === 'renamed') entries.delete(f.oldPath);
    if (f.status === 'deleted' || f.newKind === 'submodule' || f.newKind === 'none') entries.delete(f.path);
    else entries.set(f.path, { mode: MODES[f.newKind as keyof typeof MODES] ?? '100644', blob: f.newBlob, path: f.path });
  }
  memo.commit = commit;
  return [...entries.values()];
}

export function rememberEntries(memo: RangeImpactMemo, commit: string, entries: readonly TreeEntry[]): void {
  memo.commit = commit;
  memo.entries = new Map(entries.map((e) => [e.path, e]));
}
