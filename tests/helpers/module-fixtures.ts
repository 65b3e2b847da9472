import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TS_EXTENSIONS } from '../../src/adapters/typescript/parse-module.js';

/** The impact fixtures, where the record checks read every JS/TS file. */
export const IMPACT_FIXTURES = fileURLToPath(new URL('../fixtures/impact', import.meta.url));

/** Every JS/TS file below `dir`, but node_modules and deep-nesting (it overflows the parser on
 * purpose: its record is a parse error, no imports). */
export function moduleFixtures(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'deep-nesting' ? [] : moduleFixtures(path);
    return TS_EXTENSIONS.some((ext) => entry.name.endsWith(ext)) ? [path] : [];
  });
}
