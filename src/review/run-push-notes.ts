import { remoteNotesRef } from '../adapters/git/configure-review-notes.js';
import { openRepository } from '../adapters/git/git-client.js';
import { REVIEW_NOTES_REF } from '../adapters/git/read-review-notes.js';
import type { Logger } from '../adapters/log/logger.js';

// `selfreview push-notes [remote]`: share the review notes without losing a teammate's. Fetch
// the remote's notes beside ours, merge them in (union: records are concatenated, never
// rewritten; the note parser reads several per note), push. A plain `git push` is unchanged.

export interface PushNotesResult {
  readonly remote: string;
  readonly merged: boolean;
  readonly pushed: boolean;
}

export async function runPushNotes(cwd: string, remote: string, logger: Logger): Promise<PushNotesResult> {
  const git = await openRepository(cwd, logger);
  const theirs = remoteNotesRef(remote);
  const fetched = await git
    .raw(['fetch', '--quiet', remote, `+${REVIEW_NOTES_REF}:${theirs}`])
    .then(() => true)
    .catch((error: Error) => {
      // A remote without review notes yet: nothing to merge.
      if (/couldn't find remote ref/i.test(error.message)) return false;
      throw error;
    });
  const ours = (await git.raw(['rev-parse', '-q', '--verify', REVIEW_NOTES_REF])).trim();
  let merged = false;
  if (fetched && ours === '') await git.raw(['update-ref', REVIEW_NOTES_REF, theirs]);
  else if (fetched) {
    await git.raw(['notes', `--ref=${REVIEW_NOTES_REF}`, 'merge', '--quiet', '--strategy=union', theirs]);
    merged = true;
  }
  if ((await git.raw(['rev-parse', '-q', '--verify', REVIEW_NOTES_REF])).trim() === '') return { remote, merged, pushed: false };
  await git.raw(['push', '--quiet', remote, `${REVIEW_NOTES_REF}:${REVIEW_NOTES_REF}`]);
  return { remote, merged, pushed: true };
}
