import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  constants,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { sanitizeForTerminal } from '../../core/text/sanitize.js';

// A cache file is data another process wrote, never trust (issue 22: a planted V8 code cache ran
// its code; a damaged module cache gave a wrong blast radius on every later run). So a cache file
// is used only when
// - its folder is ours: owned by this user, not writable by group or others (nobody else can put
//   or swap a file there), and, for a per-user cache, outside any git work tree (a HOME kept in
//   git, or a repository used as HOME, would hand us a committed file);
// - the file itself is ours and not group/other-writable, checked on the opened descriptor
//   (O_NOFOLLOW, O_NONBLOCK: no link, no FIFO or device that blocks, no stat-then-open race),
//   a regular file within a size limit;
// - its header names the digest of what it was built from (the key: versions, the exact bytes
//   of a source) and the digest of its content, and both match.
// Anything else is ignored and rebuilt; the caller says so in one line. Written to a temporary
// file (mode 0600, created exclusively) renamed into place, in a folder made with mode 0700.

const MAGIC = 'selfreview-cache 1';
/** `selfreview-cache 1 <sha256 of key> <sha256 of content>\n` */
export const HEADER_BYTES = MAGIC.length + 1 + 64 + 1 + 64 + 1;

export type CacheFile =
  | { readonly kind: 'hit'; readonly bytes: Buffer }
  | { readonly kind: 'absent' }
  /** Built from something else (another version, another source): silently rebuilt. */
  | { readonly kind: 'stale' }
  /** Completes "ignored the cache <file>: …". */
  | { readonly kind: 'refused'; readonly reason: string };

export interface CacheFolderOptions {
  /** A per-user cache: refused inside a git work tree. */
  readonly isOutsideWorkTree?: boolean;
}

export interface CacheReadOptions extends CacheFolderOptions {
  /** What the content was built from; a file built from anything else is stale. */
  readonly key: string | Buffer;
  /** The most content bytes accepted. */
  readonly maxBytes: number;
}

/** The user's cache folder of selfreview (XDG_CACHE_HOME, else ~/.cache), for what is kept per user, or null without one. */
export function userCacheDir(): string | null {
  const base = process.env.XDG_CACHE_HOME || (process.env.HOME ? join(homedir(), '.cache') : '');
  return base === '' ? null : join(base, 'selfreview');
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const ownUid = () => process.getuid?.() ?? -1;

function isInWorkTree(dir: string): boolean {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return true;
    if (dirname(at) === at) return false;
  }
}

/** Why `stats` (of a file or folder) may hold what another user put there, or null. */
function describeForeign(stats: Stats, what: string): string | null {
  const uid = ownUid();
  // No uid (Windows): owner and mode bits say nothing there; the digests still apply.
  if (uid < 0) return null;
  if (stats.uid !== uid) return `${what} is owned by another user (uid ${stats.uid})`;
  if ((stats.mode & 0o022) !== 0) return `${what} is writable by group or others (mode ${(stats.mode & 0o777).toString(8)})`;
  return null;
}

