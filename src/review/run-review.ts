import { createExclusionMatcher, parseCheckAttr } from '../core/change/exclusions.js';
import { parseDiffIndex } from '../core/change/parse-diff-index.js';
import { parseHunkCounts } from '../core/change/parse-hunk-counts.js';
import type { ChangeBase, FileChange } from '../core/change/staged-change.js';
import { computeTotals } from '../core/change/totals.js';
import { UsageError } from '../core/errors.js';
import { detectProvenance } from '../core/provenance/detect-provenance.js';
import { proposeSplit } from '../core/policy/propose-split.js';
import { evaluateSizeGate, type Reason } from '../core/policy/size-gate.js';
import { loadConfig } from '../adapters/config/load-config.js';
import { isAmendInProgress } from '../adapters/git/detect-amend.js';
import { openRepository, type GitClient } from '../adapters/git/git-client.js';
import { readRepoState } from '../adapters/git/read-repo-state.js';
import type { Logger } from '../adapters/log/logger.js';
import type { ResolvedConfig } from '../core/config/defaults.js';
import type { ReviewOutcome } from './review-outcome.js';

export interface ReviewOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly aiFlag: boolean;
  /** Compute the blast radius (off with --no-impact). */
  readonly withImpact?: boolean;
  readonly configPath?: string;
  /** `--override`, or SELFREVIEW_OVERRIDE. */
  readonly override?: string;
  readonly logger: Logger;
  /** The repository, already being opened (cli starts git while this module graph loads). */
  readonly repository?: Promise<GitClient>;
  /** Compare the index with this tree or commit instead of HEAD (review-commit: the commit's parent). */
  readonly baseRev?: string;
}

const short = (id: string) => id.slice(0, 10);

/** An override must say why: an empty or token reason would make the record meaningless. */
export function checkOverrideReason(reason: string | undefined): string | null {
  if (reason === undefined) return null;
  const trimmed = reason.trim();
  if (trimmed.replace(/[^\p{L}\p{N}]/gu, '').length < 3) {
    throw new UsageError('An override needs a reason: SELFREVIEW_OVERRIDE="why this cannot wait" git commit ...');
  }
  return trimmed;
}

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
    notes.push('Merge in progress: git could not reproduce the automatic merge, so the size gate is skipped; the merged branches were gated when committed.');
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

async function readFiles(git: GitClient, base: string, exclude: readonly string[]): Promise<FileChange[]> {
  const raw = parseDiffIndex(await git.readDiffIndex(base));
  const attributes = parseCheckAttr(await git.readExclusionAttributes(raw.map((f) => f.path)));
  const matchExclusion = createExclusionMatcher(exclude);
  return raw.map((file) => ({ ...file, excluded: matchExclusion(file.path, attributes.get(file.path)) }));
}

/** The review of the staged change: read, measure, gate. Pure stages between the two ends. */
export async function runReview(options: ReviewOptions): Promise<ReviewOutcome> {
  return (await analyseStagedChange(options)).outcome;
}

/** runReview, keeping the repository and config for the stages that follow (questionnaire). */
export async function analyseStagedChange(options: ReviewOptions): Promise<{ outcome: ReviewOutcome; git: GitClient; config: ResolvedConfig }> {
  const { logger, env } = options;
  const override = checkOverrideReason(options.override);
  const git = await (options.repository ?? openRepository(options.cwd, logger, { prefetchStagedDiff: true }));
  const config = await loadConfig(git.info.root, options.configPath, logger);
  const state = readRepoState(git.info.gitDir, env);
  const notes: string[] = [];

  const chosen = options.baseRev !== undefined ? { kind: 'head' as const, rev: options.baseRev } : await chooseBase(git, state.mergeHeads, notes);
  const base: ChangeBase = chosen === 'unmeasured' ? { kind: 'head', rev: git.info.head! } : chosen;
  if (base.kind === 'head' && state.mergeHeads.length === 0 && isAmendInProgress()) {
    notes.push(`Amend: measuring what this amend adds to HEAD (${short(base.rev)}); HEAD's own changes were reviewed when it was committed.`);
  }
  const files = await logger.time('stage: change model', () => readFiles(git, base.rev, config.exclude));
  const hunksByPath = hasHunkBudget(config) ? parseHunkCounts(await git.readHunkPatch(base.rev)) : undefined;
  // The total of the counted files only, as the lines are: an excluded lock file's hunks do not count.
  const hunks = hunksByPath && files.reduce((sum, f) => sum + (f.excluded === null ? (hunksByPath.get(f.path) ?? 0) : 0), 0);
  const provenance = detectProvenance({ env, aiFlag: options.aiFlag, assume: config.provenance.assume });
  const gate = evaluateSizeGate({ files, ...(hunksByPath !== undefined && { hunks, hunksByPath }), provenance: provenance.kind, config });

  let verdict = gate.verdict;
  const reasons: Reason[] = [...gate.reasons];
  if (chosen === 'unmeasured' || state.replay !== null) {
    if (state.replay !== null) {
      notes.push(`${state.replay} in progress: replayed commits are not gated here (each was gated when first committed; \`selfreview ci\` checks them).`);
    }
    verdict = 'pass';
    reasons.length = 0;
  } else if (verdict === 'reject' && override !== null) {
    verdict = 'pass';
    reasons.push({ code: 'override', message: `Over budget, let through by an override: ${override}` });
  }
  const split = gate.verdict === 'reject' ? proposeSplit(files, gate.budget) : [];
  // Loaded only when used: the import graph's modules cost start-up time --no-impact should not pay.
  const impact =
    files.length > 0 && options.withImpact !== false
      ? await (await import('./compute-impact.js')).computeImpact({ git, files, head: { kind: 'index' }, config, logger })
      : undefined;
  const outcome: ReviewOutcome = {
    verdict,
    reasons,
    notes,
    base,
    files,
    totals: computeTotals(files),
    ...(hunks !== undefined && { hunks }),
    provenance,
    gate,
    split,
    override: gate.verdict === 'reject' ? override : null,
    configSource: config.source,
    ...(impact !== undefined && { impact }),
    ...(state.replay !== null && { isReplay: true }),
  };
  return { outcome, git, config };
}
