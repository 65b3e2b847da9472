import { remoteNotesRef } from '../adapters/git/configure-review-notes.js';
import { openRepository } from '../adapters/git/git-client.js';
import { fetchReviewNotes, mergeReviewNotes, pushReviewNotes } from '../adapters/git/review-notes-ops.js';
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
  const merged = (await fetchReviewNotes(git, remote, theirs)) && (await mergeReviewNotes(git, theirs)) === 'merged';
  return { remote, merged, pushed: await pushReviewNotes(git, remote) };
}
