import { existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A PATH with the tools hooks/hook.sh uses and no node: what a hook does there started no node.
// (A hook that needed node fails there, so a passing commit proves the shell did it all.)

const SHELL_TOOLS = ['git', 'sh', 'cp', 'rm', 'mkdir', 'cut', 'grep', 'awk', 'dirname', 'cat', 'ps', 'setsid', 'echo', 'env'];

/** The folder of symlinks; `cleanups` gets the function that removes it. */
export function pathWithoutNode(cleanups: (() => void)[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'selfreview-nonode-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  for (const tool of SHELL_TOOLS) {
    const found = ['/usr/bin', '/bin'].map((d) => join(d, tool)).find((p) => existsSync(p));
    if (found) symlinkSync(realpathSync(found), join(dir, tool));
  }
  return dir;
}
