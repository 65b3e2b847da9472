import { parentPort } from 'node:worker_threads';
import { mayReadWhole, readModule, type ParseItem } from './read-module.js';
import type { TypescriptReading } from './typescript-reading.js';
import type { WorkerBatch, WorkerReply } from './parse-modules.js';
import { PRIME_FROM, primeScan } from './scan-primer.js';

// A worker thread of the parse pool (parse-modules.ts): each message is a batch of files cut in
// chunks; the worker takes the next chunk from the counter it shares with the other threads, and
// answers each with its plain results, until none is left. It lives for the run. It loads
// TypeScript only for a full record (the changed files of a large change): a scan needs none, nor
// most light records (user-record.ts), and a light record or a scan that does need it goes back
// to the main thread (`needsTypescript`), which has TypeScript loaded and warm: one thread pays
// TypeScript's load and JIT warm-up, not two.

let typescript: TypescriptReading | null = null;
let working = Promise.resolve();

async function serve({ items, ends, next }: WorkerBatch): Promise<void> {
  const counter = new Int32Array(next);
  if (items.filter((item) => item.isScanned !== true).length >= PRIME_FROM) primeScan();
  for (let at = Atomics.add(counter, 0, 1); at < ends.length; at = Atomics.add(counter, 0, 1)) {
    const chunk = items.slice(at === 0 ? 0 : ends[at - 1], ends[at]);
    const isFull = (item: ParseItem) => item.full && item.isLight !== true;
    if (typescript === null && chunk.some((item) => isFull(item) && !mayReadWhole(item)))
      typescript = (await import('./typescript-reading.js')).typescriptReading;
    const results = chunk.map((item) => readModule(item, isFull(item) ? typescript : null));
    parentPort!.postMessage({ at, results } satisfies WorkerReply);
  }
  parentPort!.postMessage({ at: -1, results: [] } satisfies WorkerReply);
}

parentPort?.on('message', (batch: WorkerBatch) => {
  working = working.then(() => serve(batch));
});
