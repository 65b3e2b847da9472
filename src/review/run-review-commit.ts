import type { QuestionnaireResult } from '../core/contracts/review-outcome.js';
import { computeRecordDigest } from '../core/record/record-digest.js';
import type { Prompter } from '../core/questionnaire/prompter.js';
import type { PackageRunner } from '../core/config/package-runner.js';
import { detectPackageRunner } from '../adapters/fs/detect-package-runner.js';
import { openRepository, type GitClient } from '../adapters/git/git-client.js';
import { appendReviewNote, readParents, readTreeIntoIndex } from '../adapters/git/review-notes-ops.js';
import { createTempIndex } from '../adapters/git/temp-index.js';
import type { Logger } from '../adapters/log/logger.js';
import { openReviewStore } from '../adapters/store/review-store.js';
import { runReview } from './run-review.js';

// `selfreview review-commit <rev>`: the review of a commit that exists already (one that
// changed after its review, or was made without the hooks), without rewriting history. The
// commit's tree goes into a temporary index, so the review reads it exactly as the hook reads a
// staged change, against the commit's parent (the empty tree for a root commit, git's automatic
// merge for a merge); the record is appended to the commit's note, where CI finds it.

export interface ReviewCommitOptions {
  readonly cwd: string;
  readonly rev: string;
  readonly configPath?: string;
  readonly answersPath?: string;
  readonly openPrompter: () => Promise<Prompter | null>;
  readonly version: string;
  readonly logger: Logger;
}

export interface ReviewCommitResult {
  readonly commit: string;
  /** How the questionnaire ended; null when the commit is over budget (see `reasons`). */
  readonly result: QuestionnaireResult | null;
  readonly reasons: readonly string[];
  /** The digest of the record now in the commit's note. */
  readonly digest: string | null;
  /** How the project runs selfreview, for the commands printed after. */
  readonly runner: PackageRunner;
}

async function baseOf(git: GitClient, commit: string): Promise<string> {
  const parents = await readParents(git, commit);
  if (parents.length === 0) return git.readEmptyTree();
  if (parents.length === 2) return (await git.readAutoMergeTree(parents[0]!, parents[1]!)) ?? parents[0]!;
  return parents[0]!;
}

export async function runReviewCommit(options: ReviewCommitOptions): Promise<ReviewCommitResult> {
  const { logger } = options;
  const git = await openRepository(options.cwd, logger);
  const commit = await git.resolveCommit(options.rev);
  const runner = detectPackageRunner(git.info.root);
  const base = await baseOf(git, commit);
  const index = createTempIndex(git.info.gitDir);
  const savedIndex = process.env.GIT_INDEX_FILE;
  try {
    // NOTE: the review reads "the index" through GIT_INDEX_FILE, as in a hook; ours holds the
    // commit's tree and the user's index is never touched.
    process.env.GIT_INDEX_FILE = index.path;
    await readTreeIntoIndex(git, commit);
    const outcome = await runReview(
      {
        cwd: options.cwd,
        env: process.env,
        aiFlag: false,
        withImpact: true,
        mode: 'ask',
        baseRev: base,
        version: options.version,
        logger,
        ...(options.configPath !== undefined && { configPath: options.configPath }),
        ...(options.answersPath !== undefined && { answersPath: options.answersPath }),
      },
      { onAnalysed: () => undefined, openPrompter: options.openPrompter },
    );
    const result = outcome.questionnaire;
    const reasons = outcome.analysis.reasons.map((r) => r.message);
    if (result === null || (result.kind !== 'recorded' && result.kind !== 'already-reviewed'))
      return { commit, result, reasons, digest: null, runner };
    // append: a record already in the note (the first review) stays beside the new one.
    await appendReviewNote(git, commit, `${JSON.stringify(result.record, null, 2)}\n`);
    openReviewStore(git.info.commonDir).removeReview(result.record.tree);
    return { commit, result, reasons, digest: computeRecordDigest(result.record), runner };
  } finally {
    if (savedIndex === undefined) delete process.env.GIT_INDEX_FILE;
    else process.env.GIT_INDEX_FILE = savedIndex;
    index.remove();
  }
}
