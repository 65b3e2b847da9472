import { parseHunkCounts } from '../core/change/parse-hunk-counts.js';
import type { ChangeBase } from '../core/change/staged-change.js';
import { computeTotals } from '../core/change/totals.js';
import type { ResolvedConfig } from '../core/config/defaults.js';
import type { ReviewAnalysis } from '../core/contracts/review-outcome.js';
import type { ImpactReport } from '../core/impact/impact-report.js';
import { evaluateSizeGate, type Reason } from '../core/policy/size-gate.js';
import { detectProvenance } from '../core/provenance/detect-provenance.js';
import { buildAgentPolicy } from '../core/policy/agent-policy.js';
import { detectPackageRunner } from '../adapters/fs/detect-package-runner.js';
import { isAmendInProgress } from '../adapters/git/detect-amend.js';
import type { GitClient, TreeEntry } from '../adapters/git/git-client.js';
import { readRepoState } from '../adapters/git/read-repo-state.js';
import { readStagedLineSplit } from '../adapters/git/read-staged-line-split.js';
import type { Logger } from '../adapters/log/logger.js';
import type { ImpactProgress } from './load-module-records.js';
import { readChange } from './read-change.js';

// The first stages of a review: the staged change, its provenance and the size gate. The blast
// radius is a separate step (`withImpact`), so the review can skip it where it is not needed.

export interface AnalyseInputs {
  readonly git: GitClient;
  readonly config: ResolvedConfig;
  readonly env: NodeJS.ProcessEnv;
  readonly aiFlag: boolean;
  /** The checked override reason, or null. */
  readonly override: string | null;
  readonly logger: Logger;
  /** Compare the index with this commit or tree instead of HEAD (review-commit: the commit's parent). */
  readonly baseRev?: string;
}

const short = (id: string) => id.slice(0, 10);

async function chooseBase(git: GitClient, mergeHeads: readonly string[], notes: string[]): Promise<ChangeBase | 'unmeasured'> {
  const { head } = git.info;
  if (head === null) {
    notes.push('First commit: the whole index is compared with the empty tree.');
    return { kind: 'empty-tree', rev: await git.readEmptyTree() };
  }
  if (mergeHeads.length === 0) return { kind: 'head', rev: head };
  const [mergeHead] = mergeHeads;
  const tree = mergeHeads.length === 1 ? await git.readAutoMergeTree(head, mergeHead!) : null;
  if (tree === null) {
    notes.push(
      'Merge in progress: git could not reproduce the automatic merge, so the size gate is skipped; the merged branches were gated when committed.',
    );
    return 'unmeasured';
  }
  notes.push(
    `Merge in progress: measuring what this commit adds to git's automatic merge of ${short(mergeHead!)} (conflict resolutions and edits), not the incoming branch.`,
  );
  return { kind: 'merge', rev: tree, mergeHeads };
}

/** Hunks are counted only when some budget (main or per-path, human or AI) sets them. */
function hasHunkBudget({ budgets }: ResolvedConfig): boolean {
  return [budgets.human, budgets.ai, ...budgets.paths.flatMap((p) => [p.human, p.ai])].some((b) => b.hunks !== undefined);
}

export async function analyseStagedChange(inputs: AnalyseInputs): Promise<ReviewAnalysis> {
  const { git, config, logger } = inputs;
  const state = readRepoState(git.info.gitDir, inputs.env);
  const notes: string[] = [];
  const chosen =
    inputs.baseRev !== undefined ? { kind: 'head' as const, rev: inputs.baseRev } : await chooseBase(git, state.mergeHeads, notes);
  const base: ChangeBase = chosen === 'unmeasured' ? { kind: 'head', rev: git.info.head! } : chosen;
  if (base.kind === 'head' && state.mergeHeads.length === 0 && isAmendInProgress()) {
    notes.push(
      `Amend: measuring what this amend adds to HEAD (${short(base.rev)}); HEAD's own changes were reviewed when it was committed.`,
    );
  }
  const files = (await logger.time('stage: change model', () => readChange(git, { kind: 'staged', base: base.rev }, config.exclude))) ?? [];
  const hunksByPath = hasHunkBudget(config) ? parseHunkCounts(await git.readStagedHunkPatch(base.rev)) : undefined;
  // The total of the counted files only, as the lines are: an excluded lock file's hunks do not count.
  const hunks = hunksByPath && files.reduce((sum, f) => sum + (f.excluded === null ? (hunksByPath.get(f.path) ?? 0) : 0), 0);
  // Line-level records (git-ai working log, Agent Trace) of a measured change: AI lines meet the AI budget.
  const lines = base.kind === 'merge' || files.length === 0 ? null : await readStagedLineSplit(git, base.rev);
  for (const notice of lines?.notices ?? []) notes.push(notice);
  const provenance = detectProvenance({ env: inputs.env, aiFlag: inputs.aiFlag, assume: config.provenance.assume, lines });
  const gate = evaluateSizeGate({
    files,
    ...(hunksByPath !== undefined && { hunks, hunksByPath }),
    provenance: provenance.kind,
    config,
    lineSplit: provenance.lines ?? null,
  });

  let verdict = gate.verdict;
  const reasons: Reason[] = [...gate.reasons];
  if (chosen === 'unmeasured' || state.replay !== null) {
    if (state.replay !== null) {
      notes.push(
        `${state.replay} in progress: replayed commits are not gated here (each was gated when first committed; \`selfreview ci\` checks them).`,
      );
    }
    verdict = 'pass';
    reasons.length = 0;
  } else if (verdict === 'reject' && inputs.override !== null) {
    verdict = 'pass';
    reasons.push({ code: 'override', message: `Over budget, let through by an override: ${inputs.override}` });
  }
  return {
    verdict,
    reasons,
    notes,
    base,
    files,
    totals: computeTotals(files),
    ...(hunks !== undefined && { hunks }),
    provenance,
    gate,
    // The split's modules load only for a change over budget: a passing review never needs them.
    split: gate.verdict === 'reject' ? (await import('../core/split/propose-split-parts.js')).proposeSplitParts(files, gate.budget) : [],
    override: gate.verdict === 'reject' ? inputs.override : null,
    configSource: config.source,
    ...(state.replay !== null && { isReplay: true }),
    ...(provenance.isAgentDriven && { agentPolicy: buildAgentPolicy(detectPackageRunner(git.info.root), config.budgets.ai) }),
  };
}

/** The blast radius of the staged change, added to its analysis. */
export async function addStagedImpact(
  analysis: ReviewAnalysis,
  git: GitClient,
  config: ResolvedConfig,
  logger: Logger,
  listIndex?: () => Promise<readonly TreeEntry[]>,
  progress?: ImpactProgress,
): Promise<ReviewAnalysis> {
  if (analysis.files.length === 0) return analysis;
  // Loaded only when used: the import graph's modules cost start-up time --no-impact should not pay.
  const { computeImpact } = await import('./compute-impact.js');
  const head = { kind: 'index' as const };
  const impact: ImpactReport = await computeImpact({
    git,
    files: analysis.files,
    head,
    ...(analysis.base.kind === 'head' && { baseRev: analysis.base.rev }),
    config,
    logger,
    ...(listIndex && { listIndex }),
    ...(progress && { progress }),
  });
  // With the blast radius, the proposal keeps a changed export with the callers updated for it.
  const split =
    analysis.gate.verdict === 'reject'
      ? (await import('../core/split/propose-split-parts.js')).proposeSplitParts(analysis.files, analysis.gate.budget, impact)
      : analysis.split;
  return { ...analysis, impact, split };
}
