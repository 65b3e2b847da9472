import { GitError } from '../../core/errors.js';
import type { GitClient } from './git-client.js';
import { REVIEW_NOTES_REF } from './read-review-notes.js';
import { runInRepo } from './run-in-repo.js';

// The notes operations of review-commit and push-notes: append a record to a commit's note
// (a record already there stays), and share the notes with a remote without losing theirs.

export async function appendReviewNote(git: GitClient, commit: string, text: string): Promise<void> {
  await runInRepo(git.info, ['notes', `--ref=${REVIEW_NOTES_REF}`, 'append', '-F', '-', commit], text);
}

/** Fetches the remote's review notes into `into`; false when the remote has none yet. */
export async function fetchReviewNotes(git: GitClient, remote: string, into: string): Promise<boolean> {
  try {
    await runInRepo(git.info, ['fetch', '--quiet', remote, `+${REVIEW_NOTES_REF}:${into}`]);
    return true;
  } catch (error) {
    if (error instanceof GitError && /couldn't find remote ref/i.test(String((error.cause as Error | undefined)?.message ?? error.message)))
      return false;
    throw error;
  }
}

/** Ours plus theirs: union concatenates two notes of one commit (each record stays whole). */
export async function mergeReviewNotes(git: GitClient, theirs: string): Promise<'merged' | 'adopted'> {
  if ((await git.readTreeOf(REVIEW_NOTES_REF)) === null) {
    await runInRepo(git.info, ['update-ref', REVIEW_NOTES_REF, theirs]);
    return 'adopted';
  }
  await runInRepo(git.info, ['notes', `--ref=${REVIEW_NOTES_REF}`, 'merge', '--quiet', '--strategy=union', theirs]);
  return 'merged';
}

export async function pushReviewNotes(git: GitClient, remote: string): Promise<boolean> {
  if ((await git.readTreeOf(REVIEW_NOTES_REF)) === null) return false;
  await runInRepo(git.info, ['push', '--quiet', remote, `${REVIEW_NOTES_REF}:${REVIEW_NOTES_REF}`]);
  return true;
}

/** The commit's parents (none for a root commit). */
export async function readParents(git: GitClient, commit: string): Promise<string[]> {
  return (await runInRepo(git.info, ['rev-list', '--parents', '-n', '1', commit])).trim().split(' ').slice(1);
}

/** Fills the index at GIT_INDEX_FILE with a commit's tree (review-commit's temporary index). */
export async function readTreeIntoIndex(git: GitClient, commit: string): Promise<void> {
  await runInRepo(git.info, ['read-tree', commit]);
}
