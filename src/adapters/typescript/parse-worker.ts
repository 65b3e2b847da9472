import { parentPort } from 'node:worker_threads';
import { readModule } from './read-module.js';
import type { TypescriptReading } from './typescript-reading.js';
import type { WorkerBatch, WorkerReply } from './parse-modules.js';

// A worker thread of the parse pool (parse-modules.ts): each message is a batch of files cut in
// chunks; the worker takes the next chunk from the counter it shares with the other threads, and
// answers each with its plain results, until none is left. It lives for the run; it loads
// TypeScript only when a chunk holds a file to parse in full (a scan needs none).

let typescript: TypescriptReading | null = null;
let working = Promise.resolve();

async function serve({ items, ends, next }: WorkerBatch): Promise<void> {
  const counter = new Int32Array(next);
  for (let at = Atomics.add(counter, 0, 1); at < ends.length; at = Atomics.add(counter, 0, 1)) {
    const chunk = items.slice(at === 0 ? 0 : ends[at - 1], ends[at]);
    if (typescript === null && chunk.some((item) => item.full)) typescript = (await import('./typescript-reading.js')).typescriptReading;
    parentPort!.postMessage({ at, results: chunk.map((item) => readModule(item, typescript)) } satisfies WorkerReply);
  }
  parentPort!.postMessage({ at: -1, results: [] } satisfies WorkerReply);
}

parentPort?.on('message', (batch: WorkerBatch) => {
  working = working.then(() => serve(batch));
});
