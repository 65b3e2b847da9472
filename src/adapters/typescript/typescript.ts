import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { dirname, join } from 'node:path';
import { cachedDataVersionTag } from 'node:v8';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';
import type * as TypeScript from 'typescript';
import { readCacheFile, reportIgnoredCache, userCacheDir, writeCacheFile } from '../cache/trusted-cache-file.js';

// TypeScript loaded with require(), not import: an ESM import of this 9 MB CommonJS file makes
// Node scan it for its export names (cjs-module-lexer) and test-compile it as ESM first.
// From Node 22.1 V8's compile cache skips even the compile on later runs
// (`module.enableCompileCache`). Node 20 has no such switch, so there we compile it ourselves
// with V8's code cache (`vm.Script` cachedData): about half of TypeScript's load time (0.5 s
// to 0.27 s, measured here). It is compiled code of TypeScript, not anything of a repository,
// so it is kept per user, where Node 22 keeps its own (the user's cache folder: 2.5 MB for a
// TypeScript and Node version pair), and every repository's first run has it. It is written
// after the run's parsing, so it holds the parser's functions too; V8 checks it against the
// source's length and its own flags only, so it is read as trusted-cache-file.ts reads every
// cache: the user's own file in the user's own folder (not group/other-writable, outside any git
// work tree: a home kept in git, a repository used as HOME), its header naming the digest of the
// exact bytes of typescript.js it was compiled from and of its own bytes. A planted or damaged
// cache is never handed to V8 (its code would run; damaged bytes crash V8): it is ignored with
// one line and rewritten. No HOME, or one not writable: TypeScript loads without it.

const require = nodeModule.createRequire(import.meta.url);
const hasCompileCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';

let script: Script | null = null;
let cacheFile: string | null = null;
let isCacheCurrent = false;
let cacheKey = '';
/** Far above the 2.5 MB V8 writes for TypeScript 6. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/** The source V8 compiles and the digest of its bytes; the 9 MB of bytes are not kept. */
function readSource(file: string): { source: string; digest: string } {
  const bytes = readFileSync(file);
  // The wrapper Node itself puts around a CommonJS module.
  const source = `(function (exports, require, module, __filename, __dirname) { ${bytes.toString('utf8')}\n});`;
  return { source, digest: createHash('sha256').update(bytes).digest('hex') };
}

function loadWithCodeCache(dir: string): typeof TypeScript {
  const file = require.resolve('typescript');
  const version = (require('typescript/package.json') as { version: string }).version;
  // V8 rejects a cache made under other flags (bin/selfreview.js sets some for a cold run): one
  // file per flag set, named by V8's own tag of its version, flags and CPU, so that a hook run and
  // a cold run never reject and rewrite each other's cache.
  cacheFile = join(dir, `typescript-${version}-${process.version}-${process.arch}-${cachedDataVersionTag().toString(16)}.v8cache`);
  const { source, digest } = readSource(file);
  // V8 checks a code cache only against the source's length: the key is the exact source bytes.
  cacheKey = `typescript ${version} ${process.version} ${process.arch} ${digest}`;
  const read = readCacheFile(cacheFile, { key: cacheKey, maxBytes: MAX_CACHE_BYTES, isOutsideWorkTree: true });
  // Said once: the parse workers load TypeScript too.
  if (read.kind === 'refused' && isMainThread) reportIgnoredCache(cacheFile, read.reason);
  const cachedData = read.kind === 'hit' ? read.bytes : undefined;
  script = new Script(source, { filename: file, cachedData });
  isCacheCurrent = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as typeof TypeScript };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, nodeModule.createRequire(file), module, file, dirname(file));
  return module.exports;
}

function loadTypescript(): typeof TypeScript {
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  const dir = userCacheDir();
  if (!hasCompileCache && dir !== null) {
    try {
      return loadWithCodeCache(dir);
    } catch {
      script = null;
    }
  }
  return require('typescript') as typeof TypeScript;
}

export const ts: typeof TypeScript = loadTypescript();
// Loaded by whatever needs it (the parse pool, a changed file's `keyof typeof` keys, a question):
// the cache is written when the process ends, if no one wrote it before (the pool does when it
// closes). A run whose only TypeScript was the keys' wrote none, and compiled all of TypeScript
// again on every run (dub's cold run: ~150 ms of CPU). The main thread's only: a worker's is the same code.
if (isMainThread && script !== null && !isCacheCurrent) process.once('exit', saveTypescriptCodeCache);

/** Writes V8's code cache of TypeScript when there was none or V8 rejected it; never throws. */
export function saveTypescriptCodeCache(): void {
  if (script === null || cacheFile === null || isCacheCurrent) return;
  try {
    isCacheCurrent = writeCacheFile(cacheFile, cacheKey, script.createCachedData(), { isOutsideWorkTree: true });
  } catch {
    // a read-only cache folder only costs speed
  }
}
