import { closeSync, openSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Parallel runs (a hook and an editor's, four reviews at once) each write their own data file and
// then publish it by writing the index. Publishing one at a time makes "the file the index named
// before mine" exact, so the run that replaces it removes it: without this, a run that published
// between another's read of the index and its write left its data file behind until the
// minute-old sweep. Held for a few milliseconds; a lock older than that is a killed run's.

const LOCK = 'modules-publish.lock';
const TRIES = 40;
const WAIT_MS = 5;
const STALE_MS = 10_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Runs `publish` holding the folder's publish lock, or without it when it cannot be had in
 * ~200 ms (a busy or read-only folder): then the minute-old sweep removes what a race leaves. */
export function withPublishLock(dir: string, publish: () => void): void {
  const path = join(dir, LOCK);
  let fd: number | undefined;
  for (let tries = 0; fd === undefined && tries < TRIES; tries++) {
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') break;
      try {
        if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
      } catch {
        // released meanwhile
      }
      Atomics.wait(pause, 0, 0, WAIT_MS);
    }
  }
  try {
    publish();
  } finally {
    if (fd !== undefined) {
      closeSync(fd);
      rmSync(path, { force: true });
    }
  }
}
