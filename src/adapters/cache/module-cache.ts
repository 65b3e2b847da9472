import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModuleRecord } from '../../core/impact/module-record.js';
import type { Logger } from '../log/logger.js';

// Module records cached by blob id under the git directory: a blob's content never changes, so
// its record never goes stale. Keyed also by this format's version and TypeScript's, so a cache
// written by another version is ignored and rebuilt, never trusted.
//
// Two files: an index (blob -> import specifiers, and where its record sits in the data file)
// that every run reads, and the data file of records as JSON text, from which a run reads only
// the few records a walk needs. A blob may have specifiers and no record: most files are only
// scanned for the graph, and parsed in full the first time a walk crosses them. Parsing 10,000 whole records at every start cost more than the
// rest of a warm run. Both are written to temporary names and renamed into place.

const FORMAT = 8;
const INDEX = 'modules-index.json';

// offset -1: no record (the file was only scanned).
type Entry = [specifiers: readonly string[], offset: number, length: number];

interface IndexFile {
  readonly format: number;
  readonly typescript: string;
  readonly data: string;
  readonly entries: Record<string, Entry>;
}

export interface ModuleCache {
  /** Whether the blob's import specifiers are known (scanned, maybe also parsed). */
  has(blob: string): boolean;
  /** Whether the blob's full record is known. */
  hasRecord(blob: string): boolean;
  /** The import specifiers of a cached blob (from the scan: see scan-imports.ts). */
  specifiers(blob: string): readonly string[] | undefined;
  get(blob: string): ModuleRecord | undefined;
  /** Stores what a run read of a blob: its specifiers, and its record when it was parsed. */
  set(blob: string, specifiers: readonly string[], record: ModuleRecord | null): void;
  /** Writes the cache, keeping only `keep` blobs, when anything was added or dropped. */
  save(keep: ReadonlySet<string>): void;
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

function readDataName(dir: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(dir, INDEX), 'utf8')) as IndexFile).data;
  } catch {
    return null;
  }
}

function removeOrphans(dir: string, current: string | null): void {
  for (const name of readdirSync(dir)) {
    if (name === INDEX || name === current || !/^modules-|\.tmp$/.test(name)) continue;
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
  // After a save, records are read from the bytes just written, not from the data file it
  // replaced (whose descriptor the save closes).
  let written: Buffer | null = null;
  const fresh = new Map<string, string>();
  const decoded = new Map<string, ModuleRecord>();
  let isDirty = false;

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

  return {
    has: (blob) => entries[blob] !== undefined,
    hasRecord: (blob) => fresh.has(blob) || (entries[blob] !== undefined && entries[blob][1] >= 0),
    specifiers: (blob) => entries[blob]?.[0],
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
      const known = entries[blob];
      if (record !== null) {
        fresh.set(blob, JSON.stringify(record));
        decoded.set(blob, record);
      } else if (known !== undefined) return;
      entries[blob] = [specifiers, known?.[1] ?? -1, known?.[2] ?? 0];
      isDirty = true;
    },
    save(keep) {
      const kept = [...keep].filter((blob) => entries[blob] !== undefined);
      if (!isDirty && kept.length === Object.keys(entries).length) return;
      const chunks: Buffer[] = [];
      const next: Record<string, Entry> = {};
      let offset = 0;
      for (const blob of kept) {
        const text = readText(blob);
        if (text === undefined) {
          next[blob] = [entries[blob]![0], -1, 0];
          continue;
        }
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
        mkdirSync(dir, { recursive: true });
        const data = `modules-${process.pid}-${Date.now()}.dat`;
        writeFileSync(join(dir, `${data}.tmp`), Buffer.concat(chunks));
        renameSync(join(dir, `${data}.tmp`), join(dir, data));
        const temporary = join(dir, `${INDEX}.${process.pid}.tmp`);
        writeFileSync(
          temporary,
          JSON.stringify({ format: FORMAT, typescript: typescriptVersion, data, entries: next } satisfies IndexFile),
        );
        const replaced = readDataName(dir);
        renameSync(temporary, join(dir, INDEX));
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
