import type { FileChange } from '../core/change/staged-change.js';
import type { ResolvedConfig } from '../core/config/defaults.js';
import { GitError } from '../core/errors.js';
import { detectProvenance } from '../core/provenance/detect-provenance.js';
import { isModulePath } from '../core/impact/module-path.js';
import type { ImpactReport } from '../core/impact/impact-report.js';
import { parsePatchHunks } from '../core/split/parse-patch-hunks.js';
import { planSplit } from '../core/split/plan-split.js';
import type { SplitPlan } from '../core/split/split-plan.js';
import type { GitClient } from '../adapters/git/git-client.js';
import { readRepoState } from '../adapters/git/read-repo-state.js';
import type { Logger } from '../adapters/log/logger.js';
import { readChange } from './read-change.js';

// The plan for the staged change as it is now: the same files the review measures (index against
// HEAD, exclusions applied), the budget for its provenance, the blast radius and the hunks.

export interface StagedSplit {
  readonly base: string;
  readonly files: readonly FileChange[];
  readonly budgetKind: 'human' | 'ai';
  readonly plan: SplitPlan;
  readonly impact?: ImpactReport;
}

export interface PlanInputs {
  readonly git: GitClient;
  readonly config: ResolvedConfig;
  readonly env: NodeJS.ProcessEnv;
  readonly aiFlag: boolean;
  readonly logger: Logger;
}

export async function planStagedSplit({ git, config, env, aiFlag, logger }: PlanInputs): Promise<StagedSplit> {
  const state = readRepoState(git.info.gitDir, env);
  if (state.mergeHeads.length > 0 || state.replay !== null) {
    throw new GitError(`A ${state.replay ?? 'merge'} is in progress: finish it before splitting a change.`);
  }
  const base = git.info.head ?? (await git.readEmptyTree());
  const files = (await logger.time('stage: change model', () => readChange(git, { kind: 'staged', base }, config.exclude))) ?? [];
  if (files.some((f) => f.status === 'unmerged'))
    throw new GitError('The index has unresolved conflicts: resolve them and `git add` the files, then try again.');
  const provenance = detectProvenance({ env, aiFlag, assume: config.provenance.assume });
  const budgetKind = provenance.kind === 'ai' ? 'ai' : 'human';
  const hasModules = files.some((f) => isModulePath(f.path) || (f.oldPath !== undefined && isModulePath(f.oldPath)));
  const impact = hasModules
    ? await (await import('./compute-impact.js')).computeImpact({ git, files, head: { kind: 'index' }, config, logger })
    : undefined;
  const hunks = files.length > 0 ? parsePatchHunks(await git.readStagedHunkPatch(base)) : new Map();
  const plan = planSplit({ files, budget: config.budgets[budgetKind], hunks, ...(impact !== undefined && { impact }) });
  return { base, files, budgetKind, plan, ...(impact !== undefined && { impact }) };
}
