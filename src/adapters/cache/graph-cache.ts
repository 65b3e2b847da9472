import { endianness } from 'node:os';
import type { GraphTable } from '../../core/impact/graph-table.js';
import type { IndexBase } from '../../core/impact/index-delta.js';
import { readStoredEntries, storeEntries, type PackageEntries, type StoredEntries } from '../../core/impact/package-entries.js';
import type { TsconfigPaths, WorkspacePackage } from '../../core/impact/resolve-specifier.js';
import type { Logger } from '../log/logger.js';
import { FORMAT as MODULE_FORMAT } from './module-cache.js';
import { graphCachePath } from './graph-cache-path.js';
import { readCacheFile, reportIgnoredCache, writeCacheFile } from './trusted-cache-file.js';

// The import graph of the last review, kept beside the module cache (module-cache.ts), with the
// project config it was resolved under: the next review patches it for the blobs that changed
// since (graph-table.ts) instead of resolving the imports of every file again, and needs neither
// the specifiers of unchanged files nor the config texts when no config file changed. A file of
// another format, TypeScript version or byte order is ignored, a damaged or foreign one too (read
// through trusted-cache-file.ts: the user's own file, its content's digest checked, then every
// number of the table checked in range): it only costs the rebuild it would have saved, never a
// wrong graph.

// With the module cache's: a new scan (another module cache format) makes other specifiers.
// 3: a JSON head line, then the table's strings and numbers as bytes (no JSON string of 1 MB to
// decode, no base64): a warm review read a 10,000-file graph in ~2/3 of the time.
// 4: the packages' entries resolved under the graph's paths and config (package-entries.ts).
const FORMAT = `4.${MODULE_FORMAT}`;
const NAME = 'graph.json';
/** Far above the ~10 MB of a 100,000-file repository. */
const MAX_BYTES = 1024 * 1024 * 1024;
const keyOf = (typescriptVersion: string) => `${NAME} ${FORMAT} ${typescriptVersion} ${endianness()}`;

export interface SavedGraph {
  /** The project config files (package.json, tsconfig*.json) as [path, blob], in index order. */
  readonly config: ReadonlyArray<readonly [string, string]>;
  readonly packages: readonly WorkspacePackage[];
  readonly tsconfigs: readonly TsconfigPaths[];
  readonly table: GraphTable;
  /** The commit the index differed from only at these paths (index-delta.ts); null when not known. */
  readonly base: IndexBase | null;
  /** The packages' entries under these paths, packages and tsconfigs; null when not resolved. */
  readonly entries?: PackageEntries | null;
}

/** What the file holds, as `formatGraphFile` writes it and `parseGraphFile` reads it back. */
export interface GraphFile {
  readonly format: string;
  readonly typescript: string;
  readonly endian: string;
  readonly config: Array<[string, string]>;
  readonly packages: WorkspacePackage[];
  readonly tsconfigs: TsconfigPaths[];
  /** Paths joined by NUL (no path holds one), blobs by commas. */
  readonly paths: string;
  readonly blobs: string;
  readonly specifiers: string[];
  readonly start: Int32Array;
  readonly links: Int32Array;
  readonly base: { rev: string; changes: Array<[string, string]> } | null;
  readonly entries?: StoredEntries | null;
}

/** The head line: everything but the four large fields, which follow as bytes of these lengths. */
type GraphHead = Omit<GraphFile, 'paths' | 'blobs' | 'start' | 'links'> & { readonly bytes: readonly number[] };

const int32Bytes = (array: Int32Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);

/**
 * The file's content: a JSON head line, then the paths (UTF-8), the blobs (ASCII), `start` and
 * `links` (Int32 in this machine's byte order: the key names it).
 */
