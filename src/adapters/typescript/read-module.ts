import { createHash } from 'node:crypto';
import type { ModuleRecord } from '../../core/impact/module-record.js';
import { mayUseNames } from '../../core/impact/may-use-names.js';
import { MIB, readBoundedBytes } from '../fs/read-bounded-file.js';
import { parseModule } from './parse-module.js';
import { scanImports } from './scan-imports.js';

// One file's share of a run: its import specifiers always (the graph), its full record only
// when asked (`full`: a changed file, or one a walk crosses). The text comes with the item (read
// from git), or from the working tree file when that file is the blob byte for byte: its git
// object id is computed and compared, so an unstaged edit, a symlink or a checkout filter is
// never read for the blob; such an item comes back `unread`, for git to read.

// Larger files are read from git (a generated bundle, say): no working tree read is unbounded.
const MAX_BYTES = 32 * MIB;

export interface ParseItem {
  readonly path: string;
  readonly blob: string;
  /** The blob's text; or else `file`, the working tree file to read it from. */
  readonly text?: string;
  readonly file?: string;
  readonly full: boolean;
  /** Its specifiers are known (it was scanned before): not scanned again. */
  readonly isScanned?: boolean;
  /** The names that reach the file in a walk: no parse when the text cannot use them (may-use-names.ts). */
  readonly names?: readonly string[];
  /** A record for a walk only (parse-module.ts): a file that did not change. */
  readonly isLight?: boolean;
}

export interface ReadResult {
  readonly blob: string;
  readonly specifiers: readonly string[];
  readonly record: ModuleRecord | null;
  /** The working tree file was not this blob: read its text from git. */
  readonly unread?: true;
  /** Not parsed: its text cannot use the item's `names`. */
  readonly skipped?: true;
}

/** The file's text when its git object id is `blob` (SHA-1 or SHA-256 repositories). */
function readBlobFile(file: string, blob: string): string | null {
  // Not checked out (sparse, deleted), a folder, a FIFO or device, huge: git reads the blob.
  const bytes = readBoundedBytes(file, MAX_BYTES);
  if (bytes === null) return null;
  const id = createHash(blob.length === 64 ? 'sha256' : 'sha1')
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest('hex');
  return id === blob ? bytes.toString('utf8') : null;
}

export function readModule({ path, blob, text, file, full, isScanned, names, isLight }: ParseItem): ReadResult {
  const source = text ?? (file === undefined ? '' : readBlobFile(file, blob));
  if (source === null) return { blob, specifiers: [], record: null, unread: true };
  if (names !== undefined && !mayUseNames(source, names)) return { blob, specifiers: [], record: null, skipped: true };
  return { blob, specifiers: isScanned === true ? [] : scanImports(source), record: full ? parseModule(path, source, isLight) : null };
}
