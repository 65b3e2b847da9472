import { GitError } from '../../core/errors.js';
import type { RepoInfo } from './git-client.js';
import { runGit } from './run-git.js';

// The git commands of the review record's own operations (patch ids, notes, signing config),
// run at the repository root with the inherited environment (GIT_INDEX_FILE in a hook), as the
// git client runs its own. Output as text; a complaint from git is a GitError with its first line.

export async function runInRepo(info: Pick<RepoInfo, 'root'>, args: readonly string[], input?: string): Promise<string> {
  try {
    return (await runGit(args, { cwd: info.root, ...(input !== undefined && { input }) })).stdout;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const firstLine = message.split('\n').find((l) => l.trim() !== '') ?? 'unknown error';
    throw new GitError(`git ${args[0] ?? ''} failed: ${firstLine.trim()}`, { cause: error });
  }
}
