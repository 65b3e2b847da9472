import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { formatSignedPayload } from '../../core/record/record-digest.js';
import type { RecordSignature } from '../../core/record/review-record.js';
import { runSigner } from './run-signer.js';

// Signs a record's digest with the reviewer's git signing key, the way git signs commits:
// gpg.format ssh → `ssh-keygen -Y sign` with user.signingkey (a key file, or "key::<public key>"
// held by ssh-agent); openpgp (git's default) → `gpg --detach-sign --armor`. The namespace
// "selfreview" keeps a review signature from being taken for a commit or tag signature.

export const SIGNING_NAMESPACE = 'selfreview';

export interface SigningSetup {
  /** git config gpg.format: ssh or openpgp (x509 is not supported). */
  readonly format: string;
  /** git config user.signingkey. */
  readonly key: string;
  /** gpg.ssh.program / gpg.program, when set. */
  readonly program?: string;
}

/** The review cannot be signed as configured: exit 2, with what to fix. */
export class SigningError extends UsageError {}

const expandHome = (path: string) => (path.startsWith('~/') ? join(homedir(), path.slice(2)) : path);

async function signSsh(setup: SigningSetup, payload: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'selfreview-sign-'));
  try {
    let keyFile = expandHome(setup.key);
    const args = ['-Y', 'sign', '-n', SIGNING_NAMESPACE, '-q'];
    if (setup.key.startsWith('key::') || setup.key.startsWith('ssh-')) {
      // A literal public key: the private half is in ssh-agent (-U), as git does.
      keyFile = join(dir, 'key.pub');
      await writeFile(keyFile, `${setup.key.replace(/^key::/, '')}\n`, { mode: 0o600 });
      args.push('-U');
    }
    const run = await runSigner(setup.program ?? 'ssh-keygen', [...args, '-f', keyFile], payload);
    if (run.code !== 0 || !run.stdout.includes('BEGIN SSH SIGNATURE')) {
      throw new SigningError(
        `ssh-keygen could not sign the review with ${setup.key}: ${run.stderr.trim().split('\n')[0] ?? `exit ${run.code}`}`,
      );
    }
    return run.stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function signOpenPgp(setup: SigningSetup, payload: string): Promise<string> {
  const run = await runSigner(
    setup.program ?? 'gpg',
    ['--batch', '--yes', '--detach-sign', '--armor', ...(setup.key ? ['--local-user', setup.key] : [])],
    payload,
  );
  if (run.code !== 0 || !run.stdout.includes('BEGIN PGP SIGNATURE')) {
    throw new SigningError(
      `gpg could not sign the review${setup.key ? ` with ${setup.key}` : ''}: ${run.stderr.trim().split('\n').pop() ?? `exit ${run.code}`}`,
    );
  }
  return run.stdout;
}

export async function signDigest(digest: string, setup: SigningSetup): Promise<RecordSignature> {
  const payload = formatSignedPayload(digest);
  try {
    if (setup.format === 'ssh') return { format: 'ssh', value: await signSsh(setup, payload) };
    if (setup.format === 'openpgp') return { format: 'openpgp', value: await signOpenPgp(setup, payload) };
  } catch (error) {
    if (error instanceof SigningError) throw error;
    throw new SigningError(`could not run the signing program: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  throw new SigningError(`gpg.format ${setup.format} cannot sign reviews: use ssh or openpgp`);
}
