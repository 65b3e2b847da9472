import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIB, readBoundedFile } from './read-bounded-file.js';

// Plain text files the review reads and writes beside git: the commit message file git hands to
// its hooks, our copy of a message template, a project's package.json and hook scripts. The
// review layer does no file I/O of its own (STYLE.md): it goes through here.

export function fileExists(path: string): boolean {
  return existsSync(path);
}

/** Hook scripts, package.json, commit messages: 16 MiB is past any real one. */
const MAX_BYTES = 16 * MIB;

/**
 * The file's text, or null when it does not exist. Read through readBoundedFile (a FIFO, a
 * device or a huge file is refused, never waited on); a refusal is an error naming the file.
 */
export function readTextFile(path: string): string | null {
  const file = readBoundedFile(path, { maxBytes: MAX_BYTES });
  if (file.kind === 'absent') return null;
  if (file.kind === 'refused') throw new Error(`Cannot read ${path}: ${file.reason}.`);
  return file.text;
}

/** Writes the file, creating its folder. */
export function writeTextFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

export function removeFile(path: string): void {
  rmSync(path, { force: true });
}
