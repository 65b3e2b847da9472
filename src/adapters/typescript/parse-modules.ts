import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { hasKept, mayReadWhole, readModule, type ParseItem, type ReadResult } from './read-module.js';
import type { TypescriptReading } from './typescript-reading.js';
import { PRIME_FROM, primeScan } from './scan-primer.js';

// Reads many files on every core: the work is cut into small chunks, and each thread (the worker
// threads and the main thread, which also stores every result) takes the next one from a counter
// they share, so a worker never waits for the main thread to hand it work (the main thread is
// busy for a while when it loads TypeScript or stores a chunk's results). Below a few hundred
// files of work the main thread does it all; once started, a worker serves every later batch of
// the run (a walk parses in rounds). A chunk a failed worker took is read by the main thread.
// A full parse weighs about four scans: chunks are cut by weight, not by count.
// TypeScript is loaded by the main thread when it meets a file to parse with it, and by a worker
// only for a full record (parse-worker.ts): a light record mostly needs none (user-record.ts), and
// one that does, or a text our own scanner gives back, goes to the main thread: a first run's
// import scan loads it nowhere. The whole records of a batch (the changed files') are the main
// thread's, which loads TypeScript for those the tokens cannot give (user-whole.ts), while the workers scan: unless they weigh more
// than a thread's share of the batch, a worker loading TypeScript a second time (and warming its
// parser up again) cost a cold run more CPU than it saved wall (docs/speed.md, round 45).

export type { ParseItem, ReadResult } from './read-module.js';

const WORKER_FROM = 400;
const FULL_WEIGHT = 4;
const weight = (item: ParseItem) => (item.full ? FULL_WEIGHT : 1);
/** A record TypeScript reads whole (a changed file's), not a walk's light one (user-record.ts). */
const isWhole = (item: ParseItem) => item.full && item.isLight !== true;
// A chunk of work taken by a thread: a few tens of milliseconds.
const CHUNK_WEIGHT = 64;

/** A batch as a worker gets it: chunk `i` is `items[ends[i - 1] ?? 0 .. ends[i]]`; `next` holds the
 * shared counter of the next chunk to take. */
export interface WorkerBatch {
  readonly items: readonly ParseItem[];
  readonly ends: readonly number[];
  readonly next: SharedArrayBuffer;
}

/** A chunk's results (`at` its index), or `at: -1` once the worker found no chunk left. */
export interface WorkerReply {
  readonly at: number;
  readonly results: readonly ReadResult[];
}

export interface ParsePool {
  /** Starts the workers for this much work now (files, a full parse counting four), so they
   * start while the caller still reads the texts. */
  prepare(work: number): void;
  read(items: readonly ParseItem[], onResult: (result: ReadResult) => void): Promise<void>;
  /** Stops the workers, and writes TypeScript's code cache if this run made a new one. */
  close(): Promise<void>;
}

/** The ends of consecutive chunks of `items` of about `size` weight each. */
function cutChunks(items: readonly ParseItem[], size: number): number[] {
  const ends: number[] = [];
  let carried = 0;
  items.forEach((item, i) => {
    carried += weight(item);
    if (carried >= size) {
      ends.push(i + 1);
      carried = 0;
    }
  });
  if (carried > 0) ends.push(items.length);
  return ends;
}

/** Runs one batch on `worker`: its replies go to `onChunk`; resolves when it took its last chunk
 * (true) or failed (false). An idle worker never keeps the process alive. */
function runOnWorker(worker: Worker, batch: WorkerBatch, onChunk: (reply: WorkerReply) => void): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (isDone: boolean) => {
      worker.off('message', answered).off('error', failed).off('exit', failed).unref();
      resolve(isDone);
    };
    const answered = (reply: WorkerReply) => (reply.at < 0 ? done(true) : onChunk(reply));
    const failed = () => done(false);
    worker.ref();
    worker.on('message', answered).once('error', failed).once('exit', failed);
    worker.postMessage(batch);
  });
}

