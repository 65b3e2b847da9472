import type { ResolvedConfig } from '../core/config/defaults.js';
import { buildReviewRecord, type RecordInput } from '../core/record/build-record.js';
import { computeRecordDigest } from '../core/record/record-digest.js';
import type { ReviewRecord } from '../core/record/review-record.js';
import type { GitClient } from '../adapters/git/git-client.js';
import { readReviewer, readStagedPatch } from '../adapters/git/read-patches.js';
import { signDigest } from '../adapters/signing/sign-digest.js';

// What a record needs beyond the answers, read only once the answers are in (the hook's fast
// path, a review already made for this content, never pays for it): the staged patch as patch
// ids (two git spawns), who answered (git's author identity), and, where the team requires
// signed reviews (ci.requireSignedReviews) or the person asks for it (git config
// selfreview.signReviews true), a signature over the record's digest with their git signing key.

const readConfigValue = async (git: GitClient, key: string) => ((await git.readConfig(key)) ?? '').trim() || null;

export async function completeRecord(
  git: GitClient,
  config: ResolvedConfig,
  input: Omit<RecordInput, 'patch' | 'reviewer'>,
): Promise<ReviewRecord> {
  const [patch, reviewer] = await Promise.all([readStagedPatch(git, input.base), readReviewer(git)]);
  const record = buildReviewRecord({ ...input, patch, reviewer });
  const wantsSignature = config.ci.requireSignedReviews || (await readConfigValue(git, 'selfreview.signReviews')) === 'true';
  if (!wantsSignature) return record;
  const format = (await readConfigValue(git, 'gpg.format')) ?? 'openpgp';
  const key = (await readConfigValue(git, 'user.signingkey')) ?? '';
  const program = await readConfigValue(git, format === 'ssh' ? 'gpg.ssh.program' : 'gpg.program');
  const signature = await signDigest(computeRecordDigest(record), { format, key, ...(program !== null && { program }) });
  return { ...record, signature };
}
