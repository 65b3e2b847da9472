import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatSignedPayload } from '../../core/record/record-digest.js';
import type { RecordSignature } from '../../core/record/review-record.js';
import type { SignatureResult } from '../../core/policy/require-signatures.js';
import { SIGNING_NAMESPACE } from './sign-digest.js';

import { runSigner } from './run-signer.js';

// Verifies a record's signature in CI. ssh: `ssh-keygen -Y verify` against an allowed signers
// file (git's gpg.ssh.allowedSignersFile format), with the record's reviewer email as the
// principal, so a key is accepted only for the person it is listed for. openpgp: `gpg --verify`
// against the keyring CI imported (its allowed signers), and the good signature's user id must
// hold the reviewer's email.

export interface VerifySetup {
  /** The allowed signers file (ssh); absent: ssh signatures cannot be verified. */
  readonly allowedSigners: string | null;
  readonly sshProgram?: string;
  readonly gpgProgram?: string;
}

export async function verifySignature(
  digest: string,
  signature: RecordSignature | undefined,
  reviewer: string,
  setup: VerifySetup,
): Promise<SignatureResult> {
  if (signature === undefined) return { ok: false, reason: 'the record is not signed' };
  const payload = formatSignedPayload(digest);
  const dir = await mkdtemp(join(tmpdir(), 'selfreview-verify-'));
  try {
    const sigFile = join(dir, 'record.sig');
    await writeFile(sigFile, signature.value);
    if (signature.format === 'ssh') {
      if (setup.allowedSigners === null)
        return { ok: false, reason: 'no allowed signers file (ci.allowedSignersFile or gpg.ssh.allowedSignersFile)' };
      const run = await runSigner(
        setup.sshProgram ?? 'ssh-keygen',
        ['-Y', 'verify', '-f', setup.allowedSigners, '-I', reviewer, '-n', SIGNING_NAMESPACE, '-s', sigFile],
        payload,
      );
      if (run.code === 0) return { ok: true, signer: reviewer };
      const why = `${run.stdout}${run.stderr}`.trim().split('\n').pop() ?? `exit ${run.code}`;
      return { ok: false, reason: `ssh-keygen: ${why} (reviewer ${reviewer})` };
    }
    if (signature.format === 'openpgp') {
      const run = await runSigner(setup.gpgProgram ?? 'gpg', ['--batch', '--status-fd', '1', '--verify', sigFile, '-'], payload);
      const good = /^\[GNUPG:\] GOODSIG \S+ (.*)$/m.exec(run.stdout);
      if (run.code !== 0 || good === null) return { ok: false, reason: `gpg: ${run.stderr.trim().split('\n').pop() ?? 'bad signature'}` };
      if (!good[1]!.toLowerCase().includes(`<${reviewer.toLowerCase()}>`))
        return { ok: false, reason: `signed by ${good[1]}, not by the reviewer ${reviewer}` };
      return { ok: true, signer: reviewer };
    }
    return { ok: false, reason: `unknown signature format ${String((signature as { format: unknown }).format)}` };
  } catch (error) {
    return { ok: false, reason: `could not run the verifier: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
