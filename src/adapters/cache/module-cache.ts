import { createHash } from 'node:crypto';
import { closeSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ModuleRecord } from '../../core/impact/module-record.js';
import type { Logger } from '../log/logger.js';
import { withPublishLock } from './publish-lock.js';
import { HEADER_BYTES, openCacheFile, readCacheFile, reportIgnoredCache, writeCacheFile } from './trusted-cache-file.js';

// Module records cached by blob id under the git directory: a blob's content never changes, so
// its record never goes stale. Keyed also by this format's version and the cache version
// (TypeScript's and this build's, cache-version.ts), so a cache written by another version is
// ignored and rebuilt, never trusted.
//
// Three files: an index of the parsed blobs (blob -> import specifiers, and where its record
// sits in the data file) that every run reads; the data file of records as JSON text, from which
// a run reads only the few records a walk needs; and the specifiers of the blobs only scanned for
// the graph (most files: parsed in full the first time a walk crosses them), read only by a run
// that builds the graph anew: a warm review takes the graph from graph-cache.ts. Parsing 10,000
// whole records, or even their specifiers, at every start cost more than the rest of a warm run.
// All are written to temporary names and renamed into place, through trusted-cache-file.ts: a
// file of another user, or in a folder others may write, is not read; the index and the scanned
// list carry the digest of their content; the data file, read a record at a time, is checked
// record by record against the digest the index keeps for each. A damaged or foreign file is
// ignored with one line (the records it held are parsed again), never believed: a record read
// wrong would change the blast radius of every later run.

/** Also part of the saved graph's key (graph-cache.ts): its specifiers are the scan's. Raised when a record or a
 * resolution changes meaning: a saved graph of the last format would keep the old links. */
export const FORMAT = 20;
const INDEX = 'modules-index.json';
const SCANNED = 'modules-scanned.json';

// offset -1: the record is this run's, not written yet. Offsets count from the data file's
// content (after its header); the digest is of the record's bytes.
type Entry = [specifiers: readonly string[], offset: number, length: number, digest: string];

/** Far above what 100,000 files make; the data file is never read whole. */
const MAX_INDEX_BYTES = 512 * 1024 * 1024;
const MAX_DATA_BYTES = 8 * 1024 * 1024 * 1024;
const DATA_NAME = /^modules-\d+-\d+\.dat$/;

const digestOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('base64').slice(0, 22);
const keyOf = (file: string, typescriptVersion: string) => `${file} ${FORMAT} ${typescriptVersion}`;

interface ScannedFile {
  readonly format: number;
  readonly typescript: string;
  readonly entries: Record<string, readonly string[]>;
}

interface IndexFile {
  readonly format: number;
  readonly typescript: string;
  readonly data: string;
  readonly entries: Record<string, Entry>;
}

export interface ModuleCache {
  /** No cache was found on disk: a first run (or one after another version's cache). */
  readonly isEmpty: boolean;
  /** Whether the blob's import specifiers are known (scanned, maybe also parsed). */
  has(blob: string): boolean;
  /** Whether the blob's full record is known. */
  hasRecord(blob: string): boolean;
  /** Whether a record a walk can read is known: a full one or a light one (module-record.ts). */
  hasWalkRecord(blob: string): boolean;
  /** The import specifiers of a cached blob (from the scan: see scan-imports.ts). */
  specifiers(blob: string): readonly string[] | undefined;
  get(blob: string): ModuleRecord | undefined;
  /** Stores what a run read of a blob: its specifiers, and its record when it was parsed. */
  set(blob: string, specifiers: readonly string[], record: ModuleRecord | null): void;
  /** Writes the cache when this run added to it, keeping only the blobs of `keep()` (asked only
   * then: a run that read everything from the cache writes and prunes nothing). */
  save(keep: () => ReadonlySet<string>): void;
}

/** The JSON content of a cache file, or null (absent, stale, or refused: said in one line). */
function readJson(dir: string, name: string, typescriptVersion: string, logger: Logger): unknown {
  const read = readCacheFile(join(dir, name), { key: keyOf(name, typescriptVersion), maxBytes: MAX_INDEX_BYTES });
  if (read.kind === 'stale') logger.debug(`cache: ${name} of another version, rebuilt`);
  if (read.kind === 'refused') reportIgnoredCache(join(dir, name), read.reason);
  if (read.kind !== 'hit') return null;
  try {
    return JSON.parse(read.bytes.toString('utf8')) as unknown;
  } catch {
    reportIgnoredCache(join(dir, name), 'it is not valid JSON');
    return null;
  }
}

function isIndexFile(value: unknown, typescriptVersion: string): value is IndexFile {
  const index = value as IndexFile | null;
  return (
    typeof index === 'object' &&
    index !== null &&
    index.format === FORMAT &&
    index.typescript === typescriptVersion &&
    typeof index.data === 'string' &&
    DATA_NAME.test(index.data) &&
    typeof index.entries === 'object' &&
    index.entries !== null
  );
}

