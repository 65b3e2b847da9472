import { readFileSync } from 'node:fs';

// git does not tell a pre-commit hook that the commit is an --amend. On Linux the command line of
// the `git commit` process above us says it; elsewhere we cannot tell and say nothing.

function readParent(pid: number): { ppid: number; argv: string[] } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may itself hold spaces or ')'.
    const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(afterName[1]);
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      .split('\0')
      .filter((a) => a !== '');
    return { ppid, argv };
  } catch {
    return null;
  }
}

/** True when a `git commit --amend` is among our ancestors (up to a few levels: git, sh, husky). */
export function isAmendInProgress(startPid: number = process.ppid): boolean {
  let pid = startPid;
  for (let depth = 0; depth < 6 && pid > 1; depth++) {
    const proc = readParent(pid);
    if (proc === null) return false;
    const commitAt = proc.argv.indexOf('commit');
    if (commitAt >= 0 && /(^|\/)git$/.test(proc.argv[0] ?? '')) return proc.argv.slice(commitAt).includes('--amend');
    pid = proc.ppid;
  }
  return false;
}
