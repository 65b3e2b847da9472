import { parentPort, workerData } from 'node:worker_threads';
import { setCodeCacheDir } from './code-cache-dir.js';
import type { ParseItem } from './read-module.js';

// A worker thread of the parse pool: each message is a share of files, answered with their
// plain results. It lives for the run, so TypeScript loads once per thread, from V8's code
// cache when the main thread has written one (so the folder is set before TypeScript loads).

const { cacheDir } = workerData as { cacheDir: string | null };
if (cacheDir !== null) setCodeCacheDir(cacheDir);
const { readModule } = await import('./read-module.js');
parentPort?.on('message', (items: readonly ParseItem[]) => parentPort?.postMessage(items.map(readModule)));
