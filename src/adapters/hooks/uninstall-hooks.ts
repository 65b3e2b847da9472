import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasBlock, removeBlocks } from '../../core/setup/hook-block.js';

// `selfreview uninstall`'s part in the hook folders: our blocks out of every hook script, and a
// file deleted only when init created it and nothing but the preamble init wrote is left (the
// user's own lines in a file we created keep the file).

export interface UninstallChange {
  readonly path: string;
  readonly action: 'block removed' | 'file removed';
}

const PREAMBLES = ['', '#!/bin/sh', '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"'];

function isOnlyPreamble(text: string): boolean {
  return PREAMBLES.includes(text.trim());
}

/** `createdFiles`: from init's manifest; null when there is none (then a file left with only a preamble is ours). */
export function removeHookBlocks(dirs: readonly string[], createdFiles: readonly string[] | null): UninstallChange[] {
  const changes: UninstallChange[] = [];
  for (const dir of new Set(dirs)) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (!statSync(path).isFile()) continue;
      const text = readFileSync(path, 'utf8');
      if (!hasBlock(text)) continue;
      const rest = removeBlocks(text);
      if (isOnlyPreamble(rest) && (createdFiles === null || createdFiles.includes(path))) {
        rmSync(path);
        changes.push({ path, action: 'file removed' });
      } else {
        writeFileSync(path, rest);
        changes.push({ path, action: 'block removed' });
      }
    }
  }
  return changes;
}
