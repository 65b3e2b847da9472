import { nodeCrypto } from '../../core/node-crypto.js';
import { setTimeout as sleep } from 'node:timers/promises';

// Attaching a review as a note must survive other writers of the same notes ref: two worktrees
// committing at once, a hook beside a `git fetch` of notes. `git notes add` updates its ref
// without checking the old value (last writer wins): two concurrent adds both exit 0 and one
// note is silently gone (4 of 10 in a probe; 14 of 20 with 20 concurrent adds). So the note is
// added on a private ref that starts at the shared ref's current commit, and the shared ref
// moves with a compare-and-swap (`update-ref <ref> <new> <old>`); when another writer got
// there first, the whole step is redone on top of theirs, after a random pause so that racing
// writers spread out. Bounded: after ATTEMPTS the failure is reported, and the record stays
// pending for the next hook or `doctor --fix` (review/attach-pending.ts).

/** Runs git with `args` (and stdin); resolves with stdout; a failure is a GitError. */
export type RunGit = (args: readonly string[], input?: string) => Promise<string>;

const PRIVATE_PREFIX = 'refs/notes/selfreview-private/';
const ATTEMPTS = 12;

const jitteredPause = (attempt: number) => Math.round(Math.random() * Math.min(400, 15 * 2 ** attempt));

/** A lost race on a ref update, as opposed to a real failure (which is thrown at once). */
function isRefRace(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /cannot lock ref|but expected|unable to create .*\.lock|file exists|reference already exists|is at [0-9a-f]+ but|failed to update ref/i.test(
    text,
  );
}

async function readRef(run: RunGit, ref: string): Promise<string> {
  // -q --verify: nothing (and no error) when the ref does not exist yet.
  return (await run(['rev-parse', '-q', '--verify', `${ref}^{commit}`])).trim();
}

async function attemptOnce(run: RunGit, ref: string, commit: string, text: string, privateRef: string): Promise<void> {
  const old = await readRef(run, ref);
  if (old !== '') await run(['update-ref', privateRef, old]);
  else await run(['update-ref', '-d', privateRef]);
  // -f: an amend reviewed again replaces the note of the same commit id.
  await run(['notes', `--ref=${privateRef}`, 'add', '-f', '-F', '-', commit], text);
  const next = await readRef(run, privateRef);
  // The compare-and-swap; an empty old value means "the ref must not exist yet".
  await run(['update-ref', '-m', "notes: Notes added by 'selfreview'", ref, next, old]);
}

/** Adds (or replaces) the note on `commit` in `ref` (a full refs/notes/ name), racing writers included. */
export async function addNoteWithRetry(run: RunGit, ref: string, commit: string, text: string, attempts = ATTEMPTS): Promise<void> {
  const privateRef = `${PRIVATE_PREFIX}${process.pid}-${nodeCrypto().randomBytes(4).toString('hex')}`;
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await attemptOnce(run, ref, commit, text, privateRef);
        return;
      } catch (error) {
        if (attempt >= attempts || !isRefRace(error)) throw error;
        await sleep(jitteredPause(attempt));
      }
    }
  } finally {
    await run(['update-ref', '-d', privateRef]).catch(() => undefined);
  }
}
