// The lines `selfreview init` puts into a hook script: one marked block per hook, so that init
// can tell its own lines from the user's, run again without doubling them, and `uninstall` can
// take exactly them out. The block only calls hooks/hook.sh of the installed package, where the
// cheap decisions are made in the shell (see that file).

export const HOOK_NAMES = ['pre-commit', 'prepare-commit-msg', 'commit-msg', 'post-commit', 'post-merge'] as const;
export type HookName = (typeof HOOK_NAMES)[number];

export const BLOCK_START = '# >>> selfreview: added by `selfreview init`; `selfreview uninstall` removes this block';
export const BLOCK_END = '# <<< selfreview';
/** The line of the block that does the work: what a tool's config must call (lefthook & co.). */
export const HOOK_SCRIPT = 'node_modules/selfreview/hooks/hook.sh';
/** Older installs wrote one marked line; recognised so that init and uninstall handle them. */
export const LEGACY_MARK = '# selfreview (added by `selfreview init`)';

/** What init puts above the block in a hook file it creates: husky 9 runs its files with `sh -e` (none). */
export const HOOK_PREAMBLES = {
  husky9: '',
  husky: '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\n',
  hooksDir: '#!/bin/sh\n',
} as const;

/** The shell command a hook runs; `args` is how the hook passes git's arguments on. */
export function hookCommand(name: HookName, args = ' "$@"'): string {
  return `sh ${HOOK_SCRIPT} ${name}${args}`;
}

/**
 * pre-commit says so when the package is missing (a fresh clone before `npm install`) and stops
 * the commit, since no review could run; the other hooks have nothing to add then.
 */
export function buildBlock(name: HookName): string {
  const run = `if [ -f ${HOOK_SCRIPT} ]; then ${hookCommand(name)} || exit $?`;
  const missing =
    name === 'pre-commit'
      ? `\nelif [ "\${SELFREVIEW-}" != 0 ]; then echo "selfreview: ${HOOK_SCRIPT} is missing: install the project's dependencies (or commit with SELFREVIEW=0 to skip)" >&2; exit 1`
      : '';
  return `${BLOCK_START}\n${run}${missing}\nfi\n${BLOCK_END}\n`;
}

export function hasBlock(text: string): boolean {
  return text.includes(BLOCK_START) || text.includes(LEGACY_MARK);
}

/** The text without the one marked line of an older install (init then writes the block). */
export function removeLegacyLine(text: string): string {
  const lines = text.split('\n');
  const at = lines.indexOf(LEGACY_MARK);
  if (at >= 0) lines.splice(at, 2);
  return lines.join('\n');
}

/** The text without our block(s) (and without the legacy marked line and the line after it). */
export function removeBlocks(text: string): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === BLOCK_START) {
      while (i < lines.length && lines[i] !== BLOCK_END) i++;
      continue;
    }
    if (lines[i] === LEGACY_MARK) {
      i++;
      continue;
    }
    kept.push(lines[i]!);
  }
  return kept.join('\n');
}

/**
 * The first line that ends the script for every run, so that a line after it never runs: an
 * unindented `exit` or `exec` (indented ones sit in an if or a function, and may not end it).
 * 1-based line number and text, or null.
 */
export function findScriptEnd(text: string): { line: number; text: string } | null {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (/^(exit|exec)(\s|$|;)/.test(lines[i]!)) return { line: i + 1, text: lines[i]!.trim() };
  }
  return null;
}

/**
 * The script with our block: at the end, or just before a line that would end the script first
 * (then `before` names that line, for init to say what it did).
 */
export function insertBlock(text: string, block: string): { text: string; before: { line: number; text: string } | null } {
  const end = findScriptEnd(text);
  if (end === null) {
    const separator = text === '' || text.endsWith('\n') ? '' : '\n';
    return { text: `${text}${separator}${block}`, before: null };
  }
  const lines = text.split('\n');
  lines.splice(end.line - 1, 0, block.replace(/\n$/, ''));
  return { text: lines.join('\n'), before: end };
}

/** Whether our block (when present) would run: no line before it ends the script. */
export function isBlockReachable(text: string): boolean {
  const at = text.indexOf(BLOCK_START) >= 0 ? text.indexOf(BLOCK_START) : text.indexOf(LEGACY_MARK);
  if (at < 0) return false;
  return findScriptEnd(text.slice(0, at)) === null;
}
