import { join } from 'node:path';
import type { Logger } from '../log/logger.js';
import { FORMAT as MODULE_FORMAT } from './module-cache.js';
import { readCacheFile, reportIgnoredCache, writeCacheFile } from './trusted-cache-file.js';

// The blobs a walk's text prefilter passed (load-module-records.ts: their text cannot use the
// names that reached them, so they were never parsed), with those names: the answer is the
// blob's text's and this build's (the key holds both), whatever the commit or the range. A CI
// range keeps them from commit to commit (range-impact-memo.ts); kept here, beside the module
// cache, a second `ci` over the same commits does not read and scan those blobs again
// (sentry-javascript, 197 commits: 7,492 blobs in 58 walk rounds). Read through
// trusted-cache-file.ts (the user's own file, its content's digest checked); a file of another
// format or version, or not of this shape, is ignored: it costs only the scans it would have saved.

const FORMAT = `1.${MODULE_FORMAT}`;
const NAME = 'modules-unused.json';
const MAX_BYTES = 256 * 1024 * 1024;
/** Blobs kept at most: the newest answers, far above a range of 200 commits of a large repository. */
export const MAX_UNUSED_BLOBS = 100_000;
const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const keyOf = (typescriptVersion: string) => `${NAME} ${FORMAT} ${typescriptVersion}`;

interface UnusedFile {
  readonly format: string;
  /** [blob, names its text does not use], oldest first. */
  readonly entries: Array<[string, string[]]>;
}

const isEntry = (e: unknown): e is [string, string[]] =>
  Array.isArray(e) &&
  e.length === 2 &&
  typeof e[0] === 'string' &&
  OBJECT_ID.test(e[0]) &&
  Array.isArray(e[1]) &&
  e[1].every((name) => typeof name === 'string');

/** The kept answers (blob -> names its text does not use), or an empty map. */
export function readUnusedNames(commonDir: string, typescriptVersion: string, logger: Logger): Map<string, ReadonlySet<string>> {
  const path = join(commonDir, 'selfreview', 'cache', NAME);
  const read = readCacheFile(path, { key: keyOf(typescriptVersion), maxBytes: MAX_BYTES });
  if (read.kind === 'stale') logger.debug('unused-names cache: of another version, rebuilt');
  if (read.kind === 'refused') reportIgnoredCache(path, read.reason);
  if (read.kind !== 'hit') return new Map();
  try {
    const file = JSON.parse(read.bytes.toString('utf8')) as UnusedFile | null;
    if (typeof file !== 'object' || file === null || file.format !== FORMAT || !Array.isArray(file.entries)) return new Map();
    if (!file.entries.every(isEntry)) throw new Error('not of its shape');
    return new Map(file.entries.map(([blob, names]) => [blob, new Set(names)]));
  } catch {
    reportIgnoredCache(path, 'its entries are not blobs with names');
    return new Map();
  }
}

/** Writes the answers, the newest `MAX_UNUSED_BLOBS` of them (a map's order: the oldest first). */
export function writeUnusedNames(
  commonDir: string,
  typescriptVersion: string,
  unused: ReadonlyMap<string, ReadonlySet<string>>,
  logger: Logger,
): void {
  const entries = [...unused].slice(-MAX_UNUSED_BLOBS).map(([blob, names]): [string, string[]] => [blob, [...names]]);
  const file: UnusedFile = { format: FORMAT, entries };
  try {
    if (!writeCacheFile(join(commonDir, 'selfreview', 'cache', NAME), keyOf(typescriptVersion), JSON.stringify(file))) {
      logger.debug("unused-names cache: not written (its folder is not the user's alone)");
    }
  } catch (error) {
    // A read-only git directory only costs speed.
    logger.debug(`unused-names cache: not written (${(error as Error).message})`);
  }
}
