import { isAbsolute, join } from 'node:path';
import type { PatchSummary } from '../core/change/patch-summary.js';
import type { ResolvedConfig } from '../core/config/defaults.js';
import { reportAuthorsWord } from '../core/policy/report-authors-word.js';
import { requireSignatures, type SignatureResult } from '../core/policy/require-signatures.js';
import { verifyReview, type KnownRecord, type ReviewVerification } from '../core/policy/verify-review.js';
import { checkRecordIntegrity } from '../core/record/check-record-integrity.js';
import { parseNoteRecords } from '../core/record/parse-note-records.js';
import type { ReviewRecord } from '../core/record/review-record.js';
import { computeRecordDigest } from '../core/record/record-digest.js';
import type { CommitEntry } from '../core/git/parse-commit-log.js';
import type { GitClient } from '../adapters/git/git-client.js';
import { readCommitPatches } from '../adapters/git/read-patches.js';
import { readReviewNotes } from '../adapters/git/read-review-notes.js';
import { verifySignature } from '../adapters/signing/verify-signature.js';
import { readAnswerGrounding, type AnswerGrounding } from './read-answer-grounding.js';

// The review of every commit of a range, verified (verify-review.ts): each commit's patch as
// patch ids, every record of the fetched notes indexed by its digest and checked once, and, where
// signed reviews are required, each record that accounts for a commit verified against the
// allowed signers (one ssh-keygen per record, only those used). Where they are not required, a
// signed record is checked all the same and an unsigned one is reported as the author's word
// (report-authors-word.ts). Records count only from refs/notes/selfreview (CI) and only from the
// note of the commit they describe (docs/ci.md, "Trust").

export interface RangeCommit {
  readonly commit: string;
  readonly tree: string;
  readonly message: string;
  readonly authorEmail: string;
  /** A merge's old side: git's automatic merge of its parents (absent: the first parent). */
  readonly against?: string;
}

export interface RangeReview {
  readonly verification: ReviewVerification;
  readonly patch: PatchSummary;
  readonly hasNote: boolean;
}

/** A logged commit as the verification reads it; a merge against git's automatic merge of its parents, as it is measured. */
export async function readRangeCommit(git: GitClient, info: CommitEntry): Promise<RangeCommit> {
  const against = info.parents.length === 2 ? await git.readAutoMergeTree(info.parents[0]!, info.parents[1]!) : null;
  const authorEmail = /<([^>]*)>$/.exec(info.author)?.[1] ?? '';
  return { commit: info.commit, tree: info.tree, message: info.message, authorEmail, ...(against !== null && { against }) };
}

/** The reviewed change of a record, as the hook saw it; nothing (the change-independent rules
 * only) when its base or tree is not in this clone (a shallow fetch). */
async function groundingOf(git: GitClient, record: ReviewRecord): Promise<AnswerGrounding | Record<string, never>> {
  if (typeof record.base !== 'string' || typeof record.tree !== 'string' || !Array.isArray(record.patch?.files)) return {};
  const [base, tree] = await Promise.all([git.readTreeOf(record.base), git.readTreeOf(record.tree)]);
  if (base === null || tree === null) return {};
  const paths = record.patch.files.map((f) => f.path).filter((p): p is string => typeof p === 'string');
  return readAnswerGrounding(git, { base, tree }, paths);
}

async function resolveAllowedSigners(git: GitClient, config: ResolvedConfig): Promise<string | null> {
  const configured = config.ci.allowedSignersFile ?? (await git.readConfig('gpg.ssh.allowedSignersFile'));
  if (configured === null) return null;
  return isAbsolute(configured) ? configured : join(git.info.root, configured.replace(/^~\//, `${process.env.HOME ?? ''}/`));
}

export async function verifyRangeReviews(
  git: GitClient,
  config: ResolvedConfig,
  commits: readonly RangeCommit[],
  options: { readonly remoteCopies: boolean } = { remoteCopies: false },
): Promise<Map<string, RangeReview>> {
  const against = new Map(commits.filter((c) => c.against !== undefined).map((c) => [c.commit, c.against!]));
  const [patches, notes] = await Promise.all([
    readCommitPatches(
      git,
      commits.map((c) => c.commit),
      against,
    ),
    readReviewNotes(git, options),
  ]);
  const byDigest = new Map<string, KnownRecord>();
  const byCommit = new Map<string, KnownRecord[]>();
  const strays = new Map<string, string>();
  for (const note of notes.notes) {
    for (const record of parseNoteRecords(note.text).records) {
      const known: KnownRecord = {
        digest: computeRecordDigest(record),
        record,
        notedOn: note.commit,
        problems: checkRecordIntegrity(record, config.questionnaire.minWords, await groundingOf(git, record)),
      };
      // A record noted on a commit that is here must have reviewed that commit's tree; otherwise
      // it counts for that commit alone (its own note), never for the commits whose trailers name
      // it: a record hung on the base commit would vouch for any commit. A noted commit that is
      // not here is the one a rebase replaced and nobody pushed: its record counts by its patch.
      const notedTree = notes.trees.get(note.commit);
      const describesItsCommit = notedTree === undefined || notedTree === record.tree;
      if (describesItsCommit && !byDigest.has(known.digest)) byDigest.set(known.digest, known);
      else if (!describesItsCommit) strays.set(known.digest, note.commit);
      byCommit.set(note.commit, [...(byCommit.get(note.commit) ?? []), known]);
    }
  }
  for (const digest of byDigest.keys()) strays.delete(digest);
  const pool = [...byDigest.values()]
    .filter((k) => k.problems.length === 0)
    .map((k) => ({ digest: k.digest, tree: k.record.tree, patch: k.record.patch }));
  const policy = { unverifiedReviews: config.ci.unverifiedReviews, answersFromFile: config.ci.answersFromFile };
  const signatures = new Map<string, SignatureResult>();
  const allowedSigners = await resolveAllowedSigners(git, config);
  const result = new Map<string, RangeReview>();
  for (const c of commits) {
    const patch = patches.get(c.commit) ?? { id: '', files: [] };
    let verification = verifyReview({
      commit: c.commit,
      tree: c.tree,
      message: c.message,
      patch,
      ownNote: byCommit.get(c.commit) ?? [],
      byDigest,
      strays,
      pool,
      policy,
    });
    for (const k of verification.records) {
      const isChecked = config.ci.requireSignedReviews || k.record.signature !== undefined;
      if (isChecked && !signatures.has(k.digest))
        signatures.set(k.digest, await verifySignature(k.digest, k.record.signature, k.record.reviewer?.email ?? '', { allowedSigners }));
    }
    verification = config.ci.requireSignedReviews
      ? requireSignatures(verification, signatures, c.authorEmail)
      : reportAuthorsWord(verification, signatures);
    result.set(c.commit, { verification, patch, hasNote: byCommit.has(c.commit) });
  }
  return result;
}