function readIndex(dir: string, typescriptVersion: string, logger: Logger): { index: IndexFile; fd: number; size: number } | null {
  const index = readJson(dir, INDEX, typescriptVersion, logger);
  if (index === null) return null;
  if (!isIndexFile(index, typescriptVersion)) {
    reportIgnoredCache(join(dir, INDEX), 'it is not a module index of this version');
    return null;
  }
  // Opened now: a concurrent save may replace the file, and this descriptor keeps our copy.
  const data = openCacheFile(join(dir, index.data), { maxBytes: MAX_DATA_BYTES });
  if (data.kind === 'opened') return { index, fd: data.fd, size: data.size };
  // Absent: another run's save replaced it between our reads of the index and of the data.
  if (data.kind === 'absent') logger.debug('cache: its data file was replaced meanwhile, rebuilt');
  else reportIgnoredCache(join(dir, index.data), data.reason);
  return null;
}

function readScanned(dir: string, typescriptVersion: string, logger: Logger): Record<string, readonly string[]> {
  const file = readJson(dir, SCANNED, typescriptVersion, logger) as ScannedFile | null;
  if (
    file !== null &&
    file.format === FORMAT &&
    file.typescript === typescriptVersion &&
    typeof file.entries === 'object' &&
    file.entries !== null
  ) {
    return file.entries;
  }
  return {};
}

function writeAtomically(dir: string, name: string, typescriptVersion: string, content: Buffer | string): boolean {
  return writeCacheFile(join(dir, name), keyOf(name, typescriptVersion), content);
}

/** The data file the index on disk names now (another run's save may have replaced it). */
function readDataName(dir: string, typescriptVersion: string): string | null {
  const read = readCacheFile(join(dir, INDEX), { key: keyOf(INDEX, typescriptVersion), maxBytes: MAX_INDEX_BYTES });
  if (read.kind !== 'hit') return null;
  try {
    const { data } = JSON.parse(read.bytes.toString('utf8')) as IndexFile;
    return typeof data === 'string' && DATA_NAME.test(data) ? data : null;
  } catch {
    return null;
  }
}

function removeOrphans(dir: string, current: string | null): void {
  for (const name of readdirSync(dir)) {
    if (name === INDEX || name === SCANNED || name === current || !/^modules-|\.tmp$/.test(name)) continue;
    const path = join(dir, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > 60_000) rmSync(path, { force: true });
    } catch {
      // removed by another run meanwhile
    }
  }
}

