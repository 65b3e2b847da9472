import type { ModuleRecord } from '../../core/impact/module-record.js';
import { mayUseNames } from '../../core/impact/may-use-names.js';
import { scriptTextOf } from '../../core/impact/component-script.js';
import { readBlobFile } from '../fs/read-blob-file.js';
import { mayTakeNames } from './scan-import-names.js';
import { scanImports } from './scan-imports.js';
import { jsDocSpecifiers } from './jsdoc-imports.js';
import { readUserRecord } from './user-record.js';
import { readUserWhole, WHOLE_EXTENSIONS } from './user-whole.js';
import type { TypescriptReading } from './typescript-reading.js';

// One file's share of a run: its import specifiers always (the graph), its full record only
// when asked (`full`: a changed file, or one a walk crosses). The text comes with the item (read
// from git), or from the working tree file when that file is the blob byte for byte: its git
// object id is computed and compared, so an unstaged edit, a symlink or a checkout filter is
// never read for the blob; such an item comes back `unread`, for git to read.
// TypeScript is needed only for a full record (but most light ones, user-record.ts) and for the
// few texts our scanner gives back (scan-imports.ts), and a changed file's whole record but where
// the tokens say it all (user-whole.ts; `isTypescriptOnly`: its other side was read by TypeScript,
// whose hashes a token record's never equal): a thread that has not loaded it
// (`typescript` absent) answers those `needsTypescript`, and a thread that has it reads them. A
// scan alone loads no TypeScript.

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
  /** The same names, each as `specifier\0name` with the specifier it imports the name's file by:
   * no parse when those imports cannot take them (scan-import-names.ts). */
  readonly takenFrom?: readonly string[];
  /** A record for a walk only (parse-module.ts): a file that did not change. */
  readonly isLight?: boolean;
  /** A whole record read by TypeScript, not from tokens (user-whole.ts): the other side of its change was. */
  readonly isTypescriptOnly?: boolean;
}

/** A changed file's whole record the tokens may give (user-whole.ts): no TypeScript for it unless they cannot. */
export const mayReadWhole = (item: ParseItem): boolean =>
  item.full && item.isLight !== true && item.isTypescriptOnly !== true && WHOLE_EXTENSIONS.test(item.path);

export interface ReadResult {
  readonly blob: string;
  readonly specifiers: readonly string[];
  readonly record: ModuleRecord | null;
  /** The working tree file was not this blob: read its text from git. */
  readonly unread?: true;
  /** Not parsed: its text cannot use the item's `names`. */
  readonly skipped?: true;
  /** Not read: it needs TypeScript, which this thread was not given. */
  readonly needsTypescript?: true;
  /** With `needsTypescript`, the text once this thread has read it: the thread with TypeScript
   * neither reads the file nor computes its object id again. */
  readonly text?: string;
}

// The texts this thread read from the working tree for a scan, by blob id, kept for the record a
// walk may ask of the same file later in the run (dub: 964 of 4,212 files were read and hashed
// twice). A blob's text is the blob's whatever the working tree holds by then. Each thread keeps
// its own (no text is copied between threads), up to KEEP_CHARS; a record takes its text out.
const KEEP_CHARS = 32 * 1024 * 1024;
const kept = new Map<string, string>();
let keptChars = 0;

function keep(blob: string, text: string): void {
  if (keptChars + text.length > KEEP_CHARS || kept.has(blob)) return;
  kept.set(blob, text);
  keptChars += text.length;
}

/** The kept text of `blob`, taken out, or undefined. */
function takeKept(blob: string): string | undefined {
  const text = kept.get(blob);
  if (text === undefined) return undefined;
  kept.delete(blob);
  keptChars -= text.length;
  return text;
}

/** Whether this thread kept the text of `blob` from its scan. */
export const hasKept = (blob: string): boolean => kept.has(blob);

/** The working tree file's text when it is the blob: kept from this thread's scan, or read. */
function readFileText(file: string, blob: string, full: boolean): string | null {
  if (full) return takeKept(blob) ?? readBlobFile(file, blob);
  const text = readBlobFile(file, blob);
  if (text !== null) keep(blob, text);
  return text;
}

/** `isUserTried`: the record was asked of user-record.ts before, which gave it back. */
export function readModule(item: ParseItem, typescript: TypescriptReading | null, isUserTried = false): ReadResult {
  const { path, blob, text, file, full, isScanned, names, takenFrom, isLight } = item;
  const isUserFirst = full && isLight === true && !isUserTried;
  const isTokenFirst = mayReadWhole(item) && !isUserTried;
  if (full && typescript === null && !isUserFirst && !isTokenFirst) return { blob, specifiers: [], record: null, needsTypescript: true };
  const read = text ?? (file === undefined ? '' : readFileText(file, blob, full));
  if (read === null) return { blob, specifiers: [], record: null, unread: true };
  // A Vue or Svelte component is scanned in its scripts only, in place (component-script.ts).
  const source = scriptTextOf(path, read);
  if (names !== undefined && (!mayUseNames(source, names) || (takenFrom !== undefined && !mayTakeNames(source, takenFrom))))
    return { blob, specifiers: [], record: null, skipped: true };
  const specifiers = isScanned === true ? [] : (scanImports(source) ?? typescript?.scanImports(source) ?? null);
  if (specifiers === null) return { blob, specifiers: [], record: null, needsTypescript: true, text: read };
  if (isScanned !== true) specifiers.push(...jsDocSpecifiers(path, source));
  // A file a walk only crosses is mostly read without TypeScript's parser (user-record.ts).
  const record = isUserFirst ? readUserRecord(path, read) : isTokenFirst ? readUserWhole(path, read) : null;
  if (record !== null) return { blob, specifiers, record };
  if (full && typescript === null) return { blob, specifiers: [], record: null, needsTypescript: true, text: read };
  return { blob, specifiers, record: full ? typescript!.parseModule(path, read, isLight) : null };
}
