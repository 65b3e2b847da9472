import { CLAIMED_DIGEST_PATTERN } from './record-digest.js';
import { TRAILER, parseReviewTrailer } from './trailers.js';

// Every line of a commit message that claims a review, read strictly for CI. Not only the last
// trailer: "two trailers where the last is right" must not pass, so each claim is verified on its
// own. Not only the trailer block either: a squash keeps each squashed commit's trailers in its
// body, and those are claims too. A key spelt otherwise than selfreview writes it
// ("self-review:") is reported as such: git's trailer matching ignores case, ours does not.

export interface ReviewClaim {
  /** 1-based line of the message. */
  readonly line: number;
  /** The key as written. */
  readonly key: string;
  readonly value: string;
  /** What does not hold about the line itself, before any record is looked up. */
  readonly problem: string | null;
  /** The record digest the line names, when it names a well-formed one. */
  readonly digest: string | null;
}

export interface MessageClaims {
  readonly reviews: readonly ReviewClaim[];
  /** Override trailers, as written: CI believes only the override inside a verified record. */
  readonly overrides: readonly ReviewClaim[];
}

const KEY = /^\s*(self-review(?:-override)?)\s*:\s?(.*)$/i;

export function readReviewClaims(message: string): MessageClaims {
  const reviews: ReviewClaim[] = [];
  const overrides: ReviewClaim[] = [];
  message.split('\n').forEach((text, i) => {
    const match = KEY.exec(text);
    if (!match) return;
    const key = match[1]!;
    const value = match[2]!.trim();
    const isOverride = key.toLowerCase() === TRAILER.override.toLowerCase();
    const exact = isOverride ? TRAILER.override : TRAILER.review;
    // Indented: a squash message quotes each squashed commit (`git merge --squash`), its lines
    // four spaces in; the claim is that commit's and verifies like any other.
    const wrongKey = key !== exact ? `the key is "${key}", not "${exact}" as selfreview writes it` : null;
    if (isOverride) {
      overrides.push({ line: i + 1, key, value, problem: wrongKey, digest: null });
      return;
    }
    const trailer = parseReviewTrailer(value);
    const digest = trailer?.digest ?? null;
    const problem =
      wrongKey ??
      (trailer === null
        ? 'not a Self-Review trailer selfreview writes'
        : digest === null
          ? 'it names no record digest (digest=…): a hand-written line, or a review from before selfreview 0.2'
          : CLAIMED_DIGEST_PATTERN.test(digest)
            ? null
            : `its digest "${digest.slice(0, 80)}" is not a sha256 digest`);
    reviews.push({ line: i + 1, key, value, problem, digest: digest !== null && CLAIMED_DIGEST_PATTERN.test(digest) ? digest : null });
  });
  return { reviews, overrides };
}
