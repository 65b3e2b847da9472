import type { PatchSummary } from '../change/patch-summary.js';
import { readReviewClaims } from '../record/read-review-lines.js';
import { findByDigest } from '../record/record-digest.js';
import type { ReviewRecord } from '../record/review-record.js';
import type { Finding } from './finding.js';
import { matchReviewedPatch, type ReviewedPatch } from './match-reviewed-patch.js';

// CI's verification of one commit's review. A claim is a Self-Review line of the message (each
// one, not the last) or the commit's own note; it verifies when the record its digest names is
// in the notes, holds (check-record-integrity.ts), is signed where signatures are required, and
// its patch accounts for the commit's change (match-reviewed-patch.ts). Every failure names what
// does not verify.

export interface KnownRecord {
  readonly digest: string;
  readonly record: ReviewRecord;
  /** The commit whose note holds it. */
  readonly notedOn: string;
  /** What does not hold about it (integrity, signature); empty when it verifies. */
  readonly problems: readonly string[];
}

export interface ReviewPolicy {
  /** A claim whose record is not in the fetched notes. */
  readonly unverifiedReviews: 'fail' | 'warn';
  /** Answers read from a file (--answers) rather than typed at a terminal. */
  readonly answersFromFile: 'fail' | 'warn' | 'allow';
}

export type ReviewStatus = 'reviewed' | 'missing' | 'changed-after-review' | 'unverified' | 'invalid';

export interface ReviewVerification {
  readonly status: ReviewStatus;
  /** How it was reviewed: "same tree", "rebased from <commit>", "combines the reviews of …". */
  readonly how: string | null;
  /** The verified records that account for the commit. */
  readonly records: readonly KnownRecord[];
  /** The override of a verified record (trailers alone are not believed). */
  readonly override: string | null;
  readonly findings: readonly Finding[];
}

export interface VerifyReviewInput {
  readonly commit: string;
  readonly tree: string;
  readonly message: string;
  readonly patch: PatchSummary;
  /** Records in the commit's own note. */
  readonly ownNote: readonly KnownRecord[];
  /** Records noted on the commit they reviewed (their tree is that commit's), by digest. */
  readonly byDigest: ReadonlyMap<string, KnownRecord>;
  /** Records noted only on a commit they do not describe: digest → that commit. */
  readonly strays?: ReadonlyMap<string, string>;
  /** Every record that verifies, for squashes whose fixups' trailers were dropped. */
  readonly pool: readonly ReviewedPatch[];
  readonly policy: ReviewPolicy;
}

const short = (id: string) => id.slice(0, 10);
const FIX = (commit: string) => `review it again with \`selfreview review-commit ${short(commit)}\``;

