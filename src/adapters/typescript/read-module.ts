import type { ModuleRecord } from '../../core/impact/module-record.js';
import { parseModule } from './parse-module.js';
import { scanImports } from './scan-imports.js';

// One file's share of a run: its import specifiers always (the graph), its full record only
// when asked (`full`: a changed file, or one a walk crosses).

export interface ParseItem {
  readonly path: string;
  readonly blob: string;
  readonly text: string;
  readonly full: boolean;
}

export interface ReadResult {
  readonly blob: string;
  readonly specifiers: readonly string[];
  readonly record: ModuleRecord | null;
}

export function readModule({ path, blob, text, full }: ParseItem): ReadResult {
  return { blob, specifiers: scanImports(text), record: full ? parseModule(path, text) : null };
}