export function createParsePool(): ParsePool {
  let workers: Array<Worker | null> = [];
  let typescript: TypescriptReading | null = null;
  const loadTypescript = async (): Promise<TypescriptReading> =>
    (typescript ??= (await import('./typescript-reading.js')).typescriptReading);
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
      const active = work >= WORKER_FROM ? workers.filter((w): w is Worker => w !== null) : [];
      // Texts TypeScript must read, met by a thread without it: the main thread reads them before
      // its next chunk (at the end, they kept it busy while the workers had nothing left).
      const later: ParseItem[] = [];
      // The text a worker read comes along: the main thread reads no file twice.
      const take = (item: ParseItem, result: ReadResult) => {
        if (result.needsTypescript !== true) return onResult(result);
        later.push(result.text === undefined ? item : { ...item, text: result.text });
      };
      const readOwn = async (own: readonly ParseItem[]) => {
        // A light record mostly needs no TypeScript (user-record.ts): the texts that do come back.
        // A whole record the tokens may give loads none: one they cannot give comes back (`later`).
        if (typescript === null && own.some((item) => isWhole(item) && !mayReadWhole(item))) await loadTypescript();
        for (const item of own) take(item, readModule(item, typescript));
      };
      // The whole records (the changed files') are the main thread's, first, while the workers
      // scan, when they weigh no more than one thread's share of the batch.
      const wholes = active.length > 0 ? items.filter(isWhole) : [];
      const isOwnWhole = wholes.length > 0 && wholes.length * FULL_WEIGHT * (active.length + 1) <= work;
      // A walk's records of files this thread scanned (their texts kept, read-module.ts) are its
      // own too, up to one thread's share of the batch: those files are not read again.
      const share = work / (active.length + 1) - (isOwnWhole ? wholes.length * FULL_WEIGHT : 0);
      const kept = active.length > 0 ? items.filter((item) => !isWhole(item) && item.full && hasKept(item.blob)) : [];
      const ownKept = new Set(kept.slice(0, Math.max(0, Math.floor(share / FULL_WEIGHT))));
      const shared = isOwnWhole || ownKept.size > 0 ? items.filter((item) => !(isOwnWhole && isWhole(item)) && !ownKept.has(item)) : items;
      const ends = cutChunks(shared, CHUNK_WEIGHT);
      const chunkAt = (at: number) => shared.slice(at === 0 ? 0 : ends[at - 1], ends[at]);
      const next = new SharedArrayBuffer(4);
      const counter = new Int32Array(next);
      const isRead = new Uint8Array(ends.length);
      const batch: WorkerBatch = { items: shared, ends, next };
      const serving = active.map((worker) =>
        runOnWorker(worker, batch, ({ at, results }) => {
          const chunk = chunkAt(at);
          results.forEach((result, i) => take(chunk[i]!, result));
          isRead[at] = 1;
        }),
      );
      const readLater = async () => {
        if (later.length === 0) return;
        await loadTypescript();
        for (const item of later.splice(0)) onResult(readModule(item, typescript, true));
      };
      // A first run's scan: every thread primes V8 for it first (scan-primer.ts).
      if (items.filter((item) => item.isScanned !== true).length >= PRIME_FROM) primeScan();
      if (isOwnWhole) await readOwn(wholes);
      if (ownKept.size > 0) await readOwn([...ownKept]);
      for (;;) {
        await readLater();
        const at = Atomics.add(counter, 0, 1);
        if (at >= ends.length) break;
        await readOwn(chunkAt(at));
        isRead[at] = 1;
        // Lets the workers' results in.
        if (active.length > 0) await new Promise((resolve) => setImmediate(resolve));
      }
      await Promise.all(serving);
      // A failed worker's chunks: the main thread reads them.
      for (let at = 0; at < ends.length; at++) if (isRead[at] === 0) await readOwn(chunkAt(at));
      await readLater();
    },
    async close() {
      for (const worker of workers) void worker?.terminate();
      workers = [];
      if (typescript !== null) (await import('./typescript.js')).saveTypescriptCodeCache();
    },
  };
}
