import type { GitClient } from './git-client.js';
import { runInRepo } from './run-in-repo.js';

// What `selfreview init` sets up so the reviews travel with the code, without changing what a
// plain `git push` pushes:
// - each remote fetches its review notes into refs/notes/remotes/<remote>/selfreview (never over
//   the local refs/notes/selfreview, which may hold reviews not pushed yet: a forced fetch into it
//   would drop them); CI and `selfreview ci` read those refs beside the local one;
// - `git notes merge` of those refs concatenates the records (notes.selfreview.mergeStrategy
//   union: each record stays whole, the note parser reads several), so `selfreview push-notes`
//   (or git push origin refs/notes/selfreview after a merge) never loses a teammate's review.
// Idempotent: a refspec already there is not added twice.

export interface NotesSetup {
  readonly fetchAdded: readonly string[];
  readonly mergeStrategySet: boolean;
}

export const remoteNotesRef = (remote: string) => `refs/notes/remotes/${remote}/selfreview`;

export async function configureReviewNotes(git: GitClient): Promise<NotesSetup> {
  const remotes = (await runInRepo(git.info, ['remote']))
    .split('\n')
    .map((r) => r.trim())
    .filter((r) => r !== '');
  const fetchAdded: string[] = [];
  for (const remote of remotes) {
    const refspec = `+refs/notes/selfreview:${remoteNotesRef(remote)}`;
    const current = (await runInRepo(git.info, ['config', '--local', '--get-all', `remote.${remote}.fetch`]))
      .split('\n')
      .map((l) => l.trim());
    if (current.includes(refspec)) continue;
    await runInRepo(git.info, ['config', '--local', '--add', `remote.${remote}.fetch`, refspec]);
    fetchAdded.push(remote);
  }
  // Only where there is someone to merge with: a repository without remotes keeps its config.
  const strategy =
    remotes.length === 0 ? 'none' : (await runInRepo(git.info, ['config', '--local', '--get', 'notes.selfreview.mergeStrategy'])).trim();
  if (strategy === '') await runInRepo(git.info, ['config', '--local', 'notes.selfreview.mergeStrategy', 'union']);
  return { fetchAdded, mergeStrategySet: strategy === '' };
}
