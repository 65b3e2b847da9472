import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeRecordDigest } from '../core/record/record-digest.js';
import { openRepository } from '../adapters/git/git-client.js';
import { REVIEW_NOTES_REF } from '../adapters/git/read-review-notes.js';
import type { Logger } from '../adapters/log/logger.js';
import type { AnswerFileEntry } from '../adapters/config/read-answers-file.js';
import type { Prompter } from '../adapters/prompts/terminal-prompter.js';
import { openReviewStore } from '../adapters/store/review-store.js';
import { analyseStagedChange } from './run-review.js';
import { runQuestionnaire, type QuestionnaireResult } from './run-questionnaire.js';

// `selfreview review-commit <rev>`: the review of a commit that exists already (one that
// changed after its review, or was made without the hooks), without rewriting history. The
// commit's tree goes into a temporary index, so the review reads it exactly as the hook reads a
// staged change, against the commit's parent (the empty tree for a root commit, git's automatic
// merge for a merge); the record is appended to the commit's note, where CI finds it.

export interface ReviewCommitOptions {
  readonly cwd: string;
  readonly rev: string;
  readonly configPath?: string;
  readonly answersFile?: Record<string, AnswerFileEntry>;
  readonly openPrompter: () => Prompter | null;
  readonly version: string;
  readonly logger: Logger;
}

export interface ReviewCommitResult {
  readonly commit: string;
  readonly result: QuestionnaireResult;
  /** The digest of the record now in the commit's note. */
  readonly digest: string | null;
}

async function baseOf(git: Awaited<ReturnType<typeof openRepository>>, commit: string): Promise<string> {
  const [, ...parents] = (await git.raw(['rev-list', '--parents', '-n', '1', commit])).trim().split(' ');
  if (parents.length === 0) return git.readEmptyTree();
  if (parents.length === 2) return (await git.readAutoMergeTree(parents[0]!, parents[1]!)) ?? parents[0]!;
  return parents[0]!;
}

export async function runReviewCommit(options: ReviewCommitOptions): Promise<ReviewCommitResult> {
  const { logger } = options;
  const git = await openRepository(options.cwd, logger);
  const commit = await git.resolveCommit(options.rev);
  const base = await baseOf(git, commit);
  const dir = await mkdtemp(join(tmpdir(), 'selfreview-review-commit-'));
  const savedIndex = process.env.GIT_INDEX_FILE;
  try {
    // NOTE: the review reads "the index" through GIT_INDEX_FILE, as in a hook; ours holds the
    // commit's tree and the user's index is never touched.
    process.env.GIT_INDEX_FILE = join(dir, 'index');
    await git.raw(['read-tree', commit]);
    const { outcome, git: indexGit, config } = await analyseStagedChange({
      cwd: options.cwd,
      env: { ...process.env, SELFREVIEW_OVERRIDE: undefined },
      aiFlag: false,
      baseRev: base,
      logger,
      ...(options.configPath !== undefined && { configPath: options.configPath }),
    });
    const result = await runQuestionnaire({
      outcome,
      git: indexGit,
      config,
      version: options.version,
      ...(options.answersFile && { answersFile: options.answersFile }),
      openPrompter: options.openPrompter,
    });
    if (result.kind !== 'recorded' && result.kind !== 'already-reviewed') return { commit, result, digest: null };
    // append: a record already in the note (the first review) stays beside the new one.
    await git.raw(['notes', `--ref=${REVIEW_NOTES_REF}`, 'append', '-F', '-', commit], `${JSON.stringify(result.record, null, 2)}\n`);
    openReviewStore(git.info.commonDir).removeReview(result.record.tree);
    return { commit, result, digest: computeRecordDigest(result.record) };
  } finally {
    if (savedIndex === undefined) delete process.env.GIT_INDEX_FILE;
    else process.env.GIT_INDEX_FILE = savedIndex;
    await rm(dir, { recursive: true, force: true });
  }
}
