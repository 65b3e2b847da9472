import type { CommitReview, ReviewStatus } from '../core/contracts/commit-review.js';
import type { ResolvedConfig } from '../core/config/defaults.js';
import { GitError } from '../core/errors.js';
import type { CommitEntry } from '../core/git/parse-commit-log.js';
import { decideCommit } from '../core/policy/decide-commit.js';
import { listNotedCommits, readCommitProvenanceInputs } from './read-commit-line-split.js';
import { detectCommitSignals } from '../core/provenance/commit-signals.js';
import type { ReviewRecord } from '../core/record/review-record.js';
import { parseNoteRecords } from '../core/record/parse-note-records.js';
import { readTrailerFields } from '../core/record/trailers.js';
import { loadConfig } from '../adapters/config/load-config.js';
import { openRepository, type GitClient } from '../adapters/git/git-client.js';
import type { Logger } from '../adapters/log/logger.js';
import { readChanges } from './read-change.js';
import { readRangeCommit, verifyRangeReviews } from './verify-range-reviews.js';

// Reads the reviews recorded on commits for `show` and `log`, verified and decided as CI does (the
// same decideCommit, so `log` never calls reviewed what CI fails for its size or provenance): the
// claim of the message or the note, the record it names in the notes, and whether that record's
// patch accounts for the commit's change. Comparing the trailer's tree with the commit's called
// every rebased commit "changed after review" and believed a hand-written trailer.

export type { CommitReview, ReviewStatus };

export async function listCommitReviews(cwd: string, range: string, logger: Logger, limit = 50): Promise<CommitReview[]> {
  return verifyCommits(await openRepository(cwd, logger), range, logger, limit);
}

async function verifyCommits(git: GitClient, range: string, logger: Logger, limit: number): Promise<CommitReview[]> {
  const config = await loadConfig(git.info.root, undefined, logger);
  const entries = await git.readCommitLog(range, { maxCount: limit });
  try {
    return await verifyEntries(git, config, entries);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
  }
  // One unreadable commit (a missing tree or blob, a damaged object) fails git for the whole
  // batch: each commit alone then, and the one git cannot read is reported as such.
  const reviews: CommitReview[] = [];
  for (const entry of entries) {
    try {
      reviews.push(...(await verifyEntries(git, config, [entry])));
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      logger.debug(`unreadable commit ${entry.commit}: ${error.message}`);
      reviews.push(unreadableReview(entry, error));
    }
  }
  return reviews;
}

/** A commit git could not read: reported with git's reason, and failed as CI would fail it. */
function unreadableReview(entry: CommitEntry, error: GitError): CommitReview {
  const reason = (error.message.split('\n').find((line) => /fatal|error/i.test(line)) ?? error.message.split('\n')[0] ?? '').trim();
  const message = `git cannot read this commit's change: ${reason.replace(/^.*?(fatal|error): /i, '')}`;
  return {
    commit: entry.commit,
    tree: entry.tree,
    subject: entry.subject,
    trailer: null,
    override: null,
    status: 'unreadable',
    how: null,
    problems: [message],
    ci: {
      verdict: 'fail',
      provenance: 'unknown',
      provenanceSource: 'not read',
      findings: [{ code: 'unreadable', level: 'error', message }],
    },
  };
}

async function verifyEntries(git: GitClient, config: ResolvedConfig, entries: readonly CommitEntry[]): Promise<CommitReview[]> {
  const commits = [];
  for (const entry of entries) commits.push(await readRangeCommit(git, entry));
  // A developer's machine: the remotes' fetched notes too (a teammate's review before it is merged).
  const [reviews, changes, noted] = await Promise.all([
    verifyRangeReviews(git, config, commits, { remoteCopies: true }),
    readChanges(
      git,
      entries.map((entry) => ({ kind: 'commit' as const, entry })),
      config.exclude,
    ),
    listNotedCommits(git),
  ]);
  const result: CommitReview[] = [];
  for (const [index, entry] of entries.entries()) {
    const { verification } = reviews.get(entry.commit)!;
    const { difference: _difference, ...lineInputs } = await readCommitProvenanceInputs(
      git,
      entry,
      noted,
      verification.records[0]?.record.provenance ?? null,
    );
    // CI's decision, from the same inputs CI reads (run-ci.ts).
    const decision = decideCommit({
      ...lineInputs,
      commitSignals: detectCommitSignals(entry.message, entry.author),
      assume: config.provenance.assume,
      files: changes[index] ?? null,
      isMerge: entry.parents.length > 1,
      review: verification,
      policy: config.ci,
      config,
    });
    const { trailer } = readTrailerFields(entry.reviewTrailers, entry.overrideTrailers);
    const isOverride = verification.status === 'reviewed' && verification.override !== null;
    const isSetup = verification.status === 'missing' && decision.check.findings.some((f) => f.code === 'setup-commit');
    result.push({
      commit: entry.commit,
      tree: entry.tree,
      subject: entry.subject,
      trailer,
      override: verification.override,
      status: isOverride ? 'override' : isSetup ? 'setup' : verification.status,
      how: verification.how,
      problems: verification.findings.filter((f) => f.level === 'error').map((f) => f.message),
      ci: {
        verdict: decision.check.verdict,
        provenance: decision.provenance.kind,
        provenanceSource: decision.provenance.source,
        findings: decision.check.findings,
      },
    });
  }
  return result;
}

export async function readCommitReview(
  cwd: string,
  rev: string,
  logger: Logger,
): Promise<{ review: CommitReview; note: ReviewRecord | null } | null> {
  const git = await openRepository(cwd, logger);
  const commit = await git.resolveCommit(rev);
  const [review] = await verifyCommits(git, commit, logger, 1);
  if (!review) return null;
  let text: string | null;
  try {
    text = await git.readNote('selfreview', commit);
  } catch (error) {
    // A note whose object is gone or damaged: the review is still shown, without its answers.
    if (!(error instanceof GitError)) throw error;
    logger.debug(`unreadable note of ${commit}: ${error.message}`);
    return { review: { ...review, problems: [...review.problems, 'its review note cannot be read (git: bad object)'] }, note: null };
  }
  // A note git concatenated (a squash) holds several records: the first is shown.
  return { review, note: text === null ? null : (parseNoteRecords(text).records[0] ?? null) };
}