/** Why the folder may not hold a cache of ours, or null when it may. */
export function describeUntrustedFolder(dir: string, options: CacheFolderOptions = {}): string | null {
  let real: string;
  let stats: Stats;
  try {
    real = realpathSync(dir);
    stats = statSync(real);
  } catch (error) {
    return `its folder cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  if (!stats.isDirectory()) return 'its folder is not a folder';
  const foreign = describeForeign(stats, 'its folder');
  if (foreign !== null) return foreign;
  if (options.isOutsideWorkTree === true && isInWorkTree(real)) return 'its folder is inside a git work tree';
  return null;
}

export type OpenedCacheFile =
  | { readonly kind: 'opened'; readonly fd: number; readonly size: number }
  | { readonly kind: 'absent' }
  | { readonly kind: 'refused'; readonly reason: string };

/**
 * Opens a cache file for reading once its folder and the opened file pass the checks above
 * (not the header: see readCacheFile); the caller closes `fd`.
 */
export function openCacheFile(path: string, options: CacheFolderOptions & { readonly maxBytes: number }): OpenedCacheFile {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'absent' };
    if (code === 'ELOOP') return { kind: 'refused', reason: 'it is a symbolic link' };
    return { kind: 'refused', reason: `it cannot be opened (${code ?? 'error'})` };
  }
  const refuse = (reason: string): OpenedCacheFile => (closeSync(fd), { kind: 'refused', reason });
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return refuse('it is not a regular file');
    const foreign = describeForeign(stats, 'it') ?? describeUntrustedFolder(dirname(path), options);
    if (foreign !== null) return refuse(foreign);
    if (stats.size > options.maxBytes) return refuse(`it is larger than its ${options.maxBytes}-byte limit`);
    return { kind: 'opened', fd, size: stats.size };
  } catch (error) {
    return refuse(`it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Reads `size` bytes (one more tells a file that grew since the fstat), or null. */
function readWhole(fd: number, size: number): Buffer | null {
  const buffer = Buffer.alloc(size + 1);
  let length = 0;
  while (length < buffer.length) {
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  return length === size ? buffer.subarray(0, size) : null;
}

/** The content of a cache file written by writeCacheFile, once every check above passes. */
export function readCacheFile(path: string, options: CacheReadOptions): CacheFile {
  const opened = openCacheFile(path, { ...options, maxBytes: options.maxBytes + HEADER_BYTES });
  if (opened.kind !== 'opened') return opened;
  let bytes: Buffer | null;
  try {
    bytes = readWhole(opened.fd, opened.size);
  } catch (error) {
    return { kind: 'refused', reason: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    closeSync(opened.fd);
  }
  if (bytes === null) return { kind: 'refused', reason: 'it changed while it was read' };
  const header = bytes.toString('latin1', 0, Math.min(bytes.length, HEADER_BYTES));
  const match = /^selfreview-cache 1 ([0-9a-f]{64}) ([0-9a-f]{64})\n$/.exec(header);
  if (match === null) return { kind: 'refused', reason: 'it is not a selfreview cache file (damaged, or from an older version)' };
  if (match[1] !== sha256(options.key)) return { kind: 'stale' };
  const content = bytes.subarray(HEADER_BYTES);
  if (match[2] !== sha256(content)) return { kind: 'refused', reason: 'its content does not match its digest (damaged)' };
  return { kind: 'hit', bytes: content };
}

/**
 * Writes a cache file atomically (a temporary file created exclusively with mode 0600, renamed
 * into place), making its folder with mode 0700; in a folder that fails the checks above,
 * nothing is written. Returns whether it was written; throws on I/O failure.
 */
export function writeCacheFile(path: string, key: string | Buffer, content: Buffer | string, options: CacheFolderOptions = {}): boolean {
  const dir = resolve(dirname(path));
  if (options.isOutsideWorkTree === true && isInWorkTree(dir)) return false; // not even its folder
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Our own folder left group-writable (by an older version under umask 002): closed now; what
  // another user put in it meanwhile is refused when read (it is not ours).
  const stats = statSync(dir);
  if (stats.uid === ownUid() && (stats.mode & 0o022) !== 0) chmodSync(dir, 0o700);
  if (describeUntrustedFolder(dir, options) !== null) return false;
  const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const header = Buffer.from(`${MAGIC} ${sha256(key)} ${sha256(body)}\n`, 'latin1');
  const temporary = join(dir, `${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
  try {
    for (const part of [header, body]) for (let at = 0; at < part.length;) at += writeSync(fd, part, at, part.length - at);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return true;
}

/** The one line a run prints when it ignores a cache file. */
export function reportIgnoredCache(path: string, reason: string, write: (line: string) => void = (l) => process.stderr.write(l)): void {
  write(`selfreview: ignored the cache ${sanitizeForTerminal(path)}: ${reason}.\n`);
}
