import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// What git is in the middle of, read from the files it keeps in the git directory
// (see gitrepository-layout(5)). Hooks run inside these operations too.

export interface RepoState {
  /** Commits being merged (MERGE_HEAD may hold several for an octopus merge). */
  readonly mergeHeads: readonly string[];
  /** A rebase, cherry-pick or revert is replaying commits. */
  readonly replay: 'rebase' | 'cherry-pick' | 'revert' | null;
}

function readLines(path: string): string[] {
  try {
    return readFileSync(path, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '');
  } catch {
    return [];
  }
}

export function readRepoState(gitDir: string, env: NodeJS.ProcessEnv): RepoState {
  const mergeHeads = readLines(join(gitDir, 'MERGE_HEAD'));
  let replay: RepoState['replay'] = null;
  if (existsSync(join(gitDir, 'rebase-merge')) || existsSync(join(gitDir, 'rebase-apply'))) replay = 'rebase';
  else if (existsSync(join(gitDir, 'CHERRY_PICK_HEAD'))) replay = 'cherry-pick';
  else if (existsSync(join(gitDir, 'REVERT_HEAD'))) replay = 'revert';
  // The sequencer names its action in GIT_REFLOG_ACTION ("rebase (pick)", "cherry-pick").
  else if (/^(rebase|cherry-pick)/.test(env.GIT_REFLOG_ACTION ?? '')) replay = env.GIT_REFLOG_ACTION!.startsWith('rebase') ? 'rebase' : 'cherry-pick';
  return { mergeHeads, replay };
}
