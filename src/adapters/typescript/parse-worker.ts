import { parentPort } from 'node:worker_threads';
import { readModule, type ParseItem } from './read-module.js';

// A worker thread of the parse pool: each message is a share of files, answered with their
// plain results. It lives for the run, so TypeScript loads once per thread.

parentPort?.on('message', (items: readonly ParseItem[]) => parentPort?.postMessage(items.map(readModule)));