export function verifyReview(input: VerifyReviewInput): ReviewVerification {
  const findings: Finding[] = [];
  const claims = readReviewClaims(input.message);
  const claimed = new Map<string, KnownRecord>();
  let isInvalid = false;
  let unverified = 0;
  const error = (code: string, message: string) => {
    isInvalid = true;
    findings.push({ code, level: 'error', message });
  };
  for (const claim of claims.reviews) {
    if (claim.problem !== null || claim.digest === null) {
      error('review-line-invalid', `Self-Review line ${claim.line} does not verify: ${claim.problem ?? 'no digest'}`);
      continue;
    }
    const digest = claim.digest;
    const known = input.ownNote.find((k) => k.digest.startsWith(digest)) ?? findByDigest(input.byDigest, digest);
    const stray = input.strays === undefined ? undefined : findByDigest(input.strays, digest);
    if (known === undefined && stray !== undefined) {
      unverified++;
      findings.push({
        code: 'review-unverified',
        level: input.policy.unverifiedReviews === 'fail' ? 'error' : 'warning',
        message: `unverified: the record ${claim.digest.slice(0, 17)}… that Self-Review line ${claim.line} names hangs on the note of ${short(stray)}, a commit it does not describe: a record counts only from the note of the commit it reviewed`,
      });
    } else if (known === undefined) {
      unverified++;
      findings.push({
        code: 'review-unverified',
        level: input.policy.unverifiedReviews === 'fail' ? 'error' : 'warning',
        message: `unverified: no fetched note holds the record ${claim.digest.slice(0, 17)}… that Self-Review line ${claim.line} names (push and fetch refs/notes/selfreview)`,
      });
    } else claimed.set(known.digest, known);
  }
  for (const known of input.ownNote) {
    // A note from before digests is not a forgery, just not verifiable: re-review to verify it.
    if ((known.record as { version?: number }).version !== 2) {
      unverified++;
      findings.push({
        code: 'review-unverified',
        level: input.policy.unverifiedReviews === 'fail' ? 'error' : 'warning',
        message: `unverified: the note holds a review recorded before selfreview 0.2 (no digest, no patch); ${FIX(input.commit)}`,
      });
    } else claimed.set(known.digest, known);
  }
  for (const known of claimed.values()) {
    for (const problem of known.problems)
      error('record-invalid', `the review record ${known.digest.slice(0, 17)}… does not verify: ${problem}`);
  }
  const valid = [...claimed.values()].filter((k) => k.problems.length === 0);
  const verdictOf = (status: ReviewStatus, how: string | null, records: KnownRecord[], override: string | null): ReviewVerification => ({
    // A claim that cannot be verified taints a match made from the others (an edited note).
    status: isInvalid ? 'invalid' : unverified > 0 && status === 'reviewed' ? 'unverified' : status,
    how,
    records,
    override,
    findings,
  });
  if (valid.length === 0) {
    for (const o of claims.overrides)
      error(
        'override-unverified',
        `Self-Review-Override line ${o.line} is not backed by a verified review record: an override counts only from the record`,
      );
    if (claims.reviews.length === 0 && claimed.size === 0 && unverified === 0) return verdictOf('missing', null, [], null);
    return verdictOf(unverified > 0 ? 'unverified' : 'invalid', null, [], null);
  }
  const match = matchReviewedPatch(
    { tree: input.tree, patch: input.patch },
    valid.map((k) => ({ digest: k.digest, tree: k.record.tree, patch: k.record.patch })),
    input.pool,
  );
  const records = match.digests.map((d) => claimed.get(d) ?? input.byDigest.get(d)).filter((k): k is KnownRecord => k !== undefined);
  const overrides = records.map((k) => k.record.override).filter((o): o is string => o !== null);
  for (const o of claims.overrides) {
    if (o.problem !== null) error('override-unverified', `Self-Review-Override line ${o.line} does not verify: ${o.problem}`);
    else if (!overrides.some((r) => r.trim() === o.value.trim() || r.startsWith(o.value.replace(/…$/, '')))) {
      error(
        'override-unverified',
        `Self-Review-Override line ${o.line} is not in the verified review record: an override counts only from the record`,
      );
    }
  }
  for (const k of records.filter((r) => r.record.answeredFrom === 'file')) {
    if (input.policy.answersFromFile === 'allow') continue;
    findings.push({
      code: 'answers-from-file',
      level: input.policy.answersFromFile === 'fail' ? 'error' : 'warning',
      message: `the review ${k.digest.slice(0, 17)}… was answered from a file (--answers), not at a terminal: CI cannot tell a person from a program; ${FIX(input.commit)} (or set ci.answersFromFile)`,
    });
  }
  // A hook after the review (a formatter) changed what was committed: the record says what.
  for (const { record, digest } of records) {
    if (record.restaged === undefined) continue;
    const changed = record.restaged.files.map((f) => `${f.path} (+${f.added} -${f.removed})`).join(', ');
    findings.push({
      code: 'restaged-after-review',
      level: 'warning',
      message: `a hook changed ${changed} after the review ${digest.slice(0, 17)}… (reviewed tree ${short(record.restaged.reviewedTree)}): those lines were not reviewed`,
    });
  }
  const override = overrides[0] ?? null;
  if (match.kind === 'changed') {
    findings.push({
      code: 'changed-after-review',
      level: 'error',
      message: `changed after its review: ${match.differences.join('; ')}; ${FIX(input.commit)}`,
    });
    return verdictOf('changed-after-review', null, records, override);
  }
  const from = records.map((k) => k.notedOn).filter((c) => c !== input.commit);
  const how =
    match.kind === 'same-tree'
      ? 'same tree'
      : match.kind === 'same-patch'
        ? from.length > 0
          ? `rebased from ${short(from[0]!)}`
          : `same patch as the reviewed tree ${short(records[0]?.record.tree ?? '')}`
        : `combines the reviews of ${records.map((k) => (k.notedOn === input.commit ? 'this commit' : short(k.notedOn))).join(', ')}`;
  return verdictOf('reviewed', how, records, override);
}
