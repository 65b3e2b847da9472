import type { FileChange } from './staged-change.js';

export interface ChangeTotals {
  /** Counted files only (excluded files are in excludedFiles). */
  readonly files: number;
  readonly added: number;
  readonly removed: number;
  readonly lines: number;
  readonly excludedFiles: number;
}

export function computeTotals(files: readonly FileChange[]): ChangeTotals {
  let count = 0;
  let added = 0;
  let removed = 0;
  let excludedFiles = 0;
  for (const file of files) {
    if (file.excluded !== null) {
      excludedFiles++;
      continue;
    }
    count++;
    added += file.added;
    removed += file.removed;
  }
  return { files: count, added, removed, lines: added + removed, excludedFiles };
}
