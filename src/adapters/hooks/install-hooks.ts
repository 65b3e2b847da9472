import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { readTextFile } from '../fs/text-files.js';

// `selfreview init`: hook scripts that call the installed binary directly (npx alone adds about
// half a second to every commit). Through husky 9 when the repository uses it or has no hooks
// path yet; into an existing core.hooksPath otherwise. Our lines are marked; lines we did not
// write are kept; running it again changes nothing.

export const MARK = '# selfreview (added by `selfreview init`)';
const BIN = '"$(test -x node_modules/.bin/selfreview && echo node_modules/.bin/selfreview || echo selfreview)"';

export const HOOK_LINES: Record<string, string> = {
  'pre-commit': `${BIN}`,
  'prepare-commit-msg': `${BIN} hook prepare-commit-msg "$@"`,
  'commit-msg': `${BIN} hook commit-msg "$@"`,
  'post-commit': `${BIN} hook post-commit`,
  // `git merge` runs no post-commit hook.
  'post-merge': `${BIN} hook post-merge`,
};

export interface InstallResult {
  readonly hooksDir: string;
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  readonly viaHusky: boolean;
}

/** Appends our marked line to a hook script unless it is there; returns whether it wrote. */
function ensureHookLine(path: string, line: string, withShebang: boolean): boolean {
  // Bounded and regular files only: a hook path that is a FIFO must not hang `init`.
  const current = readTextFile(path) ?? '';
  if (current.includes(MARK)) return false;
  const head = current === '' && withShebang ? '#!/usr/bin/env sh\n' : '';
  const separator = current === '' || current.endsWith('\n') ? '' : '\n';
  writeFileSync(path, `${head}${current}${separator}${MARK}\n${line}\n`);
  chmodSync(path, 0o755);
  return true;
}

export async function installHooks(root: string, existingHooksPath: string | null): Promise<InstallResult> {
  const isHuskyPath = existingHooksPath === null || existingHooksPath.replace(/\/$/, '') === '.husky/_';
  let hooksDir: string;
  if (isHuskyPath) {
    const { default: husky } = await import('husky');
    const previous = process.cwd();
    process.chdir(root); // husky works on the current folder
    try {
      const problem = husky('.husky');
      if (problem) throw new Error(`husky: ${problem}`);
    } finally {
      process.chdir(previous);
    }
    hooksDir = join(root, '.husky');
  } else {
    hooksDir = isAbsolute(existingHooksPath) ? existingHooksPath : join(root, existingHooksPath);
    mkdirSync(hooksDir, { recursive: true });
  }
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const [name, line] of Object.entries(HOOK_LINES)) {
    // husky's user hooks are sourced by its runner: no shebang needed; a plain hooks folder needs one.
    (ensureHookLine(join(hooksDir, name), line, !isHuskyPath) ? written : unchanged).push(name);
  }
  return { hooksDir, written, unchanged, viaHusky: isHuskyPath };
}
