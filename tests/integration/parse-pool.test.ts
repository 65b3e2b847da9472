import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createParsePool, type ParseItem, type ReadResult } from '../../src/adapters/typescript/parse-modules.js';
import { readModule } from '../../src/adapters/typescript/read-module.js';
import { typescriptReading } from '../../src/adapters/typescript/typescript-reading.js';
import { testEnv } from '../helpers/env.js';

// The parse pool: the threads take small chunks from a shared counter (parse-modules.ts): every
// item must come back exactly once, with what reading it alone with TypeScript gives, however the
// chunks fall (past the worker threshold a worker may serve them, or fail and leave them to the
// main thread), also for a text our scanner gives back to TypeScript and for a batch where only
// the main thread may load TypeScript. The built pool (dist/) runs real worker threads; the
// source's, under jest, has no worker file and exercises the failed worker's path.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST_POOL = pathToFileURL(join(ROOT, 'dist/adapters/typescript/parse-modules.js')).href;

// Texts our scanner gives back to TypeScript (scan-imports.ts): a word spelled with an escape, a
// word past ASCII.
const GIVEN_BACK = [
  (i: number) => `const \\u0061b${i} = 1;\nimport { a } from './r${i}';\nexport const r = a;\n`,
  (i: number) => `const café${i} = 1;\nexport * as ns from './ns${i}';\nimport('./lazy${i}');\n`,
];

function itemsOf(count: number, fullEvery: number): ParseItem[] {
  return Array.from({ length: count }, (_, i) => ({
    path: `src/m${i}.ts`,
    blob: `blob${i}`,
    text:
      i % 50 === 7
        ? GIVEN_BACK[i % 2]!(i)
        : i % 50 === 12
          ? // A class: a light record TypeScript must read (user-record.ts leaves it), which a worker sends back.
            `import { a } from './c${i}';\nexport class C${i} extends a {}\n`
          : `import { a${i % 7} } from './m${(i + 1) % count}';\nexport const v${i} = a${i % 7}(${i});\n`,
    full: i % fullEvery === 0,
    ...(i % (fullEvery * 2) === 0 && { isLight: true }),
  }));
}

async function readAll(create: typeof createParsePool, items: readonly ParseItem[]): Promise<ReadResult[]> {
  const pool = create();
  const results: ReadResult[] = [];
  try {
    await pool.read(items, (result) => results.push(result));
  } finally {
    await pool.close();
  }
  return results;
}

function expectAsReadAlone(items: readonly ParseItem[], results: readonly ReadResult[]) {
  expect(results.map((r) => r.blob).sort()).toEqual(items.map((i) => i.blob).sort());
  const byBlob = new Map(results.map((r) => [r.blob, r]));
  for (const item of items) expect(byBlob.get(item.blob)).toEqual(readModule(item, typescriptReading));
  expect(results.some((r) => r.needsTypescript)).toBe(false);
}

describe('the parse pool', () => {
  test.each([
    [10, 3],
    [700, 3],
    [700, 1000], // one parse: the main thread's alone, the rest scans
  ])(
    '%i items, one in %i parsed: each read once, as read alone',
    async (count, fullEvery) => {
      const items = itemsOf(count, fullEvery);
      expectAsReadAlone(items, await readAll(createParsePool, items));
      // Proves it ends, not how fast: 2,000 items take ~4 s on a loaded machine, jest's default limit 5.
    },
    60_000,
  );

  test.each([
    [2000, 3],
    [2000, 100000], // scans only: no thread is handed a parse
    [2000, 400], // five parses, the main thread's
  ])(
    'with worker threads (the build): %i items, one in %i parsed',
    async (count, fullEvery) => {
      const built = (await import(DIST_POOL)) as { createParsePool: typeof createParsePool };
      const items = itemsOf(count, fullEvery);
      expectAsReadAlone(items, await readAll(built.createParsePool, items));
    },
    60_000,
  );

  test('a file to parse, or a text our scanner gives back, waits for TypeScript on a thread without it', () => {
    const text = readFileSync(fileURLToPath(new URL('../../src/adapters/typescript/parse-modules.ts', import.meta.url)), 'utf8');
    const waits = { blob: 'b1', specifiers: [], record: null, needsTypescript: true };
    // A JavaScript file's whole record is TypeScript's: it waits unread. One the tokens tried and gave
    // back (a triple-slash directive is TypeScript's, always) waits with its text.
    expect(readModule({ path: 'a.jsx', blob: 'b1', text, full: true }, null)).toEqual(waits);
    const directive = `/// <reference lib="es2020" />\n${text}`;
    expect(readModule({ path: 'a.tsx', blob: 'b1', text: directive, full: true }, null)).toEqual({ ...waits, text: directive });
    // A whole record the tokens give (user-whole.ts) waits for nothing, but where its other side was TypeScript's.
    const plain = "import { a } from './a';\nexport const v = a.b(1);\n";
    expect(readModule({ path: 'a.ts', blob: 'b1', text: plain, full: true }, null).record?.hash).toMatch(/^t/);
    expect(readModule({ path: 'a.ts', blob: 'b1', text: plain, full: true, isTypescriptOnly: true }, null)).toEqual(waits);
    const given = { path: 'b.ts', blob: 'b2', text: GIVEN_BACK[0]!(1), full: false };
    // Once read, the text comes back with it: the thread with TypeScript reads no file again.
    expect(readModule(given, null)).toEqual({ blob: 'b2', specifiers: [], record: null, needsTypescript: true, text: given.text });
    expect(readModule(given, typescriptReading).specifiers).toEqual(['./r1']);
    // A scan our scanner answers needs no TypeScript.
    const scanned = readModule({ path: 'c.ts', blob: 'b3', text, full: false }, null);
    expect(scanned.specifiers.length).toBeGreaterThan(2);
    expect(scanned).toEqual(readModule({ path: 'c.ts', blob: 'b3', text, full: false }, typescriptReading));
  });
});

