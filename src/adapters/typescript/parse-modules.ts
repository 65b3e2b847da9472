import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ModuleRecord } from '../../core/impact/module-record.js';

// Parses many files on every core: worker threads take a share each while the main thread
// parses its own. A worker costs its own TypeScript load (~0.3 s), so below a few hundred files
// the main thread does it all. A worker that fails leaves its share to the main thread.

export interface ParseItem {
  readonly path: string;
  readonly blob: string;
  readonly text: string;
}

const WORKER_FROM = 400;

function parseInWorker(items: readonly ParseItem[]): Promise<Array<readonly [string, ModuleRecord]> | null> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./parse-worker.js', import.meta.url), { workerData: items });
    worker.once('message', (records: Array<readonly [string, ModuleRecord]>) => resolve(records));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
}

export async function parseModules(items: readonly ParseItem[], onRecord: (blob: string, record: ModuleRecord) => void): Promise<void> {
  const workers = items.length < WORKER_FROM ? 0 : Math.min(availableParallelism() - 1, 3);
  const share = Math.ceil(items.length / (workers + 1));
  const shares = Array.from({ length: workers }, (_, i) => items.slice(share * (i + 1), share * (i + 2)));
  const pending = shares.map((s) => parseInWorker(s));
  const { parseModule } = await import('./parse-module.js');
  for (const { path, blob, text } of items.slice(0, share)) onRecord(blob, parseModule(path, text));
  const results = await Promise.all(pending);
  results.forEach((records, i) => {
    if (records !== null) for (const [blob, record] of records) onRecord(blob, record);
    else for (const { path, blob, text } of shares[i]!) onRecord(blob, parseModule(path, text));
  });
}
