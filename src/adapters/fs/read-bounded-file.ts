import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { sep } from 'node:path';

// Every file selfreview reads from the repository or the environment (configs, answers files,
// package.json, hook message files) is read here, because any of them may be hostile: a link to
// /dev/zero or a FIFO (a plain read would hang, or grow without end), a 50 MB file (out of
// memory), a link to ~/.secrets (whose content an error message would print). So: stat first,
// refuse what is not a regular file, open without blocking, check again on the open descriptor
// (the path may change in between), read at most the limit, and never quote what was read.

export type TextFile =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'absent' }
  /** `reason` completes "Cannot read <file>: …" and never holds the file's content. */
  | { readonly kind: 'refused'; readonly reason: string };

export interface ReadOptions {
  /** The most bytes accepted; larger files are refused with the limit named. */
  readonly maxBytes: number;
  /** When set, a path that resolves (through links) outside this folder is refused. */
  readonly within?: string;
}

export const MIB = 1024 * 1024;

const ERRNO_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ELOOP: 'its symbolic links loop',
  ENXIO: 'it is a socket or device, not a file',
  EAGAIN: 'it is not a regular file',
};

export function describeSize(bytes: number): string {
  return bytes >= MIB && bytes % MIB === 0
    ? `${bytes / MIB} MiB`
    : bytes >= 1024 && bytes % 1024 === 0
      ? `${bytes / 1024} KiB`
      : `${bytes} bytes`;
}

function describeKind(stats: Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return 'it is a folder, not a file';
  if (stats.isFIFO()) return 'it is a named pipe (FIFO), not a file';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'it is a device, not a file';
  if (stats.isSocket()) return 'it is a socket, not a file';
  return 'it is not a regular file';
}

function isInside(path: string, folder: string): boolean {
  const root = realpathSync(folder);
  return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

function refusal(error: unknown): TextFile {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'absent' };
  // The errno text names the path, never the content; the code alone when it is unknown.
  return { kind: 'refused', reason: ERRNO_REASONS[code] ?? (code || 'it cannot be read') };
}

/** Reads a small text file safely (see above); a UTF-8 byte order mark is dropped. */
export function readBoundedFile(path: string, options: ReadOptions): TextFile {
  let stats: Stats;
  try {
    const link = lstatSync(path);
    if (link.isSymbolicLink()) {
      // Listed yet its target is missing: say so, rather than "absent" (which means "use defaults").
      let target: string;
      try {
        target = realpathSync(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return code === 'ENOENT' ? { kind: 'refused', reason: 'it is a symbolic link to a file that does not exist' } : refusal(error);
      }
      if (options.within !== undefined && !isInside(target, options.within)) {
        return { kind: 'refused', reason: 'it is a symbolic link to a file outside the repository' };
      }
    }
    stats = statSync(path);
  } catch (error) {
    return refusal(error);
  }
  const kind = describeKind(stats);
  if (kind !== null) return { kind: 'refused', reason: kind };
  const tooLarge: TextFile = { kind: 'refused', reason: `it is larger than the ${describeSize(options.maxBytes)} limit` };
  if (stats.size > options.maxBytes) return tooLarge;
  let fd: number;
  try {
    // O_NONBLOCK: if the path became a FIFO since the stat, opening it does not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return refusal(error);
  }
  try {
    const opened = describeKind(fstatSync(fd));
    if (opened !== null) return { kind: 'refused', reason: opened };
    // One byte past the limit tells a file that grew since the stat.
    const buffer = Buffer.alloc(Math.min(options.maxBytes + 1, Math.max(stats.size, 0) + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) return buffer.length > options.maxBytes ? tooLarge : readGrown(fd, buffer, options.maxBytes);
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return { kind: 'text', text: decode(buffer.subarray(0, length)) };
  } catch (error) {
    return refusal(error);
  } finally {
    closeSync(fd);
  }
}

/** The file grew after the stat: read on, up to the limit. */
function readGrown(fd: number, start: Buffer, maxBytes: number): TextFile {
  const buffer = Buffer.alloc(maxBytes + 1);
  start.copy(buffer);
  let length = start.length;
  while (length < buffer.length) {
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) return { kind: 'text', text: decode(buffer.subarray(0, length)) };
    length += read;
  }
  return { kind: 'refused', reason: `it is larger than the ${describeSize(maxBytes)} limit` };
}

function decode(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The bytes of a regular file of at most `maxBytes`, or null for anything else (absent, a
 * folder, a FIFO or device, through a link too, or too large): for a caller that has another
 * source to fall back on, and so needs no reason. One open, without blocking, checked on the
 * descriptor.
 */
export function readBoundedBytes(path: string, maxBytes: number): Buffer | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > maxBytes) return null;
    const buffer = Buffer.alloc(stats.size + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) return buffer.subarray(0, length);
      length += read;
    }
    return null; // grew since the stat
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
