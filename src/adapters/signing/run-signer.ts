import { spawn } from 'node:child_process';

// Runs ssh-keygen or gpg with data on stdin; resolves with the exit code and output, never
// rejects on a non-zero exit (the callers turn it into a sentence). A missing program is an
// error the caller reports.

export interface SignerRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runSigner(
  program: string,
  args: readonly string[],
  input: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SignerRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, [...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}
