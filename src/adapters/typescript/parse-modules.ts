import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParseItem, ReadResult } from './read-module.js';

// Reads many files on every core: the work is cut into small chunks, each taken by whichever
// thread is free (the worker threads and the main thread, which also stores every result). A
// worker costs its own TypeScript load (~0.3 s), so below a few hundred files of work the main
// thread does it all; once started, a worker serves every later batch of the run (a walk parses
// in rounds). A worker that fails leaves its chunk to the main thread.
// A full parse weighs about four scans: chunks are cut by weight, not by count.

export type { ParseItem, ReadResult } from './read-module.js';

const WORKER_FROM = 400;
const FULL_WEIGHT = 4;
const weight = (item: ParseItem) => (item.full ? FULL_WEIGHT : 1);
// A chunk of work handed to a thread: a few tens of milliseconds.
const CHUNK_WEIGHT = 64;

export interface ParsePool {
  /** Starts the workers for this much work now (files, a full parse counting four), so they
   * load TypeScript while the caller still reads the texts. */
  prepare(work: number): void;
  read(items: readonly ParseItem[], onResult: (result: ReadResult) => void): Promise<void>;
  /** Stops the workers, and writes TypeScript's code cache if this run made a new one. */
  close(): Promise<void>;
}

/** Cuts `items` into `count` consecutive shares of about equal weight. */
function cutShares(items: readonly ParseItem[], count: number): ParseItem[][] {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  const shares: ParseItem[][] = [[]];
  let carried = 0;
  for (const item of items) {
    if (carried >= (total / count) * shares.length && shares.length < count) shares.push([]);
    shares[shares.length - 1]!.push(item);
    carried += weight(item);
  }
  return shares;
}

function askWorker(worker: Worker | null, items: readonly ParseItem[]): Promise<ReadResult[] | null> {
  if (worker === null) return Promise.resolve(null);
  return new Promise((resolve) => {
    // Held only while it works: an idle worker never keeps the process alive.
    const done = (results: ReadResult[] | null) => {
      worker.off('message', done).off('error', failed).off('exit', failed).unref();
      resolve(results);
    };
    const failed = () => done(null);
    worker.ref();
    worker.on('message', done).once('error', failed).once('exit', failed);
    worker.postMessage(items);
  });
}

export function createParsePool(): ParsePool {
  let workers: Array<Worker | null> = [];
  const prepare = (work: number) => {
    if (work < WORKER_FROM || workers.length > 0) return;
    workers = Array.from({ length: Math.min(availableParallelism() - 1, 3) }, () => {
      const worker = new Worker(new URL('./parse-worker.js', import.meta.url));
      worker.once('error', () => (workers[workers.indexOf(worker)] = null)).unref();
      return worker;
    });
  };
  return {
    prepare,
    async read(items, onResult) {
      const work = items.reduce((sum, item) => sum + weight(item), 0);
      prepare(work);
      const active = work >= WORKER_FROM ? workers : [];
      const { readModule } = await import('./read-module.js');
      // Small chunks, each taken by whichever thread is free: fixed shares left one thread idle
      // while the other finished (the main thread also stores every result).
      const chunks = cutShares(items, active.length === 0 ? 1 : Math.ceil(work / CHUNK_WEIGHT));
      let next = 0;
      const orphaned: ParseItem[][] = [];
      const serve = async (worker: Worker | null) => {
        while (next < chunks.length) {
          const chunk = chunks[next++]!;
          const results = await askWorker(worker, chunk);
          if (results === null) return void orphaned.push(chunk); // a failed worker's chunk: the main thread reads it
          results.forEach(onResult);
        }
      };
      const serving = active.map(serve);
      while (next < chunks.length) {
        for (const item of chunks[next++]!) onResult(readModule(item));
        // Lets the workers' results in, and their next chunks out.
        if (active.length > 0) await new Promise((resolve) => setImmediate(resolve));
      }
      await Promise.all(serving);
      for (const chunk of orphaned) for (const item of chunk) onResult(readModule(item));
    },
    async close() {
      for (const worker of workers) void worker?.terminate();
      workers = [];
      (await import('./typescript.js')).saveTypescriptCodeCache();
    },
  };
}
