import { parentPort, workerData } from 'node:worker_threads';
import { parseModule } from './parse-module.js';

// A worker thread's share of a cold run's parsing: the files in, their plain records out.

const items = workerData as readonly { readonly path: string; readonly blob: string; readonly text: string }[];
parentPort?.postMessage(items.map(({ path, blob, text }) => [blob, parseModule(path, text)] as const));
