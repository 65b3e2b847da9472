import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** TypeScript's version, read from its package.json: the cache key needs it without loading TS. */
export function readTypescriptVersion(): string {
  try {
    const path = createRequire(import.meta.url).resolve('typescript/package.json');
    return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
