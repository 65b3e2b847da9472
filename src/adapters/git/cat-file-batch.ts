import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { GitSpawnError } from './run-git.js';

// One `git cat-file --batch` kept open for a run that reads objects again and again: `ci` over a
// range asked cat-file 44 times for 30 botpress commits, and each spawn of a process holding the
// range's graph cost ~40 ms of CPU (fork copies its page tables). Only names that cannot change
// under it are asked here (blob ids, `<tree>:<path>`): the index's `:path` is read once per call.
// The process is unreferenced while idle, so it never keeps node alive; it ends with its stdin.

export interface CatFileBatch {
  /** Each name's [id, text], in order; text null for a missing object or one that is no blob. */
  read(names: readonly string[]): Promise<Array<[string, string | null]>>;
  close(): void;
}

interface Request {
  readonly count: number;
  readonly out: Array<[string, string | null]>;
  readonly resolve: (answers: Array<[string, string | null]>) => void;
  readonly reject: (error: Error) => void;
}

/** An answer's header: "<id> <type> <size>", or null for "<name> missing" (a name may hold spaces). */
function parseHeader(line: string): { id: string; type: string; need: number } | null {
  const [id = '', type = '', size = ''] = line.split(' ');
  return / (?:missing|ambiguous)$/.test(line) || size === '' ? null : { id, type, need: Number(size) + 1 };
}

/** The whole output of a one-shot `cat-file --batch`: "<id> blob <size>\n<bytes>\n" per object. */
export function parseBatchAnswers(bytes: Buffer): Array<[string, string | null]> {
  const out: Array<[string, string | null]> = [];
  let at = 0;
  while (at < bytes.length) {
    const lineEnd = bytes.indexOf(10, at);
    if (lineEnd < 0) break;
    const line = bytes.subarray(at, lineEnd).toString('utf8');
    const header = parseHeader(line);
    at = lineEnd + 1;
    if (header === null) {
      out.push([line.split(' ')[0]!, null]);
      continue;
    }
    out.push([header.id, header.type === 'blob' ? bytes.subarray(at, at + header.need - 1).toString('utf8') : null]);
    at += header.need;
  }
  return out;
}

export function openCatFileBatch(cwd: string, env: NodeJS.ProcessEnv): CatFileBatch {
  let child: ChildProcessWithoutNullStreams | null = null;
  let failure: Error | null = null;
  const queue: Request[] = [];
  let chunks: Buffer[] = [];
  let buffered = 0;
  // The answer being read: its header, and the bytes its body needs (with the newline after it).
  let header: { id: string; type: string; need: number } | null = null;

  const setReferenced = (on: boolean) => {
    for (const stream of [child?.stdout, child?.stderr, child?.stdin] as const) {
      const socket = stream as unknown as { ref?: () => void; unref?: () => void } | undefined;
      if (on) socket?.ref?.();
      else socket?.unref?.();
    }
  };
  const take = (length: number): Buffer => {
    const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    const head = all.subarray(0, length);
    chunks = length < all.length ? [all.subarray(length)] : [];
    buffered -= length;
    return head;
  };
  const answer = (entry: [string, string | null]) => {
    const request = queue[0]!;
    request.out.push(entry);
    if (request.out.length < request.count) return;
    queue.shift();
    request.resolve(request.out);
    if (queue.length === 0) setReferenced(false);
  };
  const parse = () => {
    while (queue.length > 0) {
      if (header === null) {
        const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        chunks = all.length > 0 ? [all] : [];
        const lineEnd = all.indexOf(10);
        if (lineEnd < 0) return;
        const line = take(lineEnd + 1)
          .subarray(0, lineEnd)
          .toString('utf8');
        header = parseHeader(line);
        if (header === null) answer([line.split(' ')[0]!, null]);
        continue;
      }
      // A large body arrives in many chunks: joined once, when all of it is in.
      if (buffered < header.need) return;
      const body = take(header.need);
      const { id, type, need } = header;
      header = null;
      answer([id, type === 'blob' ? body.subarray(0, need - 1).toString('utf8') : null]);
    }
  };
  const fail = (error: Error) => {
    failure = error;
    for (const request of queue.splice(0)) request.reject(error);
  };
  const start = (): ChildProcessWithoutNullStreams => {
    const started = spawn('git', ['cat-file', '--batch'], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const stderr: Buffer[] = [];
    started.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      buffered += chunk.length;
      parse();
    });
    started.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    started.stdin.on('error', () => undefined);
    started.on('error', (error) => fail(new GitSpawnError(error.message, null, '', { cause: error })));
    started.on('close', (code) => {
      const text = Buffer.concat(stderr).toString('utf8');
      fail(new GitSpawnError(text.trim() || `git cat-file --batch ended (${code})`, code, text));
    });
    started.unref();
    return started;
  };

  return {
    read(names) {
      if (names.length === 0) return Promise.resolve([]);
      if (failure !== null) return Promise.reject(failure);
      child ??= start();
      return new Promise((resolve, reject) => {
        queue.push({ count: names.length, out: [], resolve, reject });
        setReferenced(true);
        child!.stdin.write(`${names.join('\n')}\n`);
      });
    },
    close() {
      child?.stdin.end();
      setReferenced(false);
    },
  };
}