// A worker thread that only scans, or reads light records from tokens, must never load TypeScript
// (9 MB to compile, ~0.3–0.7 s of a cold run's worker), nor one of the pool while the main thread
// reads the changed files' whole records (parse-modules.ts). `script` (given the items and the
// built code's paths) runs in a process of its own and prints how many results came back; its
// worker threads mark a read of typescript.js in a file (a preload on fs.readFileSync, which both
// ways of loading it use; a worker inherits node's options), the main thread only with `isAnyThread`.
function typescriptReadByWorker(items: readonly ParseItem[], script: (items: string) => string, isAnyThread = false): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'selfreview-worker-'));
  try {
    const marker = join(dir, 'typescript-read');
    writeFileSync(
      join(dir, 'mark.cjs'),
      `const fs = require('node:fs');
const { isMainThread } = require('node:worker_threads');
const read = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
  if ((${isAnyThread} || !isMainThread) && /typescript[\\/]lib[\\/]typescript\\.js$/.test(String(file))) fs.writeFileSync(${JSON.stringify(marker)}, 'read');
  return read.call(this, file, ...rest);
};
`,
    );
    writeFileSync(join(dir, 'run.mjs'), script(JSON.stringify(items)));
    const run = spawnSync(process.execPath, ['--require', join(dir, 'mark.cjs'), join(dir, 'run.mjs')], {
      env: testEnv(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(String(items.length));
    return existsSync(marker);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bundle's worker (what the CLI starts), handed one batch. */
const oneWorker = (items: string) => `import { Worker } from 'node:worker_threads';
const items = ${items};
const worker = new Worker(${JSON.stringify(join(ROOT, 'dist/bundle/parse-worker.js'))});
let count = 0;
worker.on('message', ({ at, results }) => {
  count += results.length;
  if (at < 0) worker.terminate().then(() => console.log(count));
});
worker.postMessage({ items, ends: [items.length], next: new SharedArrayBuffer(4) });
`;

/** The built pool, with its worker threads. */
const builtPool = (items: string) => `const { createParsePool } = await import(${JSON.stringify(DIST_POOL)});
const pool = createParsePool();
let count = 0;
await pool.read(${items}, () => count++);
await pool.close();
console.log(count);
`;

describe('the parse worker (the build)', () => {
  const text = (i: number) => `import { a } from './a${i}';\nexport const v${i} = a.b(${i});\n`;
  test('scans and light records read from tokens load no TypeScript', () => {
    const items: ParseItem[] = Array.from({ length: 40 }, (_, i) => ({
      path: `src/m${i}.ts`,
      blob: `b${i}`,
      text: text(i),
      full: i % 2 === 0,
      isLight: true,
    }));
    expect(typescriptReadByWorker(items, oneWorker)).toBe(false);
  });

  test('a full record the tokens cannot give loads it (the mark is seen)', () => {
    // `isTypescriptOnly`: always TypeScript's (its other side was), however much the tokens read.
    const item = { path: 'src/m.ts', blob: 'b', text: text(0), full: true, isTypescriptOnly: true };
    expect(typescriptReadByWorker([item], oneWorker)).toBe(true);
  });
});

describe('the parse pool (the build): whole records', () => {
  const text = (i: number) => `import { a } from './a${i}';\nexport const v${i} = a.b(${i});\n`;
  // `isTypescriptOnly`: whole records always TypeScript's (read-module.ts), however much the tokens read.
  const itemsWith = (count: number, wholeEvery: number, isTypescriptOnly = true): ParseItem[] =>
    Array.from({ length: count }, (_, i) => {
      const full = i % wholeEvery === 0;
      return { path: `src/m${i}.ts`, blob: `b${i}`, text: text(i), full, ...(full && isTypescriptOnly && { isTypescriptOnly }) };
    });

  test('the tokens give them all: no thread loads TypeScript, the main thread neither', () => {
    expect(typescriptReadByWorker(itemsWith(1200, 50, false), builtPool, true)).toBe(false);
    expect(typescriptReadByWorker(itemsWith(1200, 2, false), builtPool, true)).toBe(false);
    expect(typescriptReadByWorker(itemsWith(1200, 50), builtPool, true)).toBe(true);
  });

  test('a few, spread through a scan: the main thread reads them, no worker loads TypeScript', () => {
    // 24 whole records (more than the 16 the main thread used to keep) among 1,200 scans.
    expect(typescriptReadByWorker(itemsWith(1200, 50), builtPool)).toBe(false);
  });

  test("more than a thread's share: the workers read them too", () => {
    if (availableParallelism() < 2) return; // no worker thread to share them with
    expect(typescriptReadByWorker(itemsWith(1200, 2), builtPool)).toBe(true);
  });
});

// A file a walk crosses was read for its scan earlier in the run: its text, kept by blob id by the
// thread that read it (read-module.ts), is the blob's, whatever the working tree holds by the time
// the record is asked (dub: 964 of 4,212 files were read and hashed twice). The object ids here are
// git's own (`git hash-object`).
describe('a scanned text kept for the walk', () => {
  const hashObject = (dir: string, file: string) =>
    spawnSync('git', ['hash-object', file], { cwd: dir, env: testEnv(), encoding: 'utf8' }).stdout.trim();

  test('a record of a blob this thread scanned reads no file; taken once; a file that was not the blob is not kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfreview-kept-'));
    try {
      const file = join(dir, 'm.ts');
      const text = "import { a } from './a';\nexport const v = a.b(1);\n";
      writeFileSync(file, text);
      const blob = hashObject(dir, 'm.ts');
      expect(blob).toMatch(/^[0-9a-f]{40}$/);
      const scan = readModule({ path: 'm.ts', blob, file, full: false }, null);
      expect(scan.specifiers).toEqual(['./a']);
      // The working tree moves on (an edit after `git add`): the record is still the blob's.
      writeFileSync(file, 'export const other = 2;\n');
      const light = { path: 'm.ts', blob, file, full: true, isScanned: true, isLight: true };
      const record = readModule(light, null);
      expect(record.unread).toBeUndefined();
      expect(record).toEqual(readModule({ ...light, text, file: undefined } as ParseItem, null));
      expect(record.record?.exports.length).toBe(1);
      // Taken out: asked again, the file is read (and is not the blob).
      expect(readModule(light, null)).toEqual({ blob, specifiers: [], record: null, unread: true });
      // A file scanned while it was not the blob keeps nothing for it.
      const other = hashObject(dir, 'm.ts');
      writeFileSync(file, text);
      expect(readModule({ path: 'm.ts', blob: other, file, full: false }, null)).toEqual({
        blob: other,
        specifiers: [],
        record: null,
        unread: true,
      });
      writeFileSync(file, 'export const other = 2;\n');
      expect(readModule({ ...light, blob: other }, null).unread).toBeUndefined();
      writeFileSync(file, text);
      expect(readModule({ ...light, blob: other }, null)).toEqual({ blob: other, specifiers: [], record: null, unread: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('with worker threads (the build): a scan, then the records of the same files: each once, as read alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfreview-kept-pool-'));
    try {
      const texts = Array.from(
        { length: 900 },
        (_, i) => `import { a${i % 7} } from './m${(i + 1) % 900}';\nexport const v${i} = a${i % 7}(${i});\n`,
      );
      texts.forEach((text, i) => writeFileSync(join(dir, `m${i}.ts`), text));
      const blobs = spawnSync('git', ['hash-object', ...texts.map((_, i) => `m${i}.ts`)], { cwd: dir, env: testEnv(), encoding: 'utf8' })
        .stdout.trim()
        .split('\n');
      const built = (await import(DIST_POOL)) as { createParsePool: typeof createParsePool };
      const pool = built.createParsePool();
      try {
        const scans: ReadResult[] = [];
        await pool.read(
          texts.map((_, i) => ({ path: `m${i}.ts`, blob: blobs[i]!, file: join(dir, `m${i}.ts`), full: false })),
          (r) => scans.push(r),
        );
        expect(scans.filter((r) => r.unread || r.needsTypescript)).toEqual([]);
        const light = texts.map((_, i) => ({
          path: `m${i}.ts`,
          blob: blobs[i]!,
          file: join(dir, `m${i}.ts`),
          full: true,
          isScanned: true,
          isLight: true,
        }));
        const records: ReadResult[] = [];
        await pool.read(light, (r) => records.push(r));
        expect(records.map((r) => r.blob).sort()).toEqual([...blobs].sort());
        const byBlob = new Map(records.map((r) => [r.blob, r]));
        light.forEach((item, i) =>
          expect(byBlob.get(item.blob)).toEqual(readModule({ ...item, file: undefined, text: texts[i]! }, typescriptReading)),
        );
      } finally {
        await pool.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
