import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

// Plain text files the review reads and writes beside git: the commit message file git hands to
// its hooks, our copy of a message template, a project's package.json and hook scripts. The
// review layer does no file I/O of its own (STYLE.md): it goes through here.

export function fileExists(path: string): boolean {
  return existsSync(path);
}

/** The file's text, or null when it does not exist. Other failures are errors. */
export function readTextFile(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Writes the file, creating its folder. */
export function writeTextFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

export function removeFile(path: string): void {
  rmSync(path, { force: true });
}
