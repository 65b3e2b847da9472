import { nodeCrypto } from '../node-crypto.js';
import { toCanonicalJson } from './canonical-json.js';
import type { ReviewRecord } from './review-record.js';

// The digest of a review record: sha256 over its canonical JSON, signature left out (it signs
// this digest). The trailer carries it and the note carries the record, so CI can tell a record
// selfreview wrote from a line typed into a commit message — it recomputes the digest from the
// note and checks what the record says (answers, tree, patch, provenance) against the commit.
// A digest is not a secret: it proves the note and the trailer belong together, not who wrote
// them (that is the signature's job, docs/ci.md).

export const DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;

/** A digest as a Self-Review line names it: whole (before the short form) or its first 20 hex digits. */
export const CLAIMED_DIGEST_PATTERN = /^sha256:[0-9a-f]{20}(?:[0-9a-f]{44})?$/;

/** The entry whose whole digest is `digest` or starts with it (a short claim); undefined when none. */
export function findByDigest<T>(byDigest: ReadonlyMap<string, T>, digest: string): T | undefined {
  const exact = byDigest.get(digest);
  if (exact !== undefined || DIGEST_PATTERN.test(digest)) return exact;
  for (const [whole, value] of byDigest) if (whole.startsWith(digest)) return value;
  return undefined;
}

export function computeRecordDigest(record: ReviewRecord): string {
  const { signature: _signature, ...signed } = record;
  return `sha256:${nodeCrypto().createHash('sha256').update(toCanonicalJson(signed), 'utf8').digest('hex')}`;
}

/** The bytes a signature covers: the digest under our own namespace line. */
export function formatSignedPayload(digest: string): string {
  return `selfreview review record ${digest}\n`;
}
