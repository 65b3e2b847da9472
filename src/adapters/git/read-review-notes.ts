import type { GitClient } from './git-client.js';

// Every note under refs/notes/selfreview, with the commit it is attached to, in three spawns:
// whether the ref exists, `notes list`, and one `cat-file --batch` for the note blobs. The notes
// of commits no branch reaches any more (rebased, squashed) are read too: a rebased or squashed
// commit is matched to them by digest and by patch.

export const REVIEW_NOTES_REF = 'refs/notes/selfreview';

export interface ReviewNotes {
  /** The notes ref exists (was created here, or fetched). */
  readonly isPresent: boolean;
  readonly notes: ReadonlyArray<{ readonly commit: string; readonly text: string }>;
}

export async function readReviewNotes(git: GitClient): Promise<ReviewNotes> {
  const ref = (await git.raw(['rev-parse', '-q', '--verify', `${REVIEW_NOTES_REF}^{commit}`])).trim();
  if (ref === '') return { isPresent: false, notes: [] };
  const listed = (await git.raw(['notes', `--ref=${REVIEW_NOTES_REF}`, 'list']))
    .split('\n')
    .map((line) => line.trim().split(' '))
    .filter((pair): pair is [string, string] => pair.length === 2);
  const blobs = await git.readBlobs([...new Set(listed.map(([blob]) => blob))]);
  return { isPresent: true, notes: listed.map(([blob, commit]) => ({ commit, text: blobs.get(blob) ?? '' })) };
}
