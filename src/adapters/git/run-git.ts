import { spawn } from 'node:child_process';

// Runs one git command and collects its output. We spawn git ourselves rather than through
// simple-git: on the hook's path simple-git cost more than the whole rest of a review (17 ms to
// import; a fixed 50 ms wait after every command with empty output, such as `git notes add`; and
// it strips GIT_INDEX_FILE from the environment unless told not to). See README "Architecture".

export interface GitRun {
  readonly stdout: string;
  /** The raw bytes, for output that holds sizes in bytes (cat-file --batch). */
  readonly stdoutBytes: Buffer;
  readonly stderr: string;
  readonly code: number;
}

export interface GitRunOptions {
  readonly cwd: string;
  /** The whole environment; inherited on purpose (hooks pass GIT_INDEX_FILE, GIT_DIR). */
  readonly env?: NodeJS.ProcessEnv;
  /** Written to git's stdin; a promise is written when it resolves (git starts before its input is known). */
  readonly input?: string | Promise<string>;
}

export class GitSpawnError extends Error {
  constructor(
    message: string,
    readonly code: number | null,
    readonly stderr: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Resolves with the output when git exits 0, or exits non-zero without a word on stderr (as
 * `rev-parse --verify -q` and `merge-tree` on conflicts do); rejects when git complains.
 */
export function runGit(args: readonly string[], options: GitRunOptions): Promise<GitRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(new GitSpawnError(error.message, null, '', { cause: error })));
    child.on('close', (code) => {
      const stdoutBytes = Buffer.concat(out);
      const stdout = stdoutBytes.toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (code !== 0 && stderr.trim() !== '') reject(new GitSpawnError(stderr, code, stderr));
      else resolve({ stdout, stdoutBytes, stderr, code: code ?? -1 });
    });
    // NOTE: git may exit before reading stdin (e.g. on a bad argument): ignore EPIPE.
    child.stdin.on('error', () => undefined);
    if (typeof options.input === 'object') {
      options.input.then(
        (text) => child.stdin.end(text),
        () => child.stdin.end(''),
      );
    } else child.stdin.end(options.input ?? '');
  });
}
