import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addExitCleanup } from '../process/exit-cleanup.js';

// A private index file for one git operation (write-tree on a copy of the user's index, or
// check-attr as of a commit), in a folder under the git directory: TMPDIR may be missing or
// read-only, and the git directory is where git itself keeps such files. A read-only git
// directory (a CI checkout, `--dry-run` on a mounted repository) falls back to TMPDIR.
// The folder is named after its process and removed when the work ends, at exit, and on
// SIGINT/SIGTERM/SIGHUP (exit-cleanup.ts); one left by a killed run (SIGKILL, a power cut) is
// removed by the next run once its process is gone.

export interface TempIndex {
  readonly path: string;
  remove(): void;
}

/** Past this age a folder is stale whatever its pid says: pids are reused. */
const STALE_MS = 60 * 60 * 1000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the folders of runs whose process is gone. */
export function removeStaleTempIndexes(parent: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^index-(\d+)-\w+$/.exec(name)?.[1]);
    if (pid === process.pid) continue;
    try {
      const isOld = Date.now() - statSync(join(parent, name)).mtimeMs > STALE_MS;
      if (isOld || !Number.isInteger(pid) || !isAlive(pid)) rmSync(join(parent, name), { recursive: true, force: true });
    } catch {
      // Another run removed it first.
    }
  }
}

export function createTempIndex(gitDir: string): TempIndex {
  let dir: string;
  try {
    const parent = join(gitDir, 'selfreview', 'tmp');
    mkdirSync(parent, { recursive: true });
    removeStaleTempIndexes(parent);
    dir = mkdtempSync(join(parent, `index-${process.pid}-`));
  } catch {
    dir = mkdtempSync(join(tmpdir(), `selfreview-index-${process.pid}-`));
  }
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const forget = addExitCleanup(remove);
  return {
    path: join(dir, 'index'),
    remove() {
      forget();
      remove();
    },
  };
}
