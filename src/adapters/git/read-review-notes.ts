import type { GitClient } from './git-client.js';
import { runInRepo } from './run-in-repo.js';

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

/** The local notes ref and each remote's fetched copy (configure-review-notes.ts). */
async function listNotesRefs(git: GitClient): Promise<string[]> {
  const refs = (await runInRepo(git.info, ['for-each-ref', '--format=%(refname)', 'refs/notes/'])).split('\n').map((r) => r.trim());
  return refs.filter((r) => r === REVIEW_NOTES_REF || /^refs\/notes\/remotes\/[^/]+\/selfreview$/.test(r));
}

export async function readReviewNotes(git: GitClient): Promise<ReviewNotes> {
  const refs = await listNotesRefs(git);
  if (refs.length === 0) return { isPresent: false, notes: [] };
  const listed: Array<[string, string]> = [];
  for (const ref of refs) {
    for (const line of (await runInRepo(git.info, ['notes', `--ref=${ref}`, 'list'])).split('\n')) {
      const pair = line.trim().split(' ');
      if (pair.length === 2) listed.push([pair[0]!, pair[1]!]);
    }
  }
  const blobs = await git.readBlobs([...new Set(listed.map(([blob]) => blob))]);
  // The same note fetched and local is read once.
  const unique = [...new Map(listed.map(([blob, commit]) => [`${blob} ${commit}`, { commit, text: blobs.get(blob) ?? '' }])).values()];
  return { isPresent: true, notes: unique };
}
