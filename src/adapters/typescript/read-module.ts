import type { ModuleRecord } from '../../core/impact/module-record.js';
import { mayUseNames } from '../../core/impact/may-use-names.js';
import { readBlobFile } from '../fs/read-blob-file.js';
import { parseModule } from './parse-module.js';
import { scanImports } from './scan-imports.js';

// One file's share of a run: its import specifiers always (the graph), its full record only
// when asked (`full`: a changed file, or one a walk crosses). The text comes with the item (read
// from git), or from the working tree file when that file is the blob byte for byte: its git
// object id is computed and compared, so an unstaged edit, a symlink or a checkout filter is
// never read for the blob; such an item comes back `unread`, for git to read.

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

export function readModule({ path, blob, text, file, full, isScanned, names, isLight }: ParseItem): ReadResult {
  const source = text ?? (file === undefined ? '' : readBlobFile(file, blob));
  if (source === null) return { blob, specifiers: [], record: null, unread: true };
  if (names !== undefined && !mayUseNames(source, names)) return { blob, specifiers: [], record: null, skipped: true };
  return { blob, specifiers: isScanned === true ? [] : scanImports(source), record: full ? parseModule(path, source, isLight) : null };
}
