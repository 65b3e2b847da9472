import type { ResolvedConfig } from '../core/config/defaults.js';
import { buildReviewRecord, type RecordInput } from '../core/record/build-record.js';
import { computeRecordDigest } from '../core/record/record-digest.js';
import type { ReviewRecord } from '../core/record/review-record.js';
import type { GitClient } from '../adapters/git/git-client.js';
import { readReviewer, readStagedPatch } from '../adapters/git/read-patches.js';
import { signDigest, SigningError } from '../adapters/signing/sign-digest.js';

// What a record needs beyond the answers, read only once the answers are in (the hook's fast
// path, a review already made for this content, never pays for it): the staged patch as patch
// ids (two git spawns), who answered (git's author identity), and, where the team requires
// signed reviews (ci.requireSignedReviews) or the person asks for it (git config
// selfreview.signReviews true), a signature over the record's digest with their git signing key.
// By default too when git can sign for them already: user.signingkey set and either gpg.format
// ssh (a key file or ssh-agent, no prompt) or commit.gpgsign true (they sign every commit, so
// gpg works here); `selfreview.signReviews false` turns that off. A default signature that fails
// leaves the record unsigned (CI reports it as the author's word), it never blocks the commit.

const readConfigValue = async (git: GitClient, key: string) => ((await git.readConfig(key)) ?? '').trim() || null;

export async function completeRecord(
  git: GitClient,
  config: ResolvedConfig,
  input: Omit<RecordInput, 'patch' | 'reviewer'>,
  onUnsigned: (why: string) => void = () => {},
): Promise<ReviewRecord> {
  const [patch, reviewer] = await Promise.all([readStagedPatch(git, input.base), readReviewer(git)]);
  const record = buildReviewRecord({ ...input, patch, reviewer });
  const asked = await readConfigValue(git, 'selfreview.signReviews');
  const format = (await readConfigValue(git, 'gpg.format')) ?? 'openpgp';
  const key = (await readConfigValue(git, 'user.signingkey')) ?? '';
  const isRequired = config.ci.requireSignedReviews || asked === 'true';
  const canSign = key !== '' && (format === 'ssh' || (await readConfigValue(git, 'commit.gpgsign')) === 'true');
  if (!isRequired && (asked === 'false' || !canSign)) return record;
  const program = await readConfigValue(git, format === 'ssh' ? 'gpg.ssh.program' : 'gpg.program');
  try {
    const signature = await signDigest(computeRecordDigest(record), { format, key, ...(program !== null && { program }) });
    return { ...record, signature };
  } catch (error) {
    if (isRequired || !(error instanceof SigningError)) throw error;
    onUnsigned(error.message);
    return record;
  }
}
