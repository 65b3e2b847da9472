import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { GitClient } from './git-client.js';

// Attaching a review as a note must survive other writers of the same notes ref: two worktrees
// committing at once, a hook beside a `git fetch` of notes. `git notes add` updates its ref
// without checking the old value (last writer wins): two concurrent adds both exit 0 and one
// note is silently gone (4 of 10 in a probe). So the note is added on a private ref that starts
// at the shared ref's current commit, and the shared ref moves with a compare-and-swap
// (`update-ref <ref> <new> <old>`); when another writer got there first, the whole step is
// redone on top of theirs, after a random pause so that racing writers spread out.

export const NOTES_REF = 'refs/notes/selfreview';
const PRIVATE_PREFIX = 'refs/notes/selfreview-private/';
const ATTEMPTS = 12;

export interface NoteOptions {
  readonly attempts?: number;
  /** Milliseconds to wait before attempt `n` (1-based); jittered backoff by default. */
  readonly pause?: (attempt: number) => number;
}

const jitteredPause = (attempt: number) => Math.round(Math.random() * Math.min(400, 15 * 2 ** attempt));

/** A lost race on a ref update, as opposed to a real failure (which is thrown at once). */
function isRefRace(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /cannot lock ref|but expected|unable to create .*\.lock|file exists|reference already exists|is at [0-9a-f]+ but|unable to update|failed to update ref/i.test(text);
}

async function readRef(git: GitClient, ref: string): Promise<string> {
  return (await git.raw(['rev-parse', '-q', '--verify', `${ref}^{commit}`])).trim();
}

async function attemptOnce(git: GitClient, commit: string, text: string, privateRef: string): Promise<void> {
  const old = await readRef(git, NOTES_REF);
  if (old !== '') await git.raw(['update-ref', privateRef, old]);
  else await git.raw(['update-ref', '-d', privateRef]);
  // -f: an amend reviewed again replaces the note of the same commit id.
  await git.raw(['notes', `--ref=${privateRef}`, 'add', '-f', '-F', '-', commit], text);
  const next = await readRef(git, privateRef);
  // An empty old value means "the ref must not exist yet".
  await git.raw(['update-ref', '-m', "notes: Notes added by 'selfreview'", NOTES_REF, next, old]);
}

/** Adds (or replaces) the note on `commit` in refs/notes/selfreview, racing writers included. */
export async function addNote(git: GitClient, commit: string, text: string, options: NoteOptions = {}): Promise<void> {
  const privateRef = `${PRIVATE_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`;
  const attempts = options.attempts ?? ATTEMPTS;
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await attemptOnce(git, commit, text, privateRef);
        return;
      } catch (error) {
        if (attempt >= attempts || !isRefRace(error)) throw error;
        await sleep((options.pause ?? jitteredPause)(attempt));
      }
    }
  } finally {
    await git.raw(['update-ref', '-d', privateRef]).catch(() => undefined);
  }
}

/** Private refs left by a run that was killed mid-way (their process is gone). */
export async function removeStalePrivateRefs(git: GitClient): Promise<void> {
  const refs = (await git.raw(['for-each-ref', '--format=%(refname)', PRIVATE_PREFIX])).split('\n').filter((r) => r !== '');
  for (const ref of refs) {
    const pid = Number(/\/(\d+)-[0-9a-f]+$/.exec(ref)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) continue;
    await git.raw(['update-ref', '-d', ref]).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
