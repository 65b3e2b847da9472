import { ConfigError } from '../../core/errors.js';
import type { GitClient, RepoInfo } from './git-client.js';
import { GitError } from '../../core/errors.js';
import { runInRepo } from './run-in-repo.js';

// What CI needs to know about the policy of a range: the config files as the base revision
// holds them, and which commits come before the policy's start (`ci.since`).

/** The files among `names` at the root of `rev`, by name (regular files only: a link is not followed). */
export async function readRootFiles(info: Pick<RepoInfo, 'root'>, rev: string, names: readonly string[]): Promise<Map<string, string>> {
  // -z: any file name; only the root's entries are listed (no -r).
  const listing = await runInRepo(info, ['ls-tree', '-z', '--end-of-options', rev, '--', ...names]);
  const files = new Map<string, string>();
  for (const entry of listing.split('\0')) {
    const match = /^(100644|100755) blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (match) files.set(match[3]!, await runInRepo(info, ['cat-file', 'blob', match[2]!]));
  }
  return files;
}

/**
 * The commits of base..head that come before the policy's start: committed before a date
 * (`2026-01-31`, any date git reads), or strictly before a commit (its ancestors).
 */
export async function listCommitsBeforeStart(git: GitClient, base: string, head: string, since: string): Promise<Set<string>> {
  const { info } = git;
  const lines = (out: string) => new Set(out.split('\n').filter((l) => l !== ''));
  if (/^\d{4}-\d{2}-\d{2}/.test(since)) {
    // NOTE: git reads a bare date as that day at the current time of day: "since 2026-12-04"
    // means from the start of that day (UTC), so the time is spelled out.
    const before = /^\d{4}-\d{2}-\d{2}$/.test(since) ? `${since} 00:00:00 +0000` : since;
    return lines(await runInRepo(info, ['rev-list', `--before=${before}`, `${base}..${head}`, '--']));
  }
  let start: string;
  try {
    start = await git.resolveCommit(since);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    throw new ConfigError(`ci.since "${since}" is neither a date (2026-01-31) nor a commit here: fetch it, or use a date.`, [], {
      cause: error,
    });
  }
  // <start>^@: its parents; a root commit has none, so nothing comes before it.
  const parents = (await runInRepo(info, ['rev-parse', `${start}^@`])).trim();
  if (parents === '') return new Set();
  return lines(await runInRepo(info, ['rev-list', ...parents.split('\n'), '--not', base, '--']));
}
