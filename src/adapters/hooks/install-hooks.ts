import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  BLOCK_END,
  BLOCK_START,
  buildBlock,
  hasBlock,
  hookCommand,
  HOOK_NAMES,
  HOOK_PREAMBLES,
  insertBlock,
  isBlockReachable,
  removeLegacyLine,
  type HookName,
} from '../../core/setup/hook-block.js';
import type { HookSetup } from './detect-hook-setup.js';
import { readTextFile } from '../fs/text-files.js';

// `selfreview init`'s hook files. We write them ourselves rather than through husky: husky is
// not installed with selfreview, husky 4-8 have other APIs (a project's husky 7 made
// `import('husky')` fail), and what a hook needs is one marked block in a shell script. With
// husky 5+ the block goes into its .husky/<hook> files (committed, so the team gets it); with a
// hooks folder (git's own .git/hooks, shared by every linked worktree, or a core.hooksPath) into
// the scripts there. Lines we did not write are kept; a block placed after an `exit`/`exec`
// that would end the script first goes just before that line instead, and init says so.

export interface HookFileChange {
  readonly hook: string;
  readonly path: string;
  readonly action: 'created' | 'added' | 'unchanged';
  /** The line our block was placed before, because it would have ended the script first. */
  readonly before?: { readonly line: number; readonly text: string };
}

export interface InstallResult {
  readonly dir: string;
  readonly changes: readonly HookFileChange[];
  /** Hooks we could not add to, each with the exact line to add by hand. */
  readonly problems: readonly string[];
}

/** A script we can add shell lines to: no shebang (husky 9, sourced) or a POSIX-like shell. */
export function isShellScript(text: string): boolean {
  const shebang = /^#!(.*)/.exec(text)?.[1];
  return shebang === undefined || /\b(sh|bash|dash|zsh|ksh|ash)\b/.test(shebang);
}

function preamble(setup: HookSetup): string {
  if (setup.kind === 'husky') return setup.major >= 9 ? HOOK_PREAMBLES.husky9 : HOOK_PREAMBLES.husky;
  return HOOK_PREAMBLES.hooksDir;
}

/** A block that runs the global hook of the same name, which a local hooks path hides. */
export function buildChainBlock(globalDir: string, hook: string): string {
  const path = join(globalDir, hook).replace(/'/g, "'\\''");
  return `${BLOCK_START}\n# runs the global hook (core.hooksPath in your global git config), which this repository's own hooks path would otherwise hide\nif [ -x '${path}' ]; then '${path}' "$@" || exit $?; fi\n${BLOCK_END}\n`;
}

function ensureBlock(path: string, hook: string, block: string, setup: HookSetup, root: string, problems: string[]): HookFileChange {
  const exists = existsSync(path);
  const current = exists ? removeLegacyLine(readTextFile(path) ?? '') : '';
  if (exists && hasBlock(current) && current.includes(block.split('\n')[1]!)) {
    if (!isBlockReachable(current))
      problems.push(
        `${relative(root, path) || path}: a line before selfreview's block ends the script (exit/exec), so it never runs: move the block above it.`,
      );
    return { hook, path, action: 'unchanged' };
  }
  if (exists && !isShellScript(current)) {
    problems.push(
      `${relative(root, path) || path} is not a shell script: call \`${hookCommand(hook as HookName, '')}\` from it (with the hook's arguments).`,
    );
    return { hook, path, action: 'unchanged' };
  }
  const { text, before } = insertBlock(exists ? current : preamble(setup), block);
  writeFileSync(path, text);
  // husky 9 runs its hooks with `sh -e <file>`: a file of the project keeps its mode (no mode change in its diff).
  if (!exists || !(setup.kind === 'husky' && setup.major >= 9)) chmodSync(path, 0o755);
  return { hook, path, action: exists ? 'added' : 'created', ...(before && { before }) };
}

/** The global folder's hooks (executable files named like hooks), which must keep running. */
function listGlobalHooks(globalDir: string): string[] {
  try {
    return readdirSync(globalDir).filter((name) => /^[a-z-]+$/.test(name) && (statSync(join(globalDir, name)).mode & 0o111) !== 0);
  } catch {
    return [];
  }
}

export function installHooks(root: string, setup: HookSetup): InstallResult {
  if (setup.kind !== 'husky' && setup.kind !== 'hooks-dir' && setup.kind !== 'global-hooks-path') {
    throw new Error(`installHooks: ${setup.kind} is configured by hand`);
  }
  const dir = setup.dir;
  mkdirSync(dir, { recursive: true });
  const problems: string[] = [];
  const changes: HookFileChange[] = [];
  if (setup.kind === 'global-hooks-path') {
    // Chains first, so the global hooks run before ours, as they did before init.
    for (const hook of listGlobalHooks(setup.globalDir)) {
      changes.push(ensureBlock(join(dir, hook), hook, buildChainBlock(setup.globalDir, hook), setup, root, problems));
    }
  }
  for (const hook of HOOK_NAMES) {
    const change = ensureBlock(join(dir, hook), hook, buildBlock(hook), setup, root, problems);
    const chained = changes.findIndex((c) => c.hook === hook);
    if (chained >= 0) changes[chained] = { ...change, action: changes[chained]!.action === 'created' ? 'created' : change.action };
    else changes.push(change);
  }
  return { dir, changes, problems };
}
