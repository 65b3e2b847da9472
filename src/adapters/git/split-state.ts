import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitError } from '../../core/errors.js';
import type { SplitPlan } from '../../core/split/split-plan.js';
import type { RepoInfo } from './git-client.js';
import type { IndexEntry } from './index-surgery.js';

// What `split --stage` keeps under the git directory before it changes anything: the original
// index, byte for byte (index.orig), and the plan with each path's original entry (plan.json),
// so later groups are staged from the original content (partially staged files included) even
// after earlier groups were committed, and `--restore` can put everything back.

export interface SavedSplit {
  readonly version: 1;
  /** HEAD when the split began (null before the first commit). */
  readonly head: string | null;
  readonly budgetKind: 'human' | 'ai';
  /** The tree of the original index: a split that never got to stage anything is recognised by it. */
  readonly originalTree: string;
  readonly plan: SplitPlan;
  /** Each path of the change (new and old paths) as the original index held it; null: absent. */
  readonly original: Readonly<Record<string, IndexEntry | null>>;
  /** The tree of the index as `--stage` last wrote it: a different index means the user moved on. */
  readonly lastTree?: string;
  readonly staged?: number;
}

export const splitStateDir = (info: RepoInfo): string => join(info.gitDir, 'selfreview', 'split');
export const savedIndexPath = (info: RepoInfo): string => join(splitStateDir(info), 'index.orig');
const planPath = (info: RepoInfo) => join(splitStateDir(info), 'plan.json');

function writeAtomically(path: string, write: (temporary: string) => void): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    write(temporary);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

export function hasSavedIndex(info: RepoInfo): boolean {
  return existsSync(savedIndexPath(info));
}

/** The saved split, or null when none is in progress. */
export function readSavedSplit(info: RepoInfo): SavedSplit | null {
  if (!existsSync(planPath(info))) return null;
  try {
    const saved = JSON.parse(readFileSync(planPath(info), 'utf8')) as SavedSplit;
    if (saved.version !== 1 || !Array.isArray(saved.plan?.groups)) throw new Error('unknown format');
    return saved;
  } catch (error) {
    throw new GitError(
      `The saved split plan (${planPath(info)}) is unreadable: run \`selfreview split --restore\` to put the original index back.`,
      { cause: error },
    );
  }
}

/** Begins a split: saves the original index, then the plan (the index is changed only after). */
export function beginSplit(info: RepoInfo, saved: SavedSplit): void {
  mkdirSync(splitStateDir(info), { recursive: true });
  // An index.orig without a plan is left by a run stopped between the two writes: kept aside, not overwritten.
  if (hasSavedIndex(info)) renameSync(savedIndexPath(info), `${savedIndexPath(info)}.${Date.now()}`);
  writeAtomically(savedIndexPath(info), (temporary) => copyFileSync(info.indexFile, temporary));
  writeSplitPlan(info, saved);
}

export function writeSplitPlan(info: RepoInfo, saved: SavedSplit): void {
  writeAtomically(planPath(info), (temporary) => writeFileSync(temporary, `${JSON.stringify(saved)}\n`));
}

/** Keeps a copy of the index as it is before `--restore` replaces it (index.before-restore). */
export function backUpIndex(info: RepoInfo): string {
  mkdirSync(splitStateDir(info), { recursive: true });
  const backup = join(splitStateDir(info), 'index.before-restore');
  writeAtomically(backup, (temporary) => copyFileSync(info.indexFile, temporary));
  return backup;
}

/** Forgets the split once the original index is back (or every group is committed). */
export function clearSplit(info: RepoInfo): void {
  rmSync(planPath(info), { force: true });
  rmSync(savedIndexPath(info), { force: true });
}
