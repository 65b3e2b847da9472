import type { SignatureResult } from './require-signatures.js';
import type { KnownRecord, ReviewVerification } from './verify-review.js';

// Where signed reviews are not required (ci.requireSignedReviews off): what only the author can
// vouch for — answered at a terminal, who the reviewer is, the override — rests on a signature
// when the record has one, and is reported as the author's word when it has none. Anyone who can
// write the notes can recompute a digest (record-digest.ts): a digest binds a note to a trailer,
// not to a person. A signature that does not verify here is reported, never believed.

const short = (digest: string) => `${digest.slice(0, 17)}…`;

function claimsOf(known: KnownRecord): string {
  const r = known.record;
  const from = r.answeredFrom === 'terminal' ? 'answered at a terminal' : 'answered from a file';
  const who = r.reviewer ? ` by ${r.reviewer.name} <${r.reviewer.email}>` : '';
  return `${from}${who}${r.override ? `, override "${r.override}"` : ''}`;
}

export function reportAuthorsWord(verification: ReviewVerification, results: ReadonlyMap<string, SignatureResult>): ReviewVerification {
  if (verification.status !== 'reviewed' || verification.records.length === 0) return verification;
  const findings = [...verification.findings];
  for (const known of verification.records) {
    const result = results.get(known.digest);
    if (result?.ok) continue;
    // An override lets an oversized change through: resting on nobody's signature, it warns.
    const level = known.record.override ? 'warning' : 'note';
    findings.push(
      result === undefined
        ? {
            code: 'record-unsigned',
            level,
            message: `unsigned: the author's word — the record ${short(known.digest)} says ${claimsOf(known)}; nothing proves it (sign reviews with a git signing key, require them with ci.requireSignedReviews)`,
          }
        : {
            code: 'signature-unverified',
            level: 'warning',
            message: `the record ${short(known.digest)} is signed, but its signature does not verify here (${result.reason}): it says ${claimsOf(known)} on the author's word`,
          },
    );
  }
  return { ...verification, findings };
}
