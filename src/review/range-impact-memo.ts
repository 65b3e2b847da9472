import type { FileChange } from '../core/change/staged-change.js';
import type { SavedGraph } from '../adapters/cache/graph-cache.js';
import type { TreeEntry } from '../adapters/git/git-client.js';
import { createBareAnswers, type BareAnswers } from '../core/impact/bare-answers.js';
import type { ParsePool } from '../adapters/typescript/parse-modules.js';
import type { PathSet, TsconfigPaths, WorkspacePackage } from '../core/impact/resolve-specifier.js';

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
  /** The packages' entry files (public-api.ts, the risk's entry points) as the last commit's resolver
   * found them, with what they were resolved against: the same paths, packages and tsconfigs
   * (objects a commit that keeps them passes on) resolve them the same. */
  packageEntries: RangeEntries | null;
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
  packageEntries: null,
  pool: null,
});

export interface RangeEntries {
  readonly paths: PathSet;
  readonly packages: readonly WorkspacePackage[];
  readonly tsconfigs: readonly TsconfigPaths[];
  publicEntries: Map<string, string[]> | null;
  entryPoints: Set<string> | null;
}

/** The entries kept for these paths, packages and tsconfigs, or a new empty record of them (kept for the next commit). */
export function entriesFor(
  memo: RangeImpactMemo | undefined,
  paths: PathSet,
  packages: readonly WorkspacePackage[],
  tsconfigs: readonly TsconfigPaths[],
): RangeEntries {
  const kept = memo?.packageEntries ?? null;
  if (kept !== null && kept.paths === paths && kept.packages === packages && kept.tsconfigs === tsconfigs) return kept;
  const entries: RangeEntries = { paths, packages, tsconfigs, publicEntries: null, entryPoints: null };
  if (memo !== undefined) memo.packageEntries = entries;
  return entries;
}

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
