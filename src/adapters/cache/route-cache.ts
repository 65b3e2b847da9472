import { createHash } from 'node:crypto';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { isConsistentRouteTable, type RouteTable } from '../../core/impact/route-table.js';
import type { Logger } from '../log/logger.js';
import { FORMAT as MODULE_FORMAT } from './module-cache.js';
import { readCacheFile, reportIgnoredCache, writeCacheFile } from './trusted-cache-file.js';

// The routes of the last blast radius (core/impact/route-table.ts), beside the saved graph: a
// warm run on a core change reads these numbers instead of decoding the records of thousands of
// files, and only the blobs of the files they depend on (format 2: no longer every path and blob
// of the graph). Read through trusted-cache-file.ts (the user's own file, its content's digest
// checked), then every number checked in range; a file of another format, TypeScript version or
// byte order is ignored, a damaged or foreign one too: it costs only the walk it would have saved.

// With the module cache's: routes are computed from its records.
const FORMAT = `2.${MODULE_FORMAT}`;
const NAME = 'routes.json';
const MAX_BYTES = 1024 * 1024 * 1024;
const keyOf = (typescriptVersion: string) => `${NAME} ${FORMAT} ${typescriptVersion} ${endianness()}`;

interface RouteFile {
  readonly format: string;
  readonly resolution: string;
  /** Joined by NUL (no path, specifier or name holds one); blobs by commas. */
  readonly files: string;
  readonly blobs: string;
  readonly specifiers: string;
  readonly names: string;
  /** Int32Array bytes, base64. */
  readonly importSpans: string;
  readonly imports: string;
  readonly nodeFiles: string;
  readonly routeSpans: string;
  readonly refs: string;
  readonly routeAt: string;
  readonly data: string;
}

const toBase64 = (array: Int32Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
// Copied out of the decoded buffer: a pooled Buffer's offset need not be a multiple of 4.
const fromBase64 = (text: string) => new Int32Array(new Uint8Array(Buffer.from(text, 'base64')).buffer);
const split = (text: string, by: string) => (text === '' ? [] : text.split(by));

/** What the graph's resolution depends on, as one short string. */
export function resolutionKey(packages: unknown, tsconfigs: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([packages, tsconfigs]))
    .digest('base64');
}

export function readRouteTable(commonDir: string, typescriptVersion: string, logger: Logger): RouteTable | null {
  const path = join(commonDir, 'selfreview', 'cache', NAME);
  const read = readCacheFile(path, { key: keyOf(typescriptVersion), maxBytes: MAX_BYTES });
  if (read.kind === 'stale') logger.debug('route cache: of another version, rebuilt');
  if (read.kind === 'refused') reportIgnoredCache(path, read.reason);
  if (read.kind !== 'hit') return null;
  try {
    const file = JSON.parse(read.bytes.toString('utf8')) as RouteFile;
    if (typeof file !== 'object' || file === null || file.format !== FORMAT) return null;
    const files = split(file.files, '\0');
    const nodeFiles = fromBase64(file.nodeFiles);
    const table: RouteTable = {
      resolution: String(file.resolution),
      files,
      blobs: files.length === 0 ? [] : file.blobs.split(','),
      specifiers: split(file.specifiers, '\0'),
      importSpans: fromBase64(file.importSpans),
      imports: fromBase64(file.imports),
      names: nodeFiles.length === 0 ? [] : file.names.split('\0'),
      nodeFiles,
      routeSpans: fromBase64(file.routeSpans),
      refs: fromBase64(file.refs),
      routeAt: fromBase64(file.routeAt),
      data: fromBase64(file.data),
    };
    if (!isConsistentRouteTable(table)) throw new Error('inconsistent');
    return table;
  } catch (error) {
    logger.debug(`route cache: damaged (${(error as Error).message}), rebuilt`);
    reportIgnoredCache(path, 'its routes are inconsistent');
    return null;
  }
}

export function writeRouteTable(commonDir: string, typescriptVersion: string, table: RouteTable, logger: Logger): void {
  const file: RouteFile = {
    format: FORMAT,
    resolution: table.resolution,
    files: table.files.join('\0'),
    blobs: table.blobs.join(','),
    specifiers: table.specifiers.join('\0'),
    names: table.names.join('\0'),
    importSpans: toBase64(table.importSpans),
    imports: toBase64(table.imports),
    nodeFiles: toBase64(table.nodeFiles),
    routeSpans: toBase64(table.routeSpans),
    refs: toBase64(table.refs),
    routeAt: toBase64(table.routeAt),
    data: toBase64(table.data),
  };
  try {
    if (!writeCacheFile(join(commonDir, 'selfreview', 'cache', NAME), keyOf(typescriptVersion), JSON.stringify(file))) {
      logger.debug("route cache: not written (its folder is not the user's alone)");
    }
  } catch (error) {
    // A read-only git directory only costs speed.
    logger.debug(`route cache: not written (${(error as Error).message})`);
  }
}
