import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModuleRecord } from '../../core/impact/module-record.js';
import type { Logger } from '../log/logger.js';

// Module records cached by blob id under the git directory: a blob's content never changes, so
// its record never goes stale. Keyed also by this format's version and TypeScript's, so a cache
// written by another version is ignored and rebuilt, never trusted. Writes go to a temporary
// file renamed into place: two commits at once cannot leave half a file.

const FORMAT = 2;

interface CacheFile {
  readonly format: number;
  readonly typescript: string;
  readonly records: Record<string, ModuleRecord>;
}

export interface ModuleCache {
  get(blob: string): ModuleRecord | undefined;
  set(blob: string, record: ModuleRecord): void;
  /** Writes the cache, keeping only `keep` blobs, when anything was added or dropped. */
  save(keep: ReadonlySet<string>): void;
  readonly hits: number;
}

export function openModuleCache(commonDir: string, typescriptVersion: string, logger: Logger): ModuleCache {
  const dir = join(commonDir, 'selfreview', 'cache');
  const path = join(dir, 'modules.json');
  let records: Record<string, ModuleRecord> = {};
  try {
    const file = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheFile>;
    if (file.format === FORMAT && file.typescript === typescriptVersion && file.records && typeof file.records === 'object') records = file.records;
    else logger.debug('cache: other version, rebuilt');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.debug(`cache: unreadable (${(error as Error).message}), rebuilt`);
  }
  let hits = 0;
  let isDirty = false;
  return {
    get(blob) {
      const record = records[blob];
      if (record !== undefined) hits++;
      return record;
    },
    set(blob, record) {
      records[blob] = record;
      isDirty = true;
    },
    save(keep) {
      const kept: Record<string, ModuleRecord> = {};
      for (const blob of keep) if (records[blob] !== undefined) kept[blob] = records[blob];
      if (!isDirty && Object.keys(kept).length === Object.keys(records).length) return;
      try {
        mkdirSync(dir, { recursive: true });
        const temporary = `${path}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify({ format: FORMAT, typescript: typescriptVersion, records: kept } satisfies CacheFile));
        renameSync(temporary, path);
      } catch (error) {
        // A read-only git directory (CI, --dry-run on a mounted checkout) only costs speed.
        logger.debug(`cache: not written (${(error as Error).message})`);
      }
    },
    get hits() {
      return hits;
    },
  };
}
