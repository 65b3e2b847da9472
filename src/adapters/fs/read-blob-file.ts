import { nodeCrypto } from '../../core/node-crypto.js';
import { MIB, readBoundedBytes } from './read-bounded-file.js';

// A blob's text without asking git: a working tree file, or a text rebuilt from one, is the blob
// only when its git object id is the blob's id, computed here (`blob <length>\0<bytes>`, SHA-1 or
// SHA-256 by the id's length). An unstaged edit, a symlink, a checkout filter (CRLF, LFS) or a
// file that is not valid UTF-8 gives another id, and git reads the blob instead.

// Larger files are read from git (a generated bundle, say): no working tree read is unbounded.
const MAX_BYTES = 32 * MIB;

/** Whether `bytes` are the content of the blob `blob`. */
export function isBlobBytes(bytes: Buffer, blob: string): boolean {
  const id = nodeCrypto()
    .createHash(blob.length === 64 ? 'sha256' : 'sha1')
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest('hex');
  return id === blob;
}

/** Whether `text`, as UTF-8, is the content of the blob `blob`. */
export const isBlobText = (text: string, blob: string): boolean => isBlobBytes(Buffer.from(text, 'utf8'), blob);

/** The file's text when its git object id is `blob`, or null. */
export function readBlobFile(file: string, blob: string): string | null {
  // Not checked out (sparse, deleted), a folder, a FIFO or device, huge: git reads the blob.
  const bytes = readBoundedBytes(file, MAX_BYTES);
  if (bytes === null) return null;
  return isBlobBytes(bytes, blob) ? bytes.toString('utf8') : null;
}
