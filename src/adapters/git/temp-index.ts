import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A private index file for one git operation (write-tree on a copy of the user's index, or
// check-attr as of a commit), in a folder under the git directory: TMPDIR may be missing or
// read-only, and the git directory is where git itself keeps such files. A read-only git
// directory (a CI checkout, `--dry-run` on a mounted repository) falls back to TMPDIR.

export interface TempIndex {
  readonly path: string;
  remove(): void;
}

export function createTempIndex(gitDir: string): TempIndex {
  let dir: string;
  try {
    const parent = join(gitDir, 'selfreview', 'tmp');
    mkdirSync(parent, { recursive: true });
    dir = mkdtempSync(join(parent, 'index-'));
  } catch {
    dir = mkdtempSync(join(tmpdir(), 'selfreview-index-'));
  }
  return { path: join(dir, 'index'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
