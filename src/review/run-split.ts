import type { ResolvedConfig } from '../core/config/defaults.js';
import { GitError, UsageError } from '../core/errors.js';
import type { SplitView } from '../core/contracts/split-view.js';
import type { SplitPlan } from '../core/split/split-plan.js';
import { computeStageEntries, listCommittedGroups, pathsOfGroup, type Entry, type EntryMap } from '../core/split/stage-entries.js';
import { loadConfig } from '../adapters/config/load-config.js';
import { openRepository, type GitClient } from '../adapters/git/git-client.js';
import { isAncestorCommit, setIndexEntries } from '../adapters/git/index-surgery.js';
import { beginSplit, clearSplit, readSavedSplit, writeSplitPlan, type SavedSplit } from '../adapters/git/split-state.js';
import type { Logger } from '../adapters/log/logger.js';
import { planStagedSplit } from './plan-staged-split.js';

// `selfreview split`: show the plan for the staged change, or, while a split is in progress
// (the original index saved by `--stage`), the saved plan with what is committed and staged.
// `--stage N` puts exactly group N in the index; `--restore` lives in restore-split.ts.

export interface SplitOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly aiFlag: boolean;
  readonly configPath?: string;
  readonly logger: Logger;
  /** `--stage N`: 1-based. */
  readonly stage?: number;
  /** Edits the plan before staging (`-i`): returns the plan to stage group 1 of, or null to stop. */
  readonly edit?: (plan: SplitPlan) => Promise<SplitPlan | null>;
}

export interface SplitOutcome extends Omit<SplitView, 'checks'> {
  readonly git: GitClient;
  readonly config: ResolvedConfig;
  /** What `--check` needs: the commit the split starts from, each path's original entry, and
   * the files that use changed exports (they may stop type-checking too). */
  readonly baseRev: string | null;
  readonly readOriginal: () => Promise<EntryMap>;
  readonly dependents: readonly string[];
}

async function readHeadEntries(git: GitClient): Promise<Map<string, Entry>> {
  if (git.info.head === null) return new Map();
  return new Map((await git.listTree(git.info.head)).map((e) => [e.path, { mode: e.mode, blob: e.blob }]));
}

/** The split in progress, when the index is still as `--stage` left it (the user may commit it). */
async function readActiveSplit(git: GitClient, notes: string[]): Promise<SavedSplit | null> {
  const saved = readSavedSplit(git.info);
  if (saved === null) return null;
  const { head } = git.info;
  const isOnTop = saved.head === null || (head !== null && (head === saved.head || (await isAncestorCommit(git.info, saved.head, head))));
  const tree = await git.writeTreeOfIndexCopy();
  if (isOnTop && saved.lastTree === tree) return saved;
  if (saved.lastTree === undefined && saved.originalTree === tree) {
    clearSplit(git.info); // stopped before it staged anything: the index is the saved one
    return null;
  }
  notes.push(
    'A split is in progress, but the index or HEAD changed since `selfreview split --stage`: this is the staged change as it is now; `selfreview split --restore` puts the original index back.',
  );
  return null;
}

export async function runSplit(options: SplitOptions): Promise<SplitOutcome> {
  const { logger, env } = options;
  const git = await openRepository(options.cwd, logger);
  const config = await loadConfig(git.info.root, options.configPath, logger);
  const notes: string[] = [];
  let saved = await readActiveSplit(git, notes);
  const fresh = saved === null ? await planStagedSplit({ git, config, env, aiFlag: options.aiFlag, logger }) : null;
  const { budgetKind } = saved ?? fresh!;
  let plan = (saved ?? fresh!).plan;
  const dependents = (fresh?.impact?.dependents ?? []).map((d) => d.path);
  const baseRev = saved?.head ?? git.info.head;
  if (options.edit !== undefined && saved === null && plan.groups.length > 0) {
    const edited = await options.edit(plan);
    if (edited === null) {
      const readOriginal = () => readOriginalEntries(git, plan);
      return {
        heading: '',
        budgetKind,
        plan,
        committed: [],
        isInProgress: false,
        notes: ['Nothing staged: the index is as it was.'],
        git,
        config,
        baseRev,
        readOriginal,
        dependents,
      };
    }
    plan = edited;
  }
  let head = await readHeadEntries(git);
  let committed = saved === null ? [] : listCommittedGroups(plan.groups, saved.original, head);
  const stage = options.stage ?? (options.edit !== undefined ? 1 : undefined);
  if (stage !== undefined) {
    if (plan.groups.length === 0) throw new UsageError('Nothing is staged: stage a change, then run `selfreview split`.');
    if (!Number.isInteger(stage) || stage < 1 || stage > plan.groups.length) {
      throw new UsageError(`There is no group ${stage}: the plan has groups 1 to ${plan.groups.length}.`);
    }
    if (saved === null) saved = await saveOriginal(git, plan, budgetKind);
    const changes = computeStageEntries(plan.groups, stage, saved.original, head);
    const lastTree = await setIndexEntries(git.info, changes, logger);
    writeSplitPlan(git.info, { ...saved, plan, lastTree, staged: stage });
    saved = { ...saved, plan, lastTree, staged: stage };
    head = await readHeadEntries(git);
    committed = listCommittedGroups(plan.groups, saved.original, head);
  } else if (saved !== null && committed.length === plan.groups.length) {
    clearSplit(git.info);
    notes.push('Every group of the split is committed: the saved original index is no longer needed and was removed.');
  }
  const against = git.info.head === null ? 'the empty tree' : `HEAD (${git.info.head.slice(0, 10)})`;
  return {
    heading: `selfreview split: staged change against ${against}`,
    budgetKind,
    plan,
    committed,
    ...(saved?.staged !== undefined && { staged: saved.staged }),
    isInProgress: saved !== null,
    notes,
    git,
    config,
    baseRev,
    readOriginal: async () => (saved !== null ? saved.original : readOriginalEntries(git, plan)),
    dependents,
  };
}

/** Each path of the plan as the index holds it now. */
async function readOriginalEntries(git: GitClient, plan: SplitPlan): Promise<EntryMap> {
  const index = new Map((await git.listIndex()).map((e) => [e.path, { mode: e.mode, blob: e.blob }]));
  const allFiles = plan.groups.flatMap((g) => g.files);
  return Object.fromEntries(plan.groups.flatMap((g) => pathsOfGroup(g, allFiles)).map((p) => [p, index.get(p) ?? null]));
}

/** Saves the original index and each path's original entry before anything changes. */
async function saveOriginal(git: GitClient, plan: SplitPlan, budgetKind: 'human' | 'ai'): Promise<SavedSplit> {
  const original = await readOriginalEntries(git, plan);
  const saved: SavedSplit = { version: 1, head: git.info.head, budgetKind, originalTree: await git.writeTreeOfIndexCopy(), plan, original };
  if (Object.keys(original).length === 0) throw new GitError('Nothing to stage.');
  beginSplit(git.info, saved);
  return saved;
}
