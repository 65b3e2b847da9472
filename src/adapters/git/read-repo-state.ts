import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readBoundedFile } from '../fs/read-bounded-file.js';

// What git is in the middle of, read from the files it keeps in the git directory
// (see gitrepository-layout(5)). Hooks run inside these operations too.

export interface RepoState {
  /** Commits being merged (MERGE_HEAD may hold several for an octopus merge). */
  readonly mergeHeads: readonly string[];
  /** A rebase, cherry-pick or revert is replaying commits. */
  readonly replay: 'rebase' | 'cherry-pick' | 'revert' | null;
}

function readLines(path: string): string[] {
  // A few commit ids: bounded, and a FIFO planted here is refused, never waited on.
  const file = readBoundedFile(path, { maxBytes: 1024 * 1024 });
  return file.kind === 'text'
    ? file.text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '')
    : [];
}

export function readRepoState(gitDir: string, env: NodeJS.ProcessEnv): RepoState {
  const mergeHeads = readLines(join(gitDir, 'MERGE_HEAD'));
  let replay: RepoState['replay'] = null;
  if (existsSync(join(gitDir, 'rebase-merge')) || existsSync(join(gitDir, 'rebase-apply'))) replay = 'rebase';
  else if (existsSync(join(gitDir, 'CHERRY_PICK_HEAD'))) replay = 'cherry-pick';
  else if (existsSync(join(gitDir, 'REVERT_HEAD'))) replay = 'revert';
  // The sequencer names its action in GIT_REFLOG_ACTION ("rebase (pick)", "cherry-pick").
  else if (/^(rebase|cherry-pick)/.test(env.GIT_REFLOG_ACTION ?? ''))
    replay = env.GIT_REFLOG_ACTION!.startsWith('rebase') ? 'rebase' : 'cherry-pick';
  return { mergeHeads, replay };
}
