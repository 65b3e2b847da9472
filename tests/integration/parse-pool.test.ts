import { describe, expect, test } from '@jest/globals';
import { createParsePool, type ParseItem, type ReadResult } from '../../src/adapters/typescript/parse-modules.js';
import { readModule } from '../../src/adapters/typescript/read-module.js';

// The parse pool hands out small chunks to whichever thread is free (parse-modules.ts): every
// item must come back exactly once, with what reading it alone gives, however the chunks fall
// (past the worker threshold, a worker may serve them, or fail and leave them to the main thread).

function itemsOf(count: number): ParseItem[] {
  return Array.from({ length: count }, (_, i) => ({
    path: `src/m${i}.ts`,
    blob: `blob${i}`,
    text: `import { a${i % 7} } from './m${(i + 1) % count}';\nexport const v${i} = a${i % 7}(${i});\n`,
    full: i % 3 === 0,
    ...(i % 6 === 0 && { isLight: true }),
  }));
}

describe('the parse pool', () => {
  test.each([10, 700])('%i items: each read once, as read alone', async (count) => {
    const items = itemsOf(count);
    const pool = createParsePool();
    const results: ReadResult[] = [];
    try {
      await pool.read(items, (result) => results.push(result));
    } finally {
      await pool.close();
    }
    expect(results.map((r) => r.blob).sort()).toEqual(items.map((i) => i.blob).sort());
    const byBlob = new Map(results.map((r) => [r.blob, r]));
    for (const item of items) expect(byBlob.get(item.blob)).toEqual(readModule(item));
  });
});
