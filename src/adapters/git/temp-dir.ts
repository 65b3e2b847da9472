import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addExitCleanup } from '../process/exit-cleanup.js';

// Temporary index copies live under the git directory, not TMPDIR: the review must work where
// TMPDIR is read-only or missing, and a copy of the index is the repository's data, not the
// machine's. Each folder is named after its process, removed when the work ends, at exit and on
// a signal; one left by a killed run (SIGKILL, a power cut) is removed by the next run once its
// process is gone. TMPDIR is only the fallback for a read-only git directory (--dry-run in CI).

const STALE_MS = 60 * 60 * 1000;

export interface TempDir {
  readonly path: string;
  remove(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes folders of runs whose process is gone (or that are an hour old: pids get reused). */
export function removeStaleTempDirs(root: string): void {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/-(\d+)-[\w]+$/.exec(name)?.[1]);
    try {
      if (pid === process.pid) continue;
      const isOld = Date.now() - statSync(join(root, name)).mtimeMs > STALE_MS;
      if (isOld || !Number.isInteger(pid) || !isAlive(pid)) rmSync(join(root, name), { recursive: true, force: true });
    } catch {
      // Another run removed it first.
    }
  }
}

/** A fresh private folder under <git dir>/selfreview/tmp (TMPDIR when the git dir is read-only). */
export function createTempDir(gitDir: string, purpose: string): TempDir {
  const root = join(gitDir, 'selfreview', 'tmp');
  let path: string;
  try {
    mkdirSync(root, { recursive: true });
    removeStaleTempDirs(root);
    path = mkdtempSync(join(root, `${purpose}-${process.pid}-`));
  } catch (error) {
    try {
      path = mkdtempSync(join(tmpdir(), `selfreview-${purpose}-${process.pid}-`));
    } catch {
      throw error;
    }
  }
  const remove = () => rmSync(path, { recursive: true, force: true });
  const forget = addExitCleanup(remove);
  return {
    path,
    remove() {
      forget();
      remove();
    },
  };
}
