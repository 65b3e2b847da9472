import { readCacheVersion } from '../adapters/cache/cache-version.js';
import { openModuleCache, type ModuleCache } from '../adapters/cache/module-cache.js';
import { readUnusedNames, writeUnusedNames } from '../adapters/cache/unused-names-cache.js';
import type { GitClient } from '../adapters/git/git-client.js';
import type { Logger } from '../adapters/log/logger.js';
import type { RangeImpactMemo } from './range-impact-memo.js';

// What a CI range keeps across its commits' impact computations: one module cache, and the text
// prefilter's answers an earlier run kept.

/** One module cache for many impact computations (a CI range); `save` keeps every blob seen. */
export function openSharedCache(git: GitClient, logger: Logger): ModuleCache & { readonly seen: Set<string> } {
  const cache = openModuleCache(git.info.commonDir, readCacheVersion(), logger);
  const seen = new Set<string>();
  return {
    seen,
    isEmpty: cache.isEmpty,
    has: (blob) => cache.has(blob),
    hasRecord: (blob) => cache.hasRecord(blob),
    hasWalkRecord: (blob) => cache.hasWalkRecord(blob),
    specifiers: (blob) => (seen.add(blob), cache.specifiers(blob)),
    get: (blob) => (seen.add(blob), cache.get(blob)),
    set: (blob, specifiers, record) => (seen.add(blob), cache.set(blob, specifiers, record)),
    save: () => cache.save(() => seen),
  };
}

const countNames = (unused: ReadonlyMap<string, ReadonlySet<string>>) => {
  let count = 0;
  for (const names of unused.values()) count += names.size;
  return count;
};

/** A CI range's memo given the text prefilter's answers an earlier run kept (unused-names-cache.ts);
 * returns what saves them at the range's end, when its walks added to them. */
export function keepUnusedNames(git: GitClient, memo: RangeImpactMemo, logger: Logger): () => void {
  for (const [blob, names] of readUnusedNames(git.info.commonDir, readCacheVersion(), logger)) memo.unused.set(blob, names);
  const [blobs, names] = [memo.unused.size, countNames(memo.unused)];
  if (blobs > 0) logger.debug(`impact: ${blobs} blobs passed by their text in an earlier run (their names kept)`);
  return () => {
    if (memo.unused.size !== blobs || countNames(memo.unused) !== names)
      writeUnusedNames(git.info.commonDir, readCacheVersion(), memo.unused, logger);
  };
}