export function openModuleCache(commonDir: string, typescriptVersion: string, logger: Logger): ModuleCache {
  const dir = join(commonDir, 'selfreview', 'cache');
  const opened = readIndex(dir, typescriptVersion, logger);
  let entries: Record<string, Entry> = opened?.index.entries ?? {};
  // The scanned-only blobs, read the first time a blob is asked about that has no record.
  let scanned: Record<string, readonly string[]> | null = null;
  const scannedEntries = (blob: string) => {
    if (scanned === null && opened !== null) logger.debug(`cache: reading the scanned list (for ${blob})`);
    return (scanned ??= opened === null ? {} : readScanned(dir, typescriptVersion, logger));
  };
  // After a save, records are read from the bytes just written, not from the data file it
  // replaced (whose descriptor the save closes).
  let written: Buffer | null = null;
  const fresh = new Map<string, string>();
  const decoded = new Map<string, ModuleRecord>();
  let [isDirty, isScannedDirty, isDamageSaid] = [false, false, false];

  /** A stored record's bytes as written (not checked: see load), or undefined out of range. */
  const readStored = (entry: Entry): Buffer | undefined => {
    const [, offset, length] = entry;
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) return undefined;
    if (written !== null) return offset + length <= written.length ? written.subarray(offset, offset + length) : undefined;
    if (opened === null || HEADER_BYTES + offset + length > opened.size) return undefined;
    const buffer = Buffer.alloc(length);
    return readSync(opened.fd, buffer, 0, length, HEADER_BYTES + offset) === length ? buffer : undefined;
  };

  /** The record of a blob, checked against its digest; a damaged one is forgotten (parsed again). */
  const load = (blob: string): ModuleRecord | undefined => {
    const known = decoded.get(blob);
    if (known !== undefined) return known;
    const fromThisRun = fresh.get(blob);
    const entry = entries[blob];
    let record: ModuleRecord | undefined;
    if (fromThisRun !== undefined) record = JSON.parse(fromThisRun) as ModuleRecord;
    else if (entry !== undefined && entry[1] >= 0) {
      const bytes = readStored(entry);
      try {
        if (bytes !== undefined && digestOf(bytes) === entry[3]) record = JSON.parse(bytes.toString('utf8')) as ModuleRecord;
      } catch {
        // a digest that matches bytes that are not JSON: written so by no version of ours
      }
      if (record === undefined) {
        if (!isDamageSaid && opened !== null)
          reportIgnoredCache(join(dir, opened.index.data), `the record of ${blob} is damaged (it is parsed again)`);
        isDamageSaid = true;
        delete entries[blob];
        return undefined;
      }
    }
    if (record !== undefined) decoded.set(blob, record);
    return record;
  };

  const saveScanned = (keep: ReadonlySet<string>) => {
    if (scanned === null) return; // not read this run: left as it is
    const list = scanned;
    if (!isScannedDirty) return;
    const kept = [...keep].filter((blob) => list[blob] !== undefined && entries[blob] === undefined);
    scanned = Object.fromEntries(kept.map((blob) => [blob, list[blob]!]));
    isScannedDirty = false;
    writeAtomically(
      dir,
      SCANNED,
      typescriptVersion,
      JSON.stringify({ format: FORMAT, typescript: typescriptVersion, entries: scanned } satisfies ScannedFile),
    );
  };

  return {
    isEmpty: opened === null,
    has: (blob) => entries[blob] !== undefined || scannedEntries(blob)[blob] !== undefined,
    // Checked here, not only in get: a walk that is told "known" takes get's answer as the record.
    hasRecord: (blob) => {
      const record = entries[blob] === undefined ? undefined : load(blob);
      return record !== undefined && record.isLight !== true;
    },
    hasWalkRecord: (blob) => entries[blob] !== undefined && load(blob) !== undefined,
    specifiers: (blob) => entries[blob]?.[0] ?? scannedEntries(blob)[blob],
    get: (blob) => (entries[blob] === undefined ? undefined : load(blob)),
    set(blob, specifiers, record) {
      if (record === null) {
        if (entries[blob] !== undefined || scannedEntries(blob)[blob] !== undefined) return;
        scannedEntries(blob)[blob] = specifiers;
        isScannedDirty = true;
        return;
      }
      fresh.set(blob, JSON.stringify(record));
      decoded.set(blob, record);
      entries[blob] = [specifiers, -1, 0, ''];
      isDirty = true;
    },
    save(listKept) {
      if (!isDirty && !isScannedDirty) return;
      const keep = listKept();
      try {
        saveScanned(keep);
      } catch (error) {
        logger.debug(`cache: not written (${(error as Error).message})`);
      }
      if (!isDirty) return;
      const kept = [...keep].filter((blob) => entries[blob] !== undefined);
      const chunks: Buffer[] = [];
      const next: Record<string, Entry> = {};
      let offset = 0;
      for (const blob of kept) {
        const entry = entries[blob]!;
        const text = fresh.get(blob);
        // A stored record is copied with its digest, unchecked: a damaged one stays detectable.
        const chunk = text !== undefined ? Buffer.from(text, 'utf8') : readStored(entry);
        if (chunk === undefined) continue; // unreadable: parsed again when needed
        next[blob] = [entry[0], offset, chunk.length, text !== undefined ? digestOf(chunk) : entry[3]];
        chunks.push(chunk);
        offset += chunk.length;
      }
      const bytes = Buffer.concat(chunks);
      if (opened !== null && written === null) closeSync(opened.fd);
      [entries, written, isDirty] = [next, bytes, false];
      fresh.clear();
      try {
        const data = `modules-${process.pid}-${Date.now()}.dat`;
        if (!writeCacheFile(join(dir, data), keyOf('data', typescriptVersion), bytes)) {
          logger.debug("cache: not written (its folder is not the user's alone)");
          return;
        }
        const index = JSON.stringify({ format: FORMAT, typescript: typescriptVersion, data, entries: next } satisfies IndexFile);
        // Parallel runs each write a data file; only the last index names one. Published one at a
        // time: remove the one this save replaced, ours if another save replaced it meanwhile, and
        // any orphan older than a minute (a killed run's). Open descriptors keep their copy.
        withPublishLock(dir, () => {
          const replaced = readDataName(dir, typescriptVersion);
          writeAtomically(dir, INDEX, typescriptVersion, index);
          for (const old of [opened?.index.data, replaced])
            if (old !== undefined && old !== null && old !== data) rmSync(join(dir, old), { force: true });
          if (readDataName(dir, typescriptVersion) !== data) rmSync(join(dir, data), { force: true });
        });
        removeOrphans(dir, readDataName(dir, typescriptVersion));
      } catch (error) {
        // A read-only git directory (CI, a mounted checkout) only costs speed.
        logger.debug(`cache: not written (${(error as Error).message})`);
      }
    },
  };
}
