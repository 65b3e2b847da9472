import type { FileChange } from '../change/staged-change.js';
import { indexPaths, type GraphTable, type TableModule } from './graph-table.js';

// A saved import graph says which index it was fitted to without listing it: the tree of a
// commit (`base.rev`) and the paths whose entries differed from that tree (`base.changes`, the
// tree's side). The next run asks git only what changed since that commit (or reads it from the
// staged diff when the commit is still HEAD) and derives its modules and project config from the
// saved ones: no listing of the whole index, no pass over every path. Only the paths the graph
// reads are kept (modules and project config); when one was added or removed, or the two diffs
// disagree on the tree's side of a path, the caller lists the index as before.

/** A path and its blob on one side; '' where that side has no such path. */
export type PathBlob = readonly [path: string, blob: string];

export interface IndexBase {
  /** A commit whose tree the saved index differed from only at `changes`. */
  readonly rev: string;
  /** The commit's side of every path the graph reads where the saved index differs from it. */
  readonly changes: readonly PathBlob[];
}

/** A diff of a commit's tree against the index, by path: each side's blob ('' for none). */
export interface PathDiff {
  readonly then: ReadonlyMap<string, string>;
  readonly now: ReadonlyMap<string, string>;
}

/** A diff's file changes by path (a rename is a removal and an addition); null for unmerged entries. */
export function diffByPath(
  files: ReadonlyArray<Pick<FileChange, 'path' | 'oldPath' | 'status' | 'oldBlob' | 'newBlob'>>,
  isRead: (path: string) => boolean,
): PathDiff | null {
  const then = new Map<string, string>();
  const now = new Map<string, string>();
  const side = (map: Map<string, string>, path: string, blob: string): boolean => {
    if (!isRead(path)) return true;
    if (map.has(path) && map.get(path) !== blob) return false;
    map.set(path, blob);
    return true;
  };
  for (const f of files) {
    if (f.status === 'unmerged') return null;
    const ok =
      f.status === 'added' || f.status === 'copied'
        ? side(then, f.path, '') && side(now, f.path, f.newBlob)
        : f.status === 'deleted'
          ? side(then, f.path, f.oldBlob) && side(now, f.path, '')
          : f.status === 'renamed'
            ? side(then, f.oldPath!, f.oldBlob) && side(now, f.oldPath!, '') && side(then, f.path, '') && side(now, f.path, f.newBlob)
            : side(then, f.path, f.oldBlob) && side(now, f.path, f.newBlob);
    if (!ok) return null;
  }
  return { then, now };
}

export interface DerivedIndex {
  /** How many modules the index has (`listDerivedModules` lists them). */
  readonly moduleCount: number;
  readonly projectConfig: readonly TableModule[];
  /** Each table path's blob now ('' for a path only kept resolvable), as `fitGraphTable` gives. */
  readonly blobs: readonly string[];
  /** Table positions whose blob is not the saved one. */
  readonly changedAt: readonly number[];
  /** What a graph saved after this run describes. */
  readonly base: IndexBase;
}

/**
 * The index's modules and project config from the saved ones, fitted to the index `base`
 * describes, and `diff` (the tree of `base.rev` against the index now); null when a module or config path was added or removed since, or the
 * saved base and the diff disagree on the tree's side of a path.
 */
export function deriveIndex(
  saved: { readonly table: GraphTable; readonly config: readonly PathBlob[] },
  base: IndexBase,
  diff: PathDiff,
): DerivedIndex | null {
  const { table } = saved;
  const was = new Map(base.changes);
  const touched = new Set([...was.keys(), ...diff.now.keys()]);
  const index = indexPaths(table);
  const configAt = new Map(saved.config.map(([path], i) => [path, i]));
  const blobs = [...table.blobs];
  const config = saved.config.map(([path, blob]) => ({ path, blob }));
  const changedAt: number[] = [];
  for (const path of touched) {
    const tree = diff.then.get(path);
    if (tree !== undefined && was.has(path) && was.get(path) !== tree) return null;
    const current = diff.now.get(path) ?? was.get(path)!;
    const c = configAt.get(path);
    if (c !== undefined) {
      if (current === '') return null;
      config[c] = { path, blob: current };
      continue;
    }
    const at = index.get(path);
    const before = at === undefined ? '' : table.blobs[at]!;
    if ((before === '') !== (current === '')) return null;
    if (before !== current) {
      blobs[at!] = current;
      changedAt.push(at!);
    }
  }
  let moduleCount = 0;
  for (const blob of blobs) if (blob !== '') moduleCount++;
  const changes = [...diff.then].map(([path, blob]) => [path, blob] as const);
  return { moduleCount, projectConfig: config, blobs, changedAt, base: { rev: base.rev, changes } };
}

/** The modules of a derived index, in the table's order (the index's). */
export function listDerivedModules(table: GraphTable, blobs: readonly string[]): TableModule[] {
  const modules: TableModule[] = [];
  for (let p = 0; p < table.paths.length; p++) if (blobs[p] !== '') modules.push({ path: table.paths[p]!, blob: blobs[p]! });
  return modules;
}
