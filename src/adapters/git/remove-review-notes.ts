import type { GitClient } from './git-client.js';
import { remoteNotesRef } from './configure-review-notes.js';
import { runInRepo } from './run-in-repo.js';

// `selfreview uninstall`'s part in the git config: the notes fetch refspecs and the notes merge
// strategy that init added (configure-review-notes.ts), and nothing else. What init found already
// there was not recorded as added, so a repository's own notes settings stay; a strategy changed
// since init is the user's now and stays too.

export interface NotesAdded {
  /** Remotes whose fetch refspec init added. */
  readonly fetch: readonly string[];
  /** Whether init set notes.selfreview.mergeStrategy (it was unset). */
  readonly mergeStrategy: boolean;
}

export interface NotesRemoved {
  readonly fetch: readonly string[];
  readonly mergeStrategy: boolean;
}

/** A config value matched literally: `git config --unset` takes a regular expression. */
const exactly = (value: string) => `^${value.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}$`;

export async function removeReviewNotes(git: GitClient, added: NotesAdded): Promise<NotesRemoved> {
  const fetch: string[] = [];
  for (const remote of added.fetch) {
    const refspec = `+refs/notes/selfreview:${remoteNotesRef(remote)}`;
    if (!(await git.readConfigAll(`remote.${remote}.fetch`)).includes(refspec)) continue;
    await runInRepo(git.info, ['config', '--local', '--unset', `remote.${remote}.fetch`, exactly(refspec)]);
    fetch.push(remote);
  }
  const strategy = added.mergeStrategy && (await git.readConfig('notes.selfreview.mergeStrategy', 'local')) === 'union';
  if (strategy) {
    await git.writeLocalConfig('notes.selfreview.mergeStrategy', null);
    // Older gits leave the emptied [notes "selfreview"] header behind.
    const left = await runInRepo(git.info, ['config', '--local', '--get-regexp', '^notes\\.selfreview\\.']);
    if (left.trim() === '') await runInRepo(git.info, ['config', '--local', '--remove-section', 'notes.selfreview']).catch(() => undefined);
  }
  return { fetch, mergeStrategy: strategy };
}
