import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let version: string | undefined;

/**
 * TypeScript's version, read from its package.json: the cache key needs it without loading TS.
 * Read once a process: each cache (modules, graph, routes) asks, and each read resolved the
 * package again.
 */
export function readTypescriptVersion(): string {
  if (version !== undefined) return version;
  try {
    const path = createRequire(import.meta.url).resolve('typescript/package.json');
    version = (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  } catch {
    version = 'unknown';
  }
  return version;
}