export function formatGraphFile(file: GraphFile): Buffer {
  const { paths, blobs, start, links, ...rest } = file;
  const parts = [Buffer.from(paths, 'utf8'), Buffer.from(blobs, 'latin1'), int32Bytes(start), int32Bytes(links)];
  const head: GraphHead = { ...rest, bytes: parts.map((part) => part.length) };
  return Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`, 'utf8'), ...parts]);
}

/** Int32 values copied out of `bytes` (whose offset need not be a multiple of 4). */
function readInt32s(bytes: Buffer): Int32Array {
  const array = new Int32Array(bytes.length / 4);
  new Uint8Array(array.buffer).set(bytes);
  return array;
}

/** The file read back, or null when its head or lengths do not describe its bytes. */
export function parseGraphFile(content: Buffer): GraphFile | null {
  const end = content.indexOf(0x0a);
  if (end < 0) return null;
  const head = JSON.parse(content.toString('utf8', 0, end)) as GraphHead | null;
  if (typeof head !== 'object' || head === null || !Array.isArray(head.bytes) || head.bytes.length !== 4) return null;
  const [pathBytes, blobBytes, startBytes, linkBytes] = head.bytes as number[];
  const lengths = [pathBytes, blobBytes, startBytes, linkBytes];
  if (!lengths.every((n) => Number.isSafeInteger(n) && n! >= 0) || startBytes! % 4 !== 0 || linkBytes! % 4 !== 0) return null;
  let at = end + 1;
  if (at + lengths.reduce((sum, n) => sum! + n!, 0)! !== content.length) return null;
  const take = (length: number) => content.subarray(at, (at += length));
  const { bytes, ...rest } = head;
  void bytes;
  return {
    ...rest,
    paths: take(pathBytes!).toString('utf8'),
    blobs: take(blobBytes!).toString('latin1'),
    start: readInt32s(take(startBytes!)),
    links: readInt32s(take(linkBytes!)),
  };
}

const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** A base is a commit id and [path, blob or ''] pairs; anything else is no base (the index is listed). */
function readBase(base: unknown): IndexBase | null {
  if (typeof base !== 'object' || base === null) return null;
  const { rev, changes } = base as { rev?: unknown; changes?: unknown };
  if (typeof rev !== 'string' || !OBJECT_ID.test(rev) || !Array.isArray(changes)) return null;
  const isPair = (c: unknown) =>
    Array.isArray(c) && c.length === 2 && typeof c[0] === 'string' && typeof c[1] === 'string' && (c[1] === '' || OBJECT_ID.test(c[1]));
  return changes.every(isPair) ? { rev, changes: changes as Array<[string, string]> } : null;
}

/** Whether the arrays describe a table: every number in range, so a walk never reads past them. */
function isWhole(table: GraphTable): boolean {
  const { paths, blobs, specifiers, start, links } = table;
  if (blobs.length !== paths.length || start.length !== paths.length + 1 || start[paths.length] !== links.length) return false;
  for (let p = 0; p < paths.length; p++) if (start[p]! > start[p + 1]! || start[p]! % 2 !== 0) return false;
  for (let at = 0; at < links.length; at += 2) {
    if (links[at]! < 0 || links[at]! >= specifiers.length || links[at + 1]! >= paths.length || links[at + 1]! < -3) return false;
  }
  return true;
}

export function readSavedGraph(commonDir: string, typescriptVersion: string, logger: Logger): SavedGraph | null {
  const path = graphCachePath(commonDir);
  const read = readCacheFile(path, { key: keyOf(typescriptVersion), maxBytes: MAX_BYTES });
  if (read.kind === 'stale') logger.debug('graph cache: of another version, rebuilt');
  if (read.kind === 'refused') reportIgnoredCache(path, read.reason);
  if (read.kind !== 'hit') return null;
  let file: GraphFile | null;
  try {
    file = parseGraphFile(read.bytes);
  } catch (error) {
    reportIgnoredCache(path, `it is not valid JSON (${(error as Error).name})`);
    return null;
  }
  if (file !== null && (file.format !== FORMAT || file.typescript !== typescriptVersion || file.endian !== endianness())) return null;
  try {
    if (file === null) throw new Error('its lengths do not match its bytes');
    const paths = file.paths === '' ? [] : file.paths.split('\0');
    const table: GraphTable = {
      paths,
      blobs: paths.length === 0 ? [] : file.blobs.split(','),
      specifiers: file.specifiers,
      start: file.start,
      links: file.links,
    };
    const isList = [file.specifiers, file.config, file.packages, file.tsconfigs].every((list) => Array.isArray(list));
    if (!isList || !isWhole(table)) {
      throw new Error('inconsistent');
    }
    const entries = readStoredEntries(file.entries);
    return { config: file.config, packages: file.packages, tsconfigs: file.tsconfigs, table, base: readBase(file.base), entries };
  } catch (error) {
    logger.debug(`graph cache: damaged (${(error as Error).message}), rebuilt`);
    reportIgnoredCache(path, 'its table is inconsistent');
    return null;
  }
}

export function writeSavedGraph(commonDir: string, typescriptVersion: string, saved: SavedGraph, logger: Logger): void {
  const { table } = saved;
  const file: GraphFile = {
    format: FORMAT,
    typescript: typescriptVersion,
    endian: endianness(),
    config: saved.config.map(([path, blob]) => [path, blob]),
    packages: [...saved.packages],
    tsconfigs: [...saved.tsconfigs],
    paths: table.paths.join('\0'),
    blobs: table.blobs.join(','),
    specifiers: [...table.specifiers],
    start: table.start,
    links: table.links,
    base: saved.base === null ? null : { rev: saved.base.rev, changes: saved.base.changes.map(([path, blob]) => [path, blob]) },
    entries: saved.entries ? storeEntries(saved.entries) : null,
  };
  try {
    if (!writeCacheFile(graphCachePath(commonDir), keyOf(typescriptVersion), formatGraphFile(file))) {
      logger.debug("graph cache: not written (its folder is not the user's alone)");
    }
  } catch (error) {
    // A read-only git directory only costs speed.
    logger.debug(`graph cache: not written (${(error as Error).message})`);
  }
}
