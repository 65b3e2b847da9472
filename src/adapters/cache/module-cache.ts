import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModuleRecord } from '../../core/impact/module-record.js';
import type { Logger } from '../log/logger.js';

// Module records cached by blob id under the git directory: a blob's content never changes, so
// its record never goes stale. Keyed also by this format's version and TypeScript's, so a cache
// written by another version is ignored and rebuilt, never trusted.
//
// Three files: an index of the parsed blobs (blob -> import specifiers, and where its record
// sits in the data file) that every run reads; the data file of records as JSON text, from which
// a run reads only the few records a walk needs; and the specifiers of the blobs only scanned for
// the graph (most files: parsed in full the first time a walk crosses them), read only by a run
// that builds the graph anew: a warm review takes the graph from graph-cache.ts. Parsing 10,000
// whole records, or even their specifiers, at every start cost more than the rest of a warm run.
// All are written to temporary names and renamed into place.

/** Also part of the saved graph's key (graph-cache.ts): its specifiers are the scan's. */
export const FORMAT = 10;
const INDEX = 'modules-index.json';
const SCANNED = 'modules-scanned.json';

// offset -1: the record is this run's, not written yet.
type Entry = [specifiers: readonly string[], offset: number, length: number];

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
  /** The import specifiers of a cached blob (from the scan: see scan-imports.ts). */
  specifiers(blob: string): readonly string[] | undefined;
  get(blob: string): ModuleRecord | undefined;
  /** Stores what a run read of a blob: its specifiers, and its record when it was parsed. */
  set(blob: string, specifiers: readonly string[], record: ModuleRecord | null): void;
  /** Writes the cache when this run added to it, keeping only the blobs of `keep()` (asked only
   * then: a run that read everything from the cache writes and prunes nothing). */
  save(keep: () => ReadonlySet<string>): void;
}

function readIndex(dir: string, typescriptVersion: string, logger: Logger): { index: IndexFile; fd: number } | null {
  try {
    const index = JSON.parse(readFileSync(join(dir, INDEX), 'utf8')) as IndexFile;
    if (index.format !== FORMAT || index.typescript !== typescriptVersion || typeof index.entries !== 'object') {
      logger.debug('cache: other version, rebuilt');
      return null;
    }
    // Opened now: a concurrent save may replace the file, and this descriptor keeps our copy.
    return { index, fd: openSync(join(dir, index.data), 'r') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.debug(`cache: unreadable (${(error as Error).message}), rebuilt`);
    return null;
  }
}

function readScanned(dir: string, typescriptVersion: string, logger: Logger): Record<string, readonly string[]> {
  try {
    const file = JSON.parse(readFileSync(join(dir, SCANNED), 'utf8')) as ScannedFile;
    if (file.format === FORMAT && file.typescript === typescriptVersion && typeof file.entries === 'object' && file.entries !== null) {
      return file.entries;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.debug(`cache: scanned list unreadable (${(error as Error).message})`);
  }
  return {};
}

function writeAtomically(dir: string, name: string, text: string): void {
  const temporary = join(dir, `${name}.${process.pid}.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, join(dir, name));
}

function readDataName(dir: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(dir, INDEX), 'utf8')) as IndexFile).data;
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
  let [isDirty, isScannedDirty] = [false, false];

  const readText = (blob: string): string | undefined => {
    const fromThisRun = fresh.get(blob);
    if (fromThisRun !== undefined) return fromThisRun;
    const entry = entries[blob];
    if (entry === undefined || entry[1] < 0) return undefined;
    if (written !== null) return written.toString('utf8', entry[1], entry[1] + entry[2]);
    if (opened === null) return undefined;
    const buffer = Buffer.alloc(entry[2]);
    readSync(opened.fd, buffer, 0, entry[2], entry[1]);
    return buffer.toString('utf8');
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
      JSON.stringify({ format: FORMAT, typescript: typescriptVersion, entries: scanned } satisfies ScannedFile),
    );
  };

  return {
    isEmpty: opened === null,
    has: (blob) => entries[blob] !== undefined || scannedEntries(blob)[blob] !== undefined,
    hasRecord: (blob) => entries[blob] !== undefined,
    specifiers: (blob) => entries[blob]?.[0] ?? scannedEntries(blob)[blob],
    get(blob) {
      let record = decoded.get(blob);
      if (record !== undefined) return record;
      try {
        const text = readText(blob);
        record = text === undefined ? undefined : (JSON.parse(text) as ModuleRecord);
      } catch {
        logger.debug(`cache: record of ${blob} unreadable`);
        return undefined;
      }
      if (record !== undefined) decoded.set(blob, record);
      return record;
    },
    set(blob, specifiers, record) {
      if (record === null) {
        if (entries[blob] !== undefined || scannedEntries(blob)[blob] !== undefined) return;
        scannedEntries(blob)[blob] = specifiers;
        isScannedDirty = true;
        return;
      }
      fresh.set(blob, JSON.stringify(record));
      decoded.set(blob, record);
      entries[blob] = [specifiers, -1, 0];
      isDirty = true;
    },
    save(listKept) {
      if (!isDirty && !isScannedDirty) return;
      const keep = listKept();
      try {
        mkdirSync(dir, { recursive: true });
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
        const text = readText(blob);
        if (text === undefined) continue; // unreadable: parsed again when needed
        const chunk = Buffer.from(text, 'utf8');
        next[blob] = [entries[blob]![0], offset, chunk.length];
        chunks.push(chunk);
        offset += chunk.length;
      }
      const bytes = Buffer.concat(chunks);
      if (opened !== null && written === null) closeSync(opened.fd);
      [entries, written, isDirty] = [next, bytes, false];
      fresh.clear();
      try {
        const data = `modules-${process.pid}-${Date.now()}.dat`;
        writeFileSync(join(dir, `${data}.tmp`), bytes);
        renameSync(join(dir, `${data}.tmp`), join(dir, data));
        const replaced = readDataName(dir);
        writeAtomically(
          dir,
          INDEX,
          JSON.stringify({ format: FORMAT, typescript: typescriptVersion, data, entries: next } satisfies IndexFile),
        );
        // Parallel runs each write a data file; only the last index names one. Remove the one
        // this save replaced, ours if another save replaced it meanwhile, and any orphan older
        // than a minute (a killed run's, or a lost race's). Open descriptors keep their copy.
        for (const old of [opened?.index.data, replaced])
          if (old !== undefined && old !== null && old !== data) rmSync(join(dir, old), { force: true });
        if (readDataName(dir) !== data) rmSync(join(dir, data), { force: true });
        removeOrphans(dir, readDataName(dir));
      } catch (error) {
        // A read-only git directory (CI, a mounted checkout) only costs speed.
        logger.debug(`cache: not written (${(error as Error).message})`);
      }
    },
  };
}
