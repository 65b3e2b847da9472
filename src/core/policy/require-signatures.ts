import type { ReviewVerification } from './verify-review.js';

// ci.requireSignedReviews: each record that accounts for a commit must carry a signature that
// verifies against the allowed signers for its reviewer. The signatures are checked by the
// signing adapter (a process per record); this applies the results.

export type SignatureResult = { readonly ok: true; readonly signer: string } | { readonly ok: false; readonly reason: string };

export function requireSignatures(
  verification: ReviewVerification,
  results: ReadonlyMap<string, SignatureResult>,
  authorEmail: string,
): ReviewVerification {
  if (verification.records.length === 0) return verification;
  const findings = [...verification.findings];
  let isInvalid = false;
  for (const known of verification.records) {
    const result = results.get(known.digest) ?? { ok: false, reason: 'not checked' };
    if (!result.ok) {
      isInvalid = true;
      findings.push({
        code: 'signature-invalid',
        level: 'error',
        message: `the review record ${known.digest.slice(0, 17)}… is not signed by an allowed signer: ${result.reason}`,
      });
    } else if (result.signer.toLowerCase() !== authorEmail.toLowerCase()) {
      findings.push({
        code: 'signed-by-other',
        level: 'note',
        message: `the review was signed by ${result.signer}, the commit's author is ${authorEmail}`,
      });
    }
  }
  return { ...verification, status: isInvalid ? 'invalid' : verification.status, findings };
}
